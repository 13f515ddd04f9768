"""Fixtures shared by every test; the helpers behind them live in support.py."""

from __future__ import annotations

import os

import pytest
from support import ROOT, Build, parse_text, run_mkdocs_build


@pytest.fixture
def parse():
    return parse_text


@pytest.fixture(scope="session")
def shipped_build(tmp_path_factory) -> Build:
    """One strict build of the shipped site, shared by every test that reads it."""
    return run_mkdocs_build(ROOT, tmp_path_factory.mktemp("site") / "site")


@pytest.fixture(autouse=True, scope="session")
def _cache_key_of_the_tests(tmp_path_factory):
    """The caches' signing key (core/cache/key.py) is made in a folder of the tests' own,
    not in the user's: builds run by the tests inherit the place."""
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("user-cache"))
    yield
    if before is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = before
