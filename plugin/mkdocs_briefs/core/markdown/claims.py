"""Core rule: every citation marks its paragraph or list item as a claim.

The claim gets a stable anchor (`claim-1`, `claim-2`, ... in reading order)
so sources can link back to it. The cited ids are checked against the
brief's sources here, where the marker's file position is known.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from ..ids import is_valid_id
from ..model import Citation
from ..suggest import did_you_mean
from .context import get_context

# Blocks a claim can be; anything else holding a citation is reported.
CLAIM_BLOCKS = ("paragraph_open", "list_item_open")
NOT_CLAIMS = ("heading_open", "th_open", "td_open")


def claims_plugin(md: MarkdownIt) -> None:
    md.core.ruler.push("brief_claims", _claims_rule)


def _claims_rule(state: StateCore) -> None:
    context = get_context(state.env)
    if context is None:
        return
    stack: list[Token] = []
    claim_count = 0
    for token in state.tokens:
        if token.nesting == 1:
            stack.append(token)
        elif token.nesting == -1 and stack:
            stack.pop()
        if token.type != "inline" or not token.children:
            continue
        for child in token.children:
            if child.type != "citation":
                continue
            container = _claim_container(stack)
            anchor = None
            if container is not None:
                anchor = container.attrGet("id")
                if anchor is None or not str(anchor).startswith("claim-"):
                    claim_count += 1
                    anchor = f"claim-{claim_count}"
                    container.attrSet("id", anchor)
                    container.attrJoin("class", "brief-claim")
            location = context.locate(token, needle=child.markup, offset=child.meta["offset"])
            if container is None:
                context.problems.warning(
                    location,
                    f"the citation {child.markup} is not in a paragraph or list item: "
                    "move it to the end of the sentence it supports",
                )
            ids = _checked_ids(child.meta["ids"], context, location)
            child.meta["ids"] = ids
            child.meta["claim"] = anchor
            context.body.citations.append(Citation(tuple(ids), anchor, location))


def _claim_container(stack: list[Token]) -> Token | None:
    """The innermost paragraph, or the list item when its paragraph is hidden (tight list)."""
    for token in reversed(stack):
        if token.type in NOT_CLAIMS:
            return None
        if token.type == "paragraph_open" and not token.hidden:
            return token
        if token.type == "list_item_open":
            return token
    return None


def _checked_ids(raw_ids: list[str], context, location) -> list[str]:
    ids: list[str] = []
    for raw in raw_ids:
        if not is_valid_id(raw):
            context.problems.warning(
                location,
                f"'{raw}' is not a source id: cite as [@source-id] or [@one; @two], "
                "with ids of lower-case letters, digits and hyphens",
            )
        elif raw not in context.sources:
            hint = did_you_mean(raw, context.sources)
            context.problems.warning(
                location,
                f"unknown source '{raw}'{hint}: declare it under `sources:` in the front matter",
            )
        elif raw not in ids:
            ids.append(raw)
    return ids
