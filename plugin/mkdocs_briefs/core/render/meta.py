"""What a brief tells machines in the page's <head>: JSON-LD, Open Graph, Twitter cards.

Search engines and link previews read these; every value comes from the brief
and is escaped. The canonical <link> itself is left to the host, which makes it
from the site's address.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from ..model import Brief, BriefType
from ..siteinfo import SiteInfo
from .text import esc

SCHEMA_TYPES = {
    BriefType.REPORTAGE: "ReportageNewsArticle",
    BriefType.ANALYSIS: "AnalysisNewsArticle",
    BriefType.BACKGROUND: "BackgroundNewsArticle",
    BriefType.OPINION: "OpinionNewsArticle",
}

# Inside <script>, "</script>" or "<!--" in a value would end or break the element.
_SCRIPT_SAFE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def published_text(brief: Brief) -> str:
    """ISO 8601: the date alone when the editor wrote only a date."""
    if brief.published_has_time:
        return brief.published.isoformat()
    return brief.published.date().isoformat()


def modified_text(brief: Brief) -> str:
    if brief.updated is None:
        return published_text(brief)
    return _moment(brief.updated, brief.updated_has_time)


def _moment(moment: datetime, has_time: bool) -> str:
    return moment.isoformat() if has_time else moment.date().isoformat()


def json_ld(brief: Brief, site: SiteInfo) -> dict[str, Any]:
    """The schema.org NewsArticle subtype that fits the brief's type."""
    canonical = site.absolute(brief.url)
    publisher: dict[str, Any] = {"@type": "Organization", "name": site.name}
    if site.url:
        publisher["url"] = site.url
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES[brief.type],
        "headline": brief.title,
        "description": brief.summary,
        "datePublished": published_text(brief),
        "dateModified": modified_text(brief),
        # With no named authors the newsroom itself is the author.
        "author": [{"@type": "Person", "name": name} for name in brief.authors] or publisher,
        "publisher": publisher,
    }
    if canonical:
        data["url"] = canonical
        data["mainEntityOfPage"] = {"@type": "WebPage", "@id": canonical}
    if brief.tags:
        data["keywords"] = list(brief.tags)
    citations = [
        {"@type": "CreativeWork", "name": source.name, "url": source.url}
        for source in brief.sources.values()
        if source.url
    ]
    if citations:
        data["citation"] = citations
    if brief.corrections:
        data["correction"] = [
            {"@type": "CorrectionComment", "text": c.text, "datePublished": c.date.isoformat()}
            for c in sorted(brief.corrections, key=lambda c: c.date, reverse=True)
        ]
    return data


def script_json(data: dict[str, Any]) -> str:
    """JSON that is safe between <script> tags."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_SAFE)


def render_head(brief: Brief, site: SiteInfo, *, social_cards: bool = False) -> str:
    """The fragment for the page's <head>.

    `social_cards`: a plugin (Material's social cards) writes the page's Open Graph
    and Twitter tags already; one set only, so this adds only the article's own.
    """
    canonical = site.absolute(brief.url)
    card = (
        []
        if social_cards
        else [
            ("og:type", "article"),
            ("og:title", brief.title),
            ("og:description", brief.summary),
            ("og:url", canonical),
        ]
    )
    properties = [
        *card,
        ("og:site_name", site.name),
        ("article:published_time", published_text(brief)),
        ("article:modified_time", modified_text(brief)),
        *(("article:tag", tag) for tag in brief.tags),
    ]
    names = (
        []
        if social_cards
        else [
            ("twitter:card", "summary"),
            ("twitter:title", brief.title),
            ("twitter:description", brief.summary),
        ]
    )
    lines = [
        '<script type="application/ld+json">' + script_json(json_ld(brief, site)) + "</script>",
        *(f'<meta property="{key}" content="{esc(value)}">' for key, value in properties if value),
        *(f'<meta name="{key}" content="{esc(value)}">' for key, value in names if value),
    ]
    return "\n".join(lines) + "\n"
