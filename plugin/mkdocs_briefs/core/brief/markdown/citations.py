"""Inline rule: `[@ua-official; @call-source]` becomes one `citation` token.

It runs before markdown-it's `link` rule, so a citation is never read as a
link reference. The ids are checked later, when the brief's sources are known.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

# `[@` ... `]`, without nested brackets or line breaks inside.
CITATION = re.compile(r"\[@([^\[\]\n]*)\]")


def citations_plugin(md: MarkdownIt) -> None:
    md.inline.ruler.before("link", "citation", _citation_rule)


def split_ids(inner: str) -> list[str]:
    """`ua-official; @call-source` (after the first `@`) -> the raw ids as written."""
    return [part.strip().removeprefix("@").strip() for part in ("@" + inner).split(";")]


def _citation_rule(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith("[@", state.pos):
        return False
    match = CITATION.match(state.src, state.pos)
    if match is None:
        return False
    if not silent:
        token = state.push("citation", "", 0)
        token.markup = match.group(0)
        token.meta = {"ids": split_ids(match.group(1)), "offset": state.pos}
    state.pos = match.end()
    return True
