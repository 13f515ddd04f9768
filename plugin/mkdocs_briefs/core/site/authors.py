"""The site's authors file and the bylines of briefs.

The file (plugin option `authors:`) maps an author id to who they are:

    jane-doe:
      name: Jane Doe                     # required
      role: Kyiv correspondent           # optional
      bio: Covers Ukraine's air defense.   # optional
      url: https://example.org/jane       # optional: http(s)
      avatar: https://example.org/jane.jpg   # optional: http(s), or a site path

A brief's `authors:` lists ids from the file or plain names. How an entry is
told apart: an entry that is an id of the file is that author (a link to
`/authors/<id>/`). Anything else is a plain name, shown as written, except an
entry written like an id (lower-case letters, digits, hyphens, with a hyphen:
`jane-do`) that is close to a known id: that is a typo, reported with a
did-you-mean, and shown as written until it is fixed.

Bylines are resolved at build time, not when a brief is parsed (the parse is
cached by the brief's bytes, and the authors file may change alone).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs_briefs.core.brief.fields import FieldReader, is_web_url
from mkdocs_briefs.core.ids import is_valid_id
from mkdocs_briefs.core.brief.model import Brief
from mkdocs_briefs.core.problems import Location, Problem, Problems
from mkdocs_briefs.core.source.reader import read_site_file, site_file_path
from mkdocs_briefs.core.suggest import did_you_mean
from mkdocs_briefs.core.source.yamlsource import PosDict, PosList, YamlError, load_yaml

AUTHORS_PATH = "authors/"
AUTHOR_KEYS = ("name", "role", "bio", "url", "avatar")


@dataclass(frozen=True)
class Author:
    id: str
    name: str
    role: str = ""
    bio: str = ""
    url: str = ""  # their own page elsewhere: http(s)
    avatar: str = ""  # http(s), or a path from the site root

    @property
    def path(self) -> str:
        """Their page inside the site: authors/<id>/."""
        return f"{AUTHORS_PATH}{self.id}/"


@dataclass
class SiteAuthors:
    path: Path | None  # the file, absolute; None: the site has no authors file
    authors: dict[str, Author] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class Byline:
    """One entry of a brief's `authors:`: an author of the file, or a plain name."""

    name: str
    author: Author | None = None


def load_site_authors(option: str | Path, project_dir: Path) -> SiteAuthors:
    path, shown = site_file_path(option, project_dir)
    problems = Problems()
    text = read_site_file(path, shown, "authors file", problems)
    authors = _parse(text, shown, problems) if text else {}
    return SiteAuthors(path, authors, problems.items)


def _parse(text: str, shown: str, problems: Problems) -> dict[str, Author]:
    fields = FieldReader(shown, 0, problems)
    try:
        data = load_yaml(text)
    except YamlError as exc:
        problems.error(fields.at(exc.pos), f"{exc.message}: fix the authors file")
        return {}
    if not isinstance(data, PosDict):
        problems.error(
            Location(shown, 1, 1),
            "the authors file must be a mapping of author id -> name:, role:, ...",
        )
        return {}
    authors: dict[str, Author] = {}
    for author_id, entry in data.items():
        where = fields.at(data.key_pos[author_id])
        if not isinstance(author_id, str) or not is_valid_id(author_id):
            problems.warning(
                where,
                f"the author id '{author_id}' is not allowed: use lower-case letters, digits "
                "and hyphens, e.g. jane-doe",
            )
            continue
        if not isinstance(entry, PosDict):
            problems.warning(where, f"author '{author_id}' must be a mapping with name:")
            continue
        fields.unknown_keys(entry, AUTHOR_KEYS, f"author '{author_id}'")
        name = fields.text(entry, "name")
        if not name:
            problems.warning(where, f"author '{author_id}' has no name: add `name: ...`")
            continue
        authors[author_id] = Author(
            id=author_id,
            name=name,
            role=fields.text(entry, "role"),
            bio=fields.text(entry, "bio"),
            url=fields.url(entry, "url") or "",
            avatar=_avatar(entry, fields),
        )
    return authors


def _avatar(entry: PosDict, fields: FieldReader) -> str:
    raw = fields.text(entry, "avatar")
    if not raw:
        return ""
    if is_web_url(raw) or (":" not in raw.split("/")[0] and not raw.startswith("//")):
        return raw
    fields.problems.warning(
        fields.where(entry, "avatar"),
        f"'avatar' must be an http(s) address or a path in the site, got '{raw}': it was left out",
    )
    return ""


def bylines(
    brief: Brief, authors: dict[str, Author], problems: Problems | None = None
) -> tuple[Byline, ...]:
    """The brief's authors, linked where the file knows them; typos of ids reported."""
    found: list[Byline] = []
    for index, name in enumerate(brief.authors):
        author = authors.get(name)
        if author is None and problems is not None and _looks_like_an_id(name):
            hint = did_you_mean(name, authors)
            if hint:
                where = brief.author_spots[index] if index < len(brief.author_spots) else None
                problems.warning(
                    where or Location(brief.path),
                    f"unknown author '{name}'{hint}: use an id from the authors file, "
                    "or write the name as readers should see it",
                )
        found.append(Byline(author.name, author) if author else Byline(name))
    return tuple(found)


def _looks_like_an_id(name: str) -> bool:
    return is_valid_id(name) and "-" in name


def briefs_by_author(briefs: Iterable[Brief], authors: dict[str, Author]) -> dict[str, list[Brief]]:
    """Each author of the file with their briefs, newest first (as `briefs` is ordered)."""
    found: dict[str, list[Brief]] = {author_id: [] for author_id in authors}
    for brief in briefs:
        for name in dict.fromkeys(brief.authors):
            if name in found:
                found[name].append(brief)
    return found
