"""The site glossary: loading and checking the YAML file, and finding terms in text.

The glossary is one YAML mapping of term id -> entry (`term`, `aliases`,
`definition`, `see`). Loading never raises: every problem is reported at its
`file:line:col` and the entry is skipped or repaired. `TermMatcher` is built
once per build and finds terms in text with a word-level trie, so its cost per
call depends on the text, not on the size of the glossary.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import groupby
from operator import itemgetter
from typing import Any, NamedTuple

from mkdocs_briefs.core.ids import ID_PATTERN, slugify
from mkdocs_briefs.core.problems import Location, Problem, Problems
from mkdocs_briefs.core.records import quick_pickle
from mkdocs_briefs.core.source.mojibake import check_mojibake
from mkdocs_briefs.core.source.yamlsource import (
    HalfCharacter,
    Pos,
    PosDict,
    PosList,
    YamlError,
    half_character_message,
    load_yaml,
)
from mkdocs_briefs.core.suggest import did_you_mean

__all__ = [
    "ID_PATTERN",
    "Glossary",
    "GlossaryTerm",
    "LoadedGlossary",
    "TermMatch",
    "TermMatcher",
    "load_glossary",
]

KNOWN_KEYS = ("term", "aliases", "definition", "see")


# --- Model -------------------------------------------------------------------


@quick_pickle
@dataclass(frozen=True, slots=True)
class GlossaryTerm:
    id: str
    term: str  # the words as readers see them, e.g. "air defense"
    aliases: tuple[str, ...]
    definition: str  # inline Markdown source; rendered elsewhere
    see: tuple[str, ...]  # ids of other terms, all known to the glossary
    location: Location  # where the id is written


@quick_pickle
@dataclass(frozen=True, slots=True)
class Glossary:
    path: str
    terms: dict[str, GlossaryTerm] = field(default_factory=dict)  # in file order
    # Definitions as brief pages show them, by (term id, where links lead): made once for
    # all the pages at the same depth (render/definition.py).
    rendered: dict[tuple[str, Any], str] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def empty(cls, path: str = "") -> Glossary:
        return cls(path, {})

    def get(self, term_id: str) -> GlossaryTerm | None:
        return self.terms.get(term_id)

    def sorted_terms(self) -> list[GlossaryTerm]:
        """A-Z by the visible term, ignoring case; the id breaks ties so the order is stable."""
        return sorted(self.terms.values(), key=lambda t: (t.term.casefold(), t.id))

    def __len__(self) -> int:
        return len(self.terms)

    def __contains__(self, term_id: object) -> bool:
        return term_id in self.terms

    def __iter__(self) -> Iterator[GlossaryTerm]:
        return iter(self.terms.values())


@quick_pickle
@dataclass(frozen=True, slots=True)
class LoadedGlossary:
    """A glossary file's terms and every problem found in them."""

    glossary: Glossary
    problems: tuple[Problem, ...]


# --- Words and surface forms (shared by the loader and the matcher) ------------

# A word is a run of letters, digits, underscores and combining marks (so a
# decomposed accent stays inside its word), joined by hyphens, apostrophes or
# periods between two runs: "air-defense", "Iran's", "U.S", "3.5" are single
# words. Underscores are inside words because a match may not touch one anyway,
# and a positive character class tokenises much faster than an alternation.
_RUN = r"[\w\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+"
_JOIN = r"['\u2019.\-\u2010\u2011]"
_WORD = re.compile(rf"{_RUN}(?:{_JOIN}{_RUN})*")
_SPACES = re.compile(r"\s+")
_HYPHENS = "-\u2010\u2011"

# Plain text: ASCII, plus common punctuation and spaces (curly quotes, dashes, ellipsis,
# no-break spaces) that no case mapping or normalisation changes and that are not letters.
# Lowering plain text keeps every word where it was, and a lowered word is its normalised
# form, so plain text is searched without normalising word by word.
PLAIN_PUNCTUATION = "\u00a0\u00ab\u00b7\u00bb\u2002-\u200a\u2010-\u2027\u202f\u2030-\u203a"
_NOT_PLAIN = re.compile(f"[^\x00-\x7f{PLAIN_PUNCTUATION}]")
# How a word of lowered plain text starts; no normalised word that starts otherwise can
# occur in it.
_PLAIN_RUN = re.compile(r"[a-z0-9_]+")
_HEAD = 4  # letters the candidate regex checks: more make it bigger, not faster


def _norm_word(word: str) -> str:
    # ASCII is the common case; NFC only matters when accents may be decomposed.
    return word.lower() if word.isascii() else unicodedata.normalize("NFC", word).casefold()


def _norm_gap(gap: str) -> str:
    # Any run of whitespace (including a newline) between words counts as one space.
    return gap if gap == " " else _SPACES.sub(" ", gap)


def _exact(word: str) -> str:
    return word if word.isascii() else unicodedata.normalize("NFC", word)


class _Form(NamedTuple):
    """A term or alias as the matcher sees it."""

    words: tuple[str, ...]  # as written (NFC), for the all-capitals check
    edges: tuple[str, ...]  # trie keys: first word, then gap + word, normalised
    tail: str  # punctuation written after the last word, e.g. the final '.' of "U.S."
    caps: bool  # all-capitals (e.g. "NATO", or a lone capital "X"): matches only in capitals

    @property
    def key(self) -> tuple[tuple[str, ...], str]:
        """Two forms with the same key are the same text, ignoring case and spacing."""
        return self.edges, self.tail


# Terms are a few words long. The matcher follows a form word by word from each word
# that starts one, so a form of 1,000 words made a long brief take a thousand steps
# per word: longer forms are reported, and linked only explicitly.
MAX_FORM_WORDS = 12


@lru_cache(maxsize=65536)  # the loader and the matcher both read every term and alias
def _parse_form(text: str) -> _Form | None:
    """The form's words and gaps, or None if it does not start with a letter or digit."""
    text = unicodedata.normalize("NFC", text.strip())
    words: list[str] = []
    edges: list[str] = []
    end = 0
    for match in _WORD.finditer(text):
        if not words and (match.start() != 0 or not text[0].isalnum()):
            return None
        word = match.group()
        gap = _norm_gap(text[end : match.start()]) if words else ""
        words.append(word)
        edges.append(gap + _norm_word(word))
        end = match.end()
    if not words:
        return None
    letters = [c for c in text if c.isalpha()]
    # A lone capital letter ("X", the platform) is all-capitals too, or every "x" would
    # link; a form with one letter among digits ("F-16") still matches in any case.
    lone_capital = len(text) == 1 and text.isupper()
    caps = (len(letters) >= 2 or lone_capital) and all(c.isupper() for c in letters)
    return _Form(tuple(words), tuple(edges), text[end:], caps)


def _plurals(form: _Form) -> Iterator[tuple[tuple[str, ...], str]]:
    """(edges, exact stem of the last word) for the +s, +es and y->ies plurals."""
    if form.tail:  # "U.S." has no plural; the tail would sit inside it
        return
    *head, last = form.edges
    word = form.words[-1]
    yield (*head, last + "s"), word
    yield (*head, last + "es"), word
    if last.endswith("y"):
        yield (*head, last[:-1] + "ies"), word[:-1]


# --- Loading -----------------------------------------------------------------


@dataclass
class _Draft:
    """An entry that passed the per-entry checks, before cross-entry checks."""

    id: str
    location: Location
    term: str
    term_location: Location
    definition: str
    aliases: list[tuple[str, Location]]
    see: list[tuple[str, Location]]


def load_glossary(text: str, path: str) -> tuple[Glossary, list[Problem]]:
    """Read the glossary file; never raises. Problems are sorted by position."""
    problems = Problems()
    check_mojibake(text, path, problems)
    halves: list[HalfCharacter] = []
    try:
        data = load_yaml(text, halves)
    except YamlError as exc:
        problems.error(
            Location(path, exc.pos.line, exc.pos.col),
            f"{exc.message}: fix it (quote text that contains ': '); "
            "no glossary term is linked until the file loads",
        )
        return Glossary.empty(path), problems.items
    for half in halves:
        problems.warning(Location(path, half.pos.line, half.pos.col), half_character_message(half))
    if data is None:  # an empty file is an empty glossary, not a mistake
        return Glossary.empty(path), []
    if not isinstance(data, PosDict):
        pos = data.pos if isinstance(data, PosList) else Pos(1, 1)
        problems.error(
            Location(path, pos.line, pos.col),
            "the glossary must be a mapping of term ids to entries, e.g. `air-defense:` "
            "with `term:` and `definition:` indented under it",
        )
        return Glossary.empty(path), problems.items

    reader = _EntryReader(path, problems)
    drafts: list[_Draft] = []
    skipped: set[str] = set()  # valid ids whose entry was dropped (already reported)
    for key, value in data.items():
        draft = reader.entry(data, key, value)
        if draft is not None:
            drafts.append(draft)
        elif isinstance(key, str) and ID_PATTERN.match(key):
            skipped.add(key)

    aliases = _claim_forms(drafts, problems)
    ids = [draft.id for draft in drafts]
    known = set(ids)
    terms: dict[str, GlossaryTerm] = {}
    for draft in drafts:
        terms[draft.id] = GlossaryTerm(
            id=draft.id,
            term=draft.term,
            aliases=aliases[draft.id],
            definition=draft.definition,
            see=_resolve_see(draft, known, skipped, ids, problems),
            location=draft.location,
        )
    return Glossary(path, terms), sorted(problems.items, key=lambda p: p.location)


@dataclass
class _EntryReader:
    path: str
    problems: Problems

    def at(self, pos: Pos) -> Location:
        return Location(self.path, pos.line, pos.col)

    def value_at(self, mapping: PosDict, key: Any) -> Location:
        # An empty value's position is the end of its line; the key is easier to find.
        if mapping.get(key) is None:
            return self.at(mapping.key_pos.get(key, mapping.pos))
        return self.at(mapping.where(key))

    def entry(self, data: PosDict, key: Any, value: Any) -> _Draft | None:
        where = self.at(data.key_pos[key])
        if not isinstance(key, str):
            self.problems.warning(where, f"the term id '{key}' is not text: put it in quotes")
            return None
        if not ID_PATTERN.match(key):
            example = slugify(key)
            hint = f", e.g. '{example}'" if example else ""
            self.problems.warning(
                where,
                f"the term id '{key}' is not valid: use lower-case letters, digits and "
                f"hyphens{hint}",
            )
            return None
        if not isinstance(value, PosDict):
            self.problems.warning(
                self.value_at(data, key),
                f"term '{key}' must be a mapping with `term:` and `definition:` "
                f"indented under '{key}:'",
            )
            return None
        for name in value:
            if name not in KNOWN_KEYS:
                self.problems.warning(
                    self.at(value.key_pos[name]),
                    f"term '{key}' has an unknown key '{name}'"
                    f"{did_you_mean(str(name), KNOWN_KEYS)}: use term, aliases, definition or see",
                )
        term = self.text(value, "term", key, where, "the words as readers see them in briefs")
        definition = self.text(
            value, "definition", key, where, "one sentence a reader can understand"
        )
        aliases = self.text_list(value, "aliases", key)
        see = self.text_list(value, "see", key)
        if not term or not definition:
            return None
        return _Draft(key, where, term, self.at(value.where("term")), definition, aliases, see)

    def text(self, entry: PosDict, name: str, term_id: str, where: Location, what: str) -> str:
        """A required non-empty text value, or "" after reporting what to write."""
        label = "a definition" if name == "definition" else f"`{name}:`"
        value = entry.written.get(name, entry.get(name))  # `term: ON` is the word written
        if value is None:
            self.problems.warning(
                self.value_at(entry, name) if name in entry else where,
                f"term '{term_id}' has no {name}: add `{name}:` with {what}",
            )
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.problems.warning(
                self.value_at(entry, name),
                f"term '{term_id}' has {label} that is not text: write {what}, "
                "in quotes if it starts with [ or {",
            )
            return ""
        text = str(value).strip()
        if not text:
            empty = "an empty definition" if name == "definition" else f"an empty `{name}:`"
            self.problems.warning(
                self.value_at(entry, name), f"term '{term_id}' has {empty}: write {what}"
            )
        return text

    def text_list(self, entry: PosDict, name: str, term_id: str) -> list[tuple[str, Location]]:
        """A list of texts with their positions; a lone text counts as a list of one."""
        value = entry.get(name)
        if value is None:
            return []
        if isinstance(value, str):  # `see: interceptor` is unambiguous, as in front matter
            text = value.strip()
            return [(text, self.value_at(entry, name))] if text else []
        if not isinstance(value, PosList):
            self.problems.warning(
                self.value_at(entry, name),
                f"term '{term_id}' has `{name}:` that is not a list: write {name}: [first, second]",
            )
            return []
        items: list[tuple[str, Location]] = []
        for index, item in enumerate(value):
            item = value.written.get(index, item)
            if isinstance(item, bool) or not isinstance(item, str | int | float):
                self.problems.warning(
                    self.at(value.where(index)),
                    f"term '{term_id}' has an item in `{name}:` that is not text: "
                    "write plain words, in quotes if needed",
                )
            elif str(item).strip():
                items.append((str(item).strip(), self.at(value.where(index))))
        return items


def _claim_forms(drafts: list[_Draft], problems: Problems) -> dict[str, tuple[str, ...]]:
    """Give each term/alias text to the first term that claims it; return kept aliases."""
    claimed: dict[tuple[tuple[str, ...], str], tuple[str, int]] = {}
    kept: dict[str, tuple[str, ...]] = {}
    for draft in drafts:
        aliases: list[str] = []
        forms = [("term", draft.term, draft.term_location)]
        forms += [("alias", alias, where) for alias, where in draft.aliases]
        for kind, text, where in forms:
            form = _parse_form(text)
            if form is None:
                problems.warning(
                    where,
                    f"term '{draft.id}' has the {kind} '{text}', which does not start with a "
                    "letter or digit, so briefs cannot link it: reword it",
                )
                continue
            if len(form.words) > MAX_FORM_WORDS:
                shown = text if len(text) <= 60 else text[:57] + "..."
                problems.warning(
                    where,
                    f"term '{draft.id}' has the {kind} '{shown}', of {len(form.words)} words; "
                    f"briefs link forms of at most {MAX_FORM_WORDS} words: shorten it, or link "
                    f"it with [text](glossary:{draft.id})",
                )
                continue
            owner = claimed.get(form.key)
            if owner is None:
                claimed[form.key] = (draft.id, where.line)
                if kind == "alias":
                    aliases.append(text)
            elif owner[0] != draft.id:
                problems.warning(
                    where,
                    f"the {kind} '{text}' is claimed by both '{owner[0]}' (line {owner[1]}) "
                    f"and '{draft.id}' (line {where.line}): keep it on one term",
                )
            # else: the term repeats its own text (e.g. an alias equal to the term): drop it
        kept[draft.id] = tuple(aliases)
    return kept


def _resolve_see(
    draft: _Draft, known: set[str], skipped: set[str], ids: list[str], problems: Problems
) -> tuple[str, ...]:
    see: list[str] = []
    for ref, where in draft.see:
        if ref == draft.id:
            problems.warning(where, f"term '{draft.id}' lists itself in `see:`: remove it")
        elif ref in known:
            if ref not in see:
                see.append(ref)
        elif ref not in skipped:  # a skipped entry already has its own warning
            problems.warning(
                where,
                f"term '{draft.id}' has see: '{ref}', which is not a term id in this "
                f"glossary{did_you_mean(ref, ids)}: fix the id or remove it",
            )
    return tuple(see)


# --- Matching ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TermMatch:
    start: int  # character offsets into the text given to `find`
    end: int
    term_id: str


class _Candidate(NamedTuple):
    term_id: str
    tail: str
    caps: tuple[str, ...] | None  # exact words for all-capitals forms; the last is a prefix


class _Node:
    __slots__ = ("children", "ends", "only")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.ends: list[_Candidate] = []  # in priority order: written forms, then plurals
        # The term id when the only end is a form with no case or tail rule: the usual case.
        self.only: str | None = None


class TermMatcher:
    """Finds glossary terms in text: whole words, longest match first, left to right.

    Built once per build. `find` walks a trie of normalised words from each word
    that starts a form, so a 5,000-term glossary costs about what a 20-term one
    does. Most words start no form: in plain text one regex finds the words that
    do; other text is tokenised and each word normalised.
    """

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self._root = _Node()

    @cached_property
    def _waiting(self) -> dict[str, list[tuple[tuple[str, ...], _Candidate]]]:
        """The forms by first word, added to the trie when a text first has that word: a
        big glossary has many terms that a site's briefs never mention. Made on the first
        search: a build whose briefs all come from the cache searches nothing."""
        waiting: dict[str, list[tuple[tuple[str, ...], _Candidate]]] = {}

        def wait(edges: tuple[str, ...], candidate: _Candidate) -> None:
            # In the order given: among the forms of one node, the first added wins.
            waiting.setdefault(edges[0], []).append((edges, candidate))

        forms = [
            (term.id, form)
            for term in self.glossary
            for text in (term.term, *term.aliases)
            if (form := _parse_form(text)) is not None and len(form.words) <= MAX_FORM_WORDS
        ]
        # Written forms first, so "arms" (a term) beats the plural of "arm" (another term).
        owners: dict[tuple[tuple[str, ...], str], str] = {}
        for term_id, form in forms:
            if owners.setdefault(form.key, term_id) != term_id:
                continue  # the loader reported it; the first term keeps it
            caps = form.words if form.caps else None
            wait(form.edges, _Candidate(term_id, form.tail, caps))
        for term_id, form in forms:
            if owners[form.key] != term_id:
                continue
            for edges, stem in _plurals(form):
                caps = (*form.words[:-1], stem) if form.caps else None
                wait(edges, _Candidate(term_id, "", caps))
        return waiting

    def _first(self, word: str) -> _Node | None:
        """The trie node of a first word, built on first use; None if no form starts so."""
        node = self._root.children.get(word)
        if node is None and word in self._waiting:
            for edges, candidate in self._waiting.pop(word):
                self._add(edges, candidate)
            node = self._root.children[word]
        return node

    def _add(self, edges: tuple[str, ...], candidate: _Candidate) -> None:
        node = self._root
        for edge in edges:
            node = node.children.setdefault(edge, _Node())
        if candidate not in node.ends:
            node.ends.append(candidate)
        simple = len(node.ends) == 1 and not candidate.tail and candidate.caps is None
        node.only = candidate.term_id if simple else None

    @cached_property
    def _plain_starts(self) -> re.Pattern[str] | None:
        """Finds, in lowered plain text, the words that may start a form; None if none can.

        One regex scan skips most words that start no form: it finds the words that begin
        like one that does (the first letters, up to _HEAD of them), which are then looked
        up. A match is the character before a word, then the word, the gap and the word
        after it (if any) as its groups.
        """
        firsts = (_PLAIN_RUN.match(word) for word in (*self._root.children, *self._waiting))
        heads = sorted({first.group()[:_HEAD] for first in firsts if first is not None})
        if not heads:
            return None
        kept: list[str] = []  # "ai" finds every word that "air" would
        for head in heads:
            if not kept or not head.startswith(kept[-1]):
                kept.append(head)
        # A word starts after a character that is not a word character, unless it is a joiner
        # after a word character. Starting with that character (not a lookbehind) lets the
        # regex engine skip quickly to where a word may start. In lowered plain text the
        # word characters are exactly these:
        char, other = "[a-z0-9_]", "[^a-z0-9_]"
        word = rf"{char}+(?:{_JOIN}{char}+)*"
        return re.compile(
            rf"{other}(?<!{char}{_JOIN})((?:{_trie_regex(kept)}){char}*(?:{_JOIN}{char}+)*)"
            rf"(?=({other}*)({word}))?"
        )

    def find(self, text: str) -> list[TermMatch]:
        """Non-overlapping matches, left to right; the longest wins at each position."""
        return [TermMatch(start, end, term_id) for start, end, term_id in self.spans(text)]

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """`find` as (start, end, term id) tuples, which are quicker to make."""
        if not self._root.children and not self._waiting:
            return []
        if text.isascii() or _NOT_PLAIN.search(text) is None:
            return self._plain_spans(text)
        children, waiting = self._root.children, self._waiting
        matches: list[tuple[int, int, str]] = []
        covered = 0  # the end of the last match: words before it are inside it
        for word in _WORD.finditer(text):
            start = word.start()
            if start < covered:
                continue
            surface = word.group()  # _norm_word, without a call for the usual ASCII word
            key = surface.lower() if surface.isascii() else _norm_word(surface)
            node = children.get(key)
            if node is None and key in waiting:
                node = self._first(key)
            if node is None:
                continue
            path = [(node, word.end())]
            _follow(text, text, False, path)
            found = _deepest(text, start, path)
            if found is not None:
                matches.append(found)
                covered = found[1]
        return matches

    def _plain_spans(self, text: str) -> list[tuple[int, int, str]]:
        """`spans` of plain text, whose lowered words are normalised already."""
        starts = self._plain_starts
        if starts is None:
            return []
        lowered = text.lower()  # the same offsets as `text`
        children, waiting = self._root.children, self._waiting
        matches: list[tuple[int, int, str]] = []
        covered = 0
        # The space gives a first word a character before it; offsets there are one more.
        for word in starts.finditer(" " + lowered):
            start, end = word.span(1)
            start, end = start - 1, end - 1
            if start < covered:
                continue
            first, gap, norm = word.groups()  # the word, then the gap and word after it
            node = children.get(first)
            if node is None and first in waiting:
                node = self._first(first)
            if node is None:
                continue
            path = [(node, end)]
            if norm is not None and node.children:
                child = node.children.get((gap if gap == " " else _norm_gap(gap)) + norm)
                if child is not None:
                    path.append((child, end + len(gap) + len(norm)))
                    if child.children:
                        _follow(text, lowered, True, path)
            found = _deepest(text, start, path)
            if found is not None:
                matches.append(found)
                covered = found[1]
        return matches


def _follow(text: str, words_text: str, plain: bool, path: list[tuple[_Node, int]]) -> None:
    """Add to `path` the nodes the next words of the text reach in the trie.

    `path` holds (node, end of its word) from the first word on. Words are found in
    `words_text`: `text`, or lowered plain text (`plain`), with the same offsets.
    """
    node, end = path[-1]
    while node.children:
        word = _WORD.search(words_text, end)
        if word is None:
            return
        norm = word.group() if plain else _norm_word(word.group())
        gap = text[end : word.start()]
        node = node.children.get((gap if gap == " " else _norm_gap(gap)) + norm)
        if node is None:
            return
        end = word.end()
        path.append((node, end))


def _deepest(text: str, start: int, path: list[tuple[_Node, int]]) -> tuple[int, int, str] | None:
    """The match of the deepest node on `path` that has a form passing its rules."""
    for node, end in reversed(path):
        if node.only is not None:
            return start, end, node.only
        if node.ends:
            found = _pick(node.ends, text, start, end)
            if found is not None:
                return found
    return None


def _pick(
    candidates: list[_Candidate], text: str, start: int, end: int
) -> tuple[int, int, str] | None:
    """The candidate ending furthest that passes the case, tail and boundary rules.

    The candidates are forms whose words are the text's from `start` to `end`.
    """
    best: _Candidate | None = None
    best_end = -1
    for candidate in candidates:
        stop = end
        if candidate.tail:
            if not text.startswith(candidate.tail, stop):
                continue
            stop += len(candidate.tail)
            # Only after a tail: a word itself ends where the text no longer goes on.
            if _joined_after(text, stop):
                continue
        if candidate.caps is not None and not _caps_match(candidate.caps, text, start):
            continue
        if stop > best_end:
            best, best_end = candidate, stop
    return (start, best_end, best.term_id) if best else None


def _caps_match(words: tuple[str, ...], text: str, start: int) -> bool:
    """True if the text's words from `start` are `words` exactly; the last is a prefix."""
    # Case-insensitive equality was checked by the trie; here the capitals must be exact.
    *head, last = words
    tokens = _WORD.finditer(text, start)
    for word, token in zip(head, tokens, strict=False):  # leaves the last word in `tokens`
        if _exact(token.group()) != word:
            return False
    return _exact(next(tokens).group()).startswith(last)


def _trie_regex(words: list[str]) -> str:
    """A regex for `words` (sorted, none the start of another) that shares their prefixes.

    The regex engine then rejects most positions at the first character; a plain
    alternation of hundreds of words would try each one.
    """
    parts = []
    for first, group in groupby(words, key=itemgetter(0)):
        rests = [word[1:] for word in group]
        parts.append(re.escape(first) + (_trie_regex(rests) if rests != [""] else ""))
    return parts[0] if len(parts) == 1 else f"(?:{'|'.join(parts)})"


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _joined_after(text: str, end: int) -> bool:
    """True if the text at `end` continues the word: a letter, digit, _ or hyphen + word."""
    if end >= len(text):
        return False
    char = text[end]
    if _is_word_char(char):
        return True
    return char in _HYPHENS and end + 1 < len(text) and _is_word_char(text[end + 1])
