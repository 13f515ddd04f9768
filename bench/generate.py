"""Generate realistic synthetic briefs with a seeded random generator.

Each brief has about 350 words: a lede, four labelled sections with bullets,
five sources of varied kinds, four events with varied `when` phrases that the
body mentions, citations on most paragraphs and bullets, glossary terms in the
text, and a publication date somewhere in three years.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from random import Random
from zoneinfo import ZoneInfo

from . import vocab
from .brief_model import Block, BriefSpec, EventSpec, Segment, SourceSpec
from .glossary_terms import TermSpec, plural

TIMEZONE = "America/New_York"
FIRST_DAY = datetime(2023, 1, 1, tzinfo=ZoneInfo(TIMEZONE))
DAYS = 3 * 365 + 1  # three years, one of them a leap year
SECTIONS = 4
SOURCES = 5
EVENTS = 4
CITED_SHARE = 0.85  # share of paragraphs and bullets that carry a citation

KINDS = ("named", "anonymous", "statement", "social", "document", "media", "declined")
KINDS += ("no-response",)
SILENT_KINDS = ("declined", "no-response")
EVENT_KINDS = ("call", "meeting", "statement", "strike", "decision", "other")
PAST_WHEN = (
    "weekday",
    "weekday-part",
    "last-weekday",
    "yesterday",
    "this-morning",
    "month-day",
    "iso",
    "earlier-this-week",
    "last-week",
)
PARTS_OF_DAY = ("morning", "afternoon", "evening", "night")
TYPES = ("reportage", "analysis", "background", "opinion")
TYPE_WEIGHTS = (60, 20, 15, 5)


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass
class _Draft:
    """A block while it is being assembled."""

    segments: list[Segment]
    label: str | None = None
    bullet: bool = False
    cites: list[str] = field(default_factory=list)
    fixed_cites: bool = False  # a "declined to comment" line cites its own source

    @property
    def words(self) -> int:
        label = len(self.label.split()) if self.label else 0
        return label + sum(len(segment.text.split()) for segment in self.segments)

    def freeze(self) -> Block:
        return Block(tuple(self.segments), tuple(self.cites), self.label, self.bullet)


@dataclass(frozen=True)
class _Mention:
    event_id: str
    capital: str  # "On Thursday", at the start of a sentence
    lower: str  # "on Thursday", inside one
    upcoming: bool


class _Filler:
    """Fills the {slots} of a template with this brief's cast and the glossary."""

    def __init__(self, rng: Random, terms: list[TermSpec], acronyms: list[str]) -> None:
        self.rng = rng
        self.terms = terms
        self.acronyms = acronyms
        firsts = rng.sample(vocab.FIRST_NAMES, 3)
        lasts = rng.sample(vocab.LAST_NAMES, 3)
        self.cast = [f"{first} {last}" for first, last in zip(firsts, lasts, strict=True)]
        self.orgs = rng.sample(vocab.ORGS, 6)

    def term(self) -> str:
        spec = self.rng.choice(self.terms)
        roll = self.rng.random()
        if spec.aliases and roll < 0.15:
            return self.rng.choice(spec.aliases)
        return plural(spec.term) if roll > 0.75 else spec.term

    def fill(self, template: str, **extra: str) -> str:
        people = self.rng.sample(self.cast, 2)
        values = {
            "person": people[0],
            "person2": people[1],
            "org": self.rng.choice(self.orgs),
            "place": self.rng.choice(vocab.PLACES),
            "topic": self.rng.choice(vocab.TOPICS),
            "adjective": self.rng.choice(vocab.ADJECTIVES),
            "number": str(self.rng.randint(3, 90)),
            "term": self.term(),
            "acronym": self.rng.choice(self.acronyms),
        }
        values.update(extra)
        text = template.format(**values)
        return text[0].upper() + text[1:]

    def sentence(self) -> str:
        return self.fill(self.rng.choice(vocab.SENTENCES))


def make_brief(index: int, seed: int, terms: list[TermSpec]) -> BriefSpec:
    """The brief number `index` of the corpus; the same for every corpus size."""
    rng = Random(f"{seed}-{index}")
    words = [t for t in terms if not t.caps]
    acronyms = [t.term for t in terms if t.caps] or list(vocab.ACRONYMS)
    fill = _Filler(rng, words, acronyms)
    published, with_time = _published(rng)
    sources = _sources(rng, fill)
    events, mentions = _events(rng, fill, published, sources)
    blocks = _blocks(rng, fill, mentions, sources)
    title = fill.fill(rng.choice(vocab.TITLES))
    slug = "-".join(slugify(title).split("-")[:6]) + f"-{index}"
    return BriefSpec(
        slug=slug,
        title=title,
        published=published,
        with_time=with_time,
        type=rng.choices(TYPES, TYPE_WEIGHTS)[0],
        tags=tuple(rng.sample(vocab.TAGS, rng.randint(1, 3))),
        authors=tuple(rng.sample(fill.cast, 1)),
        sources=sources,
        events=events,
        blocks=blocks,
    )


def _published(rng: Random) -> tuple[datetime, bool]:
    day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    if rng.random() < 0.3:  # some briefs give the time, with the zone's offset
        local = day.replace(hour=rng.randint(6, 21), minute=rng.choice((0, 10, 25, 40)))
        return local.replace(tzinfo=ZoneInfo(TIMEZONE)), True
    return day, False


def _sources(rng: Random, fill: _Filler) -> tuple[SourceSpec, ...]:
    specs: list[SourceSpec] = []
    taken: set[str] = set()
    orgs = iter(fill.orgs)
    for kind in rng.sample(KINDS, SOURCES):
        spec = _source(rng, fill, kind, next(orgs), len(specs) + 1)
        source_id = _unique(slugify(spec.name).removeprefix("the-").removeprefix("a-"), taken)
        specs.append(SourceSpec(source_id, spec.name, kind, spec.detail, spec.via, spec.url))
    return tuple(specs)


def _source(rng: Random, fill: _Filler, kind: str, org: str, number: int) -> SourceSpec:
    person = rng.choice(fill.cast)
    url = f"https://example.org/{kind}/{number}-{rng.randint(1000, 9999)}"
    if kind == "named":
        role = rng.choice(vocab.ROLES)
        return SourceSpec("", person, kind, f"{role[0].upper()}{role[1:]}.", "Remarks to reporters")
    if kind == "anonymous":
        detail = "Spoke on condition of anonymity to discuss private talks."
        return SourceSpec("", f"A senior {org} official", kind, detail)
    if kind == "statement":
        return SourceSpec("", f"The {org}", kind, "", "Press release", url)
    if kind == "social":
        return SourceSpec("", person, kind, "", rng.choice(vocab.SOCIAL_NETWORKS), url)
    if kind == "document":
        return SourceSpec("", f"A {org} report", kind, "Published this year.", "", url)
    if kind == "media":
        outlet = rng.choice(vocab.OUTLETS)
        return SourceSpec("", outlet[0].upper() + outlet[1:], kind, "", "", url)
    detail = "Declined to comment." if kind == "declined" else "Did not respond to questions."
    return SourceSpec("", f"The {org}", kind, detail)


def _unique(base: str, taken: set[str]) -> str:
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate


def _events(
    rng: Random, fill: _Filler, published: datetime, sources: tuple[SourceSpec, ...]
) -> tuple[tuple[EventSpec, ...], list[_Mention]]:
    forms = rng.sample(PAST_WHEN, EVENTS - 1)
    forms.append("upcoming" if rng.random() < 0.7 else rng.choice(PAST_WHEN))
    events: list[EventSpec] = []
    mentions: list[_Mention] = []
    taken: set[str] = set()
    for form in forms:
        when, capital, lower = _when(rng, form, published)
        kind = rng.choice(EVENT_KINDS)
        title, key = _event_title(rng, fill, kind)
        event_id = _unique(f"{slugify(key).removeprefix('the-')}-{kind}", taken)
        participants = tuple(fill.cast[:2]) if kind in ("call", "meeting") else ()
        cited = (rng.choice(sources).id,) if rng.random() < 0.5 else ()
        events.append(EventSpec(event_id, when, kind, title, participants, cited))
        mentions.append(_Mention(event_id, capital, lower, form == "upcoming"))
    return tuple(events), mentions


def _event_title(rng: Random, fill: _Filler, kind: str) -> tuple[str, str]:
    """The event's title, and the word its id is made from ("porto" for porto-meeting)."""
    template = vocab.EVENT_TITLES[kind]
    place, org, person = rng.choice(vocab.PLACES), rng.choice(fill.orgs), fill.cast[1]
    title = fill.fill(template, place=place, org=org, person2=person)
    if "{place}" in template:
        return title, place
    return title, (person.split()[-1] if "{person2}" in template else org)


def _when(rng: Random, form: str, published: datetime) -> tuple[str, str, str]:
    """The `when` phrase and how the body says it, at the start of a sentence and inside."""
    today = published.date()
    day = today - timedelta(days=rng.randint(0, 6))
    weekday = f"{day:%A}"
    if form == "earlier-this-week" and today.weekday() == 0:
        form = "last-week"  # on a Monday "earlier this week" has no days
    if form == "weekday":
        return weekday, f"On {weekday}", f"on {weekday}"
    if form == "weekday-part":
        phrase = f"{weekday} {rng.choice(PARTS_OF_DAY)}"
        return phrase, f"On {phrase}", f"on {phrase}"
    if form == "last-weekday":
        return f"last {weekday}", f"Last {weekday}", f"last {weekday}"
    if form in ("month-day", "iso"):
        earlier = today - timedelta(days=rng.randint(1, 12))
        said = f"{earlier:%B} {earlier.day}"
        written = said if form == "month-day" else earlier.isoformat()
        return written, f"On {said}", f"on {said}"
    if form == "upcoming":
        said = rng.choice(("soon", "in the coming weeks"))
        return rng.choice(("upcoming", "soon")), said, said
    phrase = {
        "yesterday": "yesterday",
        "this-morning": "this morning",
        "earlier-this-week": "earlier this week",
        "last-week": "last week",
    }[form]
    return phrase, phrase[0].upper() + phrase[1:], phrase


def _mention_sentence(rng: Random, fill: _Filler, mention: _Mention) -> list[Segment]:
    """A sentence whose date phrase links to the event."""
    templates = vocab.UPCOMING_MENTIONS if mention.upcoming else vocab.PAST_MENTIONS
    before, after = rng.choice(templates).split("{mention}")
    segments = [Segment(fill.fill(before))] if before else []
    segments.append(Segment(mention.lower if before else mention.capital, mention.event_id))
    segments.append(Segment(fill.fill(after)))  # starts with a space or a comma
    return segments


def _blocks(
    rng: Random, fill: _Filler, mentions: list[_Mention], sources: tuple[SourceSpec, ...]
) -> tuple[Block, ...]:
    dated = [m for m in mentions if not m.upcoming]
    lede_mention = dated[0] if dated else mentions[0]
    lede = _Draft([*_mention_sentence(rng, fill, lede_mention), Segment(" " + fill.sentence())])
    sections: list[list[_Draft]] = []
    for label in rng.sample(vocab.SECTION_LABELS, SECTIONS):
        paragraph = _Draft([Segment(fill.sentence() + " " + fill.sentence())], label=label)
        bullets = [_Draft([Segment(fill.sentence())], bullet=True) for _ in range(2)]
        sections.append([paragraph, *bullets])
    _place_mentions(rng, fill, [m for m in mentions if m is not lede_mention], sections)
    _add_silent_sources(rng, sections, sources)
    _grow_to_target(rng, fill, lede, sections)
    drafts = [lede, *(draft for section in sections for draft in section)]
    _cite(rng, drafts, sources)
    return tuple(draft.freeze() for draft in drafts)


def _place_mentions(
    rng: Random, fill: _Filler, mentions: list[_Mention], sections: list[list[_Draft]]
) -> None:
    """Each remaining event is mentioned once, replacing a sentence of its own block."""
    blocks = rng.sample([draft for section in sections for draft in section], len(mentions))
    for draft, mention in zip(blocks, mentions, strict=True):
        draft.segments = _mention_sentence(rng, fill, mention)
        if not draft.bullet:  # a paragraph keeps two sentences
            draft.segments.append(Segment(" " + fill.sentence()))


def _add_silent_sources(
    rng: Random, sections: list[list[_Draft]], sources: tuple[SourceSpec, ...]
) -> None:
    for source in sources:
        if source.kind in SILENT_KINDS:
            said = "declined to comment" if source.kind == "declined" else "did not respond"
            line = f"{source.name} {said} when asked about the plans."
            draft = _Draft([Segment(line)], bullet=True, cites=[source.id], fixed_cites=True)
            rng.choice(sections).append(draft)


def _grow_to_target(rng: Random, fill: _Filler, lede: _Draft, sections: list[list[_Draft]]) -> None:
    """Add bullets until the brief reaches its length, about 350 words."""
    target = rng.randint(330, 370)
    for _ in range(40):  # bounded: a sentence has at least a few words
        words = lede.words + sum(d.words for section in sections for d in section)
        if words >= target - 8:
            return
        section = rng.choice(sections)
        section.append(_Draft([Segment(fill.sentence())], bullet=True))


def _cite(rng: Random, drafts: list[_Draft], sources: tuple[SourceSpec, ...]) -> None:
    """Most blocks cite one or two sources, and every declared source is cited."""
    speaking = [s.id for s in sources if s.kind not in SILENT_KINDS]
    for draft in drafts:
        if draft.fixed_cites or rng.random() > CITED_SHARE:
            continue
        draft.cites = rng.sample(speaking, 2 if rng.random() < 0.3 else 1)
    cited = {source_id for draft in drafts for source_id in draft.cites}
    open_blocks = [d for d in drafts if not d.fixed_cites]
    for source_id in speaking:
        if source_id not in cited:
            rng.choice(open_blocks).cites.append(source_id)
