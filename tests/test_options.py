"""The plugin's options are declared once: the build and `briefs check` accept the same."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from support import make_project, run_mkdocs_build

from mkdocs_briefs.config import BriefsConfig
from mkdocs_briefs.core.check.siteconfig import SiteConfigError, read_site_config
from mkdocs_briefs.core.options import OPTIONS

BRIEF = "---\ntitle: T\ndate: 2025-07-04\n---\nText.\n"


def briefs_check(project) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs_briefs.cli", "check"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_build_and_the_check_know_the_same_options_and_defaults():
    schema = dict(BriefsConfig._schema)
    assert set(schema) == set(OPTIONS)
    for name, option in OPTIONS.items():
        assert schema[name].default == option.default, name


def test_every_option_the_build_accepts_the_check_accepts(tmp_path):
    (tmp_path / "glossary.yml").write_text("x:\n  term: x\n  definition: An x.\n")
    (tmp_path / "authors.yml").write_text("jane:\n  name: Jane Doe\n")
    options = (
        "      cache: false\n      per_page: 5\n      feed_size: 3\n"
        "      preview_polling: true\n      template: brief.html\n      briefs_dir: briefs\n"
        f"      glossary: {tmp_path / 'glossary.yml'}\n      authors: {tmp_path / 'authors.yml'}\n"
    )
    project = make_project(tmp_path, {"x.md": BRIEF}, extra_config="")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text() + options)
    build = run_mkdocs_build(project, tmp_path / "site", strict=False)
    assert build.returncode == 0, build.output
    check = briefs_check(project)
    assert "unknown briefs option" not in check.stderr, check.stderr
    assert check.returncode in (0, 1), check.stderr


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("per_page: many", "briefs option 'per_page': expected a whole number of at least 1"),
        ("cache: maybe", "briefs option 'cache': expected true or false"),
        ("cahce: false", "unknown briefs option 'cahce' (did you mean 'cache'?)"),
    ],
)
def test_a_value_the_build_refuses_the_check_refuses(tmp_path, option, message):
    project = make_project(tmp_path, {"x.md": BRIEF})
    config = project / "mkdocs.yml"
    config.write_text(config.read_text() + f"      {option}\n")
    with pytest.raises(SiteConfigError, match=re.escape(message)):
        read_site_config(config)
    assert run_mkdocs_build(project, tmp_path / "site").returncode != 0


def test_what_fails_strict_for_the_configuration_fails_the_check_with_the_same_words(tmp_path):
    project = make_project(tmp_path, {"x.md": BRIEF}, site_url=None)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("      timezone: America/New_York\n", ""))
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0
    check = briefs_check(project)
    assert check.returncode == 1
    messages = check.stdout.splitlines()[:-1]
    assert len(messages) == 2
    assert any("there is no site_url" in m for m in messages)
    assert any("dates and weekdays are read in UTC" in m for m in messages)
    for message in messages:
        assert message in build.output
