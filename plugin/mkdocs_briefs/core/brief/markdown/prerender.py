"""Render a brief's body once, right after parsing, and let its tokens go.

A parsed body's token stream is several times the size of its HTML, and a
site parses every brief before it renders any page. So the body is rendered
straight away, with the two things that depend on the page it ends up on left
as markers: relative links (the host resolves them) and the glossary page's
URL. `finish` fills them in when the page is rendered.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape

from mkdocs_briefs.core.brief.markdown.glossary_links import linked_term_ids
from mkdocs_briefs.core.brief.markdown.pipeline import render_body
from mkdocs_briefs.core.brief.markdown.render_rules import (
    LinkResolver,
    RenderContext,
    missing_target,
)
from mkdocs_briefs.core.brief.model import Brief
from mkdocs_briefs.core.packed import pack, unpack
from mkdocs_briefs.core.problems import Problems

# Markers around a NUL, which markdown-it never writes (it reads NUL as U+FFFD) and a
# brief file cannot hold. ASCII, so that a body in Latin-1 text stays one byte a
# character in memory: a marker above U+00FF would make the whole string wider.
_LINK = "\x00L{}\x00"
_LINK_PATTERN = re.compile("\x00L(\\d+)\x00")
_GLOSSARY = "\x00G\x00"
# Mentions of a `same-as` event that has its date from another brief (markdown/mentions.py).
_INHERITED_DATE = re.compile("\x00(/?)T([a-z0-9-]+)\x00")


@dataclass(frozen=True)
class PrerenderedBody:
    # The HTML with its markers, compressed: a site's briefs are all parsed before any
    # page is rendered, and their HTML was a third of what the parses held.
    packed: bytes
    links: tuple[tuple[str, int], ...]  # relative links as written, with their file line
    # Ids of the glossary terms linked, in first-use order: the site's glossary holds the
    # terms, so a body parsed in another process or read from the cache carries no copies.
    terms: tuple[str, ...]

    @property
    def html(self) -> str:
        return unpack(self.packed)


def prerender(brief: Brief) -> PrerenderedBody:
    hrefs: list[str] = []

    def mark(href: str) -> str:
        hrefs.append(href)
        return _LINK.format(len(hrefs) - 1)

    context = RenderContext(brief=brief, resolve_link=mark, glossary_url=_GLOSSARY)
    html = render_body(brief.body, context)
    lines = [line for _, line in brief.body.relative_links]
    links = tuple((href, lines[i] if i < len(lines) else 0) for i, href in enumerate(hrefs))
    return PrerenderedBody(pack(html), links, linked_term_ids(brief.body.tokens))


def finish(
    body: PrerenderedBody,
    path: str,
    resolve_link: LinkResolver | None,
    glossary_url: str,
    problems: Problems,
    event_dates: Mapping[str, str] | None = None,
) -> str:
    """The body's HTML for one page: links resolved (or reported), glossary URL set.

    `event_dates`: the machine date of each `same-as` event whose date this build took
    from another brief; a mention of one without a date gets no `<time>`.
    """

    def link(match: re.Match[str]) -> str:
        index = int(match.group(1))
        if index >= len(body.links):
            return ""  # a marker the author typed, not one of ours
        href, line = body.links[index]
        resolved = resolve_link(href) if resolve_link else href
        if resolved is None:
            problems.items.append(missing_target(path, line, href))
            resolved = href
        return escape(resolved)

    def event_date(match: re.Match[str]) -> str:
        day = (event_dates or {}).get(match.group(2), "")
        if not day:
            return ""
        return "</time>" if match.group(1) else f'<time datetime="{escape(day)}">'

    html = _LINK_PATTERN.sub(link, body.html).replace(_GLOSSARY, escape(glossary_url))
    return _INHERITED_DATE.sub(event_date, html) if "\x00" in html else html
