"""`mkdocs serve` rebuilds when a brief changes, although briefs live outside docs_dir."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from serving import fetch, mkdocs_serve, wait_for
from support import make_project

BRIEF = "---\ntitle: Preview\ndate: 2025-07-04\n---\n\nThe first version.\n"


@pytest.mark.parametrize("polling", [False, True], ids=["notifications", "polling"])
def test_serve_rebuilds_the_page_once_when_its_brief_file_changes(tmp_path: Path, polling):
    project = make_project(
        tmp_path, {"preview.md": BRIEF}, extra_config=f"      preview_polling: {polling}\n"
    )
    log = tmp_path / "serve.log"
    with mkdocs_serve(project, log) as site:
        url = site + "2025/07/04/preview/"
        assert wait_for(url, "The first version.", 60)
        brief = project / "briefs" / "preview.md"
        brief.write_text(BRIEF.replace("The first version.", "The second version."))
        assert wait_for(url, "The second version.", 60)
        time.sleep(1.5)  # more than MkDocs' polling takes to notice the save again
    # The first build, then one for the save: a save noticed twice would build twice.
    assert log.read_text().count("Building documentation") == 2


def test_a_glossary_in_the_docs_folder_is_rebuilt_once_per_save(tmp_path: Path):
    # MkDocs polls the docs folder itself; the plugin must not watch the file again.
    project = make_project(
        tmp_path, {"preview.md": BRIEF}, extra_config="      glossary: content/glossary.yml\n"
    )
    glossary = project / "content" / "glossary.yml"
    glossary.write_text("drone:\n  term: drone\n  definition: An aircraft with no pilot.\n")
    log = tmp_path / "serve.log"
    with mkdocs_serve(project, log) as site:
        url = site + "glossary/"
        assert wait_for(url, "An aircraft with no pilot.", 60)
        glossary.write_text(glossary.read_text().replace("no pilot", "no pilot aboard"))
        assert wait_for(url, "An aircraft with no pilot aboard.", 60)
        time.sleep(1.5)  # more than MkDocs' polling takes to notice the save again
    assert log.read_text().count("Building documentation") == 2


def test_a_broken_brief_is_served_as_its_problems_until_it_is_fixed(tmp_path: Path):
    broken_from_start = "---\ndate: 2025-07-05\n---\n\nText.\n"  # no title: an error
    project = make_project(tmp_path, {"preview.md": BRIEF, "new.md": broken_from_start})
    with mkdocs_serve(project) as site:
        url = site + "2025/07/04/preview/"
        assert wait_for(url, "The first version.", 60)
        brief = project / "briefs" / "preview.md"
        # The title is gone: the brief cannot be built, and its address says why.
        brief.write_text(BRIEF.replace("title: Preview\n", ""))
        assert wait_for(url, "Problems in briefs/preview.md", 60)
        page = fetch(url)
        assert "<code>briefs/preview.md:2:1</code> <strong>error</strong>: " in page
        assert "the title is missing: add `title: ...`" in page
        assert "livereload" in page  # MkDocs reloads it when the next build is done
        brief.write_text(BRIEF.replace("The first version.", "The fixed version."))
        assert wait_for(url, "The fixed version.", 60)
        assert "Problems in" not in fetch(url)
        # A brief that never built is shown at the address it asks for.
        new = fetch(site + "2025/07/05/new/")
        assert new is not None and "Problems in briefs/new.md" in new
        assert "<code>briefs/new.md:2:1</code> <strong>error</strong>" in new
