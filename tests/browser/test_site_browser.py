"""The front page, archive and tag pages in a real Chromium: readable in both palettes."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from browsing import DESKTOP, PHONE, screenshot

BRIEF = "2025/07/04/trump-zelensky-air-defense/"
PAGES = ["", "archive/", "archive/2025/07/", "tags/", "tags/ukraine/", BRIEF]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa"]}}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("url", PAGES)
def test_list_pages_pass_wcag_aa_in_both_palettes(open_tab, site_url, url, scheme):
    tab = open_tab(site_url + url, DESKTOP, scheme)
    # Our content only: Material's own chrome is not ours to fix here.
    results = Axe().run(tab.page, context={"include": [[".md-content"]]}, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()
    assert tab.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_front_page_list_leads_to_the_brief(open_tab, site_url, scheme):
    tab = open_tab(site_url, PHONE, scheme)
    page = tab.page
    link = page.locator(".brief-latest .brief-lead__title a").first
    assert link.is_visible()
    screenshot(tab, f"home-phone-{scheme}")
    link.click()
    page.wait_for_url(f"**/{BRIEF}")
    page.locator("h1.brief-header__title").wait_for(state="visible")
    # Tags under the brief lead to their pages, also through instant navigation.
    page.locator('.brief-tags a[href$="tags/ukraine/"]').click()
    page.wait_for_url("**/tags/ukraine/")
    # Instant navigation changes the address before it swaps the page: wait for it.
    page.locator("h1", has_text="Briefs tagged “Ukraine”").wait_for()
    assert tab.errors == []
