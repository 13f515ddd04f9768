"""A synthetic site glossary: term ids, terms, aliases and definitions.

The first 500 terms are the ones briefs use; larger glossaries add made-up
terms after them, and smaller ones keep a prefix, so every size is valid on
its own (a `see:` only points to an earlier term).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .vocab import ACRONYMS, DEFINITIONS, SYLLABLES, TERM_HEADS, TERM_MODIFIERS
from .yamltext import flow_list, scalar

CORE_TERMS = 500


@dataclass(frozen=True)
class TermSpec:
    id: str
    term: str
    aliases: tuple[str, ...]
    definition: str
    see: tuple[str, ...]

    @property
    def caps(self) -> bool:
        return self.term.isupper()


def plural(word_group: str) -> str:
    """The simple plural the glossary matcher also recognises."""
    if word_group.endswith("y"):
        return word_group[:-1] + "ies"
    if word_group.endswith(("s", "x")):
        return word_group + "es"
    return word_group + "s"


def make_glossary(size: int, seed: int = 8, core: int | None = None) -> list[TermSpec]:
    """`size` terms: the shared core first (briefs use it), then invented extras.

    `core` keeps only that many core terms and fills up with extras, which no
    brief mentions: glossaries of different sizes then link the same words.
    """
    rng = random.Random(seed)
    terms = _core_terms(rng)
    if core is not None:
        terms = terms[: min(core, size)]
    if size > len(terms):
        terms += _extra_terms(rng, size - len(terms), {t.id for t in terms})
    return terms[:size]


def _core_terms(rng: random.Random) -> list[TermSpec]:
    pairs = [(m, h) for m in TERM_MODIFIERS for h in TERM_HEADS]
    chosen = rng.sample(pairs, CORE_TERMS - len(ACRONYMS))
    specs: list[TermSpec] = []
    for index, (modifier, head) in enumerate(chosen):
        aliases: tuple[str, ...] = ()
        if rng.random() < 0.35:
            aliases = (f"{modifier}-{head}",)
        if rng.random() < 0.15:
            aliases += (f"{modifier} {head} plan",)
        definition = rng.choice(DEFINITIONS).format(modifier=modifier, head=head)
        see = _see(rng, specs, index)
        specs.append(TermSpec(f"{modifier}-{head}", f"{modifier} {head}", aliases, definition, see))
    for acronym in ACRONYMS:
        modifier = rng.choice(TERM_MODIFIERS)
        definition = (
            f"An intergovernmental body, known by its initials {acronym}, "
            f"that coordinates {modifier} policy among its members."
        )
        specs.append(TermSpec(acronym.lower(), acronym, (), definition, ()))
    rng.shuffle(specs)
    return _with_see_backwards(specs)


def _see(rng: random.Random, earlier: list[TermSpec], index: int) -> tuple[str, ...]:
    if index == 0 or rng.random() > 0.2:
        return ()
    return (rng.choice(earlier).id,)


def _with_see_backwards(specs: list[TermSpec]) -> list[TermSpec]:
    """After shuffling, keep a `see:` only when it points to an earlier term."""
    seen: set[str] = set()
    result: list[TermSpec] = []
    for spec in specs:
        see = tuple(ref for ref in spec.see if ref in seen)
        result.append(TermSpec(spec.id, spec.term, spec.aliases, spec.definition, see))
        seen.add(spec.id)
    return result


def _extra_terms(rng: random.Random, count: int, taken: set[str]) -> list[TermSpec]:
    extras: list[TermSpec] = []
    while len(extras) < count:
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        head = rng.choice(TERM_HEADS)
        term_id = f"{name.lower()}-{head}"
        if term_id in taken:
            continue
        taken.add(term_id)
        definition = f"The {head} named after {name}, used in reporting on regional policy."
        extras.append(TermSpec(term_id, f"{name} {head}", (), definition, ()))
    return extras


def glossary_yaml(terms: list[TermSpec]) -> str:
    """The glossary file, in the format of the authoring contract."""
    lines = [f"# Synthetic glossary of {len(terms)} terms for the benchmark.", ""]
    for spec in terms:
        lines.append(f"{spec.id}:")
        lines.append(f"  term: {scalar(spec.term)}")
        if spec.aliases:
            lines.append(f"  aliases: {flow_list(spec.aliases)}")
        lines.append(f"  definition: {scalar(spec.definition)}")
        if spec.see:
            lines.append(f"  see: {flow_list(spec.see)}")
    return "\n".join(lines) + "\n"
