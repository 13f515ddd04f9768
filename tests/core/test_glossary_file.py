"""The site glossary file, loaded once and kept between builds by its bytes."""

from __future__ import annotations

import tracemalloc
from dataclasses import replace
from pathlib import Path

from bench.glossary_terms import glossary_yaml, make_glossary
from mkdocs_briefs.core.cache.findings import site_fingerprint
from mkdocs_briefs.core.collection.glossary import load_site_glossary
from mkdocs_briefs.core.source.reader import MAX_GLOSSARY_BYTES

GLOSSARY = """\
air-defense:
  term: air defense
  aliases: [air defence]
  definition: Weapons that destroy incoming *missiles*.
  see: [interceptor, radar]
interceptor:
  term: interceptor
  definition: A missile fired at another one.
"""


def _write(project: Path, text: str) -> None:
    (project / "content").mkdir(exist_ok=True)
    (project / "content" / "glossary.yml").write_text(text, encoding="utf-8")


def _messages(site_glossary) -> list[str]:
    return [str(problem) for problem in site_glossary.problems]


def test_a_kept_glossary_is_the_one_loaded_with_the_same_problems(tmp_path):
    _write(tmp_path, GLOSSARY)
    cache = tmp_path / ".briefs-cache"
    first = load_site_glossary("content/glossary.yml", tmp_path, cache)
    assert list((cache / "glossary").glob("*.pickle"))  # kept
    second = load_site_glossary("content/glossary.yml", tmp_path, cache)
    assert second.glossary == first.glossary
    assert [t.id for t in second.glossary] == ["air-defense", "interceptor"]
    # The unknown `see:` is reported by every build, not only by the one that loaded it.
    assert _messages(second) == _messages(first)
    assert any("radar" in message for message in _messages(second))
    # The matcher is made for the glossary read back.
    found = [match[2] for match in second.matcher.spans("Air defence and interceptors.")]
    assert found == ["air-defense", "interceptor"]


def test_an_edited_glossary_is_loaded_again(tmp_path):
    _write(tmp_path, GLOSSARY)
    cache = tmp_path / ".briefs-cache"
    load_site_glossary("content/glossary.yml", tmp_path, cache)
    _write(tmp_path, GLOSSARY.replace("A missile fired", "A rocket fired"))
    edited = load_site_glossary("content/glossary.yml", tmp_path, cache)
    assert edited.glossary.terms["interceptor"].definition == "A rocket fired at another one."


def test_a_damaged_kept_glossary_is_loaded_from_the_file(tmp_path):
    _write(tmp_path, GLOSSARY)
    cache = tmp_path / ".briefs-cache"
    load_site_glossary("content/glossary.yml", tmp_path, cache)
    for entry in (cache / "glossary").glob("*.pickle"):
        entry.write_bytes(b"damaged")
    again = load_site_glossary("content/glossary.yml", tmp_path, cache)
    assert [t.id for t in again.glossary] == ["air-defense", "interceptor"]


def test_an_unreadable_glossary_is_reported_and_nothing_is_kept(tmp_path):
    cache = tmp_path / ".briefs-cache"
    missing = load_site_glossary("content/glossary.yml", tmp_path, cache)
    assert len(missing.glossary) == 0
    assert "cannot read the glossary" in _messages(missing)[0]
    assert not (cache / "glossary").exists()


def test_a_glossary_of_20000_terms_fits_its_size_limit(tmp_path):
    # Definitions of three long sentences each (300 characters): 8 MB in all.
    terms = [
        replace(t, definition=((t.definition + " ") * 5)[:300].strip())
        for t in make_glossary(20_000)
    ]
    _write(tmp_path, glossary_yaml(terms))
    loaded = load_site_glossary("content/glossary.yml", tmp_path)
    assert not [m for m in _messages(loaded) if "MB" in m]
    assert len(loaded.glossary.terms) == 20_000


def test_a_glossary_over_its_limit_has_its_own_message(tmp_path):
    _write(tmp_path, "a:\n  term: a\n  definition: " + "x" * MAX_GLOSSARY_BYTES + "\n")
    loaded = load_site_glossary("content/glossary.yml", tmp_path)
    assert _messages(loaded) == [
        "content/glossary.yml: the file is 10.0 MB; a glossary must be under 10 MB: "
        "shorten its definitions, or remove terms no brief uses"
    ]


def test_an_oversized_glossary_is_not_read_whole_for_the_site_fingerprint(tmp_path):
    huge = tmp_path / "content" / "glossary.yml"
    huge.parent.mkdir(parents=True)
    with huge.open("wb") as file:  # sparse: 300 MB on paper
        file.truncate(300_000_000)
    tracemalloc.start()
    try:
        site_fingerprint("UTC", huge)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2 * MAX_GLOSSARY_BYTES
