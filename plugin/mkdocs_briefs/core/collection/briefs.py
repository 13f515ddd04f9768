"""Find and parse every brief of a site, once per build."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from mkdocs_briefs.core.brief.model import Brief
from mkdocs_briefs.core.brief.parse import SiteSettings
from mkdocs_briefs.core.collection.memo import ParsedBriefs
from mkdocs_briefs.core.collection.parsed import ParsedFile, parse_files, read_briefs
from mkdocs_briefs.core.problems import Location, Problem, Problems, Severity


@dataclass
class BriefCollection:
    briefs: list[Brief] = field(default_factory=list)  # newest first
    files: dict[str, Path] = field(default_factory=dict)  # brief path as shown -> file
    problems: Problems = field(default_factory=Problems)

    def by_path(self, shown_path: str) -> Brief | None:
        return next((b for b in self.briefs if b.path == shown_path), None)


def briefs_among(files: list[Path]) -> list[Path]:
    # The exact suffix test keeps case-insensitive systems from also reading `X.MD`.
    return [file for file in files if file.suffix == ".md"]


@dataclass(frozen=True)
class FolderListing:
    """The files under a folder, the folders in it that could not be listed, and the
    files and folders whose names are not UTF-8 (no message or address can name them)."""

    files: list[Path]
    unreadable: list[tuple[Path, OSError]]
    misnamed: list[Path] = field(default_factory=list)

    def problems(self, project_dir: Path) -> list[Problem]:
        """Each folder that could not be listed and each name that is not UTF-8: what
        is in them is missing from the site."""
        found = [
            Problem(
                Location(shown_path(folder, project_dir)),
                f"cannot read the folder: {error.strerror or error}: "
                "the briefs in it are left out; give it read permission or move them out",
                Severity.ERROR,
            )
            for folder, error in self.unreadable
        ]
        found.extend(name_not_utf8(path, project_dir) for path in self.misnamed)
        return found


def is_misnamed(path: Path) -> bool:
    """Whether the path's name holds bytes that are not UTF-8."""
    return any(_is_undecoded(char) for char in str(path))


def name_not_utf8(path: Path, project_dir: Path) -> Problem:
    """A file or folder that no message or address can name as it is."""
    shown = shown_path(path, project_dir)
    byte = next(ord(char) - 0xDC00 for char in shown if _is_undecoded(char))
    return Problem(
        Location(os.fsencode(shown).decode("utf-8", "replace")),
        f"the name is not UTF-8 (byte 0x{byte:02x}): rename it; what it names is not read",
        Severity.ERROR,
    )


def _is_undecoded(char: str) -> bool:
    """A byte of a file name that was not UTF-8, as Python keeps it (surrogateescape)."""
    return "\udc80" <= char <= "\udcff"


def files_under(folder: Path) -> FolderListing:
    """Every file under the folder, at any depth, in path order (as sorted Paths are).

    Folders that are links are not entered; files that are links count, and so does
    a link that leads nowhere or loops: reading it says why it cannot be read. One
    scan of each folder: the entries say which are files without asking for each.
    """
    found: list[tuple[str, ...]] = []
    unreadable: list[tuple[Path, OSError]] = []
    misnamed: list[Path] = []
    pending: list[tuple[str, ...]] = [()]
    while pending:
        parts = pending.pop()
        try:
            with os.scandir(os.path.join(folder, *parts)) as entries:
                for entry in entries:
                    if any(_is_undecoded(char) for char in entry.name):
                        misnamed.append(folder.joinpath(*parts, entry.name))
                    elif _is_folder(entry):
                        pending.append((*parts, entry.name))
                    elif _is_file_or_link(entry):
                        found.append((*parts, entry.name))
        except FileNotFoundError:
            continue  # no briefs folder (yet), or one removed while listed
        except OSError as error:
            unreadable.append((folder.joinpath(*parts), error))
    found.sort()
    unreadable.sort(key=lambda item: item[0])
    misnamed.sort()
    files = [folder.joinpath(*parts) for parts in found]
    return FolderListing(files, unreadable, misnamed)


def _is_folder(entry: os.DirEntry[str]) -> bool:
    """A real folder, to be entered (a link to one is neither entered nor read)."""
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _is_file_or_link(entry: os.DirEntry[str]) -> bool:
    try:
        if entry.is_symlink():
            return not entry.is_dir()  # a link to a folder is not read
        return entry.is_file(follow_symlinks=False)
    except OSError:  # a link that loops
        return True


def docs_page_clash(shown: str, url: str, src_uri: str) -> Problem:
    """A page in the docs folder already has the brief's address: the brief is not built."""
    return Problem(
        Location(shown, 1, 1),
        f"the page /{url} is also made by {src_uri} in the docs folder: "
        "change this brief's slug: or move that page",
        Severity.ERROR,
    )


# Files that were meant as briefs but would be skipped for their name: warn, never lose them.
_MEANT_AS_BRIEFS = (".md", ".markdown", ".mdown", ".mkd", ".txt")


def stray_files(files: list[Path], project_dir: Path) -> list[Problem]:
    """Text files among the briefs folder's `files` (from `files_under`) that are not read
    because they do not end in `.md`."""
    problems = Problems()
    for file in files:
        suffix = file.suffix
        if suffix == ".md" or suffix.lower() not in _MEANT_AS_BRIEFS:
            continue
        problems.warning(
            Location(shown_path(file, project_dir)),
            f"this file is not read: only files ending in .md are briefs; "
            f"rename it to {file.stem}.md, or move it out of the briefs folder",
        )
    return problems.items


def load_briefs(
    briefs_dir: Path, project_dir: Path, settings: SiteSettings, memo: ParsedBriefs | None = None
) -> BriefCollection:
    """Parse all briefs; a broken one is reported and skipped, never stopping the rest."""
    listing = files_under(briefs_dir)
    collection = load_brief_files(briefs_among(listing.files), project_dir, settings, memo)
    collection.problems.extend(listing.problems(project_dir))
    collection.problems.extend(stray_files(listing.files, project_dir))
    return collection


def load_brief_files(
    files: list[Path], project_dir: Path, settings: SiteSettings, memo: ParsedBriefs | None = None
) -> BriefCollection:
    """Parse the given brief files (`briefs check` parses them with the same `parse_source`).

    With a memo (see collection/memo.py), a file parsed before with the same bytes is not parsed
    again: in this process, or in an earlier build if the memo has a store.
    """
    sources = read_briefs([(file, shown_path(file, project_dir)) for file in files])
    found: list[ParsedFile | None] = [None] * len(files)
    keys: list[str | None] = [None] * len(files)
    if memo is not None:
        for index, source in enumerate(sources):
            keys[index] = key = memo.key_of(source)
            found[index] = memo.get(key) if key else None
    todo = [index for index, parsed in enumerate(found) if parsed is None]
    store = memo.store if memo is not None else None
    parsed_now = parse_files([sources[i] for i in todo], settings, store, [keys[i] for i in todo])
    for index, parsed in zip(todo, parsed_now, strict=True):
        found[index] = parsed
        key = keys[index]
        if memo is not None and key is not None:
            memo.put(key, parsed)

    collection = BriefCollection()
    claims = UrlClaims()
    term_ids = _site_term_ids(settings)
    for source, parsed in zip(sources, found, strict=True):
        assert parsed is not None
        file, path = source.file, source.shown
        collection.problems.extend(list(parsed.problems))
        brief = parsed.brief
        if brief is None or not claims.claim(brief.url, path, collection.problems):
            continue
        _share_term_ids(brief, term_ids)
        collection.briefs.append(brief)
        collection.files[path] = file
    collection.briefs.sort(key=lambda b: (b.published, b.path), reverse=True)
    return collection


def _site_term_ids(settings: SiteSettings) -> dict[str, str]:
    terms = settings.glossary.glossary.terms if settings.glossary else {}
    return {term_id: term_id for term_id in terms}


def _share_term_ids(brief: Brief, term_ids: dict[str, str]) -> None:
    """A brief read from the cache, or parsed in another process, has its own copy of
    every term id it links: use the glossary's (a thousand briefs held 1 MiB of copies)."""
    body = brief.body
    body.terms = [term_ids.get(term_id, term_id) for term_id in body.terms]
    if body.prerendered is not None:
        shared = tuple(term_ids.get(term_id, term_id) for term_id in body.prerendered.terms)
        body.prerendered = replace(body.prerendered, terms=shared)


class UrlClaims:
    """Which brief makes each page: a second brief for the same URL is an error naming both."""

    def __init__(self) -> None:
        self._by_url: dict[str, str] = {}

    def claim(self, url: str, shown: str, problems: Problems) -> bool:
        other = self._by_url.get(url)
        if other is not None:
            problems.error(
                Location(shown, 1, 1),
                f"this brief and {other} both make the page /{url}: "
                "change the slug: of one of them",
            )
            return False
        self._by_url[url] = shown
        return True


def shown_path(file: Path, project_dir: Path) -> str:
    """Paths in messages are relative to the project, as an editor opens them."""
    try:
        return file.relative_to(project_dir).as_posix()
    except ValueError:
        return file.as_posix()
