"""Ids and slugs: the forms the contract allows and how anchors are made."""

from __future__ import annotations

import re
import unicodedata

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*\Z")

# A slug or a tag becomes one folder name of the site: file systems allow 255 bytes,
# and an address is read by people.
MAX_SLUG = 100


def cut_slug(slug: str) -> str:
    """The slug, at most MAX_SLUG characters long."""
    return slug[:MAX_SLUG].rstrip("-")


def is_valid_id(value: object) -> bool:
    return isinstance(value, str) and bool(ID_PATTERN.match(value))


def slugify(text: str) -> str:
    """A readable ASCII anchor or URL slug: "Why it matters" -> "why-it-matters"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


class AnchorRegistry:
    """Hands out unique anchors on one page: a repeated slug gets -2, -3, ..."""

    def __init__(self, reserved: set[str] | None = None) -> None:
        self._used: set[str] = set(reserved or ())
        # The next number to try for each slug: 30,000 identical headings would
        # otherwise count up from 2 every time (quadratic).
        self._next: dict[str, int] = {}

    def unique(self, text: str, fallback: str = "section") -> str:
        base = slugify(text) or fallback
        anchor, number = base, self._next.get(base, 2)
        while anchor in self._used:
            anchor, number = f"{base}-{number}", number + 1
        self._used.add(anchor)
        self._next[base] = number
        return anchor


def source_anchor(source_id: str) -> str:
    """The anchor of a source in a brief's sourcing list."""
    return f"source-{source_id}"
