"""Hostile text is inert: HTML or script in any field shows as text, everywhere.

One brief puts markup in every text field; a twin brief has the same
structure with the markup characters replaced. Built by MkDocs, the two
pages must have exactly the same elements: nothing the author wrote became a
tag. No page, feed or index of the site may carry an event-handler attribute
or a script with the author's text.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from support import Build, make_project, run_mkdocs_build

MARK = "pwned"
SCRIPT = f"<script>alert('{MARK}')</script>"
IMG = f"<img src=x onerror=alert('{MARK}')>"
BREAK_OUT = f'"><svg onload=alert("{MARK}")>'  # tries to leave an attribute value
TITLE_BREAK = f"</title>{SCRIPT}"


def yaml_str(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


HOSTILE = f"""---
title: {yaml_str(TITLE_BREAK + " &lt;/title&gt;&lt;script&gt;x&lt;/script&gt;")}
date: 2025-07-04
summary: {yaml_str(BREAK_OUT + SCRIPT)}
tags: [{yaml_str(SCRIPT)}, {yaml_str(IMG)}]
authors: [{yaml_str(IMG)}]
sources:
  src:
    name: {yaml_str(SCRIPT)}
    kind: named
    detail: {yaml_str(f"<b onmouseover=alert('{MARK}')>detail</b>")}
    via: {yaml_str(BREAK_OUT)}
    url: {yaml_str('https://example.org/"><script>alert(1)</script>')}
events:
  - id: ev
    when: Thursday
    kind: call
    title: {yaml_str(SCRIPT)}
    participants: [{yaml_str(IMG)}]
    duration: {yaml_str(BREAK_OUT)}
    sources: [src]
corrections:
  - date: 2025-07-05
    text: {yaml_str(SCRIPT)}
---

## {SCRIPT} heading

**{IMG}:** a section label with markup in it. [@src]

Text [on Thursday](#ev) about air defense. {SCRIPT} [@src]

- A [javascript link](javascript:alert('{MARK}')) and ![an image](data:text/html,{MARK}).
- Raw {IMG} and <a href="javascript:alert('{MARK}')">an anchor</a>. [@src]

<div onclick="alert('{MARK}')">{SCRIPT}</div>
"""
HOSTILE_GLOSSARY = f"""air-defense:
  term: air defense
  aliases: [{yaml_str("air defense " + IMG)}]
  definition: {yaml_str(SCRIPT + " weapons " + IMG + " [x](javascript:alert(1))")}
  see: [hostile]
hostile:
  term: {yaml_str("hostile " + SCRIPT)}
  definition: {yaml_str(BREAK_OUT)}
"""


def defused(text: str) -> str:
    """The same brief without markup characters: same structure, harmless text."""
    return text.replace("<", "(").replace(">", ")").replace('"', "\u201c")


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.handlers: list[tuple[str, str]] = []  # (tag, on* attribute)
        self.scripts: list[str] = []  # src or text of every executable script element
        self.data: list[str] = []  # the text of every JSON data block (JSON-LD, config)
        self.urls: list[str] = []  # href and src values
        self._in_script = ""
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.handlers.append((tag, name))
            if name in ("href", "src") and value:
                self.urls.append(value)
        if tag == "script":
            kind = dict(attrs).get("type") or ""
            self._in_script = "data" if kind.endswith("json") else "script"
            if self._in_script == "script":
                self.scripts.append(dict(attrs).get("src") or "")
            else:
                self.data.append("")
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = ""
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_script == "script":
            self.scripts[-1] += data
        elif self._in_script == "data":
            self.data[-1] += data
        if self._in_title:
            self.title += data


def elements(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory) -> Build:
    tmp = tmp_path_factory.mktemp("hostile")
    project = make_project(
        tmp,
        # The twin's tags differ, so the hostile tags get tag pages of their own.
        {
            "evil.md": HOSTILE,
            "twin.md": re.sub(r"(?m)^tags: .*$", "tags: [one, two]", defused(HOSTILE)),
        },
        extra_config="      glossary: content/glossary.yml\n",
    )
    (project / "content" / "glossary.yml").write_text(HOSTILE_GLOSSARY, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("plugins:\n", "plugins:\n  - search\n"))
    build = run_mkdocs_build(project, tmp / "site", strict=False)
    assert build.returncode == 0, build.output
    assert "Traceback" not in build.output
    return build


def test_markup_in_the_brief_creates_no_element_on_the_page(hostile_build):
    evil = elements(hostile_build.page("2025/07/04/evil/"))
    twin = elements(hostile_build.page("2025/07/04/twin/"))
    assert evil.tags == twin.tags
    assert evil.tags["script"] == twin.tags["script"] > 0  # the theme's own scripts only


def test_no_event_handler_script_or_unsafe_url_comes_from_the_author(hostile_build):
    pages = sorted(hostile_build.site.rglob("*.html"))
    assert len(pages) >= 4
    for page in pages:
        found = elements(page.read_text(encoding="utf-8"))
        assert found.handlers == [], page
        assert not [s for s in found.scripts if MARK in s], page
        for block in found.data:  # JSON data may quote the text, but must stay one JSON value
            json.loads(block)
        assert not [u for u in found.urls if u.lower().startswith(("javascript:", "data:"))], page


def test_the_text_is_shown_as_written_in_the_title_and_description(hostile_build):
    html = hostile_build.page("2025/07/04/evil/")
    title = elements(html).title
    assert title.startswith(TITLE_BREAK + " &lt;/title&gt;")  # shown as the author typed it
    # The theme's template escapes a quote as &#34;, the core as &quot;: both show a quote.
    assert re.search(r'<meta name="description" content="(&quot;|&#34;)&gt;&lt;svg onload=', html)
    assert re.search(
        rf"&lt;script&gt;alert\((&#x27;|'){MARK}(&#x27;|')\)&lt;/script&gt; heading", html
    )
    # Site-wide pages show the same text: the glossary page, the tag pages.
    glossary = hostile_build.page("glossary/")
    assert f"hostile &lt;script&gt;alert(&#x27;{MARK}&#x27;)&lt;/script&gt;" in glossary
    tags = hostile_build.page("tags/")
    assert "&lt;img src=x onerror=alert(" in tags


def test_the_search_index_and_feeds_carry_no_markup_from_the_author(hostile_build):
    index = json.loads(
        (hostile_build.site / "search" / "search_index.json").read_text(encoding="utf-8")
    )
    entries = [e for e in index["docs"] if e["location"].startswith("2025/07/04/evil/")]
    assert entries
    for entry in entries:
        # The theme shows titles and text as HTML: they must hold no element of the author's.
        found = elements(entry["title"] + entry["text"])
        assert not {"script", "img", "svg", "div", "b"} & set(found.tags), entry
        assert found.handlers == []
    for feed in Path(hostile_build.site).rglob("*.xml"):
        text = feed.read_text(encoding="utf-8")
        assert "<script" not in text and "<img" not in text, feed
