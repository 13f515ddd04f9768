"""The adapter's side of the glossary: find the file, load it once, keep it unpublished."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.structure.files import Files

from .core.glossary import Glossary, TermMatcher, load_glossary
from .core.problems import Location, Problem, Problems
from .core.reader import decode_source
from .core.render.definition import check_definition_links


@dataclass
class SiteGlossary:
    """The loaded glossary and its matcher, built once per build for every brief."""

    path: Path  # absolute
    glossary: Glossary
    matcher: TermMatcher
    problems: list[Problem] = field(default_factory=list)


def load_site_glossary(option: str, project_dir: Path) -> SiteGlossary:
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


def keep_out_of_site(files: Files, path: Path, docs_dir: Path) -> None:
    """The YAML is read by the plugin; MkDocs must not copy it into the site as well."""
    try:
        src_uri = path.resolve().relative_to(docs_dir.resolve()).as_posix()
    except ValueError:
        return  # outside the docs folder: MkDocs never sees it
    file = files.get_file_from_path(src_uri)
    if file is not None:
        files.remove(file)
