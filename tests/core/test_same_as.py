"""`same-as`: an event of another brief, resolved across the site after every brief is
parsed; its problems, one by one, with their exact messages."""

from __future__ import annotations

from datetime import date

from support import parse_text

from mkdocs_briefs.core.problems import Location
from mkdocs_briefs.core.render.page import render_body_html
from mkdocs_briefs.core.render.timeline import render_timeline
from mkdocs_briefs.core.site.links import link_site
from mkdocs_briefs.core.site.same_as import (
    BriefRefs,
    EventRef,
    refs_from_json,
    refs_of,
    refs_to_json,
    resolve_same_as,
)

AT = Location("x.md", 1, 1)

FIRST = """\
---
title: First
date: 2025-07-04
events:
  - id: putin-call
    when: Thursday
    kind: call
    title: Trump and Putin speak by phone
    participants: [Donald Trump, Vladimir Putin]
  - id: teams-meet
    when: upcoming
    kind: meeting
    title: Teams meet
---
Text.
"""

SECOND = """\
---
title: Second
date: 2025-07-08
events:
  - id: call
    same-as: first.md#putin-call
  - id: talks
    same-as: first.md#teams-meet
    when: Monday
---
The call [last week](#call) and the talks [on Monday](#talks).
"""


def brief(text: str, path: str):
    parsed = parse_text(text, path)
    assert parsed.brief is not None, parsed.messages
    return parsed.brief


def site(*texts: tuple[str, str]):
    briefs = [brief(text, path) for text, path in texts]
    briefs.sort(key=lambda b: b.published, reverse=True)
    return briefs, link_site(briefs)


def test_a_same_as_event_takes_what_it_left_out_from_the_original():
    briefs, links = site((FIRST, "briefs/first.md"), (SECOND, "briefs/second.md"))
    assert links.problems == []
    second = briefs[0]
    call = next(e for e in second.events if e.id == "call")
    assert call.title == "Trump and Putin speak by phone"
    assert call.kind.key == "call"
    assert call.participants == ("Donald Trump", "Vladimir Putin")
    assert call.when.start == date(2025, 7, 3)
    talks = next(e for e in second.events if e.id == "talks")
    assert talks.title == "Teams meet" and talks.when.start == date(2025, 7, 7)
    # The brief's own timeline shows them, without a phrase this brief never wrote.
    timeline = render_timeline(second)
    assert "Trump and Putin speak by phone" in timeline
    assert '<time datetime="2025-07-03">Thu, July 3</time></p>' in timeline
    # A mention of the inherited date is a <time>, as any mention.
    body = render_body_html(second).html
    assert '<time datetime="2025-07-03">last week</time>' in body
    assert '<time datetime="2025-07-07">on Monday</time>' in body


def test_each_real_event_once_with_every_brief_that_reports_it():
    _, links = site((FIRST, "briefs/first.md"), (SECOND, "briefs/second.md"))
    by_title = {item.event.title: item for item in links.events}
    assert sorted(by_title) == ["Teams meet", "Trump and Putin speak by phone"]
    call = by_title["Trump and Putin speak by phone"]
    assert [(b.path, e.id) for b, e in call.reported_in] == [
        ("briefs/first.md", "putin-call"),
        ("briefs/second.md", "call"),
    ]
    # The planned meeting, dated by the later brief: once, at its date, not planned.
    talks = by_title["Teams meet"]
    assert not talks.planned and talks.day == date(2025, 7, 7)
    assert talks.brief.path == "briefs/second.md"


def test_resolution_is_done_again_from_the_parse_on_every_pass():
    briefs, _ = site((FIRST, "briefs/first.md"), (SECOND, "briefs/second.md"))
    first_pass = [list(b.events) for b in briefs]
    link_site(briefs)
    assert [list(b.events) for b in briefs] == first_pass
    # Without the original, the inherited event leads nowhere and is left out.
    links = link_site([briefs[0]])
    assert [e.id for e in briefs[0].events] == []
    assert [str(p) for p in links.problems] == [
        "briefs/second.md:6:14: same-as of event 'call': no brief 'first.md': write the other "
        "brief's file relative to this one, e.g. same-as: other-brief.md#putin-call (a brief "
        "with errors of its own counts only once they are fixed)",
        "briefs/second.md:8:14: same-as of event 'talks': no brief 'first.md': write the other "
        "brief's file relative to this one, e.g. same-as: other-brief.md#putin-call (a brief "
        "with errors of its own counts only once they are fixed)",
    ]


def messages(*texts: tuple[str, str]) -> list[str]:
    return [str(p) for p in site(*texts)[1].problems]


def test_unknown_file_and_unknown_event_suggest_the_closest():
    text = SECOND.replace("first.md#putin-call", "frist.md#putin-call").replace(
        "first.md#teams-meet", "first.md#team-meet"
    )
    assert messages((FIRST, "briefs/first.md"), (text, "briefs/second.md")) == [
        "briefs/second.md:6:14: same-as of event 'call': no brief 'frist.md' (did you mean "
        "'first.md'?): write the other brief's file relative to this one, e.g. "
        "same-as: other-brief.md#putin-call (a brief with errors of its own counts only once "
        "they are fixed)",
        "briefs/second.md:8:14: same-as of event 'talks': briefs/first.md has no event "
        "'team-meet' (did you mean 'teams-meet'?): use the id of one of its events",
    ]


THIRD = """\
---
title: Third
date: 2025-07-09
events:
  - id: again
    same-as: second.md#call
---
Text.
"""


def test_a_chain_is_reported_and_still_leads_to_the_original():
    _, links = site(
        (FIRST, "briefs/first.md"), (SECOND, "briefs/second.md"), (THIRD, "briefs/third.md")
    )
    assert [str(p) for p in links.problems] == [
        "briefs/third.md:6:14: same-as of event 'again' names briefs/second.md#call, which is "
        "itself a same-as: refer to the original event, same-as: first.md#putin-call"
    ]
    call = next(item for item in links.events if item.event.title.startswith("Trump and Putin"))
    assert [b.path for b, _ in call.reported_in] == [
        "briefs/first.md",
        "briefs/second.md",
        "briefs/third.md",
    ]


def test_a_cycle_is_reported_at_each_event_in_it():
    one = "---\ntitle: A\ndate: 2025-07-04\nevents:\n  - id: x\n    same-as: b.md#y\n---\nT.\n"
    two = "---\ntitle: B\ndate: 2025-07-05\nevents:\n  - id: y\n    same-as: a.md#x\n---\nT.\n"
    briefs, links = site((one, "briefs/a.md"), (two, "briefs/b.md"))
    assert [str(p) for p in links.problems] == [
        "briefs/a.md:6:14: same-as of event 'x' goes round in a circle (briefs/a.md#x → "
        "briefs/b.md#y → briefs/a.md#x): make one of these events the original, with its own "
        "title and when, and no same-as",
        "briefs/b.md:6:14: same-as of event 'y' goes round in a circle (briefs/b.md#y → "
        "briefs/a.md#x → briefs/b.md#y): make one of these events the original, with its own "
        "title and when, and no same-as",
    ]
    assert links.events == [] and all(b.events == [] for b in briefs)


def test_dates_that_disagree_warn_naming_both_dates_and_both_files():
    text = SECOND.replace(
        "same-as: first.md#putin-call", "same-as: first.md#putin-call\n    when: Wednesday"
    )
    _, links = site((FIRST, "briefs/first.md"), (text, "briefs/second.md"))
    assert [str(p) for p in links.problems] == [
        "briefs/second.md:7:11: event 'call' is dated July 2, 2025 in briefs/second.md but "
        "July 3, 2025 in briefs/first.md (event 'putin-call'), the same event: correct the "
        "date that is wrong (until then the site's timeline shows the date of the latest brief)"
    ]
    call = next(item for item in links.events if item.event.title.startswith("Trump and Putin"))
    assert call.day == date(2025, 7, 2)  # the latest brief's date


def test_a_same_as_to_its_own_brief_and_a_malformed_one_are_reported():
    own = FIRST.replace(
        "  - id: teams-meet\n",
        "  - id: again\n    same-as: first.md#putin-call\n  - id: teams-meet\n",
    )
    assert messages((own, "briefs/first.md")) == [
        "briefs/first.md:11:14: same-as of event 'again' names this brief itself: same-as "
        "refers to an event of another brief; here, mention the event by its id instead"
    ]
    parsed = parse_text(SECOND.replace("first.md#putin-call", "first.md"), "briefs/second.md")
    assert parsed.messages == [
        "briefs/second.md:6:14: 'same-as' of event 'call' must name a brief file and an event "
        "id, e.g. same-as: other-brief.md#putin-call, got 'first.md': the event is left "
        "out of the timeline"
    ]


def test_what_the_check_keeps_of_a_brief_reads_back_the_same():
    refs = refs_of(brief(SECOND, "briefs/second.md"))
    assert refs_from_json(refs_to_json(refs)) == refs


def test_a_very_long_chain_and_a_long_circle_are_each_walked_once():
    # 20,000 briefs, each referring to the one before: followed once, not once per event.
    count = 20_000
    refs = [BriefRefs("b0.md", "2025-01-01", (EventRef("e", "", date(2025, 1, 1), None, AT),))]
    refs += [
        BriefRefs(f"b{n}.md", "2025-01-02", (EventRef("e", f"b{n - 1}.md#e", None, None, AT),))
        for n in range(1, count)
    ]
    result = resolve_same_as(refs)
    assert set(result.roots.values()) == {("b0.md", "e")} and len(result.roots) == count - 1
    assert len(result.problems) == count - 2  # every reference but the first is to a same-as
    assert result.problems[-1].message.endswith("refer to the original event, same-as: b0.md#e")
    circle = [
        BriefRefs(
            f"c{n}.md", "2025-01-02", (EventRef("e", f"c{(n + 1) % count}.md#e", None, None, AT),)
        )
        for n in range(count)
    ]
    result = resolve_same_as(circle)
    assert result.roots == {} and len(result.unresolved) == count
    assert result.problems[0].message == (
        "same-as of event 'e' goes round in a circle (c0.md#e → c1.md#e → c2.md#e → c3.md#e → "
        "c4.md#e → c5.md#e → …): make one of these events the original, with its own title "
        "and when, and no same-as"
    )
