"""The plugin's options, validated by MkDocs' own config machinery."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

from .core.siteconfig import parse_timezone


class TimeZone(c.BaseConfigOption[ZoneInfo]):
    """An IANA time zone name such as `America/New_York`."""

    def __init__(self, default: str = "UTC") -> None:
        super().__init__()
        self.default = default

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
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValidationError(f"expected a whole number of at least 1, got {value!r}")
        return value


class BriefsConfig(Config):
    # Folder of brief files, relative to mkdocs.yml; outside docs_dir on purpose.
    briefs_dir = c.Dir(exists=True, default="briefs")
    # The site glossary (YAML), relative to mkdocs.yml.
    glossary = c.Optional(c.File(exists=True))
    # The site's stories (YAML), relative to mkdocs.yml: briefs join one with `story:`.
    stories = c.Optional(c.File(exists=True))
    # Dates without an offset, and weekday phrases, are read in this zone.
    timezone = TimeZone(default="UTC")
    # Page template of a brief, looked up in the theme (a custom_dir may override it).
    template = c.Type(str, default="brief.html")
    # Briefs on the home page and on each page of the archive, a month or a tag.
    per_page = PositiveInt(default=20)
    # Newest briefs in the Atom feed (feed.xml).
    feed_size = PositiveInt(default=20)
    # Under `mkdocs serve`, notice saved briefs by polling, as MkDocs does, instead of by
    # the system's file notifications (which do not arrive from some network drives and
    # container mounts).
    preview_polling = c.Type(bool, default=False)
    # Keep parsed briefs in .briefs-cache/ between builds, so that a build parses only the
    # briefs that changed. Off: every build parses every brief.
    cache = c.Type(bool, default=True)
