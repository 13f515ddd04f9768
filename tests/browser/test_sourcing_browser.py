"""The sourcing sidebar as a reader uses it, in a real Chromium: at every width and
palette, loaded directly or reached through Material's instant navigation."""

from __future__ import annotations

import pytest
from browsing import PHONE, READINGS, readings, screenshot


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
def test_on_a_wide_screen_the_sidebar_sits_right_of_the_text_with_the_toc(open_brief, reading):
    tab = open_brief(reading)
    page = tab.page
    sidebar = page.locator("#sourcing")
    body = page.locator(".brief-body")
    assert sidebar.is_visible()
    assert sidebar.bounding_box()["x"] > body.bounding_box()["x"] + body.bounding_box()["width"]
    # The section table of contents stays reachable.
    assert page.locator('.md-sidebar--secondary a[href$="#why-it-matters"]').is_visible()
    assert tab.errors == []


@pytest.mark.parametrize("reading", readings("phone"), ids=str)
def test_on_a_phone_the_line_under_the_headline_leads_to_the_sources(open_brief, reading):
    tab = open_brief(reading)
    page = tab.page
    link = page.locator(".brief-header__sourcing a")
    assert link.is_visible()
    assert link.bounding_box()["y"] < PHONE["height"]  # in the first screen
    tab.press(link)
    page.wait_for_function("location.hash === '#sourcing'")
    assert page.locator("#sourcing .brief-sourcing__title").is_visible()
    assert in_viewport(page, "#sourcing")
    assert page.locator("#sourcing").bounding_box()["width"] <= PHONE["width"]
    screenshot(tab, f"sourcing-{reading}", full_page=False)
    assert tab.errors == []


@pytest.mark.parametrize("reading", READINGS, ids=str)
def test_a_citation_link_lands_on_its_source_and_back_to_the_claim(open_brief, reading):
    tab = open_brief(reading)
    page = tab.page
    tab.press(page.locator('#claim-6 a.brief-cite__link[data-source="white-house"]'))
    page.wait_for_function("location.hash === '#source-white-house'")
    assert in_viewport(page, "#source-white-house")
    tab.press(page.locator('#source-white-house a[data-claim="claim-6"]'))
    page.wait_for_function("location.hash === '#claim-6'")
    assert in_viewport(page, "#claim-6")
    assert tab.errors == []


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
