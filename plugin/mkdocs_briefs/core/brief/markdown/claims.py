"""Core rule: every citation marks its paragraph or list item as a claim.

The claim gets a stable anchor (`claim-1`, `claim-2`, ... in reading order)
and a `data-sources` attribute, so readers can go from claim to sources and
back. Cited ids are checked here, where the marker's file position is known.
"""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from mkdocs_briefs.core.brief.markdown.context import ParseContext, get_context
from mkdocs_briefs.core.brief.model import Claim, claim_anchor
from mkdocs_briefs.core.ids import is_valid_id
from mkdocs_briefs.core.problems import Location
from mkdocs_briefs.core.suggest import did_you_mean

# Blocks that cannot be claims; a citation inside one is reported.
NOT_CLAIMS = ("heading_open", "th_open", "td_open")
EXCERPT_WORDS = 7


def claims_plugin(md: MarkdownIt) -> None:
    md.core.ruler.push("brief_claims", _claims_rule)


class _OpenClaim:
    """A claim while its citations are gathered."""

    __slots__ = ("anchor", "container", "cut", "ids", "number", "opening")

    def __init__(self, number: int, inline: Token, container: Token) -> None:
        self.anchor = claim_anchor(number)
        self.number = number
        self.opening, self.cut = _excerpt(inline)
        self.ids: dict[str, None] = {}  # in order of first citation
        self.container = container


def _claims_rule(state: StateCore) -> None:
    context = get_context(state.env)
    if context is None:
        return
    stack: list[Token] = []
    claims: dict[int, _OpenClaim] = {}  # by id() of the paragraph or list item
    for token in state.tokens:
        nesting = token.nesting
        if nesting == 1:
            stack.append(token)
        elif nesting == -1 and stack:
            stack.pop()
        if token.type != "inline" or not token.children:
            continue
        for child in token.children:
            if child.type != "citation":
                continue
            location = context.locate(token, needle=child.markup, offset=child.meta["offset"])
            ids = _checked_ids(child.meta["ids"], context, location, token, child)
            child.meta["ids"] = ids
            container = _claim_container(stack)
            if container is None:
                context.problems.warning(
                    location,
                    f"the citation {child.markup} is not in a paragraph or list item: "
                    "move it to the end of the sentence it supports",
                )
                continue
            claim = claims.get(id(container))
            if claim is None:
                claim = _OpenClaim(len(claims) + 1, token, container)
                claims[id(container)] = claim
            claim.ids.update(dict.fromkeys(ids))
            child.meta["claim"] = claim.anchor
    for claim in claims.values():
        claim.container.attrSet("id", claim.anchor)
        claim.container.attrJoin("class", "brief-claim")
        claim.container.attrSet("data-sources", " ".join(claim.ids))
        marker = _marker_style(tuple(context.sources[i].kind.key for i in claim.ids))
        if marker:
            claim.container.attrSet("style", marker)
    context.body.claims = [Claim(c.number, c.opening, tuple(c.ids), c.cut) for c in claims.values()]


@lru_cache(maxsize=256)  # a site's claims cite a few mixes of kinds, in a few orders
def _marker_style(kind_keys: tuple[str, ...]) -> str:
    """The claim's marker in the margin: one band per kind of source it cites (the
    citations' labels name the kinds in text; the colours come from the stylesheet)."""
    keys = list(dict.fromkeys(kind_keys))
    if not keys:
        return ""
    step = 100 / len(keys)
    bands = ", ".join(
        f"var(--brief-kind-{key}) {i * step:g}% {(i + 1) * step:g}%" for i, key in enumerate(keys)
    )
    return f"--brief-marks: {bands}"


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


def _excerpt(inline: Token) -> tuple[str, bool]:
    words: list[str] = []
    children = inline.children or []
    # A section label ("Behind the scenes:") is not part of what the claim says.
    if children and any(t.attrGet("class") == "brief-section__label" for t in children[:2]):
        end = next(i for i, t in enumerate(children) if t.type == "strong_close")
        children = children[end + 1 :]
    for child in children:
        if child.type in ("text", "code_inline"):
            # Enough words to know whether there are more: the last item holds the rest.
            words.extend(child.content.split(None, EXCERPT_WORDS))
        if len(words) > EXCERPT_WORDS:
            return " ".join(words[:EXCERPT_WORDS]), True
    return " ".join(words), False


def _checked_ids(
    raw_ids: list[str], context: ParseContext, location: Location, inline: Token, citation: Token
) -> list[str]:
    ids: list[str] = []
    for raw in raw_ids:
        if raw in context.sources:  # declared sources have valid ids: the usual case
            if raw not in ids:
                ids.append(context.sources[raw].id)  # one string per source, however cited
        elif raw in context.dropped:
            continue  # its declaration was reported already
        elif not is_valid_id(raw):
            context.problems.warning(
                location,
                f"'{raw}' is not a source id: cite as [@source-id] or [@one; @two], "
                "with ids of lower-case letters, digits and hyphens",
            )
        else:
            hint = did_you_mean(raw, context.sources)
            context.problems.warning(
                context.locate_id(inline, citation.markup, "@", raw, citation.meta["offset"]),
                f"unknown source '{raw}'{hint}: declare it under `sources:` in the front matter",
            )
    return ids
