"""The brief parser: front matter into the model, and every problem at its line."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from mkdocs_briefs.core.brief.model import BriefType, EventKind, SourceKind
from mkdocs_briefs.core.problems import Severity

MINIMAL = """
---
title: A brief
date: 2025-07-04
---

First paragraph of the brief.
"""


def test_minimal_brief_parses_with_defaults(parse):
    result = parse(MINIMAL)
    assert result.messages == []
    brief = result.brief
    assert brief.title == "A brief"
    assert brief.published.date() == date(2025, 7, 4)
    assert brief.published.utcoffset().total_seconds() == -4 * 3600  # New York, summer
    assert brief.type is BriefType.REPORTAGE
    assert brief.summary == "First paragraph of the brief."
    assert brief.slug == "test"
    assert brief.url == "2025/07/04/test/"


def test_every_front_matter_field_reaches_the_model(parse):
    result = parse(
        """
        ---
        title: Full brief
        date: 2025-07-04T14:10:00-04:00
        updated: 2025-07-05T09:00:00-04:00
        summary: One sentence.
        type: analysis
        slug: full-brief
        tags: [Ukraine, Air defense]
        authors: [Jane Doe, John Roe]
        sources:
          ua-official:
            name: A Ukrainian official
            kind: anonymous
            detail: Spoke on condition of anonymity.
            via: Phone
            url: https://example.org/a
        events:
          - id: putin-call
            when: Thursday
            kind: call
            title: Trump and Putin speak
            participants: [Donald Trump, Vladimir Putin]
            duration: about an hour
            sources: [ua-official]
        corrections:
          - date: 2025-07-05
            text: An earlier version misstated the day.
          - date: 2025-07-06
            text: A later fix.
        ---

        Body. [@ua-official]
        """
    )
    assert result.messages == []
    brief = result.brief
    assert brief.published == datetime.fromisoformat("2025-07-04T14:10:00-04:00")
    assert brief.updated == datetime.fromisoformat("2025-07-05T09:00:00-04:00")
    assert brief.summary == "One sentence."
    assert brief.type is BriefType.ANALYSIS
    assert brief.url == "2025/07/04/full-brief/"
    assert brief.tags == ("Ukraine", "Air defense")
    assert brief.authors == ("Jane Doe", "John Roe")
    source = brief.sources["ua-official"]
    assert (source.kind, source.via, source.url) == (
        SourceKind.ANONYMOUS,
        "Phone",
        "https://example.org/a",
    )
    assert source.kind.label == "Anonymous"
    event = brief.events[0]
    assert (event.id, event.kind, event.when.start) == (
        "putin-call",
        EventKind.CALL,
        date(2025, 7, 3),
    )
    assert event.participants == ("Donald Trump", "Vladimir Putin")
    assert event.duration == "about an hour"
    assert event.sources == ("ua-official",)
    # Corrections are shown newest first.
    assert [c.date for c in brief.corrections] == [date(2025, 7, 6), date(2025, 7, 5)]


def test_a_date_late_in_the_evening_utc_is_the_previous_day_in_new_york(parse):
    result = parse("---\ntitle: T\ndate: 2025-07-04T02:30:00+00:00\n---\nx\n")
    assert result.brief.published.date() == date(2025, 7, 3)
    assert result.brief.url == "2025/07/03/test/"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No front matter.\n", "briefs/test.md:1:1: the brief has no front matter"),
        ("---\ntitle: [unclosed\ndate: 2025-07-04\n---\n", "briefs/test.md:3:5: invalid YAML"),
        ("---\n- a\n- b\n---\n", "briefs/test.md:2:1: the front matter must be a mapping"),
        ("---\ndate: 2025-07-04\n---\nx\n", "briefs/test.md:2:1: the title is missing"),
        ("---\ntitle: T\n---\nx\n", "briefs/test.md:2:1: 'date' is missing"),
        ("---\ntitle: T\ndate: July 4\n---\nx\n", "briefs/test.md:3:7: 'date' is not a date"),
        ("---\ntitle: ''\ndate: 2025-07-04\n---\nx\n", "briefs/test.md:2:8: the title is empty"),
        (
            "---\ntitle: T\ndate: 2025-07-04\nslug: ../etc\n---\nx\n",
            "briefs/test.md:4:7: the slug '../etc' is not allowed",
        ),
        (
            "---\ntitle: T\ntitle: U\ndate: 2025-07-04\n---\nx\n",
            "briefs/test.md:3:1: invalid YAML: the key 'title' is given twice",
        ),
    ],
)
def test_errors_skip_the_brief_and_name_file_line_and_column(parse, text, expected):
    result = parse(text)
    assert result.brief is None
    assert any(m.startswith(expected) for m in result.messages), result.messages
    assert any(p.severity is Severity.ERROR for p in result.problems)


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        (
            "tittle: x",
            "briefs/test.md:4:1: unknown key 'tittle' in the front matter (did you mean 'title'?)",
        ),
        ("type: opinon", "briefs/test.md:4:7: unknown type 'opinon' (did you mean 'opinion'?)"),
        (
            "sources:\n  a:\n    name: A\n    kind: anonymus",
            "briefs/test.md:7:11: source 'a' has unknown kind 'anonymus' "
            "(did you mean 'anonymous'?)",
        ),
        (
            "sources:\n  Bad_Id:\n    name: A\n    kind: named",
            "briefs/test.md:5:3: the source id 'Bad_Id' is not allowed",
        ),
        (
            "sources:\n  a:\n    name: A\n    kind: named\n    url: javascript:alert(1)",
            "briefs/test.md:8:10: 'url' must be an http(s) address, got 'javascript:alert(1)'",
        ),
        (
            "events:\n  - id: a\n    when: Thursday\n    title: A\n"
            "  - id: a\n    when: Friday\n    title: B",
            "briefs/test.md:8:9: the event id 'a' is used twice (first at line 5)",
        ),
        (
            "events:\n  - id: a\n    when: Thursday\n    kind: phone\n    title: A",
            "briefs/test.md:7:11: unknown kind 'phone'",
        ),
        (
            "events:\n  - id: a\n    when: Thrusday\n    title: A",
            "briefs/test.md:6:11: cannot resolve the date 'Thrusday'",
        ),
        (
            "events:\n  - id: a\n    when: Thursday\n    title: A\n    sources: [nobody]",
            "briefs/test.md:8:15: unknown source 'nobody' in event 'a'",
        ),
        (
            "corrections:\n  - date: someday\n    text: Fixed.",
            "briefs/test.md:5:11: 'date' is not a date",
        ),
    ],
)
def test_warnings_keep_the_brief_and_name_file_line_and_column(parse, front, expected):
    result = parse(f"---\ntitle: T\ndate: 2025-07-04\n{front}\n---\nBody.\n")
    assert result.brief is not None
    assert any(m.startswith(expected) for m in result.messages), result.messages


def test_a_problem_in_the_body_is_reported_at_its_file_line(parse):
    result = parse(
        """
        ---
        title: T
        date: 2025-07-04
        sources:
          ua-official: {name: A Ukrainian official, kind: anonymous}
        ---

        First paragraph.

        Second, cited wrongly. [@ua-oficial]
        """
    )
    assert [m for m in result.messages if "unknown source" in m] == [
        "briefs/test.md:10:26: unknown source 'ua-oficial' (did you mean 'ua-official'?): "
        "declare it under `sources:` in the front matter"
    ]


def test_the_summary_defaults_to_the_first_paragraph_without_markers(parse):
    result = parse(
        """
        ---
        title: T
        date: 2025-07-04
        sources:
          a: {name: A, kind: named}
        ---

        The *first* paragraph, cited. [@a]

        The second.
        """
    )
    assert result.brief.summary == "The first paragraph, cited."
