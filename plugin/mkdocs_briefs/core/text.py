"""Readable dates and escaping shared by every fragment."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from html import escape

# AP style abbreviates these months before a day; the others are written in full.
_AP_MONTHS = {1: "Jan.", 2: "Feb.", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."}


@lru_cache(maxsize=4096)  # a site's lists and timeline show the same days again and again
def ap_date(day: date, *, year: bool = True, weekday: bool = False) -> str:
    """`July 4, 2025`, `Sept. 30`, `Fri, July 4` as a newsroom writes them."""
    month = _AP_MONTHS.get(day.month, day.strftime("%B"))
    text = f"{month} {day.day}"
    if year:
        text += f", {day.year}"
    if weekday:
        text = f"{day.strftime('%a')}, {text}"
    return text


def ap_time(moment: datetime) -> str:
    """`2:10 p.m. EDT`."""
    hour = moment.hour % 12 or 12
    suffix = "a.m." if moment.hour < 12 else "p.m."
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    zone = moment.tzname() or ""
    return f"{hour}{minutes} {suffix} {zone}".strip()


def esc(text: object) -> str:
    """Escape for HTML text and double-quoted attributes."""
    return escape(str(text), quote=True)
