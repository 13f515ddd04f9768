"""Entries of the briefs folder that cannot be read are reported at their path,
and every other brief of the folder is still read (build and `briefs check`)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from problem_cases import brief
from support import NEW_YORK, make_project, run_mkdocs_build

from mkdocs_briefs.core.brief.parse import SiteSettings
from mkdocs_briefs.core.check.run import check_site
from mkdocs_briefs.core.check.siteconfig import read_site_config
from mkdocs_briefs.core.collection import briefs as collection
from mkdocs_briefs.core.collection.briefs import load_briefs

BRIEF_COUNT = 30


def site_with(tmp_path: Path) -> Path:
    """30 good briefs, with their own slugs so the built pages can be counted."""
    briefs = {f"b{index:02}.md": brief() for index in range(BRIEF_COUNT)}
    return make_project(tmp_path, briefs)


def checked(project: Path) -> list[str]:
    result = check_site(read_site_config(project / "mkdocs.yml"), workers=1, cache=False)
    return [str(problem) for problem in result.problems]


def built_pages(site: Path) -> int:
    return len(list((site / "2025" / "07" / "04").glob("*/index.html")))


@pytest.mark.parametrize("target", ["loop.md", "missing.md"], ids=["looping", "dangling"])
def test_a_broken_symlink_is_reported_and_the_rest_of_the_folder_is_read(tmp_path, target):
    project = site_with(tmp_path)
    link = project / "briefs" / "loop.md"
    link.symlink_to(target)  # loop.md -> itself, or to nothing
    messages = checked(project)
    assert [m for m in messages if m.startswith("briefs/loop.md: cannot read the file")], messages
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 1, build.output  # --strict fails
    assert "briefs/loop.md: cannot read the file" in build.output
    assert built_pages(tmp_path / "site") == BRIEF_COUNT


def test_an_unreadable_folder_is_reported_and_the_rest_is_read(tmp_path, monkeypatch):
    project = site_with(tmp_path)
    closed = project / "briefs" / "closed"
    closed.mkdir()
    (closed / "hidden.md").write_text(brief("slug: hidden\n"))
    real_scandir = os.scandir

    def scandir(path):  # as for a folder without read permission (tests may run as root)
        if Path(path) == closed.resolve() or Path(path) == closed:
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(collection.os, "scandir", scandir)
    message = "briefs/closed: cannot read the folder: Permission denied"
    assert [m for m in checked(project) if m.startswith(message)]
    loaded = load_briefs(project / "briefs", project, SiteSettings(NEW_YORK))
    assert [str(p) for p in loaded.problems if str(p).startswith(message)]
    assert len(loaded.briefs) == BRIEF_COUNT


def test_a_folder_named_to_briefs_check_reports_its_unreadable_folders(tmp_path, monkeypatch):
    project = site_with(tmp_path)
    closed = project / "briefs" / "closed"
    closed.mkdir()
    real_scandir = os.scandir

    def scandir(path):
        if Path(path) == closed.resolve():
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(collection.os, "scandir", scandir)
    config = read_site_config(project / "mkdocs.yml")
    result = check_site(config, [project / "briefs"], workers=1, cache=False)
    messages = [str(problem) for problem in result.problems]
    assert [m for m in messages if m.startswith("briefs/closed: cannot read the folder")]


def test_a_file_name_that_is_not_utf8_is_reported_and_the_rest_read(tmp_path):
    project = site_with(tmp_path)
    # A name in Latin-1, as an old archive unpacks it: Python keeps the byte as \udce9.
    (project / "briefs" / "caf\udce9.md").write_text(brief("slug: cafe\n"))
    message = "briefs/caf\ufffd.md: the name is not UTF-8 (byte 0xe9): rename it"
    assert [m for m in checked(project) if m.startswith(message)]
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 1, build.output
    assert message in build.output and "Traceback" not in build.output
    assert built_pages(tmp_path / "site") == BRIEF_COUNT


def test_a_file_named_to_briefs_check_whose_name_is_not_utf8_is_reported(tmp_path):
    project = site_with(tmp_path)
    misnamed = project / "briefs" / "caf\udce9.md"
    misnamed.write_text(brief())
    config = read_site_config(project / "mkdocs.yml")
    result = check_site(config, [misnamed, project / "briefs" / "b00.md"], workers=1, cache=False)
    assert [str(problem) for problem in result.problems] == [
        "briefs/caf\ufffd.md: the name is not UTF-8 (byte 0xe9): rename it; "
        "what it names is not read"
    ]
