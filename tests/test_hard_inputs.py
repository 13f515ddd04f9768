"""Inputs at the limits of names, text and the calendar: the site is still built,
each problem is reported at its line, and nothing ends in a traceback."""

from __future__ import annotations

from pathlib import Path

from problem_cases import brief
from support import make_project, run_mkdocs_build

from mkdocs_briefs.core.check import check_site
from mkdocs_briefs.core.siteconfig import read_site_config


def checked(project: Path) -> list[str]:
    result = check_site(read_site_config(project / "mkdocs.yml"), workers=1, cache=False)
    return [str(problem) for problem in result.problems]


def assert_built_without_traceback(project: Path, site: Path) -> str:
    build = run_mkdocs_build(project, site, strict=False)
    assert build.returncode == 0, build.output
    assert "Traceback" not in build.output
    return build.output


# --- Names longer than a file system allows -------------------------------------------

LONG_SLUG = "a" + "-b" * 150  # 301 characters
LONG_TAG = " ".join(["word"] * 60)


def test_a_300_character_slug_and_a_60_word_tag_are_reported_and_the_site_built(tmp_path):
    project = make_project(
        tmp_path,
        {
            "long.md": brief(f"slug: {LONG_SLUG}\ntags: [short, {LONG_TAG}]\n"),
            "other.md": brief("tags: [short]\n"),
        },
    )
    messages = checked(project)
    assert (
        "briefs/long.md:4:7: the slug is 301 characters long; a slug must be at most 100: "
        "shorten it (the page address uses its first 100)" in messages
    )
    assert (
        "briefs/long.md:5:15: the tag is 299 characters long; a tag must be at most 100: "
        "shorten it (its page address uses its first 100)" in messages
    )
    output = assert_built_without_traceback(project, tmp_path / "site")
    for message in messages:
        assert message in output
    site = tmp_path / "site"
    pages = [p for p in (site / "2025" / "07" / "04").iterdir() if (p / "index.html").is_file()]
    assert sorted(p.name for p in pages) == [LONG_SLUG[:100].rstrip("-"), "other"]
    tag_pages = [p.name for p in (site / "tags").iterdir() if (p / "index.html").is_file()]
    assert "short" in tag_pages and max(len(name) for name in tag_pages) <= 100
