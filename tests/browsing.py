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

playwright_api = pytest.importorskip("playwright.sync_api")

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


def chromium_path() -> str | None:
    explicit = os.environ.get("BRIEFS_CHROMIUM")
    if explicit:
        return explicit if Path(explicit).exists() else None
    return next(filter(None, map(shutil.which, CHROMIUM_CANDIDATES)), None)


def missing(what: str) -> None:
    """Skip locally, fail in CI: CI must have everything the browser tests need."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is missing under CI=true: .ci/run must install it")
    pytest.skip(f"{what} is not installed (install Debian's chromium to run browser tests)")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(shipped_build) -> Iterator[str]:
    """The shipped site, served from its build folder on a free loopback port."""
    assert shipped_build.returncode == 0, shipped_build.output
    handler = functools.partial(_QuietHandler, directory=str(shipped_build.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        missing("Chromium")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Tab:
    """A page plus everything it said on the console."""

    page: object
    errors: list[str] = field(default_factory=list)


@pytest.fixture
def open_tab(browser):
    """Open a page at a width and colour scheme; console errors are collected."""
    contexts = []

    def open_(url: str, viewport: dict | None = None, scheme: str = "light") -> Tab:
        context = browser.new_context(viewport=viewport or DESKTOP, color_scheme=scheme)
        contexts.append(context)
        page = context.new_page()
        tab = Tab(page)
        page.on("console", lambda m: tab.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: tab.errors.append(str(e)))
        page.goto(url)
        page.wait_for_load_state("networkidle")
        return tab

    yield open_
    for context in contexts:
        context.close()


def screenshot(tab: Tab, name: str) -> None:
    """Saved for people to look at (git-ignored folder), never compared."""
    SCREENSHOTS.mkdir(exist_ok=True)
    tab.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
