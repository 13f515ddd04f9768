"""The site-wide pass that links briefs to each other, after every brief is parsed.

Run on every build, never kept with a brief's parse (a brief's links change
when another brief does): `same-as` events are resolved and completed, the
real events grouped, the stories' briefs gathered, and each brief's previous,
next and related briefs found. Linear in the number of briefs and events.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from mkdocs_briefs.core.site.brief_links import BriefLinks, StoryGroup, group_stories, link_briefs
from mkdocs_briefs.core.brief.model import Brief
from mkdocs_briefs.core.problems import Problem, Problems
from mkdocs_briefs.core.site.same_as import refs_of, resolve_same_as
from mkdocs_briefs.core.site.events import complete_events
from mkdocs_briefs.core.site.stories import SiteStories
from mkdocs_briefs.core.brief.timeline import SiteEvent

NO_LINKS = BriefLinks()


@dataclass
class SiteLinks:
    events: list[SiteEvent] = field(default_factory=list)  # one per real event
    problems: list[Problem] = field(default_factory=list)
    stories: list[StoryGroup] = field(default_factory=list)  # newest activity first
    by_brief: dict[str, BriefLinks] = field(default_factory=dict)

    def of(self, brief: Brief) -> BriefLinks:
        return self.by_brief.get(brief.path, NO_LINKS)

    def fingerprint(self, brief: Brief) -> str:
        """What the brief's page shows of other briefs, for `mkdocs serve` to compare."""
        links = self.of(brief)
        shown = [repr(brief.events)]
        if links.story is not None:
            shown.append(repr(links.story))
        for other in (links.previous, links.next, *links.related):
            if other is not None:
                shown.append(f"{other.url}\0{other.title}\0{other.published.isoformat()}")
            shown.append("|")
        return hashlib.sha256("\0".join(shown).encode("utf-8", "surrogatepass")).hexdigest()


def link_site(briefs: Sequence[Brief], stories: SiteStories | None = None) -> SiteLinks:
    """`briefs`: every brief of the site (newest first, as the collection lists them)."""
    resolution = resolve_same_as(refs_of(brief) for brief in briefs)
    events = complete_events(briefs, resolution)
    problems = Problems()
    problems.extend(resolution.problems)
    stories = stories or SiteStories(None)
    groups = group_stories(briefs, stories.stories, stories.shown, problems)
    by_brief = link_briefs(briefs, groups, events)
    ordered = sorted(groups.values(), key=lambda g: (g.latest, g.story.id), reverse=True)
    return SiteLinks(events, sorted(problems, key=lambda p: p.location), ordered, by_brief)
