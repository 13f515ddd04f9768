"""Fixtures shared by every test; the helpers behind them live in support.py."""

from __future__ import annotations

import pytest
from support import ROOT, Build, parse_text, run_mkdocs_build


@pytest.fixture
def parse():
    return parse_text


@pytest.fixture(scope="session")
def shipped_build(tmp_path_factory) -> Build:
    """One strict build of the shipped site, shared by every test that reads it."""
    return run_mkdocs_build(ROOT, tmp_path_factory.mktemp("site") / "site")
