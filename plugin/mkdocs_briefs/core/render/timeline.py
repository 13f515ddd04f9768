"""The timeline of a brief page: its events in the order they happened, each with
its resolved date, the phrase the brief wrote, its sources and its mentions."""

from __future__ import annotations

from datetime import date

from mkdocs_briefs.core.brief.dates import ResolvedWhen
from mkdocs_briefs.core.brief.markdown.mentions import event_anchor, machine_date
from mkdocs_briefs.core.brief.model import Brief, Event, EventKind, Heading
from mkdocs_briefs.core.brief.timeline import chronological, mentions_of
from mkdocs_briefs.core.ids import source_anchor
from mkdocs_briefs.core.text import ap_date, ap_time, esc

TIMELINE_ANCHOR = "timeline"
TIMELINE_TITLE = "Timeline"
UPCOMING = "Upcoming"
EN_DASH = "\u2013"  # between the days of a span, as typeset


def day_text(day: date, *, year: bool = False) -> str:
    """`Thu, July 3`, AP months."""
    return ap_date(day, year=year, weekday=True)


def when_text(when: ResolvedWhen, *, year: bool = False) -> str:
    """`Thu, July 3`, `Thu, July 3, night`, `Upcoming`, or a span's two days
    joined by an en dash: `Mon, June 30 - Thu, July 3`."""
    if when.start is None or when.end is None:
        return UPCOMING
    if when.is_span:
        return f"{day_text(when.start, year=year)} {EN_DASH} {day_text(when.end, year=year)}"
    return day_text(when.start, year=year) + _within_day(when)


def _within_day(when: ResolvedWhen) -> str:
    if when.time is not None:
        return f", {ap_time(when.time)}"
    if when.part_of_day is not None:
        return f", {when.part_of_day.label}"
    return ""


def when_html(when: ResolvedWhen, *, year: bool = False) -> str:
    """The readable date in `<time>` elements; a span gets one for each end, since
    HTML has no date range. Upcoming events have no date, so no `<time>`."""
    if when.start is None or when.end is None:
        return f'<span class="brief-event__upcoming">{UPCOMING}</span>'
    if when.is_span:
        return (
            f'<time datetime="{when.start.isoformat()}">{esc(day_text(when.start, year=year))}'
            f'</time> {EN_DASH} <time datetime="{when.end.isoformat()}">'
            f"{esc(day_text(when.end, year=year))}</time>"
        )
    return f'<time datetime="{machine_date(when)}">{esc(when_text(when, year=year))}</time>'


def kind_badge(kind: EventKind) -> str:
    # The label is text, so a call stands out without relying on colour.
    return (
        f'<span class="brief-event__kind brief-event__kind--{kind.key}">{esc(kind.label)}'
        '<span class="brief-visually-hidden">:</span></span>'
    )


def phrase_html(when: ResolvedWhen) -> str:
    """The phrase as the brief wrote it; left out when it only repeats "Upcoming"."""
    if when.upcoming and when.phrase.strip().lower() == UPCOMING.lower():
        return ""
    if not when.phrase.strip():  # a `same-as` event dated by another brief
        return ""
    # The event's `when` is the brief's own wording; what the text says is in "In the text".
    return f' <span class="brief-event__phrase">dated “{esc(when.phrase.strip())}”</span>'


def names_text(names: tuple[str, ...]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


# Calls stand out by their marker only; the legend says so, in words.
TIMELINE_LEGEND = (
    '<p class="brief-timeline__legend">Markers: '
    '<span class="brief-timeline__key brief-timeline__key--call" aria-hidden="true"></span> '
    "a call between leaders, "
    '<span class="brief-timeline__key" aria-hidden="true"></span> other events, '
    '<span class="brief-timeline__key brief-timeline__key--upcoming" aria-hidden="true"></span> '
    "planned.</p>"
)


def timeline_anchor(brief: Brief) -> str:
    # A body section may already be called "Timeline".
    taken = {heading.anchor for heading in brief.body.headings}
    return TIMELINE_ANCHOR if TIMELINE_ANCHOR not in taken else f"brief-{TIMELINE_ANCHOR}"


def timeline_toc(brief: Brief) -> list[Heading]:
    """The table of contents entry that jumps to the timeline, when there is one."""
    return [Heading(2, TIMELINE_TITLE, timeline_anchor(brief))] if brief.events else []


def render_timeline(brief: Brief) -> str:
    """The `<section>` placed after the body; "" for a brief without events."""
    if not brief.events:
        return ""
    anchor = timeline_anchor(brief)
    entries = "\n".join(_render_event(brief, event) for event in chronological(brief.events))
    return (
        f'<section class="brief-timeline" id="{esc(anchor)}" aria-labelledby="timeline-title">\n'
        f'<h2 class="brief-timeline__title" id="timeline-title">{TIMELINE_TITLE}</h2>\n'
        f"{TIMELINE_LEGEND}\n"
        f'<ol class="brief-timeline__list">\n{entries}\n</ol>\n'
        "</section>\n"
    )


def _render_event(brief: Brief, event: Event) -> str:
    # A date in another year than the brief's would be ambiguous without the year.
    year = event.when.start is not None and event.when.start.year != brief.published.year
    lines = [
        f'<li class="brief-event brief-event--{event.kind.key}" id="{event_anchor(event.id)}">',
        f'<p class="brief-event__when">{when_html(event.when, year=year)}'
        f"{phrase_html(event.when)}</p>",
        f'<h3 class="brief-event__title">{kind_badge(event.kind)} {esc(event.title)}</h3>',
        *event_details(event),
    ]
    if event.sources:
        label = "Source" if len(event.sources) == 1 else "Sources"
        links = ", ".join(
            f'<a href="#{source_anchor(source_id)}">{esc(brief.sources[source_id].name)}</a>'
            for source_id in event.sources
            if source_id in brief.sources
        )
        lines.append(f'<p class="brief-event__sources">{label}: {links}</p>')
    mentions = mentions_of(brief, event.id)
    if mentions:
        links = ", ".join(
            f'<a href="#{esc(mention.anchor)}">“{esc(mention.text)}”</a>' for mention in mentions
        )
        lines.append(f'<p class="brief-event__mentions">In the text: {links}</p>')
    lines.append("</li>")
    return "\n".join(lines)


def event_details(event: Event) -> list[str]:
    """Participants and duration, each on its own labelled line."""
    lines = []
    if event.participants:
        lines.append(
            '<p class="brief-event__participants">'
            f"Participants: {esc(names_text(event.participants))}</p>"
        )
    if event.duration:
        lines.append(f'<p class="brief-event__duration">Duration: {esc(event.duration)}</p>')
    return lines
