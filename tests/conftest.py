"""Shared fixtures: parsing briefs from text, and one strict build of the shipped site."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from mkdocs_briefs.core.model import Brief
from mkdocs_briefs.core.parse import SiteSettings, parse_brief
from mkdocs_briefs.core.problems import Problems

ROOT = Path(__file__).resolve().parent.parent
NEW_YORK = ZoneInfo("America/New_York")
FIRST_BRIEF = ROOT / "briefs" / "trump-zelensky-air-defense.md"


@dataclass
class Parsed:
    brief: Brief | None
    problems: Problems

    @property
    def messages(self) -> list[str]:
        return [str(p) for p in self.problems]


def parse_text(text: str, path: str = "briefs/test.md") -> Parsed:
    problems = Problems()
    brief = parse_brief(textwrap.dedent(text).lstrip("\n"), path, SiteSettings(NEW_YORK), problems)
    return Parsed(brief, problems)


@pytest.fixture
def parse():
    return parse_text


@dataclass
class Build:
    site: Path
    output: str
    returncode: int

    def page(self, url: str) -> str:
        return (self.site / url.strip("/") / "index.html").read_text(encoding="utf-8")


def run_mkdocs_build(project: Path, site: Path, *, strict: bool = True) -> Build:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONWARNINGS": "ignore"}
    flags = ["--strict"] if strict else []
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *flags, "-d", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    return Build(site, result.stdout + result.stderr, result.returncode)


@pytest.fixture(scope="session")
def shipped_build(tmp_path_factory) -> Build:
    """One strict build of the shipped site, shared by every test that reads it."""
    return run_mkdocs_build(ROOT, tmp_path_factory.mktemp("site") / "site")
