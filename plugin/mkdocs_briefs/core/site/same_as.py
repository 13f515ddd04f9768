"""`same-as`: an event one brief declared, reported again by others, resolved across the site.

Resolution needs only a little of each brief (its path, publication, and each
event's id, reference and own date), so the build and `briefs check` resolve
the same way: the build from parsed briefs, the check from what it keeps of
each brief. It runs on every build and check, after every brief is parsed,
and is never kept with a brief's parse: a brief's references change when
another file does. One pass over the events, plus the length of any chain.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from mkdocs_briefs.core.brief.model import Brief
from mkdocs_briefs.core.brief.parse import is_same_as
from mkdocs_briefs.core.problems import Location, Problem, Problems
from mkdocs_briefs.core.text import ap_date
from mkdocs_briefs.core.suggest import did_you_mean

EventKey = tuple[str, str]  # (brief path as shown, event id)


@dataclass(frozen=True, slots=True)
class EventRef:
    """One event as resolution sees it."""

    id: str
    same_as: str  # as written, `other.md#event-id`; "" for the brief's own event
    start: date | None  # the date the brief itself wrote; None if planned or none written
    end: date | None
    at: Location  # the `same-as:` value, else the event
    when_at: Location | None = None  # the `when:` value, if one was written


@dataclass(frozen=True, slots=True)
class BriefRefs:
    """A brief's events, for resolution."""

    path: str
    published: str  # ISO datetime in the site's zone: orders briefs oldest to newest
    events: tuple[EventRef, ...]


@dataclass
class Resolution:
    """Where each `same-as` event leads, and what was wrong on the way."""

    roots: dict[EventKey, EventKey] = field(default_factory=dict)  # reference -> original
    unresolved: set[EventKey] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)


def refs_of(brief: Brief) -> BriefRefs:
    events = brief.parsed_events if brief.parsed_events is not None else brief.events
    return BriefRefs(
        brief.path,
        brief.published.isoformat(),
        tuple(
            EventRef(
                event.id,
                event.same_as,
                event.when.start if event.own_date else None,
                event.when.end if event.own_date else None,
                event.same_as_location or event.location,
                event.when_location,
            )
            for event in events
        ),
    )


def resolve_same_as(briefs: Iterable[BriefRefs]) -> Resolution:
    """Each `same-as` event's original; problems at the `same-as:` or `when:` they concern."""
    by_path = {brief.path: brief for brief in briefs}
    events: dict[EventKey, EventRef] = {
        (brief.path, event.id): event for brief in by_path.values() for event in brief.events
    }
    result = Resolution()
    problems = Problems()
    direct: dict[EventKey, EventKey | None] = {}
    nearby = _Nearby(by_path)
    for brief in by_path.values():
        for event in brief.events:
            if event.same_as:
                direct[(brief.path, event.id)] = _target(brief, event, nearby, problems)
    chains = _Chains(direct, events)
    for key, target in direct.items():
        root = chains.root(key) if target else None
        if target is not None:
            _report_chain(key, target, root, chains, events, problems)
        if root is None:
            result.unresolved.add(key)
        else:
            result.roots[key] = root
    _check_dates(result.roots, events, by_path, problems)
    result.problems = problems.items
    return result


class _Nearby:
    """The site's briefs as written from one folder, for did-you-mean; made once a folder."""

    def __init__(self, by_path: dict[str, BriefRefs]) -> None:
        self.by_path = by_path
        self._from: dict[str, list[str]] = {}

    def names(self, folder: str) -> list[str]:
        if folder not in self._from:
            self._from[folder] = [posixpath.relpath(p, folder or ".") for p in self.by_path]
        return self._from[folder]


def _target(
    brief: BriefRefs, event: EventRef, nearby: _Nearby, problems: Problems
) -> EventKey | None:
    """The event that `same-as` names, or None after saying why it names none."""
    if not is_same_as(event.same_as):
        return None  # reported when the brief was parsed
    written_file, _, event_id = event.same_as.partition("#")
    written_file = written_file.strip()
    folder = posixpath.dirname(brief.path)
    path = posixpath.normpath(posixpath.join(folder, written_file))
    target = nearby.by_path.get(path)
    if target is None:
        problems.warning(
            event.at,
            f"same-as of event '{event.id}': no brief '{written_file}'"
            f"{did_you_mean(written_file, nearby.names(folder))}: write the other brief's file "
            "relative to this one, e.g. same-as: other-brief.md#putin-call (a brief with "
            "errors of its own counts only once they are fixed)",
        )
        return None
    if path == brief.path:
        problems.warning(
            event.at,
            f"same-as of event '{event.id}' names this brief itself: same-as refers to an "
            "event of another brief; here, mention the event by its id instead",
        )
        return None
    ids = [other.id for other in target.events]
    if event_id not in ids:
        problems.warning(
            event.at,
            f"same-as of event '{event.id}': {path} has no event '{event_id}'"
            f"{did_you_mean(event_id, ids)}: use the id of one of its events",
        )
        return None
    return (path, event_id)


class _Chains:
    """Where references lead, each followed once: a chain of thousands (or a circle)
    is walked in one pass, not once for each of its events."""

    def __init__(
        self, direct: dict[EventKey, EventKey | None], events: dict[EventKey, EventRef]
    ) -> None:
        self.direct = direct
        self.events = events
        self._root: dict[EventKey, EventKey | None] = {}  # for `same-as` events
        self.circles: set[EventKey] = set()

    def root(self, key: EventKey) -> EventKey | None:
        """The original that `key` leads to; None if it leads nowhere or round a circle."""
        path: list[EventKey] = []
        on_path: set[EventKey] = set()
        current: EventKey | None = key
        found: EventKey | None = None
        while current is not None:
            if current in self._root:
                found = self._root[current]
                break
            if not self.events[current].same_as:
                found = current
                break
            if current in on_path:
                self.circles.update(path[path.index(current) :])
                break
            path.append(current)
            on_path.add(current)
            current = self.direct.get(current)
        for step in path:
            self._root[step] = found
        return found

    def loop(self, key: EventKey, most: int = 6) -> str:
        """The circle from `key` back to it, as `file#id → ...` (a long one cut short)."""
        steps = [key]
        current = self.direct.get(key)
        while current is not None and current != key and len(steps) < most:
            steps.append(current)
            current = self.direct.get(current)
        shown = [f"{path}#{event_id}" for path, event_id in steps]
        shown.append(f"{key[0]}#{key[1]}" if current == key else "…")
        return " → ".join(shown)


def _report_chain(
    key: EventKey,
    target: EventKey,
    root: EventKey | None,
    chains: _Chains,
    events: dict[EventKey, EventRef],
    problems: Problems,
) -> None:
    """A reference to a `same-as` event (still followed to the original), or a circle."""
    if key in chains.circles:
        problems.warning(
            events[key].at,
            f"same-as of event '{key[1]}' goes round in a circle ({chains.loop(key)}): make "
            "one of these events the original, with its own title and when, and no same-as",
        )
    elif events[target].same_as:
        original = (
            f", same-as: {posixpath.relpath(root[0], posixpath.dirname(key[0]) or '.')}#{root[1]}"
            if root is not None
            else ""
        )
        problems.warning(
            events[key].at,
            f"same-as of event '{key[1]}' names {target[0]}#{target[1]}, which is itself a "
            f"same-as: refer to the original event{original}",
        )


def _check_dates(
    roots: dict[EventKey, EventKey],
    events: dict[EventKey, EventRef],
    by_path: dict[str, BriefRefs],
    problems: Problems,
) -> None:
    """Two briefs that date one event differently: a warning at the later one's `when:`."""
    members: dict[EventKey, list[EventKey]] = {}
    for key, root in roots.items():
        members.setdefault(root, [root]).append(key)
    for group in members.values():
        dated = [key for key in group if events[key].start is not None]
        if len(dated) < 2:
            continue
        # The original's date if it has one, else the first brief's that dated it.
        dated.sort(key=lambda key: (key != group[0], by_path[key[0]].published, key[0]))
        first = dated[0]
        first_days = _days(events[first])
        for key in dated[1:]:
            event = events[key]
            if _days(event) == first_days:
                continue
            problems.warning(
                event.when_at or event.at,
                f"event '{key[1]}' is dated {_days_text(event)} in {key[0]} but "
                f"{_days_text(events[first])} in {first[0]} (event '{first[1]}'), the same "
                "event: correct the date that is wrong (until then the site's timeline shows "
                "the date of the latest brief)",
            )


def _days(event: EventRef) -> tuple[date | None, date | None]:
    return (event.start, event.end)


def _days_text(event: EventRef) -> str:
    assert event.start is not None
    if event.end is None or event.end == event.start:
        return ap_date(event.start, year=True)
    return f"{ap_date(event.start, year=True)} to {ap_date(event.end, year=True)}"


# --- What `briefs check` keeps of each brief (cache/findings.py stores it as JSON) --------


def refs_to_json(refs: BriefRefs) -> dict[str, Any]:
    return {
        "path": refs.path,
        "published": refs.published,
        "events": [
            [
                e.id,
                e.same_as,
                e.start.isoformat() if e.start else None,
                e.end.isoformat() if e.end else None,
                location_json(e.at),
                location_json(e.when_at) if e.when_at else None,
            ]
            for e in refs.events
        ],
    }


def refs_from_json(data: Any) -> BriefRefs:
    """Raises KeyError, TypeError or ValueError on anything that is not what refs_to_json wrote."""
    events = []
    for event_id, same_as, start, end, at, when_at in data["events"]:
        events.append(
            EventRef(
                str(event_id),
                str(same_as),
                date.fromisoformat(start) if start else None,
                date.fromisoformat(end) if end else None,
                location_from_json(at),
                location_from_json(when_at) if when_at else None,
            )
        )
    return BriefRefs(str(data["path"]), str(data["published"]), tuple(events))


def location_json(location: Location) -> list[Any]:
    return [location.path, location.line, location.col]


def location_from_json(data: Sequence[Any]) -> Location:
    path, line, col = data
    return Location(str(path), int(line), int(col))
