"""Glossary terms as a reader uses them, in a real Chromium: hover, focus, tap, Escape;
at every width and palette, loaded directly or reached through instant navigation."""

from __future__ import annotations

import pytest
from browsing import DESKTOP, PHONE, READINGS, readings, screenshot
from support import FIRST_BRIEF_URL as BRIEF

TERM = 'a.brief-term[data-term="air-defense"]'
POPUP = ".brief-term-popup"


def definition_text(page, term_id: str) -> str:
    return page.locator(f"#term-{term_id}").evaluate("e => e.textContent.trim()")


def popup_box(page) -> dict:
    return page.locator(POPUP).bounding_box()


@pytest.mark.parametrize("reading", readings("desktop"), ids=str)
def test_hovering_a_term_shows_its_definition_and_leaving_hides_it(open_brief, reading):
    tab = open_brief(reading)
    page = tab.page
    assert page.locator(POPUP).count() == 0 or not page.locator(POPUP).is_visible()
    page.locator(TERM).hover()
    popup = page.locator(POPUP)
    assert popup.is_visible()
    assert definition_text(page, "air-defense") in popup.inner_text()
    assert (
        popup.locator("a.brief-term-popup__more")
        .get_attribute("href")
        .endswith("/glossary/#air-defense")
    )
    # The pointer can move into the popup without it closing.
    popup.hover()
    page.wait_for_timeout(400)  # longer than the script's grace period before hiding
    assert popup.is_visible()
    page.mouse.move(5, 5)
    page.wait_for_selector(POPUP, state="hidden")
    assert tab.errors == []


@pytest.mark.parametrize("reading", READINGS, ids=str)
def test_keyboard_focus_shows_the_definition_escape_closes_enter_follows(open_brief, reading):
    tab = open_brief(reading)
    page = tab.page
    page.locator(TERM).focus()
    assert page.locator(POPUP).is_visible()
    page.keyboard.press("Escape")
    assert not page.locator(POPUP).is_visible()
    assert page.evaluate("document.activeElement.dataset.term") == "air-defense"
    page.keyboard.press("Enter")
    page.wait_for_url("**/glossary/#air-defense")
    # Instant navigation changes the address first, then swaps the content in.
    page.locator("#air-defense").wait_for(state="visible")
    assert tab.errors == []


@pytest.mark.parametrize("reading", readings("phone"), ids=str)
def test_on_a_phone_the_first_tap_shows_the_popup_on_screen_the_second_follows(open_brief, reading):
    tab = open_brief(reading)
    page = tab.page
    term = page.locator('a.brief-term[data-term="interceptor"]')
    term.scroll_into_view_if_needed()
    term.tap()
    popup = page.locator(POPUP)
    popup.wait_for(state="visible")
    assert page.url.endswith(BRIEF)  # still on the brief
    assert definition_text(page, "interceptor") in popup.inner_text()
    box = popup_box(page)
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    screenshot(tab, f"glossary-popup-{reading}", full_page=False)
    term.tap()
    page.wait_for_url("**/glossary/#interceptor")
    assert tab.errors == []


def test_every_term_keeps_its_popup_on_a_phone_screen(open_tab, site_url):
    tab = open_tab(site_url + BRIEF, PHONE, touch=True)
    page = tab.page
    for term in page.locator("a.brief-term").all():
        term.scroll_into_view_if_needed()
        term.focus()
        box = popup_box(page)  # relative to the viewport
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]
    assert tab.errors == []


def test_the_popup_closes_after_instant_navigation(open_tab, site_url):
    tab = open_tab(site_url + BRIEF, DESKTOP)
    page = tab.page
    page.evaluate("window.__marker = 1")  # a full page load would clear it
    page.locator(TERM).hover()
    # Closed as the reader leaves, not only once the next page has arrived:
    # what the popup shows when the click reaches the document.
    page.evaluate(
        """document.addEventListener("click", () => {
          window.__popupHiddenOnClick = document.querySelector(".brief-term-popup").hidden;
        }, {once: true})"""
    )
    page.locator(".brief-term-popup__more").click()
    page.wait_for_url("**/glossary/#air-defense")
    page.locator("#air-defense").wait_for(state="visible")
    assert page.evaluate("window.__marker") == 1
    assert page.evaluate("window.__popupHiddenOnClick") is True
    assert not page.locator(POPUP).is_visible()
    page.go_back()
    page.wait_for_url("**" + BRIEF)
    assert page.evaluate("window.__marker") == 1
    # Still enhanced after the page came back through instant navigation.
    page.locator('a.brief-term[data-term="drone"]').hover()
    assert page.locator(POPUP).is_visible()
    assert definition_text(page, "drone") in page.locator(POPUP).inner_text()
    assert tab.errors == []
