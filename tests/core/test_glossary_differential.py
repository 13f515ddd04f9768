"""The term matcher against a slow reference that follows the matching rules literally.

The matcher takes shortcuts (a trie, a regex that finds only the words starting a
form, lowered plain text); the reference tries every form at every word of the text.
Hypothesis writes glossaries and texts from words that share prefixes, in every case,
joined by hyphens, apostrophes, underscores, newlines, accents (composed and
decomposed) and punctuation, so both the plain-text path and the general one run.
"""

from __future__ import annotations

import re
import unicodedata

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mkdocs_briefs.core.glossary.terms import (
    PLAIN_PUNCTUATION,
    Glossary,
    GlossaryTerm,
    TermMatch,
    TermMatcher,
    _parse_form,
    _plurals,
)
from mkdocs_briefs.core.problems import Location

# The word rule, restated: letters, digits, _ and combining marks, joined by one
# apostrophe, period or hyphen between two such runs.
RUN = r"[\w\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+"
WORD = re.compile(rf"{RUN}(?:['\u2019.\-\u2010\u2011]{RUN})*")
HYPHENS = "-\u2010\u2011"


def norm(word: str) -> str:
    return unicodedata.normalize("NFC", word).casefold()


def word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def joined_before(text: str, start: int) -> bool:
    if start == 0:
        return False
    if word_char(text[start - 1]):
        return True
    return text[start - 1] in HYPHENS and start >= 2 and word_char(text[start - 2])


def joined_after(text: str, end: int) -> bool:
    if end >= len(text):
        return False
    if word_char(text[end]):
        return True
    return text[end] in HYPHENS and end + 1 < len(text) and word_char(text[end + 1])


def reference_forms(glossary: Glossary) -> list[tuple[tuple[str, ...], str, tuple | None, str]]:
    """(edges, tail, exact words if all capitals, term id): written forms, then plurals."""
    parsed = [
        (term.id, form)
        for term in glossary
        for text in (term.term, *term.aliases)
        if (form := _parse_form(text)) is not None
    ]
    owners: dict = {}
    kept = [(i, f) for i, f in parsed if owners.setdefault(f.key, i) == i]
    forms = [(f.edges, f.tail, f.words if f.caps else None, i) for i, f in kept]
    for term_id, form in kept:
        for edges, stem in _plurals(form):
            caps = (*form.words[:-1], stem) if form.caps else None
            forms.append((edges, "", caps, term_id))
    return forms


def reference_find(glossary: Glossary, text: str) -> list[TermMatch]:
    """At each word left to right, the form ending furthest (the first on a tie)."""
    forms = reference_forms(glossary)
    tokens = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]
    matches: list[TermMatch] = []
    i = 0
    while i < len(tokens):
        best: tuple[int, str] | None = None
        for edges, tail, caps, term_id in forms:
            end = _form_end(text, tokens, i, edges, tail, caps)
            if end is not None and (best is None or end > best[0]):
                best = (end, term_id)
        if best is None:
            i += 1
            continue
        matches.append(TermMatch(tokens[i][0], best[0], best[1]))
        while i < len(tokens) and tokens[i][0] < best[0]:
            i += 1
    return matches


def _form_end(
    text: str,
    tokens: list[tuple[int, int, str]],
    first: int,
    edges: tuple[str, ...],
    tail: str,
    caps: tuple[str, ...] | None,
) -> int | None:
    """Where the form ends if it is written at token `first`, else None."""
    words = tokens[first : first + len(edges)]
    if len(words) < len(edges):
        return None
    for index, (start, _, word) in enumerate(words):
        gap = "" if index == 0 else re.sub(r"\s+", " ", text[words[index - 1][1] : start])
        if gap + norm(word) != edges[index]:
            return None
    if caps is not None:
        exact = [unicodedata.normalize("NFC", word) for _, _, word in words]
        if exact[:-1] != list(caps[:-1]) or not exact[-1].startswith(caps[-1]):
            return None
    end = words[-1][1]
    if tail:
        if not text.startswith(tail, end):
            return None
        end += len(tail)
    if joined_before(text, words[0][0]) or joined_after(text, end):
        return None
    return end


def glossary_of(forms: list[list[str]]) -> Glossary:
    terms = {}
    for index, (term, *aliases) in enumerate(forms):
        term_id = f"t{index}"
        terms[term_id] = GlossaryTerm(
            term_id, term, tuple(aliases), "About it.", (), Location("g.yml", index + 1, 1)
        )
    return Glossary("g.yml", terms)


# Words that share prefixes and plural endings, with capitals and accents.
STEMS = ["air", "airs", "ai", "defense", "battery", "batteries", "bus", "drone", "x", "us"]
STEMS += ["NATO", "Nato", "U.S", "café", "cafe\u0301", "Straße", "strasse", "zürich", "ZÜRICH"]
STEMS += ["air-defense", "air\u2011defense", "Iran's", "Iran\u2019s", "x_ray", "f-16", "F-16"]
FORM_GAPS = [" ", " ", ", ", "-"]
TEXT_GAPS = [" ", "  ", "\n", " \n\t", "\u00a0", ", ", ". ", "-", "--", "_", "'", "\u2019 "]
TEXT_GAPS += ["\u2014", "\u201c", "\u201d ", " (", ") ", "\u2026 ", "\u00e9", "e\u0301 ", "s "]
TAILS = ["", "", "", "."]


@st.composite
def forms(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(STEMS), min_size=1, max_size=3))
    text = words[0]
    for word in words[1:]:
        text += draw(st.sampled_from(FORM_GAPS)) + word
    return text + draw(st.sampled_from(TAILS))


def plain(text: str) -> bool:
    return re.fullmatch(f"[\\x00-\\x7f{PLAIN_PUNCTUATION}]*", text) is not None


@st.composite
def texts(draw: st.DrawFn, pieces: list[str]) -> str:
    # Half the texts are plain (ASCII and common punctuation), which is searched another way.
    keep = plain if draw(st.booleans()) else (lambda _: True)
    words = [w for w in [*pieces, *STEMS, *map(str.upper, STEMS)] if keep(w)] or ["x"]
    gaps = [gap for gap in TEXT_GAPS if keep(gap)]
    parts = draw(st.lists(st.tuples(st.sampled_from(words), st.sampled_from(gaps)), max_size=12))
    first = draw(st.sampled_from([p for p in ["", "-", "'", "_", "x-", "é"] if keep(p)]))
    return first + "".join(word + gap for word, gap in parts)


@st.composite
def cases(draw: st.DrawFn) -> tuple[Glossary, str]:
    entries = draw(st.lists(st.lists(forms(), min_size=1, max_size=3), min_size=1, max_size=6))
    pieces = [form for entry in entries for form in entry]
    # Term text as written, and cased or pluralised the ways the rules allow.
    pieces += [case(form) for form in pieces for case in (str.upper, str.lower, str.title)]
    pieces += [form + "s" for form in pieces]
    return glossary_of(entries), draw(texts(pieces))


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
@example((glossary_of([["U.S."], ["air defense"]]), "the U.S.-led air\ndefense, U.S. air defense"))
@example((glossary_of([["café", "cafe\u0301"]]), "Cafe\u0301s, CAFÉ, caféx, x-café"))
@example((glossary_of([["Iran\u2019s"], ["x"]]), "\u201cIran\u2019s\u201d X \u2014 x_x X-ray"))
@example((glossary_of([["air"], ["ray"]]), "x-air x'air air. x.air x\u2011air _air X-ray"))
def test_matcher_agrees_with_the_reference(case: tuple[Glossary, str]) -> None:
    glossary, text = case
    assert TermMatcher(glossary).find(text) == reference_find(glossary, text)


def test_the_reference_can_tell_a_wrong_match() -> None:
    # The differential test is only as good as its reference: it must see the rules.
    glossary = glossary_of([["air defense"], ["NATO"], ["U.S."]])
    assert reference_find(glossary, "air  defenses, NATOs, nato, U.S.-led, U.S.") == [
        TermMatch(0, 13, "t0"),  # "air  defenses"
        TermMatch(15, 20, "t1"),  # "NATOs"; not "nato", nor "U.S." before "-led"
        TermMatch(38, 42, "t2"),
    ]


def test_plain_punctuation_needs_no_normalising() -> None:
    # Plain text is lowered whole instead of normalised word by word: that is only the
    # same if these characters are never part of a word and no case mapping or
    # normalisation changes them.
    chars = [
        chr(code)
        for code in range(0x80, 0x2100)
        if re.fullmatch(f"[{PLAIN_PUNCTUATION}]", chr(code))
    ]
    assert "\u2019" in chars and "\u2014" in chars and "\u00a0" in chars
    for char in chars:
        assert not WORD.fullmatch(char), hex(ord(char))
        assert char.lower() == char.casefold() == char, hex(ord(char))
        assert unicodedata.normalize("NFC", char) == char, hex(ord(char))
