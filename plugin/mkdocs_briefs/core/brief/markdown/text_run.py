"""Inline rule: a run of plain text, found by one regular expression.

markdown-it-py 3's `text` rule tests the source one character at a time,
reading `state.src` through a property at each step: a tenth of the time of
`briefs check`. This rule stops at the same characters, so the tokens are the
same; only the scan is left to `re`. markdown-it-py 4 scans with a regular
expression of its own (`terminator_re`, which its plugins may extend), and
keeps its rule; version 3 is what sites with mdformat-based plugins such as
mkdocs-llmstxt have installed.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

# markdown-it's terminator characters: where another inline rule may start.
_TEXT_RUN = re.compile(r"[^\n!#$%&*+\-:<=>@\[\\\]^_`{}~]+")


def text_run_plugin(md: MarkdownIt) -> None:
    if hasattr(md.inline, "terminator_re"):  # markdown-it-py 4 and later
        return
    md.inline.ruler.at("text", text_run)


def text_run(state: StateInline, silent: bool) -> bool:
    run = _TEXT_RUN.match(state.src, state.pos, state.posMax)
    if run is None:
        return False
    if not silent:
        state.pending += run.group()
    state.pos = run.end()
    return True
