"""Worst cases for one brief: inputs under the 1 MB limit that a careless
algorithm turns quadratic (did-you-mean over thousands of near-miss ids, one
line of lone Greek letters, thousands of identical headings, a long glossary
term against a long body...).

Each is timed as the build handles a brief (parse, then render its body), at
the full size and at a quarter of it, beside a plain brief of the full size in
the same run. A brief must take time linear in its size (4 times the size, 4
times the time; quadratic work takes 16 times): the exit status says whether
every case did. The budget column compares each with 2 s per megabyte.
Run from the repository root: `python -m bench.worst_cases [--size BYTES]`.
`tests/test_worst_cases.py` checks that every case builds correctly (no timing).
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from mkdocs_briefs.core.brief.model import Brief
from mkdocs_briefs.core.brief.parse import SiteSettings, parse_brief
from mkdocs_briefs.core.glossary.terms import TermMatcher, load_glossary
from mkdocs_briefs.core.problems import Problems
from mkdocs_briefs.core.render.page import render_brief

FRONT = "---\ntitle: Worst case\ndate: 2025-07-04\n"
LIMIT = 1_000_000  # a brief must be under 1 MB
GROWTH_MAX = 6.0  # time for 4 times the size: 4 when linear, 16 when quadratic
TOO_QUICK_TO_JUDGE = 0.25  # seconds: below this, the growth is mostly noise
SECONDS_MAX = 2.0  # the budget for one brief of 1 MB


@dataclass(frozen=True)
class Case:
    brief: str
    glossary: str | None = None  # the site glossary's YAML, if the case needs one


def _fill(unit: str, size: int, prefix: str = "") -> str:
    """`unit` repeated to make about `size` bytes (of UTF-8) after `prefix`."""
    return unit * max(1, (size - len(prefix.encode())) // len(unit.encode()))


def plain(size: int) -> Case:
    """The yardstick: paragraphs of ordinary English."""
    sentence = "The talks resumed on Thursday after a pause of several weeks. "
    paragraph = sentence * 8 + "\n\n"
    return Case(FRONT + "---\n\n" + _fill(paragraph, size - len(FRONT)))


def near_miss_citations(size: int) -> Case:
    """Thousands of declared sources, and citations of as many ids that almost match."""
    count = size // 90
    sources = "".join(f"  source-{i:05}:\n    name: S\n    kind: named\n" for i in range(count))
    body = "".join(f"Claim. [@sourse-{i:05}]\n\n" for i in range(count))
    return Case(FRONT + "sources:\n" + sources + "---\n\n" + body)


def lone_greek_letters(size: int) -> Case:
    """One line of lone Greek letters between English words (the mis-decoding check)."""
    return Case(FRONT + "---\n\n" + _fill("word β ", size - len(FRONT)) + "end\n")


def identical_headings(size: int) -> Case:
    return Case(FRONT + "---\n\n" + _fill("## Same\n\nText.\n\n", size - len(FRONT)))


def identical_labels(size: int) -> Case:
    return Case(FRONT + "---\n\n" + _fill("**Same:** text.\n\n", size - len(FRONT)))


def unknown_mentions(size: int) -> Case:
    """Thousands of events, and links to near misses of their ids, all on one line."""
    count = size // 100
    events = "".join(
        f"  - id: talks-{i:05}\n    when: Thursday\n    title: Talks\n" for i in range(count)
    )
    mentions = " ".join(f"[then](#tlaks-{i:05})" for i in range(count))
    return Case(FRONT + "events:\n" + events + "---\n\n" + mentions + "\n")


def unknown_glossary_links(size: int) -> Case:
    """Explicit links to glossary terms that do not exist, against a big glossary."""
    count = size // 40
    body = " ".join(f"[x](glossary:term-y{i})" for i in range(count))
    glossary = "".join(
        f"term-{i:05}:\n  term: term {i:05}\n  definition: D.\n" for i in range(5000)
    )
    return Case(FRONT + "---\n\n" + body + "\n", glossary)


def long_glossary_term(size: int) -> Case:
    """A 1,000-word glossary term whose first 999 words fill the body: a matcher that
    tries the whole term at every word does a thousand steps per word."""
    term = " ".join(["alpha"] * 999 + ["omega"])
    glossary = f"long:\n  term: {term}\n  definition: D.\n"
    return Case(FRONT + "---\n\n" + _fill("alpha ", size - len(FRONT)) + "\n", glossary)


def explicit_glossary_links(size: int) -> Case:
    """Links to a glossary term, all on one line (each is placed in the file)."""
    glossary = "known:\n  term: known\n  definition: D.\n"
    return Case(FRONT + "---\n\n" + _fill("[x](glossary:known) ", size - len(FRONT)), glossary)


def many_source_ids(size: int) -> Case:
    """Declared sources never cited: each is reported."""
    count = size // 45
    sources = "".join(f"  s-{i}:\n    name: S\n    kind: named\n" for i in range(count))
    return Case(FRONT + "sources:\n" + sources + "---\n\nText.\n")


def many_events(size: int) -> Case:
    """Events with the same date and near-miss `when` phrases, mentioned in the text."""
    count = size // 110
    events = "".join(
        f"  - id: e{i}\n    when: Thursdya\n    title: Event\n    sources: [nope-{i}]\n"
        for i in range(count)
    )
    return Case(FRONT + "events:\n" + events + "---\n\nText.\n")


def cited_sources(size: int) -> Case:
    """Thousands of sources, each cited by its own claim: the sourcing sidebar lists them."""
    count = size // 110
    sources = "".join(f"  s-{i}:\n    name: S\n    kind: named\n" for i in range(count))
    body = "".join(f"Claim {i}. [@s-{i}; @s-0]\n\n" for i in range(count))
    return Case(FRONT + "sources:\n" + sources + "---\n\n" + body)


def mentioned_events(size: int) -> Case:
    """Thousands of events, each mentioned in the text: the timeline links back to them."""
    count = size // 110
    events = "".join(f"  - id: e{i}\n    when: Thursday\n    title: E\n" for i in range(count))
    body = "".join(f"It happened [then](#e{i}) and [then](#e0).\n\n" for i in range(count))
    return Case(FRONT + "events:\n" + events + "---\n\n" + body)


def citations_in_one_paragraph(size: int) -> Case:
    """One paragraph, over many lines, of words and citations: each is placed in it."""
    sources = "sources:\n  s:\n    name: S\n    kind: named\n  t:\n    name: T\n    kind: named\n"
    return Case(FRONT + sources + "---\n\n" + _fill("Word [@s; @t]\n", size - len(FRONT) - 80))


def unknown_keys(size: int) -> Case:
    """Front matter of misspelled keys, each reported with a hint."""
    keys = "".join(f"tittle{i}: x\n" for i in range(size // 16))
    return Case(FRONT + keys + "---\n\nText.\n")


def one_long_word(size: int) -> Case:
    return Case(FRONT + "---\n\n" + "é" * ((size - len(FRONT)) // 2) + "\n")


def nested_quotes(size: int) -> Case:
    return Case(FRONT + "---\n\n" + "> " * ((size - len(FRONT)) // 2) + "deep\n")


WORST_CASES: dict[str, Callable[[int], Case]] = {
    "near-miss citations": near_miss_citations,
    "lone Greek letters": lone_greek_letters,
    "identical headings": identical_headings,
    "identical labels": identical_labels,
    "unknown event mentions": unknown_mentions,
    "unknown glossary links": unknown_glossary_links,
    "long glossary term": long_glossary_term,
    "explicit glossary links": explicit_glossary_links,
    "uncited sources": many_source_ids,
    "cited sources": cited_sources,
    "mentioned events": mentioned_events,
    "misspelled event dates": many_events,
    "citations in one paragraph": citations_in_one_paragraph,
    "unknown keys": unknown_keys,
    "one long word": one_long_word,
    "nested quotes": nested_quotes,
}


def build_brief(case: Case) -> tuple[Brief | None, Problems]:
    """What a build does with one brief: parse it and render its page body (and load
    the glossary first, whose problems come first)."""
    problems = Problems()
    matcher = None
    if case.glossary is not None:
        glossary, found = load_glossary(case.glossary, "glossary.yml")
        problems.extend(found)
        matcher = TermMatcher(glossary)
    settings = SiteSettings(ZoneInfo("America/New_York"), glossary=matcher)
    brief = parse_brief(case.brief, "briefs/worst.md", settings, problems)
    if brief is not None:
        render_brief(brief)
    return brief, problems


def _seconds(case: Case, rounds: int = 2) -> float:
    """The best of `rounds` builds, in CPU seconds of this process: the machine's other
    load (other builds, other users) barely moves them, unlike the wall clock's."""
    best = float("inf")
    for _ in range(rounds):
        gc.collect()  # no garbage of the last case left to collect in this one
        start = time.process_time()
        build_brief(case)
        best = min(best, time.process_time() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=LIMIT - 1000, help="bytes per brief")
    parser.add_argument("--only", help="run only the cases whose name contains this")
    args = parser.parse_args(argv)
    size, quarter = args.size, args.size // 4
    yardstick = _seconds(plain(size), rounds=3)
    print(f"A plain brief of {size:,} bytes: {yardstick:.2f} s.")
    print(f"{'case':26} {'t(size)':>8} {'x plain':>8} {'t(size)/t(size/4)':>18}  linear?  budget")
    failed = 0
    for name, make in WORST_CASES.items():
        if args.only and args.only not in name:
            continue
        case = make(size)
        assert len(case.brief.encode()) < LIMIT, name
        seconds = _seconds(case)
        growth = seconds / max(_seconds(make(quarter), rounds=3), 1e-3)
        # Linear work grows 4 times for 4 times the size; quadratic, 16 times.
        linear = growth <= GROWTH_MAX or seconds < TOO_QUICK_TO_JUDGE
        failed += not linear
        budget = "ok" if seconds <= SECONDS_MAX * size / LIMIT else "over"
        print(
            f"{name:26} {seconds:7.2f}s {seconds / yardstick:8.1f} {growth:18.1f}  "
            f"{'yes' if linear else 'NO':7}  {budget}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
