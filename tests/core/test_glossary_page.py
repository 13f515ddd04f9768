"""The glossary page, definitions' links, and the unused-term notice."""

from __future__ import annotations

import re
import textwrap

from support import NEW_YORK

from mkdocs_briefs.core.brief.model import Brief
from mkdocs_briefs.core.brief.parse import SiteSettings, parse_brief
from mkdocs_briefs.core.glossary.terms import Glossary, TermMatcher, load_glossary
from mkdocs_briefs.core.problems import Problems, Severity
from mkdocs_briefs.core.render.definition import check_definition_links
from mkdocs_briefs.core.render.glossary_page import render_glossary_page
from mkdocs_briefs.core.site.glossary_usage import unused_terms

YAML = """\
ukraine-army:
  term: Armed Forces of Ukraine
  definition: The military of Ukraine.
air-defense:
  term: air defense
  aliases: [air-defense systems]
  definition: Weapons that destroy *incoming* missiles. See [our sources](sources/).
  see: [interceptor, drone]
interceptor:
  term: interceptor
  definition: A missile fired by an [air-defense](glossary:air-defense) system.
drone:
  term: Drone
  definition: An aircraft with no pilot on board.
f-16:
  term: F-16
  definition: A U.S.-designed fighter jet.
"""


def load(text: str = YAML) -> Glossary:
    glossary, problems = load_glossary(text, "content/glossary.yml")
    assert problems == []
    return glossary


def brief(glossary: Glossary, title: str, date: str, body: str) -> Brief:
    problems = Problems()
    text = f"---\ntitle: {title}\ndate: {date}\n---\n" + textwrap.dedent(body)
    settings = SiteSettings(NEW_YORK, glossary=TermMatcher(glossary))
    parsed = parse_brief(text, f"briefs/{date}.md", settings, problems)
    assert parsed is not None and problems.items == []
    return parsed


def entry(html: str, term_id: str) -> str:
    start = html.index(f'<div class="brief-glossary__entry" id="{term_id}">')
    return html[start : html.index("</div>", start)]


def test_terms_are_listed_a_to_z_under_a_letter_index():
    html = render_glossary_page(load(), [], root="../")
    ids = re.findall(r'class="brief-glossary__entry" id="([^"]+)"', html)
    assert ids == ["air-defense", "ukraine-army", "drone", "f-16", "interceptor"]
    assert re.findall(r'<h2 id="letter-([a-z]+)">', html) == ["a", "d", "f", "i"]
    index = html[html.index('<nav class="brief-glossary__index"') : html.index("</nav>")]
    assert re.findall(r'href="#letter-([a-z]+)">', index) == ["a", "d", "f", "i"]


def test_an_entry_has_its_definition_aliases_and_see_also_links():
    html = entry(render_glossary_page(load(), [], root="../"), "air-defense")
    assert "<dt><dfn>air defense</dfn></dt>" in html
    # Inline Markdown is rendered; a site path is made relative to this page.
    assert 'Weapons that destroy <em>incoming</em> missiles. See <a href="../sources/">' in html
    assert "Also written: <i>air-defense systems</i>" in html
    assert 'See also: <a href="#interceptor">interceptor</a>, <a href="#drone">Drone</a>' in html
    assert "Used in" not in html  # no brief uses it


def test_glossary_links_in_definitions_stay_on_the_page():
    html = entry(render_glossary_page(load(), [], root="../"), "interceptor")
    assert 'A missile fired by an <a href="#air-defense">air-defense</a> system.' in html


def test_used_in_lists_every_brief_that_links_the_term_newest_first():
    glossary = load()
    newer = brief(glossary, "Newer brief", "2025-07-04", "Air defense and drones.\n")
    older = brief(glossary, "Older & wiser", "2025-06-30", "[Shields](glossary:air-defense).\n")
    html = render_glossary_page(glossary, [newer, older], root="../")
    air = entry(html, "air-defense")
    assert (
        '<li><a href="../2025/07/04/2025-07-04/">Newer brief</a>, '
        '<time datetime="2025-07-04">July 4, 2025</time></li>'
        '<li><a href="../2025/06/30/2025-06-30/">Older &amp; wiser</a>, '
        '<time datetime="2025-06-30">June 30, 2025</time></li>'
    ) in air
    assert "Newer brief" in entry(html, "drone")
    assert "Older" not in entry(html, "drone")
    assert "Used in" not in entry(html, "interceptor")
    assert "earlier" not in air


def test_used_in_lists_the_five_newest_briefs_and_counts_the_others():
    glossary = load()
    briefs = [
        brief(glossary, f"Brief of July {day}", f"2025-07-{day:02d}", "Air defense.\n")
        for day in range(20, 0, -1)  # newest first, as the site orders them
    ]
    air = entry(render_glossary_page(glossary, briefs, root="../"), "air-defense")
    listed = re.findall(r"<li><a [^>]*>Brief of July (\d+)</a>", air)
    assert listed == ["20", "19", "18", "17", "16"]
    assert air.count("<li>") == 5
    assert '<span class="brief-glossary__more">and 15 earlier briefs</span>' in air
    one_more = entry(render_glossary_page(glossary, briefs[:6], root="../"), "air-defense")
    assert "and 1 earlier brief<" in one_more


def test_an_empty_glossary_says_so():
    html = render_glossary_page(Glossary.empty("g.yml"), [], root="../")
    assert "The glossary has no terms yet." in html


def test_terms_no_brief_uses_are_info_notices_at_their_line():
    glossary = load()
    used = brief(glossary, "B", "2025-07-04", "Air defense, F-16s and interceptors.\n")
    problems = unused_terms(glossary, [used])
    assert [str(p) for p in problems] == [
        "content/glossary.yml:1:1: the glossary term 'ukraine-army' is used in no brief: check "
        "its term and aliases against how briefs write it, or remove it if no brief needs it",
        "content/glossary.yml:12:1: the glossary term 'drone' is used in no brief: check "
        "its term and aliases against how briefs write it, or remove it if no brief needs it",
    ]
    assert {p.severity for p in problems} == {Severity.INFO}


def test_unsafe_and_unknown_links_in_definitions_are_reported_and_dropped():
    glossary = load(
        "alpha:\n  term: alpha\n"
        "  definition: See [this](javascript:alert(1)) and [b](glossary:bet).\n"
        "beta:\n  term: beta\n  definition: Plain.\n"
    )
    assert [str(p) for p in check_definition_links(glossary)] == [
        "content/glossary.yml:1:1: term 'alpha' has the link 'javascript:alert(1)' in its "
        "definition; it was removed: use http(s) links, site paths such as sources/, "
        "or glossary:<term-id>",
        "content/glossary.yml:1:1: term 'alpha' links to unknown glossary term 'bet' (did you "
        "mean 'beta'?) in its definition: fix the id; the text was kept without a link",
    ]
    html = entry(render_glossary_page(glossary, [], root="../"), "alpha")
    assert "See this and b." in html
    assert "javascript" not in html
