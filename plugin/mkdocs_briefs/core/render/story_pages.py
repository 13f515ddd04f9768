"""The stories' pages: `/stories/`, every story newest activity first, and
`/stories/<id>/`, a story's summary, its briefs oldest first and one timeline of
all their events, each real event once with every brief that reports it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from mkdocs_briefs.core.brief.timeline import SiteEvent, site_timeline
from mkdocs_briefs.core.render.timeline_page import render_days
from mkdocs_briefs.core.site.brief_links import StoryGroup
from mkdocs_briefs.core.site.stories import STORIES_PATH
from mkdocs_briefs.core.text import ap_date, esc

STORIES_TITLE = "Stories"


@dataclass(frozen=True)
class StoryPage:
    """One page of the stories; the host decides how to publish it."""

    path: str  # URL path inside the site, e.g. "stories/ukraine-air-defense/"
    title: str
    description: str
    render: Callable[[str], str]  # root (relative path to the site root) -> HTML
    in_nav: bool


def story_pages(groups: Sequence[StoryGroup], events: Sequence[SiteEvent]) -> list[StoryPage]:
    """The index and a page per story that has briefs; none for a site without stories.

    `groups`: newest activity first; `events`: the site's real events (site/links.py).
    """
    if not groups:
        return []
    of_story: dict[str, list[SiteEvent]] = {}
    for item in events:
        for story_id in {brief.story for brief, _ in item.reported_in if brief.story}:
            of_story.setdefault(story_id, []).append(item)
    pages = [
        StoryPage(
            STORIES_PATH,
            STORIES_TITLE,
            "Developing stories, told in several briefs.",
            partial(_render_index, groups),
            in_nav=True,
        )
    ]
    for group in groups:
        story = group.story
        pages.append(
            StoryPage(
                story.path,
                story.title,
                story.summary or f"The briefs of the story {story.title}.",
                partial(_render_story, group, of_story.get(story.id, [])),
                in_nav=False,
            )
        )
    return pages


def _render_index(groups: Sequence[StoryGroup], root: str) -> str:
    items = []
    for group in groups:
        story, latest = group.story, group.latest.date()
        count = len(group.briefs)
        summary = (
            f'<p class="brief-stories__summary">{esc(story.summary)}</p>' if story.summary else ""
        )
        items.append(
            '<li class="brief-stories__item">\n'
            f'<h2 class="brief-stories__title"><a href="{esc(root + story.path)}">'
            f"{esc(story.title)}</a></h2>\n{summary}\n"
            f'<p class="brief-stories__meta">{count} brief{"s" if count != 1 else ""}, latest '
            f'<time datetime="{latest.isoformat()}">{esc(ap_date(latest, year=True))}</time></p>\n'
            "</li>"
        )
    return (
        '<div class="brief-stories">\n'
        f"<h1>{STORIES_TITLE}</h1>\n"
        '<p class="brief-stories__intro">Developing stories told in several briefs, the one '
        "with the newest brief first.</p>\n"
        f'<ol class="brief-stories__list">\n{"".join(items)}\n</ol>\n</div>\n'
    )


def _render_story(group: StoryGroup, events: list[SiteEvent], root: str) -> str:
    story = group.story
    briefs = "\n".join(
        f'<li class="brief-story-page__brief"><a href="{esc(root + brief.url)}">'
        f"{esc(brief.title)}</a> "
        f'<time datetime="{brief.published.date().isoformat()}">'
        f"{esc(ap_date(brief.published.date(), year=True))}</time></li>"
        for brief in group.briefs
    )
    parts = [
        f"<h1>{esc(story.title)}</h1>",
        f'<p class="brief-story-page__summary">{esc(story.summary)}</p>' if story.summary else "",
        '<h2 id="briefs">Briefs in this story</h2>',
        f'<ol class="brief-story-page__briefs">\n{briefs}\n</ol>',
        '<h2 id="timeline">Timeline</h2>',
        '<p class="brief-timeline-page__intro">Every event these briefs report, once, newest '
        "day first. Each entry links to every brief that reports it.</p>",
    ]
    days = site_timeline(events)
    if days:
        parts.append(render_days(days, root))
    else:
        parts.append('<p class="brief-timeline-page__empty">No events yet.</p>')
    parts.append(f'<p><a href="{esc(root + STORIES_PATH)}">All stories</a></p>')
    return (
        '<div class="brief-story-page brief-timeline-page">\n'
        + "\n".join(part for part in parts if part)
        + "\n</div>\n"
    )
