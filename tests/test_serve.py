"""`mkdocs serve` rebuilds when a brief changes, although briefs live outside docs_dir."""

from __future__ import annotations

from pathlib import Path

from serving import mkdocs_serve, wait_for
from support import make_project

BRIEF = "---\ntitle: Preview\ndate: 2025-07-04\n---\n\nThe first version.\n"


def test_serve_rebuilds_the_page_when_its_brief_file_changes(tmp_path: Path):
    project = make_project(tmp_path, {"preview.md": BRIEF})
    with mkdocs_serve(project) as site:
        url = site + "2025/07/04/preview/"
        assert wait_for(url, "The first version.", 60)
        brief = project / "briefs" / "preview.md"
        brief.write_text(BRIEF.replace("The first version.", "The second version."))
        assert wait_for(url, "The second version.", 60)
