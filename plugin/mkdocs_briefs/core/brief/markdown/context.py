"""What the brief rules share while parsing one body: the brief's ids,
the problems list, the anchors handed out, and file positions."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from markdown_it.token import Token

from mkdocs_briefs.core.brief.model import Body, Event, Source
from mkdocs_briefs.core.glossary.terms import TermMatcher
from mkdocs_briefs.core.ids import AnchorRegistry
from mkdocs_briefs.core.problems import Location, Problems

ENV_KEY = "brief"
_LINE_BREAK = re.compile("\n")


@dataclass
class ParseContext:
    path: str
    body_line: int  # file line of the body's first line
    lines: list[str]  # the body's lines, to find columns
    problems: Problems
    sources: dict[str, Source] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    # Ids declared with a bad value, already reported and left out: their uses are not
    # reported again as undeclared.
    dropped: frozenset[str] = frozenset()
    anchors: AnchorRegistry = field(default_factory=AnchorRegistry)
    body: Body = field(default_factory=lambda: Body(tokens=[]))
    glossary: TermMatcher | None = None  # built once per build; None: no glossary configured
    link_terms: bool = True  # False: note the terms used, add no link tokens
    # Where the last needle was found (line index, column): rules report left to right,
    # so the next one is searched for from there, not from the start of a long line.
    _cursor: tuple[int, int] = (-1, 0)
    # The line breaks of the last inline block placed: counting them up to each offset
    # took the square of a long paragraph's length.
    _breaks: tuple[Token | None, list[int]] = (None, [])

    def locate(self, inline: Token | None, needle: str = "", offset: int | None = None) -> Location:
        """The file position of `needle` (or of `offset` in the content) in an inline block."""
        if inline is None or inline.map is None:
            return Location(self.path, self.body_line)
        first = inline.map[0]
        line = first
        if offset is not None:
            line = first + bisect.bisect_left(self._line_breaks(inline), offset)
        if needle:
            # Search the source lines of the block: the inline content has lost indentation.
            for index in range(line, min(inline.map[1], len(self.lines))):
                col = self._find(index, needle)
                if col >= 0:
                    self._cursor = (index, col)
                    return Location(self.path, self.body_line + index, col + 1)
        return Location(self.path, self.body_line + line, 0)

    def locate_id(
        self,
        inline: Token | None,
        markup: str,
        prefix: str,
        the_id: str,
        offset: int | None = None,
    ) -> Location:
        """The position of `the_id` (written after `prefix`) inside `markup`, e.g. the
        `ua-oficial` of `[@ua-oficial]`: a message points at the id, not at the bracket."""
        where = self.locate(inline, needle=markup, offset=offset)
        # The whole id: `@aid` is not the start of `@aide`.
        found = re.search(re.escape(prefix + the_id) + r"(?![a-z0-9-])", markup)
        if not where.col or found is None:
            return where
        return Location(where.path, where.line, where.col + found.start() + len(prefix))

    def _line_breaks(self, inline: Token) -> list[int]:
        if self._breaks[0] is not inline:
            content = inline.content
            self._breaks = (inline, [found.start() for found in _LINE_BREAK.finditer(content)])
        return self._breaks[1]

    def _find(self, index: int, needle: str) -> int:
        """The first column of `needle` in line `index`, searched from the cursor on."""
        text = self.lines[index]
        at_line, at_col = self._cursor
        if at_line != index or not at_col:
            return text.find(needle)
        col = text.find(needle, at_col)
        return col if col >= 0 else text.find(needle, 0, at_col + len(needle))


def get_context(env: dict[str, Any]) -> ParseContext | None:
    return env.get(ENV_KEY)
