"""Parse brief files, many at once in several processes (see parallel.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from .model import Brief
from .parallel import map_in_chunks, worker_count
from .parse import SiteSettings, parse_brief
from .problems import Problem, Problems
from .reader import read_source


@dataclass(frozen=True)
class ParsedFile:
    """One brief file parsed: the brief (None if it cannot be built) and its problems."""

    brief: Brief | None
    problems: tuple[Problem, ...]


def parse_files(files: Sequence[tuple[Path, str]], settings: SiteSettings) -> list[ParsedFile]:
    """Each (file, path as shown) parsed, in order."""
    workers = worker_count(len(files))
    parsed = map_in_chunks(partial(_parse_chunk, settings), files, workers)
    if workers > 1 and settings.glossary is not None:
        parsed = [_with_site_terms(item, settings) for item in parsed]
    return parsed


def read_brief(file: Path, shown: str, settings: SiteSettings, problems: Problems) -> Brief | None:
    """Read and parse one brief file; None (with problems) when it cannot be built."""
    text = read_source(file, shown, problems)
    if text is None:
        return None
    return parse_brief(text, shown, settings, problems)


def _parse_chunk(settings: SiteSettings, files: Sequence[tuple[Path, str]]) -> list[ParsedFile]:
    parsed = []
    for file, shown in files:
        problems = Problems()
        brief = read_brief(file, shown, settings, problems)
        parsed.append(ParsedFile(brief, tuple(problems.items)))
    return parsed


def _with_site_terms(item: ParsedFile, settings: SiteSettings) -> ParsedFile:
    # A brief parsed in another process came back with copies of the glossary terms
    # it links: point it at the site's own, which every page shares.
    body = item.brief.body if item.brief else None
    if body is None or body.prerendered is None or settings.glossary is None:
        return item
    terms = settings.glossary.glossary.terms
    prerendered = body.prerendered
    body.prerendered = replace(
        prerendered, terms=tuple(terms.get(term.id, term) for term in prerendered.terms)
    )
    return item
