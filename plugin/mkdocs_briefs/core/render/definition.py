"""Glossary definitions as HTML: inline Markdown only, raw HTML off, safe links.

A definition is shown on brief pages (in the term's popup) and on the glossary
page, at different depths of the site, so its links are written site-wide:

- `https://...` links are kept;
- `glossary:<term-id>` links lead to that term's glossary entry;
- relative links are paths from the site root (`sources/`), prefixed with the
  page's `root` so they work from any page and under any base path;
- anything else (`javascript:`, `mailto:`, a bare `#anchor`, ...) is dropped,
  keeping its text: it would lead somewhere else on every page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token

from mkdocs_briefs.core.brief.markdown.glossary_links import definition_anchor
from mkdocs_briefs.core.brief.markdown.links import GLOSSARY_SCHEME, link_kind
from mkdocs_briefs.core.glossary.terms import Glossary, GlossaryTerm
from mkdocs_briefs.core.problems import Problem, Problems
from mkdocs_briefs.core.suggest import did_you_mean
from mkdocs_briefs.core.text import esc


@cache
def _inline_markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "typographer": False})
    md.validateLink = lambda url: True  # judged below, with a message, not silently
    return md


@dataclass(frozen=True)
class DefinitionLinks:
    """Where a definition's links lead from one page."""

    root: str = ""  # from the page to the site root, e.g. "../../../../"
    glossary_url: str = ""  # from the page to the glossary page ("" on that page)


def render_term_definitions(
    term_ids: Sequence[str], glossary: Glossary, links: DefinitionLinks
) -> str:
    """The hidden definitions a brief page's term links point to with aria-describedby.

    One element per term and page, however often the term is linked. Hidden
    elements still give their text to `aria-describedby`; glossary.js shows a
    copy in a popup.
    """
    items = [_definition_item(term_id, glossary, links) for term_id in term_ids]
    if not any(items):
        return ""
    shown = "\n".join(item for item in items if item)
    return f'<div class="brief-term-definitions" hidden>\n{shown}\n</div>\n'


def _definition_item(term_id: str, glossary: Glossary, links: DefinitionLinks) -> str:
    # Brief pages all sit at the same depth: the same term is the same HTML on each.
    key = (term_id, links)
    item = glossary.rendered.get(key)
    if item is None:
        term = glossary.get(term_id)
        item = glossary.rendered[key] = (
            ""
            if term is None
            else (
                f'<p id="{definition_anchor(term.id)}" role="tooltip" '
                f'data-term-name="{esc(term.term)}">{render_definition(term, glossary, links)}</p>'
            )
        )
    return item


@lru_cache(maxsize=16384)
def _definition_tokens(definition: str) -> tuple[Token, ...]:
    """Parsed once per definition: every brief that links the term reuses it."""
    return tuple(_inline_markdown().parseInline(definition)[0].children or [])


# Text in which no inline Markdown can start (no emphasis, code, link, entity, escape or
# line break): markdown-it would give it back as one text token. A glossary page shows
# thousands of definitions, most of them such text.
_PLAIN = re.compile(r"[^\\`*_\[\]!<>&~\x00\r\n]*")


def render_definition(term: GlossaryTerm, glossary: Glossary, links: DefinitionLinks) -> str:
    text = term.definition
    if _PLAIN.fullmatch(text) and text == text.strip():
        return escapeHtml(text)
    return _render_markdown(text, glossary, links)


def _render_markdown(text: str, glossary: Glossary, links: DefinitionLinks) -> str:
    md = _inline_markdown()
    tokens = _definition_tokens(text)
    kept: list[Token] = []
    dropping: list[bool] = []
    for token in tokens:
        if token.type == "link_open":
            href = _href(str(token.attrGet("href") or ""), glossary, links)
            dropping.append(href is None)
            if href is None:
                continue
            # A fresh attrs dict: the parsed tokens are shared by every page.
            token = token.copy(attrs={**token.attrs, "href": href})
        elif token.type == "link_close" and dropping and dropping.pop():
            continue
        elif token.type == "image":  # a definition is a sentence: keep only the alt text
            token = Token("text", "", 0, content=token.content)
        kept.append(token)
    return md.renderer.render(kept, md.options, {}).strip()


def _href(href: str, glossary: Glossary, links: DefinitionLinks) -> str | None:
    kind = link_kind(href)
    if kind == "web":
        return href
    if kind == "glossary":
        term_id = _glossary_id(href)
        return f"{links.glossary_url}#{term_id}" if term_id in glossary else None
    if kind == "relative":
        return links.root + href.lstrip("/")
    return None


def _glossary_id(href: str) -> str:
    return href.split(":", 1)[1].strip()


def check_definition_links(glossary: Glossary) -> list[Problem]:
    """Links in definitions that would be dropped, at the line of their term."""
    problems = Problems()
    for term in glossary:
        if "[" not in term.definition and "<" not in term.definition:
            continue  # no link or image can be written without them: spare the parse
        for token in _definition_tokens(term.definition):
            if token.type not in ("link_open", "image"):
                continue
            href = str(token.attrGet("href") or token.attrGet("src") or "")
            kind = link_kind(href)
            if token.type == "image":
                problems.warning(
                    term.location,
                    f"term '{term.id}' has an image in its definition; only its text is "
                    "shown: remove the image",
                )
            elif kind in ("rejected", "anchor"):
                problems.warning(
                    term.location,
                    f"term '{term.id}' has the link '{href}' in its definition; it was removed: "
                    "use http(s) links, site paths such as sources/, or "
                    f"{GLOSSARY_SCHEME}:<term-id>",
                )
            elif kind == "glossary" and _glossary_id(href) not in glossary:
                term_id = _glossary_id(href)
                problems.warning(
                    term.location,
                    f"term '{term.id}' links to unknown glossary term '{term_id}'"
                    f"{did_you_mean(term_id, glossary.terms)} in its definition: fix the id; "
                    "the text was kept without a link",
                )
    return problems.items
