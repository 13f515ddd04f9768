"""Render rules that need the whole brief: citation links and rewritten links."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..model import Brief
from ..problems import Location, Problem, Problems
from ..render.sourcing import source_anchor

RENDER_KEY = "brief_render"

# Given a relative link as written, return the URL to emit, or None when broken.
LinkResolver = Callable[[str], str | None]


@dataclass
class RenderContext:
    brief: Brief
    problems: Problems = field(default_factory=Problems)
    resolve_link: LinkResolver | None = None
    glossary_url: str = ""  # the glossary page, relative to this brief's page

    def source_number(self, source_id: str) -> int:
        """Sources are numbered in the order the front matter declares them."""
        return list(self.brief.sources).index(source_id) + 1


def render_rules_plugin(md: MarkdownIt) -> None:
    md.add_render_rule("citation", _render_citation)
    md.add_render_rule("link_open", _render_link_open)


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
    return f'<sup class="brief-cite">{"".join(links)}</sup>'


def broken_link(path: str, line: int, href: str) -> Problem:
    """A relative link that the host could not resolve to a brief or page."""
    return Problem(
        Location(path, line),
        f"the link '{href}' points to no brief or page: fix the path "
        "(relative to this brief's file)",
    )


def _render_link_open(self, tokens: list[Token], idx: int, options, env: dict[str, Any]) -> str:
    token = tokens[idx]
    context: RenderContext | None = env.get(RENDER_KEY)
    if (token.meta or {}).get("kind") == "relative" and context and context.resolve_link:
        href = str(token.attrGet("href") or "")
        resolved = context.resolve_link(href)
        if resolved is None:
            context.problems.items.append(
                broken_link(context.brief.path, token.meta.get("line", 0), href)
            )
        else:
            token = token.copy()
            token.attrSet("href", resolved)
    return self.renderToken([token], 0, options, env)
