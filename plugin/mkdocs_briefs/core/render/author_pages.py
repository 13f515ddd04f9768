"""The page of each author of the site's authors file, and the list of all of them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mkdocs_briefs.core.brief.fields import is_web_url
from mkdocs_briefs.core.brief.model import Brief
from mkdocs_briefs.core.render.listing import render_brief_list, render_pagination
from mkdocs_briefs.core.site.archive import ListPage, paginate
from mkdocs_briefs.core.site.authors import AUTHORS_PATH, Author
from mkdocs_briefs.core.text import esc

AUTHORS_TITLE = "Authors"


@dataclass(frozen=True)
class AuthorPage:
    """One page of an author's briefs (newest first), paged like the archive."""

    author: Author
    page: ListPage
    total: int

    @property
    def title(self) -> str:
        name = self.author.name
        return name if self.page.number == 1 else f"{name}, page {self.page.number}"


def author_pages(
    authors: Sequence[Author], briefs: dict[str, list[Brief]], per_page: int
) -> list[AuthorPage]:
    return [
        AuthorPage(author, page, len(briefs.get(author.id, [])))
        for author in authors
        for page in paginate(briefs.get(author.id, []), author.path, per_page)
    ]


def _avatar(author: Author, root: str) -> str:
    if not author.avatar:
        return ""
    src = author.avatar if is_web_url(author.avatar) else root + author.avatar.lstrip("/")
    # Decorative next to the name, which says who it is.
    return f'<img class="brief-author__avatar" src="{esc(src)}" alt="" width="96" height="96">'


def render_author_page(item: AuthorPage, root: str) -> str:
    author = item.author
    parts = ['<header class="brief-author">', _avatar(author, root)]
    parts.append(f"<h1>{esc(item.title)}</h1>")
    if author.role:
        parts.append(f'<p class="brief-author__role">{esc(author.role)}</p>')
    if author.bio and item.page.number == 1:
        parts.append(f'<p class="brief-author__bio">{esc(author.bio)}</p>')
    if author.url:
        parts.append(
            f'<p class="brief-author__url"><a href="{esc(author.url)}" rel="me">'
            f"{esc(author.url)}</a></p>"
        )
    parts.append("</header>")
    noun = "brief" if item.total == 1 else "briefs"
    parts += [
        f'<p class="brief-archive__intro">{item.total} {noun}, newest first. '
        f'<a href="{esc(root + AUTHORS_PATH)}">All authors</a></p>',
        render_brief_list(item.page.briefs, root),
        render_pagination(item.page, root, f"Pages of briefs by {author.name}"),
    ]
    return "\n".join(part for part in parts if part) + "\n"


def render_authors_index(
    authors: Sequence[Author], briefs: dict[str, list[Brief]], root: str
) -> str:
    if not authors:
        return f"<h1>{AUTHORS_TITLE}</h1>\n<p>No authors yet.</p>\n"
    items = "".join(
        f'<li><a href="{esc(root + author.path)}">{esc(author.name)}</a>'
        + (f", {esc(author.role)}" if author.role else "")
        + f' <span class="brief-tags__count">({len(briefs.get(author.id, []))})</span></li>'
        for author in authors
    )
    return (
        f"<h1>{AUTHORS_TITLE}</h1>\n<p>Who writes our briefs, with their number of briefs.</p>\n"
        f'<ul class="brief-authors-index">{items}</ul>\n'
    )
