"""The byline under the headline, and the brief's length as readers judge it.

Authors from the site's authors file link to their page (`/authors/<id>/`);
plain names are shown as written.
"""

from __future__ import annotations

from mkdocs_briefs.core.brief.model import Brief
from mkdocs_briefs.core.site.authors import Byline
from mkdocs_briefs.core.text import esc

WORDS_PER_MINUTE = 230  # an adult reading news on a screen; at least one minute


def render_byline(brief: Brief, root: str) -> str:
    bylines: tuple[Byline, ...] = brief.bylines or tuple(Byline(n) for n in brief.authors)
    if not bylines:
        return ""
    names = [
        f'<a class="brief-byline__author" rel="author" href="{esc(root + b.author.path)}">'
        f"{esc(b.name)}</a>"
        if b.author is not None
        else esc(b.name)
        for b in bylines
    ]
    return f'<p class="brief-header__byline brief-byline">By {_join(names)}</p>\n'


def _join(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def reading_minutes(words: int) -> int:
    return max(1, round(words / WORDS_PER_MINUTE))


def render_reading_time(words: int) -> str:
    """ "350 words · 2 min" """
    if words < 1:
        return ""
    noun = "word" if words == 1 else "words"
    minutes = reading_minutes(words)
    return (
        f'<p class="brief-reading-time">{words:,} {noun} · '
        f'<span title="reading time">{minutes} min</span></p>\n'
    )
