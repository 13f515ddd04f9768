"""Material's own plugins beside briefs: tags, social cards, privacy, optimize, offline."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from ecosystem_sites import ORDERS, TEST_BRIEF_URL, build_both_orders, hrefs
from support import missing

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@pytest.fixture(scope="module")
def tags_sites(tmp_path_factory):
    topics = "# Topics\n\n<!-- material/tags -->\n"
    return build_both_orders(
        tmp_path_factory, "tags", "- tags", extra_files={"content/topics.md": topics}
    )


@pytest.mark.parametrize("order", ORDERS)
def test_material_tags_lists_briefs_under_their_tags(tags_sites, order):
    site = tags_sites[order]
    assert site.build.returncode == 0, site.build.output
    topics = site.page("topics/")
    assert "Diplomacy" in topics
    assert "talks-resume/" in topics  # the brief, listed under its tag
    assert "trump-zelensky-air-defense/" in topics


@pytest.fixture(scope="module")
def social_sites(tmp_path_factory):
    if shutil.which("pngquant") is None or not FONT.is_file():
        missing("pngquant or the DejaVu font", "make tools installs pngquant, fonts-dejavu-core")
    # Social cards fetch their font from Google Fonts; the build has no network: a
    # system font stands in, put where the plugin keeps the fonts it fetched.
    root = tmp_path_factory.mktemp("social-fonts")
    fonts = root / "fonts" / "Roboto"
    fonts.mkdir(parents=True)
    for style in ("Regular", "Bold"):
        shutil.copy(FONT, fonts / f"{style}.ttf")
    plugin = f"- social:\n    cache_dir: {root}\n"
    return build_both_orders(tmp_path_factory, "social", plugin)


@pytest.mark.parametrize("order", ORDERS)
def test_social_cards_and_brief_pages_have_one_set_of_card_tags(social_sites, order):
    site = social_sites[order]
    assert site.build.returncode == 0, site.build.output
    html = site.brief
    for tag in ("og:type", "og:title", "og:url", "twitter:card", "twitter:title"):
        assert len(re.findall(f'(?:property|name)="{tag}"', html)) == 1, tag
    image = re.search(r'property="og:image" content="([^"]+)"', html)
    assert image, "the social plugin's card is the page's image"
    # The brief's own article tags are still there.
    assert 'property="article:published_time" content="2025-07-06"' in html


@pytest.fixture(scope="module")
def privacy_sites(tmp_path_factory):
    # No network in tests: external assets are not fetched; external links are processed.
    plugin = """\
    - privacy:
        assets_fetch: false
        assets_exclude: [unpkg.com/*]
        links_attr_map:
          target: _blank
    """
    return build_both_orders(tmp_path_factory, "privacy", plugin)


@pytest.mark.parametrize("order", ORDERS)
def test_privacy_sees_the_brief_body(privacy_sites, order):
    site = privacy_sites[order]
    assert site.build.returncode == 0, site.build.output
    body = site.brief.split('class="brief-body"', 1)[1].split("</div>", 1)[0]
    assert "Officials met again to discuss" in body
    # The plugin opens external links in a new window, and says so to the browser.
    link = re.search(r'<a [^>]*href="https://example.com/statement"[^>]*>', body)
    assert link, body
    assert 'target="_blank"' in link.group(0) and "noopener" in link.group(0)


@pytest.fixture(scope="module")
def optimize_sites(tmp_path_factory):
    if shutil.which("pngquant") is None:
        missing("pngquant", "make tools installs it")
    return build_both_orders(tmp_path_factory, "optimize", "- optimize")


@pytest.mark.parametrize("order", ORDERS)
def test_optimize_keeps_the_brief_image_whole(optimize_sites, order):
    site = optimize_sites[order]
    assert site.build.returncode == 0, site.build.output
    image = re.search(r'<img src="([^"]+)"', site.brief)
    assert image
    path = (site.build.site / TEST_BRIEF_URL / image.group(1)).resolve()
    assert path.is_file() and path.read_bytes().startswith(b"\x89PNG")


@pytest.fixture(scope="module")
def offline_sites(tmp_path_factory):
    return build_both_orders(tmp_path_factory, "offline", "- offline")


@pytest.mark.parametrize("order", ORDERS)
def test_offline_links_open_files_not_folders(offline_sites, order):
    """The offline plugin turns directory URLs off: opened from disk, a link to a
    folder shows a folder listing, so every link of the plugin's pages names a file."""
    site = offline_sites[order]
    assert site.build.returncode == 0, site.build.output
    pages = ["2025/07/06/talks-resume/index.html", "timeline/index.html", "tags/index.html"]
    pages += ["archive/index.html", "glossary/index.html", "index.html"]
    for name in pages:
        html = (site.build.site / name).read_text(encoding="utf-8")
        local = [h for h in hrefs(html) if "://" not in h and not h.startswith("#")]
        assert local, name
        folders = [h for h in local if h.split("#")[0].endswith("/") or h.split("#")[0] == ""]
        assert folders == [], name
        for href in local:  # and each leads to a file of the site
            target = (site.build.site / name).parent / href.split("#")[0]
            assert target.resolve().is_file(), (name, href)
