"""The benchmark's synthetic corpus is realistic, and its briefs site builds strictly."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml
from support import run_mkdocs_build

from bench.check import measure_check
from bench.corpus import Corpus, add_glossary_variant, make_corpus
from bench.glossary_terms import make_glossary
from bench.measure import BuildResult, build
from bench.preview import _brief_edit, _plain_edit
from bench.report import GlossaryResult, Runs
from bench.run import Site, alternate
from mkdocs_briefs.core.glossary.terms import load_glossary

LABEL = re.compile(r"^(?:- )?\*\*[^*]+:\*\* ")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Corpus:
    return make_corpus(tmp_path_factory.mktemp("bench"), 10)


def split(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def blocks(body: str) -> list[str]:
    """Each paragraph and bullet of a body."""
    return [line for line in body.splitlines() if line.strip()]


def visible_words(body: str) -> int:
    text = re.sub(r"\s*\[@[^\]]*\]", "", body)
    text = re.sub(r"\[([^\]]*)\]\(#[^)]*\)", r"\1", text)
    return len(text.replace("**", "").replace("- ", " ").split())


def brief_files(corpus: Corpus) -> list[Path]:
    return [corpus.briefs_site / "briefs" / brief.brief_path for brief in corpus.briefs]


def test_each_brief_has_the_shape_of_a_real_one(corpus):
    for path in brief_files(corpus):
        front, body = split(path)
        assert 280 <= visible_words(body) <= 420, path
        assert sum(bool(LABEL.match(block)) for block in blocks(body)) == 4, path
        assert len(front["sources"]) == 5, path
        assert len(front["events"]) == 4, path
        for event in front["events"]:
            assert f"](#{event['id']})" in body, f"{path}: event {event['id']} not mentioned"
        cited = [block for block in blocks(body) if "[@" in block]
        assert len(cited) >= 0.7 * len(blocks(body)), path
        for source_id in front["sources"]:
            assert f"@{source_id}" in body, f"{path}: source {source_id} never cited"


def test_sources_dates_and_when_phrases_vary_across_briefs(corpus):
    fronts = [split(path)[0] for path in brief_files(corpus)]
    kinds = {s["kind"] for front in fronts for s in front["sources"].values()}
    whens = [str(e["when"]) for front in fronts for e in front["events"] if "when" in e]
    years = {str(front["date"])[:4] for front in fronts}
    assert len(kinds) >= 6
    assert len(set(whens)) >= 10
    assert any(when in ("upcoming", "soon") for when in whens)
    assert any(re.fullmatch(r"[A-Z][a-z]+day (morning|afternoon|evening|night)", w) for w in whens)
    assert years <= {"2023", "2024", "2025"} and len(years) >= 2
    assert all(front["tags"] for front in fronts)


def test_the_plain_twin_has_the_same_words_without_annotations(corpus):
    for brief in corpus.briefs:
        plain = (corpus.plain_site / "content" / brief.plain_path).read_text(encoding="utf-8")
        _, body = split(corpus.briefs_site / "briefs" / brief.brief_path)
        assert "[@" not in plain and "](#" not in plain and not plain.startswith("---")
        assert plain.startswith(f"# {brief.title}\n")
        assert visible_words(body) == visible_words(plain.split("\n\n", 2)[2])


def test_the_glossary_loads_cleanly_and_its_terms_are_in_the_text(corpus):
    text = (corpus.briefs_site / "content" / "glossary.yml").read_text(encoding="utf-8")
    glossary, problems = load_glossary(text, "content/glossary.yml")
    assert problems == []
    assert len(glossary) == 500
    bodies = " ".join(split(path)[1].lower() for path in brief_files(corpus))
    used = {term.id for term in glossary if term.term.lower() in bodies}
    assert len(used) >= 30


@pytest.mark.parametrize("size", [20, 5000])
def test_glossary_variants_load_cleanly(tmp_path, size):
    config = add_glossary_variant(tmp_path, size)
    text = (tmp_path / "glossaries" / f"glossary-{size}.yml").read_text(encoding="utf-8")
    glossary, problems = load_glossary(text, "glossary.yml")
    assert problems == [] and len(glossary) == size
    assert f"glossary: glossaries/glossary-{size}.yml" in (tmp_path / config).read_text()
    assert [t.id for t in make_glossary(size)][:20] == [t.id for t in make_glossary(20)]


def test_the_large_glossary_of_the_cost_measure_adds_only_terms_briefs_never_use(corpus):
    small = make_glossary(20, core=20)
    large = make_glossary(5000, core=20)
    assert len(large) == 5000 and large[:20] == small
    bodies = " ".join(split(path)[1].lower() for path in brief_files(corpus))
    assert not [t.id for t in large[20:] if t.term.lower() in bodies]
    assert [t for t in small if t.term.lower() in bodies]  # the shared ones are used


def test_the_generated_sites_build_strictly(corpus, tmp_path):
    briefs = run_mkdocs_build(corpus.briefs_site, tmp_path / "briefs")
    assert briefs.returncode == 0, briefs.output
    assert "WARNING" not in briefs.output, briefs.output
    plain = run_mkdocs_build(corpus.plain_site, tmp_path / "plain")
    assert plain.returncode == 0, plain.output
    for brief in corpus.briefs:
        page = briefs.page(brief.url)
        assert brief.title in page
        assert 'class="brief-mention"' in page
        assert brief.title in plain.page(brief.url)
    # The glossary has work to do: its terms are found and linked in the briefs.
    linked = [briefs.page(b.url).count('class="brief-term"') for b in corpus.briefs]
    assert min(linked) >= 3, linked


def test_the_corpus_is_the_same_on_every_run(corpus, tmp_path):
    again = make_corpus(tmp_path, 10)
    for first, second in zip(brief_files(corpus), brief_files(again), strict=True):
        assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")


def test_the_check_measure_times_a_clean_check_with_and_without_cache(corpus):
    result = measure_check(corpus.briefs_site, len(corpus.briefs), runs=1)
    assert len(result.first) == len(result.again) == 1
    assert min(result.first) > 0 and min(result.again) > 0
    assert not (corpus.briefs_site / ".briefs-cache").exists()  # the corpus is left as made
    assert result.verdict().value == result.first[0]
    assert "first run (no cache)" in result.report()


def test_the_preview_measure_makes_the_same_edit_to_a_brief_and_its_plain_page(corpus):
    for n, brief in enumerate(corpus.briefs, 1):
        edits = [
            _brief_edit(corpus.briefs_site, brief, n),
            _plain_edit(corpus.plain_site, brief, n),
        ]
        for edit in edits:
            original = edit.file.read_text(encoding="utf-8")
            assert edit.sentence in edit.text and edit.sentence not in original
            assert edit.title.startswith(brief.title) and edit.title in edit.text
            assert edit.url == brief.url
        brief_edit, plain_edit = edits
        assert brief_edit.file.suffix == plain_edit.file.suffix == ".md"
        assert plain_edit.text.startswith(f"# {plain_edit.title}\n")


def test_a_build_is_measured_by_its_own_memory_not_the_benchmark_s(corpus):
    # The benchmark grows as it generates big corpora; a build it starts afterwards
    # must still report what the build itself used.
    ballast = bytearray(300 * 1024 * 1024)
    ballast[::4096] = b"x" * len(ballast[::4096])  # resident, not only reserved
    result = build(corpus.plain_site)
    del ballast
    assert result.returncode == 0, result.output
    assert 10 * 1024 < result.max_rss_kib < 200 * 1024


def _runs(*seconds: float) -> Runs:
    return Runs(tuple(BuildResult(s, 0, 0, "") for s in seconds))


def test_the_glossary_cost_is_the_median_of_each_round_s_difference():
    # Each round builds the small glossary, then the large one, 0.1 s slower; in one round
    # the machine was busy. Medians taken apart would say 1.1 s, that is 1.1 ms per brief.
    small, large = _runs(1.0, 2.0, 3.0), _runs(1.1, 3.5, 3.1)
    result = GlossaryResult(1000, 20, 5000, small, large, True)
    assert round(result.ms_per_brief, 3) == 0.1


def test_stories_thread_the_briefs_and_about_a_third_of_events_are_shared(tmp_path):
    corpus = make_corpus(tmp_path, 300)
    by_path = {brief.brief_path: brief for brief in corpus.briefs}
    events = [event for brief in corpus.briefs for event in brief.events]
    shared = [event for event in events if event.same_as]
    assert 0.25 <= len(shared) / len(events) <= 0.45
    sizes: dict[str, int] = {}
    for brief in corpus.briefs:
        if brief.story:
            sizes[brief.story] = sizes.get(brief.story, 0) + 1
        folder = Path(brief.brief_path).parent
        for event in brief.events:
            if not event.same_as:
                continue
            file, _, event_id = event.same_as.partition("#")
            target = by_path[os.path.normpath(folder / file)]
            # An original event of an earlier brief of the same story.
            assert target.story == brief.story and target.published <= brief.published
            assert [e.same_as for e in target.events if e.id == event_id] == [""]
    assert min(sizes.values()) >= 2 and max(sizes.values()) <= 20 and len(sizes) >= 20
    stories = yaml.safe_load((corpus.briefs_site / "content" / "stories.yml").read_text())
    assert set(stories) == set(sizes)


def test_builds_alternate_and_every_other_round_runs_in_reverse(monkeypatch, tmp_path):
    built: list[str] = []
    cleared: list[str] = []

    def fake_build(project: Path, config: str = "mkdocs.yml") -> BuildResult:
        built.append(f"{project.name}/{config}")
        return BuildResult(seconds=len(built), max_rss_kib=1024, returncode=0, output="")

    monkeypatch.setattr("bench.run.build", fake_build)
    monkeypatch.setattr("bench.run.clear_cache", lambda project: cleared.append(project.name))
    briefs, plain = tmp_path / "briefs", tmp_path / "plain"
    cold, warm, other = alternate(
        [[Site(briefs, cold=True), Site(briefs)], [Site(plain)]], runs=3, warmup=1
    )
    first = ["briefs/mkdocs.yml", "briefs/mkdocs.yml", "plain/mkdocs.yml"]
    turned = ["plain/mkdocs.yml", "briefs/mkdocs.yml", "briefs/mkdocs.yml"]
    assert built == first + turned + first + turned  # a first build right before its next
    assert cleared == ["briefs"] * 4
    # The warm-up round is not counted; each site gets its own builds, in round order.
    assert [r.seconds for r in cold.results] == [5, 7, 11]
    assert [r.seconds for r in warm.results] == [6, 8, 12]
    assert [r.seconds for r in other.results] == [4, 9, 10]
