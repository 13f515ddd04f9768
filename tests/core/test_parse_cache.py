"""Parsed briefs kept between builds: the same brief comes back, and nothing else does."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from cache_entries import pickled, plant

from mkdocs_briefs.core.brief.model import Brief
from mkdocs_briefs.core.brief.parse import ParsedFile
from mkdocs_briefs.core.cache.parses import KEPT_CONFIGURATIONS, ParseCache
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


SHOWN = "briefs/test.md"  # the path `parse` gives a brief


def _key(name: str) -> str:
    """A cache key (a SHA-256 in hex, as check_cache.brief_key makes them)."""
    return hashlib.sha256(name.encode()).hexdigest()


def _parsed(parse) -> ParsedFile:
    result = parse(BRIEF)
    assert result.brief is not None
    return ParsedFile(result.brief, tuple(result.problems.items))


def test_a_kept_parse_comes_back_whole(tmp_path, parse):
    parsed = _parsed(parse)
    cache = ParseCache(tmp_path, "f" * 64)
    cache.put(_key("k1"), parsed)
    back = cache.get(_key("k1"), SHOWN)
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
    assert cache.get(_key("absent"), SHOWN) is None
    cache.put(_key("k1"), _parsed(parse))
    entry = cache.folder / f"{_key('k1')}.pickle"
    entry.write_bytes(entry.read_bytes()[:50])  # cut short, as by a full disk
    assert cache.get(_key("k1"), SHOWN) is None
    entry.write_bytes(b"not a cache entry at all")
    assert cache.get(_key("k1"), SHOWN) is None


class _RunsCode:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.mkdir, (str(self.marker),))


def test_an_entry_cannot_run_code_when_it_is_read(tmp_path):
    cache = ParseCache(tmp_path / "cache", "f" * 64)
    marker = tmp_path / "ran"
    hostile = [
        _RunsCode(marker),
        # `getattr` is how pickles name enum members; for anything else it is refused.
        (getattr, (Brief, "__init__")),
    ]
    # Signed with the user's key, as if it had been: the reader still makes only records.
    plant(cache._records, _key("k1"), pickled(hostile[0]), signed=True)
    assert cache.get(_key("k1"), SHOWN) is None
    assert not marker.exists()

    class _Attribute:
        def __reduce__(self):
            return hostile[1]

    plant(cache._records, _key("k2"), pickled(_Attribute()), signed=True)
    assert cache.get(_key("k2"), SHOWN) is None


def test_a_build_drops_the_entries_it_did_not_use(tmp_path, parse):
    parsed = _parsed(parse)
    cache = ParseCache(tmp_path, "f" * 64)
    for key in ("kept", "edited-since", "deleted-since"):
        cache.put(_key(key), parsed)
    cache.prune({_key("kept")})
    assert sorted(p.name for p in cache.folder.iterdir()) == [f"{_key('kept')}.pickle"]
    # The cache folder tells git to leave it alone.
    assert (tmp_path / ".gitignore").read_text() == "*\n"


def test_two_configurations_built_in_turn_keep_their_parses(tmp_path, parse):
    parsed = _parsed(parse)
    small, large = ParseCache(tmp_path, "a" * 64), ParseCache(tmp_path, "b" * 64)
    for cache in (small, large, small):  # e.g. two glossaries, or mkdocs.yml and a preview
        cache.put(_key("k"), parsed)
        cache.prune({_key("k")})
    assert small.get(_key("k"), SHOWN) is not None and large.get(_key("k"), SHOWN) is not None


def test_only_the_most_recently_built_configurations_are_kept(tmp_path, parse):
    parsed = _parsed(parse)
    caches = [ParseCache(tmp_path, f"{n:x}" * 64) for n in range(KEPT_CONFIGURATIONS + 2)]
    for age, cache in enumerate(caches):  # e.g. one per version of the plugin
        cache.put(_key("k"), parsed)
        cache.prune({_key("k")})
        os.utime(cache.folder, (1000 + age, 1000 + age))
    remaining = {p.name for p in caches[0].folder.parent.iterdir()}
    assert remaining == {cache.folder.name for cache in caches[2:]}
