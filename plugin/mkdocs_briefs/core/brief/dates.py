"""Resolve the date phrases of the brief format ("Thursday", "July 3", "earlier
this week", ...) against a brief's publication datetime in the site's time zone.

Pure functions: never the build date, never MkDocs.

`published` is first converted to the site's zone; its local date is the
*publication date*, and every relative phrase counts from that day. Phrases are
matched case-insensitively with runs of whitespace collapsed; the resolved
`ResolvedWhen.phrase` keeps the text exactly as written.

Forms of the authoring format (rule name in brackets):

- `2025-07-03` [iso-date]; `2025-07-03T14:10:00-04:00` [iso-datetime], converted
  to the site's zone, part of day from the local hour; without an offset the
  datetime is read in the site's zone.
- `Thursday` [weekday]: the latest Thursday on or before the publication date
  (the publication day itself when it is a Thursday); `last Thursday`
  [last-weekday]: the Thursday 7 days before that. Both take a part of day:
  `Thursday night`, `last Thursday morning`.
- `today` [today], `yesterday` [yesterday], `this morning` [this-morning],
  `tonight` [tonight].
- `July 3` [month-day]: the latest July 3 on or before the publication date;
  `July 3, 2025` [month-day-year]. Full month names or AP abbreviations with or
  without a dot (`Sept. 3`, `Sep 3`), optional ordinal suffix (`July 3rd`).
  `February 29` is the latest Feb. 29 on or before the publication date.
- `earlier this week` [earlier-this-week]: Monday of the publication week up to
  the day before publication; `last week` [last-week]: the previous Monday to
  Sunday.
- `upcoming`, `soon` [upcoming]: a planned event without a date.

Extras beyond the format, because authors write them naturally:

- `this afternoon` [this-afternoon], `this evening` [this-evening];
- `yesterday morning`, `yesterday afternoon`, `yesterday evening`,
  `yesterday night` [yesterday, with a part of day];
- `last night` [last-night]: yesterday, at night;
- `2025-07-03 14:10` (space instead of `T`, seconds optional, `Z` for UTC) and
  `July 3 2025` (year without the comma).
"""

from __future__ import annotations

import calendar
import difflib
import enum
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from mkdocs_briefs.core.records import quick_pickle


class PartOfDay(enum.IntEnum):
    """Parts of a day, in the order the timeline sorts them."""

    MORNING = 1
    AFTERNOON = 2
    EVENING = 3
    NIGHT = 4

    @property
    def label(self) -> str:
        return self.name.lower()


@quick_pickle
@dataclass(frozen=True, slots=True)
class ResolvedWhen:
    """A `when` phrase as written and what it resolved to."""

    phrase: str  # exactly as the author wrote it
    rule: str  # which rule resolved it, e.g. "weekday", "month-day", "upcoming"
    start: date | None  # None only for an upcoming event
    end: date | None  # last day of a span, inclusive; equals start for one day
    part_of_day: PartOfDay | None = None
    time: datetime | None = None  # exact datetime in the site's zone when one was written

    @property
    def upcoming(self) -> bool:
        return self.start is None

    @property
    def is_span(self) -> bool:
        return self.start is not None and self.start != self.end


class DateError(ValueError):
    """A phrase that no rule resolves; the message lists the accepted forms."""


ACCEPTED_FORMS = (
    "a weekday (Thursday), a weekday and part of day (Thursday night), last <weekday>, "
    "today, yesterday, this morning, tonight, a month and day (July 3), "
    "an ISO date (2025-07-03), earlier this week, last week, or upcoming"
)

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Spelled out: calendar.month_name follows the process locale.
_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# AP abbreviations plus the short forms authors type for the rest; "may" has none.
_MONTH_ABBREVIATIONS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, start=1)}
_PARTS = {part.label: part for part in PartOfDay}

# Fixed phrases: rule, days before publication, part of day.
_FIXED: dict[str, tuple[str, int, PartOfDay | None]] = {
    "today": ("today", 0, None),
    "this morning": ("this-morning", 0, PartOfDay.MORNING),
    "this afternoon": ("this-afternoon", 0, PartOfDay.AFTERNOON),
    "this evening": ("this-evening", 0, PartOfDay.EVENING),
    "tonight": ("tonight", 0, PartOfDay.NIGHT),
    "yesterday": ("yesterday", 1, None),
    "yesterday morning": ("yesterday", 1, PartOfDay.MORNING),
    "yesterday afternoon": ("yesterday", 1, PartOfDay.AFTERNOON),
    "yesterday evening": ("yesterday", 1, PartOfDay.EVENING),
    "yesterday night": ("yesterday", 1, PartOfDay.NIGHT),
    "last night": ("last-night", 1, PartOfDay.NIGHT),
}
_UPCOMING = frozenset({"upcoming", "soon"})

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:z|[+-]\d{2}:?\d{2})?"
)
_WEEKDAY = re.compile(
    rf"(?P<last>last )?(?P<weekday>{'|'.join(_WEEKDAYS)})(?: (?P<part>{'|'.join(_PARTS)}))?"
)
# "july 3", "sept. 3rd", "jan.3", "july 3, 2025", "july 3 2025"
_MONTH_DAY = re.compile(
    r"(?P<month>[a-z]+)(?P<dot>\.)? ?(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    r"(?: ?, ?(?P<year>\d{4})| (?P<year2>\d{4}))?"
)

# Words a near-miss may be corrected to; all of them are valid somewhere in a phrase.
_VOCABULARY = tuple(
    dict.fromkeys(  # unique, in a stable order
        (
            *_WEEKDAYS,
            *_MONTH_NAMES,
            *_PARTS,
            *(word for phrase in (*_FIXED, *sorted(_UPCOMING)) for word in phrase.split()),
            "earlier",
            "this",
            "week",
            "last",
        )
    )
)
_KNOWN_WORDS = frozenset(_VOCABULARY) | frozenset(_MONTH_ABBREVIATIONS)
_CAPITALIZED = frozenset(_WEEKDAYS) | frozenset(_MONTH_NAMES)


class _Refused(Exception):
    """A phrase of a known shape that still cannot be resolved; carries the reason."""


@dataclass(frozen=True, slots=True)
class _Match:
    rule: str
    start: date | None
    end: date | None
    part_of_day: PartOfDay | None = None
    time: datetime | None = None


def resolve_when(phrase: str, published: datetime, tz: tzinfo) -> ResolvedWhen:
    """Resolve `phrase` against the aware `published` datetime, seen in `tz`."""
    shown = " ".join(phrase.split())
    if not shown:
        raise DateError(f"the date is empty: write {ACCEPTED_FORMS}")
    text = shown.lower()
    today = _in_zone(published, tz).date()
    try:
        match = _match(text, today, tz)
    except _Refused as exc:
        raise DateError(f"cannot resolve the date '{shown}': {exc}") from None
    except (OverflowError, ValueError):  # counting back from year 1, or on past 9999
        raise DateError(
            f"cannot resolve the date '{shown}': it falls outside the calendar "
            f"(years 1 to 9999) counted from the brief's date, {today.isoformat()}: "
            "check the brief's date, or write an ISO date (2025-07-03)"
        ) from None
    if match is None:
        suggestion = _suggest(text, today, tz)
        hint = f" (did you mean '{suggestion}'?)" if suggestion else ""
        raise DateError(f"cannot resolve the date '{shown}'{hint}: write {ACCEPTED_FORMS}")
    return ResolvedWhen(
        phrase=phrase,
        rule=match.rule,
        start=match.start,
        end=match.end,
        part_of_day=match.part_of_day,
        time=match.time,
    )


def sort_key(when: ResolvedWhen, order: int) -> tuple[int, int, int, int, float, int]:
    """Timeline order: dated events by start day (a span by its first day), then part
    of day (none first: it stands for the whole day), then exact time when written,
    then `order` (position in the file); upcoming events last, in file order."""
    if when.start is None:
        return (1, 0, 0, 0, 0.0, order)
    part = int(when.part_of_day) if when.part_of_day is not None else 0
    # An event without a time comes before the timed ones of the same part of day.
    timed, moment = (1, when.time.timestamp()) if when.time is not None else (0, 0.0)
    return (0, when.start.toordinal(), part, timed, moment, order)


def part_of_day_for_hour(hour: int) -> PartOfDay:
    """5-11 morning, 12-16 afternoon, 17-20 evening, otherwise night."""
    if 5 <= hour <= 11:
        return PartOfDay.MORNING
    if 12 <= hour <= 16:
        return PartOfDay.AFTERNOON
    if 17 <= hour <= 20:
        return PartOfDay.EVENING
    return PartOfDay.NIGHT


def _in_zone(moment: datetime, tz: tzinfo) -> datetime:
    # A naive datetime is taken as already local: never the machine's own zone.
    if moment.utcoffset() is None:
        return moment.replace(tzinfo=tz)
    return moment.astimezone(tz)


def _day(day: date, rule: str, part: PartOfDay | None = None) -> _Match:
    return _Match(rule, day, day, part)


def _match(text: str, today: date, tz: tzinfo) -> _Match | None:
    """The resolution of the normalized (lower-case, single-spaced) `text`, None when
    no rule has its shape; raises `_Refused` for a known shape that cannot resolve."""
    if text in _UPCOMING:
        return _Match("upcoming", None, None)
    if text in _FIXED:
        rule, back, part = _FIXED[text]
        return _day(today - timedelta(days=back), rule, part)
    if text == "earlier this week":
        return _earlier_this_week(today)
    if text == "last week":
        monday = today - timedelta(days=today.weekday() + 7)
        return _Match("last-week", monday, monday + timedelta(days=6))
    if _ISO_DATE.fullmatch(text):
        try:
            return _day(date.fromisoformat(text), "iso-date")
        except ValueError:
            raise _Refused(f"{text} does not exist (the date is year-month-day)") from None
    if _ISO_DATETIME.fullmatch(text):
        return _iso_datetime(text, tz)
    if found := _WEEKDAY.fullmatch(text):
        # Days back to the latest such weekday: 0 when publication falls on it.
        back = (today.weekday() - _WEEKDAYS.index(found["weekday"])) % 7
        if found["last"]:
            back += 7
        part = _PARTS[found["part"]] if found["part"] else None
        return _day(
            today - timedelta(days=back), "last-weekday" if found["last"] else "weekday", part
        )
    if (found := _MONTH_DAY.fullmatch(text)) and (month := _month(found["month"], found["dot"])):
        year = found["year"] or found["year2"]
        return _month_day(month, int(found["day"]), int(year) if year else None, today)
    return None


def _earlier_this_week(today: date) -> _Match:
    if today.weekday() == 0:
        raise _Refused(
            f"the brief is published on a Monday ({today.isoformat()}), so "
            '"earlier this week" has no days: write last week or a weekday (Friday) instead'
        )
    return _Match(
        "earlier-this-week", today - timedelta(days=today.weekday()), today - timedelta(days=1)
    )


def _iso_datetime(text: str, tz: tzinfo) -> _Match:
    try:
        # fromisoformat wants the upper-case "T" and "Z" that normalizing lowered.
        written = datetime.fromisoformat(text.upper())
    except ValueError:
        raise _Refused(f"{text.upper()} is not a valid date and time") from None
    try:
        local = _in_zone(written, tz)
    except OverflowError:
        raise _Refused(
            f"{text.upper()} falls outside the years 1 to 9999 in the site's time zone: "
            "write a date within them"
        ) from None
    return _Match(
        "iso-datetime", local.date(), local.date(), part_of_day_for_hour(local.hour), local
    )


def _month(word: str, dot: str | None) -> int | None:
    # A dot only follows an abbreviation ("Sept." but not "July.").
    if dot:
        return _MONTH_ABBREVIATIONS.get(word)
    return _MONTHS.get(word) or _MONTH_ABBREVIATIONS.get(word)


def _month_day(month: int, day: int, year: int | None, today: date) -> _Match:
    name = _MONTH_NAMES[month - 1].capitalize()
    longest = 29 if month == 2 else calendar.monthrange(2001, month)[1]
    if not 1 <= day <= longest:
        at_most = " at most" if month == 2 else ""
        raise _Refused(f"{name} {day} does not exist ({name} has{at_most} {longest} days)")
    if year is not None:
        try:
            return _day(date(year, month, day), "month-day-year")
        except ValueError:
            raise _Refused(
                f"{name} {day}, {year} does not exist ({year} is not a leap year)"
            ) from None
    # The latest such date on or before publication; Feb. 29 walks back to a leap year.
    year = today.year if (month, day) <= (today.month, today.day) else today.year - 1
    while month == 2 and day == 29 and not calendar.isleap(year):
        year -= 1
    return _day(date(year, month, day), "month-day")


def _suggest(text: str, today: date, tz: tzinfo) -> str | None:
    """A corrected phrase when fixing near-miss words makes it resolve, else the
    closest weekday or month name to a misspelled word, else None."""
    corrections: list[str] = []

    def fix(found: re.Match[str]) -> str:
        word = found[0]
        if word in _KNOWN_WORDS:
            return word
        close = difflib.get_close_matches(word, _VOCABULARY, n=1, cutoff=0.7)
        if not close:
            return word
        corrections.append(close[0])
        return close[0]

    # Letters right after a digit are ordinals or ISO markers ("3rd", "t14"), not words.
    fixed = re.sub(r"(?<![0-9a-z])[a-z]+", fix, text)
    if not corrections:
        return None
    try:
        resolves = _match(fixed, today, tz) is not None
    except _Refused:
        resolves = False
    if resolves:
        return " ".join(_capitalized(word) for word in fixed.split(" "))
    names = [word for word in corrections if word in _CAPITALIZED]
    return names[0].capitalize() if names else None


def _capitalized(word: str) -> str:
    if word in _CAPITALIZED or word.rstrip(".") in _MONTH_ABBREVIATIONS:
        return word.capitalize()
    return word
