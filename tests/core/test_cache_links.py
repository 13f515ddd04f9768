"""A link inside the cache folder never makes the cache read, write or delete elsewhere."""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import stat
from pathlib import Path

import pytest

from mkdocs_briefs.core.brief.parse import ParsedFile
from mkdocs_briefs.core.cache.findings import CheckCache
from mkdocs_briefs.core.cache.parses import ParseCache
from mkdocs_briefs.core.collection.glossary import load_site_glossary

BRIEF = "---\ntitle: Talks resume\ndate: 2025-07-04\n---\n\nText.\n"
GLOSSARY = "drone:\n  term: drone\n  definition: An aircraft without a pilot.\n"


def _key(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _project(tmp_path: Path, folders: int = 0, files: int = 0) -> tuple[Path, dict[Path, bytes]]:
    """A project whose briefs folder holds dated sub-folders and files; what it holds, by path."""
    project = tmp_path / "project"
    briefs = project / "briefs"
    briefs.mkdir(parents=True)
    for n in range(folders):
        (briefs / f"{2020 + n}").mkdir()
        (briefs / f"{2020 + n}" / "brief.md").write_text(BRIEF)
        os.utime(briefs / f"{2020 + n}", (1000 + n, 1000 + n))
    for n in range(files):
        (briefs / f"brief-{n}.md").write_text(BRIEF)
        os.utime(briefs / f"brief-{n}.md", (1000 + n, 1000 + n))
    (project / ".briefs-cache").mkdir()
    return project, _contents(briefs)


def _assert_untouched(folder: Path, before: dict[Path, bytes]) -> None:
    """No brief was removed or changed, and nothing was written among them."""
    assert [path for path in before if not path.is_file()] == []
    assert _contents(folder) == before


def _contents(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _parsed(parse) -> ParsedFile:
    result = parse(BRIEF)
    return ParsedFile(result.brief, tuple(result.problems.items))


def test_a_parsed_folder_that_links_to_the_briefs_loses_no_brief(tmp_path, parse):
    project, before = _project(tmp_path, folders=6)
    (project / ".briefs-cache" / "parsed").symlink_to("../briefs")
    cache = ParseCache(project / ".briefs-cache", "f" * 64)
    cache.put(_key("brief"), _parsed(parse))
    cache.prune({_key("brief")})
    _assert_untouched(project / "briefs", before)
    assert len(list((project / "briefs").iterdir())) == 6  # no folder of the cache's


def test_a_configuration_folder_that_links_to_the_briefs_loses_no_brief(tmp_path, parse):
    project, before = _project(tmp_path, files=6)
    (project / ".briefs-cache" / "parsed").mkdir()
    (project / ".briefs-cache" / "parsed" / ("f" * 16)).symlink_to("../../briefs")
    cache = ParseCache(project / ".briefs-cache", "f" * 64)
    cache.put(_key("brief"), _parsed(parse))
    cache.prune({_key("brief")})
    _assert_untouched(project / "briefs", before)


def test_old_configurations_that_link_elsewhere_are_left_alone(tmp_path, parse):
    project, before = _project(tmp_path, files=3)
    parsed_dir = project / ".briefs-cache" / "parsed"
    parsed_dir.mkdir()
    for n in range(6):  # more than are kept: the oldest would be removed
        link = parsed_dir / (f"{n:x}" * 16)
        link.symlink_to("../../briefs")
        os.utime(link, (1000 + n, 1000 + n), follow_symlinks=False)
    cache = ParseCache(project / ".briefs-cache", "f" * 64)
    cache.put(_key("brief"), _parsed(parse))
    cache.prune({_key("brief")})
    _assert_untouched(project / "briefs", before)


def test_a_glossary_folder_that_links_to_the_briefs_loses_no_brief(tmp_path):
    project, before = _project(tmp_path, files=6)
    (project / "glossary.yml").write_text(GLOSSARY)
    (project / ".briefs-cache" / "glossary").symlink_to("../briefs")
    loaded = load_site_glossary("glossary.yml", project, project / ".briefs-cache")
    assert [term.id for term in loaded.glossary] == ["drone"]
    _assert_untouched(project / "briefs", before)


def test_a_cache_folder_that_is_a_link_is_not_used(tmp_path, parse):
    project, before = _project(tmp_path, folders=6)
    (project / ".briefs-cache").rmdir()
    (project / ".briefs-cache").symlink_to("briefs")
    cache = ParseCache(project / ".briefs-cache", "f" * 64)
    cache.put(_key("brief"), _parsed(parse))
    cache.prune({_key("brief")})
    assert cache.get(_key("brief"), "briefs/test.md") is None
    _assert_untouched(project / "briefs", before)
    assert not (project / "briefs" / ".gitignore").exists()


def test_a_dangling_gitignore_link_is_not_followed(tmp_path, parse):
    project, _ = _project(tmp_path)
    outside = tmp_path / "outside.txt"
    (project / ".briefs-cache" / ".gitignore").symlink_to(outside)
    cache = ParseCache(project / ".briefs-cache", "f" * 64)
    cache.put(_key("brief"), _parsed(parse))
    assert not outside.exists()
    # The link is replaced by the cache's own file, which still tells git to ignore it.
    gitignore = project / ".briefs-cache" / ".gitignore"
    assert not gitignore.is_symlink() and gitignore.read_text() == "*\n"


def test_a_check_file_that_is_a_link_is_neither_read_nor_written_through(tmp_path):
    project, _ = _project(tmp_path)
    outside = tmp_path / "outside.json"
    outside.write_text("{}")
    (project / ".briefs-cache" / "check.json").symlink_to(outside)
    CheckCache(project).save()
    assert outside.read_text() == "{}"


@pytest.mark.parametrize("name", ["entry", "folder"])
def test_an_entry_that_is_a_link_is_not_read(tmp_path, parse, name):
    project, _ = _project(tmp_path)
    cache = ParseCache(project / ".briefs-cache", "f" * 64)
    elsewhere = ParseCache(tmp_path / "elsewhere", "f" * 64)
    elsewhere.put(_key("brief"), _parsed(parse))
    assert elsewhere.get(_key("brief"), "briefs/test.md") is not None
    if name == "entry":
        cache.put(_key("other"), _parsed(parse))  # makes the folder
        entry = cache.folder / (_key("brief") + ".pickle")
        entry.symlink_to(elsewhere.folder / (_key("brief") + ".pickle"))
    else:
        cache.folder.parent.mkdir(parents=True)
        cache.folder.symlink_to(elsewhere.folder)
    assert cache.get(_key("brief"), "briefs/test.md") is None


def test_only_files_the_cache_wrote_are_removed(tmp_path, parse):
    project, _ = _project(tmp_path)
    cache = ParseCache(project / ".briefs-cache", "f" * 64)
    cache.put(_key("old"), _parsed(parse))
    foreign = [cache.folder / "notes.md", cache.folder / "ABC.pickle", cache.folder.parent / "x"]
    for path in foreign:
        path.write_text("not the cache's")
    (cache.folder / "sub").mkdir()
    cache.prune({_key("new")})
    assert all(path.read_text() == "not the cache's" for path in foreign)
    assert (cache.folder / "sub").is_dir()
    assert not (cache.folder / f"{_key('old')}.pickle").exists()


def test_a_named_pipe_in_place_of_an_entry_does_not_stop_the_build(tmp_path, parse):
    project, _ = _project(tmp_path)
    cache = ParseCache(project / ".briefs-cache", "f" * 64)
    cache.put(_key("other"), _parsed(parse))  # makes the folder
    entry = cache.folder / f"{_key('brief')}.pickle"
    os.mkfifo(entry)
    os.mkfifo(cache.folder / f"{_key('brief')}.pickle.{os.getpid()}.tmp")
    waited: list[str] = []

    def waited_too_long(*_) -> None:
        waited.append("waited on a named pipe")
        raise TimeoutError(waited[-1])  # the cache may swallow it: `waited` remembers

    steps = {
        "read": lambda: cache.get(_key("brief"), "briefs/test.md"),  # waits for a writer
        "write": lambda: cache.put(_key("brief"), _parsed(parse)),  # waits for a reader
        "prune": lambda: cache.prune({_key("brief")}),
    }
    previous = signal.signal(signal.SIGALRM, waited_too_long)
    try:
        for name, step in steps.items():
            signal.alarm(5)  # fail, rather than hang, if an open waits for the other end
            with contextlib.suppress(TimeoutError):
                step()
            signal.alarm(0)
            assert not waited, f"the cache's {name} {waited[0]}"
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert stat.S_ISFIFO(os.lstat(entry).st_mode)  # not the cache's: left alone
