"""Which briefs a build publishes: drafts and briefs dated after the build are held back.

`draft: true` keeps a brief out of `mkdocs build` (and `mkdocs serve` shows it
with a banner). A brief whose `date` is later than the build's time is
scheduled: held back like a draft until a build after that time. The build's
time is `SOURCE_DATE_EPOCH` when it is set, so a build stays repeatable; this
is the only place where the build's clock changes what is published.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from mkdocs_briefs.core.brief.fields import FieldReader
from mkdocs_briefs.core.brief.model import Brief
from mkdocs_briefs.core.brief.skeleton import PLACEHOLDERS
from mkdocs_briefs.core.problems import Location, Problem, Problems, Severity
from mkdocs_briefs.core.source.yamlsource import PosDict

SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"


def build_time(environ: Mapping[str, str] = os.environ) -> datetime:
    """`SOURCE_DATE_EPOCH` (seconds since 1970, UTC) when set to a number, else now."""
    raw = environ.get(SOURCE_DATE_EPOCH, "").strip()
    if raw:
        try:
            return datetime.fromtimestamp(int(raw), UTC)
        except (ValueError, OverflowError, OSError):
            pass  # not a usable number: the clock, as if it were not set
    return datetime.now(UTC)


def is_scheduled(brief: Brief, now: datetime) -> bool:
    return brief.published > now


def is_held(brief: Brief, now: datetime) -> bool:
    """Left out of a build: a draft, or dated after the build."""
    return brief.draft or is_scheduled(brief, now)


def published_only(briefs: Sequence[Brief], now: datetime) -> list[Brief]:
    return [brief for brief in briefs if not is_held(brief, now)]


def scheduled_note(shown: str, published: datetime) -> Problem:
    """What the build and `briefs check` say of a brief they leave out for its date."""
    return Problem(
        Location(shown),
        f"scheduled for {published.isoformat()}: builds leave it out until then "
        "(the publishing workflow builds hourly)",
        Severity.INFO,
    )


def read_draft(data: PosDict, fields: FieldReader) -> bool:
    """`draft: true` or `false`; anything else keeps the brief a draft, with a warning."""
    value = data.get("draft", False)
    if value is None or isinstance(value, bool):
        return bool(value)
    fields.problems.warning(
        fields.where(data, "draft"),
        f"'draft' must be true or false, got '{value}': the brief is kept as a draft "
        "until it says `draft: false`",
    )
    return True


def check_placeholders(body: str, body_line: int, path: str, problems: Problems) -> None:
    """A brief to be published that still holds the text `briefs new` wrote is an error."""
    for index, line in enumerate(body.split("\n")):
        for placeholder in PLACEHOLDERS:
            col = line.find(placeholder)
            if col >= 0:
                problems.error(
                    Location(path, body_line + index, col + 1),
                    f"the brief still holds the placeholder '{placeholder}' of `briefs new`: "
                    "replace it with the news, or keep `draft: true` until the brief is ready",
                )
