"""Fixtures of the browser tests; the helpers behind them live in tests/browsing.py."""

from browsing import browser, open_tab, site_url  # noqa: F401  (pytest fixtures)
