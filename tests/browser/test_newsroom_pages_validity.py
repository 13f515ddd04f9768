"""The Nu Html Checker on the newsroom features' markup: a brief with a lead image,
byline links and reading time, an author's page and the list of authors."""

from __future__ import annotations

import json
import shutil
import subprocess

from images import png
from support import make_project, missing, run_mkdocs_build
from test_html_validity import MATERIAL_ERRORS, VNU_JAR, element

BRIEF = """---
title: Interceptors over Kyiv
date: 2025-07-04
authors: [jane-doe, Guest Writer]
image:
  src: kyiv.png
  alt: Air-defense interceptors streak over Kyiv at night.
  caption: Interceptors over Kyiv on July 4.
  credit: "Photo: Jane Doe/Example Agency"
---

The city's air defense fired all night.

![A map of Kyiv](kyiv.png)
"""
AUTHORS = "jane-doe:\n  name: Jane Doe\n  role: Correspondent\n  bio: Covers Kyiv.\n"
AUTHORS += "  url: https://example.org/jane\n  avatar: media/jane.png\n"
PAGES = ("2025/07/04/kyiv/", "authors/jane-doe/", "authors/", "")


def test_the_new_pages_have_no_html_errors_of_ours(tmp_path):
    java = shutil.which("java")
    if java is None:
        missing("Java", "install default-jre-headless; `make test` does on Debian as root")
    if not VNU_JAR.exists():
        missing("The Nu Html Checker", "run `npm ci --ignore-scripts`; `make test` does")
    project = make_project(
        tmp_path, {"kyiv.md": BRIEF}, extra_config="      authors: content/authors.yml\n"
    )
    (project / "briefs" / "kyiv.png").write_bytes(png(32, 18))
    (project / "content" / "authors.yml").write_text(AUTHORS)
    (project / "content" / "media").mkdir()
    (project / "content" / "media" / "jane.png").write_bytes(png(8, 8))
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    files = [build.site / url / "index.html" for url in PAGES]
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--errors-only", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr)["messages"]
    ours = [m for m in messages if (m["message"], element(m)) not in MATERIAL_ERRORS]
    assert [f"{m.get('url')}:{m.get('lastLine')}: {m['message']}" for m in ours] == []
