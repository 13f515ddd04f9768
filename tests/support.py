"""Helpers shared by the tests: parsing briefs from text and building sites."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from mkdocs_briefs.core.brief.model import Brief
from mkdocs_briefs.core.brief.parse import SiteSettings, parse_brief
from mkdocs_briefs.core.problems import Problems

ROOT = Path(__file__).resolve().parent.parent
NEW_YORK = ZoneInfo("America/New_York")
FIRST_BRIEF = ROOT / "briefs" / "trump-zelensky-air-defense.md"
FIRST_BRIEF_URL = "2025/07/04/trump-zelensky-air-defense/"


def published_url(project: Path = ROOT) -> str:
    """The `site_url` of a project's mkdocs.yml: the address the site is published at."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    found = re.search(r"^site_url:\s*(\S+)", config, re.MULTILINE)
    assert found, f"{project / 'mkdocs.yml'} has no site_url"
    return found.group(1).rstrip("/") + "/"


def missing(what: str, hint: str) -> None:
    """Skip locally, fail in CI: CI must have every tool the tests need."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is missing under CI=true: `make test` must install it ({hint})")
    pytest.skip(f"{what} is not installed: {hint}")


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


TEST_SITE_URL = "https://example.org/"  # at the root, so `mkdocs serve` serves at /


def make_project(
    tmp_path: Path,
    briefs: dict[str, str],
    *,
    extra_config: str = "",
    site_url: str | None = TEST_SITE_URL,
) -> Path:
    """A small site of its own, for builds that must go wrong."""
    project = tmp_path / "project"
    (project / "content").mkdir(parents=True)
    (project / "content" / "index.md").write_text("# Home\n\nSee [about](about.md).\n")
    (project / "content" / "about.md").write_text("# About\n")
    (project / "briefs").mkdir()
    for name, text in briefs.items():
        path = project / "briefs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        "site_name: Test\ndocs_dir: content\ntheme: {name: material}\n"
        + (f"site_url: {site_url}\n" if site_url else "")
        + "plugins:\n  - briefs:\n      timezone: America/New_York\n"
        + extra_config
    )
    return project
