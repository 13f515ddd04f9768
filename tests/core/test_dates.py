"""The date resolver: every form, its edges (year ends, midnight, DST) and its errors."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from mkdocs_briefs.core.brief.dates import (
    ACCEPTED_FORMS,
    DateError,
    PartOfDay,
    ResolvedWhen,
    resolve_when,
    sort_key,
)

NY = ZoneInfo("America/New_York")
# The reference brief: Friday, July 4, 2025, 2:10 p.m. in New York.
REFERENCE = datetime(2025, 7, 4, 14, 10, tzinfo=NY)

MORNING, AFTERNOON, EVENING, NIGHT = (
    PartOfDay.MORNING,
    PartOfDay.AFTERNOON,
    PartOfDay.EVENING,
    PartOfDay.NIGHT,
)


def d(text: str) -> date:
    return date.fromisoformat(text)


def resolve(phrase: str, published: datetime | str = REFERENCE, tz=NY) -> ResolvedWhen:
    if isinstance(published, str):
        published = datetime.fromisoformat(published)
    return resolve_when(phrase, published, tz)


def error(phrase: str, published: datetime | str = REFERENCE) -> str:
    with pytest.raises(DateError) as caught:
        resolve(phrase, published)
    return str(caught.value)


# --- the reference case ------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "start", "end", "rule", "part"),
    [
        ("Thursday", "2025-07-03", "2025-07-03", "weekday", None),
        ("Friday", "2025-07-04", "2025-07-04", "weekday", None),
        ("last Thursday", "2025-06-26", "2025-06-26", "last-weekday", None),
        ("earlier this week", "2025-06-30", "2025-07-03", "earlier-this-week", None),
        ("last week", "2025-06-23", "2025-06-29", "last-week", None),
        ("July 3", "2025-07-03", "2025-07-03", "month-day", None),
        ("Thursday night", "2025-07-03", "2025-07-03", "weekday", NIGHT),
        ("today", "2025-07-04", "2025-07-04", "today", None),
        ("yesterday", "2025-07-03", "2025-07-03", "yesterday", None),
        ("this morning", "2025-07-04", "2025-07-04", "this-morning", MORNING),
        ("tonight", "2025-07-04", "2025-07-04", "tonight", NIGHT),
        ("2025-07-03", "2025-07-03", "2025-07-03", "iso-date", None),
        ("July 3, 2025", "2025-07-03", "2025-07-03", "month-day-year", None),
    ],
)
def test_reference_case(phrase: str, start: str, end: str, rule: str, part: PartOfDay | None):
    when = resolve(phrase)
    assert (when.start, when.end) == (d(start), d(end))
    assert when.rule == rule
    assert when.part_of_day == part
    assert when.time is None
    assert when.phrase == phrase
    assert not when.upcoming


# --- weekdays ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Monday", "2025-06-30"),
        ("Tuesday", "2025-07-01"),
        ("Wednesday", "2025-07-02"),
        ("Thursday", "2025-07-03"),
        ("Friday", "2025-07-04"),  # the publication day itself
        ("Saturday", "2025-06-28"),  # after Friday in the week: the one before
        ("Sunday", "2025-06-29"),
    ],
)
def test_weekday_is_latest_on_or_before_publication(phrase: str, expected: str):
    when = resolve(phrase)
    assert when.start == when.end == d(expected)
    assert when.start.strftime("%A") == phrase
    assert when.rule == "weekday"


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("last Monday", "2025-06-23"),
        ("last Tuesday", "2025-06-24"),
        ("last Wednesday", "2025-06-25"),
        ("last Thursday", "2025-06-26"),
        ("last Friday", "2025-06-27"),  # a week before the publication day
        ("last Saturday", "2025-06-21"),
        ("last Sunday", "2025-06-22"),
    ],
)
def test_last_weekday_is_seven_days_before_weekday(phrase: str, expected: str):
    when = resolve(phrase)
    assert when.start == when.end == d(expected)
    assert when.rule == "last-weekday"
    assert when.start == resolve(phrase.removeprefix("last ")).start - timedelta(days=7)


@pytest.mark.parametrize(
    "published",
    [
        "2025-06-30",
        "2025-07-01",
        "2025-07-02",
        "2025-07-03",
        "2025-07-04",
        "2025-07-05",
        "2025-07-06",
    ],
)
def test_weekday_equal_to_publication_day_is_that_day(published: str):
    day = d(published)
    when = resolve(day.strftime("%A"), datetime(day.year, day.month, day.day, 9, 0, tzinfo=NY))
    assert when.start == day
    last = resolve("last " + day.strftime("%A"), datetime(day.year, day.month, day.day, tzinfo=NY))
    assert last.start == day - timedelta(days=7)


@pytest.mark.parametrize(
    ("phrase", "start", "part", "rule"),
    [
        ("Thursday morning", "2025-07-03", MORNING, "weekday"),
        ("Thursday afternoon", "2025-07-03", AFTERNOON, "weekday"),
        ("Thursday evening", "2025-07-03", EVENING, "weekday"),
        ("Thursday night", "2025-07-03", NIGHT, "weekday"),
        ("Saturday night", "2025-06-28", NIGHT, "weekday"),
        ("Friday morning", "2025-07-04", MORNING, "weekday"),
        ("last Thursday night", "2025-06-26", NIGHT, "last-weekday"),
        ("last Monday morning", "2025-06-23", MORNING, "last-weekday"),
    ],
)
def test_weekday_with_part_of_day(phrase: str, start: str, part: PartOfDay, rule: str):
    when = resolve(phrase)
    assert when.start == when.end == d(start)
    assert when.part_of_day is part
    assert when.rule == rule


# --- today, yesterday and friends --------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "start", "part", "rule"),
    [
        ("today", "2025-07-04", None, "today"),
        ("yesterday", "2025-07-03", None, "yesterday"),
        ("this morning", "2025-07-04", MORNING, "this-morning"),
        ("tonight", "2025-07-04", NIGHT, "tonight"),
        # extras
        ("this afternoon", "2025-07-04", AFTERNOON, "this-afternoon"),
        ("this evening", "2025-07-04", EVENING, "this-evening"),
        ("yesterday morning", "2025-07-03", MORNING, "yesterday"),
        ("yesterday afternoon", "2025-07-03", AFTERNOON, "yesterday"),
        ("yesterday evening", "2025-07-03", EVENING, "yesterday"),
        ("yesterday night", "2025-07-03", NIGHT, "yesterday"),
        ("last night", "2025-07-03", NIGHT, "last-night"),
    ],
)
def test_relative_days(phrase: str, start: str, part: PartOfDay | None, rule: str):
    when = resolve(phrase)
    assert when.start == when.end == d(start)
    assert when.part_of_day == part
    assert when.rule == rule
    assert not when.is_span


# --- month and day -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("July 3", "2025-07-03"),
        ("July 4", "2025-07-04"),  # the publication day
        ("July 5", "2024-07-05"),  # the day after: last year's
        ("December 30", "2024-12-30"),
        ("January 1", "2025-01-01"),
        ("June 30", "2025-06-30"),
        ("Jan. 3", "2025-01-03"),
        ("Jan 3", "2025-01-03"),
        ("Feb. 3", "2025-02-03"),
        ("Feb 3", "2025-02-03"),
        ("Mar 3", "2025-03-03"),
        ("March 3", "2025-03-03"),
        ("Apr 3", "2025-04-03"),
        ("April 3", "2025-04-03"),
        ("May 3", "2025-05-03"),
        ("Jun 3", "2025-06-03"),
        ("Jul 3", "2025-07-03"),
        ("Aug. 3", "2024-08-03"),
        ("Aug 3", "2024-08-03"),
        ("Sept. 3", "2024-09-03"),
        ("Sept 3", "2024-09-03"),
        ("Sep. 3", "2024-09-03"),
        ("Sep 3", "2024-09-03"),
        ("September 3", "2024-09-03"),
        ("Oct. 3", "2024-10-03"),
        ("Nov. 3", "2024-11-03"),
        ("Dec. 3", "2024-12-03"),
        ("July 1st", "2025-07-01"),
        ("July 2nd", "2025-07-02"),
        ("July 3rd", "2025-07-03"),
        ("June 4th", "2025-06-04"),
        ("Aug. 21st", "2024-08-21"),
        ("July 03", "2025-07-03"),
    ],
)
def test_month_day_is_latest_on_or_before_publication(phrase: str, expected: str):
    when = resolve(phrase)
    assert when.start == when.end == d(expected)
    assert when.rule == "month-day"


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("July 3, 2025", "2025-07-03"),
        ("July 3 2025", "2025-07-03"),
        ("Dec. 30, 2024", "2024-12-30"),
        ("Sept. 11th, 2001", "2001-09-11"),
        ("February 29, 2024", "2024-02-29"),
        ("January 20, 2026", "2026-01-20"),  # a written year is taken as written
    ],
)
def test_month_day_with_year(phrase: str, expected: str):
    when = resolve(phrase)
    assert when.start == when.end == d(expected)
    assert when.rule == "month-day-year"


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2025-07-04T14:10:00-04:00", "2024-02-29"),
        ("2024-03-01T12:00:00-05:00", "2024-02-29"),
        ("2024-02-29T12:00:00-05:00", "2024-02-29"),
        ("2024-02-28T12:00:00-05:00", "2020-02-29"),  # this year's is still ahead
        ("2028-01-15T12:00:00-05:00", "2024-02-29"),
        ("2100-06-01T12:00:00-04:00", "2096-02-29"),  # 2100 is not a leap year
    ],
)
def test_february_29_is_latest_leap_day(published: str, expected: str):
    for phrase in ("February 29", "Feb. 29", "Feb 29th"):
        assert resolve(phrase, published).start == d(expected)


# --- ISO dates and datetimes -------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [("2025-07-03", "2025-07-03"), ("2024-12-31", "2024-12-31"), ("2025-07-10", "2025-07-10")],
)
def test_iso_date(phrase: str, expected: str):
    when = resolve(phrase)
    assert when.start == when.end == d(expected)
    assert when.rule == "iso-date"
    assert when.part_of_day is None
    assert when.time is None


@pytest.mark.parametrize(
    ("phrase", "local", "part"),
    [
        ("2025-07-03T14:10:00-04:00", "2025-07-03T14:10:00", AFTERNOON),
        ("2025-07-04T02:30:00+00:00", "2025-07-03T22:30:00", NIGHT),  # UTC, the evening before
        ("2025-07-03T09:00:00Z", "2025-07-03T05:00:00", MORNING),
        ("2025-07-03T19:45:00+02:00", "2025-07-03T13:45:00", AFTERNOON),
        ("2025-07-03T18:45", "2025-07-03T18:45:00", EVENING),  # no offset: the site's zone
        ("2025-07-03 08:00", "2025-07-03T08:00:00", MORNING),
        ("2025-07-03T23:59:59", "2025-07-03T23:59:59", NIGHT),
        ("2025-01-15T12:00:00Z", "2025-01-15T07:00:00", MORNING),  # EST in winter
    ],
)
def test_iso_datetime_converted_to_site_zone(phrase: str, local: str, part: PartOfDay):
    when = resolve(phrase)
    expected = datetime.fromisoformat(local).replace(tzinfo=NY)
    assert when.rule == "iso-datetime"
    assert when.time == expected
    assert when.time.replace(tzinfo=None) == datetime.fromisoformat(local)
    assert when.time.utcoffset() == expected.utcoffset()
    assert when.start == when.end == expected.date()
    assert when.part_of_day is part


@pytest.mark.parametrize(
    ("hour", "part"),
    [
        (0, NIGHT),
        (4, NIGHT),
        (5, MORNING),
        (11, MORNING),
        (12, AFTERNOON),
        (16, AFTERNOON),
        (17, EVENING),
        (20, EVENING),
        (21, NIGHT),
        (23, NIGHT),
    ],
)
def test_iso_datetime_part_of_day_from_local_hour(hour: int, part: PartOfDay):
    assert resolve(f"2025-07-03T{hour:02d}:30").part_of_day is part
    # The same instant written in UTC gets the part of the New York hour.
    utc = datetime(2025, 7, 3, hour, 30, tzinfo=NY).astimezone(UTC)
    assert resolve(utc.isoformat()).part_of_day is part


# --- spans -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("published", "start", "end"),
    [
        ("2025-07-01", "2025-06-30", "2025-06-30"),  # Tuesday: just Monday
        ("2025-07-02", "2025-06-30", "2025-07-01"),
        ("2025-07-04", "2025-06-30", "2025-07-03"),
        ("2025-07-05", "2025-06-30", "2025-07-04"),
        ("2025-07-06", "2025-06-30", "2025-07-05"),  # Sunday: Monday to Saturday
    ],
)
def test_earlier_this_week(published: str, start: str, end: str):
    when = resolve("earlier this week", f"{published}T12:00:00-04:00")
    assert (when.start, when.end) == (d(start), d(end))
    assert when.rule == "earlier-this-week"
    assert when.is_span == (start != end)


@pytest.mark.parametrize(
    "published", ["2025-06-30", "2025-07-01", "2025-07-03", "2025-07-05", "2025-07-06"]
)
def test_last_week_is_previous_monday_to_sunday(published: str):
    when = resolve("last week", f"{published}T12:00:00-04:00")
    assert (when.start, when.end) == (d("2025-06-23"), d("2025-06-29"))
    assert when.rule == "last-week"
    assert when.is_span


# --- upcoming ----------------------------------------------------------------------


@pytest.mark.parametrize("phrase", ["upcoming", "soon", "Upcoming", "  SOON  "])
def test_upcoming(phrase: str):
    when = resolve(phrase)
    assert when.start is None
    assert when.end is None
    assert when.upcoming
    assert not when.is_span
    assert when.rule == "upcoming"
    assert when.phrase == phrase


# --- year boundaries ---------------------------------------------------------------

NEW_YEAR = "2025-01-02T10:00:00-05:00"  # a Thursday


@pytest.mark.parametrize(
    ("phrase", "published", "start", "end"),
    [
        ("December 30", NEW_YEAR, "2024-12-30", "2024-12-30"),
        ("Dec. 31", NEW_YEAR, "2024-12-31", "2024-12-31"),
        ("January 2", NEW_YEAR, "2025-01-02", "2025-01-02"),
        ("January 3", NEW_YEAR, "2024-01-03", "2024-01-03"),
        ("Monday", NEW_YEAR, "2024-12-30", "2024-12-30"),
        ("Tuesday night", NEW_YEAR, "2024-12-31", "2024-12-31"),
        ("Friday", NEW_YEAR, "2024-12-27", "2024-12-27"),
        ("last Thursday", NEW_YEAR, "2024-12-26", "2024-12-26"),
        ("yesterday", NEW_YEAR, "2025-01-01", "2025-01-01"),
        ("last week", NEW_YEAR, "2024-12-23", "2024-12-29"),
        ("earlier this week", NEW_YEAR, "2024-12-30", "2025-01-01"),
        ("last week", "2025-01-08T10:00:00-05:00", "2024-12-30", "2025-01-05"),
        ("yesterday", "2025-01-01T09:00:00-05:00", "2024-12-31", "2024-12-31"),
        ("last night", "2025-01-01T09:00:00-05:00", "2024-12-31", "2024-12-31"),
    ],
)
def test_year_boundaries(phrase: str, published: str, start: str, end: str):
    when = resolve(phrase, published)
    assert (when.start, when.end) == (d(start), d(end))


# --- time zones: midnight and daylight saving --------------------------------------


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        ("Thursday", "2025-07-03", "2025-07-03"),
        ("today", "2025-07-03", "2025-07-03"),
        ("tonight", "2025-07-03", "2025-07-03"),
        ("yesterday", "2025-07-02", "2025-07-02"),
        ("Friday", "2025-06-27", "2025-06-27"),  # Friday in UTC, still Thursday in New York
        ("July 4", "2024-07-04", "2024-07-04"),
        ("earlier this week", "2025-06-30", "2025-07-02"),
    ],
)
def test_publication_date_is_taken_in_the_site_zone(phrase: str, start: str, end: str):
    # 02:30 UTC on July 4 is 22:30 on July 3 in New York.
    when = resolve(phrase, "2025-07-04T02:30:00+00:00")
    assert (when.start, when.end) == (d(start), d(end))


@pytest.mark.parametrize(
    ("published", "tz", "today"),
    [
        ("2025-07-04T23:59:00-04:00", NY, "2025-07-04"),
        ("2025-07-05T03:59:00+00:00", NY, "2025-07-04"),
        ("2025-07-05T04:00:00+00:00", NY, "2025-07-05"),
        ("2025-07-04T16:00:00+00:00", ZoneInfo("Asia/Tokyo"), "2025-07-05"),
        ("2025-07-04T16:00:00+00:00", ZoneInfo("Pacific/Honolulu"), "2025-07-04"),
        ("2025-07-04T08:00:00+09:00", UTC, "2025-07-03"),
    ],
)
def test_today_follows_the_site_zone_not_the_written_offset(published: str, tz, today: str):
    assert resolve("today", published, tz).start == d(today)
    assert resolve("yesterday", published, tz).start == d(today) - timedelta(days=1)


def test_naive_publication_is_read_in_the_site_zone():
    # Never the machine's zone: a naive 23:30 stays July 3 whatever the host runs in.
    assert resolve("today", datetime(2025, 7, 3, 23, 30), ZoneInfo("Asia/Tokyo")).start == d(
        "2025-07-03"
    )


@pytest.mark.parametrize(
    ("published", "phrase", "expected"),
    [
        # Spring forward: Sunday, March 9, 2025, 2:00 EST -> 3:00 EDT.
        ("2025-03-09T12:00:00-04:00", "today", "2025-03-09"),
        ("2025-03-09T12:00:00-04:00", "yesterday", "2025-03-08"),
        ("2025-03-09T12:00:00-04:00", "Saturday", "2025-03-08"),
        ("2025-03-09T12:00:00-04:00", "Sunday", "2025-03-09"),
        ("2025-03-09T12:00:00-04:00", "last Sunday", "2025-03-02"),
        ("2025-03-09T12:00:00-04:00", "Monday", "2025-03-03"),
        ("2025-03-09T12:00:00-04:00", "March 8", "2025-03-08"),
        ("2025-03-09T00:30:00-05:00", "today", "2025-03-09"),  # 00:30 local, before the jump
        ("2025-03-09T00:30:00-05:00", "yesterday", "2025-03-08"),
        ("2025-03-09T05:30:00+00:00", "today", "2025-03-09"),  # the same instant in UTC
        ("2025-03-10T04:30:00+00:00", "today", "2025-03-10"),  # 00:30 EDT, not 23:30 EST
        ("2025-03-10T04:30:00+00:00", "yesterday", "2025-03-09"),
        ("2025-03-10T04:30:00+00:00", "Sunday", "2025-03-09"),
        # Fall back: Sunday, November 2, 2025, 2:00 EDT -> 1:00 EST.
        ("2025-11-02T12:00:00-05:00", "today", "2025-11-02"),
        ("2025-11-02T12:00:00-05:00", "yesterday", "2025-11-01"),
        ("2025-11-02T12:00:00-05:00", "Saturday", "2025-11-01"),
        ("2025-11-02T12:00:00-05:00", "tonight", "2025-11-02"),
        ("2025-11-02T00:30:00-04:00", "today", "2025-11-02"),  # 00:30 local on the DST day
        ("2025-11-02T00:30:00-04:00", "yesterday", "2025-11-01"),
        ("2025-11-02T01:30:00-05:00", "today", "2025-11-02"),  # the second 1:30
        ("2025-11-03T04:30:00+00:00", "today", "2025-11-02"),  # 23:30 EST, not 00:30 EDT
        ("2025-11-03T04:30:00+00:00", "Monday", "2025-10-27"),
        ("2025-11-03T05:30:00+00:00", "Monday", "2025-11-03"),
    ],
)
def test_daylight_saving_changes(published: str, phrase: str, expected: str):
    assert resolve(phrase, published).start == d(expected)


def test_iso_datetime_across_daylight_saving():
    # The clocks jump at 07:00 UTC: 06:30 UTC is 01:30 EST, 07:30 UTC is 03:30 EDT.
    before = resolve("2025-03-09T06:30:00Z").time
    after = resolve("2025-03-09T07:30:00Z").time
    assert (before.hour, before.utcoffset()) == (1, timedelta(hours=-5))
    assert (after.hour, after.utcoffset()) == (3, timedelta(hours=-4))


# --- case and whitespace -----------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "start", "end", "part"),
    [
        ("  thursday  ", "2025-07-03", "2025-07-03", None),
        ("THURSDAY NIGHT", "2025-07-03", "2025-07-03", NIGHT),
        ("Last   Thursday", "2025-06-26", "2025-06-26", None),
        ("earlier\tthis\n week", "2025-06-30", "2025-07-03", None),
        ("LAST WEEK", "2025-06-23", "2025-06-29", None),
        ("This Morning", "2025-07-04", "2025-07-04", MORNING),
        ("ToNiGhT", "2025-07-04", "2025-07-04", NIGHT),
        ("JULY 3RD", "2025-07-03", "2025-07-03", None),
        ("sept.   3", "2024-09-03", "2024-09-03", None),
        ("jUlY   3 ,  2025", "2025-07-03", "2025-07-03", None),
        (" 2025-07-03 ", "2025-07-03", "2025-07-03", None),
        ("2025-07-03t14:10:00-04:00", "2025-07-03", "2025-07-03", AFTERNOON),
    ],
)
def test_case_and_whitespace_tolerance_keeps_phrase_verbatim(
    phrase: str, start: str, end: str, part: PartOfDay | None
):
    when = resolve(phrase)
    assert (when.start, when.end) == (d(start), d(end))
    assert when.part_of_day == part
    assert when.phrase == phrase  # not stripped, not lowered


# --- errors ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase",
    [
        "blah",
        "next Thursday",
        "Thursday week",
        "this week",
        "July",
        "3 July",
        "July 3 at noon",
        "the other day",
        "13/07/2025",
        "last",
        "week",
        "July. 3",  # a dot only after an abbreviation
        "2025-07",
    ],
)
def test_unknown_phrase_lists_accepted_forms(phrase: str):
    message = error(phrase)
    assert message.startswith(f"cannot resolve the date '{phrase}'")
    assert message.endswith(f": write {ACCEPTED_FORMS}")
    assert "did you mean" not in message


def test_accepted_forms_names_every_form():
    for form in (
        "Thursday",
        "Thursday night",
        "last <weekday>",
        "today",
        "yesterday",
        "this morning",
        "tonight",
        "July 3",
        "2025-07-03",
        "earlier this week",
        "last week",
        "upcoming",
    ):
        assert form in ACCEPTED_FORMS


def test_error_names_the_phrase_with_collapsed_whitespace():
    assert error("  no   such\tday ").startswith("cannot resolve the date 'no such day':")


@pytest.mark.parametrize("phrase", ["", "   ", "\n\t "])
def test_empty_phrase(phrase: str):
    message = error(phrase)
    assert message == f"the date is empty: write {ACCEPTED_FORMS}"


@pytest.mark.parametrize(
    ("phrase", "reason"),
    [
        ("February 30", "February 30 does not exist"),
        ("Feb. 31", "February 31 does not exist"),
        ("June 31", "June 31 does not exist"),
        ("April 31", "April 31 does not exist"),
        ("Sept. 31", "September 31 does not exist"),
        ("November 31st", "November 31 does not exist"),
        ("July 0", "July 0 does not exist"),
        ("July 32", "July 32 does not exist"),
        ("February 29, 2025", "February 29, 2025 does not exist"),
        ("June 31, 2024", "June 31 does not exist"),
        ("2025-02-30", "2025-02-30 does not exist"),
        ("2025-13-01", "2025-13-01 does not exist"),
    ],
)
def test_impossible_date(phrase: str, reason: str):
    message = error(phrase)
    assert message.startswith(f"cannot resolve the date '{phrase}': {reason}")


def test_invalid_iso_datetime():
    assert "2025-07-03T25:00 is not a valid date and time" in error("2025-07-03T25:00")


@pytest.mark.parametrize("published", ["2025-06-30T09:00:00-04:00", "2025-07-01T03:00:00+00:00"])
def test_earlier_this_week_on_a_monday(published: str):
    message = error("earlier this week", published)
    assert message.startswith("cannot resolve the date 'earlier this week':")
    assert "published on a Monday (2025-06-30)" in message
    assert '"earlier this week" has no days' in message
    assert "last week" in message.split("has no days", 1)[1]
    assert "weekday" in message.split("has no days", 1)[1]


@pytest.mark.parametrize(
    ("phrase", "suggestion"),
    [
        ("Thrusday", "Thursday"),
        ("thursdy", "Thursday"),
        ("wendsday", "Wednesday"),
        ("Tuseday night", "Tuesday night"),
        ("last Thrusday", "last Thursday"),
        ("Thursday nigth", "Thursday night"),
        ("Thursday midnight", "Thursday night"),
        ("Juyl 3", "July 3"),
        ("Agust 3", "August 3"),
        ("Sepember 3, 2024", "September 3, 2024"),
        ("yesterdy", "yesterday"),
        ("Febuary 30", "February"),  # the fixed phrase still does not exist: just the name
        ("blah Thrusday blah", "Thursday"),
    ],
)
def test_near_miss_suggests(phrase: str, suggestion: str):
    message = error(phrase)
    assert message.startswith(f"cannot resolve the date '{phrase}' (did you mean '{suggestion}'?)")
    assert message.endswith(ACCEPTED_FORMS)


def test_date_error_is_a_value_error():
    with pytest.raises(ValueError, match="Thrusday"):
        resolve("Thrusday")


# --- timeline order ----------------------------------------------------------------


def test_sort_key_orders_the_timeline():
    phrases = [
        "upcoming",  # 0
        "Thursday night",  # 1
        "earlier this week",  # 2: span from 06-30
        "Thursday morning",  # 3
        "Thursday",  # 4: the whole day, before its morning
        "last week",  # 5: span from 06-23
        "soon",  # 6
        "Thursday evening",  # 7
        "Monday",  # 8: same start as the span, later in the file
        "2025-07-03T13:00:00-04:00",  # 9
        "Thursday afternoon",  # 10: untimed, before the timed afternoon events
        "2025-07-03T16:30:00Z",  # 11: 12:30 in New York
        "Thursday night",  # 12
    ]
    events = [(resolve(p), order) for order, p in enumerate(phrases)]
    ordered = [order for _, order in sorted(events, key=lambda e: sort_key(*e))]
    assert ordered == [5, 2, 8, 4, 3, 10, 11, 9, 7, 1, 12, 0, 6]
    random.Random(7).shuffle(events)
    assert [o for _, o in sorted(events, key=lambda e: sort_key(*e))] == ordered


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        ("June 22", "last week"),  # a span sorts by its first day...
        ("last week", "June 24"),  # ...before a day inside it
        ("last week", "earlier this week"),
        ("Thursday night", "Friday morning"),
        ("Thursday", "Thursday morning"),
        ("Thursday morning", "Thursday afternoon"),
        ("Thursday afternoon", "Thursday evening"),
        ("Thursday evening", "Thursday night"),
        ("2025-07-03T09:00", "2025-07-03T09:01"),
        ("yesterday night", "today"),
        ("July 3, 2025", "upcoming"),
    ],
)
def test_sort_key_pairs(earlier: str, later: str):
    # The later event comes first in the file: order must not decide.
    assert sort_key(resolve(earlier), 9) < sort_key(resolve(later), 0)
    assert sort_key(resolve(later), 0) > sort_key(resolve(earlier), 9)


@pytest.mark.parametrize("phrase", ["Thursday", "last week", "upcoming", "2025-07-03T09:00"])
def test_sort_key_ties_break_by_file_order(phrase: str):
    assert sort_key(resolve(phrase), 1) < sort_key(resolve(phrase), 2)


def test_same_day_written_differently_ties_by_file_order():
    assert sort_key(resolve("Thursday"), 5) < sort_key(resolve("yesterday"), 6)
    assert sort_key(resolve("Thursday"), 6) > sort_key(resolve("yesterday"), 5)


def test_upcoming_after_every_dated_event():
    upcoming = sort_key(resolve("soon"), 0)
    for phrase in ("today", "tonight", "2025-07-04T23:59", "January 1, 2100"):
        assert sort_key(resolve(phrase), 1000) < upcoming


def test_a_moment_past_the_calendar_in_the_sites_zone_is_refused_with_a_reason():
    published = datetime(9999, 12, 31, tzinfo=ZoneInfo("America/New_York"))
    with pytest.raises(DateError) as refused:
        resolve_when("9999-12-31T23:00:00-12:00", published, ZoneInfo("America/New_York"))
    assert str(refused.value) == (
        "cannot resolve the date '9999-12-31T23:00:00-12:00': 9999-12-31T23:00:00-12:00 falls "
        "outside the years 1 to 9999 in the site's time zone: write a date within them"
    )


@pytest.mark.parametrize("phrase", ["yesterday", "last week", "last Monday", "Sunday"])
def test_a_phrase_counted_back_from_the_first_day_is_refused_with_a_reason(phrase):
    published = datetime(1, 1, 1, tzinfo=ZoneInfo("UTC"))
    with pytest.raises(DateError, match="falls outside the calendar"):
        resolve_when(phrase, published, ZoneInfo("UTC"))


def test_february_29_counted_back_from_year_2_is_refused_with_a_reason():
    published = datetime(2, 3, 1, tzinfo=ZoneInfo("UTC"))
    with pytest.raises(DateError, match="falls outside the calendar"):
        resolve_when("February 29", published, ZoneInfo("UTC"))
