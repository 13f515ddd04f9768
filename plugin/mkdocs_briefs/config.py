"""The plugin's options, validated by MkDocs' own config machinery.

Names, defaults and value rules come from `core.options`, which `briefs check`
reads too; tests/test_options.py keeps this class and that declaration equal.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

from mkdocs_briefs.core.check.siteconfig import parse_timezone
from mkdocs_briefs.core.options import check_count, default


class TimeZone(c.BaseConfigOption[ZoneInfo]):
    """An IANA time zone name such as `America/New_York`."""

    def run_validation(self, value: object) -> ZoneInfo:
        try:
            return parse_timezone(value)
        except ValueError as exc:
            raise ValidationError(str(exc)) from None


class PositiveInt(c.BaseConfigOption[int]):
    """A whole number of at least 1."""

    def __init__(self, default: int) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> int:
        try:
            return check_count(value)
        except ValueError as exc:
            raise ValidationError(str(exc)) from None


class BriefsConfig(Config):
    briefs_dir = c.Dir(exists=True, default=default("briefs_dir"))
    glossary = c.Optional(c.File(exists=True))
    authors = c.Optional(c.File(exists=True))
    stories = c.Optional(c.File(exists=True))
    # Not set: UTC, with a warning (see core.siteconfig.config_problems).
    timezone = c.Optional(TimeZone())
    template = c.Type(str, default=default("template"))
    per_page = PositiveInt(default=default("per_page"))
    feed_size = PositiveInt(default=default("feed_size"))
    preview_polling = c.Type(bool, default=default("preview_polling"))
    cache = c.Type(bool, default=default("cache"))
