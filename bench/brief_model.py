"""The structure of one synthetic brief, rendered two ways.

A brief is generated once as structure and then written both as an annotated
brief (front matter sources and events, citations, event links) and as plain
Markdown with the same visible text, so the two sites carry the same words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .yamltext import flow_list, scalar


@dataclass(frozen=True)
class Segment:
    """A run of text; with an event id it is an event mention."""

    text: str
    event_id: str | None = None


@dataclass(frozen=True)
class Block:
    """A paragraph (maybe opening a labelled section) or one bullet."""

    segments: tuple[Segment, ...]
    cites: tuple[str, ...] = ()
    label: str | None = None
    bullet: bool = False

    @property
    def plain_text(self) -> str:
        return "".join(segment.text for segment in self.segments)

    @property
    def words(self) -> int:
        label_words = len(self.label.split()) if self.label else 0
        return len(self.plain_text.split()) + label_words


@dataclass(frozen=True)
class SourceSpec:
    id: str
    name: str
    kind: str
    detail: str = ""
    via: str = ""
    url: str = ""


@dataclass(frozen=True)
class EventSpec:
    id: str
    when: str
    kind: str
    title: str
    participants: tuple[str, ...] = ()
    source_ids: tuple[str, ...] = ()
    same_as: str = ""  # `other.md#event-id`: reported from an earlier brief of the story


@dataclass(frozen=True)
class BriefSpec:
    slug: str
    title: str
    published: datetime  # aware, in the site's time zone
    with_time: bool  # front matter date written with a time and offset
    type: str
    tags: tuple[str, ...]
    authors: tuple[str, ...]
    sources: tuple[SourceSpec, ...]
    events: tuple[EventSpec, ...]
    blocks: tuple[Block, ...]
    story: str = ""  # the story's id, for a brief in one

    @property
    def url(self) -> str:
        return f"{self.published:%Y/%m/%d}/{self.slug}/"

    @property
    def brief_path(self) -> str:
        """Where the brief file goes, under the project's `briefs/`."""
        return f"{self.published:%Y/%m}/{self.slug}.md"

    @property
    def plain_path(self) -> str:
        """Where the plain page goes, under the plain site's docs folder (same URL)."""
        return f"{self.published:%Y/%m/%d}/{self.slug}.md"

    @property
    def words(self) -> int:
        return sum(block.words for block in self.blocks)


def annotated_text(brief: BriefSpec) -> str:
    """The brief file: front matter, then the body with citations and event links."""
    return "---\n" + _front_matter(brief) + "---\n\n" + _body(brief, annotated=True)


def plain_text(brief: BriefSpec) -> str:
    """The same words as plain Markdown: a heading, a dateline, the body."""
    dateline = f"*{brief.published:%B} {brief.published.day}, {brief.published.year}*"
    return f"# {brief.title}\n\n{dateline}\n\n" + _body(brief, annotated=False)


def _front_matter(brief: BriefSpec) -> str:
    date = brief.published.isoformat() if brief.with_time else brief.published.date().isoformat()
    lines = [
        f"title: {scalar(brief.title)}",
        f"date: {date}",
        f"type: {brief.type}",
        f"tags: {flow_list(brief.tags)}",
        f"authors: {flow_list(brief.authors)}",
        *([f"story: {brief.story}"] if brief.story else []),
        "sources:",
    ]
    for source in brief.sources:
        lines += [f"  {source.id}:", f"    name: {scalar(source.name)}", f"    kind: {source.kind}"]
        lines += [
            f"    {key}: {scalar(value)}"
            for key, value in (("detail", source.detail), ("via", source.via), ("url", source.url))
            if value
        ]
    lines.append("events:")
    for event in brief.events:
        if event.same_as:  # the date, kind and title are the original's
            lines += [f"  - id: {event.id}", f"    same-as: {scalar(event.same_as)}"]
            if event.source_ids:
                lines.append(f"    sources: {flow_list(event.source_ids)}")
            continue
        lines += [
            f"  - id: {event.id}",
            f"    when: {scalar(event.when)}",
            f"    kind: {event.kind}",
            f"    title: {scalar(event.title)}",
        ]
        if event.participants:
            lines.append(f"    participants: {flow_list(event.participants)}")
        if event.source_ids:
            lines.append(f"    sources: {flow_list(event.source_ids)}")
    return "\n".join(lines) + "\n"


def _body(brief: BriefSpec, *, annotated: bool) -> str:
    out: list[str] = []
    previous_bullet = False
    for block in brief.blocks:
        line = _block_line(block, annotated=annotated)
        if out and not (block.bullet and previous_bullet):
            out.append("")  # a blank line between paragraphs and around lists
        out.append(line)
        previous_bullet = block.bullet
    return "\n".join(out) + "\n"


def _block_line(block: Block, *, annotated: bool) -> str:
    text = "".join(_segment(segment, annotated=annotated) for segment in block.segments)
    if block.label:
        text = f"**{block.label}:** {text}"
    if annotated and block.cites:
        text += " [" + "; ".join(f"@{source_id}" for source_id in block.cites) + "]"
    return f"- {text}" if block.bullet else text


def _segment(segment: Segment, *, annotated: bool) -> str:
    if annotated and segment.event_id:
        return f"[{segment.text}](#{segment.event_id})"
    return segment.text
