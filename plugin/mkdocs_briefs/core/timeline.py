"""The timeline: a brief's events in the order they happened, every brief's
events for the site-wide timeline, and the checks on event dates."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from .dates import sort_key
from .model import Brief, Event, EventKind, Mention
from .problems import Problems
from .render.text import ap_date, ap_time

# The filtered views of the site-wide timeline: URL slug and heading of each kind.
KIND_VIEWS: dict[EventKind, tuple[str, str]] = {
    EventKind.CALL: ("calls", "Calls"),
    EventKind.MEETING: ("meetings", "Meetings"),
    EventKind.STATEMENT: ("statements", "Statements"),
    EventKind.STRIKE: ("strikes", "Strikes"),
    EventKind.DECISION: ("decisions", "Decisions"),
    EventKind.OTHER: ("other", "Other events"),
}


def chronological(events: Iterable[Event]) -> list[Event]:
    """The contract's order: date (a span by its start), part of day, file order;
    upcoming events last."""
    return sorted(events, key=lambda event: sort_key(event.when, event.order))


def mentions_of(brief: Brief, event_id: str) -> list[Mention]:
    """The body's links to one event, in reading order."""
    return list(_mentions_by_event(brief.body.mentions).get(event_id, ()))


# The last brief's mentions grouped by event: its timeline asks for each of its events,
# and scanning every mention for each took minutes for thousands of events.
_grouped: tuple[list[Mention], int, dict[str, list[Mention]]] | None = None


def _mentions_by_event(mentions: list[Mention]) -> dict[str, list[Mention]]:
    global _grouped
    if _grouped is None or _grouped[0] is not mentions or _grouped[1] != len(mentions):
        groups: dict[str, list[Mention]] = {}
        for mention in mentions:
            groups.setdefault(mention.event_id, []).append(mention)
        _grouped = (mentions, len(mentions), groups)
    return _grouped[2]


@dataclass(frozen=True, slots=True)
class SiteEvent:
    """One event of one brief, as the site-wide timeline lists it."""

    brief: Brief
    event: Event


@dataclass(frozen=True, slots=True)
class TimelineDay:
    """The events of one day; `day` is None for the group of upcoming events."""

    day: date | None
    events: tuple[SiteEvent, ...]


def kinds_with_events(briefs: Iterable[Brief]) -> list[EventKind]:
    """The kinds that have at least one event, in the contract's order of kinds."""
    found = {event.kind for brief in briefs for event in brief.events}
    return [kind for kind in EventKind if kind in found]


def site_timeline(briefs: Iterable[Brief], kind: EventKind | None = None) -> list[TimelineDay]:
    """Every event of every brief (of one kind, when given), grouped by day.

    Upcoming events come first (what is next, then the news), planned events of
    the newest brief first; then the days, newest first, each in the order the
    day went (part of day, exact time, then brief and file order). A span is
    listed on its first day, as the contract sorts it.
    """
    dated: dict[date, list[SiteEvent]] = {}
    upcoming: list[SiteEvent] = []
    for brief in briefs:
        for event in brief.events:
            item = SiteEvent(brief, event)
            if event.when.start is None:
                upcoming.append(item)
            else:
                dated.setdefault(event.when.start, []).append(item)
    days: list[TimelineDay] = []
    if upcoming:
        upcoming.sort(key=lambda item: (-item.brief.published.timestamp(), _in_day(item)))
        days.append(TimelineDay(None, tuple(upcoming)))
    for day in sorted(dated, reverse=True):
        days.append(TimelineDay(day, tuple(sorted(dated[day], key=_in_day))))
    return days if kind is None else of_kind(days, kind)


def of_kind(days: list[TimelineDay], kind: EventKind) -> list[TimelineDay]:
    """The timeline's events of one kind, in the same order; days without one are left out.

    The kinds' pages are cut from the full timeline, which is sorted once.
    """
    kept: list[TimelineDay] = []
    for day in days:
        events = tuple(item for item in day.events if item.event.kind is kind)
        if events:
            kept.append(TimelineDay(day.day, events))
    return kept


def _in_day(item: SiteEvent) -> tuple:
    # The file order is the last tie-breaker, after the brief, across briefs. (Each view
    # of the timeline is cut from one sorted list: nothing is kept to sort again.)
    brief, event = item.brief, item.event
    return (sort_key(event.when, 0), brief.published.timestamp(), brief.path, event.order)


def check_events(brief: Brief, problems: Problems) -> None:
    """A dated event after publication is a planned event written as if it happened,
    or a wrong date: either way the timeline would mislead readers."""
    published = brief.published
    for event in brief.events:
        when = event.when
        if when.start is None:
            continue
        if when.time is not None and brief.published_has_time:
            after = when.time > published
            shown, published_shown = _moment(when.time), _moment(published)
        else:
            after = when.start > published.date()
            shown, published_shown = ap_date(when.start), ap_date(published.date())
        if after:
            problems.warning(
                event.when_location or event.location,
                f"event '{event.id}' is dated {shown}, after the brief's publication "
                f"({published_shown}): use `when: upcoming` for planned events, "
                "or fix the date",
            )


def _moment(moment: datetime) -> str:
    return f"{ap_date(moment.date())}, {ap_time(moment)}"
