"""Under `mkdocs serve`, an unchanged brief's body and fragments are not rendered again.

Every rebuild renders every brief page, as `mkdocs build` does (other plugins
see every page complete). What the plugin makes for a brief (its body HTML,
header, sidebar, timeline, head tags...) depends on the brief's parse and on
what the page shows of other files: same-as dates, story, previous/next and
related briefs (`SiteLinks.fingerprint`), bylines from the authors file, the lead
image, the glossary, the addresses of the site pages it links to, and where its
body's links lead. All of that is the key, compared on every rebuild; the links
of the body are resolved again and must lead where they did. A brief whose key
differs in anything is rendered again. Only the plugin's own rendering is
skipped: the page still goes through MkDocs' pipeline and the theme, so every
plugin's events see its complete content.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from mkdocs_briefs.core.brief.model import Brief
from mkdocs_briefs.core.render.page import RenderedBody, RenderedBrief

Resolve = Callable[[str], str | None]


@dataclass(frozen=True)
class KeptBrief:
    brief: Brief  # the parse it was rendered from (the same object while unchanged)
    key: tuple[Any, ...]
    glossary: Any  # the glossary its definitions come from, compared by identity
    links: tuple[tuple[str, str | None], ...]  # each link of the body, and where it led
    body: RenderedBody
    rendered: RenderedBrief

    def fragments(self) -> RenderedBrief:
        """A copy: the page may turn its links into file links."""
        return replace(self.rendered)


class RecordingResolver:
    """Resolves the body's links and remembers where each led."""

    def __init__(self, resolve: Resolve) -> None:
        self._resolve = resolve
        self.links: list[tuple[str, str | None]] = []

    def __call__(self, href: str) -> str | None:
        target = self._resolve(href)
        self.links.append((href, target))
        return target


class RenderedBriefs:
    """Each brief's rendering of the last build, by brief path; what a build did not
    use is forgotten when it ends, so memory stays the site's size."""

    def __init__(self) -> None:
        self._kept: dict[str, KeptBrief] = {}
        self._used: dict[str, KeptBrief] = {}

    def get(self, brief: Brief, key: tuple[Any, ...], glossary: Any, resolve: Resolve):
        kept = self._kept.get(brief.path)
        if (
            kept is None
            or kept.brief is not brief
            or kept.key != key
            or kept.glossary is not glossary
            or any(resolve(href) != target for href, target in kept.links)
        ):
            return None
        self._used[brief.path] = kept
        return kept

    def keep(self, kept: KeptBrief) -> None:
        self._used[kept.brief.path] = kept

    def end_build(self) -> None:
        self._kept, self._used = self._used, {}
