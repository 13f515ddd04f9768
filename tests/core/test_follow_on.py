"""One bad value is reported once: later uses of its id are not reported again."""

from __future__ import annotations

from support import parse_text


def test_a_source_with_a_bad_kind_is_reported_once_not_at_every_citation():
    result = parse_text(
        """
        ---
        title: T
        date: 2025-07-04
        sources:
          aide:
            name: An aide
            kind: on-record
        events:
          - id: call
            when: Friday
            title: A call
            sources: [aide]
        ---

        They spoke [on Friday](#call). [@aide]

        More words. [@aide]
        """
    )
    assert len(result.messages) == 1, result.messages
    assert "unknown kind 'on-record'" in result.messages[0]
    assert result.messages[0].startswith("briefs/test.md:7:11:")


def test_an_event_with_a_bad_date_is_reported_once_not_at_every_mention():
    result = parse_text(
        """
        ---
        title: T
        date: 2025-07-04
        events:
          - id: talks
            when: Tueday
            title: Talks
        ---

        They met [on Tuesday](#talks). Again [that day](#talks).
        """
    )
    assert len(result.messages) == 1, result.messages
    assert "'Tueday'" in result.messages[0]
    assert result.messages[0].startswith("briefs/test.md:6:11:")


def test_an_undeclared_id_points_at_the_id_itself():
    result = parse_text(
        """
        ---
        title: T
        date: 2025-07-04
        sources:
          aide: {name: An aide, kind: named}
        ---

        Words here. [@aide; @aid]
        Spoke [then](#tlaks).
        """
    )
    line = "Words here. [@aide; @aid]"
    unknown_source = next(m for m in result.messages if "unknown source 'aid'" in m)
    assert unknown_source.startswith(f"briefs/test.md:8:{line.index('@aid]') + 2}:")
    unknown_event = next(m for m in result.messages if "unknown event 'tlaks'" in m)
    assert unknown_event.startswith(
        f"briefs/test.md:9:{'Spoke [then](#tlaks).'.index('tlaks') + 1}:"
    )
