"""Under `mkdocs serve`: a brief that cannot be built is shown as the list of its problems.

Without this page the editor who just broke a brief would see a 404 at its
address and have to read the terminal. The page is served where the brief
was (or would be) published; once the file is fixed and saved, the live
reload shows the brief again. `mkdocs build` never makes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo
from pathlib import Path, PurePosixPath

from mkdocs_briefs.core.brief.fields import parse_datetime
from mkdocs_briefs.core.ids import is_valid_id, slugify
from mkdocs_briefs.core.problems import Problem, Severity
from mkdocs_briefs.core.source.frontmatter import split_front_matter
from mkdocs_briefs.core.source.yamlsource import PosDict, YamlError, load_yaml
from mkdocs_briefs.core.text import esc

_WORDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def intended_url(file: Path, shown: str, tz: tzinfo) -> str | None:
    """The address the brief asks for (`date:` and slug), if they can be read at all."""
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    split = split_front_matter(text)
    if split is None:
        return None
    try:
        data = load_yaml(split.front_matter)
    except YamlError:
        return None
    if not isinstance(data, PosDict) or not isinstance(data.get("date"), str):
        return None
    parsed = parse_datetime(data["date"].strip(), tz)
    slug = data.get("slug", slugify(PurePosixPath(shown).stem))
    if parsed is None or not isinstance(slug, str) or not is_valid_id(slug):
        return None
    return f"{parsed[0]:%Y/%m/%d}/{slug}/"


def problems_page_title(shown: str) -> str:
    return f"Problems in {shown}"


def render_problems_page(shown: str, problems: Sequence[Problem], root: str) -> str:
    items = "".join(
        f'<li class="brief-problems__item brief-problems__item--{_WORDS[p.severity]}">'
        f"<code>{esc(p.location)}</code> <strong>{_WORDS[p.severity]}</strong>: "
        f"{esc(p.message)}</li>"
        for p in problems
    )
    return (
        f"<h1>{esc(problems_page_title(shown))}</h1>\n"
        '<p class="brief-status brief-status--problems" role="alert">'
        f"<strong>Not built</strong> · <code>{esc(shown)}</code> has problems that keep it "
        "out of the site. Fix them and save the file: this page reloads with the brief.</p>\n"
        f'<ul class="brief-problems">{items}</ul>\n'
    )
