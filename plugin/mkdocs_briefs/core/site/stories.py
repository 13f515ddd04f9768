"""The site's stories file: each developing story that briefs may join with `story:`.

```yaml
ukraine-air-defense:
  title: U.S. weapons for Ukraine's air defense
  summary: The pause in U.S. deliveries, the calls with Putin and Zelensky, and what followed.
```

Read like the glossary (collection/glossary.py): the file's bytes through the same
checks as a brief's (UTF-8, size), every problem at its line. The build and
`briefs check` share this.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mkdocs_briefs.core.brief.fields import FieldReader
from mkdocs_briefs.core.ids import is_valid_id
from mkdocs_briefs.core.source.mojibake import check_mojibake
from mkdocs_briefs.core.problems import Location, Problem, Problems
from mkdocs_briefs.core.source.reader import read_site_file, site_file_path
from mkdocs_briefs.core.source.yamlsource import PosDict, YamlError, load_yaml

STORY_KEYS = ("title", "summary")
STORIES_PATH = "stories/"


@dataclass(frozen=True)
class Story:
    id: str
    title: str
    summary: str
    location: Location

    @property
    def path(self) -> str:
        """The story's page inside the site, without leading slash."""
        return f"{STORIES_PATH}{self.id}/"


@dataclass
class SiteStories:
    path: Path | None  # absolute; None for a site without a stories file
    shown: str = ""  # the path as messages name it
    stories: dict[str, Story] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def load_site_stories(option: str | Path, project_dir: Path) -> SiteStories:
    """Read and check the file of the `stories:` option; problems name it as written."""
    path, shown = site_file_path(option, project_dir)
    problems = Problems()
    text = read_site_file(path, shown, "stories file", problems)
    stories = parse_stories(text, shown, problems) if text else {}
    return SiteStories(path, shown, stories, problems.items)


def parse_stories(text: str, shown: str, problems: Problems) -> dict[str, Story]:
    check_mojibake(text, shown, problems)
    fields = FieldReader(shown, 0, problems)
    try:
        data = load_yaml(text)
    except YamlError as exc:
        problems.error(
            fields.at(exc.pos),
            f"{exc.message}: fix it (quote text that contains ': '); "
            "no brief is shown in a story until the file loads",
        )
        return {}
    if data is None:
        return {}
    if not isinstance(data, PosDict):
        problems.error(
            Location(shown, 1, 1),
            "the stories file must be a mapping of story ids to entries, e.g. "
            "`ukraine-air-defense:` with `title:` and `summary:` indented under it",
        )
        return {}
    stories: dict[str, Story] = {}
    for story_id, entry in data.items():
        where = fields.at(data.key_pos[story_id])
        if not isinstance(story_id, str) or not is_valid_id(story_id):
            problems.warning(
                where,
                f"the story id '{story_id}' is not allowed: use lower-case letters, digits "
                "and hyphens, e.g. ukraine-air-defense",
            )
            continue
        if not isinstance(entry, PosDict):
            problems.warning(
                where, f"story '{story_id}' must be a mapping with title: and summary:"
            )
            continue
        fields.unknown_keys(entry, STORY_KEYS, f"story '{story_id}'")
        title = fields.text(entry, "title")
        if not title:
            problems.warning(where, f"story '{story_id}' has no title: add `title: ...`")
            continue
        stories[story_id] = Story(story_id, title, fields.text(entry, "summary"), where)
    return stories
