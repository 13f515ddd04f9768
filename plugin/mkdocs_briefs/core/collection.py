"""Find and parse every brief of a site, once per build."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .model import Brief
from .parse import SiteSettings, parse_brief
from .problems import Location, Problems
from .reader import read_source


@dataclass
class BriefCollection:
    briefs: list[Brief] = field(default_factory=list)  # newest first
    files: dict[str, Path] = field(default_factory=dict)  # brief path as shown -> file
    problems: Problems = field(default_factory=Problems)

    def by_path(self, shown_path: str) -> Brief | None:
        return next((b for b in self.briefs if b.path == shown_path), None)


def find_brief_files(briefs_dir: Path) -> list[Path]:
    """Every `.md` file under the folder, at any depth, in a stable order."""
    if not briefs_dir.is_dir():
        return []
    return sorted(p for p in briefs_dir.rglob("*.md") if p.is_file())


def load_briefs(briefs_dir: Path, project_dir: Path, settings: SiteSettings) -> BriefCollection:
    """Parse all briefs; a broken one is reported and skipped, never stopping the rest."""
    collection = BriefCollection()
    by_url: dict[str, Brief] = {}
    for file in find_brief_files(briefs_dir):
        shown = _shown_path(file, project_dir)
        text = read_source(file, shown, collection.problems)
        if text is None:
            continue
        brief = parse_brief(text, shown, settings, collection.problems)
        if brief is None:
            continue
        other = by_url.get(brief.url)
        if other is not None:
            collection.problems.error(
                Location(shown, 1, 1),
                f"this brief and {other.path} both make the page /{brief.url}: "
                "change the slug: of one of them",
            )
            continue
        by_url[brief.url] = brief
        collection.briefs.append(brief)
        collection.files[shown] = file
    collection.briefs.sort(key=lambda b: (b.published, b.path), reverse=True)
    return collection


def _shown_path(file: Path, project_dir: Path) -> str:
    """Paths in messages are relative to the project, as an editor opens them."""
    try:
        return file.relative_to(project_dir).as_posix()
    except ValueError:
        return file.as_posix()
