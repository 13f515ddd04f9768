"""The glossary: loading and checking the YAML file, and finding terms in text."""

from __future__ import annotations

import random
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_briefs.core.glossary.terms import (
    ID_PATTERN,
    Glossary,
    GlossaryTerm,
    TermMatch,
    TermMatcher,
    load_glossary,
)
from mkdocs_briefs.core.problems import Location, Severity
from mkdocs_briefs.core.suggest import did_you_mean

PATH = "glossary.yml"


def load(text: str) -> tuple[Glossary, list[str]]:
    glossary, problems = load_glossary(textwrap.dedent(text).lstrip("\n"), PATH)
    return glossary, [str(p) for p in problems]


def make(*terms: tuple[str, str] | tuple[str, str, list[str]]) -> Glossary:
    """A glossary built directly: (id, term) or (id, term, aliases)."""
    entries = {}
    for line, (term_id, term, *rest) in enumerate(terms, start=1):
        aliases = tuple(rest[0]) if rest else ()
        entries[term_id] = GlossaryTerm(
            term_id, term, aliases, f"About {term}.", (), Location(PATH, line, 1)
        )
    return Glossary(PATH, entries)


def found(matcher: TermMatcher, text: str) -> list[tuple[str, str]]:
    """(surface text, term id) of each match, which also checks the offsets."""
    return [(text[m.start : m.end], m.term_id) for m in matcher.find(text)]


# --- Loading a valid glossary --------------------------------------------------

VALID = """
air-defense:
  term: air defense
  aliases: [air defenses, air-defense systems]
  definition: Weapons and sensors that detect, track and destroy incoming *aircraft*.
  see: [interceptor]

interceptor:
  term: Interceptor
  aliases: missile interceptor
  definition: >
    A missile that destroys
    another missile in flight.
  see: [air-defense, air-defense]
nato:
  term: NATO
  definition: "The North Atlantic Treaty Organization: a [military alliance](https://nato.int)."
"""


def test_valid_glossary_loads_into_the_model() -> None:
    glossary, problems = load(VALID)
    assert problems == []
    assert list(glossary.terms) == ["air-defense", "interceptor", "nato"]
    air = glossary.get("air-defense")
    assert air == GlossaryTerm(
        id="air-defense",
        term="air defense",
        aliases=("air defenses", "air-defense systems"),
        definition="Weapons and sensors that detect, track and destroy incoming *aircraft*.",
        see=("interceptor",),
        location=Location(PATH, 1, 1),
    )
    interceptor = glossary.get("interceptor")
    assert interceptor is not None
    # A lone alias is a list of one; a repeated `see` id is kept once.
    assert interceptor.aliases == ("missile interceptor",)
    assert interceptor.see == ("air-defense",)
    assert interceptor.definition == "A missile that destroys another missile in flight."
    assert interceptor.location == Location(PATH, 7, 1)
    nato = glossary.get("nato")
    assert nato is not None
    assert nato.definition.endswith("a [military alliance](https://nato.int).")


def test_glossary_lookup_size_and_order() -> None:
    glossary, _ = load(VALID)
    assert len(glossary) == 3
    assert "nato" in glossary
    assert "otan" not in glossary
    assert glossary.get("otan") is None
    # A-Z by the visible term, ignoring case: "air defense" < "Interceptor" < "NATO".
    assert [t.id for t in glossary.sorted_terms()] == ["air-defense", "interceptor", "nato"]


def test_sorted_terms_ignores_case() -> None:
    glossary = make(("b", "beta"), ("a", "Alpha"), ("c", "GAMMA"), ("d", "delta"))
    assert [t.term for t in glossary.sorted_terms()] == ["Alpha", "beta", "delta", "GAMMA"]


def test_empty_glossary() -> None:
    empty = Glossary.empty(PATH)
    assert len(empty) == 0
    assert empty.path == PATH
    assert Glossary.empty().path == ""
    assert TermMatcher(empty).find("air defense") == []


@pytest.mark.parametrize("text", ["", "\n", "# only a comment\n"])
def test_empty_file_is_an_empty_glossary(text: str) -> None:
    glossary, problems = load_glossary(text, PATH)
    assert len(glossary) == 0
    assert problems == []


def test_id_pattern() -> None:
    assert ID_PATTERN.match("air-defense")
    assert ID_PATTERN.match("f-16")
    for bad in ("Air", "-air", "air defense", "air_defense", "air-defense\n"):
        assert not ID_PATTERN.match(bad), bad


# --- Validation: every problem at its line --------------------------------------

INVALID = [
    pytest.param(
        """
        drone:
          term: drone
          definition: a flying machine: small
        """,
        "glossary.yml:3:31: invalid YAML: mapping values are not allowed here: fix it "
        "(quote text that contains ': '); no glossary term is linked until the file loads",
        id="invalid-yaml",
    ),
    pytest.param(
        """
        drone:
          term: drone
          definition: d
        drone:
          term: uav
          definition: d
        """,
        "glossary.yml:4:1: invalid YAML: the key 'drone' is given twice: fix it "
        "(quote text that contains ': '); no glossary term is linked until the file loads",
        id="duplicate-id",
    ),
    pytest.param(
        """
        # the glossary
        - drone
        - uav
        """,
        "glossary.yml:2:1: the glossary must be a mapping of term ids to entries, e.g. "
        "`air-defense:` with `term:` and `definition:` indented under it",
        id="top-level-list",
    ),
    pytest.param(
        "just some words\n",
        "glossary.yml:1:1: the glossary must be a mapping of term ids to entries, e.g. "
        "`air-defense:` with `term:` and `definition:` indented under it",
        id="top-level-text",
    ),
]


@pytest.mark.parametrize(("text", "message"), INVALID)
def test_unreadable_glossary_is_one_error_and_empty(text: str, message: str) -> None:
    glossary, problems = load_glossary(textwrap.dedent(text).lstrip("\n"), PATH)
    assert [str(p) for p in problems] == [message]
    assert problems[0].severity is Severity.ERROR
    assert len(glossary) == 0


ENTRY_PROBLEMS = [
    pytest.param(
        """
        Air Defense:
          term: air defense
          definition: d
        """,
        "glossary.yml:1:1: the term id 'Air Defense' is not valid: use lower-case letters, "
        "digits and hyphens, e.g. 'air-defense'",
        [],
        id="bad-id",
    ),
    pytest.param(
        """
        1984:
          term: "1984"
          definition: d
        """,
        "glossary.yml:1:1: the term id '1984' is not text: put it in quotes",
        [],
        id="id-not-text",
    ),
    pytest.param(
        """
        ok:
          term: ok
          definition: d
        drone: A flying machine.
        """,
        "glossary.yml:4:8: term 'drone' must be a mapping with `term:` and `definition:` "
        "indented under 'drone:'",
        ["ok"],
        id="entry-not-mapping",
    ),
    pytest.param(
        """
        ok:
          term: ok
          definition: d
        drone:
        """,
        "glossary.yml:4:1: term 'drone' must be a mapping with `term:` and `definition:` "
        "indented under 'drone:'",
        ["ok"],
        id="entry-empty",
    ),
    pytest.param(
        """
        ok:
          term: ok
          definition: d
        drone:
          definition: d
        """,
        "glossary.yml:4:1: term 'drone' has no term: add `term:` with the words as readers "
        "see them in briefs",
        ["ok"],
        id="term-missing",
    ),
    pytest.param(
        """
        drone:
          term:
          definition: d
        """,
        "glossary.yml:2:3: term 'drone' has no term: add `term:` with the words as readers "
        "see them in briefs",
        [],
        id="term-null",
    ),
    pytest.param(
        """
        drone:
          term: "  "
          definition: d
        """,
        "glossary.yml:2:9: term 'drone' has an empty `term:`: write the words as readers see "
        "them in briefs",
        [],
        id="term-empty",
    ),
    pytest.param(
        """
        drone:
          term: [drone, uav]
          definition: d
        """,
        "glossary.yml:2:9: term 'drone' has `term:` that is not text: write the words as "
        "readers see them in briefs, in quotes if it starts with [ or {",
        [],
        id="term-not-text",
    ),
    pytest.param(
        """
        drone:
          term: drone
        """,
        "glossary.yml:1:1: term 'drone' has no definition: add `definition:` with one "
        "sentence a reader can understand",
        [],
        id="definition-missing",
    ),
    pytest.param(
        """
        drone:
          term: drone
          definition: ""
        """,
        "glossary.yml:3:15: term 'drone' has an empty definition: write one sentence a "
        "reader can understand",
        [],
        id="definition-empty",
    ),
    pytest.param(
        """
        drone:
          term: drone
          definition:
            - flies
        """,
        "glossary.yml:4:5: term 'drone' has a definition that is not text: write one "
        "sentence a reader can understand, in quotes if it starts with [ or {",
        [],
        id="definition-not-text",
    ),
    pytest.param(
        """
        drone:
          term: drone
          aliases: {uav: yes}
          definition: d
        """,
        "glossary.yml:3:12: term 'drone' has `aliases:` that is not a list: write "
        "aliases: [first, second]",
        ["drone"],
        id="aliases-not-list",
    ),
    pytest.param(
        """
        drone:
          term: drone
          aliases:
            - uav
            - [quadcopter]
          definition: d
        """,
        "glossary.yml:5:7: term 'drone' has an item in `aliases:` that is not text: write "
        "plain words, in quotes if needed",
        ["drone"],
        id="alias-not-text",
    ),
    pytest.param(
        """
        drone:
          term: drone
          definition: d
          see: 12.5.1
        """,
        "glossary.yml:4:8: term 'drone' has see: '12.5.1', which is not a term id in this "
        "glossary: fix the id or remove it",
        ["drone"],
        id="see-unknown-no-suggestion",
    ),
    pytest.param(
        """
        drone:
          term: drone
          definition: d
          see: [{uav: 1}]
        """,
        "glossary.yml:4:9: term 'drone' has an item in `see:` that is not text: write plain "
        "words, in quotes if needed",
        ["drone"],
        id="see-item-not-text",
    ),
    pytest.param(
        """
        drone:
          term: drone
          definition: d
          see: [drone]
        """,
        "glossary.yml:4:9: term 'drone' lists itself in `see:`: remove it",
        ["drone"],
        id="see-itself",
    ),
    pytest.param(
        """
        drone:
          term: drone
          aliases: ["(UAV)"]
          definition: d
        """,
        "glossary.yml:3:13: term 'drone' has the alias '(UAV)', which does not start with a "
        "letter or digit, so briefs cannot link it: reword it",
        ["drone"],
        id="alias-starts-with-punctuation",
    ),
]


@pytest.mark.parametrize(("text", "message", "kept"), ENTRY_PROBLEMS)
def test_entry_problem_is_a_warning_at_its_line(text: str, message: str, kept: list[str]) -> None:
    glossary, problems = load_glossary(textwrap.dedent(text).lstrip("\n"), PATH)
    assert str(problems[0]) == message
    assert all(p.severity is Severity.WARNING for p in problems)
    assert list(glossary.terms) == kept


def test_unknown_key_is_reported_and_the_entry_kept() -> None:
    glossary, problems = load(
        """
        drone:
          term: drone
          definition: d
          alias: [uav]
        """
    )
    assert problems == [
        "glossary.yml:4:3: term 'drone' has an unknown key 'alias' (did you mean "
        "'aliases'?): use term, aliases, definition or see"
    ]
    assert "drone" in glossary


def test_misspelt_definition_also_reports_the_missing_one() -> None:
    _, problems = load(
        """
        drone:
          term: drone
          defintion: d
        """
    )
    assert problems == [
        "glossary.yml:1:1: term 'drone' has no definition: add `definition:` with one "
        "sentence a reader can understand",
        "glossary.yml:3:3: term 'drone' has an unknown key 'defintion' (did you mean "
        "'definition'?): use term, aliases, definition or see",
    ]


def test_unknown_see_is_dropped_with_a_suggestion_and_the_term_kept() -> None:
    glossary, problems = load(
        """
        air-defense:
          term: air defense
          definition: d
          see:
            - intercepter
            - radar
        interceptor:
          term: interceptor
          definition: d
        """
    )
    assert problems == [
        "glossary.yml:5:7: term 'air-defense' has see: 'intercepter', which is not a term id "
        "in this glossary (did you mean 'interceptor'?): fix the id or remove it",
        "glossary.yml:6:7: term 'air-defense' has see: 'radar', which is not a term id "
        "in this glossary: fix the id or remove it",
    ]
    air = glossary.get("air-defense")
    assert air is not None
    assert air.see == ()


def test_see_of_a_skipped_entry_is_dropped_without_a_second_warning() -> None:
    glossary, problems = load(
        """
        drone:
          term: drone
          definition: d
          see: [uav]
        uav:
          term: UAV
          definition: ""
        """
    )
    # Only the cause is reported; the dangling reference follows from it.
    assert problems == [
        "glossary.yml:7:15: term 'uav' has an empty definition: write one sentence a reader "
        "can understand"
    ]
    drone = glossary.get("drone")
    assert drone is not None
    assert drone.see == ()


DUPLICATES = """
drone:
  term: drone
  aliases: [drones, quadcopter]
  definition: d
uav:
  term: UAV
  aliases:
    - unmanned aerial vehicle
    - Drones
  definition: d
"""


def test_alias_claimed_by_two_terms_names_both_and_stays_on_the_first() -> None:
    glossary, problems = load(DUPLICATES)
    assert problems == [
        "glossary.yml:9:7: the alias 'Drones' is claimed by both 'drone' (line 3) and "
        "'uav' (line 9): keep it on one term"
    ]
    drone, uav = glossary.get("drone"), glossary.get("uav")
    assert drone is not None
    assert uav is not None
    assert drone.aliases == ("drones", "quadcopter")
    assert uav.aliases == ("unmanned aerial vehicle",)
    assert found(TermMatcher(glossary), "Drones") == [("Drones", "drone")]


def test_term_text_claimed_by_two_terms_keeps_both_terms() -> None:
    glossary, problems = load(
        """
        missile:
          term: missile
          definition: d
        rocket:
          term: rocket
          aliases: [Missile]
          definition: d
        missile-2:
          term: "missile"
          definition: d
        """
    )
    assert problems == [
        "glossary.yml:6:13: the alias 'Missile' is claimed by both 'missile' (line 2) and "
        "'rocket' (line 6): keep it on one term",
        "glossary.yml:9:9: the term 'missile' is claimed by both 'missile' (line 2) and "
        "'missile-2' (line 9): keep it on one term",
    ]
    # The later term stays (it can be linked with `see:`), but the text links to the first.
    assert "missile-2" in glossary
    assert found(TermMatcher(glossary), "a missile") == [("missile", "missile")]


def test_alias_repeating_its_own_term_is_dropped_quietly() -> None:
    glossary, problems = load(
        """
        drone:
          term: drone
          aliases: [Drone, uav, UAV]
          definition: d
        """
    )
    assert problems == []
    drone = glossary.get("drone")
    assert drone is not None
    assert drone.aliases == ("uav",)


def test_duplicates_ignore_spacing_and_case() -> None:
    _, problems = load(
        """
        air-defense:
          term: air defense
          definition: d
        defense:
          term: defense
          aliases: ["Air   Defense"]
          definition: d
        """
    )
    assert problems == [
        "glossary.yml:6:13: the alias 'Air   Defense' is claimed by both 'air-defense' "
        "(line 2) and 'defense' (line 6): keep it on one term"
    ]


def test_problems_come_in_file_order() -> None:
    _, problems = load(
        """
        a:
          term: a
          definition: d
          see: [zz]
        Bad:
          term: b
          definition: d
        c:
          term: c
          colour: red
          definition: ""
        """
    )
    lines = [int(p.split(":")[1]) for p in problems]
    assert lines == [4, 5, 10, 11]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab: -[]{}\n\"'#&*!|>?,%@`\t\\é")), max_size=80))
def test_loading_never_raises(text: str) -> None:
    glossary, problems = load_glossary(text, PATH)
    assert isinstance(glossary, Glossary)
    assert all(p.location.path == PATH for p in problems)


# --- did_you_mean ----------------------------------------------------------------


def test_did_you_mean() -> None:
    assert did_you_mean("intercepter", ["drone", "interceptor"]) == (
        " (did you mean 'interceptor'?)"
    )
    assert did_you_mean("radar", ["drone", "interceptor"]) == ""
    assert did_you_mean("drone", ["drone"]) == ""  # never suggests the word itself
    assert did_you_mean("x", []) == ""


# --- Matching ------------------------------------------------------------------

DRONE = TermMatcher(make(("drone", "drone")))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a drone flew", ["drone"]),
        ("androne", []),
        ("drones-ish", []),  # one hyphenated word, not "drones"
        ("dronely", []),
        ("drone-based", []),
        ("anti-drone", []),
        ("drone_x", []),
        ("x_drone", []),
        ("drone2", []),
        ("2drone", []),
        ("drone's", []),  # an apostrophe inside a word makes it another word
        ("drones' wings", ["drones"]),
        ("weapons--drones", ["drones"]),  # a double hyphen is a dash, not a join
        ("drone- and missile-makers", ["drone"]),
        ("-drone", ["drone"]),
    ],
)
def test_whole_words_only(text: str, expected: list[str]) -> None:
    assert [surface for surface, _ in found(DRONE, text)] == expected


def test_case_insensitive() -> None:
    assert found(DRONE, "Drone, DRONE and dRoNeS") == [
        ("Drone", "drone"),
        ("DRONE", "drone"),
        ("dRoNeS", "drone"),
    ]


def test_all_capitals_forms_match_only_in_capitals() -> None:
    matcher = TermMatcher(make(("nato", "NATO"), ("us", "U.S."), ("icbm", "ICBM")))
    text = "NATO, nato, Nato, NATOs; the U.S. and the u.s. and US; ICBMs but not icbms"
    assert found(matcher, text) == [
        ("NATO", "nato"),
        ("NATOs", "nato"),
        ("U.S.", "us"),
        ("ICBMs", "icbm"),
    ]


def test_capitals_rule_needs_two_letters_or_a_lone_capital() -> None:
    # "F-16" has one letter among digits, so it is not an all-capitals form: any case
    # matches. A lone capital ("X", the platform) matches only as that capital word.
    matcher = TermMatcher(make(("f-16", "F-16"), ("x", "X")))
    assert found(matcher, "an f-16 and an F-16s and x, 3 x 4, X-ray, on X.") == [
        ("f-16", "f-16"),
        ("F-16s", "f-16"),
        ("X", "x"),
    ]


def test_all_capitals_alias_of_a_lower_case_term() -> None:
    matcher = TermMatcher(make(("drone", "drone", ["UAV"])))
    assert found(matcher, "a Drone, a UAV, a uav") == [("Drone", "drone"), ("UAV", "drone")]


def test_aliases() -> None:
    matcher = TermMatcher(
        make(("air-defense", "air defense", ["air-defense systems", "AD"]), ("drone", "drone"))
    )
    text = "air-defense systems and AD and air defense and ad"
    assert found(matcher, text) == [
        ("air-defense systems", "air-defense"),
        ("AD", "air-defense"),
        ("air defense", "air-defense"),
    ]


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("interceptor", "interceptors"),
        ("bus", "buses"),
        ("battery", "batteries"),
        ("battery", "BATTERIES"),
        ("missile defense", "missile defenses"),
        ("missile battery", "missile batteries"),
        ("air-defense", "air-defenses"),
        ("ICBM", "ICBMs"),
    ],
)
def test_plurals(term: str, text: str) -> None:
    matcher = TermMatcher(make(("t", term)))
    assert found(matcher, f"two {text}.") == [(text, "t")]


@pytest.mark.parametrize(
    "text", ["missiles defense", "batteryies", "batteris", "interceptorss", "interceptorses"]
)
def test_plurals_only_on_the_last_word_and_only_one_suffix(text: str) -> None:
    matcher = TermMatcher(make(("a", "missile defense"), ("b", "battery"), ("c", "interceptor")))
    assert found(matcher, text) == []


def test_written_form_beats_another_terms_plural() -> None:
    matcher = TermMatcher(make(("arm", "arm"), ("arms", "arms")))
    assert found(matcher, "an arm, arms") == [("arm", "arm"), ("arms", "arms")]


def test_longest_match_wins() -> None:
    matcher = TermMatcher(make(("missile", "missile"), ("ballistic-missile", "ballistic missile")))
    assert found(matcher, "a ballistic missile, a missile, ballistic missiles") == [
        ("ballistic missile", "ballistic-missile"),
        ("missile", "missile"),
        ("ballistic missiles", "ballistic-missile"),
    ]


def test_longer_path_that_does_not_end_on_a_term_falls_back() -> None:
    matcher = TermMatcher(
        make(("ad", "air defense"), ("ads", "air defense system"), ("s", "system"))
    )
    assert found(matcher, "air defense systemic; air defense systems") == [
        ("air defense", "ad"),
        ("air defense systems", "ads"),
    ]


def test_leftmost_match_first_and_no_overlap() -> None:
    matcher = TermMatcher(
        make(("bm", "ballistic missile"), ("md", "missile defense"), ("d", "defense"))
    )
    assert found(matcher, "ballistic missile defense") == [
        ("ballistic missile", "bm"),
        ("defense", "d"),
    ]
    assert found(matcher, "the missile defense") == [("missile defense", "md")]


def test_multi_word_terms_match_across_any_whitespace() -> None:
    matcher = TermMatcher(make(("ad", "air defense")))
    text = "air\ndefense, air  \n\t defense, air\u00a0defense"
    assert found(matcher, text) == [
        ("air\ndefense", "ad"),
        ("air  \n\t defense", "ad"),
        ("air\u00a0defense", "ad"),
    ]


@pytest.mark.parametrize("text", ["air, defense", "air-defense", "air. Defense", "airdefense"])
def test_multi_word_terms_need_whitespace_between_words(text: str) -> None:
    assert found(TermMatcher(make(("ad", "air defense"))), text) == []


def test_hyphenated_term_is_one_word() -> None:
    matcher = TermMatcher(make(("ad", "air-defense")))
    assert found(matcher, "air-defense, air defense, Air-Defense") == [
        ("air-defense", "ad"),
        ("Air-Defense", "ad"),
    ]


def test_punctuation_around_words() -> None:
    text = "\"drone\", (drone). drone! drone? drone; drone: «drone» —drone— [drone]… 'drone'"
    assert found(DRONE, text) == [("drone", "drone")] * 10


def test_punctuation_inside_a_form_is_required() -> None:
    matcher = TermMatcher(make(("us", "U.S."), ("sj", "Smith, John")))
    text = "U.S.-led, U.S, U.S. Smith, John and Smith John and smith,\njohn."
    assert found(matcher, text) == [
        ("U.S.", "us"),
        ("Smith, John", "sj"),
        ("smith,\njohn", "sj"),
    ]


def test_offsets_point_at_the_surface_text() -> None:
    matcher = TermMatcher(make(("ad", "air defense"), ("nato", "NATO")))
    text = "Both NATO's and NATO air\n defenses."
    matches = matcher.find(text)
    assert matches == [TermMatch(16, 20, "nato"), TermMatch(21, 34, "ad")]
    assert [text[m.start : m.end] for m in matches] == ["NATO", "air\n defenses"]


def test_unicode_letters() -> None:
    matcher = TermMatcher(
        make(("zurich", "Zürich"), ("strasse", "Straße"), ("drone-ru", "дрон"), ("cafe", "café"))
    )
    text = "ZÜRICH, Zürichsee, STRASSE, Дрон, дронов, xcafé, cafe\u0301, éZürich"
    assert found(matcher, text) == [
        ("ZÜRICH", "zurich"),
        ("STRASSE", "strasse"),
        ("Дрон", "drone-ru"),
        ("cafe\u0301", "cafe"),  # a decomposed accent is still part of the word
    ]


def test_first_term_keeps_a_form_given_twice() -> None:
    matcher = TermMatcher(make(("a", "drone"), ("b", "Drone"), ("c", "uav", ["drone"])))
    assert found(matcher, "drone") == [("drone", "a")]


def test_nothing_to_find() -> None:
    assert DRONE.find("") == []
    assert DRONE.find("  \n ") == []
    assert TermMatcher(Glossary.empty()).find("drone") == []


WORDS = ["air", "defense", "drone", "Drones", "NATO", "nato", "ballistic", "missile", "x"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", "\n", ", ", "-", "_", ". "])),
        max_size=30,
    )
)
def test_matches_are_ordered_disjoint_and_exact(parts: list[tuple[str, str]]) -> None:
    matcher = TermMatcher(
        make(
            ("ad", "air defense"),
            ("drone", "drone"),
            ("nato", "NATO"),
            ("bm", "ballistic missile"),
            ("m", "missile"),
        )
    )
    text = "".join(word + sep for word, sep in parts)
    surfaces = {"ad": "air defense", "drone": "drone", "bm": "ballistic missile", "m": "missile"}
    end = 0
    for match in matcher.find(text):
        assert end <= match.start < match.end <= len(text)
        end = match.end
        surface = " ".join(text[match.start : match.end].split())
        if match.term_id == "nato":
            assert surface in ("NATO", "NATOs")
        else:
            assert surface.lower().rstrip("s") == surfaces[match.term_id]


def test_five_thousand_terms() -> None:
    rng = random.Random(5000)
    syllables = [c + v for c in "bdfgklmnprtvz" for v in "aeiou"]
    words: list[str] = []
    seen: set[str] = set()
    while len(words) < 7000:
        word = "".join(rng.choice(syllables) for _ in range(3))
        if word not in seen:
            seen.add(word)
            words.append(word)
    # 4,000 one-word terms (every 7th all capitals) and 1,000 two-word terms whose
    # first word is also a term, so the longest match has to win.
    forms: dict[str, str] = {}
    for i, word in enumerate(words[:4000]):
        forms[f"t{i}"] = word.upper() if i % 7 == 0 else word
    for i in range(1000):
        forms[f"p{i}"] = f"{words[i + 1]} {words[5000 + i]}"
    glossary = make(*forms.items())
    assert len(glossary) == 5000
    matcher = TermMatcher(glossary)

    # Filler words start with "q", which no generated word does.
    pieces: list[str] = []
    expected: list[TermMatch] = []
    position = 0
    word_count = 0
    while word_count < 400:
        term_id = rng.choice(list(forms))
        surface = forms[term_id]
        kind = rng.randrange(4)
        if kind == 1 and not surface.isupper():
            surface += "s"
        elif kind == 2 and surface.isupper():
            term_id, surface = "", surface.title()  # all capitals, written in title case
        elif kind == 2:
            surface = surface.title()
        elif kind == 3 and surface.isupper():
            term_id, surface = "", surface.lower()  # all capitals, written in lower case
        elif kind == 3:
            term_id, surface = "", surface.split()[-1] + "x"  # not a term
        filler = f"q{word_count}, "
        pieces.append(filler)
        position += len(filler)
        if term_id:
            expected.append(TermMatch(position, position + len(surface), term_id))
        pieces.append(surface + ".\n")
        position += len(surface) + 2
        word_count += 1 + len(surface.split())
    text = "".join(pieces)

    assert len(expected) > 100
    assert matcher.find(text) == expected
