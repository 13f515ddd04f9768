"""Sites that use the briefs plugin beside another MkDocs plugin.

Each plugin gets one project (the shipped site plus a test brief, in a git
repository of its own), built twice per order: with `briefs` listed before the
plugin, and after it. Tests read what a reader or another program would: the
built files.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
from support import ROOT, Build, run_mkdocs_build

# A brief with what other plugins stumble on: an ampersand and quotes in its title,
# a relative image from the docs folder, and a link to an anchor that does not exist.
TEST_BRIEF = textwrap.dedent(
    """\
    ---
    title: Talks & "air defense" resume
    date: 2025-07-06
    summary: Officials met again & spoke of "air defense".
    tags: [Diplomacy]
    authors: [Jane Doe]
    sources:
      official:
        name: A Ukrainian official
        kind: anonymous
    ---

    Officials met again to discuss air defense in Kyiv. [@official]

    ![A red square](../content/assets/red-square.png)

    See [the first call](trump-zelensky-air-defense.md#no-such-anchor) and
    [the statement](https://example.com/statement).
    """
)
TEST_BRIEF_NAME = "talks-resume.md"
TEST_BRIEF_URL = "2025/07/06/talks-resume/"
TEST_TITLE = 'Talks & "air defense" resume'
# A 1x1 red PNG.
RED_SQUARE = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108020000009077"
    "53de0000000c4944415408d763f8cfc000000301010018dd8db00000000049454e44ae426082"
)
# The brief's git commit: its date is what git-based plugins show.
COMMIT_DATE = "2025-07-07T12:00:00+00:00"

ORDERS = ("briefs-first", "briefs-last")


@dataclass
class Site:
    """A project with one other plugin, built in one order."""

    project: Path
    build: Build

    def page(self, url: str) -> str:
        return self.build.page(url)

    @property
    def brief(self) -> str:
        return self.page(TEST_BRIEF_URL)


def make_ecosystem_project(
    root: Path,
    plugin_yaml: str,
    order: str,
    *,
    extra_config: str = "",
    extra_files: dict[str, str] | None = None,
    features: tuple[str, ...] = (),
) -> Path:
    """The shipped site, its plugins list with `plugin_yaml` before or after `briefs`.

    `extra_files`: more files, by their path in the project; `features`: more of the
    theme's features."""
    project = root / order
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copytree(ROOT / "briefs", project / "briefs")
    (project / "content" / "assets" / "red-square.png").write_bytes(RED_SQUARE)
    (project / "briefs" / TEST_BRIEF_NAME).write_text(TEST_BRIEF, encoding="utf-8")
    for name, text in (extra_files or {}).items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text, encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    listed = "".join(f"    - {feature}\n" for feature in features)
    config = config.replace("  features:\n", "  features:\n" + listed, 1)
    start = config.index("plugins:\n")
    end = config.index("\n\n", start)
    briefs = config[start:end].split("  - briefs:", 1)[1]
    other = textwrap.indent(textwrap.dedent(plugin_yaml).strip("\n"), "  ") + "\n"
    plugins = "plugins:\n  - search\n"
    plugins += (
        f"  - briefs:{briefs}\n{other}"
        if order == "briefs-first"
        else f"{other}  - briefs:{briefs}\n"
    )
    (project / "mkdocs.yml").write_text(
        config[:start] + plugins + config[end:] + extra_config, encoding="utf-8"
    )
    _commit_all(project)
    return project


def _commit_all(project: Path) -> None:
    """A git repository of its own, with one commit at a known date."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Jane Doe",
        "GIT_AUTHOR_EMAIL": "jane@example.org",
        "GIT_COMMITTER_NAME": "Jane Doe",
        "GIT_COMMITTER_EMAIL": "jane@example.org",
        "GIT_AUTHOR_DATE": COMMIT_DATE,
        "GIT_COMMITTER_DATE": COMMIT_DATE,
    }
    for command in (
        ["git", "init", "-q", "-b", "main"],
        ["git", "add", "-A"],
        ["git", "commit", "-q", "-m", "The site"],
    ):
        subprocess.run(command, cwd=project, env=env, check=True, capture_output=True)


def build_both_orders(
    tmp_path_factory: pytest.TempPathFactory,
    name: str,
    plugin_yaml: str,
    *,
    strict: bool = True,
    extra_config: str = "",
    extra_files: dict[str, str] | None = None,
    features: tuple[str, ...] = (),
    orders: tuple[str, ...] = ORDERS,
) -> dict[str, Site]:
    """One project per order, each built once (for all the tests of one plugin)."""
    root = tmp_path_factory.mktemp(name)
    sites = {}
    for order in orders:
        project = make_ecosystem_project(
            root,
            plugin_yaml,
            order,
            extra_config=extra_config,
            extra_files=extra_files,
            features=features,
        )
        sites[order] = Site(project, run_mkdocs_build(project, project / "site", strict=strict))
    return sites


def hrefs(html: str) -> list[str]:
    return re.findall(r'\shref="([^"]*)"', html)
