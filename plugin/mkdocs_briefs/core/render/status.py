"""The banner of a brief that a build would leave out: a draft, or scheduled.

Only `mkdocs serve` shows such a brief (a build leaves it out entirely), so the
banner tells the editor at once why the page will not be on the site.
"""

from __future__ import annotations

from datetime import datetime

from mkdocs_briefs.core.brief.model import Brief
from mkdocs_briefs.core.brief.publication import build_time, is_scheduled
from mkdocs_briefs.core.text import ap_date, ap_time


def render_status(brief: Brief, now: datetime | None = None) -> str:
    if brief.draft:
        return (
            '<p class="brief-status brief-status--draft" role="note">'
            "<strong>Draft</strong> · not published: <code>mkdocs build</code> leaves this "
            "brief out until its front matter drops <code>draft: true</code>.</p>\n"
        )
    if is_scheduled(brief, now or build_time()):
        published = brief.published
        shown = ap_date(published.date())
        if brief.published_has_time:
            shown += ", " + ap_time(published)
        return (
            '<p class="brief-status brief-status--scheduled" role="note">'
            f'<strong>Scheduled</strong> · published on <time datetime="{published.isoformat()}">'
            f"{shown}</time>: a build before then leaves this brief out.</p>\n"
        )
    return ""
