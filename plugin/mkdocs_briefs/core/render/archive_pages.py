"""The archive: every brief, newest first, a page at a time, and one page per month."""

from __future__ import annotations

from collections.abc import Sequence

from mkdocs_briefs.core.render.listing import render_brief_list, render_pagination
from mkdocs_briefs.core.site.archive import TAGS_PATH, ListPage, Month
from mkdocs_briefs.core.text import esc

ARCHIVE_TITLE = "Archive"


def archive_title(page: ListPage) -> str:
    return ARCHIVE_TITLE if page.number == 1 else f"{ARCHIVE_TITLE}, page {page.number}"


def render_archive_page(page: ListPage, months: Sequence[Month], total: int, root: str) -> str:
    noun = "brief" if total == 1 else "briefs"
    return "".join(
        [
            f"<h1>{esc(archive_title(page))}</h1>\n",
            f'<p class="brief-archive__intro">All {total} {noun}, newest first. '
            f'Browse <a href="#by-month">by month</a> or '
            f'<a href="{esc(root + TAGS_PATH)}">by tag</a>.</p>\n',
            render_brief_list(page.briefs, root),
            render_pagination(page, root, "Archive pages"),
            render_month_index(months, root),
        ]
    )


def render_month_index(months: Sequence[Month], root: str) -> str:
    """Months grouped by year, newest first, each with its number of briefs."""
    if not months:
        return ""
    years: dict[int, list[Month]] = {}
    for month in months:
        years.setdefault(month.year, []).append(month)
    blocks = []
    for year, items in years.items():
        links = "".join(
            f'<li><a href="{esc(root + m.path)}">{esc(m.title)}</a> '
            f'<span class="brief-months__count">({len(m.briefs)})</span></li>'
            for m in items
        )
        blocks.append(f'<h3>{year}</h3>\n<ul class="brief-months">{links}</ul>')
    return (
        '<nav class="brief-archive__months" aria-labelledby="by-month">\n'
        '<h2 id="by-month">By month</h2>\n' + "\n".join(blocks) + "\n</nav>\n"
    )


def render_month_page(month: Month, page: ListPage, root: str, archive_path: str) -> str:
    noun = "brief" if len(month.briefs) == 1 else "briefs"
    return "".join(
        [
            f"<h1>{esc(month.title)}</h1>\n",
            f'<p class="brief-archive__intro">{len(month.briefs)} {noun} published in '
            f'{esc(month.title)}. <a href="{esc(root + archive_path)}#by-month">Other months</a>'
            "</p>\n",
            render_brief_list(page.briefs, root),
            render_pagination(page, root, f"Pages of {month.title}"),
        ]
    )
