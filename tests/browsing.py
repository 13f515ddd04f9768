"""Browser tests: the built site served on loopback, driven in Debian's Chromium.

Under CI=true a missing browser is a failure, never a skip.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from support import FIRST_BRIEF_URL, missing, published_url

playwright_api = pytest.importorskip("playwright.sync_api")
axe_api = pytest.importorskip("axe_playwright_python.sync_playwright")

CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome")
# Flags for a closed network: no background connections to the outside world.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"
# WCAG 2.2 level AA, with every earlier version and level A it builds on.
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@dataclass(frozen=True)
class Reading:
    """How a reader meets a page: a screen, a colour scheme, and how they got there
    ("direct": typed or bookmarked; "instant": links from the front page, which
    Material's instant navigation follows without reloading)."""

    device: str  # "desktop" | "phone"
    scheme: str  # "light" | "dark"
    arrival: str = "direct"

    @property
    def viewport(self) -> dict:
        return DESKTOP if self.device == "desktop" else PHONE

    @property
    def touch(self) -> bool:
        """A phone has a touch screen: taps, not mouse clicks."""
        return self.device == "phone"

    def __str__(self) -> str:
        return f"{self.device}-{self.scheme}-{self.arrival}"


DEVICES = ("desktop", "phone")
SCHEMES = ("light", "dark")
ARRIVALS = ("direct", "instant")
# Every width and palette, loaded directly: for checks of a page's static state.
VIEWS = [Reading(device, scheme) for device in DEVICES for scheme in SCHEMES]
# ... and each also reached by instant navigation: for checks of behaviour.
READINGS = [Reading(d, s, a) for d in DEVICES for s in SCHEMES for a in ARRIVALS]


def readings(
    device: str | None = None, scheme: str | None = None, arrival: str | None = None
) -> list[Reading]:
    """The readings that match every given part."""
    wanted = {"device": device, "scheme": scheme, "arrival": arrival}
    return [
        r
        for r in READINGS
        if all(value is None or getattr(r, key) == value for key, value in wanted.items())
    ]


def chromium_path() -> str | None:
    explicit = os.environ.get("BRIEFS_CHROMIUM")
    if explicit:
        return explicit if Path(explicit).exists() else None
    return next(filter(None, map(shutil.which, CHROMIUM_CANDIDATES)), None)


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the build folder. The sitemap lists the published addresses
    (`site_url`); Material's instant navigation only takes links found in it as
    internal, so here it lists the loopback addresses, as it would once deployed."""

    published: str = ""

    def do_GET(self) -> None:
        if self.path.split("?")[0] != "/sitemap.xml":
            super().do_GET()
            return
        local = f"http://{self.headers.get('Host')}/"
        sitemap = Path(self.directory, "sitemap.xml").read_text(encoding="utf-8")
        body = sitemap.replace(self.published, local).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(shipped_build) -> Iterator[str]:
    """The shipped site, served from its build folder on a free loopback port."""
    assert shipped_build.returncode == 0, shipped_build.output
    handler = type("Handler", (_SiteHandler,), {"published": published_url()})
    served = functools.partial(handler, directory=str(shipped_build.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), served)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        missing("Chromium", "install Debian's chromium to run the browser tests")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Tab:
    """A page plus everything it said on the console."""

    page: object
    touch: bool = False
    errors: list[str] = field(default_factory=list)

    def press(self, locator) -> None:
        """Follow or activate something the way this reader does: tap or click."""
        if self.touch:
            locator.tap()
        else:
            locator.click()


@pytest.fixture
def open_tab(browser):
    """Open a page at a width and colour scheme; console errors are collected."""
    contexts = []

    def open_(
        url: str,
        viewport: dict | None = None,
        scheme: str = "light",
        *,
        touch: bool = False,
        settle: bool = True,
    ) -> Tab:
        """`settle`: wait until the network is idle (never true under `mkdocs serve`,
        whose live-reload script keeps a request open)."""
        context = browser.new_context(
            viewport=viewport or DESKTOP, color_scheme=scheme, has_touch=touch, is_mobile=touch
        )
        contexts.append(context)
        page = context.new_page()
        tab = Tab(page, touch)
        page.on("console", lambda m: tab.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: tab.errors.append(str(e)))
        page.goto(url)
        if settle:
            page.wait_for_load_state("networkidle")
        return tab

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def open_brief(open_tab, site_url):
    """The first brief as `reading` meets it: loaded directly, or reached from the
    front page through links only, by instant navigation."""

    def open_(reading: Reading) -> Tab:
        if reading.arrival == "direct":
            url = site_url + FIRST_BRIEF_URL
            return open_tab(url, reading.viewport, reading.scheme, touch=reading.touch)
        tab = open_tab(site_url, reading.viewport, reading.scheme, touch=reading.touch)
        reach_first_brief_by_links(tab)
        return tab

    return open_


def reach_first_brief_by_links(tab: Tab) -> None:
    """From the front page to the first brief as a reader clicks there: the brief's
    headline on the front page (the lead, or the list of latest briefs). The one place that knows
    this path.

    A full page load would clear `window.__marker`: it surviving proves that
    Material's instant navigation carried the reader."""
    page = tab.page
    page.evaluate("window.__marker = 1")
    tab.press(page.locator(f'.brief-latest h3 a[href$="{FIRST_BRIEF_URL}"]').first)
    page.wait_for_url("**/" + FIRST_BRIEF_URL)
    page.locator(".brief-header__title").wait_for()
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__marker") == 1, "the brief was loaded, not instantly navigated"


def follow_nav_link(tab: Tab, href_end: str) -> None:
    """Follow a link of the site's sections row, at the top of every page."""
    link = tab.page.locator(f'nav.briefs-sections a[href$="{href_end}"]').first
    link.wait_for(state="visible")
    tab.press(link)


def screenshot(tab: Tab, name: str, *, full_page: bool = True) -> Path:
    """Saved for people to look at (git-ignored folder), never compared."""
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    tab.page.screenshot(path=str(path), full_page=full_page)
    return path


def axe_violations(page, selector: str | None = None) -> list[str]:
    """axe-core's WCAG 2.2 AA findings on the page (or inside `selector`) as it is
    now, in its current palette and state: rule id, target and axe's reason."""
    results = axe_api.Axe().run(
        page,
        context=selector,
        options={"runOnly": WCAG_AA, "resultTypes": ["violations"]},
    )
    return [
        f"{violation['id']}: {node['target']}: {node.get('failureSummary', '')}"
        for violation in results.response["violations"]
        for node in violation["nodes"]
    ]
