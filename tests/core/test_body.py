"""The body rules: section labels, claims and citations, event mentions, links."""

from __future__ import annotations

from mkdocs_briefs.core.render.page import render_brief

FRONT = """---
title: T
date: 2025-07-04
sources:
  ua-official: {name: A Ukrainian official, kind: anonymous}
  white-house: {name: The White House, kind: no-response}
events:
  - id: putin-call
    when: Thursday
    kind: call
    title: Trump and Putin speak
  - id: teams-meet
    when: upcoming
    title: Teams meet
---
"""


def test_section_labels_get_anchors_and_enter_the_table_of_contents(parse):
    result = parse(
        FRONT
        + "Lede.\n\n**Why it matters:** Because.\n\n- A bullet.\n\n"
        + "**Why it matters:** Again.\n\n## A heading\n\nText.\n"
    )
    body = result.brief.body
    assert [(s.label, s.anchor, s.location.line) for s in body.sections] == [
        ("Why it matters", "why-it-matters", 18),
        ("Why it matters", "why-it-matters-2", 22),
    ]
    assert [(h.level, h.title, h.anchor) for h in body.headings] == [
        (2, "Why it matters", "why-it-matters"),
        (2, "Why it matters", "why-it-matters-2"),
        (2, "A heading", "a-heading"),
    ]
    html = render_brief(result.brief).body
    # The section wraps its label paragraph and the bullets after it, and ends at the next label.
    first = html.index('<section class="brief-section" aria-labelledby="why-it-matters">')
    assert html.index("A bullet", first) < html.index("</section>", first)
    assert (
        '<strong id="why-it-matters" class="brief-section__label">Why it matters:</strong>' in html
    )
    assert '<h2 id="a-heading">A heading</h2>' in html
    assert html.count("<section") == html.count("</section>") == 2


def test_bold_text_that_is_not_a_label_starts_no_section(parse):
    result = parse(FRONT + "**Bold** text: not a label.\n\n- **Inside:** a list item.\n")
    assert result.brief.body.sections == []


def test_citations_make_claims_of_paragraphs_and_list_items(parse):
    result = parse(
        FRONT
        + "A claim. [@ua-official; @white-house]\n\n"
        + "- A list claim. [@white-house]\n- Not a claim.\n\n"
        + "A paragraph without sources.\n"
    )
    body = result.brief.body
    assert [(c.source_ids, c.anchor, c.excerpt) for c in body.claims] == [
        (("ua-official", "white-house"), "claim-1", "A claim."),
        (("white-house",), "claim-2", "A list claim."),
    ]
    html = render_brief(result.brief).body
    assert (
        '<p id="claim-1" class="brief-claim" data-sources="ua-official white-house" '
        'style="--brief-marks: var(--brief-kind-anonymous) 0% 50%, '
        'var(--brief-kind-no-response) 50% 100%">A claim.'
    ) in html
    assert (
        '<li id="claim-2" class="brief-claim" data-sources="white-house" '
        'style="--brief-marks: var(--brief-kind-no-response) 0% 100%">A list claim.'
    ) in html
    assert 'href="#source-ua-official"' in html and 'href="#source-white-house"' in html
    assert "[@" not in html
    assert "<li>Not a claim.</li>" in html


def test_a_citation_outside_a_paragraph_or_list_item_is_reported(parse):
    result = parse(FRONT + "## Heading [@white-house]\n\nText.\n")
    assert any(
        "briefs/test.md:16:12: the citation [@white-house] is not in a paragraph or list item" in m
        for m in result.messages
    ), result.messages


def test_event_mentions_become_time_links_to_the_timeline(parse):
    result = parse(
        FRONT + "They spoke [on Thursday](#putin-call); teams meet [soon](#teams-meet).\n"
    )
    mentions = result.brief.body.mentions
    assert [(m.event_id, m.text, m.anchor) for m in mentions] == [
        ("putin-call", "on Thursday", "mention-1"),
        ("teams-meet", "soon", "mention-2"),
    ]
    html = render_brief(result.brief).body
    assert (
        '<a href="#event-putin-call" id="mention-1" class="brief-mention">'
        '<time datetime="2025-07-03">on Thursday</time></a>'
    ) in html
    # An upcoming event has no date to put in a <time> element.
    assert '<a href="#event-teams-meet" id="mention-2" class="brief-mention">soon</a>' in html


def test_an_unknown_event_link_is_reported_with_a_suggestion(parse):
    result = parse(FRONT + "They spoke [on Thursday](#putin-cal).\n")
    assert [m for m in result.messages if "unknown event" in m] == [
        "briefs/test.md:16:27: unknown event 'putin-cal' (did you mean 'putin-call'?): "
        "declare it under `events:` or link to an existing section"
    ]


def test_links_other_than_http_and_relative_are_removed_and_reported(parse):
    result = parse(
        FRONT
        + "[bad](javascript:alert(1)) [data](data:text/html,x) [ok](https://example.org) "
        + "[rel](other.md) ![img](javascript:x)\n"
    )
    html = render_brief(result.brief).body
    assert "javascript:" not in html and "data:text" not in html
    assert '<a href="https://example.org">ok</a>' in html
    assert ">bad<" not in html and "bad" in html  # the text stays, the link goes
    removed = [m for m in result.messages if "was removed" in m]
    assert len(removed) == 3
    assert removed[0].startswith("briefs/test.md:16:")


def test_raw_html_in_the_body_is_shown_as_text_never_run(parse):
    result = parse(FRONT + "<script>alert(1)</script>\n\nText <b onclick=x>bold</b>.\n")
    html = render_brief(result.brief).body
    assert "<script" not in html and "<b " not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_body_in_ascii_text_is_kept_as_ascii(parse):
    # The body is rendered at parse time with markers for what each page fills in;
    # a marker outside ASCII would double the memory of every brief's HTML.
    result = parse(FRONT + "See [the other brief](other.md) on [Thursday](#putin-call).\n")
    prerendered = result.brief.body.prerendered
    assert prerendered is not None and prerendered.html.isascii()
    page = render_brief(result.brief, resolve_link=lambda href: "../other/")
    assert 'href="../other/"' in page.body and "\x00" not in page.body


def test_marker_text_in_a_source_name_stays_text(parse):
    # YAML can write a NUL ("\0"): it is read as U+FFFD, as markdown-it reads one in text,
    # so a name that spells a marker is shown as written.
    front = FRONT.replace("A Ukrainian official", '"\\0L0\\0 and \\0G\\0"')
    result = parse(front + "A claim. [@ua-official]\n\nSee [the other brief](other.md).\n")
    page = render_brief(result.brief, resolve_link=lambda href: "../other/")
    assert page.body.count("../other/") == 1
    assert "\ufffdL0\ufffd and \ufffdG\ufffd" in page.body
