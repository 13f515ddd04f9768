"""Sourcing: claims per source, counts per kind, the sidebar HTML and its lints."""

from __future__ import annotations

import re

from mkdocs_briefs.core.brief.model import SourceKind
from mkdocs_briefs.core.brief.sourcing import analyse_sourcing
from mkdocs_briefs.core.render.sourcing import render_sourcing, render_sourcing_summary

BRIEF = """---
title: T
date: 2025-07-04
sources:
  ua-official: {name: A Ukrainian official, kind: anonymous}
  call-source: {name: A source with knowledge of the call, kind: anonymous}
  zelensky-x: {name: Volodymyr Zelensky, kind: social, via: X, url: "https://x.com/z"}
  white-house: {name: The White House, kind: no-response}
---
First claim. [@ua-official; @call-source]

- Second claim. [@call-source]
- Third claim cites one source twice. [@zelensky-x] More. [@zelensky-x]

**Why it matters:** A labelled claim. [@white-house; @ua-official]
"""


def test_claims_per_source_follow_the_citations(parse):
    sourcing = analyse_sourcing(parse(BRIEF).brief)
    claims = {use.source.id: [c.anchor for c in use.claims] for use in sourcing.uses}
    assert claims == {
        "ua-official": ["claim-1", "claim-4"],
        "call-source": ["claim-1", "claim-2"],
        "zelensky-x": ["claim-3"],  # two markers in one claim count once
        "white-house": ["claim-4"],
    }
    assert [use.number for use in sourcing.uses] == [1, 2, 3, 4]


def test_the_mix_counts_sources_per_kind_most_common_first(parse):
    sourcing = analyse_sourcing(parse(BRIEF).brief)
    assert [(c.kind, c.count) for c in sourcing.mix] == [
        (SourceKind.ANONYMOUS, 2),
        (SourceKind.SOCIAL, 1),
        (SourceKind.NO_RESPONSE, 1),
    ]
    assert sourcing.mix_text == "2 anonymous · 1 social post · 1 no response"


def test_claim_excerpts_leave_out_the_section_label(parse):
    brief = parse(BRIEF).brief
    assert [c.excerpt for c in brief.body.claims] == [
        "First claim.",
        "Second claim.",
        "Third claim cites one source twice. More.",
        "A labelled claim.",
    ]


def test_the_sidebar_lists_every_source_with_kind_link_and_claims(parse):
    html = render_sourcing(analyse_sourcing(parse(BRIEF).brief), "../../sources/")
    assert html.startswith(
        '<aside class="brief-sourcing" id="sourcing" aria-labelledby="sourcing-title">'
    )
    assert html.count('<li class="brief-source ') == 4
    assert (
        '<a class="brief-kind brief-kind--social" href="../../sources/#social">Social post</a>'
        in html
    )
    assert '<a href="https://x.com/z" rel="noopener">Read the source' in html
    assert "Via X" in html
    call_source = html[html.index('id="source-call-source"') :]
    call_source = call_source[: call_source.index("</li>\n")]
    assert "Cited in 2 claims:" in call_source
    assert '<a href="#claim-1" data-claim="claim-1">First claim.</a>' in call_source
    assert '<a href="#claim-2" data-claim="claim-2">Second claim.</a>' in call_source
    # The count and the mix are said once, in the header's bar, not again here.
    assert "brief-mix" not in html and "4 sources" not in html


def test_the_one_summary_is_a_bar_of_kinds_labelled_in_text_leading_to_their_sources(parse):
    summary = render_sourcing_summary(analyse_sourcing(parse(BRIEF).brief), "../../sources/")
    assert '<a href="#sourcing">4 sources</a>' in summary
    assert '<a class="brief-bar__guide" href="../../sources/">What the labels mean</a>' in summary
    segments = re.findall(
        r'<span class="brief-bar__segment brief-kind-color--([a-z-]+)" '
        r'style="flex-grow: (\d+)"></span>',
        summary,
    )
    labels = re.findall(
        r'<li class="brief-bar__kind brief-kind-color--([a-z-]+)"><a href="#([^"]+)">'
        r'<span class="brief-bar__count">(\d+)</span> '
        r'<span class="brief-bar__label">([^<]+)</span></a></li>',
        summary,
    )
    # Most common kind first; each segment as long as its count; below, each kind in
    # text, count and label, leading to the first source of its kind.
    assert segments == [("anonymous", "2"), ("social", "1"), ("no-response", "1")]
    assert labels == [
        ("anonymous", "source-ua-official", "2", "Anonymous"),
        ("social", "source-zelensky-x", "1", "Social post"),
        ("no-response", "source-white-house", "1", "No response"),
    ]
    assert '<div class="brief-bar__strip" aria-hidden="true">' in summary


def test_source_text_is_escaped_everywhere(parse):
    brief = parse(
        '---\ntitle: T\ndate: 2025-07-04\nsources:\n  a:\n    name: "<script>x</script>"\n'
        '    kind: named\n    detail: "<img src=x onerror=alert(1)>"\n---\nClaim. [@a]\n'
    ).brief
    html = render_sourcing(analyse_sourcing(brief), "s/")
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html


def test_a_source_that_no_claim_cites_is_reported_at_its_line(parse):
    result = parse(BRIEF.replace("- Second claim. [@call-source]", "- Second claim."))
    assert [m for m in result.messages if "never cited" in m] == []  # still cited in claim 1
    result = parse(BRIEF.replace("[@ua-official; @call-source]", "").replace("[@call-source]", ""))
    assert [m for m in result.messages if "never cited" in m] == [
        "briefs/test.md:6:3: source 'call-source' is declared but never cited: "
        "add [@call-source] after the sentence it supports, or remove it"
    ]


def test_a_source_cited_only_by_an_event_is_not_reported_and_links_to_it(parse):
    result = parse(
        "---\ntitle: T\ndate: 2025-07-04\nsources:\n"
        "  pentagon: {name: The Pentagon, kind: statement}\n"
        "events:\n  - id: pause\n    when: earlier this week\n    title: The pause\n"
        "    sources: [pentagon]\n---\nText.\n"
    )
    assert [m for m in result.messages if "never cited" in m] == []
    html = render_sourcing(analyse_sourcing(result.brief), "s/")
    assert "Not cited in the text." in html
    assert "Backs 1 timeline event:" in html
    assert '<a href="#event-pause">The pause</a>' in html


def test_citations_come_in_ascending_order_without_separators_and_claims_carry_markers(parse):
    from mkdocs_briefs.core.render.page import render_body_html

    html = render_body_html(parse(BRIEF).brief).html
    labelled = html[html.index('id="claim-4"') :]
    numbers = re.findall(r'class="brief-cite__link[^"]*"[^>]*>(\d+)</a>', labelled)
    assert numbers == ["1", "4"]  # written [@white-house; @ua-official]
    assert "</a>,<a" not in html
    # The marker beside the claim: one band per kind it cites, in the order cited.
    assert (
        'style="--brief-marks: var(--brief-kind-no-response) 0% 50%, '
        'var(--brief-kind-anonymous) 50% 100%"'
    ) in html
    assert 'class="brief-cite__link brief-kind-color--social"' in html
