"""A brief's lead image in the built site: the page, the front page, link previews."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from images import png
from support import TEST_SITE_URL, make_project, run_mkdocs_build

BRIEF = """---
title: Interceptors over Kyiv
date: 2025-07-04
image:
  src: images/kyiv-air-defense.PNG
  alt: Air-defense interceptors streak over Kyiv at night.
  caption: Interceptors over Kyiv on July 4.
  credit: "Photo: Jane Doe/Example Agency"
---

The city's air defense fired all night.
"""
OLDER = "---\ntitle: Older news\ndate: 2025-07-01\n---\n\nEarlier text.\n"
URL = "2025/07/04/kyiv/"


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.json_ld: list[str] = []
        self._script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self._script = tag == "script" and dict(attrs).get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._script:
            self.json_ld.append(data)

    def handle_endtag(self, tag):
        self._script = False

    def all(self, tag: str) -> list[dict[str, str]]:
        return [attrs for name, attrs in self.tags if name == tag]

    def meta(self, key: str) -> list[str]:
        return [a["content"] for a in self.all("meta") if key in (a.get("property"), a.get("name"))]


def tags_of(html: str) -> Tags:
    parsed = Tags()
    parsed.feed(html)
    return parsed


def test_the_lead_image_is_copied_measured_and_announced(tmp_path):
    project = make_project(tmp_path, {"kyiv.md": BRIEF, "older.md": OLDER})
    (project / "briefs" / "images").mkdir()
    (project / "briefs" / "images" / "kyiv-air-defense.PNG").write_bytes(png(64, 36))
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    copy = build.site / URL / "kyiv-air-defense.png"
    assert copy.read_bytes() == png(64, 36)

    page = build.page(URL)
    tags = tags_of(page)
    [image] = [a for a in tags.all("img") if a["src"] == "kyiv-air-defense.png"]
    assert image["alt"] == "Air-defense interceptors streak over Kyiv at night."
    assert (image["width"], image["height"]) == ("64", "36")
    assert image["loading"] == "eager"  # at the top of the page
    figure = page[page.index('<figure class="brief-image">') :]
    figure = figure[: figure.index("</figure>")]
    assert "Interceptors over Kyiv on July 4." in figure
    assert "Photo: Jane Doe/Example Agency" in figure

    absolute = TEST_SITE_URL + URL + "kyiv-air-defense.png"
    assert tags.meta("og:image") == [absolute]
    assert tags.meta("og:image:alt") == [image["alt"]]
    assert tags.meta("twitter:card") == ["summary_large_image"]
    assert tags.meta("twitter:image") == [absolute]
    [data] = [json.loads(script) for script in tags.json_ld]
    assert data["image"] == {
        "@type": "ImageObject",
        "url": absolute,
        "width": 64,
        "height": 36,
        "caption": "Interceptors over Kyiv on July 4.",
    }

    # The front page's lead shows it, from the home page's own address.
    home = tags_of((build.site / "index.html").read_text(encoding="utf-8"))
    [lead] = [a for a in home.all("img") if a["src"].endswith("kyiv-air-defense.png")]
    assert lead["src"] == URL + "kyiv-air-defense.png"
    assert (lead["width"], lead["height"], lead["alt"]) == ("64", "36", image["alt"])


def test_a_brief_without_an_image_keeps_the_small_card(tmp_path):
    project = make_project(tmp_path, {"older.md": OLDER})
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    tags = tags_of(build.page("2025/07/01/older/"))
    assert tags.meta("twitter:card") == ["summary"]
    assert tags.meta("og:image") == []
    assert "brief-image" not in build.page("2025/07/01/older/")


def test_a_missing_alt_fails_the_strict_build_at_its_line(tmp_path):
    text = re.sub(r"  alt: .*\n", "", BRIEF)
    project = make_project(tmp_path, {"kyiv.md": text})
    (project / "briefs" / "images").mkdir()
    (project / "briefs" / "images" / "kyiv-air-defense.PNG").write_bytes(png(8, 8))
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 1
    assert "briefs/kyiv.md:4:1: the image has no alt text" in build.output
    assert "Traceback" not in build.output


def test_an_image_from_the_docs_folder(tmp_path):
    text = BRIEF.replace("images/kyiv-air-defense.PNG", "/media/kyiv.gif")
    project = make_project(tmp_path, {"kyiv.md": text})
    (project / "content" / "media").mkdir()
    (project / "content" / "media" / "kyiv.gif").write_bytes(b"GIF89a\x02\x00\x01\x00\x00\x00\x00;")
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    [image] = [a for a in tags_of(build.page(URL)).all("img") if a["src"] == "kyiv.gif"]
    assert (image["width"], image["height"]) == ("2", "1")
    assert (build.site / URL / "kyiv.gif").is_file()


def test_an_image_outside_the_project_is_not_copied(tmp_path):
    secret = tmp_path / "secret.png"
    secret.write_bytes(png(4, 4))
    text = BRIEF.replace("images/kyiv-air-defense.PNG", "../../secret.png")
    project = make_project(tmp_path, {"kyiv.md": text})
    build = run_mkdocs_build(project, tmp_path / "site", strict=False)
    assert build.returncode == 0, build.output
    assert "the image file '../../secret.png' was not found" in build.output
    assert not list((tmp_path / "site").rglob("secret*"))
