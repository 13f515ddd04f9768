"""What the caches take from an entry: only what the user's own builds signed, and even
then nothing of the wrong type or form, no path, and nothing that grows without bound."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import stat
import tracemalloc
import zlib
from pathlib import Path

import pytest
from cache_entries import entry_path, plant, plant_record

from mkdocs_briefs.core.brief.model import Brief
from mkdocs_briefs.core.brief.parse import ParsedFile
from mkdocs_briefs.core.cache import key as cache_key
from mkdocs_briefs.core.cache.folder import open_folder, read_file
from mkdocs_briefs.core.cache.parses import ParseCache, cache_notice
from mkdocs_briefs.core.cache.pickles import MAX_ENTRY, RecordFolder
from mkdocs_briefs.core.cache.records import valid_glossary
from mkdocs_briefs.core.collection.glossary import GLOSSARY_DIR, load_site_glossary
from mkdocs_briefs.core.glossary.terms import LoadedGlossary
from mkdocs_briefs.core.packed import MAX_UNPACKED, inflate, pack

SHOWN = "briefs/test.md"  # the path `parse` gives a brief
BRIEF = """---
title: Talks resume
date: 2025-07-04T09:30:00-04:00
updated: 2025-07-05
tags: [diplomacy]
authors: [A. Reporter]
corrections:
  - date: 2025-07-05
    text: An earlier version named the wrong minister.
sources:
  aide:
    name: An aide to the minister
    kind: anonymous
    url: https://example.org/statement
events:
  - id: call
    when: Thursday morning
    title: The call
    sources: [aide]
  - id: summit
    when: upcoming
    title: The summit
  - id: briefing
    when: 2025-07-03T16:00:00-04:00
    title: The briefing
---

## What happened

The two leaders [spoke on Thursday](#call), an aide said. [@aide]

See [the earlier brief](earlier.md).
"""
GLOSSARY = "drone:\n  term: drone\n  definition: An aircraft without a pilot.\n  see: [uav]\n"
GLOSSARY += "uav:\n  term: UAV\n  definition: A drone.\n"


def _key(name: str) -> str:
    return hashlib.sha256(name.encode()).hexdigest()


@pytest.fixture
def cache(tmp_path) -> ParseCache:
    return ParseCache(tmp_path / ".briefs-cache", "f" * 64)


@pytest.fixture
def parsed(parse) -> ParsedFile:
    result = parse(BRIEF)
    assert result.brief is not None
    return ParsedFile(result.brief, tuple(result.problems.items))


def _planted(cache: ParseCache, parsed: ParsedFile, *, signed: bool = True) -> ParsedFile | None:
    plant_record(cache._records, _key("brief"), parsed, signed=signed)
    return cache.get(_key("brief"), SHOWN)


def test_an_entry_the_build_wrote_is_read_back(cache, parsed):
    cache.put(_key("brief"), parsed)
    back = cache.get(_key("brief"), SHOWN)
    assert back is not None and back.brief is not None
    assert back.brief.body.prerendered.html == parsed.brief.body.prerendered.html
    # Every kind of record a brief holds passes the checks (a correction, an update, an
    # upcoming event and one at a time, headings, a mention, a relative link).
    assert back.brief.corrections and back.brief.updated and len(back.brief.events) == 3
    assert back.brief.body.headings and back.brief.body.mentions
    assert back.brief.body.prerendered.links
    # The same record, signed by the tests as the build signs it, is read back too: the
    # refusals below are for what was changed in it, not for how it was planted.
    assert _planted(cache, parsed) is not None


def test_an_entry_not_signed_with_the_users_key_is_not_read(cache, parsed):
    body = parsed.brief.body
    html = "<p>The two leaders spoke.</p><script>alert('cache')</script>"
    body.prerendered = dataclasses.replace(body.prerendered, packed=pack(html))
    assert _planted(cache, parsed, signed=False) is None
    # Signed, the same body would be read back: the key is what makes the HTML trusted.
    assert "<script>" in _planted(cache, parsed).brief.body.prerendered.html


def test_an_entry_is_not_read_under_another_name_than_its_own(cache, parsed):
    cache.put(_key("brief"), parsed)
    copy = entry_path(cache._records, _key("another brief"))
    copy.write_bytes(entry_path(cache._records, _key("brief")).read_bytes())
    assert cache.get(_key("another brief"), SHOWN) is None


def test_a_brief_url_is_made_again_from_its_date_and_slug(cache, parsed):
    vars(parsed.brief)["url"] = "../../../../outside/x/"
    back = _planted(cache, parsed)
    assert back is not None and back.brief.url == "2025/07/04/test/"


def test_what_renderers_derived_from_a_brief_is_not_taken_from_an_entry(cache, parsed):
    parsed.brief._derived["sourcing"] = "<script>alert('derived')</script>"
    back = _planted(cache, parsed)
    assert back is not None and back.brief._derived == {}


def _self_containing() -> list:
    events: list = []
    events.append(events)
    return events


def _source_with(brief: Brief, **fields) -> None:
    brief.sources = {
        key: dataclasses.replace(source, **fields) for key, source in brief.sources.items()
    }


def _prerendered_with(brief: Brief, **fields) -> None:
    brief.body.prerendered = dataclasses.replace(brief.body.prerendered, **fields)


def _event_with(brief: Brief, **fields) -> None:
    brief.events = [dataclasses.replace(event, **fields) for event in brief.events]


DOUBTFUL_BRIEFS = {
    "a slug that is a path": lambda brief: setattr(brief, "slug", "../../../../outside/x"),
    "another file's brief": lambda brief: setattr(brief, "path", "briefs/other.md"),
    "a title that is a number": lambda brief: setattr(brief, "title", 42),
    "tags that are a string": lambda brief: setattr(brief, "tags", "diplomacy"),
    "a list of events that contains itself": lambda brief: setattr(
        brief, "events", _self_containing()
    ),
    "a tag that contains itself": lambda brief: setattr(brief, "tags", (_self_containing(),)),
    "a date without time zone": lambda brief: setattr(
        brief, "published", brief.published.replace(tzinfo=None)
    ),
    "a source id with quotes": lambda brief: setattr(
        brief,
        "sources",
        {'a" onclick="x': dataclasses.replace(brief.sources["aide"], id='a" onclick="x')},
    ),
    "a source id unlike its key": lambda brief: _source_with(brief, id="someone-else"),
    "a script address for a source": lambda brief: _source_with(brief, url="javascript:alert(1)"),
    "an event id with quotes": lambda brief: _event_with(brief, id='call" onclick="x'),
    "an event citing no declared source": lambda brief: _event_with(brief, sources=("nobody",)),
    "a heading anchor with markup": lambda brief: setattr(
        brief.body,
        "headings",
        [dataclasses.replace(h, anchor="<b>") for h in brief.body.headings],
    ),
    "a link that leaves the site": lambda brief: _prerendered_with(
        brief, links=(("javascript:alert(1)", 3),)
    ),
    "a linked term id with quotes": lambda brief: _prerendered_with(brief, terms=('x"y',)),
    "a body without its rendering": lambda brief: setattr(brief.body, "prerendered", None),
    "a body with parser tokens": lambda brief: setattr(brief.body, "tokens", [object]),
    "something else set on a body": lambda brief: setattr(brief.body, "html", "<script>"),
    "a field missing": lambda brief: delattr(brief, "summary"),
}


@pytest.mark.parametrize("change", DOUBTFUL_BRIEFS.values(), ids=DOUBTFUL_BRIEFS.keys())
def test_a_signed_entry_of_the_wrong_type_or_form_is_parsed_again(cache, parsed, change):
    change(parsed.brief)
    assert _planted(cache, parsed) is None


def test_problems_of_the_wrong_type_are_parsed_again(cache, parsed):
    problems = list(parsed.problems)
    assert _planted(cache, ParsedFile(parsed.brief, ("not a problem",))) is None
    assert _planted(cache, ParsedFile(parsed.brief, problems)) is None  # a list, not a tuple


# --- A compressed bomb -------------------------------------------------------


def _zeros_compressed(size: int) -> bytes:
    """`size` zero bytes, compressed (about a thousandth of the size), made in pieces."""
    compressor = zlib.compressobj(9)
    piece = bytes(1 << 20)
    parts = [compressor.compress(piece) for _ in range(size >> 20)]
    return b"".join([*parts, compressor.flush()])


def test_decompression_stops_at_its_limit():
    bomb = _zeros_compressed(4 * MAX_UNPACKED)
    with pytest.raises(ValueError, match="larger than"):
        inflate(bomb)
    assert inflate(zlib.compress(b"x" * 100), limit=100) == b"x" * 100
    with pytest.raises(ValueError, match="larger than"):
        inflate(zlib.compress(b"x" * 101), limit=100)


def test_a_compressed_bomb_in_the_cache_is_refused_without_taking_memory(cache):
    bomb = _zeros_compressed(8 * MAX_ENTRY)  # a quarter of a megabyte on disk
    for signed in (False, True):
        plant(cache._records, _key("brief"), bomb, signed=signed)
        tracemalloc.start()
        try:
            assert cache.get(_key("brief"), SHOWN) is None
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        # Decompressing stops at the limit (the buffer it fills is at most twice that),
        # far below what the whole would take.
        assert peak < 3 * MAX_ENTRY, f"{peak >> 20} MiB for a refused entry"


# --- The glossary ------------------------------------------------------------


def _glossary_project(tmp_path: Path) -> tuple[Path, Path, RecordFolder, str]:
    (tmp_path / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    cache_dir = tmp_path / ".briefs-cache"
    load_site_glossary("glossary.yml", tmp_path, cache_dir)  # keeps its entry
    records = RecordFolder(cache_dir, (GLOSSARY_DIR,), LoadedGlossary, valid_glossary)
    (entry,) = records.folder.glob("*.pickle")
    return tmp_path, cache_dir, records, entry.stem


def _kept_glossary(records: RecordFolder, key: str) -> LoadedGlossary:
    kept = records.get(key, "glossary.yml")
    assert kept is not None
    return kept


def _term_with(loaded: LoadedGlossary, **fields) -> LoadedGlossary:
    terms = {
        term_id: dataclasses.replace(term, **fields) if term_id == "drone" else term
        for term_id, term in loaded.glossary.terms.items()
    }
    return dataclasses.replace(loaded, glossary=dataclasses.replace(loaded.glossary, terms=terms))


DOUBTFUL_GLOSSARIES = {
    "a term id with quotes": lambda loaded: _term_with(loaded, id='drone" onclick="alert(1)'),
    "a see: of a term it does not have": lambda loaded: _term_with(loaded, see=("radar",)),
    "a rendered definition": lambda loaded: dataclasses.replace(
        loaded,
        glossary=dataclasses.replace(
            loaded.glossary, rendered={("drone", 1): "<script>alert(1)</script>"}
        ),
    ),
    "another file's glossary": lambda loaded: dataclasses.replace(
        loaded, glossary=dataclasses.replace(loaded.glossary, path="other.yml")
    ),
    "terms that are a list": lambda loaded: dataclasses.replace(
        loaded, glossary=dataclasses.replace(loaded.glossary, terms=[])
    ),
}


@pytest.mark.parametrize("signed", [False, True], ids=["crafted", "signed"])
@pytest.mark.parametrize("change", DOUBTFUL_GLOSSARIES.values(), ids=DOUBTFUL_GLOSSARIES.keys())
def test_a_doubtful_kept_glossary_is_loaded_from_its_file(tmp_path, change, signed):
    project, cache_dir, records, key = _glossary_project(tmp_path)
    plant_record(records, key, change(_kept_glossary(records, key)), signed=signed)
    assert records.get(key, "glossary.yml") is None
    loaded = load_site_glossary("glossary.yml", project, cache_dir)
    assert sorted(loaded.glossary.terms) == ["drone", "uav"]
    assert loaded.glossary.terms["drone"].see == ("uav",)
    assert loaded.glossary.rendered == {}


# --- The key -----------------------------------------------------------------


def test_the_key_is_kept_outside_the_project_for_the_user_alone(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    key = cache_key.user_key()
    assert key is not None
    path = cache_key.key_path()
    assert path == tmp_path / "user-cache" / "mkdocs-briefs" / "key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert cache_key.user_key() == key  # the same key for every build
    assert cache_notice(tmp_path / "project" / ".briefs-cache") is None


def test_a_key_others_can_read_is_not_used_and_nothing_is_kept(tmp_path, monkeypatch, parsed):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    path = cache_key.key_path()
    path.parent.mkdir(parents=True)
    path.write_text("ab" * 32 + "\n")
    os.chmod(path, 0o644)
    assert cache_key.user_key() is None
    assert cache_notice(tmp_path / "project" / ".briefs-cache") == (
        f"the build cache keeps nothing: the key {path} can be used by other users: chmod 600 it"
    )
    cache = ParseCache(tmp_path / "project" / ".briefs-cache", "f" * 64)
    cache.put(_key("brief"), parsed)
    assert cache.get(_key("brief"), SHOWN) is None
    assert not cache.folder.exists()


def test_a_file_over_the_limit_is_not_read(tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / "entry").write_bytes(b"x" * 101)
    (folder / "small").write_bytes(b"x" * 100)
    with open_folder(folder) as opened:
        assert read_file(opened, "small", limit=100) == b"x" * 100
        with pytest.raises(OSError, match="larger than 100 bytes"):
            read_file(opened, "entry", limit=100)
