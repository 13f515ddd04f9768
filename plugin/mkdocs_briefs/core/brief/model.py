"""The typed model of a brief, as the authoring contract defines it."""

from __future__ import annotations

import enum
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache, cached_property
from typing import Any, Self, TypeVar

from mkdocs_briefs.core.brief.dates import ResolvedWhen
from mkdocs_briefs.core.packed import pack, unpack
from mkdocs_briefs.core.problems import Location
from mkdocs_briefs.core.records import quick_pickle

T = TypeVar("T")


class LabelledChoice(enum.Enum):
    """A choice written as a key in front matter and shown to readers as a label."""

    def __init__(self, key: str, label: str) -> None:
        self.key = key
        self.label = label

    @classmethod
    def from_key(cls, key: str) -> Self | None:
        return _by_key(cls).get(key)

    @classmethod
    def keys(cls) -> list[str]:
        return [choice.key for choice in cls]


@cache
def _by_key(choices: type[LabelledChoice]) -> dict[str, Any]:
    # Every brief looks up several choices; going through an enum's members is slow.
    return {choice.key: choice for choice in choices}


class SourceKind(LabelledChoice):
    """What kind of source a claim rests on, with the label readers see."""

    NAMED = ("named", "On the record")
    ANONYMOUS = ("anonymous", "Anonymous")
    STATEMENT = ("statement", "Statement")
    SOCIAL = ("social", "Social post")
    DOCUMENT = ("document", "Document")
    MEDIA = ("media", "Other outlet")
    DECLINED = ("declined", "Declined to comment")
    NO_RESPONSE = ("no-response", "No response")


class EventKind(LabelledChoice):
    CALL = ("call", "Call")
    MEETING = ("meeting", "Meeting")
    STATEMENT = ("statement", "Statement")
    STRIKE = ("strike", "Strike")
    DECISION = ("decision", "Decision")
    OTHER = ("other", "Event")


class BriefType(LabelledChoice):
    REPORTAGE = ("reportage", "Reportage")
    ANALYSIS = ("analysis", "Analysis")
    BACKGROUND = ("background", "Background")
    OPINION = ("opinion", "Opinion")


@quick_pickle
@dataclass(frozen=True, slots=True)
class Source:
    id: str
    name: str
    kind: SourceKind
    location: Location
    detail: str | None = None
    via: str | None = None
    url: str | None = None


@quick_pickle
@dataclass(frozen=True, slots=True)
class Event:
    id: str
    when: ResolvedWhen
    title: str
    location: Location
    kind: EventKind = EventKind.OTHER
    participants: tuple[str, ...] = ()
    duration: str | None = None
    sources: tuple[str, ...] = ()
    order: int = 0  # position in the file, the last tie-breaker of the timeline
    when_location: Location | None = None  # the `when:` value, for date problems
    # `same-as: other.md#event-id` as written: this event is one another brief declared.
    same_as: str = ""
    same_as_location: Location | None = None
    # What a `same-as` event left out and takes from the event it refers to
    # ("title", "kind", "participants", "duration", "when"); filled in for each build.
    inherited: tuple[str, ...] = ()

    @property
    def own_date(self) -> bool:
        """The brief itself dated the event (a `same-as` without `when` did not)."""
        return "when" not in self.inherited


@quick_pickle
@dataclass(frozen=True, slots=True)
class Correction:
    date: date
    text: str
    location: Location


@quick_pickle
@dataclass(frozen=True, slots=True)
class LeadImage:
    """The brief's lead image as written; its file is found and measured at build time."""

    src: str  # relative to the brief file, or `/...` in the docs folder
    alt: str
    location: Location  # of the `src:` value
    caption: str | None = None
    credit: str | None = None


@quick_pickle
@dataclass(frozen=True, slots=True)
class Section:
    """A labelled section ("Why it matters:") with its stable anchor."""

    label: str  # without the trailing colon
    anchor: str
    location: Location


@quick_pickle
@dataclass(frozen=True, slots=True)
class Heading:
    """An entry of the page's table of contents: a heading or a section label."""

    level: int
    title: str
    anchor: str


@quick_pickle
@dataclass(frozen=True, slots=True)
class Claim:
    """A paragraph or list item backed by cited sources."""

    number: int  # 1, 2, ... in reading order
    # Its first words, to name the claim in links; `cut` if it goes on. (The ellipsis is
    # added when shown: in the string it would double the memory of most excerpts.)
    opening: str
    source_ids: tuple[str, ...]
    cut: bool = False

    @property
    def anchor(self) -> str:
        return claim_anchor(self.number)

    @property
    def excerpt(self) -> str:
        return self.opening + "…" if self.cut else self.opening


def claim_anchor(number: int) -> str:
    return f"claim-{number}"


@quick_pickle
@dataclass(frozen=True, slots=True)
class Mention:
    """A body link to an event, e.g. `[on Thursday](#putin-call)`."""

    event_id: str
    text: str
    anchor: str
    location: Location


@dataclass
class Body:
    """The parsed body: markdown-it tokens plus what the rules found in them."""

    tokens: list[Any]
    # The Markdown as written (`source`); compressed by `pack` once the body is rendered:
    # a site holds all its briefs at once, and a page needs it only while MkDocs reads it.
    written: str | bytes = ""
    headings: list[Heading] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    relative_links: list[tuple[str, int]] = field(default_factory=list)  # (href, file line)
    mentions: list[Mention] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)  # glossary ids linked, in first-use order
    first_paragraph_text: str = ""
    # The body rendered right after parsing (markdown.prerender), once tokens are dropped.
    prerendered: Any = None

    @property
    def source(self) -> str:
        written = self.written
        return written if isinstance(written, str) else unpack(written)

    @source.setter
    def source(self, text: str) -> None:
        self.written = text

    def pack(self) -> None:
        if isinstance(self.written, str):
            self.written = pack(self.written)


@dataclass
class Brief:
    """One annotated brief, parsed and validated."""

    path: str  # as shown in messages, e.g. "briefs/trump-zelensky.md"
    slug: str
    title: str
    published: datetime  # aware, in the site's time zone
    body: Body
    published_has_time: bool = False  # False when only a date was written
    summary: str = ""
    updated: datetime | None = None
    updated_has_time: bool = False
    type: BriefType = BriefType.REPORTAGE
    tags: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    sources: dict[str, Source] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    draft: bool = False  # `draft: true`: shown by `mkdocs serve`, left out of builds
    image: LeadImage | None = None
    author_spots: tuple[Location, ...] = ()  # where each of `authors` is written
    words: int = 0  # in the text, as readers count them (brief/wordcount.py)
    # Resolved for each build, never cached with the parse: the lead image's file, measured
    # (brief/lead_image.py), and the bylines from the site's authors file (site/authors.py).
    lead: Any = field(default=None, compare=False, repr=False)
    bylines: Any = field(default=None, compare=False, repr=False)
    story: str = ""  # the id of the story (site stories file) the brief belongs to
    story_location: Location | None = None
    # The events as parsed, when `events` holds them as the site resolved them for this
    # build (core/site/links.py): a `same-as` event takes its title, date... from another
    # brief, which may change while this one does not.
    parsed_events: list[Event] | None = field(default=None, init=False, repr=False, compare=False)
    # Front matter keys for MkDocs and other plugins (parse.PAGE_META_KEYS), as written.
    page_meta: dict[str, Any] = field(default_factory=dict)
    # What renderers derive from the brief, made once: lists, the glossary page and the
    # timeline show each brief many times, and `mkdocs serve` keeps briefs between builds.
    _derived: dict[Hashable, Any] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __getstate__(self) -> dict[str, Any]:
        # What a build resolved from other files is not part of the parse (see above).
        state = {**self.__dict__, "lead": None, "bylines": None}
        # The events as the site resolved them are a build's, not the parse's (site/events.py).
        if state.pop("parsed_events", None) is not None:
            state["events"] = self.parsed_events
        return state

    def derived(self, key: Hashable, make: Callable[[], T]) -> T:
        """`make()`, computed once per brief and key; a brief is not changed after parsing."""
        try:
            return self._derived[key]
        except KeyError:
            value = self._derived[key] = make()
            return value

    def forget_derived(self) -> None:
        """The site changed what this brief shows (its `same-as` events): derive again."""
        self._derived.clear()

    @cached_property
    def url(self) -> str:
        """The page path inside the site, without leading slash: yyyy/mm/dd/slug/."""
        return f"{self.published:%Y/%m/%d}/{self.slug}/"
