"""Glossary terms in brief bodies: where they link, where they never do, and how they render."""

from __future__ import annotations

import re
import textwrap

import pytest
from markdown_it.token import Token
from support import NEW_YORK, Parsed

from mkdocs_briefs.core.brief.markdown.glossary_links import _close, _open, _text
from mkdocs_briefs.core.brief.parse import SiteSettings, parse_brief
from mkdocs_briefs.core.glossary.terms import TermMatcher, load_glossary
from mkdocs_briefs.core.problems import Problems
from mkdocs_briefs.core.render.definition import DefinitionLinks
from mkdocs_briefs.core.render.page import render_brief

GLOSSARY_YAML = """\
air-defense:
  term: air defense
  aliases: [air-defense system]
  definition: Weapons that destroy incoming *missiles* and drones.
  see: [interceptor]
interceptor:
  term: interceptor
  definition: A missile fired by an [air-defense](glossary:air-defense) system.
drone:
  term: drone
  aliases: [UAV]
  definition: An aircraft with no pilot on board.
battery:
  term: battery
  definition: A group of launchers with their radar.
x:
  term: X
  aliases: [X (formerly Twitter)]
  definition: A social network, formerly Twitter.
"""
GLOSSARY, GLOSSARY_PROBLEMS = load_glossary(GLOSSARY_YAML, "content/glossary.yml")
MATCHER = TermMatcher(GLOSSARY)

FRONT = """\
---
title: T
date: 2025-07-04
events:
  - id: drone-strike
    when: Thursday
    kind: strike
    title: A drone strike
---
"""


BODY_LINE = FRONT.count("\n") + 1  # the file line of the body's first line


def parse(body: str, matcher: TermMatcher | None = MATCHER, front: str = FRONT) -> Parsed:
    problems = Problems()
    text = front + textwrap.dedent(body).lstrip("\n")
    brief = parse_brief(text, "briefs/test.md", SiteSettings(NEW_YORK, glossary=matcher), problems)
    return Parsed(brief, problems)


def html_of(result: Parsed) -> str:
    links = DefinitionLinks(root="../../../../", glossary_url="../../../../glossary/")
    return render_brief(result.brief, glossary=GLOSSARY, glossary_links=links).body


def linked(result: Parsed) -> list[tuple[str, str]]:
    """(term id, linked text) of every glossary link in the rendered body, in order."""
    pattern = r'<a class="brief-term"[^>]*data-term="([^"]+)"[^>]*>(.*?)</a>'
    return re.findall(pattern, html_of(result), flags=re.S)


def test_the_glossary_fixture_loads_cleanly():
    assert GLOSSARY_PROBLEMS == []


def test_only_the_first_mention_of_a_term_links():
    result = parse("Air defense matters.\n\nMore air defense, and air defenses.\n")
    assert linked(result) == [("air-defense", "Air defense")]
    assert result.brief.body.terms == ["air-defense"]
    assert result.problems.items == []


def test_each_term_links_once_in_first_use_order():
    result = parse("Drones and interceptors. A drone, an interceptor, air defense.\n")
    assert linked(result) == [
        ("drone", "Drones"),
        ("interceptor", "interceptors"),
        ("air-defense", "air defense"),
    ]
    assert result.brief.body.terms == ["drone", "interceptor", "air-defense"]


def test_never_in_headings_so_the_first_mention_in_text_links():
    result = parse("## Air defense and drones\n\nWhy air defense matters.\n")
    html = html_of(result)
    heading = html[html.index("<h2") : html.index("</h2>")]
    assert "brief-term" not in heading
    assert linked(result) == [("air-defense", "air defense")]
    assert result.brief.body.terms == ["air-defense"]  # the heading's "drones" is not a use


@pytest.mark.parametrize(
    "body",
    [
        "See [air defense](https://example.org/ad) here.",
        "A strike [by a drone](#drone-strike) hit.",
        "The term `air defense` and `drone` in code.",
        "```\nair defense and drone\n```",
        "Lede.\n\n    air defense and drone (indented code)",
        "![a drone over air defense](https://example.org/d.png)",
    ],
)
def test_never_in_links_mentions_code_citations_or_images(body: str):
    result = parse(body + "\n")
    assert linked(result) == []
    assert result.brief.body.terms == []


def test_never_in_citation_markers():
    # A source whose id is a glossary term: the marker becomes a numbered source link.
    front = FRONT.replace(
        "events:", "sources:\n  drone: {name: A drone maker, kind: statement}\nevents:"
    )
    result = parse("A claim. [@drone]\n", front=front)
    assert result.problems.items == []
    assert linked(result) == []
    assert 'data-source="drone"' in html_of(result)


def test_a_term_in_link_text_is_linked_at_its_next_mention_outside():
    result = parse("A strike [by a drone](#drone-strike) hit. Another drone came.\n")
    html = html_of(result)
    assert linked(result) == [("drone", "drone")]
    assert html.index('class="brief-mention"') < html.index('class="brief-term"')
    assert "<time" in html  # the mention still renders as the event's date


def test_never_in_section_labels_but_right_after_them():
    result = parse("Lede.\n\n**Air defense:** Air defense is short.\n")
    html = html_of(result)
    assert '<strong id="air-defense" class="brief-section__label">Air defense:</strong>' in html
    assert linked(result) == [("air-defense", "Air defense")]
    label_end = html.index("</strong>")
    assert html.index('class="brief-term"') > label_end


def test_bold_text_that_is_not_a_label_still_links():
    result = parse("Lede **with air defense** in bold.\n")
    assert linked(result) == [("air-defense", "air defense")]


def test_matches_across_a_line_break_and_inside_emphasis():
    result = parse("Ukraine needs air\ndefense and *drones*.\n")
    assert linked(result) == [("air-defense", "air\ndefense"), ("drone", "drones")]


def test_aliases_plurals_and_capitals_in_context():
    result = parse(
        "Two batteries of air-defense systems met UAVs, and uav is not a term. "
        "Zelensky wrote on X (formerly Twitter), 3 x 4.\n"
    )
    assert linked(result) == [
        ("battery", "batteries"),
        ("air-defense", "air-defense systems"),
        ("drone", "UAVs"),
        ("x", "X (formerly Twitter)"),
    ]


def test_whole_words_only():
    result = parse("Anti-drone guns, drone-based kits and dronelike toys; an xylophone.\n")
    assert linked(result) == []


def test_an_explicit_link_always_links_even_after_the_first_mention():
    result = parse("Air defense first. Then [shields](glossary:air-defense) again.\n")
    assert linked(result) == [("air-defense", "Air defense"), ("air-defense", "shields")]
    assert result.brief.body.terms == ["air-defense"]
    assert result.problems.items == []


def test_an_explicit_link_counts_as_the_first_mention():
    result = parse("[The shield](glossary:air-defense) protects. Air defense works.\n")
    assert linked(result) == [("air-defense", "The shield")]


def test_an_explicit_link_may_name_a_term_its_text_does_not_contain():
    result = parse("Launchers, or [a battery](glossary:battery) of them.\n")
    assert linked(result) == [("battery", "a battery")]


def test_an_unknown_explicit_id_is_reported_and_the_text_kept():
    result = parse("Lede.\n\nSome [air shields](glossary:air-defence) here.\n")
    assert result.messages == [
        f"briefs/test.md:{BODY_LINE + 2}:19: unknown glossary term 'air-defence' (did you mean "
        "'air-defense'?): use an id from content/glossary.yml or add the term there; "
        "the text was kept without a link"
    ]
    html = html_of(result)
    assert "<p>Some air shields here.</p>" in html
    assert "glossary:" not in html
    assert result.brief.body.terms == []


def test_an_explicit_link_without_a_glossary_is_reported():
    result = parse("Some [air shields](glossary:air-defense) here.\n", matcher=None)
    assert len(result.messages) == 1
    assert result.messages[0].startswith(
        f"briefs/test.md:{BODY_LINE}:19: the link to glossary term 'air-defense' was removed: "
        "the site has no glossary"
    )
    assert "<p>Some air shields here.</p>" in render_brief(result.brief).body


def test_no_glossary_means_no_automatic_links():
    result = parse("Air defense and drones.\n", matcher=None)
    assert result.problems.items == []
    assert "brief-term" not in render_brief(result.brief).body


def test_the_link_leads_to_the_entry_and_is_described_by_its_definition():
    result = parse("Air defense and [shields](glossary:air-defense).\n")
    rendered = render_brief(
        result.brief,
        glossary=GLOSSARY,
        glossary_links=DefinitionLinks(root="../../", glossary_url="../../glossary/"),
    )
    assert (
        rendered.body.count(
            '<a class="brief-term" href="../../glossary/#air-defense" data-term="air-defense" '
            'aria-describedby="term-air-defense">'
        )
        == 2
    )
    # One definition per term, however often it is linked; inline Markdown is rendered.
    assert rendered.glossary.count('id="term-air-defense"') == 1
    assert (
        '<p id="term-air-defense" role="tooltip" data-term-name="air defense">'
        "Weapons that destroy incoming <em>missiles</em> and drones.</p>"
    ) in rendered.glossary
    assert rendered.glossary.startswith('<div class="brief-term-definitions" hidden>')


def test_links_in_definitions_lead_to_the_glossary_from_the_brief_page():
    result = parse("An interceptor.\n")
    rendered = render_brief(
        result.brief,
        glossary=GLOSSARY,
        glossary_links=DefinitionLinks(root="../../", glossary_url="../../glossary/"),
    )
    assert '<a href="../../glossary/#air-defense">air-defense</a> system.' in rendered.glossary


def test_a_brief_without_terms_has_no_definitions():
    result = parse("Nothing to explain here.\n")
    assert render_brief(result.brief, glossary=GLOSSARY).glossary == ""


def test_linked_text_is_escaped():
    result = parse("Drones <b>&amp; air defense</b>.\n")
    html = html_of(result)
    assert "&lt;b&gt;&amp; " in html
    assert linked(result) == [("drone", "Drones"), ("air-defense", "air defense")]


def test_link_tokens_are_the_ones_the_token_constructor_makes():
    # The linker makes its tokens field by field, for speed: they must equal the real thing.
    term = GLOSSARY.terms["drone"]
    assert _text(Token("text", "", 0, level=3), "x") == Token("text", "", 0, content="x", level=3)
    assert _close() == Token("glossary_close", "a", -1)
    opened = Token("glossary_open", "a", 1, meta={"term": term, "explicit": False})
    assert _open(term, explicit=False) == opened


def test_tokens_of_a_run_with_several_terms_and_a_line_break():
    settings = SiteSettings(NEW_YORK, glossary=MATCHER, prerender=False)  # keep the tokens
    text = FRONT + "A drone, then\nan air defense battery.\n"
    brief = parse_brief(text, "briefs/test.md", settings, Problems())
    assert brief is not None
    (inline,) = [t for t in brief.body.tokens if t.type == "inline"]
    assert [(t.type, t.content) for t in inline.children] == [
        ("text", "A "),
        ("glossary_open", ""),
        ("text", "drone"),
        ("glossary_close", ""),
        ("text", ", then"),
        ("softbreak", ""),
        ("text", "an "),
        ("glossary_open", ""),
        ("text", "air defense"),
        ("glossary_close", ""),
        ("text", " "),
        ("glossary_open", ""),
        ("text", "battery"),
        ("glossary_close", ""),
        ("text", "."),
    ]
