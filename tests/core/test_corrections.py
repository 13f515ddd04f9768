"""Corrections on the page, and the dateline's "Updated"."""

from __future__ import annotations

import re

from mkdocs_briefs.core.render.corrections import render_corrections
from mkdocs_briefs.core.render.page import render_header

BRIEF = """---
title: T
date: 2025-07-04
corrections:
  - {date: 2025-07-05, text: An earlier version misspelled Zelensky.}
  - {date: 2025-07-07, text: "The call lasted 40 minutes, not <b>30</b>."}
---

Text.
"""


def test_corrections_are_listed_newest_first_with_their_dates(parse):
    html = render_corrections(parse(BRIEF).brief)
    assert html.startswith('<section class="brief-corrections"')
    assert "<h2 " in html and ">Corrections</h2>" in html
    times = re.findall(r'<time datetime="([^"]+)">([^<]+)</time>', html)
    assert times == [("2025-07-07", "July 7, 2025"), ("2025-07-05", "July 5, 2025")]
    # Plain text: markup in a correction is shown, never interpreted.
    assert "not &lt;b&gt;30&lt;/b&gt;." in html
    assert "<b>" not in html


def test_a_brief_without_corrections_has_no_section(parse):
    assert render_corrections(parse("---\ntitle: T\ndate: 2025-07-04\n---\n\nText.\n").brief) == ""


def test_the_dateline_shows_an_update_with_its_time(parse):
    text = "---\ntitle: T\ndate: 2025-07-04\nupdated: 2025-07-05T14:10:00-04:00\n---\n\nText.\n"
    header = render_header(parse(text).brief)
    assert (
        'Updated <time datetime="2025-07-05T14:10:00-04:00">July 5, 2025, 2:10 p.m. EDT</time>'
        in header
    )


def test_an_update_written_as_a_date_shows_no_made_up_time(parse):
    text = "---\ntitle: T\ndate: 2025-07-04\nupdated: 2025-07-06\n---\n\nText.\n"
    header = render_header(parse(text).brief)
    assert 'Updated <time datetime="2025-07-06">July 6, 2025</time>' in header
    assert "a.m." not in header


def test_the_update_leads_to_the_corrections_when_there_are_some(parse):
    text = BRIEF.replace("date: 2025-07-04\n", "date: 2025-07-04\nupdated: 2025-07-07\n")
    header = render_header(parse(text).brief)
    assert '<a href="#brief-corrections">Updated <time datetime="2025-07-07">' in header


def test_the_byline_names_the_authors_or_else_the_newsroom(parse):
    plain = "---\ntitle: T\ndate: 2025-07-04\n---\n\nText.\n"
    assert '<p class="brief-header__byline brief-byline">By The Newsroom</p>' in render_header(
        parse(plain).brief, newsroom="The Newsroom"
    )
    named = plain.replace("date:", "authors: [Ana, Ben, Cy]\ndate:")
    header = render_header(parse(named).brief, newsroom="The Newsroom")
    assert '<p class="brief-header__byline brief-byline">By Ana, Ben and Cy</p>' in header


def test_the_type_is_said_in_plain_words_and_links_to_its_explanation(parse):
    plain = "---\ntitle: T\ndate: 2025-07-04\n---\n\nText.\n"
    header = render_header(parse(plain).brief, kinds_page_url="../../sources/")
    assert '<a href="../../sources/#type-reportage">News report' in header
    assert "Reportage" not in header
