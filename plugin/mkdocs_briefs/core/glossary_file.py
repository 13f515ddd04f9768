"""Load the site glossary file once: the build and `briefs check` share this."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .glossary import Glossary, TermMatcher, load_glossary
from .problems import Location, Problem, Problems
from .reader import decode_source
from .render.definition import check_definition_links


@dataclass
class SiteGlossary:
    """The loaded glossary and its matcher, built once per build for every brief."""

    path: Path  # absolute
    glossary: Glossary
    matcher: TermMatcher
    problems: list[Problem] = field(default_factory=list)


def load_site_glossary(option: str | Path, project_dir: Path) -> SiteGlossary:
    """Read and check the file of the `glossary:` option; problems name it as written."""
    path = Path(option)
    if not path.is_absolute():
        path = project_dir / path
    try:
        shown = path.resolve().relative_to(project_dir).as_posix()
    except ValueError:
        shown = path.as_posix()
    problems = Problems()
    text = _read(path, shown, problems)
    glossary, found = (
        load_glossary(text, shown) if text is not None else (Glossary.empty(shown), [])
    )
    problems.extend(found)
    problems.extend(check_definition_links(glossary))
    return SiteGlossary(path, glossary, TermMatcher(glossary), problems.items)


def _read(path: Path, shown: str, problems: Problems) -> str | None:
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.error(Location(shown), f"cannot read the glossary: {exc.strerror or exc}")
        return None
    if not data.strip():
        return ""  # an empty glossary is allowed: no term is linked
    return decode_source(data, shown, problems)
