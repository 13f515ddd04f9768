"""axe-core on every page a reader visits (tests/pages.py), at both widths and in
both palettes: zero WCAG 2.2 AA violations. Each page is also saved as a screenshot
for people to look at."""

from __future__ import annotations

import pytest
from browsing import VIEWS, axe_violations, readings, screenshot
from pages import PAGES


@pytest.mark.parametrize("view", VIEWS, ids=lambda v: f"{v.device}-{v.scheme}")
@pytest.mark.parametrize("name", PAGES)
def test_the_page_has_no_wcag_aa_violations(open_tab, site_url, name, view):
    tab = open_tab(site_url + PAGES[name], view.viewport, view.scheme, touch=view.touch)
    screenshot(tab, f"{name}-{view.device}-{view.scheme}")
    assert axe_violations(tab.page) == []
    assert tab.errors == []


@pytest.mark.parametrize("reading", readings("desktop", arrival="direct"), ids=str)
def test_what_scripts_show_in_the_brief_has_no_wcag_aa_violations(open_brief, reading):
    """States only script makes: a glossary popup, claims highlighted from a source."""
    tab = open_brief(reading)
    page = tab.page
    page.locator('a.brief-term[data-term="air-defense"]').focus()
    page.locator(".brief-term-popup").wait_for(state="visible")
    assert axe_violations(page, ".brief-term-popup") == []
    page.locator("#source-zelensky-x .brief-source__name").hover()
    assert page.locator(".brief-claim.is-highlighted").count() > 0
    assert axe_violations(page, ".brief-body") == []
    assert tab.errors == []
