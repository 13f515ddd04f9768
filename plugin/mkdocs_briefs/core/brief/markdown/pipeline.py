"""The brief's markdown-it-py pipeline: CommonMark plus the brief rules.

Built once per process and shared: parsing keeps no state between briefs
except what lives in the per-call `env`.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from mkdocs_briefs.core.brief.markdown.citations import citations_plugin
from mkdocs_briefs.core.brief.markdown.claims import claims_plugin
from mkdocs_briefs.core.brief.markdown.context import ENV_KEY, ParseContext
from mkdocs_briefs.core.brief.markdown.glossary_links import glossary_links_plugin
from mkdocs_briefs.core.brief.markdown.links import links_plugin
from mkdocs_briefs.core.brief.markdown.mentions import mentions_plugin
from mkdocs_briefs.core.brief.markdown.render_rules import (
    RENDER_KEY,
    RenderContext,
    render_rules_plugin,
)
from mkdocs_briefs.core.brief.markdown.sections import sections_plugin
from mkdocs_briefs.core.brief.markdown.text_run import text_run_plugin
from mkdocs_briefs.core.brief.model import Body


@cache
def brief_markdown() -> MarkdownIt:
    # Raw HTML is off: authors' text is always escaped, never passed through.
    md = MarkdownIt("commonmark", {"html": False, "typographer": False})
    md.enable("table")
    md.use(text_run_plugin)
    md.use(citations_plugin)
    md.use(links_plugin)
    md.use(sections_plugin)
    md.use(claims_plugin)
    md.use(mentions_plugin)
    md.use(glossary_links_plugin)
    md.use(render_rules_plugin)
    return md


def parse_body(text: str, context: ParseContext) -> Body:
    env: dict[str, Any] = {ENV_KEY: context}
    tokens = brief_markdown().parse(text, env)
    context.body.relative_links = _mark_link_lines(tokens, context.body_line)
    context.body.tokens = tokens
    context.body.source = text
    context.body.first_paragraph_text = first_paragraph_text(tokens)
    return context.body


def render_body(body: Body, context: RenderContext) -> str:
    md = brief_markdown()
    return md.renderer.render(body.tokens, md.options, {RENDER_KEY: context})


def _mark_link_lines(tokens: list[Token], body_line: int) -> list[tuple[str, int]]:
    """Remember each link's file line; return the relative ones, which the host resolves."""
    relative: list[tuple[str, int]] = []
    for block in tokens:
        if block.type == "inline" and block.map and block.children:
            for child in block.children:
                if child.type in ("link_open", "image"):
                    line = body_line + block.map[0]
                    child.meta = {**(child.meta or {}), "line": line}
                    if child.meta.get("kind") == "relative":
                        address = child.attrGet("href" if child.type == "link_open" else "src")
                        relative.append((str(address or ""), line))
    return relative


def inline_text(inline: Token) -> str:
    """The plain text of an inline token, without citation markers."""
    parts: list[str] = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return " ".join("".join(parts).split())


def first_paragraph_text(tokens: list[Token]) -> str:
    for index, token in enumerate(tokens):
        if token.type == "paragraph_open" and token.level == 0:
            return inline_text(tokens[index + 1])
    return ""
