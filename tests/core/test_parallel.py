"""Briefs parsed in several processes come out as if parsed here, in the same order."""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support import NEW_YORK, ROOT

import mkdocs_briefs.core.collection.parsed as parsed_module
from mkdocs_briefs.core.brief.parse import SiteSettings
from mkdocs_briefs.core.collection.briefs import load_brief_files
from mkdocs_briefs.core.collection.glossary import load_site_glossary
from mkdocs_briefs.core.collection.parallel import map_in_chunks, worker_count


def _double(items):
    return [item * 2 for item in items]


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_results_keep_the_order_of_the_items(workers):
    items = list(range(37))
    assert map_in_chunks(_double, items, workers) == [i * 2 for i in items]


def test_the_garbage_collector_is_left_as_it_was():
    # Frozen around the processes' work, so that they do not copy the shared memory...
    gc.unfreeze()
    map_in_chunks(_double, list(range(10)), 2)
    assert gc.get_freeze_count() == 0
    # ...and what a caller froze (as under `mkdocs serve`) stays frozen.
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        map_in_chunks(_double, list(range(10)), 2)
        assert gc.get_freeze_count() >= frozen
    finally:
        gc.unfreeze()


def test_small_sites_are_parsed_in_one_process():
    assert worker_count(10) == 1


def _site(tmp_path: Path) -> list[Path]:
    first = (ROOT / "briefs" / "trump-zelensky-air-defense.md").read_text(encoding="utf-8")
    files = []
    for number in range(12):
        text = first.replace("title: ", f"title: Copy {number}, ", 1) if number else first
        text = text.replace("\ntitle:", f"\nslug: copy-{number}\ntitle:", 1)
        if number == 5:
            text = "---\ntitle: [broken\n---\n"
        if number == 7:
            text = text.replace("[@call-source]", "[@nobody]", 1)
        path = tmp_path / f"brief-{number:02}.md"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return files


def test_a_parse_split_over_processes_equals_one_in_this_process(tmp_path, monkeypatch):
    files = _site(tmp_path)
    glossary = load_site_glossary(ROOT / "content" / "glossary.yml", ROOT)
    settings = SiteSettings(tz=NEW_YORK, glossary=glossary.matcher)
    alone = load_brief_files(files, tmp_path, settings)
    monkeypatch.setattr(parsed_module, "worker_count", lambda count: 2)
    split = load_brief_files(files, tmp_path, settings)

    assert [str(p) for p in split.problems] == [str(p) for p in alone.problems]
    assert any("nobody" in str(p) for p in split.problems)  # problems of every file came back
    assert [b.url for b in split.briefs] == [b.url for b in alone.briefs]
    assert len(split.briefs) == 11  # the broken one is reported, not built
    for mine, theirs in zip(alone.briefs, split.briefs, strict=True):
        assert theirs.body.prerendered.html == mine.body.prerendered.html
        assert theirs.sources == mine.sources and theirs.events == mine.events
        assert theirs.body.prerendered.terms == mine.body.prerendered.terms


ORPHAN_SCRIPT = """
import os, sys, time
from mkdocs_briefs.core.collection import parallel
from mkdocs_briefs.core.collection.parallel import map_in_chunks

if {without_prctl}:  # as on systems without it: the helper watches its parent itself
    parallel._signal_on_parent_death = lambda: False

def work(share):
    if share[0] == 0:  # this process's own share: it is killed while doing it
        time.sleep(300)
        return []
    with open(sys.argv[1], "w") as file:
        file.write(str(os.getpid()))
    time.sleep({helper_sleep})
    return ["x" * 1_000_000]  # more than a pipe holds: sending it waits for a reader

map_in_chunks(work, [0, 1], 2)
"""


def _gone(pid: int) -> bool:
    """Exited (a zombie no one has reaped yet has exited too)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
@pytest.mark.parametrize(
    ("helper_sleep", "without_prctl"),
    [(0, False), (60, False), (60, True)],
    ids=["blocked-sending", "working", "working-without-prctl"],
)
def test_helper_processes_exit_when_the_build_process_is_killed(
    tmp_path, helper_sleep, without_prctl
):
    pid_file = tmp_path / "helper.pid"
    script = tmp_path / "orphan.py"
    text = ORPHAN_SCRIPT.replace("{helper_sleep}", str(helper_sleep))
    script.write_text(text.replace("{without_prctl}", str(without_prctl)))
    parent = subprocess.Popen([sys.executable, str(script), str(pid_file)])
    try:
        deadline = time.monotonic() + 30
        while not (pid_file.exists() and pid_file.read_text()) and time.monotonic() < deadline:
            time.sleep(0.05)
        helper = int(pid_file.read_text())
        time.sleep(1)  # the helper is sending, or still working
        parent.kill()
        parent.wait()
        deadline = time.monotonic() + 15
        while not _gone(helper) and time.monotonic() < deadline:
            time.sleep(0.1)
        exited = _gone(helper)
        if not exited:
            os.kill(helper, signal.SIGKILL)
        assert exited, "the helper process outlived the build process"
    finally:
        parent.kill()
        parent.wait()
