"""Core rule: only http(s) and relative links survive.

Any other scheme (`javascript:`, `data:`, `mailto:`, ...) is reported and the
link is dropped, keeping its text. Relative links are marked so the host can
rewrite them to page URLs at render time.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from mkdocs_briefs.core.brief.markdown.context import get_context

GLOSSARY_SCHEME = "glossary"

# What browsers drop before reading a URL (the URL standard): leading controls and
# spaces, and tabs and line breaks anywhere.
_DROPPED_BY_BROWSERS = re.compile(r"^[\x00-\x20]+|[\t\n\r]")


def links_plugin(md: MarkdownIt) -> None:
    # Judge every URL here, with a message, instead of markdown-it's silent filter.
    md.validateLink = lambda url: True
    md.core.ruler.push("brief_links", _links_rule)


def link_kind(href: str) -> str:
    """'anchor', 'web', 'relative', 'glossary' or 'rejected'."""
    if href.startswith("#"):
        return "anchor"
    try:
        parts = urlsplit(href)
    except ValueError:
        return "rejected"
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        return "web" if parts.netloc else "rejected"
    if scheme == GLOSSARY_SCHEME:
        return "glossary"
    if scheme or parts.netloc or leaves_the_site(href):
        return "rejected"  # other schemes, and //host links that hide one
    return "relative"


def leaves_the_site(href: str) -> bool:
    """A link without a scheme that browsers still send to another host: `//host`,
    `///host`, `/\\host`, `\\\\host` (a backslash is a slash in http(s) addresses)."""
    return _DROPPED_BY_BROWSERS.sub("", href).replace("\\", "/").startswith("//")


def _links_rule(state: StateCore) -> None:
    context = get_context(state.env)
    if context is None:
        return
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        kept: list[Token] = []
        dropping: list[bool] = []  # one flag per open link: was it dropped?
        for child in block.children:
            if child.type == "link_open":
                href = str(child.attrGet("href") or "")
                kind = link_kind(href)
                child.meta = {**(child.meta or {}), "kind": kind}
                dropped = kind == "rejected"
                dropping.append(dropped)
                if dropped:
                    _report(context, block, child, href)
                    continue
            elif child.type == "link_close":
                if dropping and dropping.pop():
                    continue
            elif child.type == "image":
                src = str(child.attrGet("src") or "")
                kind = link_kind(src)
                if kind not in ("web", "relative"):
                    _report(context, block, child, src)
                    alt = Token("text", "", 0)
                    alt.content = child.content
                    kept.append(alt)
                    continue
                child.meta = {**(child.meta or {}), "kind": kind}
                child.attrSet("loading", "lazy")  # in the text: below the lead, the fold
            kept.append(child)
        block.children = kept


def _report(context, block: Token, child: Token, href: str) -> None:
    shown = href if len(href) <= 60 else href[:57] + "..."
    reason = (
        "it leads to another site without saying how (//host); write the address with https://"
        if leaves_the_site(href)
        else "only http(s) and relative links are allowed"
    )
    context.problems.warning(
        context.locate(block, needle=href[:20]), f"the link '{shown}' was removed: {reason}"
    )
