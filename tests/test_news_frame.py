"""The news frame's sections row and footer link to the pages the site has."""

from __future__ import annotations

import re

from support import make_project, run_mkdocs_build

BRIEF = """---
title: Drones hit the port
date: 2025-07-03
sources:
  aide:
    name: An aide
    kind: anonymous
---

Drones hit the port, an aide said. [@aide]
"""


def _block(html: str, start: str, end: str) -> str:
    part = html[html.index(start) :]
    return part[: part.index(end)]


def _links(html: str) -> list[tuple[str, str, bool]]:
    """(label, href, marked as the current page) of each link."""
    return [
        (label, href, bool(current))
        for href, current, label in re.findall(
            r'<a (?:class="[^"]*" )?href="([^"]*)"( aria-current="page")?[^>]*>([^<]*)</a>', html
        )
    ]


def test_the_frame_links_the_plugins_pages_and_the_editors_own(tmp_path):
    project = make_project(tmp_path, {"port.md": BRIEF})
    content = project / "content"
    (content / "stories.md").write_text("# Stories\n\nOur running stories.\n")
    (content / "contact").mkdir()
    (content / "contact" / "index.md").write_text("# Contact\n")
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output

    brief = build.page("2025/07/03/port/")
    sections = _links(_block(brief, 'class="briefs-sections"', "</nav>"))
    assert sections[:5] == [
        ("Front page", "../../../../", False),
        ("Timeline", "../../../../timeline/", False),
        ("Stories", "../../../../stories/", False),  # the editor's stories.md
        ("Archive", "../../../../archive/", False),
        ("How we label sources", "../../../../sources/", False),
    ]
    footer = _links(_block(brief, 'class="briefs-footer__standards"', "</nav>"))
    assert [label for label, _, _ in footer] == [
        "How we label sources",
        "Types of brief",
        "Corrections",
        "About us",
        "Contact",
        "Feed (Atom)",
    ]
    assert ("Contact", "../../../../contact/", False) in footer
    assert ("About us", "../../../../about/", False) in footer
    assert ("Types of brief", "../../../../sources/#brief-types", False) in footer

    timeline = _links(_block(build.page("timeline/"), 'class="briefs-sections"', "</nav>"))
    assert ("Timeline", "./", True) in timeline
    assert [label for label, _, current in timeline if current] == ["Timeline"]
