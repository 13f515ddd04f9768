"""Parse brief files, many at once in several processes (see collection/parallel.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs_briefs.core.brief.model import Brief
from mkdocs_briefs.core.brief.parse import ParsedFile, SiteSettings, parse_brief
from mkdocs_briefs.core.collection.parallel import map_in_chunks, worker_count
from mkdocs_briefs.core.problems import Problems
from mkdocs_briefs.core.source.reader import read_files, source_text

if TYPE_CHECKING:
    from mkdocs_briefs.core.cache.parses import ParseCache


@dataclass(frozen=True)
class BriefSource:
    """A brief file as read: its bytes, or why it could not be read."""

    file: Path
    shown: str  # the path in messages
    data: bytes | OSError


def read_briefs(files: Sequence[tuple[Path, str]]) -> list[BriefSource]:
    """Each (file, path as shown) read, in order."""
    read = read_files([file for file, _ in files])
    return [BriefSource(file, shown, data) for (file, shown), data in zip(files, read, strict=True)]


def parse_files(
    sources: Sequence[BriefSource],
    settings: SiteSettings,
    store: ParseCache | None = None,
    keys: Sequence[str | None] = (),
) -> list[ParsedFile]:
    """Each source parsed, in order. With a `store`, each parse that has a key (in `keys`,
    one per source) is kept there too, by the process that made it."""
    items = list(zip(sources, keys or [None] * len(sources), strict=True))
    workers = worker_count(len(items))
    return map_in_chunks(partial(_parse_chunk, settings, store), items, workers)


def parse_source(source: BriefSource, settings: SiteSettings, problems: Problems) -> Brief | None:
    """Parse one brief file's bytes; None (with problems) when it cannot be built."""
    text = source_text(source.data, source.shown, problems)
    if text is None:
        return None
    return parse_brief(text, source.shown, settings, problems)


def _parse_chunk(
    settings: SiteSettings,
    store: ParseCache | None,
    items: Sequence[tuple[BriefSource, str | None]],
) -> list[ParsedFile]:
    parsed = []
    for source, key in items:
        problems = Problems()
        brief = parse_source(source, settings, problems)
        parsed.append(ParsedFile(brief, tuple(problems.items)))
        if store is not None and key is not None:
            store.put(key, parsed[-1])
    return parsed
