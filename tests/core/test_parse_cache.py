"""Parsed briefs kept between builds: the same brief comes back, and nothing else does."""

from __future__ import annotations

import os
import pickle
import zlib
from pathlib import Path

from mkdocs_briefs.core.model import Brief
from mkdocs_briefs.core.parse_cache import KEPT_CONFIGURATIONS, ParseCache
from mkdocs_briefs.core.parsed import ParsedFile
from mkdocs_briefs.core.problems import Problem

BRIEF = """---
title: Talks resume
date: 2025-07-04T09:30:00-04:00
sources:
  aide:
    name: An aide to the minister
    kind: anonymous
events:
  - id: call
    when: Thursday morning
    title: The call
    sources: [aide]
---

The two leaders [spoke on Thursday](#call), an aide said. [@aide]

- A second point, with a [link](https://example.org/). [@aide]
- A third, citing nobody. [@nobody]
"""


def _parsed(parse) -> ParsedFile:
    result = parse(BRIEF)
    assert result.brief is not None
    return ParsedFile(result.brief, tuple(result.problems.items))


def test_a_kept_parse_comes_back_whole(tmp_path, parse):
    parsed = _parsed(parse)
    cache = ParseCache(tmp_path, "f" * 64)
    cache.put("k1", parsed)
    back = cache.get("k1")
    assert back is not None and isinstance(back.brief, Brief)
    brief, original = back.brief, parsed.brief
    assert original is not None
    assert brief.title == original.title and brief.published == original.published
    assert brief.published.tzinfo == original.published.tzinfo
    assert brief.sources == original.sources and brief.events == original.events
    assert brief.body.claims == original.body.claims
    assert brief.body.prerendered.html == original.body.prerendered.html
    # The brief's problems are kept with it, so every build reports them again.
    assert [str(p) for p in back.problems] == [str(p) for p in parsed.problems]
    assert any("nobody" in str(p) for p in back.problems)
    assert all(isinstance(p, Problem) for p in back.problems)


def test_an_entry_that_is_not_there_or_is_damaged_is_a_miss(tmp_path, parse):
    cache = ParseCache(tmp_path, "f" * 64)
    assert cache.get("absent") is None
    cache.put("k1", _parsed(parse))
    entry = cache.folder / "k1.pickle"
    entry.write_bytes(entry.read_bytes()[:50])  # cut short, as by a full disk
    assert cache.get("k1") is None
    entry.write_bytes(b"not a cache entry at all")
    assert cache.get("k1") is None


class _RunsCode:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.mkdir, (str(self.marker),))


def test_an_entry_cannot_run_code_when_it_is_read(tmp_path):
    cache = ParseCache(tmp_path / "cache", "f" * 64)
    cache.folder.mkdir(parents=True)
    marker = tmp_path / "ran"
    hostile = [
        _RunsCode(marker),
        # `getattr` is how pickles name enum members; for anything else it is refused.
        (getattr, (Brief, "__init__")),
    ]
    (cache.folder / "k1.pickle").write_bytes(zlib.compress(pickle.dumps(hostile[0])))
    assert cache.get("k1") is None
    assert not marker.exists()

    class _Attribute:
        def __reduce__(self):
            return hostile[1]

    (cache.folder / "k2.pickle").write_bytes(zlib.compress(pickle.dumps(_Attribute())))
    assert cache.get("k2") is None


def test_a_build_drops_the_entries_it_did_not_use(tmp_path, parse):
    parsed = _parsed(parse)
    cache = ParseCache(tmp_path, "f" * 64)
    for key in ("kept", "edited-since", "deleted-since"):
        cache.put(key, parsed)
    cache.prune({"kept"})
    assert sorted(p.name for p in cache.folder.iterdir()) == ["kept.pickle"]
    # The cache folder tells git to leave it alone.
    assert (tmp_path / ".gitignore").read_text() == "*\n"


def test_two_configurations_built_in_turn_keep_their_parses(tmp_path, parse):
    parsed = _parsed(parse)
    small, large = ParseCache(tmp_path, "a" * 64), ParseCache(tmp_path, "b" * 64)
    for cache in (small, large, small):  # e.g. two glossaries, or mkdocs.yml and a preview
        cache.put("k", parsed)
        cache.prune({"k"})
    assert small.get("k") is not None and large.get("k") is not None


def test_only_the_most_recently_built_configurations_are_kept(tmp_path, parse):
    parsed = _parsed(parse)
    caches = [ParseCache(tmp_path, f"{n:x}" * 64) for n in range(KEPT_CONFIGURATIONS + 2)]
    for age, cache in enumerate(caches):  # e.g. one per version of the plugin
        cache.put("k", parsed)
        cache.prune({"k"})
        os.utime(cache.folder, (1000 + age, 1000 + age))
    remaining = {p.name for p in caches[0].folder.parent.iterdir()}
    assert remaining == {cache.folder.name for cache in caches[2:]}
