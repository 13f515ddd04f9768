"""The Nu Html Checker on every page a reader visits (tests/pages.py): no errors in
the markup we emit. Material's own known errors are listed below by exact message
and element, so they cannot hide ours."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from pages import PAGES
from support import ROOT, missing

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

AUTOCOMPLETE = (
    "Attribute “autocomplete” is only allowed when the input type is “color”, “date”,"
    " “datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”,"
    " “search”, “tel”, “text”, “time”, “url”, or “week”."
)
# (message, the element it points at) for errors in Material's own templates.
MATERIAL_ERRORS = {
    # Material turns autocomplete off on its drawer and search toggles (checkboxes),
    # so a browser never restores them open; HTML allows it on text-like inputs only.
    (
        AUTOCOMPLETE,
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer"'
        ' autocomplete="off">',
    ),
    (
        AUTOCOMPLETE,
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search"'
        ' autocomplete="off">',
    ),
}


def element(message: dict) -> str:
    """The markup the checker highlights: the element the message is about."""
    start = message.get("hiliteStart", 0)
    return message.get("extract", "")[start : start + message.get("hiliteLength", 0)]


@pytest.fixture(scope="module")
def checked(shipped_build) -> dict[Path, list[dict]]:
    """One run of the checker over every page (the JVM starts once): its error
    messages, by file."""
    assert shipped_build.returncode == 0, shipped_build.output
    java = shutil.which("java")
    if java is None:
        missing("Java", "install default-jre-headless; `make test` does on Debian as root")
    if not VNU_JAR.exists():
        missing("The Nu Html Checker", "run `npm ci --ignore-scripts`; `make test` does")
    files = [shipped_build.site / url / "index.html" for url in PAGES.values()]
    # The checker says nothing about a file it cannot find: make sure each is there.
    assert [f for f in files if not f.is_file()] == []
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--errors-only", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(result.stderr)
    by_file: dict[Path, list[dict]] = {f: [] for f in files}
    for message in report["messages"]:
        path = Path(message.get("url", "").removeprefix("file:"))
        # Not about one of our files: the checker itself failed, or paths do not match.
        assert path in by_file, f"{message}\n{result.stderr}"
        by_file[path].append(message)
    return by_file


@pytest.mark.parametrize("name", PAGES)
def test_the_page_has_no_html_errors_of_ours(checked, shipped_build, name):
    path = shipped_build.site / PAGES[name] / "index.html"
    ours = [m for m in checked[path] if (m["message"], element(m)) not in MATERIAL_ERRORS]
    relative = path.relative_to(shipped_build.site)
    assert [
        f"{relative}:{m.get('lastLine')}:{m.get('firstColumn', '')}: {m['message']}" for m in ours
    ] == []


def test_material_errors_allowed_above_still_occur(checked):
    """An allowance Material no longer needs is removed, so it cannot hide ours later."""
    found = {(m["message"], element(m)) for messages in checked.values() for m in messages}
    assert MATERIAL_ERRORS - found == set()
