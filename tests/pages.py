"""The site pages every reader-facing check visits (accessibility, HTML validity,
screenshots). A new kind of page is added here, once, and every check covers it."""

from __future__ import annotations

from support import FIRST_BRIEF_URL

# name (used in test ids and screenshot file names) -> URL relative to the site root
PAGES: dict[str, str] = {
    "front": "",
    "brief": FIRST_BRIEF_URL,
    "glossary": "glossary/",
    "timeline": "timeline/",
    "sources": "sources/",
    "archive": "archive/",
    "month": "archive/2025/07/",
    "tags": "tags/",
    "tag": "tags/ukraine/",
    "calls": "timeline/calls/",
    "stories": "stories/",
    "story": "stories/ukraine-air-defense/",
}
