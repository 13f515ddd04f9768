"""How briefs are grouped for readers: paginated lists, months and tags.

Only paths and groups live here; the HTML is in `render/`. Every path is
relative to the site root, without a leading slash, and ends in "/".
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from mkdocs_briefs.core.ids import slugify
from mkdocs_briefs.core.brief.model import Brief
from mkdocs_briefs.core.ids import cut_slug, slugify
from mkdocs_briefs.core.brief.model import Brief

ARCHIVE_PATH = "archive/"
TAGS_PATH = "tags/"
FEED_PATH = "feed.xml"

_MONTHS = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)


@dataclass(frozen=True)
class ListPage:
    """One page of a paginated list of briefs (newest first)."""

    base: str  # the path of page 1, e.g. "archive/"
    number: int  # 1-based
    count: int  # how many pages the list has
    briefs: tuple[Brief, ...]

    @property
    def path(self) -> str:
        return page_path(self.base, self.number)

    @property
    def newer(self) -> str | None:
        return page_path(self.base, self.number - 1) if self.number > 1 else None

    @property
    def older(self) -> str | None:
        return page_path(self.base, self.number + 1) if self.number < self.count else None


def page_path(base: str, number: int) -> str:
    """Page 1 lives at the list's own address, the others under page/<n>/."""
    return base if number == 1 else f"{base}page/{number}/"


def paginate(briefs: Sequence[Brief], base: str, per_page: int) -> list[ListPage]:
    """Split into pages of `per_page`; an empty list still has its (empty) first page."""
    per_page = max(1, per_page)
    chunks = [tuple(briefs[i : i + per_page]) for i in range(0, len(briefs), per_page)] or [()]
    return [ListPage(base, n, len(chunks), chunk) for n, chunk in enumerate(chunks, start=1)]


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    briefs: tuple[Brief, ...]

    @property
    def path(self) -> str:
        return f"{ARCHIVE_PATH}{self.year:04d}/{self.month:02d}/"

    @property
    def title(self) -> str:
        return f"{_MONTHS[self.month - 1]} {self.year}"


def by_month(briefs: Iterable[Brief]) -> list[Month]:
    """Months that have briefs, newest first; a brief's month is that of its publication."""
    groups: dict[tuple[int, int], list[Brief]] = {}
    for brief in briefs:
        groups.setdefault((brief.published.year, brief.published.month), []).append(brief)
    return [
        Month(year, month, tuple(_newest_first(items)))
        for (year, month), items in sorted(groups.items(), reverse=True)
    ]


@dataclass(frozen=True)
class Tag:
    slug: str
    name: str
    briefs: tuple[Brief, ...]

    @property
    def path(self) -> str:
        return tag_path(self.slug)


def tag_slug(name: str) -> str:
    """`Air defense` -> `air-defense`; a name with no Latin letters or digits gets a stable code."""
    slug = cut_slug(slugify(name))
    if slug:
        return slug
    return "tag-" + hashlib.sha1(name.casefold().encode("utf-8")).hexdigest()[:8]


def tag_path(slug: str) -> str:
    return f"{TAGS_PATH}{slug}/"


def by_tag(briefs: Iterable[Brief]) -> list[Tag]:
    """Tags in alphabetical order; spellings with the same slug are one tag."""
    members: dict[str, list[Brief]] = {}
    spellings: dict[str, dict[str, int]] = {}
    for brief in briefs:
        seen: set[str] = set()
        for name in brief.tags:
            slug = tag_slug(name)
            counts = spellings.setdefault(slug, {})
            counts[name] = counts.get(name, 0) + 1
            if slug not in seen:  # a brief tagged "Ukraine" and "ukraine" is listed once
                members.setdefault(slug, []).append(brief)
                seen.add(slug)
    tags = [
        Tag(slug, _spelling(spellings[slug]), tuple(_newest_first(items)))
        for slug, items in members.items()
    ]
    return sorted(tags, key=lambda tag: (tag.name.casefold(), tag.slug))


def _spelling(counts: dict[str, int]) -> str:
    """The most used spelling names the tag; a tie goes to the one seen first."""
    return max(counts, key=counts.__getitem__)


def _newest_first(briefs: Iterable[Brief]) -> list[Brief]:
    return sorted(briefs, key=lambda b: (b.published, b.path), reverse=True)
