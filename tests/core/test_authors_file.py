"""The authors file is untrusted input: every problem at its line, never a traceback."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_briefs.core.site.authors import load_site_authors

GOOD = "jane-doe:\n  name: Jane Doe\n  role: Editor\n  url: https://example.org/j\n"


def test_a_good_file_gives_its_authors(tmp_path):
    (tmp_path / "authors.yml").write_text(GOOD)
    loaded = load_site_authors("authors.yml", tmp_path)
    assert loaded.problems == []
    [jane] = loaded.authors.values()
    assert (jane.id, jane.name, jane.role, jane.url, jane.path) == (
        "jane-doe",
        "Jane Doe",
        "Editor",
        "https://example.org/j",
        "authors/jane-doe/",
    )


def test_bad_entries_are_reported_at_their_line_and_left_out(tmp_path):
    (tmp_path / "authors.yml").write_text(
        GOOD
        + "Bad_Id:\n  name: X\n"
        + "no-map: just text\n"
        + "evil:\n  name: E\n  url: javascript:alert(1)\n  avatar: javascript:alert(1)\n"
    )
    loaded = load_site_authors("authors.yml", tmp_path)
    assert [str(p).split(": ", 1)[0] for p in loaded.problems] == [
        "authors.yml:5:1",
        "authors.yml:7:1",
        "authors.yml:10:8",
        "authors.yml:11:11",
    ]
    assert sorted(loaded.authors) == ["evil", "jane-doe"]
    assert (loaded.authors["evil"].url, loaded.authors["evil"].avatar) == ("", "")


def test_a_missing_or_broken_file_is_an_error_not_a_traceback(tmp_path):
    missing = load_site_authors("nowhere.yml", tmp_path)
    assert [p.severity.value for p in missing.problems] == ["error"]
    (tmp_path / "broken.yml").write_text("a: [b\n")
    broken = load_site_authors("broken.yml", tmp_path)
    assert "invalid YAML" in broken.problems[0].message


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="ab-:\n [] {},'\"#&*!|>%@`\t\x00é", max_size=120))
def test_any_text_loads_without_raising(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("authors")
    (folder / "authors.yml").write_text(text, encoding="utf-8")
    load_site_authors("authors.yml", folder)
