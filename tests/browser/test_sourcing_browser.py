"""The sourcing sidebar as a reader uses it, in a real Chromium: at every width and
palette, loaded directly or reached through Material's instant navigation."""

from __future__ import annotations

import pytest
from browsing import PHONE, READINGS, readings, screenshot
from support import FIRST_BRIEF_URL


def in_viewport(page, selector: str) -> bool:
    """Whether the element's top is on screen, below Material's sticky header."""
    return page.locator(selector).evaluate(
        "e => { const r = e.getBoundingClientRect();"
        " return r.top >= 0 && r.top < window.innerHeight && r.bottom > 0; }"
    )


def highlighted(page, selector: str) -> list[str]:
    return sorted(
        page.locator(f"{selector}.is-highlighted").evaluate_all("es => es.map(e => e.id)")
    )


@pytest.mark.parametrize("reading", readings("desktop"), ids=str)
def test_on_a_wide_screen_the_panel_sits_right_of_the_text_with_no_docs_columns(
    open_brief, reading
):
    tab = open_brief(reading)
    page = tab.page
    sidebar = page.locator("#sourcing")
    body = page.locator(".brief-body")
    assert sidebar.is_visible()
    assert sidebar.bounding_box()["x"] > body.bounding_box()["x"] + body.bounding_box()["width"]
    # A story of a few hundred words: no contents column and no docs navigation.
    assert not page.locator(".md-sidebar--secondary").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert tab.errors == []


@pytest.mark.parametrize("reading", readings("phone"), ids=str)
def test_on_a_phone_the_bar_under_the_headline_leads_to_the_sources_before_the_timeline(
    open_brief, reading
):
    tab = open_brief(reading)
    page = tab.page
    link = page.locator(".brief-bar__total a").first
    assert link.is_visible()
    assert link.bounding_box()["y"] < PHONE["height"]  # in the first screen
    tab.press(link)
    page.wait_for_function("location.hash === '#sourcing'")
    assert page.locator("#sourcing .brief-sourcing__title").is_visible()
    assert in_viewport(page, "#sourcing")
    assert page.locator("#sourcing").bounding_box()["width"] <= PHONE["width"]
    # Right after the text, before the timeline; each source a few lines.
    text_end = page.locator(".brief-body").bounding_box()
    panel = page.locator("#sourcing").bounding_box()
    assert text_end["y"] + text_end["height"] <= panel["y"]
    assert panel["y"] + panel["height"] <= page.locator("#timeline").bounding_box()["y"]
    for box in page.locator(".brief-source").evaluate_all(
        "es => es.map(e => e.getBoundingClientRect().height)"
    ):
        assert box < 6 * 24, "a source in the phone list takes more than a few lines"
    screenshot(tab, f"sourcing-{reading}", full_page=False)
    assert tab.errors == []


@pytest.mark.parametrize("reading", READINGS, ids=str)
def test_a_citation_opens_its_source_in_place_and_escape_returns_to_it(open_brief, reading):
    tab = open_brief(reading)
    page = tab.page
    cite = page.locator('#claim-6 a.brief-cite__link[data-source="white-house"]')
    cite.evaluate("e => e.scrollIntoView({block: 'center'})")
    before = page.evaluate("window.scrollY")
    tab.press(cite)
    card = page.locator(".brief-card-popup")
    card.wait_for(state="visible")
    assert page.evaluate("window.scrollY") == before
    assert "The White House" in card.inner_text()
    assert "Cited only here." in card.inner_text()
    page.keyboard.press("Escape")
    assert card.is_hidden()
    assert cite.evaluate("e => e === document.activeElement")
    assert page.evaluate("window.scrollY") == before
    assert tab.errors == []


def test_without_javascript_a_citation_leads_to_its_source_and_back(browser, site_url):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + FIRST_BRIEF_URL)
        page.locator('#claim-6 a.brief-cite__link[data-source="white-house"]').click()
        page.wait_for_function("location.hash === '#source-white-house'")
        assert in_viewport(page, "#source-white-house")
    finally:
        context.close()


@pytest.mark.parametrize("reading", readings("desktop", "light"), ids=str)
def test_hovering_a_source_highlights_its_claims_and_a_claim_its_sources(open_brief, reading):
    tab = open_brief(reading)
    page = tab.page
    page.locator("#source-zelensky-x .brief-source__name").hover()
    assert highlighted(page, ".brief-claim") == ["claim-7", "claim-8"]
    page.locator("#claim-3").hover()
    assert highlighted(page, ".brief-source") == ["source-call-source"]
    assert tab.errors == []


@pytest.mark.parametrize("reading", readings("desktop", "light"), ids=str)
def test_keyboard_focus_on_a_citation_highlights_its_source(open_brief, reading):
    tab = open_brief(reading)
    page = tab.page
    page.locator('#claim-1 a.brief-cite__link[data-source="call-source"]').focus()
    assert highlighted(page, ".brief-source") == ["source-call-source"]
    page.keyboard.press("Tab")
    # Focus moved on: the highlight follows it or clears, it never sticks.
    assert page.locator("#source-call-source.is-highlighted").count() == 0
    assert tab.errors == []
