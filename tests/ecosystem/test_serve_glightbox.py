"""`mkdocs serve` with a plugin that rewrites every page (glightbox) and one that checks
every page's links (htmlproofer): after an edit, every page the server serves is whole,
not only the one that changed, and the links checked are the real ones."""

from __future__ import annotations

from ecosystem_sites import ORDERS, TEST_BRIEF_NAME, TEST_BRIEF_URL, make_ecosystem_project
from serving import fetch, mkdocs_serve, wait_for


def test_pages_stay_complete_after_an_edit_under_serve(tmp_path):
    plugins = "- glightbox\n- htmlproofer:\n    validate_external_urls: false\n"
    project = make_ecosystem_project(tmp_path, plugins, ORDERS[1])
    log = tmp_path / "serve.log"
    with mkdocs_serve(project, log) as site:
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
    # Both builds, the first and the one after the edit, found the brief's broken
    # anchor, and nothing else.
    proofed = [line for line in log.read_text().splitlines() if "htmlproofer:" in line]
    assert proofed and all("#no-such-anchor" in line for line in proofed), proofed
