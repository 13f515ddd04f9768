"""What other plugins find on the plugin's pages (the page contract).

A probe plugin, listed after `briefs`, records what MkDocs' events hand it,
as any other plugin would read it.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin
from support import make_project

BRIEF = """\
---
title: Talks & "air defense" <resume>
date: 2025-07-06T09:30:00-04:00
updated: 2025-07-07
summary: Officials met again & spoke.
type: analysis
tags: [Diplomacy, Air defense]
authors: [Jane Doe]
render_macros: false
hide: [toc]
---

Officials met again.
"""


class Probe(BasePlugin):
    """Records, per page URL, what each event shows of the page."""

    def __init__(self) -> None:
        super().__init__()
        self.files: dict[str, object] = {}
        self.markdown: dict[str, str] = {}
        self.meta: dict[str, dict] = {}
        self.content_at_post_page: dict[str, str] = {}
        self.changed_markdown = False

    def on_files(self, files, *, config):
        self.files = {file.src_uri: file for file in files}
        return files

    def on_page_markdown(self, markdown, *, page, config, files):
        self.markdown[page.url] = markdown
        self.meta[page.url] = dict(page.meta)
        if page.url.endswith("talks/"):
            return markdown.replace("met again", "met once more")  # as macros would
        return markdown

    def on_post_page(self, output, *, page, config):
        self.content_at_post_page[page.url] = page.content or ""
        return output


@pytest.fixture(scope="module")
def probed(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("contract"), {"talks.md": BRIEF})
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    probe = Probe()
    config.plugins["probe"] = probe  # after briefs, as it would be listed
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    try:
        build(config)
    finally:
        logging.getLogger("mkdocs").setLevel(logging.NOTSET)
    return project, probe


URL = "2025/07/06/talks/"


def test_the_brief_page_meta_holds_its_fields_as_plain_values(probed):
    _, probe = probed
    meta = probe.meta[URL]
    assert meta["title"] == 'Talks & "air defense" <resume>'  # plain text, not HTML
    assert meta["description"] == "Officials met again & spoke."
    assert isinstance(meta["date"], datetime) and meta["date"].isoformat().startswith(
        "2025-07-06T09:30:00-04:00"
    )
    assert isinstance(meta["updated"], datetime) and meta["updated"].date().isoformat() == (
        "2025-07-07"
    )
    assert meta["tags"] == ["Diplomacy", "Air defense"]
    assert meta["authors"] == ["Jane Doe"]
    assert meta["type"] == "analysis"
    assert meta["render_macros"] is False  # front matter other plugins read
    assert "toc" in meta["hide"]


def test_the_brief_page_markdown_is_its_body_and_a_change_is_rendered(probed):
    project, probe = probed
    assert probe.markdown[URL].strip() == "Officials met again."
    page = (project / "site" / URL / "index.html").read_text(encoding="utf-8")
    assert "Officials met once more." in page


def test_content_is_whole_until_the_end_of_post_page(probed):
    _, probe = probed
    assert "Officials met once more." in probe.content_at_post_page[URL]
    for url in ("timeline/", "archive/", "tags/", "sources/"):
        assert "<" in probe.content_at_post_page[url], url


def test_the_brief_file_is_the_brief_itself(probed):
    project, probe = probed
    file = probe.files["briefs/talks.md"]
    assert not file.generated_by
    assert Path(file.abs_src_path) == (project / "briefs" / "talks.md").resolve()
    assert file.url == URL
    site_page = probe.files["timeline/index.md"]
    assert site_page.abs_src_path and Path(site_page.abs_src_path).is_file()
