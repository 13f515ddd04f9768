"""The text of a new brief (`briefs new`): front matter with commented examples."""

from __future__ import annotations

import json
from datetime import date

from mkdocs_briefs.core.brief.model import BriefType, EventKind, SourceKind
from mkdocs_briefs.core.ids import slugify
from mkdocs_briefs.core.source.yamlsource import YamlError, load_yaml

MAX_SLUG = 60  # long slugs make long URLs; cut at a word boundary

# The text a new brief starts with. A brief that is not a draft and still holds one is
# an error (see publication.check_placeholders): it must never reach the front page.
NEWS_PLACEHOLDER = "Write the news in one or two sentences."
WHY_PLACEHOLDER = "Say why readers should care."
PLACEHOLDERS = (NEWS_PLACEHOLDER, WHY_PLACEHOLDER)


def slug_for(title: str) -> str:
    """A URL slug from the title: "Trump, Zelensky talk" -> "trump-zelensky-talk"."""
    slug = slugify(title)
    if len(slug) > MAX_SLUG:
        slug = slug[: MAX_SLUG + 1].rsplit("-", 1)[0] if "-" in slug[:MAX_SLUG] else slug[:MAX_SLUG]
    return slug.strip("-")


def yaml_text(value: str) -> str:
    """`value` as a YAML scalar: plain when it reads back unchanged, else double-quoted."""
    try:
        plain = load_yaml(f"k: {value}")
    except YamlError:
        plain = None
    if isinstance(plain, dict) and plain.get("k") == value and "\n" not in value:
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def new_brief_text(title: str, day: date) -> str:
    kinds = ", ".join(SourceKind.keys())
    types = ", ".join(BriefType.keys())
    events = ", ".join(EventKind.keys())
    return f"""---
title: {yaml_text(title)}
date: {day.isoformat()}
draft: true  # shown by `mkdocs serve` only; remove this line to publish
type: reportage  # {types}
tags: []  # e.g. [Ukraine, Air defense]
# summary: One sentence for search results and link previews; by default the first paragraph.
# authors: [Jane Doe]
# updated: {day.isoformat()}T18:00:00  # the last substantive update
#
# Sources: uncomment, and give each source an id of lower-case letters, digits and hyphens.
# In the text, cite sources at the end of the sentence they support: [@ua-official]
# sources:
#   ua-official:
#     name: A Ukrainian official  # required: how the brief refers to the source
#     kind: anonymous  # required: {kinds}
#     detail: Spoke on condition of anonymity to discuss a private call.  # optional
#     via: Phone  # optional: medium or venue
#     url: https://example.org/statement  # optional: http(s) only
#
# Events for the timeline. In the text, link the phrase that dates one: [on Thursday](#putin-call)
# events:
#   - id: putin-call
#     when: Thursday  # 2025-07-03, Thursday night, yesterday, July 3, last week, upcoming, ...
#     kind: call  # {events}
#     title: Trump and Putin speak by phone
#     participants: [Donald Trump, Vladimir Putin]  # optional
#     duration: about an hour  # optional
#     sources: [ua-official]  # optional: ids from sources
#
# corrections:
#   - date: {day.isoformat()}
#     text: An earlier version of this brief misstated the day of the call.
---

{NEWS_PLACEHOLDER}

**Why it matters:** {WHY_PLACEHOLDER}
"""
