"""The timeline as readers find it in the built site: the first brief's timeline,
the site-wide timeline and its calls-only view."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from support import FIRST_BRIEF_URL, make_project, run_mkdocs_build

DASH = "\u2013"  # en dash, between the days of a span


@dataclass
class Entry:
    """One `<li class="brief-event">`: its id, text by part, and links."""

    id: str
    classes: list[str]
    datetimes: list[str] = field(default_factory=list)
    parts: dict[str, str] = field(default_factory=dict)  # BEM element -> visible text
    links: list[tuple[str, str]] = field(default_factory=list)  # (href, text)


class Entries(HTMLParser):
    """The timeline entries of a page, in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[Entry] = []
        self._part: list[str] = []
        self._link: list[str] = []
        self._in_entry = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = {k: v or "" for k, v in attrs}
        classes = attributes.get("class", "").split()
        if tag == "li" and "brief-event" in classes:
            self.entries.append(Entry(attributes.get("id", ""), classes))
            self._in_entry = True
            return
        if not self._in_entry:
            return
        entry = self.entries[-1]
        if tag == "time":
            entry.datetimes.append(attributes["datetime"])
        if tag == "a":
            self._link = [attributes["href"], ""]
        if tag in ("p", "h3"):
            part = next(c.split("__")[1] for c in classes if c.startswith("brief-event__"))
            self._part = [part]
            entry.parts[part] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "li":
            self._in_entry = False
        elif tag == "a" and self._link and self._in_entry:
            self.entries[-1].links.append((self._link[0], self._link[1]))
            self._link = []
        elif tag in ("p", "h3"):
            self._part = []

    def handle_data(self, data: str) -> None:
        if not self._in_entry:
            return
        if self._part:
            self.entries[-1].parts[self._part[0]] += data
        if self._link:
            self._link[1] += data


def entries(html: str) -> list[Entry]:
    parser = Entries()
    parser.feed(html)
    for entry in parser.entries:
        entry.parts = {k: " ".join(v.split()) for k, v in entry.parts.items()}
    return parser.entries


def timeline_section(html: str) -> str:
    start = html.index('<section class="brief-timeline"')
    return html[start : html.index("</section>", start)]


def test_the_first_brief_timeline_reads_in_the_order_events_happened(shipped_build):
    html = shipped_build.page(FIRST_BRIEF_URL)
    section = timeline_section(html)
    assert '<h2 class="brief-timeline__title" id="timeline-title">Timeline</h2>' in section
    found = [
        (entry.id, entry.datetimes, entry.parts["when"], entry.parts["title"])
        for entry in entries(section)
    ]
    assert found == [
        (
            "event-pentagon-pause",
            ["2025-06-30", "2025-07-03"],
            f"Mon, June 30 {DASH} Thu, July 3 dated “earlier this week”",
            "Decision: The Pentagon pauses a weapons shipment to Ukraine, "
            "including air defense interceptors",
        ),
        (
            "event-putin-call",
            ["2025-07-03"],
            "Thu, July 3 dated “Thursday”",
            "Call: Trump and Putin speak by phone",
        ),
        (
            "event-russian-strikes",
            ["2025-07-03"],
            "Thu, July 3, night dated “Thursday night”",
            "Strike: Russia launches hundreds of drones and a dozen ballistic missiles at Ukraine",
        ),
        (
            "event-zelensky-call",
            ["2025-07-04"],
            "Fri, July 4 dated “Friday”",
            "Call: Trump and Zelensky speak by phone",
        ),
        (
            "event-teams-meet",
            [],  # upcoming: no date, so no <time>
            "Upcoming",
            "Meeting: U.S. and Ukrainian teams meet on air defense and other weapons supplies",
        ),
    ]
    zelensky = entries(section)[3]
    assert "brief-event--call" in zelensky.classes
    assert zelensky.parts["participants"] == "Participants: Donald Trump and Volodymyr Zelensky"
    assert zelensky.parts["duration"] == "Duration: about 40 minutes"
    assert zelensky.parts["sources"] == (
        "Sources: A Ukrainian official, A source with knowledge of the call, Volodymyr Zelensky"
    )


def test_the_timeline_follows_the_body_inside_the_article(shipped_build):
    html = shipped_build.page(FIRST_BRIEF_URL)
    article = html[html.index('<article class="brief"') : html.index("</article>")]
    assert article.index('<div class="brief-body">') < article.index(
        '<section class="brief-timeline" id="timeline" aria-labelledby="timeline-title">'
    )


def test_body_mentions_and_timeline_entries_link_to_each_other(shipped_build):
    html = shipped_build.page(FIRST_BRIEF_URL)
    body = html[
        html.index('<div class="brief-body">') : html.index('<section class="brief-timeline"')
    ]
    mentions = re.findall(
        r'<a href="#(event-[a-z-]+)" id="(mention-\d+)" class="brief-mention">(?:<time [^>]*>)?'
        r"([^<]+)<",
        body,
    )
    by_text = {text: (target, anchor) for target, anchor, text in mentions}
    # The body's "Thursday" and "Friday" lead to their calls in the timeline ...
    assert by_text["on Thursday"][0] == "event-putin-call"
    assert by_text["on Friday"][0] == "event-zelensky-call"
    assert '<time datetime="2025-07-03">on Thursday</time>' in body
    # ... and every entry leads back to the words that mention it.
    timeline = {entry.id: entry for entry in entries(timeline_section(html))}
    for target, anchor, text in mentions:
        assert timeline[target].parts["mentions"] == f"In the text: “{text}”"
        assert (f"#{anchor}", f"“{text}”") in timeline[target].links


def test_timeline_sources_link_to_the_sourcing_sidebar(shipped_build):
    html = shipped_build.page(FIRST_BRIEF_URL)
    putin = next(e for e in entries(timeline_section(html)) if e.id == "event-putin-call")
    assert ("#source-trump-remarks", "Donald Trump") in putin.links
    assert 'id="source-trump-remarks"' in html


def test_the_timeline_comes_after_the_text_corrections_and_sources(shipped_build):
    html = shipped_build.page(FIRST_BRIEF_URL)
    body = html.index('<div class="brief-body">')
    assert body < html.index('id="sourcing"') < html.index('<section class="brief-timeline"')


def site_entries(html: str) -> list[tuple[str, str, str]]:
    """(day heading, kind and title, link) of each entry of a site timeline page."""
    found = []
    for day in re.split(r'<section class="brief-timeline-day"', html)[1:]:
        heading = re.sub(r"<[^>]+>", "", re.search(r"<h2[^>]*>(.*?)</h2>", day)[1])
        for entry in entries(day):
            found.append((heading, entry.parts["title"], entry.links[0][0]))
    return found


BRIEF_LINK = "../2025/07/04/trump-zelensky-air-defense/"


def test_the_site_timeline_lists_every_event_by_day_newest_first(shipped_build):
    html = shipped_build.page("timeline/")
    assert "<h1>Timeline</h1>" in html
    assert site_entries(html) == [
        (
            "Friday, July 4, 2025",
            "Call: Trump and Zelensky speak by phone",
            f"{BRIEF_LINK}#event-zelensky-call",
        ),
        (  # planned: at the date of the brief that announced it, after that day's events
            "Friday, July 4, 2025",
            "Meeting: U.S. and Ukrainian teams meet on air defense and other weapons supplies",
            f"{BRIEF_LINK}#event-teams-meet",
        ),
        (
            "Thursday, July 3, 2025",
            "Call: Trump and Putin speak by phone",
            f"{BRIEF_LINK}#event-putin-call",
        ),
        (
            "Thursday, July 3, 2025",
            "Strike: Russia launches hundreds of drones and a dozen ballistic missiles at Ukraine",
            f"{BRIEF_LINK}#event-russian-strikes",
        ),
        (
            "Monday, June 30, 2025",
            "Decision: The Pentagon pauses a weapons shipment to Ukraine, "
            "including air defense interceptors",
            f"{BRIEF_LINK}#event-pentagon-pause",
        ),
    ]
    assert (
        '<h2 id="day-2025-07-04"><time datetime="2025-07-04">Friday, July 4, 2025</time></h2>'
        in html
    )
    strikes = next(e for e in entries(html) if "Russia launches" in e.parts["title"])
    assert strikes.parts["when"] == "Night"
    assert strikes.parts["brief"] == (
        "Reported in Trump tells Zelensky he wants to help Ukraine with air defense, "
        "sources say (July 4, 2025)"
    )
    assert (
        f"{BRIEF_LINK}#event-russian-strikes",
        "Trump tells Zelensky he wants to help Ukraine with air defense, sources say",
    ) in strikes.links
    planned = next(e for e in entries(html) if "teams meet" in e.parts["title"])
    assert planned.parts["when"] == "Planned as of July 4, 2025"


def filter_nav(html: str) -> list[tuple[str, str, bool]]:
    nav = html[html.index('<nav class="brief-timeline-filter"') :]
    nav = nav[: nav.index("</nav>")]
    return [
        (href, text, bool(current))
        for href, current, text in re.findall(
            r'<a href="([^"]+)"( aria-current="page")?>([^<]+)</a>', nav
        )
    ]


def test_the_calls_only_view_lists_the_two_calls_with_a_filter_nav(shipped_build):
    html = shipped_build.page("timeline/calls/")
    assert "<h1>Timeline: calls</h1>" in html
    assert [(day, title) for day, title, _ in site_entries(html)] == [
        ("Friday, July 4, 2025", "Call: Trump and Zelensky speak by phone"),
        ("Thursday, July 3, 2025", "Call: Trump and Putin speak by phone"),
    ]
    assert site_entries(html)[0][2] == f"../{BRIEF_LINK}#event-zelensky-call"
    assert filter_nav(html) == [
        ("../../timeline/", "All events", False),
        ("../../timeline/calls/", "Calls", True),
        ("../../timeline/meetings/", "Meetings", False),
        ("../../timeline/strikes/", "Strikes", False),
        ("../../timeline/decisions/", "Decisions", False),
    ]
    assert [current for *_, current in filter_nav(shipped_build.page("timeline/"))] == [
        True,
        False,
        False,
        False,
        False,
    ]
    # Only kinds that have events get a page.
    assert not (shipped_build.site / "timeline" / "statements").exists()


def test_only_the_full_timeline_is_in_the_site_navigation(shipped_build):
    home = (shipped_build.site / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('class="briefs-sections"') :]
    nav = nav[: nav.index("</nav>")]
    assert 'href="timeline/"' in nav
    assert "timeline/calls/" not in nav


BRIEF = """---
title: Future
date: 2025-07-04
events:
  - id: talks
    when: 2025-07-06
    title: Talks
---

Talks [next week](#talk).
"""


def test_event_problems_fail_a_strict_build_with_their_place(tmp_path):
    project = make_project(tmp_path, {"future.md": BRIEF})
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 1
    assert (
        "briefs/future.md:6:11: event 'talks' is dated July 6, 2025, after the brief's "
        "publication (July 4, 2025): use `when: upcoming` for planned events, or fix the date"
    ) in build.output
    assert "briefs/future.md:10:20: unknown event 'talk' (did you mean 'talks'?)" in build.output
    assert "Traceback" not in build.output
