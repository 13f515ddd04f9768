"""How briefs lead to each other: the stories they belong to, the previous and next
brief of a story, and the related briefs listed under "Go deeper".

All made once per build for the whole site, from indexes by story, by real
event and by tag, so that a site of thousands of briefs is not compared brief
by brief.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from mkdocs_briefs.core.site.archive import tag_slug
from mkdocs_briefs.core.brief.model import Brief
from mkdocs_briefs.core.problems import Location, Problems
from mkdocs_briefs.core.site.stories import Story
from mkdocs_briefs.core.suggest import did_you_mean
from mkdocs_briefs.core.brief.timeline import SiteEvent

RELATED = 3  # briefs under "Go deeper"


@dataclass(frozen=True)
class StoryGroup:
    story: Story
    briefs: tuple[Brief, ...]  # oldest first

    @property
    def latest(self) -> datetime:
        return max(brief.updated or brief.published for brief in self.briefs)


@dataclass(frozen=True)
class BriefLinks:
    """What a brief page shows of the others."""

    story: Story | None = None
    previous: Brief | None = None
    next: Brief | None = None
    related: tuple[Brief, ...] = ()


def group_stories(
    briefs: Sequence[Brief], stories: dict[str, Story], stories_file: str, problems: Problems
) -> dict[str, StoryGroup]:
    """The briefs of each story, oldest first; problems as `check_story` and
    `unused_stories` say."""
    members: dict[str, list[Brief]] = {}
    for brief in briefs:
        where = brief.story_location or Location(brief.path, 1, 1)
        if brief.story and check_story(brief.story, where, stories, stories_file, problems):
            members.setdefault(brief.story, []).append(brief)
    unused_stories(stories, set(members), problems)
    return {
        story_id: StoryGroup(stories[story_id], tuple(_oldest_first(items)))
        for story_id, items in members.items()
    }


def check_story(
    story_id: str, where: Location, stories: dict[str, Story], stories_file: str, problems: Problems
) -> bool:
    """True if the story exists; else an error (the brief is shown without a story)."""
    if story_id in stories:
        return True
    fix = (
        f"use an id from {stories_file} or add the story there"
        if stories_file
        else "the site has no stories file: set the plugin option `stories:`"
    )
    problems.error(
        where,
        f"unknown story '{story_id}'{did_you_mean(story_id, stories)}: {fix}; "
        "the brief is shown without a story",
    )
    return False


def unused_stories(stories: dict[str, Story], used: set[str], problems: Problems) -> None:
    """A story no brief joins is a note: it may be waiting for its first brief."""
    for story in stories.values():
        if story.id not in used:
            problems.info(
                story.location,
                f"the story '{story.id}' is joined by no brief: add `story: {story.id}` to "
                "its briefs, or remove it from the stories file",
            )


def link_briefs(
    briefs: Sequence[Brief], groups: dict[str, StoryGroup], events: Iterable[SiteEvent]
) -> dict[str, BriefLinks]:
    """Each brief's story, previous and next, and up to RELATED related briefs: same story
    first, then briefs reporting the same events, then briefs with the same tags, each
    newest first; never the brief itself."""
    sharing: dict[str, list[Brief]] = {}  # brief path -> briefs that report one of its events
    for item in events:
        reporters = _unique(brief for brief, _ in item.reported_in)
        if len(reporters) > 1:
            for brief in reporters:
                sharing.setdefault(brief.path, []).extend(reporters)
    tagged: dict[str, list[Brief]] = {}  # tag slug -> briefs, newest first
    for brief in _newest_first(briefs):
        for slug in {tag_slug(tag) for tag in brief.tags}:
            tagged.setdefault(slug, []).append(brief)
    links: dict[str, BriefLinks] = {}
    for brief in briefs:
        group = groups.get(brief.story) if brief.story else None
        previous = following = None
        tiers: list[list[Brief]] = []
        if group is not None:
            index = group.briefs.index(brief)
            previous = group.briefs[index - 1] if index > 0 else None
            following = group.briefs[index + 1] if index + 1 < len(group.briefs) else None
            tiers.append(list(reversed(group.briefs)))
        tiers.append(_newest_first(sharing.get(brief.path, ())))
        # The newest few of each tag are enough to find the newest few of all its tags.
        heads = [
            b for slug in {tag_slug(t) for t in brief.tags} for b in tagged[slug][: RELATED + 1]
        ]
        tiers.append(_newest_first(heads))
        related: list[Brief] = []
        for tier in tiers:
            for other in tier:
                if len(related) == RELATED:
                    break
                if other is not brief and all(other is not kept for kept in related):
                    related.append(other)
        links[brief.path] = BriefLinks(
            group.story if group else None, previous, following, tuple(related)
        )
    return links


def _unique(briefs: Iterable[Brief]) -> list[Brief]:
    seen: dict[int, Brief] = {}
    for brief in briefs:
        seen.setdefault(id(brief), brief)
    return list(seen.values())


def _oldest_first(briefs: Iterable[Brief]) -> list[Brief]:
    return sorted(briefs, key=lambda b: (b.published, b.path))


def _newest_first(briefs: Iterable[Brief]) -> list[Brief]:
    return sorted(_unique(briefs), key=lambda b: (b.published, b.path), reverse=True)
