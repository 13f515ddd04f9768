"""Developing stories across the synthetic briefs: who joins which story, and which
events a later brief reports again (`same-as`) instead of declaring them.

A newsroom tells most news in threads: here most briefs (85 in 100) belong to a
story of 2 to 20 briefs, close in time, and every brief after a story's first
reports two of its four events from an earlier brief of the story, about a
third of all events. Seeded, so every corpus of a size is the same.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, replace
from random import Random

from .brief_model import BriefSpec, EventSpec
from .yamltext import scalar

IN_STORY_SHARE = 0.85  # briefs that belong to a story
SIZES = (2, 20)  # briefs in a story, at least and at most
SHARED_EVENTS = 2  # of a later brief's events, reported from an earlier brief
OPEN_STORIES = 8  # a brief joins one of the stories still being told


@dataclass(frozen=True)
class StorySpec:
    id: str
    title: str
    summary: str


def thread_stories(briefs: list[BriefSpec], seed: int) -> tuple[list[BriefSpec], list[StorySpec]]:
    """The briefs (same order) with their `story` and `same-as` events, and the stories."""
    rng = Random(f"{seed}-stories")
    order = sorted(range(len(briefs)), key=lambda i: (briefs[i].published, briefs[i].slug))
    members: list[list[int]] = []  # indexes of each story's briefs, oldest first
    targets: list[int] = []  # how many briefs each story will have
    open_stories: list[int] = []
    for index in order:
        if rng.random() > IN_STORY_SHARE:
            continue
        if open_stories and rng.random() < 0.85:
            story = rng.choice(open_stories[-OPEN_STORIES:])
        else:
            story = len(members)
            members.append([])
            targets.append(rng.randint(*SIZES))
            open_stories.append(story)
        members[story].append(index)
        if len(members[story]) >= targets[story]:
            open_stories.remove(story)
    result = list(briefs)
    stories: list[StorySpec] = []
    for number, indexes in enumerate(m for m in members if len(m) >= SIZES[0]):
        story = StorySpec(
            f"story-{number + 1}",
            f"The {briefs[indexes[0]].tags[0]} thread, part {number + 1}",
            f"Briefs that follow one development, from {result[indexes[0]].title.lower()}",
        )
        stories.append(story)
        for position, index in enumerate(indexes):
            earlier = [result[i] for i in indexes[:position]]
            result[index] = _join(result[index], story, earlier, rng)
    return result, stories


def _join(brief: BriefSpec, story: StorySpec, earlier: list[BriefSpec], rng: Random) -> BriefSpec:
    """The brief in the story, with SHARED_EVENTS of its events taken from earlier briefs."""
    originals = [(other, event) for other in earlier for event in other.events if not event.same_as]
    events = list(brief.events)
    if originals:
        folder = posixpath.dirname(brief.brief_path)
        for position in rng.sample(range(len(events)), min(SHARED_EVENTS, len(events))):
            other, event = rng.choice(originals)
            target = posixpath.relpath(other.brief_path, folder)
            # The date, title and kind come from the original: its date agrees by definition.
            events[position] = EventSpec(
                events[position].id,
                "",
                "",
                "",
                source_ids=events[position].source_ids,
                same_as=f"{target}#{event.id}",
            )
    return replace(brief, story=story.id, events=tuple(events))


def stories_yaml(stories: list[StorySpec]) -> str:
    lines = []
    for story in stories:
        lines += [f"{story.id}:", f"  title: {scalar(story.title)}"]
        lines.append(f"  summary: {scalar(story.summary)}")
    return "\n".join(lines) + "\n"
