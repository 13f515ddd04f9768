"""A reader follows a developing story: from the first brief to the next one, and from
the story page's timeline to each brief's entry of an event."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator

import pytest
from browsing import DESKTOP, PHONE, _SiteHandler, axe_violations
from story_site import FIRST_URL, FOLLOW_UP_URL, STORY_URL, story_site
from support import published_url, run_mkdocs_build


@pytest.fixture(scope="module")
def story_url(tmp_path_factory) -> Iterator[str]:
    """The story's site (shipped brief and a follow-up), built and served on loopback."""
    project = story_site(tmp_path_factory.mktemp("story"), "follow-up.md")
    built = run_mkdocs_build(project, project.parent / "site")
    assert built.returncode == 0, built.output
    handler = type("Handler", (_SiteHandler,), {"published": published_url(project)})
    served = functools.partial(handler, directory=str(built.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), served)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_next_in_this_story_leads_from_the_first_brief_to_the_second(open_tab, story_url, viewport):
    tab = open_tab(story_url + FIRST_URL, viewport, touch=viewport is PHONE)
    page = tab.page
    story = page.locator("p.brief-story a")
    assert story.inner_text() == "U.S. weapons for Ukraine's air defense"
    nav = page.locator("nav.brief-story-nav")
    assert "Next in this story" in nav.inner_text()
    next_link = nav.get_by_role("link", name="Test follow-up: U.S. and Ukrainian teams meet")
    next_link.scroll_into_view_if_needed()
    tab.press(next_link)
    page.wait_for_url("**/" + FOLLOW_UP_URL)
    # Material's instant navigation changes the address before it swaps the page in:
    # wait for the follow-up's own title, not the first brief's, still on the page.
    title = page.locator(".brief-header__title", has_text="Test follow-up")
    title.wait_for()
    assert title.inner_text() == "Test follow-up: U.S. and Ukrainian teams meet on air defense"
    assert "Previous in this story" in page.locator("nav.brief-story-nav").inner_text()
    assert tab.errors == []


def test_the_story_timeline_links_to_the_entry_in_each_brief(open_tab, story_url):
    tab = open_tab(story_url + STORY_URL)
    page = tab.page
    entry = page.locator("li.brief-event", has_text="Trump and Putin speak by phone")
    assert entry.count() == 1  # one entry, however many briefs report it
    links = entry.locator("p.brief-event__brief a")
    # Material's instant navigation may have made the links absolute.
    hrefs = [
        links.nth(index).get_attribute("href").removeprefix(story_url).removeprefix("../../")
        for index in range(links.count())
    ]
    assert hrefs == [
        f"{FIRST_URL}#event-putin-call",
        f"{FOLLOW_UP_URL}#event-putin-call",
    ]
    for index, href in enumerate(hrefs):
        tab.press(links.nth(index))
        page.wait_for_url("**/" + href)
        target = page.locator("#event-putin-call")
        target.wait_for()
        # The brief's own entry of the event, with the date and title it reports.
        assert "Trump and Putin speak by phone" in target.inner_text()
        assert target.locator("time").first.get_attribute("datetime") == "2025-07-03"
        page.go_back()
        page.wait_for_url("**/" + STORY_URL)
        entry = page.locator("li.brief-event", has_text="Trump and Putin speak by phone")
        links = entry.locator("p.brief-event__brief a")
    assert tab.errors == []


@pytest.mark.parametrize("url", [STORY_URL, "stories/", FOLLOW_UP_URL])
def test_the_story_pages_and_fragments_meet_wcag_aa(open_tab, story_url, url):
    tab = open_tab(story_url + url)
    assert axe_violations(tab.page) == []
