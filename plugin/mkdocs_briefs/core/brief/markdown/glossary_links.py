"""Core rule: glossary terms link to their entry on their first mention.

Runs at parse time, after the link, section and mention rules, so the terms a
brief uses are known before any page is rendered (the glossary page lists the
briefs that use each term). Only plain text is searched: never headings, link
text (event mentions included), code, citation markers or section labels.
An explicit `[text](glossary:<id>)` always links, and its id must exist.

Linked terms become `glossary_open`/`glossary_close` tokens whose meta holds
the GlossaryTerm; the URL of the glossary page is only known when rendering.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Literal

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from mkdocs_briefs.core.brief.markdown.context import ParseContext, get_context
from mkdocs_briefs.core.brief.markdown.render_rules import RENDER_KEY, RenderContext
from mkdocs_briefs.core.glossary.terms import GlossaryTerm
from mkdocs_briefs.core.suggest import did_you_mean
from mkdocs_briefs.core.text import esc

LABEL_CLASS = "brief-section__label"  # set by sections.py on `**Why it matters:**`
# Inline tokens that may sit inside a run of matchable text, and the text they stand for.
_BREAKS = {"softbreak": "\n", "hardbreak": "\n"}


def definition_anchor(term_id: str) -> str:
    """The id of the hidden element that holds a term's definition on a brief page."""
    return f"term-{term_id}"


def glossary_links_plugin(md: MarkdownIt) -> None:
    md.core.ruler.push("brief_glossary", _glossary_rule)
    md.add_render_rule("glossary_open", _render_open)
    md.add_render_rule("glossary_close", lambda *_: "</a>")


def _glossary_rule(state: StateCore) -> None:
    context = get_context(state.env)
    if context is None:
        return
    linker = _Linker(context, set(context.body.terms))
    tokens = state.tokens
    for index, block in enumerate(tokens):
        if block.type != "inline" or not block.children:
            continue
        in_heading = index > 0 and tokens[index - 1].type == "heading_open"
        block.children = linker.run(block, in_heading)


@dataclass
class _Linker:
    """Links the terms of a brief's inline blocks; `used` holds the terms already linked."""

    context: ParseContext
    used: set[str]

    def run(self, block: Token, in_heading: bool) -> list[Token]:
        """The block's children with the first mention of each unused term linked."""
        # Headings are never searched, nor is anything when the site has no glossary.
        search = not in_heading and self.context.glossary is not None
        result: list[Token] = []
        run: list[Token] = []  # consecutive text that may be searched
        links: list[str] = []  # per open link: "link", "glossary" (explicit) or "dropped"
        label_level: int | None = None  # set while inside a section label
        for child in block.children or []:
            kind = child.type
            if kind == "text" or kind in _BREAKS:
                if search and not links and label_level is None:
                    run.append(child)
                else:  # a run only ends at a token that is not text
                    result.append(child)
                continue
            if run:
                result.extend(self._link_run(run))
                run = []
            if kind == "link_open":
                if (child.meta or {}).get("kind") != "glossary":
                    links.append("link")
                else:
                    opened = self._explicit(block, child)
                    links.append("dropped" if opened is None else "glossary")
                    if opened is None:
                        continue
                    child = opened
            elif kind == "link_close" and links:
                link = links.pop()
                if link == "dropped":
                    continue
                if link == "glossary":
                    child = _close()
            elif kind == "strong_open" and child.attrGet("class") == LABEL_CLASS:
                label_level = child.level
            elif kind == "strong_close" and child.level == label_level:
                label_level = None
            result.append(child)
        if run:
            result.extend(self._link_run(run))
        return result

    # --- Explicit links ---------------------------------------------------------------

    def _explicit(self, block: Token, link: Token) -> Token | None:
        """The `glossary_open` token for `[text](glossary:<id>)`, or None to drop the link."""
        href = str(link.attrGet("href") or "")
        term_id = href.split(":", 1)[1].strip() if ":" in href else ""
        matcher = self.context.glossary
        term = matcher.glossary.get(term_id) if matcher else None
        where = self.context.locate(block, needle=f"({href}")
        if matcher is None:
            self.context.problems.warning(
                where,
                f"the link to glossary term '{term_id}' was removed: the site has no glossary; "
                "set the plugin option `glossary:` or write plain text",
            )
        elif term is None:
            hint = did_you_mean(term_id, matcher.glossary.terms)
            self.context.problems.warning(
                where,
                f"unknown glossary term '{term_id}'{hint}: use an id from {matcher.glossary.path} "
                "or add the term there; the text was kept without a link",
            )
        if term is None:
            return None
        self._use(term.id)
        return _open(term, explicit=True)

    # --- Automatic links --------------------------------------------------------------

    def _link_run(self, run: list[Token]) -> list[Token]:
        """The run's tokens with the first mention of each unused term wrapped in a link."""
        matcher = self.context.glossary
        assert matcher is not None  # runs are only collected when there is a glossary
        if len(run) == 1:
            text = run[0].content if run[0].type == "text" else _BREAKS[run[0].type]
        else:
            text = "".join([_BREAKS.get(t.type, t.content) for t in run])
        matches: list[tuple[int, int, str]] = []  # (start, end, term id)
        for match in matcher.spans(text):
            if match[2] not in self.used:
                self._use(match[2])
                matches.append(match)
        if not matches or not self.context.link_terms:
            return run
        terms = matcher.glossary.terms
        if len(run) == 1 and run[0].type == "text":
            return _wrap_text(run[0], matches, terms)
        return _wrap(run, matches, terms)

    def _use(self, term_id: str) -> None:
        if term_id not in self.used:
            self.used.add(term_id)
            self.context.body.terms.append(term_id)


def _wrap_text(
    token: Token, matches: list[tuple[int, int, str]], terms: dict[str, GlossaryTerm]
) -> list[Token]:
    """`_wrap` for a run of one text token, the usual case: cut its text at the matches."""
    content = token.content
    result: list[Token] = []
    cut = 0
    for start, end, term_id in matches:  # ordered and disjoint, none empty
        if start > cut:
            result.append(_text(token, content[cut:start]))
        result.append(_open(terms[term_id], explicit=False))
        result.append(_text(token, content[start:end]))
        result.append(_close())
        cut = end
    if cut < len(content):
        result.append(_text(token, content[cut:]))
    return result


def _wrap(
    run: list[Token], matches: list[tuple[int, int, str]], terms: dict[str, GlossaryTerm]
) -> list[Token]:
    """Split the run's text tokens at the matches and insert glossary links around them."""
    # (offset, order, token): a close sorts before an open at the same offset.
    marks: list[tuple[int, int, Token]] = []
    for start, end, term_id in matches:
        marks.append((start, 1, _open(terms[term_id], explicit=False)))
        marks.append((end, 0, _close()))
    marks.sort(key=lambda mark: (mark[0], mark[1]))
    result: list[Token] = []
    next_mark = 0
    start = 0
    for token in run:
        length = 1 if token.type in _BREAKS else len(token.content)
        end = start + length
        if token.type in _BREAKS:
            while next_mark < len(marks) and marks[next_mark][0] <= start:
                result.append(marks[next_mark][2])
                next_mark += 1
            result.append(token)
        else:
            cut = start
            while next_mark < len(marks) and marks[next_mark][0] < end:
                offset = marks[next_mark][0]
                if offset > cut:
                    result.append(_text(token, token.content[cut - start : offset - start]))
                    cut = offset
                result.append(marks[next_mark][2])
                next_mark += 1
            if cut < end:
                result.append(_text(token, token.content[cut - start :]))
        start = end
    result.extend(mark[2] for mark in marks[next_mark:])
    return result


# Tokens are made field by field: the dataclass constructor with its default factories
# costs twice as much, and linking makes several tokens per term. If markdown-it's Token
# ever has other fields, the constructor is used instead.
_TOKEN_FIELDS = ("type", "tag", "nesting", "attrs", "map", "level", "children", "content")
_TOKEN_FIELDS += ("markup", "info", "meta", "block", "hidden")
_FIELD_BY_FIELD = tuple(field.name for field in fields(Token)) == _TOKEN_FIELDS


def _token(kind: str, tag: str, nesting: Literal[-1, 0, 1], content: str, level: int) -> Token:
    """Token(kind, tag, nesting, content=content, level=level), made quickly."""
    if not _FIELD_BY_FIELD:
        return Token(kind, tag, nesting, content=content, level=level)
    token = Token.__new__(Token)
    token.type = kind
    token.tag = tag
    token.nesting = nesting
    token.attrs = {}
    token.map = None
    token.level = level
    token.children = None
    token.content = content
    token.markup = ""
    token.info = ""
    token.meta = {}
    token.block = False
    token.hidden = False
    return token


def _text(template: Token, content: str) -> Token:
    # A new token rather than template.copy(): dataclasses.replace is slow on a hot path.
    return _token("text", "", 0, content, template.level)


def _open(term: GlossaryTerm, *, explicit: bool) -> Token:
    token = _token("glossary_open", "a", 1, "", 0)
    token.meta = {"term": term, "explicit": explicit}
    return token


def _close() -> Token:
    return _token("glossary_close", "a", -1, "", 0)


def _render_open(self, tokens: list[Token], idx: int, options, env: dict[str, Any]) -> str:
    term: GlossaryTerm = tokens[idx].meta["term"]
    context: RenderContext | None = env.get(RENDER_KEY)
    href = f"{context.glossary_url if context else ''}#{term.id}"
    # The definition is announced with the link (aria-describedby) and shown by glossary.js.
    return (
        f'<a class="brief-term" href="{esc(href)}" data-term="{term.id}" '
        f'aria-describedby="{definition_anchor(term.id)}">'
    )


def linked_term_ids(tokens: list[Token]) -> tuple[str, ...]:
    """The ids of the terms a parsed body links, once each, in first-use order."""
    ids: dict[str, None] = {}
    for block in tokens:
        for child in block.children or []:
            if child.type == "glossary_open":
                ids.setdefault(child.meta["term"].id)
    return tuple(ids)
