"""The timeline as a reader uses it, in a real Chromium: in order at every width and
palette, loaded directly or reached through instant navigation, on a phone, and from
the text's mentions to the entries."""

from __future__ import annotations

import pytest
from browsing import DESKTOP, PHONE, READINGS, axe_violations, readings, screenshot
from support import FIRST_BRIEF, FIRST_BRIEF_URL, parse_text

BRIEF = FIRST_BRIEF_URL


def overflows(page, selector: str) -> bool:
    return page.locator(selector).evaluate(
        "e => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right"
        " > document.documentElement.clientWidth + 1"
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_timeline_fits_a_phone(open_tab, site_url, scheme):
    # WCAG: the whole page is checked in test_accessibility_browser.py.
    tab = open_tab(site_url + BRIEF, PHONE, scheme)
    page = tab.page
    timeline = page.locator("#timeline")
    timeline.scroll_into_view_if_needed()
    assert timeline.is_visible()
    assert not overflows(page, "#timeline")
    for entry in page.locator("#timeline li.brief-event").all():
        assert not overflows(page, f"#{entry.get_attribute('id')}")
    assert tab.errors == []


@pytest.mark.parametrize("reading", READINGS, ids=str)
def test_the_timeline_shows_every_event_top_to_bottom_in_the_order_they_happened(
    open_brief, reading
):
    tab = open_brief(reading)
    page = tab.page
    entries = page.locator("#timeline li.brief-event").evaluate_all(
        """es => es.map(e => ({
            id: e.id,
            top: e.getBoundingClientRect().top,
            visible: e.checkVisibility(),
            when: [...e.querySelectorAll('.brief-event__when time')].map(t => t.dateTime),
        }))"""
    )
    brief = parse_text(FIRST_BRIEF.read_text(encoding="utf-8"), str(FIRST_BRIEF)).brief
    assert sorted(e["id"] for e in entries) == sorted(f"event-{e.id}" for e in brief.events)
    assert all(e["visible"] for e in entries)
    tops = [e["top"] for e in entries]
    assert tops == sorted(tops) and len(set(tops)) == len(tops)  # one below the other
    # Dated events by their first day (ISO dates sort as text), planned ones last.
    starts = [e["when"][0] for e in entries if e["when"]]
    assert starts == sorted(starts)
    assert [bool(e["when"]) for e in entries] == sorted(
        (bool(e["when"]) for e in entries), reverse=True
    )
    assert tab.errors == []


def test_calls_stand_out_by_their_marker_which_the_legend_explains(open_tab, site_url):
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
    # Every entry is set the same way; a call's marker is square rather than round,
    # and the legend says so in words.
    assert style(call) == style(strike)
    assert style(call, "::before")["radius"] != style(strike, "::before")["radius"]
    legend = page.locator(".brief-timeline__legend")
    assert "a call between leaders" in legend.inner_text()
    key = ".brief-timeline__key--call"
    assert style(key)["radius"] == style(call, "::before")["radius"]
    assert page.locator(f"{call} .brief-event__kind").inner_text().lower().startswith("call")


@pytest.mark.parametrize("reading", readings(scheme="light"), ids=str)
def test_a_mention_in_the_text_jumps_to_its_timeline_entry(open_brief, reading):
    tab = open_brief(reading)
    page = tab.page
    tab.press(page.locator("a.brief-mention", has_text="on Thursday"))
    page.wait_for_function("location.hash === '#event-putin-call'")
    entry = page.locator("#event-putin-call")
    box = entry.bounding_box()
    assert 0 <= box["y"] < reading.viewport["height"]
    back = entry.locator(".brief-event__mentions a")
    # Material's instant navigation makes hrefs absolute: keep the fragment.
    target = "#" + str(back.get_attribute("href")).rsplit("#", 1)[1]
    tab.press(back)
    page.wait_for_function(f"location.hash === '{target}'")
    mention = page.locator(target)
    assert mention.inner_text() == "on Thursday"
    assert 0 <= mention.bounding_box()["y"] < reading.viewport["height"]
    assert tab.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_calls_view_fits_a_phone_and_passes_wcag_aa(open_tab, site_url, scheme):
    tab = open_tab(site_url + "timeline/calls/", PHONE, scheme)
    page = tab.page
    assert page.locator(".brief-timeline-filter a[aria-current=page]").inner_text() == "Calls"
    assert not overflows(page, ".brief-timeline-page")
    assert axe_violations(page, ".brief-timeline-page") == []
    screenshot(tab, f"timeline-calls-phone-{scheme}")
    assert tab.errors == []
