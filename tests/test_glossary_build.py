"""The glossary in built sites: the first brief's terms, the glossary page, the problems."""

from __future__ import annotations

import re
from pathlib import Path

from support import FIRST_BRIEF_URL as BRIEF_URL
from support import ROOT, make_project, run_mkdocs_build
from test_build import visible_text

from mkdocs_briefs.core.glossary.terms import load_glossary

SHIPPED_GLOSSARY, _ = load_glossary(
    (ROOT / "content" / "glossary.yml").read_text(encoding="utf-8"), "content/glossary.yml"
)
TERM_LINK = re.compile(
    r'<a class="brief-term" href="([^"]*)" data-term="([^"]+)" [^>]*>(.*?)</a>', re.S
)


def described_by(html: str, term_id: str) -> str:
    """The text of the element a term link's aria-describedby points to."""
    link = re.search(rf'data-term="{term_id}" aria-describedby="([^"]+)"', html)
    assert link, f"no link for {term_id}"
    target = re.search(rf'<p id="{link.group(1)}" role="tooltip"[^>]*>(.*?)</p>', html, re.S)
    assert target, f"no element #{link.group(1)}"
    return visible_text(target.group(1))


def test_the_first_air_defense_and_interceptors_link_to_their_entries(shipped_build):
    html = shipped_build.page(BRIEF_URL)
    body = html[html.index('<div class="brief-body">') :]
    for term_id, words in (("air-defense", "air defense"), ("interceptor", "interceptors")):
        link = re.search(
            rf'<a class="brief-term" href="\.\./\.\./\.\./\.\./glossary/#{term_id}" '
            rf'data-term="{term_id}" aria-describedby="term-{term_id}">{words}</a>',
            body,
        )
        assert link, term_id
        # It is the first mention in the body: the words do not occur before the link.
        assert words not in visible_text(body[: link.start()]).lower(), term_id
        # ... and the only link to the term.
        assert body.count(f'data-term="{term_id}"') == 1


def test_each_linked_term_is_described_by_its_definition_in_the_page(shipped_build):
    html = shipped_build.page(BRIEF_URL)
    linked = {term_id for _, term_id, _ in TERM_LINK.findall(html)}
    assert {"air-defense", "interceptor"} <= linked
    for term_id in linked:
        definition = SHIPPED_GLOSSARY.terms[term_id].definition
        # The Markdown source and the rendered text agree once links are reduced to their text.
        expected = " ".join(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", definition).split())
        assert described_by(html, term_id) == expected
        assert html.count(f'id="term-{term_id}"') == 1


def test_no_heading_contains_a_glossary_link(shipped_build):
    html = shipped_build.page(BRIEF_URL)
    headings = re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", html, re.S)
    assert headings  # the page title at least
    assert not [text for _, text in headings if "brief-term" in text]


def test_the_glossary_page_lists_the_brief_under_every_term_it_uses(shipped_build):
    brief_html = shipped_build.page(BRIEF_URL)
    linked = [term_id for _, term_id, _ in TERM_LINK.findall(brief_html)]
    title = "Trump tells Zelensky he wants to help Ukraine with air defense, sources say"
    page = shipped_build.page("glossary/")
    assert "<title>Glossary - Briefs</title>" in page
    entries = dict(
        re.findall(r'<div class="brief-glossary__entry" id="([^"]+)">(.*?)</div>', page, re.S)
    )
    assert set(entries) == set(SHIPPED_GLOSSARY.terms)
    for term_id in linked:
        assert f'<a href="../{BRIEF_URL}">{title}</a>' in entries[term_id], term_id
        assert '<time datetime="2025-07-04">July 4, 2025</time>' in entries[term_id]
    # The glossary page's anchors are the ones the brief links to.
    for href, term_id, _ in TERM_LINK.findall(brief_html):
        assert href == f"../../../../glossary/#{term_id}"


def test_the_glossary_file_is_not_published_and_the_script_is_loaded(shipped_build):
    assert not list(shipped_build.site.rglob("*.yml"))
    html = shipped_build.page(BRIEF_URL)
    assert "assets/briefs/glossary.js" in html
    assert "assets/briefs/glossary.css" in html
    assert (shipped_build.site / "assets" / "briefs" / "glossary.js").is_file()


BRIEF = "---\ntitle: A\ndate: 2025-07-04\n---\n\nDrones and [shields](glossary:air-defence).\n"
GLOSSARY = (
    "air-defense:\n  term: air defense\n  definition: Weapons.\n"
    "drone:\n  term: drone\n  definition: An aircraft.\n  see: [air-defence]\n"
    "cruise-missile:\n  term: cruise missile\n  definition: A missile.\n"
)


def glossary_project(tmp_path: Path, brief: str, glossary: str) -> Path:
    project = make_project(
        tmp_path, {"a.md": brief}, extra_config="      glossary: content/glossary.yml\n"
    )
    (project / "content" / "glossary.yml").write_text(glossary, encoding="utf-8")
    return project


def test_glossary_and_link_problems_are_reported_with_their_files(tmp_path):
    project = glossary_project(tmp_path, BRIEF, GLOSSARY)
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 1
    for expected in (
        "WARNING -  briefs: content/glossary.yml:7:9: term 'drone' has see: 'air-defence', "
        "which is not a term id in this glossary (did you mean 'air-defense'?)",
        "WARNING -  briefs: briefs/a.md:6:21: unknown glossary term 'air-defence' "
        "(did you mean 'air-defense'?)",
    ):
        assert expected in build.output, build.output
    assert "Traceback" not in build.output


def test_an_unused_term_is_reported_but_never_fails_a_strict_build(tmp_path):
    brief = BRIEF.replace("air-defence", "air-defense")
    project = glossary_project(tmp_path, brief, GLOSSARY.replace("[air-defence]", "[air-defense]"))
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    assert (
        "INFO    -  briefs: content/glossary.yml:8:1: the glossary term 'cruise-missile' is "
        "used in no brief"
    ) in build.output
    assert "WARNING" not in build.output
    page = build.page("glossary/")
    assert 'id="cruise-missile"' in page
    assert not (build.site / "glossary.yml").exists()
    brief_html = build.page("2025/07/04/a/")
    assert [m[1:] for m in TERM_LINK.findall(brief_html)] == [
        ("drone", "Drones"),
        ("air-defense", "shields"),
    ]


def test_a_broken_glossary_file_is_one_error_and_briefs_still_build(tmp_path):
    project = glossary_project(tmp_path, BRIEF.replace("air-defence", "drone"), "a: [b\n")
    build = run_mkdocs_build(project, tmp_path / "site", strict=False)
    assert build.returncode == 0, build.output
    assert "ERROR   -  briefs: content/glossary.yml:2:1: invalid YAML" in build.output
    assert "Traceback" not in build.output
    # The explicit link names an id the unreadable glossary cannot confirm: reported, text kept.
    assert "Drones and shields." in visible_text(build.page("2025/07/04/a/"))
