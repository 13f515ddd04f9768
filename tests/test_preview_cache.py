"""Under `mkdocs serve`, rebuilds reuse the parses of unchanged briefs and give the same site.

The builds run in this process the way `mkdocs serve` runs them: the plugin is
started once, then the configuration is loaded again for every rebuild, so the
same plugin instance (and its cache) sees every build. After each edit the
served site must equal, file for file, a full build of the same files.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from support import FIRST_BRIEF, FIRST_BRIEF_URL, ROOT

SERVE_URL = "http://127.0.0.1:8000/"
OTHER = (
    "---\ntitle: Talks resume\ndate: 2025-07-06\n---\n\n"
    "Officials met again to discuss air defense. See [the call](trump-zelensky-air-defense.md).\n"
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copytree(ROOT / "briefs", project / "briefs")
    (project / "briefs" / "talks.md").write_text(OTHER, encoding="utf-8")
    return project


class Session:
    """One `mkdocs serve`: the plugin started once, a fresh configuration per build."""

    def __init__(self, project: Path, site: Path) -> None:
        self.project, self.site = project, site
        config = self._config(site)
        config.plugins.on_startup(command="serve", dirty=False)
        self.plugin = config.plugins["briefs"]

    def _config(self, site: Path):
        config = load_config(str(self.project / "mkdocs.yml"), site_dir=str(site))
        config.site_url = SERVE_URL
        return config

    def rebuild(self) -> None:
        build(self._config(self.site), serve_url=SERVE_URL)

    def full_build(self, site: Path) -> None:
        """What a fresh `mkdocs serve` would write for the same files."""
        config = self._config(site)
        # No cache (dirty); drafts and scheduled briefs are shown, as `mkdocs serve` shows them.
        config.plugins.on_startup(command="serve", dirty=True)
        build(config, serve_url=SERVE_URL)
        config.plugins.on_startup(command="serve", dirty=False)


@pytest.fixture
def session(project: Path, tmp_path: Path, monkeypatch) -> Iterator[Session]:
    monkeypatch.chdir(project)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1751716800")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    session = Session(project, tmp_path / "served")
    yield session
    session.plugin.on_shutdown()
    logging.getLogger("mkdocs").setLevel(logging.NOTSET)


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def assert_same_site(session: Session, tmp_path: Path, name: str) -> None:
    session.full_build(tmp_path / name)
    served, full = tree(session.site), tree(tmp_path / name)
    assert sorted(served) == sorted(full)
    assert [f for f in sorted(full) if served[f] != full[f]] == []


def test_an_edited_brief_is_rebuilt_and_the_site_equals_a_full_build(session, project, tmp_path):
    session.rebuild()
    first = project / "briefs" / FIRST_BRIEF.name
    text = first.read_text(encoding="utf-8")
    first.write_text(
        text.replace("title: ", "title: Edited, ", 1).replace("Driving the news", "Driving news"),
        encoding="utf-8",
    )
    session.rebuild()
    # Its new title is on every site-wide page.
    assert_same_site(session, tmp_path, "after-edit")
    index = (session.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Edited, " in index and "Talks resume" in index


def test_new_renamed_and_deleted_briefs_and_a_glossary_edit_give_a_full_builds_site(
    session, project, tmp_path
):
    session.rebuild()
    added = project / "briefs" / "added.md"
    added.write_text(OTHER.replace("Talks resume", "Added later"), encoding="utf-8")
    session.rebuild()
    assert_same_site(session, tmp_path, "added")

    # The brief linked to by another is renamed: the linking page is made again.
    first = project / "briefs" / FIRST_BRIEF.name
    first.rename(project / "briefs" / "renamed.md")
    session.rebuild()
    assert_same_site(session, tmp_path, "renamed")

    added.unlink()
    glossary = project / "content" / "glossary.yml"
    glossary.write_text(
        glossary.read_text(encoding="utf-8").replace("Weapons and sensors", "Sensors"),
        encoding="utf-8",
    )
    session.rebuild()
    assert_same_site(session, tmp_path, "glossary")


def test_problems_of_an_unchanged_brief_are_reported_on_every_rebuild(session, project, caplog):
    broken = project / "briefs" / "talks.md"
    broken.write_text(OTHER.replace("(trump-zelensky-air-defense.md)", "(nowhere.md)"))
    session.rebuild()
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        session.rebuild()
    assert any("nowhere.md" in record.getMessage() for record in caplog.records)


def test_every_page_is_written_again_by_every_rebuild(session, tmp_path):
    """No page counts on the file an earlier build left (another plugin may have
    changed it, or the reader's editor emptied it)."""
    session.rebuild()
    pages = [
        session.site / "2025" / "07" / "04" / "trump-zelensky-air-defense" / "index.html",
        session.site / "timeline" / "index.html",
        session.site / "index.html",
    ]
    for page in pages:
        page.write_text("", encoding="utf-8")
    session.rebuild()
    for page in pages:
        assert "</html>" in page.read_text(encoding="utf-8"), page
    assert_same_site(session, tmp_path, "rewritten")


def test_an_edit_of_the_authors_file_shows_on_kept_brief_pages(project, tmp_path, monkeypatch):
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "      glossary: content/glossary.yml\n",
            "      glossary: content/glossary.yml\n      authors: content/authors.yml\n",
        ),
        encoding="utf-8",
    )
    authors = project / "content" / "authors.yml"
    authors.write_text("jane-doe:\n  name: Jane Doe\n", encoding="utf-8")
    talks = project / "briefs" / "talks.md"
    talks.write_text(OTHER.replace("date:", "authors: [jane-doe]\ndate:"), encoding="utf-8")
    monkeypatch.chdir(project)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1751716800")
    session = Session(project, tmp_path / "served")
    try:
        session.rebuild()
        authors.write_text("jane-doe:\n  name: Jane Q. Doe\n", encoding="utf-8")
        session.rebuild()
        page = (session.site / "2025/07/06/talks/index.html").read_text(encoding="utf-8")
        assert ">Jane Q. Doe</a>" in page
        assert_same_site(session, tmp_path, "authors")
    finally:
        session.plugin.on_shutdown()


STORY_FIXTURE = Path(__file__).parent / "fixtures" / "story" / "follow-up.md"


def test_same_as_and_stories_stay_right_after_an_edit_to_either_brief(session, project, tmp_path):
    follow_up = project / "briefs" / "follow-up.md"
    follow_up.write_text(STORY_FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    session.rebuild()
    assert_same_site(session, tmp_path, "pair")
    session.rebuild()  # a full build starts the session's cache afresh: fill it again

    # The original's title changes: the later brief, which took it, shows the new one.
    first = project / "briefs" / FIRST_BRIEF.name
    first.write_text(
        first.read_text(encoding="utf-8").replace(
            "title: Trump and Putin speak by phone", "title: Trump and Putin talk by phone"
        ),
        encoding="utf-8",
    )
    session.rebuild()
    page = (session.site / "2025" / "07" / "08" / "follow-up" / "index.html").read_text()
    assert "Trump and Putin talk by phone" in page
    assert_same_site(session, tmp_path, "original-edited")
    session.rebuild()

    # The later brief dates the meeting differently, then leaves the story.
    text = follow_up.read_text(encoding="utf-8")
    follow_up.write_text(text.replace("    when: Monday\n", "    when: Sunday\n"), encoding="utf-8")
    session.rebuild()
    assert_same_site(session, tmp_path, "later-edited")
    session.rebuild()
    follow_up.write_text(text.replace("story: ukraine-air-defense\n", ""), encoding="utf-8")
    session.rebuild()
    first_page = (
        (session.site / "2025" / "07" / "04" / "trump-zelensky-air-defense")
        .joinpath("index.html")
        .read_text()
    )
    assert "Next in this story" not in first_page
    assert_same_site(session, tmp_path, "left-the-story")
    session.rebuild()

    # The story is renamed in the stories file.
    stories = project / "content" / "stories.yml"
    stories.write_text(
        stories.read_text(encoding="utf-8").replace("U.S. weapons", "American weapons"),
        encoding="utf-8",
    )
    session.rebuild()
    renamed = (session.site / FIRST_BRIEF_URL / "index.html").read_text(encoding="utf-8")
    assert "American weapons for Ukraine" in renamed
    assert_same_site(session, tmp_path, "story-renamed")


def test_a_kept_brief_page_links_where_the_brief_it_links_to_moved(session, project, tmp_path):
    """An unchanged brief's body is reused only if its links still lead where they did."""
    session.rebuild()
    first = project / "briefs" / FIRST_BRIEF.name
    first.write_text(
        first.read_text(encoding="utf-8").replace("date: 2025-07-04", "date: 2025-07-03", 1),
        encoding="utf-8",
    )
    session.rebuild()
    talks = (session.site / "2025/07/06/talks/index.html").read_text(encoding="utf-8")
    assert "/03/trump-zelensky-air-defense/" in talks
    assert "/04/trump-zelensky-air-defense/" not in talks
    assert_same_site(session, tmp_path, "moved")


def test_the_search_index_follows_an_edited_docs_page(session, project, tmp_path):
    """Search entries are reused only for the very same page HTML."""
    session.rebuild()
    home = project / "content" / "index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\nA sentence added later.\n")
    session.rebuild()
    index = (session.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "A sentence added later." in index
    assert_same_site(session, tmp_path, "home-edited")


def test_a_glossary_definition_edit_shows_on_unchanged_brief_pages(session, project, tmp_path):
    """A brief page's hidden definitions come from this build's glossary."""
    session.rebuild()
    session.rebuild()  # the second build reuses the unchanged brief pages
    glossary = project / "content" / "glossary.yml"
    glossary.write_text(
        glossary.read_text(encoding="utf-8").replace(
            "Weapons and sensors", "Missiles, guns and radars"
        ),
        encoding="utf-8",
    )
    session.rebuild()
    page = (session.site / FIRST_BRIEF_URL / "index.html").read_text(encoding="utf-8")
    assert "Missiles, guns and radars" in page
    assert "Weapons and sensors" not in page
    assert_same_site(session, tmp_path, "definition-edited")
