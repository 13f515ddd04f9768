"""Render rules that need the whole brief: citation links and rewritten links."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from typing import Any
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token

from mkdocs_briefs.core.brief.model import Brief
from mkdocs_briefs.core.ids import source_anchor
from mkdocs_briefs.core.problems import Location, Problem, Problems

RENDER_KEY = "brief_render"

# Given a relative link as written, return the URL to emit, or None when broken.
LinkResolver = Callable[[str], str | None]


@dataclass
class RenderContext:
    brief: Brief
    problems: Problems = field(default_factory=Problems)
    resolve_link: LinkResolver | None = None
    glossary_url: str = ""  # the glossary page, relative to this brief's page

    _numbers: dict[str, int] = field(default_factory=dict)

    def source_number(self, source_id: str) -> int:
        """Sources are numbered in the order the front matter declares them."""
        if not self._numbers:  # once per brief: a look-up per citation, not a search
            self._numbers = {key: n for n, key in enumerate(self.brief.sources, start=1)}
        return self._numbers[source_id]


def render_rules_plugin(md: MarkdownIt) -> None:
    md.add_render_rule("citation", _render_citation)
    md.add_render_rule("link_open", _render_link_open)
    md.add_render_rule("image", _render_image)


def _render_citation(self, tokens: list[Token], idx: int, options, env: dict[str, Any]) -> str:
    context: RenderContext | None = env.get(RENDER_KEY)
    token = tokens[idx]
    if context is None:
        return escape(token.markup)
    links = []
    # In ascending order, however the brief cites them: readers scan numbers in order.
    for number, source_id in sorted((context.source_number(i), i) for i in token.meta["ids"]):
        source = context.brief.sources[source_id]
        label = escape(f"Source {number}: {source.name} ({source.kind.label})")
        links.append(
            f'<a class="brief-cite__link brief-kind-color--{source.kind.key}" '
            f'href="#{source_anchor(source_id)}" data-source="{escape(source_id)}" '
            f'aria-label="{label}">{number}</a>'
        )
    if not links:
        return ""
    # Left out of the search index: "[2]" is no word a reader searches for.
    return f'<sup class="brief-cite" data-search-exclude>{"".join(links)}</sup>'


def broken_link(path: str, line: int, href: str) -> Problem:
    """A relative link that the host could not resolve to a brief or page."""
    return Problem(
        Location(path, line),
        f"the link '{href}' points to no brief or page: fix the path "
        "(relative to this brief's file)",
    )


IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg")


def missing_target(path: str, line: int, href: str) -> Problem:
    """A relative link or image (told by its file name, as `briefs check` tells it)
    that leads nowhere."""
    if urlsplit(href).path.lower().endswith(IMAGE_SUFFIXES):
        return missing_image(path, line, href)
    return broken_link(path, line, href)


def missing_image(path: str, line: int, src: str) -> Problem:
    """A relative image that is neither beside the brief nor in the docs folder."""
    return Problem(
        Location(path, line),
        f"the image '{src}' is not found: fix the path (relative to this brief's file), "
        "or add the image there",
    )


def _render_link_open(self, tokens: list[Token], idx: int, options, env: dict[str, Any]) -> str:
    token = _resolved(tokens[idx], "href", env)
    return self.renderToken([token], 0, options, env)


def _render_image(self, tokens: list[Token], idx: int, options, env: dict[str, Any]) -> str:
    # An image beside the brief, or in the docs folder, is found like a linked page.
    return self.image([_resolved(tokens[idx], "src", env)], 0, options, env)


def _resolved(token: Token, attribute: str, env: dict[str, Any]) -> Token:
    """The token with its relative address resolved by the host, or reported."""
    context: RenderContext | None = env.get(RENDER_KEY)
    if (token.meta or {}).get("kind") == "relative" and context and context.resolve_link:
        href = str(token.attrGet(attribute) or "")
        resolved = context.resolve_link(href)
        if resolved is None:
            line = token.meta.get("line", 0)
            context.problems.items.append(missing_target(context.brief.path, line, href))
        else:
            token = token.copy()
            token.attrSet(attribute, resolved)
    return token
