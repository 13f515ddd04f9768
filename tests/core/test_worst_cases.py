"""Briefs built to make careless algorithms quadratic build correctly, and the
work they cause grows with their size, not with its square (counted, not timed:
the timings are in bench/worst_cases.py)."""

from __future__ import annotations

import difflib
import re

import pytest

from bench.worst_cases import WORST_CASES, build_brief
from mkdocs_briefs.core.ids import AnchorRegistry
from mkdocs_briefs.core.render.page import render_brief
from mkdocs_briefs.core.source import mojibake
from mkdocs_briefs.core.suggest import MAX_HINTED_WORDS

SIZE = 40_000  # bytes per brief: big enough for thousands of repeats, quick to build


def built(name: str):
    case = WORST_CASES[name](SIZE)
    brief, problems = build_brief(case)
    return brief, [str(problem) for problem in problems]


def test_near_miss_citations_are_each_reported_and_hinted_within_a_budget(monkeypatch):
    compared = 0
    real_ratio = difflib.SequenceMatcher.quick_ratio

    def counting_ratio(self):
        nonlocal compared
        compared += 1
        return real_ratio(self)

    monkeypatch.setattr(difflib.SequenceMatcher, "quick_ratio", counting_ratio)
    brief, messages = built("near-miss citations")
    count = SIZE // 90
    unknown = [m for m in messages if "unknown source 'sourse-" in m]
    assert len(unknown) == count
    assert "unknown source 'sourse-00007' (did you mean 'source-00007'?)" in unknown[7]
    assert sum("did you mean" in m for m in unknown) == MAX_HINTED_WORDS
    # Each hint compares a word with a few dozen ids, not with all of them.
    assert compared <= MAX_HINTED_WORDS * 200 < count * count
    assert brief is not None and "Claim." in render_brief(brief).body


def test_a_line_of_lone_greek_letters_is_judged_once(monkeypatch):
    judged = 0
    real = mojibake._mostly_latin

    def counting(line):
        nonlocal judged
        judged += 1
        return real(line)

    monkeypatch.setattr(mojibake, "_mostly_latin", counting)
    brief, messages = built("lone Greek letters")
    assert judged == 1
    assert len(messages) == mojibake.MAX_REPORTED + 1
    assert re.search(r"\d+ more suspicious characters from here on", messages[-1])
    assert brief is not None


class CountingSet(set):
    lookups = 0

    def __contains__(self, item):
        CountingSet.lookups += 1
        return super().__contains__(item)


def test_identical_anchors_are_numbered_without_counting_from_two_each_time():
    registry = AnchorRegistry()
    registry._used = CountingSet()
    CountingSet.lookups = 0
    anchors = [registry.unique("Same") for _ in range(2000)]
    assert anchors[:3] == ["same", "same-2", "same-3"] and anchors[-1] == "same-2000"
    assert CountingSet.lookups <= 3 * 2000


@pytest.mark.parametrize(
    ("name", "anchor"), [("identical headings", "same"), ("identical labels", "same")]
)
def test_thousands_of_identical_headings_or_labels_get_unique_anchors(name, anchor):
    brief, messages = built(name)
    assert messages == []
    html = render_brief(brief).body
    ids = re.findall(rf'id="({anchor}(?:-\d+)?)"', html)
    assert len(ids) == len(set(ids)) > 1000
    assert f'id="{anchor}-{len(ids)}"' in html


def test_a_glossary_term_of_a_thousand_words_is_reported_and_not_searched_for():
    brief, messages = built("long glossary term")
    assert messages == [
        "glossary.yml:2:9: term 'long' has the term 'alpha alpha alpha alpha alpha alpha alpha "
        "alpha alpha alp...', of 1000 words; briefs link forms of at most 12 words: shorten it, "
        "or link it with [text](glossary:long)"
    ]
    assert "brief-term" not in render_brief(brief).body


@pytest.mark.parametrize(
    ("name", "message", "count"),
    [
        ("unknown event mentions", "unknown event 'tlaks-", SIZE // 100),
        ("unknown glossary links", "unknown glossary term 'term-y", SIZE // 40),
        ("uncited sources", "is declared but never cited", SIZE // 45),
        ("misspelled event dates", "cannot resolve the date 'Thursdya'", SIZE // 110),
        ("unknown keys", "unknown key 'tittle", SIZE // 16),
    ],
)
def test_many_unknown_ids_are_each_reported(name, message, count):
    brief, messages = built(name)
    assert brief is not None
    assert sum(message in m for m in messages) == count


@pytest.mark.parametrize("name", ["one long word", "nested quotes", "explicit glossary links"])
def test_other_worst_cases_build(name):
    brief, messages = built(name)
    assert brief is not None and messages == []
    assert render_brief(brief).body


def test_thousands_of_cited_sources_are_numbered_in_declaration_order():
    brief, messages = built("cited sources")
    assert messages == []
    count = SIZE // 110
    html = render_brief(brief).body
    assert f'data-source="s-{count - 1}" aria-label="Source {count}: S (On the record)"' in html


def test_thousands_of_mentioned_events_each_link_back_from_the_timeline():
    brief, messages = built("mentioned events")
    assert messages == []
    count = SIZE // 110
    rendered = render_brief(brief)
    assert rendered.body.count('class="brief-mention"') == 2 * count
    assert f'href="#mention-{2 * count - 1}"' in rendered.timeline


def test_a_paragraph_of_thousands_of_citations_is_one_claim_placed_at_its_line():
    brief, messages = built("citations in one paragraph")
    assert messages == []
    html = render_brief(brief).body
    assert html.count('<p id="claim-1"') == 1 and 'id="claim-2"' not in html
    assert html.count('class="brief-cite"') > 2000
