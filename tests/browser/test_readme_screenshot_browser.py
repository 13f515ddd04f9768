"""The README shows the brief as a reader first sees it on a desktop: a fresh
screenshot is saved on every run; `make screenshot` puts it in the README."""

from __future__ import annotations

import struct
from pathlib import Path

from browsing import DESKTOP, PHONE, screenshot
from support import FIRST_BRIEF_URL, ROOT

README_IMAGE = "content/assets/screenshot-brief.png"
README_PHONE_IMAGE = "content/assets/screenshot-brief-phone.png"
MAX_BYTES = 300_000  # the README loads it; keep the repository light


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's header chunk."""
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


def test_the_readme_shows_the_top_of_the_brief_as_a_desktop_reader_sees_it(open_tab, site_url):
    tab = open_tab(site_url + FIRST_BRIEF_URL, DESKTOP, "light")
    fresh = screenshot(tab, "readme-brief", full_page=False)
    committed = ROOT / README_IMAGE
    assert f"]({README_IMAGE})" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert png_size(committed) == png_size(fresh) == (DESKTOP["width"], DESKTOP["height"])
    assert committed.stat().st_size < MAX_BYTES
    assert tab.errors == []


def test_the_readme_shows_the_brief_on_a_phone(open_tab, site_url):
    tab = open_tab(site_url + FIRST_BRIEF_URL, PHONE, "dark", touch=True)
    fresh = screenshot(tab, "readme-brief-phone", full_page=False)
    committed = ROOT / README_PHONE_IMAGE
    assert f"]({README_PHONE_IMAGE})" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert png_size(committed) == png_size(fresh) == (PHONE["width"], PHONE["height"])
    assert committed.stat().st_size < MAX_BYTES
    assert tab.errors == []
