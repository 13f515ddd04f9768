"""A site of one developing story: the shipped site with follow-up briefs written for the
tests (tests/fixtures/story/) beside the shipped brief."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from support import ROOT

FIXTURES = Path(__file__).parent / "fixtures" / "story"
FIRST_URL = "2025/07/04/trump-zelensky-air-defense/"
FOLLOW_UP_URL = "2025/07/08/follow-up/"
THIRD_URL = "2025/07/10/third/"
STORY_URL = "stories/ukraine-air-defense/"


def story_site(tmp_path: Path, *names: str, edit: Callable[[str, str], str] | None = None) -> Path:
    """The shipped site with the named test briefs (each through `edit`, if given)."""
    project = tmp_path / "project"
    project.mkdir()
    for part in ("briefs", "content"):
        shutil.copytree(ROOT / part, project / part)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for name in names:
        text = (FIXTURES / name).read_text(encoding="utf-8")
        (project / "briefs" / name).write_text(edit(name, text) if edit else text)
    return project
