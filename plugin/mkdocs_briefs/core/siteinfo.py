"""What every page and feed needs to know about the site itself."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SiteInfo:
    name: str
    url: str = ""  # absolute, ending in "/"; "" when the site's address is unknown
    description: str = ""
    author: str = ""  # the newsroom: the byline of briefs that name no authors

    @classmethod
    def make(
        cls, name: str, url: str | None, description: str | None = None, author: str | None = None
    ) -> SiteInfo:
        base = (url or "").strip()
        if base and not base.endswith("/"):
            base += "/"
        return cls(
            name=name,
            url=base,
            description=(description or "").strip(),
            author=(author or "").strip(),
        )

    @property
    def newsroom(self) -> str:
        return self.author or self.name

    def absolute(self, path: str) -> str:
        """The absolute address of a site path such as `2025/07/04/slug/`, or ""."""
        return self.url + path.lstrip("/") if self.url else ""
