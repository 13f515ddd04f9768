"""The Makefile: `make site` installs what building needs, `make test` adds the test tools."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from support import ROOT

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def planned(*args: str) -> str:
    """What make would run from scratch (-B: as if nothing were installed; -n: run nothing)."""
    result = subprocess.run(
        ["make", "-n", "-B", *args], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def installs(commands: str) -> list[str]:
    return [line for line in commands.splitlines() if "pip install" in line]


def test_make_site_installs_only_what_building_needs():
    commands = planned("site")
    assert installs(commands), commands
    for line in installs(commands):
        assert "[test]" not in line and "playwright" not in line.lower(), line
        assert "-c requirements.lock" in line or "--upgrade pip" in line, line
    assert "mkdocs build --strict" in commands


def test_make_test_adds_the_test_tools():
    commands = planned("test")
    assert any("-e '.[test]'" in line for line in installs(commands)), commands
    assert "pytest" in commands


def test_make_new_and_check_run_the_briefs_command():
    new = planned("new", "TITLE=Talks resume", "SLUG=talks")
    assert re.search(r'briefs new "Talks resume" --slug "talks"$', new, re.MULTILINE), new
    assert re.search(r"briefs check$", planned("check"), re.MULTILINE)


def test_the_makefile_silences_materials_banner_for_every_command():
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^export NO_MKDOCS_2_WARNING :?= ?1$", text, re.MULTILINE)
