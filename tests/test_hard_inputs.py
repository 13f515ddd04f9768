"""Inputs at the limits of names, text and the calendar: the site is still built,
each problem is reported at its line, and nothing ends in a traceback."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

from problem_cases import brief
from serving import mkdocs_serve, wait_for
from support import make_project, run_mkdocs_build

from mkdocs_briefs.core.check.run import check_site
from mkdocs_briefs.core.check.siteconfig import read_site_config
from mkdocs_briefs.core.glossary.terms import load_glossary
from mkdocs_briefs.core.render.page import render_brief


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


# --- Lone surrogates -----------------------------------------------------------------

# A YAML escape can write half of a character (a surrogate); no file can hold one.
SURROGATE_BRIEF = r"""---
title: "Talks \ud800 resume"
date: 2025-07-04
summary: "A summary \udfff here"
tags: ["tag \ud83d"]
authors: ["\udc00 Smith"]
sources:
  src:
    name: "Name \ud800"
    kind: named
    detail: "Detail \ud800"
events:
  - id: talks
    when: Thursday
    title: "Event \ud800"
corrections:
  - date: 2025-07-05
    text: "Fixed \ud800"
"\ud800": x
---

Text. [@src]
"""


def test_lone_surrogates_are_reported_at_their_line_and_the_site_written(tmp_path):
    project = make_project(tmp_path, {"x.md": SURROGATE_BRIEF, "ok.md": brief()})
    messages = checked(project)
    lines = sorted(int(m.split(":")[1]) for m in messages if "half of a character" in m)
    assert lines == [2, 4, 5, 6, 9, 11, 15, 18, 19]
    assert all("\ud800" not in m.encode("utf-8", "replace").decode() for m in messages)
    output = assert_built_without_traceback(project, tmp_path / "site")
    assert "briefs/x.md:2:8: the text has half of a character" in output
    page = (tmp_path / "site" / "2025" / "07" / "04" / "x" / "index.html").read_text()
    assert "Talks \ufffd resume" in page
    feed = (tmp_path / "site" / "feed.xml").read_bytes()
    assert b"Talks \xef\xbf\xbd resume" in feed  # U+FFFD, and the feed is whole
    ElementTree.fromstring(feed)


def test_a_surrogate_pair_written_as_two_escapes_is_one_character(parse):
    parsed = parse(r"""
        ---
        title: "Smile \ud83d\ude00"
        date: 2025-07-04
        ---
        Text.
        """)
    assert parsed.brief.title == "Smile \U0001f600"
    assert parsed.messages == []


def test_mkdocs_serve_serves_a_brief_with_a_lone_surrogate(tmp_path):
    project = make_project(tmp_path, {"x.md": SURROGATE_BRIEF})
    log = tmp_path / "serve.log"
    with mkdocs_serve(project, log) as site:
        assert wait_for(site + "2025/07/04/x/", "Talks \ufffd resume", 60), log.read_text()


# --- Dates at the ends of the calendar ----------------------------------------------

EDGE_EVENT = "events:\n  - id: e\n    title: E\n    when: {when}\n"
CALENDAR_EDGES = {
    "yesterday.md": ("date: 0001-01-01\n" + EDGE_EVENT.format(when="yesterday"), 7),
    "last-week.md": ("date: 0001-01-01\n" + EDGE_EVENT.format(when="last week"), 7),
    "last-monday.md": ("date: 0001-01-01\n" + EDGE_EVENT.format(when="last Monday"), 7),
    "late.md": ("date: 9999-12-31T23:59:59-12:00\n", 3),
    "late-event.md": (
        "date: 9999-12-31\n" + EDGE_EVENT.format(when="9999-12-31T23:00:00-12:00"),
        7,
    ),
    "late-update.md": ("date: 9999-12-31\nupdated: 9999-12-31T23:00:00-12:00\n", 4),
    "leap.md": ("date: 0002-03-01\n" + EDGE_EVENT.format(when="February 29"), 7),
}


def edge_brief(front: str) -> str:
    return f"---\ntitle: T\n{front}---\n\nText.\n"


def test_dates_at_the_ends_of_the_calendar_are_reported_at_their_line(tmp_path):
    briefs = {name: edge_brief(front) for name, (front, _) in CALENDAR_EDGES.items()}
    project = make_project(tmp_path, {**briefs, "ok.md": brief()})
    messages = checked(project)
    for name, (_, line) in CALENDAR_EDGES.items():
        assert [m for m in messages if m.startswith(f"briefs/{name}:{line}:")], (name, messages)
    output = assert_built_without_traceback(project, tmp_path / "site")
    for message in messages:
        assert message in output
    assert (tmp_path / "site" / "2025" / "07" / "04" / "ok" / "index.html").is_file()


# --- Configuration ---------------------------------------------------------------------


def test_a_time_zone_naming_a_folder_of_the_zone_database_is_a_config_error(tmp_path):
    project = make_project(tmp_path, {"ok.md": brief()})
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("America/New_York", "America"))
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 1
    assert "unknown time zone 'America': use an IANA name" in build.output
    assert "Traceback" not in build.output


# --- Words YAML reads as true or false ---------------------------------------------------


def test_an_unquoted_yes_or_no_in_a_text_field_is_the_word_written(parse):
    parsed = parse("""
        ---
        title: T
        date: 2025-07-04
        tags: [Yes, news]
        sources:
          vote:
            name: The parliament
            kind: document
            detail: Yes
        events:
          - id: vote
            when: Thursday
            title: No
            sources: [vote]
        ---
        The vote. [@vote]
        """)
    assert parsed.messages == []
    assert parsed.brief is not None
    assert parsed.brief.events[0].title == "No"
    assert parsed.brief.sources["vote"].detail == "Yes"
    assert parsed.brief.tags == ("Yes", "news")


def test_an_event_title_that_is_not_text_is_a_warning_and_the_brief_kept(parse):
    parsed = parse("""
        ---
        title: T
        date: 2025-07-04
        events:
          - id: vote
            when: Thursday
            title: [a, b]
        ---
        Text.
        """)
    assert parsed.brief is not None
    assert "briefs/test.md:7:12: 'title' must be text: put the value in quotes" in parsed.messages


# --- Links that leave the site without a scheme ----------------------------------------

OFF_SITE = ["//evil.example/a", "///evil.example/b", "////evil.example/c", "<\t//evil.example/d>"]


def test_every_scheme_relative_link_is_removed_with_a_warning(parse):
    body = "\n\n".join(f"Go [there {i}]({href})." for i, href in enumerate(OFF_SITE))
    parsed = parse("---\ntitle: T\ndate: 2025-07-04\n---\n" + body + "\n")
    removed = [m for m in parsed.messages if "leads to another site" in m]
    assert len(removed) == len(OFF_SITE), parsed.messages
    assert removed[1] == (
        "briefs/test.md:7:14: the link '///evil.example/b' was removed: it leads to another "
        "site without saying how (//host); write the address with https://"
    )
    html = render_brief(parsed.brief).body
    assert "evil.example" not in html
    for index in range(len(OFF_SITE)):
        assert f"Go there {index}." in html


def test_an_unquoted_yes_or_on_in_the_glossary_is_the_word_written():
    glossary, problems = load_glossary(
        "ontario:\n  term: ON\n  aliases: [Yes, Ontario]\n  definition: A province.\n",
        "glossary.yml",
    )
    assert [str(problem) for problem in problems] == []
    assert glossary.terms["ontario"].term == "ON"
    assert glossary.terms["ontario"].aliases == ("Yes", "Ontario")
