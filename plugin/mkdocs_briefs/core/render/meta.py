"""What a brief tells machines in the page's <head>: JSON-LD, Open Graph, Twitter cards.

Search engines and link previews read these; every value comes from the brief
and is escaped. The canonical <link> itself is left to the host, which makes it
from the site's address.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from mkdocs_briefs.core.brief.model import Brief, BriefType
from mkdocs_briefs.core.site.authors import Byline
from mkdocs_briefs.core.site.stories import Story
from mkdocs_briefs.core.siteinfo import SiteInfo
from mkdocs_briefs.core.text import esc

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


def json_ld(brief: Brief, site: SiteInfo, story: Story | None = None) -> dict[str, Any]:
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
        "author": _people(brief, site) or publisher,
        "publisher": publisher,
    }
    if canonical:
        data["url"] = canonical
        data["mainEntityOfPage"] = {"@type": "WebPage", "@id": canonical}
    image = lead_image_url(brief, site)
    if image and brief.lead is not None:
        data["image"] = {
            "@type": "ImageObject",
            "url": image,
            "width": brief.lead.size.width,
            "height": brief.lead.size.height,
        }
        if brief.image and brief.image.caption:
            data["image"]["caption"] = brief.image.caption
    if brief.tags:
        data["keywords"] = list(brief.tags)
    if story is not None:
        series: dict[str, Any] = {"@type": "CreativeWorkSeries", "name": story.title}
        if site.absolute(story.path):
            series["url"] = site.absolute(story.path)
        data["isPartOf"] = series
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


def _people(brief: Brief, site: SiteInfo) -> list[dict[str, Any]]:
    """Each author a Person; one from the site's authors file with their page's address."""
    bylines = brief.bylines or tuple(Byline(name) for name in brief.authors)
    people = []
    for byline in bylines:
        person: dict[str, Any] = {"@type": "Person", "name": byline.name}
        author = byline.author
        if author is not None:
            page = site.absolute(author.path)
            if page or author.url:
                person["url"] = page or author.url
            if page and author.url:
                person["sameAs"] = author.url
            if author.role:
                person["jobTitle"] = author.role
        people.append(person)
    return people


def script_json(data: dict[str, Any]) -> str:
    """JSON that is safe between <script> tags."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_SAFE)


def lead_image_url(brief: Brief, site: SiteInfo) -> str:
    """The lead image's absolute address (link previews need one), or ""."""
    return site.absolute(brief.lead.url(brief)) if brief.lead is not None else ""


def render_head(
    brief: Brief, site: SiteInfo, story: Story | None = None, *, social_cards: bool = False
) -> str:
    """The fragment for the page's <head>.

    `social_cards`: a plugin (Material's social cards) writes the page's Open Graph
    and Twitter tags already, its card as the image; one set only, so this adds only
    the article's own.
    """
    canonical = site.absolute(brief.url)
    image = "" if social_cards else lead_image_url(brief, site)
    image_alt = brief.image.alt if image and brief.image else ""
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
    if image and brief.lead is not None:
        properties += [
            ("og:image", image),
            ("og:image:width", str(brief.lead.size.width)),
            ("og:image:height", str(brief.lead.size.height)),
            ("og:image:alt", image_alt),
        ]
    names = (
        []
        if social_cards
        else [
            # A large picture in link previews when the brief has one.
            ("twitter:card", "summary_large_image" if image else "summary"),
            ("twitter:title", brief.title),
            ("twitter:description", brief.summary),
            ("twitter:image", image),
            ("twitter:image:alt", image_alt),
        ]
    )
    lines = [
        '<script type="application/ld+json">'
        + script_json(json_ld(brief, site, story))
        + "</script>",
        *(f'<meta property="{key}" content="{esc(value)}">' for key, value in properties if value),
        *(f'<meta name="{key}" content="{esc(value)}">' for key, value in names if value),
    ]
    return "\n".join(lines) + "\n"
