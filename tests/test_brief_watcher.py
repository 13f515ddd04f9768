"""Under `mkdocs serve`, saved briefs are noticed through file notifications."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pytest
from mkdocs.livereload import LiveReloadServer

from mkdocs_briefs.brief_watcher import BriefWatcher, rebuild_waker


class Wakes:
    """Counts wake-ups; `wait` returns once one came (or the time is up)."""

    def __init__(self) -> None:
        self.count = 0
        self._event = threading.Event()

    def __call__(self) -> None:
        self.count += 1
        self._event.set()

    def wait(self, seconds: float) -> bool:
        woke = self._event.wait(seconds)
        self._event.clear()
        return woke


@pytest.fixture
def watched(tmp_path: Path):
    briefs = tmp_path / "briefs"
    (briefs / "2025").mkdir(parents=True)
    brief = briefs / "2025" / "a.md"
    brief.write_text("---\ntitle: A\n---\n")
    glossary = tmp_path / "glossary.yml"
    glossary.write_text("terms: []\n")
    wakes = Wakes()
    watcher = BriefWatcher(wakes)
    assert watcher.start([briefs], [glossary])
    time.sleep(0.2)  # let the watches settle
    yield tmp_path, wakes
    watcher.stop()


def test_saving_adding_and_removing_briefs_wakes_the_rebuild(watched):
    project, wakes = watched
    brief = project / "briefs" / "2025" / "a.md"
    brief.write_text("---\ntitle: A, edited\n---\n")
    assert wakes.wait(5)
    time.sleep(0.2)
    (project / "briefs" / "2025" / "b.md").write_text("---\ntitle: B\n---\n")
    assert wakes.wait(5)
    time.sleep(0.2)
    brief.unlink()
    assert wakes.wait(5)


def test_a_glossary_saved_by_renaming_a_new_file_over_it_wakes_the_rebuild(watched):
    project, wakes = watched
    fresh = project / "glossary.yml.tmp"
    fresh.write_text("terms: [x]\n")
    fresh.replace(project / "glossary.yml")
    assert wakes.wait(5)


def test_reading_briefs_and_changing_other_files_does_not(watched):
    project, wakes = watched
    (project / "briefs" / "2025" / "a.md").read_text()  # every build reads every brief
    (project / "glossary.yml").read_text()
    (project / "mkdocs.yml").write_text("site_name: Test\n")  # beside the glossary
    assert not wakes.wait(1)
    assert wakes.count == 0


def test_the_waker_sets_what_mkdocs_own_watch_sets(tmp_path: Path):
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    wake = rebuild_waker(server)
    assert wake is not None
    assert server._want_rebuild is False
    wake()
    assert server._want_rebuild is True


def test_another_server_is_left_to_poll():
    assert rebuild_waker(object()) is None


def test_a_folder_that_cannot_be_watched_reports_it(tmp_path: Path):
    watcher = BriefWatcher(Wakes())
    assert not watcher.start([tmp_path / "missing"], [])
    watcher.stop()


def test_edits_are_noticed_after_the_briefs_folder_is_replaced(watched):
    # As some tools do: copy the folder, delete it, rename the copy into its place.
    project, wakes = watched
    briefs = project / "briefs"
    copy = project / "briefs.new"
    shutil.copytree(briefs, copy)
    shutil.rmtree(briefs)
    copy.rename(briefs)
    assert wakes.wait(5)
    time.sleep(0.5)  # the replacement's own notifications
    wakes.wait(0.1)
    (briefs / "2025" / "a.md").write_text("---\ntitle: A, edited after\n---\n")
    assert wakes.wait(5)
    time.sleep(0.2)
    (briefs / "new.md").write_text("---\ntitle: New\n---\n")
    assert wakes.wait(5)


def test_edits_are_noticed_after_the_briefs_folder_is_deleted_and_made_again(watched):
    project, wakes = watched
    briefs = project / "briefs"
    shutil.rmtree(briefs)
    briefs.mkdir()
    time.sleep(0.5)
    wakes.wait(0.1)
    (briefs / "b.md").write_text("---\ntitle: B\n---\n")
    assert wakes.wait(5)
