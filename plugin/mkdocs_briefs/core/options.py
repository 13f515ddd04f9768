"""The briefs plugin's options, declared once.

The build (`config.py`, through MkDocs' config machinery) and `briefs check`
(`check/siteconfig.py`, without MkDocs) both take the option names, defaults and
value rules from here, so the check accepts exactly what the build accepts.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any


class OptionKind(enum.Enum):
    FOLDER = "folder"  # a folder that must exist, relative to mkdocs.yml
    FILE = "file"  # a file that must exist, relative to mkdocs.yml
    TIMEZONE = "timezone"  # an IANA zone name
    TEXT = "text"
    COUNT = "count"  # a whole number of at least 1
    FLAG = "flag"  # true or false


@dataclass(frozen=True)
class Option:
    name: str
    kind: OptionKind
    default: Any  # None: not set unless the site sets it
    meaning: str


OPTIONS: dict[str, Option] = {
    option.name: option
    for option in (
        Option(
            "briefs_dir",
            OptionKind.FOLDER,
            "briefs",
            "Folder of brief files, relative to mkdocs.yml; outside docs_dir on purpose.",
        ),
        Option("glossary", OptionKind.FILE, None, "The site glossary (YAML)."),
        Option("authors", OptionKind.FILE, None, "The site's authors (YAML)."),
        Option(
            "stories",
            OptionKind.FILE,
            None,
            "The site's stories (YAML): briefs join one with `story:`.",
        ),
        Option(
            "timezone",
            OptionKind.TIMEZONE,
            None,
            "Dates without an offset, and weekday phrases, are read in this zone "
            "(UTC, with a warning, when it is not set).",
        ),
        Option(
            "template",
            OptionKind.TEXT,
            "brief.html",
            "Page template of a brief, looked up in the theme.",
        ),
        Option(
            "per_page",
            OptionKind.COUNT,
            20,
            "Briefs on the home page and on each page of the archive, a month, a tag, an author.",
        ),
        Option("feed_size", OptionKind.COUNT, 20, "Newest briefs in the Atom feed (feed.xml)."),
        Option(
            "preview_polling",
            OptionKind.FLAG,
            False,
            "Under `mkdocs serve`, notice saved briefs by polling instead of file notifications.",
        ),
        Option(
            "cache",
            OptionKind.FLAG,
            True,
            "Keep parsed briefs in .briefs-cache/ between builds.",
        ),
    )
}

DEFAULT_TIMEZONE = "UTC"


def default(name: str) -> Any:
    return OPTIONS[name].default


def check_count(value: object) -> int:
    """A whole number of at least 1; ValueError with the message both readers show."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"expected a whole number of at least 1, got {value!r}")
    return value


def check_flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {value!r}")
    return value


def check_text(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected text, got {value!r}")
    return value
