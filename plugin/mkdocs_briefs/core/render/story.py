"""A brief page's ways to the other briefs: the story it belongs to (near the headline),
the previous and next brief of the story, and "Go deeper" (related briefs), at its end."""

from __future__ import annotations

from mkdocs_briefs.core.brief.model import Brief
from mkdocs_briefs.core.site.brief_links import BriefLinks
from mkdocs_briefs.core.text import ap_date, esc

RELATED_TITLE = "Go deeper"


def render_story_label(links: BriefLinks, root: str) -> str:
    """The story's name, linked to its page; "" for a brief in no story."""
    story = links.story
    if story is None:
        return ""
    return (
        '<p class="brief-story">Part of the story '
        f'<a class="brief-story__link" href="{esc(root + story.path)}">{esc(story.title)}</a></p>\n'
    )


def render_story_nav(links: BriefLinks, root: str) -> str:
    """ "Previous in this story" and "Next in this story"; "" when there is neither."""
    if links.story is None or (links.previous is None and links.next is None):
        return ""
    items = []
    for label, brief, rel, modifier in (
        ("Previous in this story", links.previous, "prev", "previous"),
        ("Next in this story", links.next, "next", "next"),
    ):
        if brief is not None:
            items.append(
                f'<li class="brief-story-nav__{modifier}">{label}: '
                f'<a href="{esc(root + brief.url)}" rel="{rel}">{esc(brief.title)}</a> '
                f"{_date(brief)}</li>"
            )
    return (
        f'<nav class="brief-story-nav" aria-label="{esc(links.story.title)}: more in this story">'
        f'\n<ul class="brief-story-nav__list">\n' + "\n".join(items) + "\n</ul>\n</nav>\n"
    )


def render_related(links: BriefLinks, root: str) -> str:
    """Up to three related briefs, under "Go deeper"; "" when there is none."""
    if not links.related:
        return ""
    items = "\n".join(
        f'<li class="brief-related__item"><a href="{esc(root + brief.url)}">{esc(brief.title)}</a>'
        f" {_date(brief)}</li>"
        for brief in links.related
    )
    return (
        '<nav class="brief-related" aria-labelledby="brief-related-title">\n'
        f'<h2 class="brief-related__title" id="brief-related-title">{RELATED_TITLE}</h2>\n'
        f'<ul class="brief-related__list">\n{items}\n</ul>\n</nav>\n'
    )


def _date(brief: Brief) -> str:
    day = brief.published.date()
    return f'<time datetime="{day.isoformat()}">{esc(ap_date(day, year=True))}</time>'
