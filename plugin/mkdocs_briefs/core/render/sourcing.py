"""The sourcing sidebar: the mix of source kinds and every source with its claims."""

from __future__ import annotations

from mkdocs_briefs.core.brief.markdown.mentions import event_anchor
from mkdocs_briefs.core.brief.model import SourceKind
from mkdocs_briefs.core.brief.sourcing import SourceUse, Sourcing
from mkdocs_briefs.core.ids import source_anchor
from mkdocs_briefs.core.text import esc

SOURCING_ANCHOR = "sourcing"


def kind_link(kind: SourceKind, kinds_page_url: str) -> str:
    return (
        f'<a class="brief-kind brief-kind--{kind.key}" href="{esc(kinds_page_url)}#{kind.key}">'
        f"{esc(kind.label)}</a>"
    )


def render_sourcing_summary(
    sourcing: Sourcing, kinds_page_url: str = "", page_url: str = ""
) -> str:
    """The one sourcing summary, under the headline: a single bar of the source kinds,
    each segment labelled with its count and kind in text and leading to those sources.
    `page_url`: the brief's page, when the bar is shown elsewhere (the front page)."""
    if not sourcing.total:
        return ""
    noun = "source" if sourcing.total == 1 else "sources"
    first_of_kind: dict[SourceKind, str] = {}
    for use in sourcing.uses:
        first_of_kind.setdefault(use.source.kind, use.source.id)
    links = {
        count.kind: f"{esc(page_url)}#{source_anchor(first_of_kind[count.kind])}"
        for count in sourcing.mix
    }
    # The bar: one segment per kind, as long as its share; the labelled links
    # below it, each with a swatch of its segment's colour, lead to the sources.
    segments = "".join(
        f'<span class="brief-bar__segment brief-kind-color--{count.kind.key}" '
        f'style="flex-grow: {count.count}"></span>'
        for count in sourcing.mix
    )
    labels = "".join(
        f'<li class="brief-bar__kind brief-kind-color--{count.kind.key}">'
        f'<a href="{links[count.kind]}">'
        f'<span class="brief-bar__count">{count.count}</span> '
        f'<span class="brief-bar__label">{esc(count.kind.label)}</span></a></li>'
        for count in sourcing.mix
    )
    guide = (
        f' <a class="brief-bar__guide" href="{esc(kinds_page_url)}">What the labels mean</a>'
        if kinds_page_url
        else ""
    )
    return (
        '<div class="brief-bar">'
        f'<p class="brief-bar__total"><a href="{esc(page_url)}#{SOURCING_ANCHOR}">'
        f"{sourcing.total} {noun}</a>{guide}</p>"
        f'<div class="brief-bar__strip" aria-hidden="true">{segments}</div>'
        f'<ul class="brief-bar__kinds" aria-label="Sources by kind">{labels}</ul>'
        "</div>"
    )


def render_sourcing(sourcing: Sourcing, kinds_page_url: str) -> str:
    """The sourcing panel: every source, numbered as the citations in the text."""
    if not sourcing.total:
        return ""
    parts = [
        f'<aside class="brief-sourcing" id="{SOURCING_ANCHOR}" aria-labelledby="sourcing-title">',
        '<h2 class="brief-sourcing__title" id="sourcing-title">How this is sourced</h2>',
        '<p class="brief-sourcing__intro">A bar beside a passage shows the kinds of the '
        "sources it cites; a passage without one cites none.</p>",
        '<ol class="brief-sources">',
        *(_render_source(use, kinds_page_url) for use in sourcing.uses),
        "</ol>",
        "</aside>",
    ]
    return "\n".join(parts) + "\n"


def _render_source(use: SourceUse, kinds_page_url: str) -> str:
    source = use.source
    lines = [
        f'<li class="brief-source brief-source--{source.kind.key}" '
        f'id="{source_anchor(source.id)}" data-source="{esc(source.id)}" '
        f'data-kind="{source.kind.key}">',
        '<p class="brief-source__head">'
        f'<span class="brief-source__number">{use.number}</span> '
        f'<span class="brief-source__name">{esc(source.name)}</span> '
        f"{kind_link(source.kind, kinds_page_url)}</p>",
    ]
    if source.detail:
        lines.append(f'<p class="brief-source__detail">{esc(source.detail)}</p>')
    if source.via:
        lines.append(f'<p class="brief-source__via">Via {esc(source.via)}</p>')
    if source.url:
        lines.append(
            f'<p class="brief-source__link"><a href="{esc(source.url)}" rel="noopener">'
            "Read the source"
            f'<span class="brief-visually-hidden"> ({esc(source.name)})</span></a></p>'
        )
    lines.append(_render_claim_links(use))
    if use.events:
        lines.append(_render_event_links(use))
    lines.append("</li>")
    return "\n".join(lines)


def _render_event_links(use: SourceUse) -> str:
    noun = "event" if len(use.events) == 1 else "events"
    links = [f'<a href="#{event_anchor(event.id)}">{esc(event.title)}</a>' for event in use.events]
    return _link_list(f"Backs {len(links)} timeline {noun}:", links)


def _render_claim_links(use: SourceUse) -> str:
    if not use.claims:
        return '<p class="brief-source__count">Not cited in the text.</p>'
    noun = "claim" if len(use.claims) == 1 else "claims"
    # A claim's first words name it better than a number readers never see.
    links = [
        f'<a href="#{claim.anchor}" data-claim="{claim.anchor}">{esc(claim.excerpt)}</a>'
        for claim in use.claims
    ]
    return _link_list(f"Cited in {len(links)} {noun}:", links)


def _link_list(heading: str, links: list[str]) -> str:
    items = "".join(f"<li>{link}</li>" for link in links)
    return (
        f'<p class="brief-source__count">{heading}</p><ul class="brief-source__claims">{items}</ul>'
    )
