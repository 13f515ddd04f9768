"""The site's real events: each event once, with every brief that reports it.

After `same-as` is resolved (site/same_as.py), each brief's events are completed
for this build (a `same-as` event takes what it left out from the original)
and grouped by the real event they are. A build does this every time, from the
events as parsed: what a brief takes from another changes when the other does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from mkdocs_briefs.core.brief.model import Brief, Event
from mkdocs_briefs.core.site.same_as import EventKey, Resolution
from mkdocs_briefs.core.brief.timeline import SiteEvent


def complete_events(briefs: Sequence[Brief], resolution: Resolution) -> list[SiteEvent]:
    """Set each brief's `events` as this build shows them; the real events, one each.

    A `same-as` that leads nowhere keeps its event only if it wrote its own title
    and date (the problem is reported either way).
    """
    parsed = {brief.path: _parsed(brief) for brief in briefs}
    by_key = {
        (brief.path, event.id): (brief, event) for brief in briefs for event in parsed[brief.path]
    }
    dated_by: dict[EventKey, list[tuple[Brief, Event]]] = {}  # root -> briefs that date it
    for key, root in resolution.roots.items():
        brief, event = by_key[key]
        if event.own_date and event.when.start is not None:
            dated_by.setdefault(root, []).append((brief, event))
    groups: dict[EventKey, list[tuple[Brief, Event]]] = {}
    for brief in briefs:
        shown: list[Event] = []
        for event in parsed[brief.path]:
            key = (brief.path, event.id)
            root = resolution.roots.get(key)
            if root is not None:
                event = _inherit(event, brief, by_key[root], dated_by.get(root, ()))
            elif event.same_as and (not event.title or not event.own_date):
                continue  # leads nowhere, and has no title or date of its own
            shown.append(event)
            groups.setdefault(root or key, []).append((brief, event))
        if shown != brief.events:
            brief.events = shown
            brief.forget_derived()
    return [_site_event(members) for members in groups.values()]


def _parsed(brief: Brief) -> list[Event]:
    if brief.parsed_events is None:
        brief.parsed_events = brief.events
    return brief.parsed_events


def _inherit(
    event: Event,
    brief: Brief,
    original: tuple[Brief, Event],
    dated_by: Sequence[tuple[Brief, Event]],
) -> Event:
    """The event with what it left out taken from the original (its date: from the latest
    brief, up to this one's publication, that dated it; else the original's)."""
    source = original[1]
    changes: dict = {name: getattr(source, name) for name in event.inherited if name != "when"}
    if "when" in event.inherited:
        earlier = [item for item in dated_by if item[0].published <= brief.published]
        if earlier:
            source = max(earlier, key=lambda item: (item[0].published, item[0].path))[1]
        # The phrase was written by another brief, about another day of publication.
        changes["when"] = replace(source.when, phrase="")
    return replace(event, **changes) if changes else event


def _site_event(members: list[tuple[Brief, Event]]) -> SiteEvent:
    """The entry shows the latest brief's date, title and kind; a planned event is listed
    at the date of the latest brief that still announces it."""
    members.sort(key=lambda item: (item[0].published, item[0].path))
    dated = [item for item in members if item[1].when.start is not None]
    brief, event = (dated or members)[-1]
    return SiteEvent(brief, event, tuple(members))
