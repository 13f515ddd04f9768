"""The timeline: event order, readable dates, the brief's fragment, the site-wide
grouping and the lints on events."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from mkdocs_briefs.core.brief.dates import resolve_when
from mkdocs_briefs.core.brief.model import EventKind
from mkdocs_briefs.core.brief.timeline import chronological, kinds_with_events, site_timeline
from mkdocs_briefs.core.render.page import render_brief
from mkdocs_briefs.core.render.timeline import render_timeline, when_html, when_text
from mkdocs_briefs.core.render.timeline_page import render_timeline_page, timeline_pages
from mkdocs_briefs.core.site.links import link_site

DASH = "\u2013"  # en dash, between the days of a span
NY = ZoneInfo("America/New_York")
FRIDAY = datetime(2025, 7, 4, 14, 10, tzinfo=NY)


def brief_text(events: str, body: str = "Text.\n", date_line: str = "2025-07-04") -> str:
    return f"---\ntitle: T\ndate: {date_line}\nevents:\n{events}---\n{body}"


# Written out of order on purpose, as the shipped brief's body tells them.
OUT_OF_ORDER = """\
  - id: zelensky-call
    when: Friday
    kind: call
    title: Trump and Zelensky speak
  - id: teams-meet
    when: soon
    kind: meeting
    title: Teams meet
  - id: strikes
    when: Thursday night
    kind: strike
    title: Russia strikes
  - id: putin-call
    when: Thursday
    kind: call
    title: Trump and Putin speak
  - id: pause
    when: earlier this week
    kind: decision
    title: The Pentagon pauses a shipment
  - id: morning-remarks
    when: Thursday morning
    kind: statement
    title: Remarks
"""


def test_events_are_ordered_by_date_then_part_of_day_then_file_order(parse):
    brief = parse(brief_text(OUT_OF_ORDER)).brief
    assert [event.id for event in chronological(brief.events)] == [
        "pause",  # a span sorts by its first day, Monday
        "putin-call",  # Thursday, no part of day: stands for the whole day, first
        "morning-remarks",
        "strikes",  # Thursday night
        "zelensky-call",
        "teams-meet",  # upcoming: after every dated event
    ]


def test_same_day_events_keep_the_order_of_the_file(parse):
    events = "".join(f"  - id: e{n}\n    when: Thursday\n    title: Event {n}\n" for n in (3, 1, 2))
    brief = parse(brief_text(events)).brief
    assert [event.id for event in chronological(brief.events)] == ["e3", "e1", "e2"]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Thursday", "Thu, July 3"),
        ("Thursday night", "Thu, July 3, night"),
        ("this morning", "Fri, July 4, morning"),
        ("earlier this week", f"Mon, June 30 {DASH} Thu, July 3"),
        ("last week", f"Mon, June 23 {DASH} Sun, June 29"),
        ("2025-07-03T21:30:00-04:00", "Thu, July 3, 9:30 p.m. EDT"),
        # AP style: these months are abbreviated, June and July are not.
        ("January 5", "Sun, Jan. 5"),
        ("February 3", "Mon, Feb. 3"),
        ("August 1", "Thu, Aug. 1"),
        ("September 3", "Tue, Sept. 3"),
        ("October 1", "Tue, Oct. 1"),
        ("November 4", "Mon, Nov. 4"),
        ("December 30", "Mon, Dec. 30"),
        ("March 3", "Mon, March 3"),
        ("upcoming", "Upcoming"),
    ],
)
def test_readable_dates_follow_ap_style(phrase, expected):
    assert when_text(resolve_when(phrase, FRIDAY, NY)) == expected


def test_machine_dates_are_valid_html_dates():
    assert when_html(resolve_when("Thursday night", FRIDAY, NY)) == (
        '<time datetime="2025-07-03">Thu, July 3, night</time>'
    )
    # HTML has no date range: a span gets one <time> for each end.
    assert when_html(resolve_when("earlier this week", FRIDAY, NY)) == (
        f'<time datetime="2025-06-30">Mon, June 30</time> {DASH} '
        '<time datetime="2025-07-03">Thu, July 3</time>'
    )
    assert when_html(resolve_when("2025-07-03T21:30:00-04:00", FRIDAY, NY)) == (
        '<time datetime="2025-07-03T21:30:00-04:00">Thu, July 3, 9:30 p.m. EDT</time>'
    )
    assert "<time" not in when_html(resolve_when("soon", FRIDAY, NY))


def entries(html: str) -> list[str]:
    return re.findall(r'<li class="brief-event[^"]*" id="event-([^"]+)"', html)


def test_the_fragment_lists_events_in_order_with_date_phrase_and_kind(parse):
    brief = parse(brief_text(OUT_OF_ORDER)).brief
    html = render_timeline(brief)
    assert html.startswith(
        '<section class="brief-timeline" id="timeline" aria-labelledby="timeline-title">\n'
        '<h2 class="brief-timeline__title" id="timeline-title">Timeline</h2>\n'
        '<p class="brief-timeline__legend">'
    )
    # The legend says in words what the markers mean: calls stand out by theirs only.
    legend = html[html.index('<p class="brief-timeline__legend">') :]
    legend = legend[: legend.index("</p>")]
    assert "a call between leaders" in legend and "planned" in legend
    assert entries(html) == [
        "pause",
        "putin-call",
        "morning-remarks",
        "strikes",
        "zelensky-call",
        "teams-meet",
    ]
    strikes = html[html.index('id="event-strikes"') :]
    strikes = strikes[: strikes.index("</li>")]
    assert '<time datetime="2025-07-03">Thu, July 3, night</time>' in strikes
    # The event's `when` is labelled as the brief's dating, not as words of the text.
    assert '<span class="brief-event__phrase">dated “Thursday night”</span>' in strikes
    assert ">Strike<" in strikes
    assert "Russia strikes</h3>" in strikes
    # A call carries its own class and label, so it stands out without colour.
    assert '<li class="brief-event brief-event--call" id="event-putin-call">' in html
    assert (
        '<span class="brief-event__kind brief-event__kind--call">Call'
        '<span class="brief-visually-hidden">:</span></span>'
    ) in html


def test_an_upcoming_event_reads_upcoming_with_no_time_element(parse):
    html = render_timeline(parse(brief_text(OUT_OF_ORDER)).brief)
    upcoming = html[html.index('id="event-teams-meet"') :]
    upcoming = upcoming[: upcoming.index("</li>")]
    assert '<span class="brief-event__upcoming">Upcoming</span>' in upcoming
    assert "“soon”" in upcoming  # the phrase as written
    assert "<time" not in upcoming


def test_a_date_in_another_year_shows_the_year(parse):
    brief = parse(
        brief_text("  - id: e\n    when: December 30\n    title: E\n", date_line="2025-01-02")
    ).brief
    assert '<time datetime="2024-12-30">Mon, Dec. 30, 2024</time>' in render_timeline(brief)


ENTRY = """\
  - id: putin-call
    when: Thursday
    kind: call
    title: Trump & Putin <speak>
    participants: [Donald Trump, Vladimir Putin]
    duration: about an hour
    sources: [trump, kremlin]
"""
SOURCES = """\
sources:
  trump: {name: Donald Trump, kind: named}
  kremlin: {name: The Kremlin, kind: statement}
"""


def test_an_entry_shows_participants_duration_sources_and_its_mentions(parse):
    text = brief_text(
        ENTRY,
        "They spoke [on Thursday](#putin-call). [@trump; @kremlin]\n\n"
        "[That call](#putin-call) went badly.\n",
    )
    text = text.replace("events:\n", SOURCES + "events:\n")
    result = parse(text)
    assert result.messages == []
    html = render_timeline(result.brief)
    assert "Trump &amp; Putin &lt;speak&gt;</h3>" in html
    assert (
        '<p class="brief-event__participants">Participants: Donald Trump and Vladimir Putin</p>'
    ) in html
    assert '<p class="brief-event__duration">Duration: about an hour</p>' in html
    assert (
        '<p class="brief-event__sources">Sources: <a href="#source-trump">Donald Trump</a>, '
        '<a href="#source-kremlin">The Kremlin</a></p>'
    ) in html
    # Back to every place the body mentions the event, by the words it used.
    assert (
        '<p class="brief-event__mentions">In the text: <a href="#mention-1">“on Thursday”</a>, '
        '<a href="#mention-2">“That call”</a></p>'
    ) in html
    body = render_brief(result.brief).body
    assert '<a href="#event-putin-call" id="mention-1" class="brief-mention">' in body


def test_the_page_gets_the_timeline_and_a_table_of_contents_entry(parse):
    rendered = render_brief(parse(brief_text(ENTRY, "**Why it matters:** Text.\n")).brief)
    assert rendered.timeline == render_timeline(parse(brief_text(ENTRY)).brief)
    assert rendered.toc[0].anchor == "brief-headline"  # where "Skip to content" leads
    assert [(h.title, h.anchor) for h in rendered.toc[1:]] == [
        ("Why it matters", "why-it-matters"),
        ("Timeline", "timeline"),
    ]


def test_a_body_section_called_timeline_keeps_its_anchor(parse):
    rendered = render_brief(parse(brief_text(ENTRY, "**Timeline:** Text.\n")).brief)
    assert [h.anchor for h in rendered.toc[1:]] == ["timeline", "brief-timeline"]
    assert 'id="brief-timeline"' in rendered.timeline


def test_a_brief_without_events_has_no_timeline(parse):
    rendered = render_brief(parse("---\ntitle: T\ndate: 2025-07-04\n---\nText.\n").brief)
    assert rendered.timeline == ""
    assert [h.anchor for h in rendered.toc] == ["brief-headline"]


# --- the site-wide timeline ---

OLDER = """\
  - id: old-call
    when: Thursday
    kind: call
    title: An older call
  - id: old-plan
    when: upcoming
    kind: meeting
    title: An older plan
"""


@pytest.fixture
def two_briefs(parse):
    newer = parse(brief_text(OUT_OF_ORDER)).brief
    older = parse(brief_text(OLDER, date_line="2025-06-27"), path="briefs/older.md").brief
    return [newer, older]


def test_the_site_timeline_groups_by_day_newest_first_planned_at_their_brief(two_briefs):
    days = site_timeline(link_site(two_briefs).events)
    assert [day.day for day in days] == [
        date(2025, 7, 4),
        date(2025, 7, 3),
        date(2025, 6, 30),
        date(2025, 6, 27),
        date(2025, 6, 26),
    ]
    # Within a day, in the order the day went.
    assert [item.event.id for item in days[1].events] == [
        "putin-call",
        "morning-remarks",
        "strikes",
    ]
    # A planned event is listed at the date of the brief that announced it, after what
    # happened that day: never above everything, whenever the site is built.
    assert [(item.event.id, item.planned) for item in days[0].events] == [
        ("zelensky-call", False),
        ("teams-meet", True),
    ]
    assert [(item.event.id, item.planned) for item in days[3].events] == [("old-plan", True)]


def test_a_planned_event_says_as_of_when(two_briefs):
    html = timeline_pages(two_briefs)[0].render("../")
    day = html[html.index('id="day-2025-06-27"') :]
    assert "An older plan" in day[: day.index("</section>")]
    assert (
        '<span class="brief-event__upcoming">Planned</span> as of '
        '<time datetime="2025-06-27">June 27, 2025</time>'
    ) in day


def test_a_kind_filter_keeps_only_that_kind(two_briefs):
    days = site_timeline(link_site(two_briefs).events, EventKind.CALL)
    assert [[item.event.id for item in day.events] for day in days] == [
        ["zelensky-call"],
        ["putin-call"],
        ["old-call"],
    ]
    assert kinds_with_events(link_site(two_briefs).events) == [
        EventKind.CALL,
        EventKind.MEETING,
        EventKind.STATEMENT,
        EventKind.STRIKE,
        EventKind.DECISION,
    ]


def test_one_page_per_kind_with_events_and_only_the_full_timeline_in_the_nav(two_briefs):
    pages = timeline_pages(two_briefs)
    assert [(page.path, page.title, page.in_nav) for page in pages] == [
        ("timeline/", "Timeline", True),
        ("timeline/calls/", "Timeline: calls", False),
        ("timeline/meetings/", "Timeline: meetings", False),
        ("timeline/statements/", "Timeline: statements", False),
        ("timeline/strikes/", "Timeline: strikes", False),
        ("timeline/decisions/", "Timeline: decisions", False),
    ]
    calls = pages[1].render("../../")
    assert "Trump and Putin speak" in calls and "Russia strikes" not in calls


def test_the_site_page_links_relative_to_the_root_with_a_filter_nav(two_briefs):
    kinds = kinds_with_events(link_site(two_briefs).events)
    html = render_timeline_page(two_briefs, EventKind.CALL, kinds, "../../")
    nav = html[html.index("<nav") : html.index("</nav>")]
    assert '<a href="../../timeline/">All events</a>' in nav
    assert '<a href="../../timeline/calls/" aria-current="page">Calls</a>' in nav
    assert nav.count("aria-current") == 1
    assert (
        '<a href="../../2025/07/04/test/#event-zelensky-call">Trump and Zelensky speak</a>'
    ) in html
    assert (
        '<h2 id="day-2025-07-03"><time datetime="2025-07-03">Thursday, July 3, 2025</time>' in html
    )
    assert "https://" not in html and 'href="/' not in html


def test_a_long_timeline_is_cut_into_pages_of_whole_days(parse):
    # 60 briefs, one a day, each with a call that day and a strike the day before.
    briefs = []
    for n in range(60):
        published = date(2025, 5, 1) + timedelta(days=n)
        events = (
            f"  - id: call\n    when: {published.isoformat()}\n    kind: call\n"
            f"    title: Call {n}\n"
            f"  - id: strike\n    when: {(published - timedelta(days=1)).isoformat()}\n"
            f"    kind: strike\n    title: Strike {n}\n"
        )
        text = brief_text(events, date_line=published.isoformat())
        briefs.append(parse(text, path=f"briefs/b{n}.md").brief)
    briefs.reverse()  # newest first, as the site orders them
    pages = timeline_pages(briefs)
    full = [page for page in pages if page.path in ("timeline/", "timeline/page/2/")]
    assert [(page.path, page.title, page.in_nav) for page in full] == [
        ("timeline/", "Timeline", True),
        ("timeline/page/2/", "Timeline, page 2", False),
    ]
    assert len([page for page in pages if page.path.startswith("timeline/page/")]) == 1
    first, second = (page.render("../") for page in full)
    days = [re.findall(r'<h2 id="day-([\d-]+)">', html) for html in (first, second)]
    # Every day once, newest first. A page ends with the day that reaches 100 events:
    # the newest day has one event, the next ones two each, so the 51st reaches 101.
    assert days[0] + days[1] == sorted(set(days[0] + days[1]), reverse=True)
    assert len(days[0]) == 51 and len(days[0] + days[1]) == 61
    assert first.count('class="brief-event ') == 101
    assert second.count('class="brief-event ') == 19
    assert "<h1>Timeline, page 2</h1>" in second
    assert '<a class="brief-pagination__older" rel="next" href="../timeline/page/2/">' in first
    assert "Older events →" in first and "← Newer events" in second
    assert "Page 2 of 2" in second
    # The kinds' views are cut the same way, each on its own.
    calls = [(page.path, page.in_nav) for page in pages if page.path.startswith("timeline/calls/")]
    assert calls == [("timeline/calls/", False)]  # 60 calls fit on one page


def test_a_site_without_events_says_so():
    html = render_timeline_page([], None, [], "../")
    assert "No events yet." in html
    assert "<nav" not in html


# --- lints, one by one, with their exact messages ---


def messages(parse, events: str, body: str = "Text.\n", date_line: str = "2025-07-04"):
    return parse(brief_text(events, body, date_line)).messages


def test_an_unresolvable_phrase_names_file_line_phrase_and_accepted_forms(parse):
    assert messages(parse, "  - id: a\n    when: Thrusday\n    title: A\n") == [
        "briefs/test.md:6:11: cannot resolve the date 'Thrusday' (did you mean 'Thursday'?): "
        "write a weekday (Thursday), a weekday and part of day (Thursday night), "
        "last <weekday>, today, yesterday, this morning, tonight, a month and day (July 3), "
        "an ISO date (2025-07-03), earlier this week, last week, or upcoming"
    ]


def test_a_link_to_an_unknown_event_is_reported(parse):
    assert messages(
        parse, ENTRY.replace("    sources: [trump, kremlin]\n", ""), "See [it](#putin-cal).\n"
    ) == [
        "briefs/test.md:12:11: unknown event 'putin-cal' (did you mean 'putin-call'?): "
        "declare it under `events:` or link to an existing section"
    ]


def test_a_duplicate_event_id_is_reported_and_the_first_kept(parse):
    events = (
        "  - id: a\n    when: Thursday\n    title: A\n  - id: a\n    when: Friday\n    title: B\n"
    )
    result = parse(brief_text(events))
    assert result.messages == [
        "briefs/test.md:8:9: the event id 'a' is used twice (first at line 5): "
        "give each event its own id"
    ]
    assert [event.title for event in result.brief.events] == ["A"]


def test_an_unknown_kind_is_reported_and_other_used(parse):
    result = parse(brief_text("  - id: a\n    when: Thursday\n    kind: phone\n    title: A\n"))
    assert result.messages == [
        "briefs/test.md:7:11: unknown kind 'phone': use one of call, meeting, statement, "
        "strike, decision, other; 'other' was used"
    ]
    assert result.brief.events[0].kind is EventKind.OTHER


def test_a_dated_event_after_publication_is_reported(parse):
    assert messages(parse, "  - id: x\n    when: 2025-07-06\n    title: X\n") == [
        "briefs/test.md:6:11: event 'x' is dated July 6, 2025, after the brief's publication "
        "(July 4, 2025): use `when: upcoming` for planned events, or fix the date"
    ]


def test_exact_times_are_compared_when_the_brief_has_a_time(parse):
    event = "  - id: x\n    when: 2025-07-04T20:00:00-04:00\n    title: X\n"
    assert messages(parse, event, date_line="2025-07-04T14:10:00-04:00") == [
        "briefs/test.md:6:11: event 'x' is dated July 4, 2025, 8 p.m. EDT, after the brief's "
        "publication (July 4, 2025, 2:10 p.m. EDT): use `when: upcoming` for planned events, "
        "or fix the date"
    ]
    # A brief dated without a time covers the whole day: the same day is fine.
    assert messages(parse, event) == []
    earlier = event.replace("20:00", "09:00")
    assert messages(parse, earlier, date_line="2025-07-04T14:10:00-04:00") == []


def test_upcoming_and_relative_dates_are_never_after_publication(parse):
    events = (
        "  - id: a\n    when: upcoming\n    title: A\n"
        "  - id: b\n    when: tonight\n    title: B\n"
        "  - id: c\n    when: July 5\n    title: C\n"  # the latest July 5: last year
    )
    assert messages(parse, events) == []
