"""Load the site glossary file once: the build and `briefs check` share this."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs_briefs.core.cache.findings import code_fingerprint
from mkdocs_briefs.core.cache.parses import GLOSSARY_DIR
from mkdocs_briefs.core.cache.pickles import RecordFolder
from mkdocs_briefs.core.cache.records import valid_glossary
from mkdocs_briefs.core.glossary.terms import Glossary, LoadedGlossary, TermMatcher, load_glossary
from mkdocs_briefs.core.problems import Location, Problem, Problems
from mkdocs_briefs.core.render.definition import check_definition_links
from mkdocs_briefs.core.source.reader import (
    MAX_GLOSSARY_BYTES,
    FileTooLarge,
    decode_source,
    read_bounded,
    site_file_path,
    too_large,
)


@dataclass
class SiteGlossary:
    """The loaded glossary and its matcher, built once per build for every brief."""

    path: Path  # absolute
    glossary: Glossary
    matcher: TermMatcher
    problems: list[Problem] = field(default_factory=list)


def load_site_glossary(
    option: str | Path, project_dir: Path, cache_dir: Path | None = None
) -> SiteGlossary:
    """Read and check the file of the `glossary:` option; problems name it as written.

    With a `cache_dir`, a glossary loaded before from the same bytes is read back from
    there: a big glossary takes a fifth of a second to load, a tenth of that to read back.
    """
    path, shown = site_file_path(option, project_dir)
    problems = Problems()
    try:
        data: bytes | None = read_bounded(path, MAX_GLOSSARY_BYTES)
    except FileTooLarge as exc:
        too_large(exc.size, shown, problems, glossary=True)
        data = None
    except OSError as exc:
        problems.error(Location(shown), f"cannot read the glossary: {exc.strerror or exc}")
        data = None
    kept = _KeptGlossaries(cache_dir) if cache_dir is not None and data is not None else None
    key = _key(shown, data) if kept is not None else ""
    loaded = kept.get(key, shown) if kept is not None else None
    if loaded is None:
        loaded = _load(data, shown)
        if kept is not None:
            kept.put(key, loaded)
    glossary, found = loaded.glossary, loaded.problems
    problems.extend(found)
    return SiteGlossary(path, glossary, TermMatcher(glossary), problems.items)


def _load(data: bytes | None, shown: str) -> LoadedGlossary:
    problems = Problems()
    text = _decode(data, shown, problems) if data is not None else None
    glossary, found = (
        load_glossary(text, shown) if text is not None else (Glossary.empty(shown), [])
    )
    problems.extend(found)
    problems.extend(check_definition_links(glossary))
    return LoadedGlossary(glossary, tuple(problems.items))


def _decode(data: bytes, shown: str, problems: Problems) -> str | None:
    if not data.strip():
        return ""  # an empty glossary is allowed: no term is linked
    return decode_source(data, shown, problems, glossary=True)


def _key(shown: str, data: bytes | None) -> str:
    digest = hashlib.sha256(f"{code_fingerprint()}\0{shown}\0".encode())
    digest.update(data or b"")
    return digest.hexdigest()


KEPT_GLOSSARIES = 4  # a site built with two glossaries in turn keeps both


class _KeptGlossaries:
    """Loaded glossaries by key (the file's bytes and path, and this package's code)."""

    def __init__(self, cache_dir: Path) -> None:
        self._records = RecordFolder(cache_dir, (GLOSSARY_DIR,), LoadedGlossary, valid_glossary)

    def get(self, key: str, shown: str) -> LoadedGlossary | None:
        loaded = self._records.get(key, shown)
        if loaded is not None:
            self._records.touch(key)  # used now: kept longest
        return loaded

    def put(self, key: str, loaded: LoadedGlossary) -> None:
        self._records.put(key, loaded)
        self._records.keep_newest(KEPT_GLOSSARIES)
