"""Corrections, shown at the end of the brief, newest first."""

from __future__ import annotations

from mkdocs_briefs.core.brief.model import Brief
from mkdocs_briefs.core.text import ap_date, esc

CORRECTIONS_ANCHOR = "brief-corrections"


def render_corrections(brief: Brief) -> str:
    """Plain text on purpose: a correction is read literally, never as markup."""
    if not brief.corrections:
        return ""
    newest_first = sorted(brief.corrections, key=lambda c: c.date, reverse=True)
    items = "\n".join(
        f'<li class="brief-correction"><time datetime="{c.date.isoformat()}">'
        f"{esc(ap_date(c.date))}</time>: {esc(c.text)}</li>"
        for c in newest_first
    )
    return (
        f'<section class="brief-corrections" id="{CORRECTIONS_ANCHOR}" '
        'aria-labelledby="brief-corrections-title">\n'
        '<h2 id="brief-corrections-title">Corrections</h2>\n'
        f'<ul class="brief-corrections__list">\n{items}\n</ul>\n</section>\n'
    )
