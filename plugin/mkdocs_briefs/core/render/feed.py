"""The Atom feed of the newest briefs.

Nothing in it depends on when the site is built: the feed's `updated` is the
newest entry's, so two builds of the same briefs give the same file.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from mkdocs_briefs.core.brief.model import Brief
from mkdocs_briefs.core.site.archive import FEED_PATH, tag_slug
from mkdocs_briefs.core.site.stories import STORIES_PATH, Story
from mkdocs_briefs.core.siteinfo import SiteInfo

ATOM = "http://www.w3.org/2005/Atom"
# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"


@dataclass(frozen=True)
class FeedEntry:
    brief: Brief
    body_html: str  # the rendered body, with links relative to the brief's page
    story: Story | None = None  # the story the brief belongs to


def entry_updated(brief: Brief) -> str:
    return (brief.updated or brief.published).isoformat()


def render_feed(entries: Sequence[FeedEntry], site: SiteInfo) -> str:
    """Atom 1.0; needs the site's absolute address (`site.url`)."""
    if not site.url:
        raise ValueError("an Atom feed needs the site's absolute address")
    ET.register_namespace("", ATOM)
    feed = ET.Element(_q("feed"))
    _text(feed, "id", site.url)
    _text(feed, "title", site.name)
    if site.description:
        _text(feed, "subtitle", site.description)
    _link(feed, site.absolute(FEED_PATH), rel="self", type="application/atom+xml")
    _link(feed, site.url, rel="alternate", type="text/html")
    if entries:
        newest = max(entries, key=lambda e: e.brief.updated or e.brief.published)
        _text(feed, "updated", entry_updated(newest.brief))
    # Entries without named authors are by the newsroom.
    _person(feed, site.name)
    for entry in entries:
        feed.append(_entry(entry, site))
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _entry(entry: FeedEntry, site: SiteInfo) -> ET.Element:
    brief = entry.brief
    url = site.absolute(brief.url)
    element = ET.Element(_q("entry"))
    _text(element, "id", url)
    _text(element, "title", brief.title)
    _link(element, url, rel="alternate", type="text/html")
    _text(element, "published", brief.published.isoformat())
    _text(element, "updated", entry_updated(brief))
    for name in brief.authors:
        _person(element, name)
    for tag in brief.tags:
        ET.SubElement(element, _q("category"), term=tag_slug(tag), label=tag)
    if entry.story is not None:
        # The story's own scheme keeps it apart from the tags, which may share its id.
        story = entry.story
        ET.SubElement(
            element,
            _q("category"),
            term=story.id,
            scheme=site.absolute(STORIES_PATH),
            label=story.title,
        )
    if brief.summary:
        _text(element, "summary", brief.summary)
    content = _text(element, "content", entry.body_html)
    content.set("type", "html")
    # Relative links in the body resolve against the brief's own page.
    content.set(XML_BASE, url)
    return element


def _q(tag: str) -> str:
    return f"{{{ATOM}}}{tag}"


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, _q(tag))
    element.text = _NOT_XML.sub("", text)
    return element


def _link(parent: ET.Element, href: str, **attributes: str) -> None:
    ET.SubElement(parent, _q("link"), href=href, **attributes)


def _person(parent: ET.Element, name: str) -> None:
    _text(ET.SubElement(parent, _q("author")), "name", name)
