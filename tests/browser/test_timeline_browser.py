"""The timeline as a reader uses it, in a real Chromium: on a phone, in both
palettes, and from the text's mentions to the entries."""

from __future__ import annotations

import pytest
from browsing import DESKTOP, PHONE, screenshot

BRIEF = "2025/07/04/trump-zelensky-air-defense/"

axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")


def axe_violations(page, selector: str) -> list[str]:
    """axe-core's WCAG A/AA findings inside `selector`, as rule id and target."""
    results = axe_module.Axe().run(
        page,
        context=selector,
        options={"runOnly": ["wcag2a", "wcag2aa", "wcag22aa"], "resultTypes": ["violations"]},
    )
    return [
        f"{violation['id']}: {node['target']}"
        for violation in results.response["violations"]
        for node in violation["nodes"]
    ]


def overflows(page, selector: str) -> bool:
    return page.locator(selector).evaluate(
        "e => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right"
        " > document.documentElement.clientWidth + 1"
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_timeline_fits_a_phone_and_passes_wcag_aa(open_tab, site_url, scheme):
    tab = open_tab(site_url + BRIEF, PHONE, scheme)
    page = tab.page
    timeline = page.locator("#timeline")
    timeline.scroll_into_view_if_needed()
    assert timeline.is_visible()
    assert not overflows(page, "#timeline")
    for entry in page.locator("#timeline li.brief-event").all():
        assert not overflows(page, f"#{entry.get_attribute('id')}")
    assert axe_violations(page, "#timeline") == []
    screenshot(tab, f"timeline-phone-{scheme}")
    assert tab.errors == []


def test_calls_stand_out_by_more_than_colour(open_tab, site_url):
    tab = open_tab(site_url + BRIEF, DESKTOP)
    page = tab.page

    def style(selector: str, pseudo: str | None = None) -> dict:
        return page.locator(selector).evaluate(
            "(e, pseudo) => { const s = getComputedStyle(e, pseudo);"
            " return {radius: s.borderTopLeftRadius, border: s.borderTopWidth,"
            " style: s.borderTopStyle}; }",
            pseudo,
        )

    call, strike = "#event-putin-call", "#event-russian-strikes"
    # The entry is framed, the marker square rather than round.
    assert style(call)["style"] == "solid" and style(strike)["style"] == "none"
    assert style(call, "::before")["radius"] != style(strike, "::before")["radius"]
    assert page.locator(f"{call} .brief-event__kind").inner_text().lower().startswith("call")


def test_a_mention_in_the_text_jumps_to_its_timeline_entry(open_tab, site_url):
    tab = open_tab(site_url + BRIEF, PHONE)
    page = tab.page
    page.locator("a.brief-mention", has_text="on Thursday").click()
    page.wait_for_function("location.hash === '#event-putin-call'")
    entry = page.locator("#event-putin-call")
    box = entry.bounding_box()
    assert 0 <= box["y"] < PHONE["height"]
    back = entry.locator(".brief-event__mentions a")
    # Material's instant navigation makes hrefs absolute: keep the fragment.
    target = "#" + str(back.get_attribute("href")).rsplit("#", 1)[1]
    back.click()
    page.wait_for_function(f"location.hash === '{target}'")
    mention = page.locator(target)
    assert mention.inner_text() == "on Thursday"
    assert 0 <= mention.bounding_box()["y"] < PHONE["height"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_calls_view_fits_a_phone_and_passes_wcag_aa(open_tab, site_url, scheme):
    tab = open_tab(site_url + "timeline/calls/", PHONE, scheme)
    page = tab.page
    assert page.locator(".brief-timeline-filter a[aria-current=page]").inner_text() == "Calls"
    assert not overflows(page, ".brief-timeline-page")
    assert axe_violations(page, ".brief-timeline-page") == []
    screenshot(tab, f"timeline-calls-phone-{scheme}")
    assert tab.errors == []
