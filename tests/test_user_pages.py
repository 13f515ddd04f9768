"""A docs page written where the plugin makes one of its pages: the build says so, and
the editor's page is what is published and searched (by output address, whatever
the file's form: `timeline.md` and `timeline/index.md` both publish /timeline/)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from support import ROOT, run_mkdocs_build

PLUGIN_PAGES = ("timeline", "archive", "sources", "glossary", "tags")
FORMS = {"file": "{name}.md", "folder": "{name}/index.md"}


def project_with_pages(tmp_path_factory, form: str) -> Path:
    """The shipped site, with a docs page at the address of each plugin page."""
    project = tmp_path_factory.mktemp(f"user-pages-{form}")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copytree(ROOT / "briefs", project / "briefs")
    for name in PLUGIN_PAGES:
        page = project / "content" / FORMS[form].format(name=name)
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f"# Our own {name}\n\nWritten by the editors: {name}-marker.\n")
    return project


@pytest.fixture(scope="module", params=sorted(FORMS))
def built(request, tmp_path_factory):
    project = project_with_pages(tmp_path_factory, request.param)
    return request.param, run_mkdocs_build(project, project / "site", strict=True)


@pytest.mark.parametrize("name", PLUGIN_PAGES)
def test_the_build_warns_naming_both_pages(built, name):
    form, build = built
    assert build.returncode == 1  # strict: the warnings fail the build
    source = FORMS[form].format(name=name)
    warnings = [line for line in build.output.splitlines() if line.startswith("WARNING")]
    assert [line for line in warnings if source in line and f"/{name}/" in line], warnings


@pytest.fixture(scope="module", params=sorted(FORMS))
def published(request, tmp_path_factory):
    """The same site built without --strict: what would be published."""
    project = project_with_pages(tmp_path_factory, request.param)
    return run_mkdocs_build(project, project / "site", strict=False)


@pytest.mark.parametrize("name", PLUGIN_PAGES)
def test_the_editors_page_is_published_and_searched(published, name):
    assert published.returncode == 0, published.output
    page = published.page(f"{name}/")
    assert f"{name}-marker" in page
    index = json.loads((published.site / "search" / "search_index.json").read_text())
    entries = [e for e in index["docs"] if e["location"].split("#")[0] == f"{name}/"]
    # Only the editor's page: the plugin's page, left out, left no entry either.
    assert [e["title"] for e in entries] == [f"Our own {name}"]
    assert f"{name}-marker" in entries[0]["text"]
