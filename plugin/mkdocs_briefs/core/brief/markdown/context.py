"""What the brief rules share while parsing one body: the brief's ids,
the problems list, the anchors handed out, and file positions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from markdown_it.token import Token

from mkdocs_briefs.core.brief.model import Body, Event, Source
from mkdocs_briefs.core.glossary.terms import TermMatcher
from mkdocs_briefs.core.ids import AnchorRegistry
from mkdocs_briefs.core.problems import Location, Problems

ENV_KEY = "brief"


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

    def locate(self, inline: Token | None, needle: str = "", offset: int | None = None) -> Location:
        """The file position of `needle` (or of `offset` in the content) in an inline block."""
        if inline is None or inline.map is None:
            return Location(self.path, self.body_line)
        first = inline.map[0]
        line = first
        if offset is not None:
            line = first + inline.content.count("\n", 0, offset)
        if needle:
            # Search the source lines of the block: the inline content has lost indentation.
            for index in range(line, min(inline.map[1], len(self.lines))):
                col = self.lines[index].find(needle)
                if col >= 0:
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


def get_context(env: dict[str, Any]) -> ParseContext | None:
    return env.get(ENV_KEY)
