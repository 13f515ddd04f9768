"""Builds with the cache hand Material's search the sections it found in unchanged pages,
and its index is the same as if it had parsed every page; a kept file is untrusted."""

from __future__ import annotations

import json
from pathlib import Path

from cache_entries import plant_record
from support import make_project, run_mkdocs_build

from mkdocs_briefs.core.cache.pickles import RecordFolder
from mkdocs_briefs.core.cache.search_sections import (
    SECTIONS_DIR,
    SearchSection,
    SearchSectionCache,
    content_key,
)

BRIEF = """---
title: {title}
date: 2025-07-0{day}
sources:
  aide:
    name: An aide
    kind: anonymous
---

Drones hit the {place}, an aide said. [@aide]

**Why it matters:** The {place} handles most of the grain. [@aide]
"""


def _project(tmp_path: Path, extra_config: str = "") -> Path:
    return make_project(
        tmp_path,
        {
            "a.md": BRIEF.format(title="First brief", day=3, place="port"),
            "b.md": BRIEF.format(title="Second brief", day=4, place="dam"),
        },
        extra_config=extra_config + "  - search\n",
    )


def _index(site: Path) -> list[dict]:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def _kept_files(project: Path) -> list[Path]:
    kept = sorted((project / ".briefs-cache" / SECTIONS_DIR).glob("*.pickle"))
    assert kept, "the build kept the sections of its pages"
    return kept


def _records(kept: Path) -> RecordFolder:
    return RecordFolder(kept.parent.parent, (SECTIONS_DIR,), dict, lambda record, shown: True)


def _stored(kept: Path) -> dict:
    stored = _records(kept).get(kept.stem, SECTIONS_DIR)
    assert stored is not None
    return stored


def test_a_build_with_the_cache_indexes_pages_as_a_build_without_it(tmp_path):
    uncached = _project(tmp_path / "uncached", "      cache: false\n")
    assert run_mkdocs_build(uncached, tmp_path / "reference").returncode == 0
    project = _project(tmp_path / "cached")
    assert run_mkdocs_build(project, tmp_path / "first").returncode == 0
    written = {kept: kept.stat().st_mtime_ns for kept in _kept_files(project)}
    second = run_mkdocs_build(project, tmp_path / "second")
    assert second.returncode == 0, second.output
    reference = _index(tmp_path / "reference")
    assert any("grain" in entry["text"] for entry in reference)
    assert _index(tmp_path / "first") == reference
    assert _index(tmp_path / "second") == reference
    # Every page was found: nothing written again.
    assert {kept: kept.stat().st_mtime_ns for kept in _kept_files(project)} == written
    assert not (uncached / ".briefs-cache" / SECTIONS_DIR).exists()


def test_an_edited_brief_is_indexed_with_its_new_text(tmp_path):
    project = _project(tmp_path)
    assert run_mkdocs_build(project, tmp_path / "first").returncode == 0
    brief = project / "briefs" / "a.md"
    brief.write_text(brief.read_text().replace("grain", "barley"), encoding="utf-8")
    build = run_mkdocs_build(project, tmp_path / "second")
    assert build.returncode == 0, build.output
    texts = " ".join(entry["text"] for entry in _index(tmp_path / "second"))
    assert "barley" in texts
    assert "most of the grain" in texts  # the other brief, found in the kept file


def _plant_text(project: Path, text: str, *, signed: bool) -> None:
    """Every kept file again, each section's text replaced by `text`."""
    for kept in _kept_files(project):
        planted = {
            key: [(section_id, title, text) for section_id, title, _ in sections]
            for key, sections in _stored(kept).items()
        }
        plant_record(_records(kept), kept.stem, planted, signed=signed)


def test_a_signed_file_whose_text_holds_markup_is_not_used(tmp_path):
    project = _project(tmp_path)
    assert run_mkdocs_build(project, tmp_path / "first").returncode == 0
    _plant_text(project, "<img src=x onerror=alert(1)>", signed=True)
    build = run_mkdocs_build(project, tmp_path / "second")
    assert build.returncode == 0, build.output
    assert "onerror" not in (tmp_path / "second" / "search" / "search_index.json").read_text()
    assert _index(tmp_path / "second") == _index(tmp_path / "first")


def test_a_file_not_signed_by_the_user_is_not_used(tmp_path):
    project = _project(tmp_path)
    assert run_mkdocs_build(project, tmp_path / "first").returncode == 0
    _plant_text(project, "Nothing happened.", signed=False)
    build = run_mkdocs_build(project, tmp_path / "second")
    assert build.returncode == 0, build.output
    assert "Nothing happened." not in json.dumps(_index(tmp_path / "second"))
    assert _index(tmp_path / "second") == _index(tmp_path / "first")


def test_kept_sections_are_read_back_as_written(tmp_path):
    cache = SearchSectionCache(tmp_path, "search code")
    page = (
        SearchSection(None, None, "<p>Drones hit the port &amp; the dam.</p>"),
        SearchSection("why-it-matters", "Why it matters", "<p>Grain.</p>"),
    )
    cache.save({content_key("<p>page</p>"): page})
    assert cache.load() == {content_key("<p>page</p>"): page}
    # Another version of the search code finds nothing.
    assert SearchSectionCache(tmp_path, "other search code").load() == {}


def test_sections_not_of_a_search_parsers_form_are_refused(tmp_path):
    cache = SearchSectionCache(tmp_path, "search code")
    key = content_key("<p>page</p>")
    for section in (
        SearchSection('x" onclick="alert(1)', None, "<p>text</p>"),  # an id for no URL
        SearchSection(None, "<b>bold</b>", "<p>text</p>"),  # a tag it never keeps
        SearchSection(None, None, '<p class="x">text</p>'),  # attributes
        SearchSection(None, None, "a > b"),  # text not escaped
    ):
        cache.save({key: (section,)})
        assert cache.load() == {}, section


def _pages(count: int) -> dict[str, tuple[SearchSection, ...]]:
    return {
        content_key(f"<p>page {n}</p>"): (SearchSection(None, None, f"<p>page {n}</p>"),)
        for n in range(count)
    }


def test_a_build_rewrites_only_the_files_whose_pages_changed(tmp_path):
    pages = _pages(40)
    SearchSectionCache(tmp_path, "search code").save(pages)
    folder = tmp_path / SECTIONS_DIR
    before = {entry.name: entry.stat().st_ino for entry in folder.iterdir()}
    assert len(before) == 16  # 40 pages spread over the 16 files

    cache = SearchSectionCache(tmp_path, "search code")
    loaded = cache.load()
    assert loaded == pages
    edited = content_key("<p>an edited page</p>")
    loaded[edited] = (SearchSection(None, None, "<p>an edited page</p>"),)
    cache.save(loaded)
    after = {entry.name: entry.stat().st_ino for entry in folder.iterdir()}
    rewritten = [name for name in before if after[name] != before[name]]
    assert len(rewritten) == 1  # the file of the edited page's first digit
    assert SearchSectionCache(tmp_path, "search code").load() == loaded


def test_an_entry_in_another_digits_file_is_refused(tmp_path):
    cache = SearchSectionCache(tmp_path, "search code")
    cache.save(_pages(40))
    kept = sorted((tmp_path / SECTIONS_DIR).glob("*.pickle"))
    first, second = _stored(kept[0]), _stored(kept[1])
    moved = next(iter(second))
    plant_record(_records(kept[0]), kept[0].stem, {**first, moved: second[moved]}, signed=True)
    found = SearchSectionCache(tmp_path, "search code").load()
    assert moved in found  # still in its own file
    assert not any(key in found for key in first)  # the file that took it is not read
