"""`mkdocs serve` with a plugin that rewrites every page (glightbox): after an edit,
every page the server serves is whole, not only the one that changed."""

from __future__ import annotations

from ecosystem_sites import ORDERS, TEST_BRIEF_NAME, TEST_BRIEF_URL, make_ecosystem_project
from serving import fetch, mkdocs_serve, wait_for


def test_pages_stay_complete_after_an_edit_under_serve(tmp_path):
    project = make_ecosystem_project(tmp_path, "- glightbox", ORDERS[1])
    with mkdocs_serve(project, tmp_path / "serve.log") as site:
        brief = site + TEST_BRIEF_URL
        assert wait_for(brief, "Officials met again", 60)
        path = project / "briefs" / TEST_BRIEF_NAME
        path.write_text(
            path.read_text(encoding="utf-8").replace("met again", "met once more"),
            encoding="utf-8",
        )
        assert wait_for(brief, "Officials met once more", 60)
        pages = {
            brief: ('class="glightbox"', "brief-sourcing"),
            site + "2025/07/04/trump-zelensky-air-defense/": ("brief-body", "brief-sourcing"),
            site: ("Latest briefs", "Officials met once more"),
            site + "timeline/": ("brief-timeline", "Timeline"),
            site + "archive/": ("talks-resume/", "trump-zelensky-air-defense/"),
        }
        for url, expected in pages.items():
            html = fetch(url)
            assert html is not None and "</html>" in html, url
            for text in expected:
                assert text in html, (url, text)
