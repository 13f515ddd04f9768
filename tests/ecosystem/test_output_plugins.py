"""Plugins that write or rewrite output: minify, RSS, llms.txt, print page, redirects, lightbox."""

from __future__ import annotations

import re

import feedparser
import pytest
from ecosystem_sites import ORDERS, TEST_BRIEF_URL, TEST_TITLE, build_both_orders

FEED_LINK = re.compile(r"<link [^>]*type=\"?application/atom\+xml[^>]*>")


@pytest.fixture(scope="module")
def minify_sites(tmp_path_factory):
    return build_both_orders(tmp_path_factory, "minify", "- minify_html")


@pytest.mark.parametrize("order", ORDERS)
def test_minified_pages_keep_the_feed_link(minify_sites, order):
    site = minify_sites[order]
    assert site.build.returncode == 0, site.build.output
    for url in (TEST_BRIEF_URL, "", "timeline/", "archive/"):
        html = site.page(url)
        assert len(html.splitlines()) < 5, "the page is minified"
        assert len(FEED_LINK.findall(html)) == 1, url


@pytest.fixture(scope="module")
def rss_sites(tmp_path_factory):
    plugin = """\
    - rss:
        match_path: briefs/.*
        date_from_meta:
          as_creation: date
          as_update: updated
    """
    return build_both_orders(tmp_path_factory, "rss", plugin)


@pytest.mark.parametrize("order", ORDERS)
def test_rss_feed_has_the_briefs_with_their_titles_and_dates(rss_sites, order):
    site = rss_sites[order]
    assert site.build.returncode == 0, site.build.output
    feed = feedparser.parse((site.build.site / "feed_rss_created.xml").read_bytes())
    entries = {entry.link.rsplit("/briefs/", 1)[1]: entry for entry in feed.entries}
    assert sorted(entries) == ["2025/07/04/trump-zelensky-air-defense/", TEST_BRIEF_URL]
    entry = entries[TEST_BRIEF_URL]
    assert entry.title == TEST_TITLE  # the brief's own title, escaped once
    assert entry.published_parsed[:3] == (2025, 7, 6)  # its `date`, not the commit's


def test_rss_builds_with_its_defaults(tmp_path_factory):
    """Every page, the plugin's site pages too, has a source file the plugin can date."""
    sites = build_both_orders(tmp_path_factory, "rss-defaults", "- rss", orders=ORDERS[:1])
    site = sites[ORDERS[0]]
    assert site.build.returncode == 0, site.build.output
    feed = feedparser.parse((site.build.site / "feed_rss_created.xml").read_bytes())
    assert TEST_TITLE in [entry.title for entry in feed.entries]


@pytest.fixture(scope="module")
def llms_sites(tmp_path_factory):
    plugin = """\
    - llmstxt:
        sections:
          Briefs:
            - briefs/*.md
    """
    return build_both_orders(tmp_path_factory, "llmstxt", plugin)


@pytest.mark.parametrize("order", ORDERS)
def test_llms_txt_lists_the_briefs_with_plain_titles(llms_sites, order):
    site = llms_sites[order]
    assert site.build.returncode == 0, site.build.output
    index = (site.build.site / "llms.txt").read_text(encoding="utf-8")
    assert f"[{TEST_TITLE}](https://example.org/briefs/{TEST_BRIEF_URL}index.md)" in index
    markdown = (site.build.site / TEST_BRIEF_URL / "index.md").read_text(encoding="utf-8")
    assert "Officials met again to discuss" in markdown
    # Its link to another brief leads to that brief's page.
    other = "https://example.org/briefs/2025/07/04/trump-zelensky-air-defense/"
    assert f"({other}#no-such-anchor)" in markdown


@pytest.fixture(scope="module")
def print_sites(tmp_path_factory):
    # The print page must come last: it collects what the other plugins made. It prints
    # the pages of the navigation: the test brief is listed in it by its path.
    nav = "nav:\n  - index.md\n  - Talks: briefs/talks-resume.md\n  - timeline/index.md\n"
    return build_both_orders(
        tmp_path_factory, "print", "- print-site", extra_config=nav, orders=ORDERS[:1]
    )


def test_print_site_builds_strictly_and_prints_the_briefs_in_the_nav(print_sites):
    site = print_sites[ORDERS[0]]
    assert site.build.returncode == 0, site.build.output
    printed = site.page("print_page/")
    assert 'id="2025-07-06-talks-resume"' in printed
    assert "Officials met again to discuss" in printed
    # A brief left out of the navigation is not printed.
    assert 'id="2025-07-04-trump-zelensky-air-defense"' not in printed


@pytest.fixture(scope="module")
def redirect_sites(tmp_path_factory):
    plugin = """\
    - redirects:
        redirect_maps:
          old-talks.md: briefs/talks-resume.md
    """
    return build_both_orders(tmp_path_factory, "redirects", plugin)


@pytest.mark.parametrize("order", ORDERS)
def test_redirects_to_a_brief_are_written(redirect_sites, order):
    site = redirect_sites[order]
    assert site.build.returncode == 0, site.build.output
    redirect = site.page("old-talks/")
    assert f'content="0; url=../{TEST_BRIEF_URL}"' in redirect


@pytest.fixture(scope="module")
def glightbox_sites(tmp_path_factory):
    return build_both_orders(tmp_path_factory, "glightbox", "- glightbox")


@pytest.mark.parametrize("order", ORDERS)
def test_glightbox_wraps_the_brief_image(glightbox_sites, order):
    site = glightbox_sites[order]
    assert site.build.returncode == 0, site.build.output
    body = site.brief.split('class="brief-body"', 1)[1]
    assert re.search(r'<a [^>]*class="glightbox"[^>]*>\s*<img [^>]*red-square.png', body)
