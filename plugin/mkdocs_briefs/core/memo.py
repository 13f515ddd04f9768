"""Briefs parsed earlier in this process, kept by content.

`mkdocs serve` rebuilds the whole site after every save; only the brief that
was saved needs parsing again. A parse depends on the file's bytes, its path
and the site's settings (time zone, glossary), all of which are in the key.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .check_cache import brief_key
from .model import Brief
from .parse import SiteSettings, parse_brief
from .problems import Problem, Problems
from .reader import decode_source, read_bytes


@dataclass(frozen=True)
class _Parsed:
    brief: Brief | None
    problems: tuple[Problem, ...]


class ParsedBriefs:
    """Parses by key; what a build did not ask for is forgotten when it ends."""

    def __init__(self) -> None:
        self._kept: dict[str, _Parsed] = {}
        self._used: dict[str, _Parsed] = {}
        self.keys: dict[str, str] = {}  # brief path as shown -> key of its last parse
        self.fingerprint = ""

    def start_build(self, fingerprint: str) -> None:
        """`fingerprint`: the site's settings a parse depends on (check_cache.site_fingerprint)."""
        self.fingerprint = fingerprint
        self.keys = {}

    def read(
        self, file: Path, shown: str, settings: SiteSettings, problems: Problems
    ) -> Brief | None:
        data = read_bytes(file, shown, problems)
        if data is None:
            return None
        key = brief_key(shown, data, self.fingerprint)
        parsed = self._kept.get(key) or self._used.get(key)
        if parsed is None:
            found = Problems()
            text = decode_source(data, shown, found)
            brief = None if text is None else parse_brief(text, shown, settings, found)
            parsed = _Parsed(brief, tuple(found.items))
        self._used[key] = parsed
        self.keys[shown] = key
        problems.extend(parsed.problems)
        return parsed.brief

    def end_build(self) -> None:
        self._kept, self._used = self._used, {}
