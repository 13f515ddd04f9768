"""Typed reading of front-matter values, each problem placed at its line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from urllib.parse import urlsplit

from mkdocs_briefs.core.problems import Location, Problems
from mkdocs_briefs.core.source.yamlsource import Pos, PosDict, PosList
from mkdocs_briefs.core.suggest import did_you_mean


@dataclass
class FieldReader:
    """Reads values out of one YAML mapping and reports problems at file positions."""

    path: str
    line_offset: int  # file line of YAML line 1, minus one
    problems: Problems

    def at(self, pos: Pos) -> Location:
        return Location(self.path, pos.line + self.line_offset, pos.col)

    def where(self, mapping: PosDict, key: str) -> Location:
        return self.at(mapping.where(key))

    def text(self, mapping: PosDict, key: str, *, required: bool = False, what: str = "") -> str:
        """A non-empty string, or "" after reporting (when required) what to write."""
        name = what or f"'{key}'"
        if key not in mapping or mapping[key] is None:
            if required:
                self.problems.error(self.at(mapping.pos), f"{name} is missing: add `{key}: ...`")
            return ""
        # `title: No` is the word the author wrote, though YAML 1.1 reads it as false.
        value = mapping.written.get(key, mapping[key])
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            # Only a required field keeps the brief from being built; another is left out.
            report = self.problems.error if required else self.problems.warning
            report(self.where(mapping, key), f"{name} must be text: put the value in quotes")
            return ""
        value = _plain(value)
        if not value and required:
            self.problems.error(self.where(mapping, key), f"{name} is empty: write it")
        return value

    def text_list(self, mapping: PosDict, key: str) -> tuple[str, ...]:
        """A list of strings; a lone string is taken as a list of one."""
        value = mapping.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            return (_plain(value),) if _plain(value) else ()
        if not isinstance(value, PosList):
            self.problems.warning(
                self.where(mapping, key), f"'{key}' must be a list, e.g. {key}: [one, two]"
            )
            return ()
        items: list[str] = []
        for index, item in enumerate(value):
            item = value.written.get(index, item)
            if isinstance(item, bool) or not isinstance(item, str | int | float):
                self.problems.warning(
                    self.at(value.where(index)),
                    f"each item of '{key}' must be text: put it in quotes",
                )
            elif _plain(item):
                items.append(_plain(item))
        return tuple(items)

    def mapping(self, mapping: PosDict, key: str) -> PosDict | None:
        value = mapping.get(key)
        if value is None:
            return None
        if not isinstance(value, PosDict):
            self.problems.error(
                self.where(mapping, key), f"'{key}' must be a mapping of `id: entry` pairs"
            )
            return None
        return value

    def sequence(self, mapping: PosDict, key: str) -> PosList | None:
        value = mapping.get(key)
        if value is None:
            return None
        if not isinstance(value, PosList):
            self.problems.error(
                self.where(mapping, key), f"'{key}' must be a list: start each item with '- '"
            )
            return None
        return value

    def datetime_value(
        self, mapping: PosDict, key: str, tz: tzinfo, *, required: bool = False
    ) -> tuple[datetime | None, bool]:
        """An aware datetime in `tz`, and whether a time of day was written."""
        raw = self.text(mapping, key, required=required)
        if not raw:
            return None, False
        try:
            parsed = parse_datetime(raw, tz)
        except OverflowError:  # 9999-12-31T23:00-12:00 is in year 10000 further east
            self.problems.error(
                self.where(mapping, key),
                f"'{key}' is outside the calendar in the site's time zone ({tz}): "
                f"{raw} falls outside the years 1 to 9999 there; write a date within them",
            )
            return None, False
        if parsed is None:
            self.problems.error(
                self.where(mapping, key),
                f"'{key}' is not a date: write 2025-07-04 or 2025-07-04T14:10:00-04:00, "
                f"got '{raw}'",
            )
            return None, False
        return parsed

    def date_value(self, mapping: PosDict, key: str) -> date | None:
        """A calendar date; problems are warnings (the entry is dropped, not the brief)."""
        raw = self.text(mapping, key)
        if not raw:
            self.problems.warning(
                self.at(mapping.pos), f"'{key}' is missing: add `{key}: 2025-07-04`"
            )
            return None
        try:
            return date.fromisoformat(raw[:10])
        except ValueError:
            self.problems.warning(
                self.where(mapping, key), f"'{key}' is not a date: write 2025-07-04, got '{raw}'"
            )
            return None

    def url(self, mapping: PosDict, key: str) -> str | None:
        raw = self.text(mapping, key)
        if not raw:
            return None
        if not is_web_url(raw):
            self.problems.warning(
                self.where(mapping, key),
                f"'{key}' must be an http(s) address, got '{raw}': the link was left out",
            )
            return None
        return raw

    def unknown_keys(
        self, mapping: PosDict, known: tuple[str, ...], what: str, also: tuple[str, ...] = ()
    ) -> None:
        """`also`: keys accepted without being suggested (read by other programs)."""
        for key in mapping:
            if key not in known and key not in also:
                self.problems.warning(
                    self.at(mapping.key_pos[key]),
                    f"unknown key '{key}' in {what}{did_you_mean(str(key), known)}: "
                    f"use one of {', '.join(known)}",
                )


def parse_datetime(raw: str, tz: tzinfo) -> tuple[datetime, bool] | None:
    """Parse an ISO date or datetime; one without offset is in the site's zone.

    OverflowError when the moment is before year 1 or after 9999 in that zone."""
    try:
        if len(raw) == 10:
            day = date.fromisoformat(raw)
            return datetime(day.year, day.month, day.day, tzinfo=tz), False
        moment = datetime.fromisoformat(raw)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz)
    return moment.astimezone(tz), True


def _plain(value: str | int | float) -> str:
    # A NUL (YAML writes one for "\0") is read as U+FFFD, as markdown-it reads one in text:
    # rendering uses NUL to mark what each page fills in (see markdown/prerender.py).
    return str(value).strip().replace("\x00", "\ufffd")


def is_web_url(url: str) -> bool:
    """Only http(s) addresses with a host leave the site; nothing else is emitted."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def author_entries(
    data: PosDict, fields: FieldReader
) -> tuple[tuple[str, ...], tuple[Location, ...]]:
    """A brief's `authors:`: the names as written, and where each is (for did-you-mean)."""
    names = fields.text_list(data, "authors")
    value = data.get("authors")
    if isinstance(value, PosList):
        spots = [fields.at(value.where(i)) for i, item in enumerate(value) if _text(item)]
    else:
        spots = [fields.where(data, "authors")] * len(names)
    if len(spots) != len(names):
        spots = [fields.where(data, "authors")] * len(names)
    return names, tuple(spots)


def _text(item: object) -> bool:
    return (
        not isinstance(item, bool)
        and isinstance(item, str | int | float)
        and bool(str(item).strip())
    )
