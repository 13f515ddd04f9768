"""Fixtures of the browser tests; the helpers behind them live in tests/browsing.py.

Every test in this folder is marked `browser` (real Chromium, the Nu Html Checker,
`mkdocs serve`): `pytest -m "not browser"` runs only the fast suites."""

from pathlib import Path

import pytest
from browsing import browser, open_brief, open_tab, site_url  # noqa: F401  (pytest fixtures)

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # A conftest hook sees every collected test: mark only this folder's.
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)
