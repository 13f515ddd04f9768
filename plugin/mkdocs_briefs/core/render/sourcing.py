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


def render_sourcing_summary(sourcing: Sourcing) -> str:
    """One line under the headline that leads to the sidebar, for phones above all."""
    if not sourcing.total:
        return ""
    noun = "source" if sourcing.total == 1 else "sources"
    return (
        '<p class="brief-header__sourcing">'
        f'<a href="#{SOURCING_ANCHOR}">{sourcing.total} {noun}</a>: {esc(sourcing.mix_text)}</p>'
    )


def render_sourcing(sourcing: Sourcing, kinds_page_url: str) -> str:
    if not sourcing.total:
        return ""
    parts = [
        f'<aside class="brief-sourcing" id="{SOURCING_ANCHOR}" aria-labelledby="sourcing-title">',
        '<h2 class="brief-sourcing__title" id="sourcing-title">How this is sourced</h2>',
        _render_mix(sourcing),
        '<ol class="brief-sources">',
        *(_render_source(use, kinds_page_url) for use in sourcing.uses),
        "</ol>",
        "</aside>",
    ]
    return "\n".join(parts) + "\n"


def _render_mix(sourcing: Sourcing) -> str:
    """The sentence, then one labelled bar per kind: text first, colour only adds."""
    noun = "source" if sourcing.total == 1 else "sources"
    rows = "".join(
        f'<li class="brief-mix__row brief-mix__row--{count.kind.key}">'
        f'<span class="brief-mix__label">{esc(count.kind.label)}</span>'
        f'<span class="brief-mix__bar" style="--brief-share: {_share(count.count, sourcing)}%">'
        f'</span><span class="brief-mix__count">{count.count}</span></li>'
        for count in sourcing.mix
    )
    return (
        '<div class="brief-mix">'
        f'<p class="brief-mix__text">{sourcing.total} {noun}: {esc(sourcing.mix_text)}</p>'
        f'<ul class="brief-mix__rows" aria-hidden="true">{rows}</ul>'
        "</div>"
    )


def _share(count: int, sourcing: Sourcing) -> int:
    return 100 * count // sourcing.total


def _render_source(use: SourceUse, kinds_page_url: str) -> str:
    source = use.source
    lines = [
        f'<li class="brief-source brief-source--{source.kind.key}" '
        f'id="{source_anchor(source.id)}" data-source="{esc(source.id)}">',
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
