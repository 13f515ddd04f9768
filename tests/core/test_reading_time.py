"""Word count and reading time in a brief's header: "350 words · 2 min"."""

from __future__ import annotations

import re

import pytest

from mkdocs_briefs.core.render.page import render_brief


def text_of(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html).strip()


def test_words_are_counted_as_readers_count_them(parse):
    result = parse(
        "---\ntitle: T\ndate: 2025-07-04\nsources:\n  s: {name: S, kind: named}\n---\n\n"
        "Zelensky's air-defense plan cost 2,000 dollars "
        "[on paper](https://example.org/a-b). [@s]\n\n"
        "**Why it matters:** `code` counts.\n"
    )
    # Zelensky's, air-defense, plan, cost, 2,000, dollars, on, paper, Why, it, matters, code,
    # counts: the citation and the link's address are not words.
    assert result.brief.words == 13


@pytest.mark.parametrize(
    ("words", "shown"),
    [
        (350, "350 words · 2 min"),
        (1, "1 word · 1 min"),
        (100, "100 words · 1 min"),
        (1200, "1,200 words · 5 min"),
    ],
)
def test_the_header_says_how_long_the_brief_is(parse, words, shown):
    body = " ".join(["word"] * words)
    brief = parse(f"---\ntitle: T\ndate: 2025-07-04\n---\n\n{body}\n").brief
    header = render_brief(brief).header
    length = re.search(r'<p class="brief-reading-time">.*?</p>', header)
    assert length is not None and text_of(length.group(0)) == shown


def test_plain_names_make_the_byline_without_an_authors_file(parse):
    brief = parse("---\ntitle: T\ndate: 2025-07-04\nauthors: [A <b>, B, C]\n---\n\nText.\n").brief
    byline = '<p class="brief-header__byline brief-byline">By A &lt;b&gt;, B and C</p>'
    assert byline in render_brief(brief).header
