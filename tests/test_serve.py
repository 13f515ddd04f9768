"""`mkdocs serve` rebuilds when a brief changes, although briefs live outside docs_dir."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from serving import mkdocs_serve, wait_for
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
