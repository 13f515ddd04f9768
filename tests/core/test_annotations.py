"""`briefs check --format github`: GitHub workflow commands, escaped as GitHub reads them."""

from __future__ import annotations

import re
import subprocess
import sys

from support import make_project

from mkdocs_briefs.core.check.annotations import annotation
from mkdocs_briefs.core.problems import Location, Problem, Severity

# The workflow command syntax: ::command key=value,key=value::message
COMMAND = re.compile(r"^::(error|warning|notice)(?: ([^:]*))?::(.*)$")
PROPERTY = re.compile(r"^(file|line|col|endLine|endColumn|title)=([^,:]*)$")


def unescape(text: str) -> str:
    """As the runner reads values back (the reverse of its escaping)."""
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, raw)
    return text


def parse(line: str) -> tuple[str, dict[str, str], str]:
    found = COMMAND.match(line)
    assert found, line
    properties = {}
    for item in (found.group(2) or "").split(","):
        pair = PROPERTY.match(item)
        assert pair, item
        properties[pair.group(1)] = unescape(pair.group(2))
    assert "\n" not in found.group(3) and "\r" not in found.group(3)
    return found.group(1), properties, unescape(found.group(3))


def test_properties_and_message_survive_the_escaping():
    problem = Problem(
        Location("briefs/a,b: c%.md", 14, 3),
        "100% sure: 'x', then\r\na second line",
        Severity.ERROR,
    )
    line = annotation(problem)
    assert "\n" not in line
    assert parse(line) == (
        "error",
        {"file": "briefs/a,b: c%.md", "line": "14", "col": "3"},
        "100% sure: 'x', then\r\na second line",
    )


def test_severities_and_missing_positions():
    assert parse(annotation(Problem(Location("mkdocs.yml"), "m", Severity.WARNING))) == (
        "warning",
        {"file": "mkdocs.yml"},
        "m",
    )
    assert parse(annotation(Problem(Location("x.md", 3), "m", Severity.INFO)))[:2] == (
        "notice",
        {"file": "x.md", "line": "3"},
    )


def test_the_check_prints_one_annotation_per_problem(tmp_path):
    project = make_project(
        tmp_path,
        {
            "a, b: c.md": "---\ntitle: T\ndate: 2025-07-04\n---\n\nText [@nobody].\n",
            "d.md": "---\ntitle: T\n---\n\nText.\n",
        },
    )
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs_briefs.cli", "check", "--format", "github"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    *annotations, summary = result.stdout.splitlines()
    assert summary == "Checked 2 briefs: 1 error, 1 warning."
    parsed = [parse(line) for line in annotations]
    assert parsed == [
        (
            "warning",
            {"file": "briefs/a, b: c.md", "line": "6", "col": "8"},
            "unknown source 'nobody': declare it under `sources:` in the front matter",
        ),
        (
            "error",
            {"file": "briefs/d.md", "line": "2", "col": "1"},
            "'date' is missing: add `date: ...`",
        ),
    ]
