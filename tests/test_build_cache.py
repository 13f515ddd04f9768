"""Builds that find the parses of an earlier build make the same site, and see every edit."""

from __future__ import annotations

import pickle
import zlib
from dataclasses import replace
from pathlib import Path

from support import make_project, run_mkdocs_build

from mkdocs_briefs.core.packed import pack

BRIEF = """---
title: {title}
date: 2025-07-0{day}
sources:
  aide:
    name: An aide
    kind: anonymous
---

Drones hit the port, an aide said. [@aide]
"""

GLOSSARY = "drone:\n  term: drone\n  definition: {definition}\n"


def _project(tmp_path: Path, extra_config: str = "") -> Path:
    project = make_project(
        tmp_path,
        {
            "a.md": BRIEF.format(title="First brief", day=3),
            "b.md": BRIEF.format(title="Second brief", day=4),
        },
        extra_config="      glossary: content/glossary.yml\n" + extra_config,
    )
    (project / "content" / "glossary.yml").write_text(
        GLOSSARY.format(definition="An aircraft without a pilot."), encoding="utf-8"
    )
    return project


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _entries(project: Path) -> dict[str, int]:
    """The cache's entries, by name, with the time each was written."""
    return {
        p.name: p.stat().st_mtime_ns
        for p in (project / ".briefs-cache" / "parsed").rglob("*.pickle")
    }


def test_a_build_with_the_cache_makes_the_same_site_without_parsing_again(tmp_path):
    project = _project(tmp_path)
    first = run_mkdocs_build(project, tmp_path / "first")
    assert first.returncode == 0, first.output
    written = _entries(project)
    assert len(written) == 2  # one entry per brief
    second = run_mkdocs_build(project, tmp_path / "second")
    assert second.returncode == 0, second.output
    assert _entries(project) == written  # found, not parsed and written again
    one, two = _files(tmp_path / "first"), _files(tmp_path / "second")
    assert sorted(one) == sorted(two)
    assert [name for name in sorted(one) if one[name] != two[name]] == []


def test_an_edited_brief_is_parsed_again_and_its_old_entry_dropped(tmp_path):
    project = _project(tmp_path)
    assert run_mkdocs_build(project, tmp_path / "site").returncode == 0
    before = _entries(project)
    (project / "briefs" / "b.md").write_text(BRIEF.format(title="Second, edited", day=4))
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    headline = '<h1 class="brief-header__title" id="brief-headline">Second, edited</h1>'
    assert headline in build.page("2025/07/04/b/")
    assert "Second, edited" in build.page("")  # the front page lists it as edited
    after = _entries(project)
    assert len(after) == 2
    assert len(set(after) & set(before)) == 1  # the other brief's entry is reused


def test_a_changed_glossary_reaches_every_brief_page(tmp_path):
    project = _project(tmp_path)
    assert run_mkdocs_build(project, tmp_path / "site").returncode == 0
    glossary = GLOSSARY.format(definition="A remotely piloted aircraft.")
    glossary += "port:\n  term: port\n  definition: Where ships load.\n"
    (project / "content" / "glossary.yml").write_text(glossary, encoding="utf-8")
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    for url in ("2025/07/03/a/", "2025/07/04/b/"):
        page = build.page(url)
        assert "A remotely piloted aircraft." in page
        assert "without a pilot" not in page
        assert 'data-term="port"' in page  # a new term is linked in briefs parsed before


def test_a_brief_warning_is_reported_by_every_build_not_only_the_first(tmp_path):
    project = _project(tmp_path)
    (project / "briefs" / "a.md").write_text(
        BRIEF.format(title="First brief", day=3).replace("[@aide]", "[@nobody]")
    )
    for site in ("first", "second"):
        build = run_mkdocs_build(project, tmp_path / site)
        assert build.returncode == 1, f"the {site} strict build passed:\n{build.output}"
        assert "briefs/a.md:" in build.output and "nobody" in build.output


def test_a_damaged_entry_is_parsed_again(tmp_path):
    project = _project(tmp_path)
    assert run_mkdocs_build(project, tmp_path / "first").returncode == 0
    for entry in (project / ".briefs-cache").rglob("*.pickle"):
        entry.write_bytes(b"damaged")
    build = run_mkdocs_build(project, tmp_path / "second")
    assert build.returncode == 0, build.output
    assert "First brief" in build.page("2025/07/03/a/")
    assert _files(tmp_path / "first") == _files(tmp_path / "second")


def test_cache_false_keeps_nothing_between_builds(tmp_path):
    project = _project(tmp_path, extra_config="      cache: false\n")
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    assert "First brief" in build.page("2025/07/03/a/")
    assert not (project / ".briefs-cache" / "parsed").exists()


# --- Entries made by someone else (committed to the project, or crafted) ---------------


def _tamper(entry: Path, change) -> None:
    """Change the record in an entry the build wrote, as anyone who can commit a file can:
    the record is re-written, whatever comes before it in the file is kept as it was."""
    data = entry.read_bytes()
    start = next(i for i in range(len(data)) if _is_zlib(data[i:]))
    record = pickle.loads(zlib.decompress(data[start:]))  # the build's own entry: safe here
    change(record)
    entry.write_bytes(data[:start] + zlib.compress(pickle.dumps(record), 1))


def _is_zlib(data: bytes) -> bool:
    try:
        zlib.decompress(data)
    except zlib.error:
        return False
    return True


def _entry_of(project: Path, name: str) -> Path:
    for entry in (project / ".briefs-cache" / "parsed").rglob("*.pickle"):
        record = entry.read_bytes()
        start = next(i for i in range(len(record)) if _is_zlib(record[i:]))
        if pickle.loads(zlib.decompress(record[start:])).brief.path == f"briefs/{name}":
            return entry
    raise AssertionError(f"no entry for {name}")


def test_a_crafted_entry_cannot_put_a_script_into_the_site(tmp_path):
    project = _project(tmp_path)
    assert run_mkdocs_build(project, tmp_path / "first").returncode == 0

    def script(parsed) -> None:
        body = parsed.brief.body
        html = "<p>Drones hit the port.</p><script>alert('cache')</script>"
        body.prerendered = replace(body.prerendered, packed=pack(html))
        parsed.brief.summary = "<script>alert('summary')</script>"

    _tamper(_entry_of(project, "a.md"), script)
    build = run_mkdocs_build(project, tmp_path / "second")
    assert build.returncode == 0, build.output
    for written in (tmp_path / "second").rglob("*"):
        if written.suffix in (".html", ".xml", ".json"):
            assert "alert('" not in written.read_text(encoding="utf-8"), written
    assert _files(tmp_path / "first") == _files(tmp_path / "second")


def test_a_crafted_entry_cannot_make_the_build_write_outside_the_site(tmp_path):
    project = _project(tmp_path)
    assert run_mkdocs_build(project, tmp_path / "site").returncode == 0
    escaped = tmp_path / "escaped"

    def elsewhere(parsed) -> None:
        vars(parsed.brief)["url"] = "../escaped/"  # the site is tmp_path/site

    _tamper(_entry_of(project, "a.md"), elsewhere)
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    assert not escaped.exists()
    assert "First brief" in build.page("2025/07/03/a/")


def test_a_crafted_entry_of_the_wrong_types_is_parsed_again(tmp_path):
    project = _project(tmp_path)
    assert run_mkdocs_build(project, tmp_path / "first").returncode == 0

    def wrong(parsed) -> None:
        parsed.brief.title = 42
        events: list = []
        events.append(events)  # a list that contains itself
        parsed.brief.events = events

    _tamper(_entry_of(project, "a.md"), wrong)
    build = run_mkdocs_build(project, tmp_path / "second")
    assert build.returncode == 0, build.output
    assert "Traceback" not in build.output
    assert _files(tmp_path / "first") == _files(tmp_path / "second")


def test_a_cache_folder_whose_parses_link_to_the_briefs_loses_no_brief(tmp_path):
    project = _project(tmp_path)
    for year in range(2020, 2026):  # dated folders of briefs, as a newsroom files them
        (project / "briefs" / str(year)).mkdir()
        (project / "briefs" / str(year) / "old.md").write_text(
            BRIEF.format(title=f"From {year}", day=1).replace("2025-07-01", f"{year}-07-01")
        )
    before = sorted(p for p in (project / "briefs").rglob("*"))
    (project / ".briefs-cache").mkdir()
    (project / ".briefs-cache" / "parsed").symlink_to("../briefs")
    (project / ".briefs-cache" / "glossary").symlink_to("../briefs")
    for site in ("first", "second"):
        build = run_mkdocs_build(project, tmp_path / site)
        assert build.returncode == 0, build.output
        # Said once, in the log: otherwise the builds are only slower, without a word why.
        assert build.output.count("the build cache keeps nothing in .briefs-cache/parsed") == 1
    assert sorted(p for p in (project / "briefs").rglob("*")) == before
    assert "From 2020" in build.page("2020/07/01/old/")
