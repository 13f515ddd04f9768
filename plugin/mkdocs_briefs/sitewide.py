"""The site around the briefs: home-page list, archive, months, tags and the feed.

Adapter glue only: which pages exist and where the core's HTML goes. The HTML
and the feed themselves come from `core.render`.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

from mkdocs.structure.nav import Navigation, Section

from mkdocs_briefs.core.brief.model import Brief
from mkdocs_briefs.core.render.archive_pages import (
    archive_title,
    render_archive_page,
    render_month_page,
)
from mkdocs_briefs.core.render.feed import FeedEntry, render_feed
from mkdocs_briefs.core.render.listing import render_latest
from mkdocs_briefs.core.render.tags import TAGS_TITLE, render_tag_page, render_tags_index, tag_title
from mkdocs_briefs.core.site.archive import (
    ARCHIVE_PATH,
    FEED_PATH,
    TAGS_PATH,
    by_month,
    by_tag,
    paginate,
)
from mkdocs_briefs.core.siteinfo import SiteInfo
from mkdocs_briefs.core.text import esc
from mkdocs_briefs.structure import SitePage, SitePageSpec

# Where an editor may place the list of latest briefs in the home page's Markdown.
LATEST_MARKER = "<!-- briefs:latest -->"


def listing_pages(briefs: Sequence[Brief], per_page: int) -> list[SitePageSpec]:
    """Archive pages, month pages, tag pages and the tag index; only "Archive" is in the nav."""
    specs: list[SitePageSpec] = []
    months = by_month(briefs)
    for page in paginate(briefs, ARCHIVE_PATH, per_page):
        specs.append(
            SitePageSpec(
                f"{page.path}index.md",
                archive_title(page),
                functools.partial(render_archive_page, page, months, len(briefs)),
                "Every brief, newest first.",
                in_nav=page.number == 1,
                searchable=False,
            )
        )
    for month in months:
        for page in paginate(month.briefs, month.path, per_page):
            title = month.title if page.number == 1 else f"{month.title}, page {page.number}"
            specs.append(
                SitePageSpec(
                    f"{page.path}index.md",
                    title,
                    functools.partial(render_month_page, month, page, archive_path=ARCHIVE_PATH),
                    f"Briefs published in {month.title}.",
                    in_nav=False,
                    searchable=False,
                )
            )
    tags = by_tag(briefs)
    specs.append(
        SitePageSpec(
            f"{TAGS_PATH}index.md",
            TAGS_TITLE,
            functools.partial(render_tags_index, tags),
            "Every tag used in a brief.",
            in_nav=False,
            searchable=False,
        )
    )
    for tag in tags:
        for page in paginate(tag.briefs, tag.path, per_page):
            specs.append(
                SitePageSpec(
                    f"{page.path}index.md",
                    tag_title(tag, page),
                    functools.partial(render_tag_page, tag, page, tags_path=TAGS_PATH),
                    f"Briefs tagged {tag.name}.",
                    in_nav=False,
                    searchable=False,
                )
            )
    return specs


def lift_lone_pages(nav: Navigation) -> None:
    """A top-level folder holding one generated page (archive/, sources/) is shown as that page.

    Without this, the nav shows a section "Archive" that opens onto a single
    link "Archive".
    """
    items = []
    for item in nav.items:
        if (
            isinstance(item, Section)
            and len(item.children) == 1
            and isinstance(item.children[0], SitePage)
        ):
            item = item.children[0]
            item.parent = None
        items.append(item)
    nav.items = items


def home_page_spec(briefs: Sequence[Brief], per_page: int, title: str) -> SitePageSpec:
    """The home page when the docs folder has none: just the latest briefs."""

    def render(root: str) -> str:
        # The masthead shows the site's name already: this heading is for screen readers.
        heading = f'<h1 class="brief-visually-hidden">{esc(title)}</h1>\n'
        return heading + latest_html(briefs, per_page, root)

    return SitePageSpec("index.md", title, render)


def latest_html(briefs: Sequence[Brief], per_page: int, root: str) -> str:
    return render_latest(briefs[:per_page], root, ARCHIVE_PATH, more=len(briefs) > per_page)


def add_latest(html: str, latest: str) -> str:
    """The editor's home page keeps its text; the list goes at the marker, or after it."""
    if LATEST_MARKER in html:
        return html.replace(LATEST_MARKER, latest, 1)
    return html + "\n" + latest


def write_feed(site_dir: Path, entries: Sequence[FeedEntry], site: SiteInfo) -> Path:
    path = site_dir / FEED_PATH
    # Encoded before the file is opened: a failure never leaves an empty feed behind.
    path.write_bytes(render_feed(entries, site).encode("utf-8"))
    return path
