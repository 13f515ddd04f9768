"""Parse one brief file into the model, collecting every problem on the way.

A brief with an error (no title, no date, broken YAML) is not built; a brief
with warnings is built and the warnings are reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo
from pathlib import PurePosixPath
from typing import TypeVar

from mkdocs_briefs.core.brief.dates import ACCEPTED_FORMS, DateError, ResolvedWhen, resolve_when
from mkdocs_briefs.core.brief.fields import FieldReader, author_entries
from mkdocs_briefs.core.brief.lead_image import read_lead_image
from mkdocs_briefs.core.brief.markdown.context import ParseContext
from mkdocs_briefs.core.brief.markdown.pipeline import parse_body
from mkdocs_briefs.core.brief.markdown.prerender import prerender
from mkdocs_briefs.core.brief.model import (
    Brief,
    BriefType,
    Correction,
    Event,
    EventKind,
    LabelledChoice,
    Source,
    SourceKind,
)
from mkdocs_briefs.core.brief.publication import check_placeholders, read_draft
from mkdocs_briefs.core.brief.sourcing import check_sourcing
from mkdocs_briefs.core.brief.timeline import check_events
from mkdocs_briefs.core.brief.wordcount import count_words
from mkdocs_briefs.core.glossary.terms import TermMatcher
from mkdocs_briefs.core.ids import MAX_SLUG, cut_slug, is_valid_id, slugify
from mkdocs_briefs.core.problems import Location, Problem, Problems
from mkdocs_briefs.core.source.frontmatter import split_front_matter
from mkdocs_briefs.core.source.mojibake import check_mojibake
from mkdocs_briefs.core.source.yamlsource import (
    HalfCharacter,
    PosDict,
    PosList,
    YamlError,
    half_character_message,
    load_yaml,
)
from mkdocs_briefs.core.suggest import did_you_mean, start_brief

BRIEF_KEYS = (
    "title",
    "date",
    "updated",
    "summary",
    "type",
    "tags",
    "authors",
    "sources",
    "events",
    "corrections",
    "slug",
    "draft",
    "image",
    "story",
)
# Front matter keys that MkDocs, the theme or other plugins read from a page's metadata:
# kept as written, in the brief page's `page.meta` (e.g. `render_macros: false`).
PAGE_META_KEYS = ("render_macros", "hide", "search", "comments", "status", "subtitle", "icon")
SOURCE_KEYS = ("name", "kind", "detail", "via", "url")
EVENT_KEYS = ("id", "same-as", "when", "kind", "title", "participants", "duration", "sources")
# What a `same-as` event may leave out, taken from the event it refers to.
INHERITABLE = ("title", "kind", "participants", "duration", "when")
CORRECTION_KEYS = ("date", "text")


Choice = TypeVar("Choice", bound=LabelledChoice)


@dataclass(frozen=True)
class ParsedFile:
    """One brief file parsed: the brief (None if it cannot be built) and its problems."""

    brief: Brief | None
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class SiteSettings:
    """What the site decides for every brief."""

    tz: tzinfo
    glossary: TermMatcher | None = None  # the site glossary's matcher, shared by every brief
    # Render the body at once and drop its tokens (a build); a check needs no HTML.
    prerender: bool = True
    # `briefs check` needs which terms a brief uses, not the links themselves.
    link_terms: bool = True


def parse_brief(text: str, path: str, settings: SiteSettings, problems: Problems) -> Brief | None:
    """Parse `text` (the file at `path`, as shown in messages) into a Brief."""
    start_brief()  # did-you-mean hints are this brief's own
    check_mojibake(text, path, problems)  # pasted text: front matter and body alike
    split = split_front_matter(text)
    if split is None and text.split("\n", 1)[0].rstrip() == "---":
        problems.error(
            Location(path, 1, 1),
            "the front matter is not closed: add a line '---' between it and the text",
        )
        return None
    if split is None:
        problems.error(
            Location(path, 1, 1),
            "the brief has no front matter: start the file with a line '---', "
            "then title: and date:, then another '---'",
        )
        return None
    fields = FieldReader(path, split.front_matter_line - 1, problems)
    halves: list[HalfCharacter] = []
    try:
        data = load_yaml(split.front_matter, halves)
    except YamlError as exc:
        problems.error(fields.at(exc.pos), f"{exc.message}: fix the front matter")
        return None
    for half in halves:
        problems.warning(fields.at(half.pos), half_character_message(half))
    if not isinstance(data, PosDict):
        problems.error(
            Location(path, split.front_matter_line, 1),
            "the front matter must be a mapping of `key: value` lines (title:, date:, ...)",
        )
        return None
    return _build(data, split.body, split.body_line, path, settings, fields, problems)


def _build(
    data: PosDict,
    body_text: str,
    body_line: int,
    path: str,
    settings: SiteSettings,
    fields: FieldReader,
    problems: Problems,
) -> Brief | None:
    errors_before = sum(1 for p in problems if p.severity.value == "error")
    fields.unknown_keys(data, BRIEF_KEYS, "the front matter", also=PAGE_META_KEYS)
    title = fields.text(data, "title", required=True, what="the title")
    published, published_has_time = fields.datetime_value(data, "date", settings.tz, required=True)
    updated, updated_has_time = fields.datetime_value(data, "updated", settings.tz)
    if published and updated and updated < published:
        problems.warning(
            fields.where(data, "updated"),
            "'updated' is before 'date': an update comes after publication; correct one of them",
        )
    slug = _slug(data, path, fields)
    brief_type = _choice(data, "type", BriefType, BriefType.REPORTAGE, fields)
    dropped: set[str] = set()  # ids declared with a bad value: reported once, here
    sources = _sources(data, fields, dropped)
    events = _events(data, fields, sources, published, settings, dropped) if published else []
    corrections = _corrections(data, fields)
    draft = read_draft(data, fields)
    image = read_lead_image(data, fields)
    authors, author_spots = author_entries(data, fields)
    if not draft:
        check_placeholders(body_text, body_line, path, problems)
    if sum(1 for p in problems if p.severity.value == "error") > errors_before:
        return None
    assert published is not None
    context = ParseContext(
        path=path,
        body_line=body_line,
        lines=body_text.split("\n"),
        problems=problems,
        sources=sources,
        events={event.id: event for event in events},
        dropped=frozenset(dropped),
        glossary=settings.glossary,
        link_terms=settings.link_terms,
    )
    body = parse_body(body_text, context)
    brief = Brief(
        path=path,
        slug=slug,
        title=title,
        published=published,
        body=body,
        published_has_time=published_has_time,
        summary=fields.text(data, "summary") or body.first_paragraph_text,
        updated=updated,
        updated_has_time=updated_has_time,
        type=brief_type,
        tags=_tags(data, fields),
        authors=authors,
        author_spots=author_spots,
        words=count_words(body.tokens),
        sources=sources,
        events=events,
        corrections=sorted(corrections, key=lambda c: c.date, reverse=True),
        draft=draft,
        image=image,
        story=_story(data, fields),
        story_location=fields.where(data, "story") if "story" in data else None,
        page_meta={key: _plain(data[key]) for key in PAGE_META_KEYS if key in data},
    )
    check_sourcing(brief, problems)
    if settings.prerender:
        brief.body.prerendered = prerender(brief)
        brief.body.tokens = []
        brief.body.pack()
    check_events(brief, problems)
    return brief


def _plain(value: object) -> object:
    """A YAML value without its positions: plain dicts and lists, as MkDocs reads them."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _slug(data: PosDict, path: str, fields: FieldReader) -> str:
    if "slug" in data:
        slug = fields.text(data, "slug")
        if is_valid_id(slug):
            return _short_slug(slug, fields.where(data, "slug"), fields)
        fields.problems.error(
            fields.where(data, "slug"),
            f"the slug '{slug}' is not allowed: use lower-case letters, digits and hyphens "
            f"(e.g. '{slugify(slug) or 'my-brief'}')",
        )
        return ""
    stem = PurePosixPath(path).stem
    slug = slugify(stem)
    if not slug:
        fields.problems.error(
            Location(path),
            "the file name gives no usable slug: rename the file "
            "or add `slug:` to the front matter",
        )
    return _short_slug(slug, Location(path), fields)


def _short_slug(slug: str, where: Location, fields: FieldReader) -> str:
    if len(slug) > MAX_SLUG:
        fields.problems.warning(
            where,
            f"the slug is {len(slug)} characters long; a slug must be at most {MAX_SLUG}: "
            f"shorten it (the page address uses its first {MAX_SLUG})",
        )
    return cut_slug(slug)


def _tags(data: PosDict, fields: FieldReader) -> tuple[str, ...]:
    written = data.get("tags")
    items = enumerate(written) if isinstance(written, PosList) else [(-1, written)]
    for index, item in items:
        if isinstance(item, str) and len(item.strip()) > MAX_SLUG:
            where = written.where(index) if index >= 0 else data.where("tags")
            fields.problems.warning(
                fields.at(where),
                f"the tag is {len(item.strip())} characters long; a tag must be at most "
                f"{MAX_SLUG}: shorten it (its page address uses its first {MAX_SLUG})",
            )
    return fields.text_list(data, "tags")


def _choice(
    data: PosDict, key: str, enum_type: type[Choice], default: Choice, fields: FieldReader
) -> Choice:
    raw = fields.text(data, key)
    if not raw:
        return default
    choice = enum_type.from_key(raw)
    if choice is None:
        fields.problems.warning(
            fields.where(data, key),
            f"unknown {key} '{raw}'{did_you_mean(raw, enum_type.keys())}: "
            f"use one of {', '.join(enum_type.keys())}; '{default.key}' was used",
        )
        return default
    return choice


def _sources(data: PosDict, fields: FieldReader, dropped: set[str]) -> dict[str, Source]:
    mapping = fields.mapping(data, "sources")
    sources: dict[str, Source] = {}
    if mapping is None:
        return sources
    for source_id, entry in mapping.items():
        where = fields.at(mapping.key_pos[source_id])
        if not is_valid_id(source_id):
            fields.problems.warning(
                where,
                f"the source id '{source_id}' is not allowed: use lower-case letters, "
                "digits and hyphens, e.g. ua-official",
            )
            continue
        if not isinstance(entry, PosDict):
            fields.problems.warning(
                where, f"source '{source_id}' must be a mapping with name: and kind:"
            )
            dropped.add(source_id)
            continue
        fields.unknown_keys(entry, SOURCE_KEYS, f"source '{source_id}'")
        name = fields.text(entry, "name", what=f"the name of source '{source_id}'")
        kind_key = fields.text(entry, "kind")
        kind = SourceKind.from_key(kind_key)
        if not name:
            fields.problems.warning(where, f"source '{source_id}' has no name: add `name: ...`")
            dropped.add(source_id)
            continue
        if kind is None:
            dropped.add(source_id)
            hint = did_you_mean(kind_key, SourceKind.keys()) if kind_key else ""
            problem = f"unknown kind '{kind_key}'" if kind_key else "no kind"
            fields.problems.warning(
                fields.where(entry, "kind") if kind_key else where,
                f"source '{source_id}' has {problem}{hint}: "
                f"use one of {', '.join(SourceKind.keys())}",
            )
            continue
        sources[source_id] = Source(
            id=source_id,
            name=name,
            kind=kind,
            location=where,
            detail=fields.text(entry, "detail") or None,
            via=fields.text(entry, "via") or None,
            url=fields.url(entry, "url"),
        )
    return sources


def _events(
    data, fields: FieldReader, sources, published, settings, dropped: set[str]
) -> list[Event]:
    sequence = fields.sequence(data, "events")
    events: list[Event] = []
    seen: dict[str, Location] = {}
    for index, entry in enumerate(sequence or []):
        where = fields.at(sequence.where(index))
        if not isinstance(entry, PosDict):
            fields.problems.warning(where, "each event must be a mapping with id:, when:, title:")
            continue
        fields.unknown_keys(entry, EVENT_KEYS, "an event")
        event_id = fields.text(entry, "id", what="the event id")
        if not is_valid_id(event_id):
            fields.problems.warning(
                fields.where(entry, "id") if event_id else where,
                f"the event id '{event_id}' is not allowed: use lower-case letters, "
                "digits and hyphens, e.g. putin-call"
                if event_id
                else "the event has no id: add `id: ...` (lower-case letters, digits, hyphens)",
            )
            continue
        if event_id in seen:
            fields.problems.warning(
                fields.where(entry, "id"),
                f"the event id '{event_id}' is used twice (first at line {seen[event_id].line}): "
                "give each event its own id",
            )
            continue
        seen[event_id] = fields.where(entry, "id")
        same_as = _same_as(entry, event_id, fields)
        title = fields.text(entry, "title")
        if not title and not same_as:
            fields.problems.warning(where, f"event '{event_id}' has no title: add `title: ...`")
            dropped.add(event_id)
            continue
        phrase = fields.text(entry, "when")
        if not phrase and not same_as:
            fields.problems.warning(
                where, f"event '{event_id}' has no date: add `when:` ({ACCEPTED_FORMS})"
            )
            dropped.add(event_id)
            continue
        try:
            when = resolve_when(phrase, published, settings.tz) if phrase else INHERITED_WHEN
        except DateError as exc:
            fields.problems.warning(fields.where(entry, "when"), str(exc))
            dropped.add(event_id)
            continue
        kind = _choice(entry, "kind", EventKind, EventKind.OTHER, fields)
        cited = fields.text_list(entry, "sources")
        for source_id in cited:
            if source_id not in sources and source_id not in dropped:
                fields.problems.warning(
                    _item_location(entry, "sources", source_id, fields),
                    f"unknown source '{source_id}'{did_you_mean(source_id, sources)} "
                    f"in event '{event_id}': declare it under `sources:`",
                )
        inherited = (
            tuple(key for key in INHERITABLE if entry.get(key) in (None, "")) if same_as else ()
        )
        events.append(
            Event(
                id=event_id,
                when=when,
                title=title,
                location=where,
                kind=kind,
                participants=fields.text_list(entry, "participants"),
                duration=fields.text(entry, "duration") or None,
                sources=tuple(s for s in cited if s in sources),
                order=index,
                when_location=fields.where(entry, "when") if phrase else None,
                same_as=same_as,
                same_as_location=fields.where(entry, "same-as") if same_as else None,
                inherited=inherited,
            )
        )
    return events


def _item_location(mapping: PosDict, key: str, item: str, fields: FieldReader) -> Location:
    """Where `item` is written in the list under `key`: a message points at the id."""
    value = mapping.get(key)
    if isinstance(value, PosList):
        for index, written in enumerate(value):
            if isinstance(written, str) and written.strip() == item:
                return fields.at(value.where(index))
    return fields.where(mapping, key)


# The date of a `same-as` event that wrote none, until the site resolves it.
INHERITED_WHEN = ResolvedWhen(phrase="", rule="same-as", start=None, end=None)


def _same_as(entry: PosDict, event_id: str, fields: FieldReader) -> str:
    """`other.md#event-id` as written; "" for an event of the brief's own.

    A malformed one is reported and kept: the site's resolution leaves it out of the
    timelines, and the body's links to the event are not reported a second time.
    """
    if "same-as" not in entry:
        return ""
    written = fields.text(entry, "same-as")
    if not is_same_as(written):
        fields.problems.warning(
            fields.where(entry, "same-as"),
            f"'same-as' of event '{event_id}' must name a brief file and an event id, "
            f"e.g. same-as: other-brief.md#putin-call, got '{written}': the event is left "
            "out of the timeline",
        )
    return written or "#"


def is_same_as(written: str) -> bool:
    target, _, target_id = written.partition("#")
    return bool(target.strip()) and is_valid_id(target_id)


def _story(data: PosDict, fields: FieldReader) -> str:
    """The story id as written; the site's stories file says whether it exists."""
    story = fields.text(data, "story")
    if story and not is_valid_id(story):
        fields.problems.warning(
            fields.where(data, "story"),
            f"the story id '{story}' is not allowed: use lower-case letters, digits and "
            "hyphens, as in the stories file: the brief is shown without a story",
        )
        return ""
    return story


def _corrections(data: PosDict, fields: FieldReader) -> list[Correction]:
    sequence = fields.sequence(data, "corrections")
    corrections: list[Correction] = []
    for index, entry in enumerate(sequence or []):
        where = fields.at(sequence.where(index))
        if not isinstance(entry, PosDict):
            fields.problems.warning(where, "each correction must be a mapping with date: and text:")
            continue
        fields.unknown_keys(entry, CORRECTION_KEYS, "a correction")
        day = fields.date_value(entry, "date")
        text = fields.text(entry, "text")
        if not text:
            fields.problems.warning(where, "the correction has no text: add `text: ...`")
        if day and text:
            corrections.append(Correction(day, text, where))
    return corrections
