"""Core rule: a link to `#<event-id>` is a mention of that event's date.

`[on Thursday](#putin-call)` renders as a `<time>` link to the event in the
timeline; the event's resolved date goes into `datetime`.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from mkdocs_briefs.core.brief.dates import ResolvedWhen
from mkdocs_briefs.core.brief.markdown.context import get_context
from mkdocs_briefs.core.brief.model import Event, Mention
from mkdocs_briefs.core.ids import is_valid_id
from mkdocs_briefs.core.suggest import did_you_mean

# Anchors the page makes itself; a link to one is not an event mention.
PAGE_ANCHOR_PREFIXES = ("claim-", "source-", "event-", "mention-", "term-")


def event_anchor(event_id: str) -> str:
    return f"event-{event_id}"


def mentions_plugin(md: MarkdownIt) -> None:
    md.core.ruler.push("brief_mentions", _mentions_rule)
    md.add_render_rule("time_open", _render_time_open)
    md.add_render_rule("time_close", _render_time_close)


def _mentions_rule(state: StateCore) -> None:
    context = get_context(state.env)
    if context is None:
        return
    section_anchors = {h.anchor for h in context.body.headings}
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children: list[Token] = []
        mentioned = False
        for index, child in enumerate(block.children):
            children.append(child)
            if child.type != "link_open":
                continue
            href = str(child.attrGet("href") or "")
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
                mentioned = True
                # An upcoming event has no date, so its mention gets no <time>; a `same-as`
                # event's date is known once the site is resolved.
                timed = not event.when.upcoming or not event.own_date
                if timed:
                    time = Token("time_open", "time", 1)
                    time.meta = {"event": event}
                    children.append(time)
                child.meta = {**(child.meta or {}), "timed": event if timed else None}
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
        if mentioned:  # most blocks mention no event: they are left as they are
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
    depth_in_mention: list[Event | None] = []
    for child in children:
        if child.type == "link_open":
            depth_in_mention.append((child.meta or {}).get("timed"))
        elif child.type == "link_close" and depth_in_mention:
            event = depth_in_mention.pop()
            if event is not None:
                close = Token("time_close", "time", -1)
                close.meta = {"event": event}
                result.append(close)
        result.append(child)
    return result


def _render_time_open(self, tokens: list[Token], idx: int, options, env) -> str:
    event: Event = tokens[idx].meta["event"]
    if not event.own_date:
        # A `same-as` event's date comes from another brief, for each build: a marker
        # that the page fills in (markdown/prerender.py), or drops if it has none.
        return inherited_date_marker(event.id)
    return f'<time datetime="{machine_date(event.when)}">'


def _render_time_close(self, tokens: list[Token], idx: int, options, env) -> str:
    event: Event | None = (tokens[idx].meta or {}).get("event")
    if event is not None and not event.own_date:
        return inherited_date_marker(event.id, closing=True)
    return "</time>"


def inherited_date_marker(event_id: str, *, closing: bool = False) -> str:
    """Around a NUL, which no brief can hold (see markdown/prerender.py)."""
    return f"\x00{'/' if closing else ''}T{event_id}\x00"


def machine_date(when: ResolvedWhen) -> str:
    """The `datetime` attribute: the exact time when written, else the (first) day."""
    if when.time is not None:
        return when.time.isoformat()
    return when.start.isoformat() if when.start else ""
