"""One developing story told in several briefs, built: each real event once on the site
timeline with every brief that reports it, and the problems of `same-as` in the build
and in `briefs check`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from story_site import FIRST_URL, FOLLOW_UP_URL, STORY_URL, THIRD_URL, story_site
from support import Build, run_mkdocs_build
from test_timeline_page import entries, site_entries

from mkdocs_briefs.core.check.run import check_site
from mkdocs_briefs.core.check.siteconfig import read_site_config


def build(project: Path, *, strict: bool = True) -> Build:
    result = run_mkdocs_build(project, project.parent / "site", strict=strict)
    assert result.returncode == 0, result.output
    return result


def reporters(html: str, title: str) -> list[str]:
    """The links of "Reported in" of the one entry with that title."""
    found = [e for e in entries(html) if e.parts["title"].endswith(title)]
    assert len(found) == 1, f"{title!r} is listed {len(found)} times"
    return [href for href, _ in found[0].links[1:]]


@pytest.fixture(scope="module")
def two_briefs(tmp_path_factory) -> Build:
    return build(story_site(tmp_path_factory.mktemp("two"), "follow-up.md"))


@pytest.fixture(scope="module")
def three_briefs(tmp_path_factory) -> Build:
    return build(story_site(tmp_path_factory.mktemp("three"), "follow-up.md", "third.md"))


def test_each_shared_event_is_listed_once_with_every_brief_that_reports_it(two_briefs):
    html = two_briefs.page("timeline/")
    first, second = f"../{FIRST_URL}", f"../{FOLLOW_UP_URL}"
    assert reporters(html, "Trump and Putin speak by phone") == [
        f"{first}#event-putin-call",
        f"{second}#event-putin-call",
    ]
    assert reporters(html, "Trump and Zelensky speak by phone") == [
        f"{first}#event-zelensky-call",
        f"{second}#event-zelensky-call",
    ]
    # Reported by the first brief alone: listed once, linked to it alone.
    assert reporters(html, "a dozen ballistic missiles at Ukraine") == [
        f"{first}#event-russian-strikes"
    ]
    # The calls' view too.
    calls = two_briefs.page("timeline/calls/")
    assert [title for _, title, _ in site_entries(calls)] == [
        "Call: Trump and Zelensky speak by phone",
        "Call: Trump and Putin speak by phone",
    ]


def test_a_planned_event_dated_by_a_later_brief_is_listed_once_at_its_date(two_briefs):
    html = two_briefs.page("timeline/")
    meeting = [entry for entry in site_entries(html) if "teams meet" in entry[1]]
    assert meeting == [
        (
            "Monday, July 7, 2025",
            "Meeting: U.S. and Ukrainian teams meet on air defense and other weapons supplies",
            f"../{FOLLOW_UP_URL}#event-talks",
        )
    ]
    assert "Planned" not in html[html.index("<h1>") : html.index("</article>")]
    # The later brief shows the date it gave, and what it left out comes from the first.
    page = two_briefs.page(FOLLOW_UP_URL)
    assert '<time datetime="2025-07-07">on Monday</time>' in page
    assert '<time datetime="2025-07-03">on Thursday</time>' in page  # an inherited date


def test_three_briefs_list_each_shared_event_once_with_all_three(three_briefs):
    html = three_briefs.page("timeline/")
    assert reporters(html, "Trump and Zelensky speak by phone") == [
        f"../{FIRST_URL}#event-zelensky-call",
        f"../{FOLLOW_UP_URL}#event-zelensky-call",
        f"../{THIRD_URL}#event-zelensky-call",
    ]
    assert reporters(
        html, "U.S. and Ukrainian teams meet on air defense and other weapons supplies"
    ) == [
        f"../{FIRST_URL}#event-teams-meet",
        f"../{FOLLOW_UP_URL}#event-talks",
        f"../{THIRD_URL}#event-talks",
    ]
    days = [day for day, _, _ in site_entries(html)]
    assert days.count("Monday, July 7, 2025") == 1
    # A plan no brief has dated: at the date of the brief that announced it.
    review = next(e for e in entries(html) if "review" in e.parts["title"])
    assert review.parts["when"] == "Planned as of July 10, 2025"
    assert (
        "Thursday, July 10, 2025",
        "Decision: The review of the paused shipment is completed",
    ) in [(day, title) for day, title, _ in site_entries(html)]


def test_dates_that_disagree_warn_naming_both_files_and_show_the_latest(tmp_path):
    def wrong_day(name: str, text: str) -> str:
        return text.replace("    when: Friday\n", "    when: Thursday\n")

    project = story_site(tmp_path, "follow-up.md", edit=wrong_day)
    result = build(project, strict=False)
    assert (
        "WARNING -  briefs: briefs/follow-up.md:18:11: event 'zelensky-call' is dated "
        "July 3, 2025 in briefs/follow-up.md but July 4, 2025 in "
        "briefs/trump-zelensky-air-defense.md (event 'zelensky-call'), the same event"
    ) in result.output
    html = result.page("timeline/")
    call = [e for e in site_entries(html) if e[1].endswith("Trump and Zelensky speak by phone")]
    assert [day for day, _, _ in call] == ["Thursday, July 3, 2025"]  # the latest brief's
    assert run_mkdocs_build(project, tmp_path / "strict").returncode != 0


def test_checking_one_brief_resolves_it_against_the_whole_site(tmp_path):
    def unknown(name: str, text: str) -> str:
        return text.replace(".md#putin-call", ".md#putin-cal")

    project = story_site(tmp_path, "follow-up.md", edit=unknown)
    config = read_site_config(project / "mkdocs.yml")
    result = check_site(config, [project / "briefs" / "follow-up.md"], workers=1, cache=False)
    assert [str(p) for p in result.problems] == [
        "briefs/follow-up.md:15:14: same-as of event 'putin-call': "
        "briefs/trump-zelensky-air-defense.md has no event 'putin-cal' (did you mean "
        "'putin-call'?): use the id of one of its events"
    ]
    assert result.briefs == 1
    # The shipped brief, checked alone, has nothing to answer for.
    alone = check_site(config, [project / "briefs" / "trump-zelensky-air-defense.md"], workers=1)
    assert alone.problems == []
    # With the check's cache, the same again.
    for _ in range(2):
        cached = check_site(config, [project / "briefs" / "follow-up.md"], workers=1)
        assert [str(p) for p in cached.problems] == [str(p) for p in result.problems]
    assert not re.search(r"Traceback", "".join(str(p) for p in result.problems))


# --- Stories ------------------------------------------------------------------------


def story_entries(html: str) -> list[tuple[str, list[str]]]:
    """(title, links of "Reported in") of each timeline entry of a story page."""
    return [
        (entry.parts["title"], [href for href, _ in entry.links[1:]]) for entry in entries(html)
    ]


def test_the_story_page_lists_its_briefs_oldest_first_and_each_event_once(three_briefs):
    html = three_briefs.page(STORY_URL)
    assert "<h1>U.S. weapons for Ukraine&#x27;s air defense</h1>" in html
    assert "The pause in U.S. deliveries, the calls with Putin and Zelensky" in html
    briefs = html[html.index('<ol class="brief-story-page__briefs">') :]
    briefs = briefs[: briefs.index("</ol>")]
    assert re.findall(r'href="\.\./\.\./([^"]+)"', briefs) == [FIRST_URL, FOLLOW_UP_URL, THIRD_URL]
    found = story_entries(html)
    titles = [title for title, _ in found]
    assert len(titles) == len(set(titles)) == 6
    first, second, third = (f"../../{url}" for url in (FIRST_URL, FOLLOW_UP_URL, THIRD_URL))
    assert dict(found)["Call: Trump and Zelensky speak by phone"] == [
        f"{first}#event-zelensky-call",
        f"{second}#event-zelensky-call",
        f"{third}#event-zelensky-call",
    ]
    assert dict(found)["Call: Trump and Putin speak by phone"] == [
        f"{first}#event-putin-call",
        f"{second}#event-putin-call",
    ]


def test_the_stories_index_lists_each_story_with_its_latest_brief(three_briefs):
    html = three_briefs.page("stories/")
    assert (
        '<a href="../stories/ukraine-air-defense/">U.S. weapons for Ukraine&#x27;s air defense</a>'
        in html
    )
    assert '3 briefs, latest <time datetime="2025-07-10">July 10, 2025</time>' in html


def test_a_brief_of_a_story_names_it_and_leads_to_the_previous_and_next(three_briefs):
    html = three_briefs.page(FOLLOW_UP_URL)
    header_start = html.index('<header class="brief-header">')
    label = html.index('<p class="brief-story">Part of the story')
    assert 0 < header_start - label < 400  # right above the headline, as its kicker
    assert (
        '<a class="brief-story__link" href="../../../../stories/ukraine-air-defense/">'
        "U.S. weapons for Ukraine&#x27;s air defense</a>"
    ) in html
    nav = html[html.index('<nav class="brief-story-nav"') :]
    nav = nav[: nav.index("</nav>")]
    assert re.findall(r"(Previous|Next) in this story: <a href=\"([^\"]+)\"", nav) == [
        ("Previous", f"../../../../{FIRST_URL}"),
        ("Next", f"../../../../{THIRD_URL}"),
    ]
    first = three_briefs.page(FIRST_URL)
    nav = first[first.index('<nav class="brief-story-nav"') :]
    assert "Previous in this story" not in nav[: nav.index("</nav>")]
    # JSON-LD and the feed name the story.
    assert (
        '"isPartOf":{"@type":"CreativeWorkSeries","name":"U.S. weapons for Ukraine\'s air '
        'defense","url":"https://example.org/briefs/stories/ukraine-air-defense/"}'
    ) in html
    feed = (three_briefs.site / "feed.xml").read_text(encoding="utf-8")
    assert feed.count('scheme="https://example.org/briefs/stories/"') == 3


def test_go_deeper_lists_related_briefs_same_story_first_never_itself(three_briefs):
    html = three_briefs.page(THIRD_URL)
    related = html[html.index('<nav class="brief-related"') :]
    related = related[: related.index("</nav>")]
    assert "<h2" in related and "Go deeper</h2>" in related
    assert re.findall(r'<a href="\.\./\.\./\.\./\.\./([^"]+)"', related) == [
        FOLLOW_UP_URL,
        FIRST_URL,
    ]


def test_a_story_no_brief_joins_is_a_note_and_an_unknown_one_an_error(tmp_path):
    def unknown(name: str, text: str) -> str:
        return text.replace("story: ukraine-air-defense", "story: ukraine-air-defence")

    project = story_site(tmp_path, "follow-up.md", edit=unknown)
    stories = project / "content" / "stories.yml"
    stories.write_text(stories.read_text() + "other-story:\n  title: Another story\n")
    result = build(project, strict=False)
    assert (
        "ERROR   -  briefs: briefs/follow-up.md:6:8: unknown story 'ukraine-air-defence' "
        "(did you mean 'ukraine-air-defense'?): use an id from content/stories.yml or add the "
        "story there; the brief is shown without a story"
    ) in result.output
    assert (
        "INFO    -  briefs: content/stories.yml:6:1: the story 'other-story' is joined by no brief"
    ) in result.output
    # Built all the same, without the story; the stories file is not published.
    page = result.page(FOLLOW_UP_URL)
    assert '<p class="brief-story">' not in page and "in this story" not in page
    assert not (result.site / "stories.yml").exists()


def test_a_cached_later_brief_takes_what_the_original_says_now(tmp_path):
    # The later brief's parse comes from the build cache; what it takes from the original
    # is resolved again on every build, never kept with the parse.
    project = story_site(tmp_path, "follow-up.md")
    build(project)
    first = project / "briefs" / "trump-zelensky-air-defense.md"
    first.write_text(
        first.read_text(encoding="utf-8").replace(
            "title: Trump and Putin speak by phone", "title: Trump and Putin talk by phone"
        ),
        encoding="utf-8",
    )
    assert (project / ".briefs-cache").is_dir()
    page = build(project).page(FOLLOW_UP_URL)
    timeline = page[page.index('<section class="brief-timeline"') :]
    assert "Trump and Putin talk by phone" in timeline
    assert "Trump and Putin speak by phone" not in timeline
