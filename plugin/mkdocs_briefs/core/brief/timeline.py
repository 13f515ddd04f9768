"""The timeline: a brief's events in the order they happened, every brief's
events for the site-wide timeline, and the checks on event dates."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from mkdocs_briefs.core.brief.dates import sort_key
from mkdocs_briefs.core.brief.model import Brief, Event, EventKind, Mention
from mkdocs_briefs.core.problems import Problems
from mkdocs_briefs.core.text import ap_date, ap_time

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
    """One real event as the site-wide timeline lists it: the brief whose date and title
    the entry shows, and every brief that reports it (oldest first; site/events.py)."""

    brief: Brief
    event: Event
    reports: tuple[tuple[Brief, Event], ...] = ()

    @property
    def reported_in(self) -> tuple[tuple[Brief, Event], ...]:
        return self.reports or ((self.brief, self.event),)

    @property
    def planned(self) -> bool:
        """No brief dates it yet: listed at the date of the brief that announced it."""
        return self.event.when.start is None

    @property
    def day(self) -> date:
        start = self.event.when.start
        return start if start is not None else self.brief.published.date()


@dataclass(frozen=True, slots=True)
class TimelineDay:
    """The events of one day: what happened, then what was planned as of that day."""

    day: date
    events: tuple[SiteEvent, ...]


def kinds_with_events(events: Iterable[SiteEvent]) -> list[EventKind]:
    """The kinds that have at least one event, in the contract's order of kinds."""
    found = {item.event.kind for item in events}
    return [kind for kind in EventKind if kind in found]


def site_timeline(events: Iterable[SiteEvent], kind: EventKind | None = None) -> list[TimelineDay]:
    """The real events (of one kind, when given), grouped by day, newest day first.

    Each day in the order it went (part of day, exact time, then brief and file
    order); a span is listed on its first day, as the contract sorts it. A planned
    event no brief has dated is listed at the date of the latest brief that
    announces it, after that day's events: the timeline never depends on the day
    it is built, and an old plan does not stay on top for ever.
    """
    days: dict[date, list[SiteEvent]] = {}
    for item in events:
        days.setdefault(item.day, []).append(item)
    timeline = [
        TimelineDay(day, tuple(sorted(days[day], key=_in_day)))
        for day in sorted(days, reverse=True)
    ]
    return timeline if kind is None else of_kind(timeline, kind)


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
    return (
        item.planned,
        sort_key(event.when, 0),
        brief.published.timestamp(),
        brief.path,
        event.order,
    )


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
