"""The shipped site builds strictly, and the first brief's page is all there."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from support import FIRST_BRIEF, ROOT, make_project, run_mkdocs_build

BRIEF_URL = "2025/07/04/trump-zelensky-air-defense/"


class _TextCollector(HTMLParser):
    """The visible text of a page fragment, whitespace folded."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def visible_text(html: str) -> str:
    collector = _TextCollector()
    collector.feed(html)
    return " ".join("".join(collector.parts).split())


def body_paragraphs(markdown_path: Path) -> list[str]:
    """Each paragraph and bullet of the brief as plain text, annotations stripped."""
    body = markdown_path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    texts = []
    for block in body.split("\n"):
        block = block.strip().removeprefix("- ")
        if not block:
            continue
        block = re.sub(r"\s*\[@[^\]]*\]", "", block)  # citation markers
        block = re.sub(r"\[([^\]]*)\]\(#[^)]*\)", r"\1", block)  # event mentions
        block = block.replace("**", "")
        texts.append(block)
    return texts


def test_the_shipped_site_builds_strictly_without_warnings(shipped_build):
    assert shipped_build.returncode == 0, shipped_build.output
    assert "WARNING" not in shipped_build.output
    assert "ERROR" not in shipped_build.output


def test_the_first_brief_is_at_its_dated_url_with_its_title(shipped_build):
    html = shipped_build.page(BRIEF_URL)
    title = "Trump tells Zelensky he wants to help Ukraine with air defense, sources say"
    assert f"<title>{title} - Briefs</title>" in html
    assert f'<h1 class="brief-header__title" id="brief-headline">{title}</h1>' in html
    assert '<time datetime="2025-07-04">July 4, 2025</time>' in html


def test_every_paragraph_and_bullet_of_the_brief_is_on_the_page(shipped_build):
    html = shipped_build.page(BRIEF_URL)
    page_text = visible_text(html)
    paragraphs = body_paragraphs(FIRST_BRIEF)
    assert len(paragraphs) == 14  # the seed article: 5 paragraphs, 9 bullets
    for paragraph in paragraphs:
        assert visible_text(paragraph) in page_text, paragraph
    # The transmission damage of the seed article is repaired.
    assert "β" not in page_text and "ammunication" not in page_text
    assert "by surprise" in page_text


def test_the_sections_are_anchored_with_no_contents_column_and_a_skip_link_to_the_story(
    shipped_build,
):
    html = shipped_build.page(BRIEF_URL)
    # A story of a few hundred words needs no contents column, nor the docs navigation.
    assert 'data-md-component="toc"' not in html
    assert 'class="md-nav md-nav--primary"' not in html
    for anchor in ["why-it-matters", "behind-the-scenes", "what-they-are-saying", "timeline"]:
        assert f'id="{anchor}"' in html
    # Material's skip link leads to the page's first contents entry: the headline.
    assert re.search(r'<a href="#brief-headline" class="md-skip">', html)


def test_briefs_stay_out_of_the_navigation(shipped_build):
    home = (shipped_build.site / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('class="briefs-sections"') :]
    nav = nav[: nav.index("</nav>")]
    assert BRIEF_URL not in nav


def test_the_brief_is_in_the_search_index(shipped_build):
    index = (shipped_build.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert BRIEF_URL in index
    assert "Behind the scenes" in index


GOOD = (
    "---\ntitle: Good\ndate: 2025-07-04\n---\n\n"
    "Fine. See [the other](other.md) and [about](../content/about.md).\n"
)
OTHER = "---\ntitle: Other\ndate: 2025-07-01\n---\n\nOther text.\n"


def test_a_broken_brief_is_skipped_with_its_message_and_the_others_still_build(tmp_path):
    project = make_project(
        tmp_path,
        {"good.md": GOOD, "other.md": OTHER, "broken.md": "---\ntitle: [x\n---\n"},
    )
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 1
    assert (
        "briefs/broken.md:2:10: invalid YAML: expected ',' or ']', but got the end of the YAML"
        in build.output
    )
    assert "Aborted with 1 errors in strict mode" in build.output
    assert "Traceback" not in build.output
    # Without --strict the good briefs are published and links between them work.
    loose = run_mkdocs_build(project, tmp_path / "loose", strict=False)
    assert loose.returncode == 0, loose.output
    good = loose.page("2025/07/04/good/")
    assert '<a href="../../01/other/">the other</a>' in good
    assert '<a href="../../../../about/">about</a>' in good


def test_every_problem_is_listed_before_strict_mode_stops(tmp_path):
    project = make_project(
        tmp_path,
        {
            "a.md": "---\ntitle: A\ndate: 2025-07-04\ntype: opinon\n---\nText [@nobody].\n",
            "b.md": "---\ndate: 2025-07-04\n---\nText.\n",
            "c.md": GOOD.replace("other.md", "missing.md"),
        },
    )
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 1
    for expected in (
        "briefs/a.md:4:7: unknown type 'opinon' (did you mean 'opinion'?)",
        "briefs/a.md:6:8: unknown source 'nobody'",
        "briefs/b.md:2:1: the title is missing",
        "briefs/c.md:6: the link 'missing.md' points to no brief or page",
    ):
        assert expected in build.output, build.output
    assert "Traceback" not in build.output


def test_two_briefs_with_the_same_url_are_both_named(tmp_path):
    project = make_project(
        tmp_path,
        {
            "good.md": GOOD.replace("other.md", "good.md"),
            "sub/good.md": GOOD.replace("other.md", "x.md"),
        },
    )
    build = run_mkdocs_build(project, tmp_path / "site")
    assert (
        "briefs/sub/good.md:1:1: this brief and briefs/good.md both make the page /2025/07/04/good/"
        in build.output
    )


def test_plugin_options_are_validated_with_clear_messages(tmp_path):
    project = make_project(tmp_path, {"good.md": OTHER}, extra_config="      colour: red\n")
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 1
    assert "colour" in build.output
    config = (project / "mkdocs.yml").read_text().replace("America/New_York", "Mars/Olympus")
    (project / "mkdocs.yml").write_text(config)
    build = run_mkdocs_build(project, tmp_path / "site2")
    assert build.returncode == 1
    assert "unknown time zone 'Mars/Olympus'" in build.output


def test_a_custom_dir_overrides_the_brief_template(tmp_path):
    project = make_project(tmp_path, {"other.md": OTHER})
    overrides = project / "overrides"
    overrides.mkdir()
    (overrides / "brief.html").write_text(
        '{% extends "main.html" %}{% block content %}<p id="custom">{{ page.title }}</p>'
        "{% endblock %}"
    )
    config = (project / "mkdocs.yml").read_text()
    config = config.replace(
        "theme: {name: material}", "theme: {name: material, custom_dir: overrides}"
    )
    (project / "mkdocs.yml").write_text(config)
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    assert '<p id="custom">Other</p>' in build.page("2025/07/01/other/")


def test_the_core_does_not_import_mkdocs():
    # The core must outlive its host: nothing under core/ imports MkDocs.
    core = ROOT / "plugin" / "mkdocs_briefs" / "core"
    offenders = [
        p
        for p in core.rglob("*.py")
        if re.search(r"^\s*(from|import) mkdocs\b", p.read_text(), re.M)
    ]
    assert offenders == []
