"""The text rule found by a regular expression reads Markdown as markdown-it's own does.

The brief pipeline replaces markdown-it's `text` inline rule (a character-by-character
scan) with one regular expression. Hypothesis writes texts dense in every character
that can start another inline rule, in every position, with non-ASCII text around
them; each must render the same with either rule, and so must the shipped briefs.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from mkdocs_briefs.core.brief.markdown.pipeline import brief_markdown
from mkdocs_briefs.core.brief.markdown.text_run import text_run

ROOT = Path(__file__).resolve().parents[2]

# Every character markdown-it stops at, and some it does not (`.`, `(`, `'`, `|`).
MARKUP = "\n!#$%&*+-:<=>@[\\]^_`{}~.()'|\"/ 0123"
PIECES = st.text(alphabet=MARKUP, min_size=1, max_size=4) | st.sampled_from(
    ["word", "Зеленський", "naïve", "日本", " ", "  ", "\t", "**", "[a](b)", "`c`", "&amp;", "\\*"]
)
MARKDOWN = st.lists(PIECES, max_size=40).map("".join)


def _parsers() -> tuple[MarkdownIt, MarkdownIt]:
    own = MarkdownIt("commonmark").enable("table")
    by_regex = MarkdownIt("commonmark").enable("table")
    # Installed directly: on markdown-it-py 4 the plugin leaves the library's rule.
    by_regex.inline.ruler.at("text", text_run)
    return own, by_regex


OWN, BY_REGEX = _parsers()


@settings(max_examples=600, deadline=None)
@given(MARKDOWN)
def test_any_text_renders_as_with_markdown_its_own_rule(text):
    assert BY_REGEX.render(text) == OWN.render(text)


def test_the_brief_pipeline_reads_text_with_a_regular_expression():
    md = brief_markdown()
    rules = md.inline.ruler.getRules("")
    if hasattr(md.inline, "terminator_re"):  # markdown-it-py 4 scans with its own
        assert text_run not in rules
    else:
        assert rules.index(text_run) == 0  # where markdown-it's own rule was


def test_the_shipped_briefs_render_as_with_markdown_its_own_rule():
    briefs = sorted((ROOT / "briefs").rglob("*.md"))
    assert briefs
    for brief in briefs:
        body = brief.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        assert BY_REGEX.render(body) == OWN.render(body), brief.name


def test_text_stops_before_each_character_another_rule_starts_at():
    # One line with each: emphasis, code, an entity, an autolink, an escape, a link.
    text = "a *b* _c_ `d` &amp; <https://e.example> \\* [f](g) h:i ~j~"
    assert BY_REGEX.render(text) == OWN.render(text)
    assert "<em>b</em>" in BY_REGEX.render(text)
    assert '<a href="https://e.example">' in BY_REGEX.render(text)
