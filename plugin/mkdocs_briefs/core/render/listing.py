"""Lists of briefs as readers scan them: headline, date, summary and sourcing mix.

Every link is relative (`root` leads from the page to the site root), so the
site works under any base path.
"""

from __future__ import annotations

from collections.abc import Sequence

from mkdocs_briefs.core.brief.model import Brief
from mkdocs_briefs.core.brief.sourcing import analyse_sourcing
from mkdocs_briefs.core.render.brief_types import TYPE_NAMES
from mkdocs_briefs.core.render.lead_image import render_lead_image
from mkdocs_briefs.core.render.sourcing import render_sourcing_summary
from mkdocs_briefs.core.site.archive import ListPage
from mkdocs_briefs.core.text import ap_date, esc


def render_brief_item(brief: Brief, root: str, level: int = 2) -> str:
    """One brief in a list; `level` is the heading level of its headline."""
    return brief.derived(("list item", root, level), lambda: _render_item(brief, root, level))


def _render_item(brief: Brief, root: str, level: int) -> str:
    sourcing = analyse_sourcing(brief)
    parts = [
        f'<h{level} class="brief-card__title"><a href="{esc(root + brief.url)}">'
        f"{esc(brief.title)}</a></h{level}>",
        _meta_line(brief),
    ]
    if brief.summary:
        parts.append(f'<p class="brief-card__summary">{esc(brief.summary)}</p>')
    if sourcing.total:
        noun = "source" if sourcing.total == 1 else "sources"
        parts.append(
            f'<p class="brief-card__sourcing">{sourcing.total} {noun}: {esc(sourcing.mix_text)}</p>'
        )
    return (
        '<li class="brief-list__item"><article class="brief-card">'
        + "".join(parts)
        + ("</article></li>")
    )


def _meta_line(brief: Brief) -> str:
    """Type and date; "Updated" and its date when the brief was changed since."""
    day = brief.published.date()
    parts = [
        f'<span class="brief-card__type">{esc(TYPE_NAMES[brief.type])}</span>',
        f'<time datetime="{day.isoformat()}">{esc(ap_date(day))}</time>',
    ]
    if brief.updated is not None:
        updated = brief.updated.date()
        parts.append(
            f'<span class="brief-card__updated">Updated <time datetime="{updated.isoformat()}">'
            f"{esc(ap_date(updated))}</time></span>"
        )
    return f'<p class="brief-card__meta">{" · ".join(parts)}</p>'


def render_lead(brief: Brief, root: str, level: int = 3) -> str:
    """The front page's lead: the newest brief, its summary and its sourcing bar."""
    url = root + brief.url
    parts = [
        '<article class="brief-lead">',
        _meta_line(brief),
        f'<h{level} class="brief-lead__title"><a href="{esc(url)}">{esc(brief.title)}</a>'
        f"</h{level}>",
    ]
    if brief.summary:
        parts.append(f'<p class="brief-lead__summary">{esc(brief.summary)}</p>')
    if brief.lead is not None:  # at the top of the front page: it loads at once
        parts.append(render_lead_image(brief, root + brief.lead.url(brief)))
    parts.append(render_sourcing_summary(analyse_sourcing(brief), page_url=url))
    parts.append("</article>")
    return "\n".join(parts) + "\n"


def render_brief_list(briefs: Sequence[Brief], root: str, level: int = 2) -> str:
    if not briefs:
        return '<p class="brief-list__empty">No briefs yet.</p>\n'
    items = "\n".join(render_brief_item(brief, root, level) for brief in briefs)
    # Kept out of the site search (Material reads the attribute): the briefs are found
    # on their own pages, not again on every list that shows them.
    return f'<ul class="brief-list" data-search-exclude>\n{items}\n</ul>\n'


def render_pagination(page: ListPage, root: str, label: str, items: str = "briefs") -> str:
    """Newer and older pages of `items`, and where the reader is; nothing for one page."""
    if page.count <= 1:
        return ""
    links = []
    if page.newer is not None:
        links.append(
            f'<a class="brief-pagination__newer" rel="prev" href="{esc(root + page.newer)}">'
            f"← Newer {esc(items)}</a>"
        )
    links.append(
        f'<span class="brief-pagination__where" aria-current="page">'
        f"Page {page.number} of {page.count}</span>"
    )
    if page.older is not None:
        links.append(
            f'<a class="brief-pagination__older" rel="next" href="{esc(root + page.older)}">'
            f"Older {esc(items)} →</a>"
        )
    return f'<nav class="brief-pagination" aria-label="{esc(label)}">{"".join(links)}</nav>\n'


def render_latest(briefs: Sequence[Brief], root: str, archive_path: str, more: bool) -> str:
    """The home page's list of the newest briefs, below the editor's introduction."""
    parts = [
        '<section class="brief-latest" aria-labelledby="latest-briefs" data-search-exclude>',
        '<h2 id="latest-briefs">Latest briefs</h2>',
    ]
    if briefs:
        parts.append(render_lead(briefs[0], root))
    if len(briefs) > 1 or not briefs:
        parts.append(render_brief_list(briefs[1:], root, level=3))
    if more:
        parts.append(
            f'<p class="brief-latest__more"><a href="{esc(root + archive_path)}">'
            "All briefs in the archive →</a></p>"
        )
    parts.append("</section>")
    return "\n".join(parts) + "\n"
