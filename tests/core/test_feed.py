"""The Atom feed, read back by a real feed reader's parser."""

from __future__ import annotations

import calendar

import feedparser
import pytest
from support import parse_text

from mkdocs_briefs.core.render.feed import FeedEntry, render_feed
from mkdocs_briefs.core.siteinfo import SiteInfo

SITE = SiteInfo.make("The Newsroom", "https://news.example.org/briefs/", "Short briefs.")

OLDER = """---
title: Older brief
date: 2025-07-01
summary: The older one.
---

Older text.
"""

NEWER = """---
title: "Fish & chips <b>tonight</b>"
date: 2025-07-04T14:10:00-04:00
updated: 2025-07-05T09:00:00-04:00
authors: [Jane Doe]
tags: [Food, Air defense]
---

The body with a [link](https://example.com/a?b=1&c=2) and <script>x</script> text.
"""


def entry(text: str, path: str, body: str) -> FeedEntry:
    brief = parse_text(text, path).brief
    assert brief is not None
    return FeedEntry(brief, body)


def feed_text() -> str:
    newer = entry(NEWER, "briefs/newer.md", '<p>Body &amp; <a href="#claim-1">claim</a></p>')
    older = entry(OLDER, "briefs/older.md", "<p>Older text.</p>")
    return render_feed([newer, older], SITE)


def test_the_feed_parses_cleanly_with_every_entry_field():
    feed = feedparser.parse(feed_text())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "The Newsroom"
    assert feed.feed.subtitle == "Short briefs."
    assert [link.href for link in feed.feed.links if link.rel == "self"] == [
        "https://news.example.org/briefs/feed.xml"
    ]
    newer, older = feed.entries
    assert newer.title == "Fish & chips <b>tonight</b>"
    assert newer.link == "https://news.example.org/briefs/2025/07/04/newer/"
    assert newer.id == newer.link
    assert newer.published == "2025-07-04T14:10:00-04:00"
    assert newer.updated == "2025-07-05T09:00:00-04:00"
    assert [a.name for a in newer.authors] == ["Jane Doe"]
    assert [t.term for t in newer.tags] == ["food", "air-defense"]
    assert newer.content[0].type == "text/html"
    # Relative links of the body resolve against the brief's page.
    assert 'href="https://news.example.org/briefs/2025/07/04/newer/#claim-1"' in (
        newer.content[0].value
    )
    assert "Body &amp;" in newer.content[0].value
    # An entry without named authors takes the feed's author: the newsroom.
    assert feed.feed.author == "The Newsroom"
    assert "authors" not in older
    assert older.summary == "The older one."
    assert older.updated == older.published == "2025-07-01T00:00:00-04:00"


def test_the_feed_is_dated_by_its_newest_entry_never_the_build():
    feed = feedparser.parse(feed_text())
    newest = max(calendar.timegm(e.updated_parsed) for e in feed.entries)
    assert calendar.timegm(feed.feed.updated_parsed) == newest
    assert feed_text() == feed_text()


def test_the_body_html_is_escaped_once_as_type_html():
    xml = feed_text()
    assert '<content type="html"' in xml
    assert "&lt;p&gt;Body &amp;amp; &lt;a href=" in xml
    assert "<p>" not in xml


def test_characters_xml_cannot_carry_are_dropped():
    bad = entry(OLDER, "briefs/older.md", "<p>bell\x07 and form\x0cfeed</p>")
    feed = feedparser.parse(render_feed([bad], SITE))
    assert feed.bozo == 0
    assert "bell and formfeed" in feed.entries[0].content[0].value


def test_a_feed_needs_the_site_address():
    with pytest.raises(ValueError, match="absolute address"):
        render_feed([], SiteInfo.make("The Newsroom", None))
