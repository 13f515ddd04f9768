"""Live preview for real: `mkdocs serve` on a copy of the project, the brief open in
Chromium, its file edited, and the open page shows the change by itself."""

from __future__ import annotations

import shutil
from pathlib import Path

from serving import mkdocs_serve, wait_for
from support import FIRST_BRIEF, FIRST_BRIEF_URL, ROOT

OLD = "The two sources said the call between Trump and Zelensky lasted around 40 minutes"
NEW = "The two sources said the call between Trump and Zelensky went on for a long while"


def copy_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", project)
    for folder in ("briefs", "content"):
        shutil.copytree(ROOT / folder, project / folder)
    return project


def test_editing_a_brief_reloads_the_open_page_with_the_change(open_tab, tmp_path):
    project = copy_project(tmp_path)
    brief = project / "briefs" / FIRST_BRIEF.name
    assert OLD in brief.read_text(encoding="utf-8")
    with mkdocs_serve(project) as site:
        url = site + FIRST_BRIEF_URL
        assert wait_for(url, "brief-header__title", 120), "mkdocs serve did not start"
        tab = open_tab(url, settle=False)
        page = tab.page
        # Mid-reload the page may have no body yet: that reads as "not yet".
        body_has = (
            "text => (document.querySelector('.brief-body') || {innerText: ''})"
            ".innerText.includes(text)"
        )
        assert page.evaluate(body_has, OLD)

        brief.write_text(brief.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")

        # No reload from here: the live-reload script must bring the new text in.
        page.wait_for_function(body_has, arg=NEW, timeout=60_000)
        assert not page.evaluate(body_has, OLD)
        assert tab.errors == []


def test_a_broken_brief_shows_its_problems_and_the_fix_reloads_by_itself(open_tab, tmp_path):
    project = copy_project(tmp_path)
    brief = project / "briefs" / FIRST_BRIEF.name
    text = brief.read_text(encoding="utf-8")
    with mkdocs_serve(project) as site:
        url = site + FIRST_BRIEF_URL
        assert wait_for(url, "brief-header__title", 120), "mkdocs serve did not start"
        tab = open_tab(url, settle=False)
        page = tab.page
        heading_is = "text => document.querySelector('h1')?.innerText.includes(text)"

        brief.write_text(text.replace("\ndate: ", "\ndate: [", 1), encoding="utf-8")
        page.wait_for_function(heading_is, arg="Problems in briefs/", timeout=60_000)
        assert "invalid YAML" in page.inner_text(".brief-problems")

        brief.write_text(text, encoding="utf-8")  # fixed: the brief comes back by itself
        page.wait_for_function(
            "() => document.querySelector('.brief-header__title') !== null", timeout=60_000
        )
        assert not page.evaluate(heading_is, "Problems in")
