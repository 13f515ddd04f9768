"""Drafts and scheduled briefs: shown by `mkdocs serve`, in no file of `mkdocs build`."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from serving import mkdocs_serve, wait_for
from support import make_project, run_mkdocs_build

GLOSSARY = "drone:\n  term: drone\n  definition: An aircraft with no pilot.\n"
PUBLISHED = (
    "---\ntitle: Published brief\ndate: 2025-07-04\ntags: [Drones]\n---\n\n"
    "A drone flew over the city.\n"
)
DRAFT = (
    "---\ntitle: Zebra draft headline\ndate: 2025-07-03\ntags: [Drones, Zebras]\n"
    "draft: true\nevents:\n  - id: zebra-call\n    when: Thursday\n    title: Zebra call\n---\n\n"
    "A drone met a zebra [on Thursday](#zebra-call). Zebra body words.\n"
)
SCHEDULED = (
    "---\ntitle: Walrus scheduled headline\ndate: 2030-01-01T09:00:00-05:00\n"
    "tags: [Walruses]\n---\n\nA drone met a walrus. Walrus body words.\n"
)
HIDDEN = ("Zebra", "zebra", "Walrus", "walrus")


def epoch(*when: int) -> str:
    return str(int(datetime(*when, tzinfo=UTC).timestamp()))


def project_with_drafts(tmp_path: Path) -> Path:
    project = make_project(
        tmp_path,
        {"published.md": PUBLISHED, "zebra-draft.md": DRAFT, "walrus-scheduled.md": SCHEDULED},
        extra_config="      glossary: content/glossary.yml\n  - search\n",
    )
    (project / "content" / "glossary.yml").write_text(GLOSSARY)
    return project


def files_mentioning(site: Path, words: tuple[str, ...]) -> list[str]:
    found = []
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if any(word.encode() in data for word in words):
                found.append(path.relative_to(site).as_posix())
    return found


def test_drafts_and_scheduled_briefs_are_in_no_file_of_the_build(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(2026, 1, 1))
    project = project_with_drafts(tmp_path)
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    site = tmp_path / "site"
    assert "Published brief" in build.page("2025/07/04/published/")
    # Page, lists, archive, tags, timeline, glossary "Used in", feed, sitemap, search.
    for listed in ("feed.xml", "search/search_index.json", "glossary/index.html"):
        assert "Published brief" in (site / listed).read_text(encoding="utf-8"), listed
    assert "2025/07/04/published/" in (site / "sitemap.xml").read_text(encoding="utf-8")
    # Their titles, words and slugs (zebra-draft, walrus-scheduled) are in no file.
    assert files_mentioning(site, HIDDEN) == []
    assert not (site / "2025/07/03/zebra-draft").exists()
    assert not (site / "tags/zebras").exists()


def test_a_scheduled_brief_appears_once_the_build_is_after_its_date(tmp_path, monkeypatch):
    project = project_with_drafts(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(2030, 1, 1, 13, 59))  # 8:59 a.m. EST
    before = run_mkdocs_build(project, tmp_path / "before")
    assert before.returncode == 0, before.output
    assert files_mentioning(before.site, ("Walrus",)) == []
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(2030, 1, 1, 14, 0))  # 9:00 a.m. EST
    after = run_mkdocs_build(project, tmp_path / "after")
    assert after.returncode == 0, after.output
    page = after.page("2030/01/01/walrus-scheduled/")
    assert "Walrus scheduled headline" in page
    assert "brief-status" not in page  # published now: no banner
    for listed in ("index.html", "feed.xml", "sitemap.xml", "archive/index.html"):
        assert "alrus" in (after.site / listed).read_text(encoding="utf-8"), listed
    assert files_mentioning(after.site, ("Zebra",)) == []  # the draft stays out


def test_serve_shows_the_draft_with_its_banner(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(2026, 1, 1))
    project = project_with_drafts(tmp_path)
    with mkdocs_serve(project) as site:
        draft = site + "2025/07/03/zebra-draft/"
        assert wait_for(draft, "Zebra draft headline", 60)
        assert wait_for(draft, "<strong>Draft</strong> · not published", 5)
        scheduled = site + "2030/01/01/walrus-scheduled/"
        assert wait_for(scheduled, "<strong>Scheduled</strong> · published on", 5)
        published = site + "2025/07/04/published/"
        assert wait_for(published, "Published brief", 5)
        assert not wait_for(published, "brief-status", 1)
