"""The site-wide timeline: every event of every brief, grouped by day, newest
day first, with one page per kind of event (`/timeline/calls/`, ...) so readers
can filter without JavaScript.

Each view is cut into pages of about `EVENTS_PER_PAGE` events (whole days,
`/timeline/page/2/` ...): a newsroom's briefs report thousands of events in a
few years, and one page of them all was megabytes long, too much for a phone."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from mkdocs_briefs.core.brief.markdown.mentions import event_anchor
from mkdocs_briefs.core.brief.model import Brief, EventKind
from mkdocs_briefs.core.brief.timeline import (
    KIND_VIEWS,
    SiteEvent,
    TimelineDay,
    kinds_with_events,
    of_kind,
    site_timeline,
)
from mkdocs_briefs.core.render.listing import render_pagination
from mkdocs_briefs.core.render.timeline import (
    TIMELINE_LEGEND,
    event_details,
    kind_badge,
    when_html,
)
from mkdocs_briefs.core.site.archive import ListPage
from mkdocs_briefs.core.site.links import link_site
from mkdocs_briefs.core.text import ap_date, ap_time, esc

TIMELINE_PATH = "timeline/"
TIMELINE_PAGE_TITLE = "Timeline"
PLANNED = "Planned"
EVENTS_PER_PAGE = 100  # a page ends with the day that reaches it: days are never split


@dataclass(frozen=True)
class TimelinePage:
    """One view of the site-wide timeline; the host decides how to publish it."""

    path: str  # URL path inside the site, e.g. "timeline/calls/"
    title: str
    description: str
    render: Callable[[str], str]  # root (relative path to the site root) -> HTML
    in_nav: bool  # only the full timeline goes into the site navigation


def kind_path(kind: EventKind) -> str:
    return f"{TIMELINE_PATH}{KIND_VIEWS[kind][0]}/"


def timeline_pages(
    briefs: Sequence[Brief],
    *,
    keep_entries: bool = False,
    events: Sequence[SiteEvent] | None = None,
) -> list[TimelinePage]:
    """The full timeline, and one view for each kind that has events, each in pages.

    `events`: the site's real events, as the site-wide pass grouped them
    (site/links.py); made from `briefs` when not given.
    `keep_entries`: keep each event's rendered entry with its brief, for a host
    that renders the pages again with the same briefs (`mkdocs serve`). A single
    build shows each entry once per page, so it would only hold memory.
    """
    if events is None:
        events = link_site(briefs).events
    kinds = kinds_with_events(events)
    entry = _kept_entry if keep_entries else _render_entry
    everything = site_timeline(events)  # sorted once, for every view
    views: list[tuple[EventKind | None, list[TimelineDay]]] = [(None, everything)]
    views.extend((kind, of_kind(everything, kind)) for kind in kinds)
    pages = []
    for kind, days in views:
        base = TIMELINE_PATH if kind is None else kind_path(kind)
        title = TIMELINE_PAGE_TITLE if kind is None else _kind_title(kind)
        description = (
            "Every event in our briefs, in the order it happened."
            if kind is None
            else f"{KIND_VIEWS[kind][1]} in our briefs, in the order they happened."
        )
        chunks = _pages_of(days)
        for number, chunk in enumerate(chunks, start=1):
            place = ListPage(base, number, len(chunks), ())
            pages.append(
                TimelinePage(
                    place.path,
                    title if number == 1 else f"{title}, page {number}",
                    description,
                    # Bind the loop's values now: the page renders after the loop has moved on.
                    partial(_render_page, chunk, kind, kinds, entry=entry, place=place),
                    in_nav=kind is None and number == 1,
                )
            )
    return pages


def _kind_title(kind: EventKind) -> str:
    return f"{TIMELINE_PAGE_TITLE}: {KIND_VIEWS[kind][1].lower()}"


def _pages_of(days: list[TimelineDay]) -> list[list[TimelineDay]]:
    """Whole days, about EVENTS_PER_PAGE events a page; an empty timeline has one page."""
    pages: list[list[TimelineDay]] = [[]]
    count = 0
    for day in days:
        if count >= EVENTS_PER_PAGE:
            pages.append([])
            count = 0
        pages[-1].append(day)
        count += len(day.events)
    return pages


def render_timeline_page(
    briefs: Sequence[Brief], kind: EventKind | None, kinds: list[EventKind], root: str
) -> str:
    """One view, unpaged: `kind` None is every event; links are relative to `root`."""
    return _render_page(site_timeline(link_site(briefs).events, kind), kind, kinds, root)


RenderEntry = Callable[[SiteEvent, str], str]


def _render_page(
    days: list[TimelineDay],
    kind: EventKind | None,
    kinds: list[EventKind],
    root: str,
    entry: RenderEntry | None = None,
    place: ListPage | None = None,
) -> str:
    title = TIMELINE_PAGE_TITLE if kind is None else _kind_title(kind)
    if place is not None and place.number > 1:
        title += f", page {place.number}"
    pager = render_pagination(place, root, "Timeline pages", "events") if place else ""
    parts = [
        f"<h1>{esc(title)}</h1>",
        '<p class="brief-timeline-page__intro">Every event our briefs report, once, newest '
        "day first, with the dates resolved. Each entry links to every brief that reports "
        "it.</p>",
        _render_filter(kind, kinds, root),
        TIMELINE_LEGEND,
    ]
    if not days:
        parts.append('<p class="brief-timeline-page__empty">No events yet.</p>')
    if days:
        parts.append(render_days(days, root, entry))
    if pager:
        parts.append(pager)
    return '<div class="brief-timeline-page">\n' + "\n".join(parts) + "\n</div>\n"


def _render_filter(current: EventKind | None, kinds: list[EventKind], root: str) -> str:
    if not kinds:
        return ""
    links = [_filter_link("All events", f"{root}{TIMELINE_PATH}", current is None)]
    links.extend(
        _filter_link(KIND_VIEWS[kind][1], f"{root}{kind_path(kind)}", kind is current)
        for kind in kinds
    )
    items = "".join(f"<li>{link}</li>" for link in links)
    return (
        '<nav class="brief-timeline-filter" aria-label="Show events of one kind">'
        f"<ul>{items}</ul></nav>"
    )


def _filter_link(label: str, href: str, current: bool) -> str:
    aria = ' aria-current="page"' if current else ""
    return f'<a href="{esc(href)}"{aria}>{esc(label)}</a>'


def render_days(days: Sequence[TimelineDay], root: str, entry: RenderEntry | None = None) -> str:
    """The days of a timeline as sections (the story pages list theirs this way too)."""
    return "\n".join(_render_day(day, root, entry or _render_entry) for day in days)


def _render_day(day: TimelineDay, root: str, entry: RenderEntry) -> str:
    anchor = f"day-{day.day.isoformat()}"
    heading = f'<time datetime="{day.day.isoformat()}">{day.day:%A}, {esc(ap_date(day.day))}</time>'
    entries = "\n".join(entry(item, root) for item in day.events)
    return (
        f'<section class="brief-timeline-day" aria-labelledby="{anchor}">\n'
        f'<h2 id="{anchor}">{heading}</h2>\n'
        f'<ol class="brief-timeline__list">\n{entries}\n</ol>\n</section>'
    )


def _kept_entry(item: SiteEvent, root: str) -> str:
    if len(item.reported_in) > 1:  # made of several briefs: none of them may keep it
        return _render_entry(item, root)
    return item.brief.derived(
        ("timeline entry", item.event.order, root), lambda: _render_entry(item, root)
    )


def _render_entry(item: SiteEvent, root: str) -> str:
    brief, event = item.brief, item.event
    brief_url = f"{root}{brief.url}"
    lines = [f'<li class="brief-event brief-event--{event.kind.key}">']
    when = _within_heading(item)
    if when:
        lines.append(f'<p class="brief-event__when">{when}</p>')
    lines.append(
        f'<h3 class="brief-event__title">{kind_badge(event.kind)} '
        f'<a href="{esc(brief_url)}#{event_anchor(event.id)}">{esc(event.title)}</a></h3>'
    )
    lines.extend(event_details(event))
    links = ", ".join(
        f'<a href="{esc(root + reporter.url)}#{event_anchor(reported.id)}">'
        f"{esc(reporter.title)}</a> ({esc(ap_date(reporter.published.date()))})"
        for reporter, reported in item.reported_in
    )
    lines.append(f'<p class="brief-event__brief">Reported in {links}</p>')
    lines.append("</li>")
    return "\n".join(lines)


def _within_heading(item: SiteEvent) -> str:
    """What the day heading does not say: a span's days, the exact time or part of day;
    for a planned event, that it is planned, as of when."""
    when = item.event.when
    if item.planned:
        # A planned event is only as current as the brief that announced it.
        day = item.brief.published.date()
        return (
            f'<span class="brief-event__upcoming">{PLANNED}</span> as of '
            f'<time datetime="{day.isoformat()}">{esc(ap_date(day, year=True))}</time>'
        )
    if when.is_span:
        return when_html(when)
    if when.time is not None:
        return f'<time datetime="{when.time.isoformat()}">{esc(ap_time(when.time))}</time>'
    if when.part_of_day is not None:
        return esc(when.part_of_day.label.capitalize())
    return ""
