"""Core rule: a link to `#<event-id>` is a mention of that event's date.

`[on Thursday](#putin-call)` renders as a `<time>` link to the event in the
timeline; the event's resolved date goes into `datetime`.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from ..dates import ResolvedWhen
from ..ids import is_valid_id
from ..model import Mention
from ..suggest import did_you_mean
from .context import get_context

# Anchors the page makes itself; a link to one is not an event mention.
PAGE_ANCHOR_PREFIXES = ("claim-", "source-", "event-", "mention-", "term-")


def event_anchor(event_id: str) -> str:
    return f"event-{event_id}"


def mentions_plugin(md: MarkdownIt) -> None:
    md.core.ruler.push("brief_mentions", _mentions_rule)
    md.add_render_rule("time_open", _render_time_open)
    md.add_render_rule("time_close", lambda *_: "</time>")


def _mentions_rule(state: StateCore) -> None:
    context = get_context(state.env)
    if context is None:
        return
    section_anchors = {h.anchor for h in context.body.headings}
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children: list[Token] = []
        for index, child in enumerate(block.children):
            children.append(child)
            href = str(child.attrGet("href") or "") if child.type == "link_open" else ""
            if not href.startswith("#"):
                continue
            target = href[1:]
            if target in context.events:
                event = context.events[target]
                anchor = f"mention-{len(context.body.mentions) + 1}"
                text = _link_text(block.children, index)
                location = context.locate(block, needle=f"(#{target})")
                context.body.mentions.append(Mention(target, text, anchor, location))
                child.attrSet("href", f"#{event_anchor(target)}")
                child.attrSet("id", anchor)
                child.attrSet("class", "brief-mention")
                # An upcoming event has no date, so its mention gets no <time>.
                timed = not event.when.upcoming
                if timed:
                    time = Token("time_open", "time", 1)
                    time.meta = {"event": event}
                    children.append(time)
                child.meta = {**(child.meta or {}), "timed": timed}
            elif (
                is_valid_id(target)
                and target not in section_anchors
                and not target.startswith(PAGE_ANCHOR_PREFIXES)
                and target not in context.dropped  # its declaration was reported already
            ):
                context.problems.warning(
                    context.locate_id(block, f"(#{target})", "(#", target),
                    f"unknown event '{target}'{did_you_mean(target, context.events)}: "
                    "declare it under `events:` or link to an existing section",
                )
        block.children = _close_times(children)


def _link_text(children: list[Token], open_index: int) -> str:
    parts: list[str] = []
    for child in children[open_index + 1 :]:
        if child.type == "link_close":
            break
        parts.append(child.content)
    return "".join(parts)


def _close_times(children: list[Token]) -> list[Token]:
    """Put a `time_close` before the `link_close` of every mention."""
    result: list[Token] = []
    depth_in_mention: list[bool] = []
    for child in children:
        if child.type == "link_open":
            depth_in_mention.append(bool((child.meta or {}).get("timed")))
        elif child.type == "link_close" and depth_in_mention and depth_in_mention.pop():
            result.append(Token("time_close", "time", -1))
        result.append(child)
    return result


def _render_time_open(self, tokens: list[Token], idx: int, options, env) -> str:
    return f'<time datetime="{machine_date(tokens[idx].meta["event"].when)}">'


def machine_date(when: ResolvedWhen) -> str:
    """The `datetime` attribute: the exact time when written, else the (first) day."""
    if when.time is not None:
        return when.time.isoformat()
    return when.start.isoformat() if when.start else ""
