"""`briefs check` reuses what it found in unchanged briefs, and never stale links."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import make_project

from mkdocs_briefs.core.cache.findings import CACHE_DIR, sealed_findings
from mkdocs_briefs.core.cache.key import user_key
from mkdocs_briefs.core.check.run import check_site
from mkdocs_briefs.core.check.siteconfig import read_site_config

LINKING = "---\ntitle: A\ndate: 2025-07-04\n---\n\nSee [the other](other.md).\n"
OTHER = "---\ntitle: B\ndate: 2025-07-03\n---\n\nText.\n"
TYPO = "---\ntitle: C\ndate: 2025-07-02\ntype: opinon\n---\n\nText.\n"


def check(project: Path, *, cache: bool = True) -> list[str]:
    config = read_site_config(project / "mkdocs.yml")
    return [str(p) for p in check_site(config, workers=1, cache=cache).problems]


def test_a_second_run_gives_the_same_findings_from_the_cache(tmp_path):
    project = make_project(tmp_path, {"a.md": LINKING, "b.md": OTHER, "c.md": TYPO})
    first = check(project)
    assert (project / CACHE_DIR / "check.json").is_file()
    assert check(project) == first == check(project, cache=False)
    assert any("unknown type 'opinon'" in m for m in first)


def test_an_edited_brief_is_checked_again(tmp_path):
    project = make_project(tmp_path, {"c.md": TYPO})
    assert any("opinon" in m for m in check(project))
    (project / "briefs" / "c.md").write_text(TYPO.replace("opinon", "opinion"))
    assert not any("opinon" in m for m in check(project))


def test_a_cached_brief_still_reports_a_link_whose_target_went_away(tmp_path):
    project = make_project(tmp_path, {"a.md": LINKING, "other.md": OTHER})
    assert not any("points to no brief" in m for m in check(project))
    (project / "briefs" / "other.md").unlink()
    assert check(project) == [
        "briefs/a.md:6: the link 'other.md' points to no brief or page: fix the path "
        "(relative to this brief's file)"
    ]


def test_a_broken_cache_file_is_ignored(tmp_path):
    project = make_project(tmp_path, {"c.md": TYPO})
    expected = check(project, cache=False)
    (project / CACHE_DIR).mkdir(exist_ok=True)
    (project / CACHE_DIR / "check.json").write_text("{not json")
    assert check(project) == expected


def test_the_key_changes_with_the_glossary_and_the_time_zone(tmp_path):
    from mkdocs_briefs.core.cache.findings import site_fingerprint

    glossary = tmp_path / "glossary.yml"
    glossary.write_text("drone:\n  term: drone\n  definition: An aircraft without a pilot.\n")
    first = site_fingerprint("America/New_York", glossary)
    assert site_fingerprint("America/New_York", glossary) == first
    assert site_fingerprint("Europe/Kyiv", glossary) != first
    glossary.write_text("drone:\n  term: drone\n  definition: A pilotless aircraft.\n")
    assert site_fingerprint("America/New_York", glossary) != first


def _tamper(project: Path, change, *, signed: bool = False) -> None:
    """Change every entry of check.json, as anyone who can commit a file can (whatever comes
    before the JSON in the file is kept as it was), or `signed` with the user's key."""
    path = project / CACHE_DIR / "check.json"
    data = path.read_bytes()
    start = data.index(b"{")
    entries = json.loads(data[start:])
    assert entries
    for key in entries:
        entries[key] = change(entries[key])
    changed = json.dumps(entries).encode()
    if signed:
        key = user_key()
        assert key is not None
        path.write_bytes(sealed_findings(key, changed))
    else:
        path.write_bytes(data[:start] + changed)


def test_a_crafted_check_file_cannot_hide_a_warning(tmp_path):
    project = make_project(tmp_path, {"c.md": TYPO})
    warned = check(project)
    assert any("unknown type 'opinon'" in m for m in warned)
    _tamper(project, lambda entry: {**entry, "problems": []})
    assert check(project) == warned


@pytest.mark.parametrize("signed", [False, True], ids=["crafted", "signed"])
@pytest.mark.parametrize(
    "wrong",
    [
        {"url": 42},
        {"url": "../../../outside/"},
        {"problems": [[1, None, "x", "warning", 5]]},
        {"problems": [["briefs/c.md", 1, 1, "fatal", "no such severity"]]},
        {"problems": "not a list"},
        {"terms": [None, {"a": 1}]},
        {"links": [["only the href"]]},
        {"links": [[["a list"], 3]]},
        {"extra": "field"},
        [],
    ],
)
def test_a_check_file_with_wrong_types_is_checked_again(tmp_path, wrong, signed):
    project = make_project(tmp_path, {"a.md": LINKING, "b.md": OTHER, "c.md": TYPO})
    expected = check(project, cache=False)
    check(project)
    _tamper(project, lambda entry: {**entry, **wrong} if wrong else wrong, signed=signed)
    assert check(project) == expected
