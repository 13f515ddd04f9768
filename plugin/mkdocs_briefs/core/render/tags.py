"""Tags: the links on a brief, one page per tag and the index of all tags."""

from __future__ import annotations

from collections.abc import Sequence

from mkdocs_briefs.core.brief.model import Brief
from mkdocs_briefs.core.render.listing import render_brief_list, render_pagination
from mkdocs_briefs.core.site.archive import ListPage, Tag, tag_path, tag_slug
from mkdocs_briefs.core.text import esc

TAGS_TITLE = "Tags"


def render_brief_tags(brief: Brief, root: str) -> str:
    """The brief's tags as links to their pages, in the order the editor wrote them."""
    if not brief.tags:
        return ""
    seen: set[str] = set()
    links = []
    for name in brief.tags:
        slug = tag_slug(name)
        if slug in seen:
            continue
        seen.add(slug)
        href = esc(root + tag_path(slug))
        links.append(f'<li><a class="brief-tag" href="{href}">{esc(name)}</a></li>')
    return (
        '<nav class="brief-tags" aria-label="Tags">'
        '<span class="brief-tags__label">Tags:</span> '
        f'<ul class="brief-tags__list">{"".join(links)}</ul></nav>\n'
    )


def tag_title(tag: Tag, page: ListPage) -> str:
    title = f"Briefs tagged “{tag.name}”"
    return title if page.number == 1 else f"{title}, page {page.number}"


def render_tag_page(tag: Tag, page: ListPage, root: str, tags_path: str) -> str:
    noun = "brief" if len(tag.briefs) == 1 else "briefs"
    return "".join(
        [
            f"<h1>{esc(tag_title(tag, page))}</h1>\n",
            f'<p class="brief-archive__intro">{len(tag.briefs)} {noun}, newest first. '
            f'<a href="{esc(root + tags_path)}">All tags</a></p>\n',
            render_brief_list(page.briefs, root),
            render_pagination(page, root, f"Pages of the tag {tag.name}"),
        ]
    )


def render_tags_index(tags: Sequence[Tag], root: str) -> str:
    if not tags:
        return f"<h1>{TAGS_TITLE}</h1>\n<p>No brief has tags yet.</p>\n"
    items = "".join(
        f'<li><a class="brief-tag" href="{esc(root + tag.path)}">{esc(tag.name)}</a> '
        f'<span class="brief-tags__count">({len(tag.briefs)})</span></li>'
        for tag in tags
    )
    return (
        f"<h1>{TAGS_TITLE}</h1>\n<p>Every tag used in a brief, with its number of briefs.</p>\n"
        f'<ul class="brief-tags-index">{items}</ul>\n'
    )
