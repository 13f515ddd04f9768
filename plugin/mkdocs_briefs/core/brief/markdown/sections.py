"""Core rule: section labels and heading anchors.

A top-level paragraph that opens with bold text ending in a colon
(`**Why it matters:** ...`) starts a labelled section, which runs until the
next label or heading. Sections and headings get stable, unique anchors and
become the page's table of contents.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from mkdocs_briefs.core.brief.markdown.context import get_context
from mkdocs_briefs.core.brief.model import Heading, Section


def sections_plugin(md: MarkdownIt) -> None:
    md.core.ruler.push("brief_sections", _sections_rule)
    md.add_render_rule("section_open", _render_section_open)
    md.add_render_rule("section_close", lambda *_: "</section>\n")


def label_of(inline: Token) -> str | None:
    """The label text when `inline` opens with `**Label:**`, else None."""
    # markdown-it may leave an empty text token before a leading delimiter.
    children = [t for t in inline.children or [] if not (t.type == "text" and not t.content)]
    if len(children) < 3 or children[0].type != "strong_open":
        return None
    end = next((i for i, t in enumerate(children) if t.type == "strong_close"), None)
    if end is None:
        return None
    text = "".join(t.content for t in children[1:end] if t.type in ("text", "code_inline"))
    if not text.rstrip().endswith(":") or not text.strip(" :"):
        return None
    return text.strip().removesuffix(":").strip()


def _sections_rule(state: StateCore) -> None:
    context = get_context(state.env)
    if context is None:
        return
    tokens = state.tokens
    result: list[Token] = []
    open_section = False
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            if open_section and token.level == 0:
                result.append(Token("section_close", "section", -1))
                open_section = False
            inline = tokens[index + 1]
            title = inline.content.strip()
            anchor = context.anchors.unique(title)
            token.attrSet("id", anchor)
            level = int(token.tag[1])
            if level == 1:
                context.problems.warning(
                    context.locate(inline),
                    "a '#' heading in the body repeats the page title: use '##' for sections",
                )
            context.body.headings.append(Heading(level, title, anchor))
        elif token.type == "paragraph_open" and token.level == 0:
            inline = tokens[index + 1]
            label = label_of(inline)
            if label is not None:
                if open_section:
                    result.append(Token("section_close", "section", -1))
                anchor = context.anchors.unique(label)
                section = Token("section_open", "section", 1)
                section.meta = {"anchor": anchor}
                section.map = token.map
                result.append(section)
                open_section = True
                strong = next(t for t in inline.children if t.type == "strong_open")
                strong.attrSet("id", anchor)
                strong.attrSet("class", "brief-section__label")
                location = context.locate(inline, needle="**")
                context.body.sections.append(Section(label, anchor, location))
                context.body.headings.append(Heading(2, label, anchor))
        result.append(token)
    if open_section:
        result.append(Token("section_close", "section", -1))
    state.tokens = result


def _render_section_open(self, tokens: list[Token], idx: int, options, env) -> str:
    anchor = tokens[idx].meta["anchor"]
    return f'<section class="brief-section" aria-labelledby="{anchor}">\n'
