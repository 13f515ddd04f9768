"""`briefs check` reuses what it found in unchanged briefs, and never stale links."""

from __future__ import annotations

from pathlib import Path

from support import make_project

from mkdocs_briefs.core.check import check_site
from mkdocs_briefs.core.check_cache import CACHE_DIR
from mkdocs_briefs.core.siteconfig import read_site_config

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
    from mkdocs_briefs.core.check_cache import site_fingerprint

    glossary = tmp_path / "glossary.yml"
    glossary.write_text("drone:\n  term: drone\n  definition: An aircraft without a pilot.\n")
    first = site_fingerprint("America/New_York", glossary)
    assert site_fingerprint("America/New_York", glossary) == first
    assert site_fingerprint("Europe/Kyiv", glossary) != first
    glossary.write_text("drone:\n  term: drone\n  definition: A pilotless aircraft.\n")
    assert site_fingerprint("America/New_York", glossary) != first
