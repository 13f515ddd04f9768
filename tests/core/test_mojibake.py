"""Mis-decoded text is flagged where it is; real non-English text is left alone."""

from __future__ import annotations

import pytest
from support import FIRST_BRIEF

from mkdocs_briefs.core.problems import Severity
from mkdocs_briefs.core.source.mojibake import find_suspects


@pytest.mark.parametrize(
    ("text", "col", "suspect", "meant"),
    [
        ("Zelensky\u00e2\u20ac\u2122s office", 9, "\u00e2\u20ac\u2122", "\u2019"),  # â€™
        ("he said \u00e2\u20ac\u0153no", 9, "\u00e2\u20ac\u0153", "\u201c"),
        ("a caf\u00c3\u00a9 in Kyiv", 6, "\u00c3\u00a9", "\u00e9"),  # Ã© for é
        ("\u00c3\u2030cole", 1, "\u00c3\u2030", "\u00c9"),  # Ã‰ for É
        ("Ba\u00c5\u0178kent", 3, "\u00c5\u0178", "\u015f"),  # Turkish ş
        ("price 5\u00c2\u00a0euros", 8, "\u00c2\u00a0", "U+00A0"),  # a no-break space
        ("smile \u00f0\u0178\u02dc\u20ac now", 7, "\u00f0\u0178\u02dc\u20ac", "\U0001f600"),
        ("it\u0432\u0402\u2122s", 3, "\u0432\u0402\u2122", "\u2019"),  # read as Windows-1251
    ],
)
def test_utf8_read_in_the_wrong_character_set_is_flagged(text, col, suspect, meant):
    [found] = find_suspects(text)
    assert (found.line, found.col, found.text) == (1, col, suspect)
    assert found.message == (
        f"'{suspect}' looks like mis-decoded text (probably '{meant}'): "
        "retype it, or paste the text again from a UTF-8 source"
    )


@pytest.mark.parametrize(
    ("text", "letter", "context"),
    [
        ("Russia attacked Ukraine \u03b2 launching drones", "\u03b2", "Ukraine \u03b2 launching"),
        ("the call \u0436 lasted an hour", "\u0436", "call \u0436 lasted"),
    ],
)
def test_a_lone_greek_or_cyrillic_letter_between_english_words_is_flagged(text, letter, context):
    [found] = find_suspects(text)
    assert found.text == letter
    assert f"('{context}')" in found.message
    assert "may be a mis-decoded character" in found.message


@pytest.mark.parametrize(
    "text",
    [
        "Plain English, with \u2019curly\u2019 quotes \u201clike this\u201d \u2014 and dashes.",
        "caf\u00e9, na\u00efve, co\u00f6perate, Z\u00fcrich, Gen\u00e8ve",
        "\u00abD\u00c9J\u00c0\u00bb",
        "S\u00c3O PAULO and N\u00c3O in capitals",  # Portuguese Ã before a letter
        "gro\u00df\u2026 und d\u00e9j\u00e0\u2026",  # ß and à before an ellipsis
        "a caf\u00e9\u2026\u201d she said",  # é, then ellipsis and quote
        "\u00abESPA\u00d1A\u00bb, \u00d1and\u00fa, \u00c5ngstr\u00f6m",
        "\u041f\u0440\u0438\u0432\u0435\u0442 \u0438 \u043c\u0438\u0440",  # Russian, with a lone и
        "\u0397 \u0395\u03bb\u03bb\u03ac\u03b4\u03b1 \u03ba\u03b1\u03b9 \u03b7 "  # Greek
        "\u039a\u03cd\u03c0\u03c1\u03bf\u03c2",
        "Moscow (\u041c\u043e\u0441\u043a\u0432\u0430) \u0438 Kyiv",  # a Cyrillic neighbour
        "\u03b2 = 0.5 and the \u03b2-blocker",  # a formula and a compound
        "emoji are fine \U0001f600 and so is \u20ac 5",
        "tabs\tare fine",
    ],
)
def test_real_text_in_other_languages_is_not_flagged(text):
    assert find_suspects(text) == []


def test_control_characters_are_flagged_with_what_they_probably_were():
    [bell, apostrophe] = find_suspects("a bell\x07 and it\x92s")
    assert (bell.col, bell.message) == (
        7,
        "invisible control character U+0007: delete or retype it",
    )
    assert apostrophe.message == (
        "invisible control character U+0092 (probably a mis-decoded '\u2019'): delete or retype it"
    )


def test_suspects_in_the_front_matter_and_the_body_are_warnings_at_their_place(parse):
    result = parse(
        "---\ntitle: Zelensky\u00e2\u20ac\u2122s call\ndate: 2025-07-04\n"
        "sources:\n  a: {name: Caf\u00c3\u00a9 owner, kind: named}\n---\n\n"
        "Text. [@a]\n\nUkraine \u03b2 launching.\n"
    )
    assert result.brief is not None  # a warning: the brief is still built
    found = [p for p in result.problems if "mis-decoded" in p.message]
    assert [str(p.location) for p in found] == [
        "briefs/test.md:2:16",
        "briefs/test.md:5:16",
        "briefs/test.md:10:9",
    ]
    assert all(p.severity is Severity.WARNING for p in found)


def test_the_glossary_is_checked_too():
    from mkdocs_briefs.core.glossary.terms import load_glossary

    _, problems = load_glossary(
        "air-defense:\n  term: air defense\n  definition: It\u00e2\u20ac\u2122s a shield.\n",
        "glossary.yml",
    )
    assert [str(p) for p in problems if "mis-decoded" in p.message] == [
        "glossary.yml:3:17: '\u00e2\u20ac\u2122' looks like mis-decoded text (probably "
        "'\u2019'): retype it, or paste the text again from a UTF-8 source"
    ]


def test_the_shipped_brief_is_clean():
    assert find_suspects(FIRST_BRIEF.read_text(encoding="utf-8")) == []


def test_a_whole_mis_decoded_paste_gives_ten_warnings_and_a_count(parse):
    body = "Caf\u00c3\u00a9 " * 25
    result = parse(f"---\ntitle: T\ndate: 2025-07-04\n---\n\n{body}\n")
    found = [m for m in result.messages if "mis-decoded" in m or "suspicious" in m]
    assert len(found) == 11
    assert found[-1] == (
        "briefs/test.md:6:64: 15 more suspicious characters from here on: "
        "paste the text again from a UTF-8 source"
    )
