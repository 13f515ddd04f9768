"""The brief page's fragments: header, body, and the parts features add."""

from __future__ import annotations

from dataclasses import dataclass, field

from mkdocs_briefs.core.brief.markdown.mentions import machine_date
from mkdocs_briefs.core.brief.markdown.prerender import finish, prerender
from mkdocs_briefs.core.brief.markdown.render_rules import LinkResolver
from mkdocs_briefs.core.brief.model import Brief, Heading
from mkdocs_briefs.core.brief.sourcing import analyse_sourcing
from mkdocs_briefs.core.glossary.terms import Glossary
from mkdocs_briefs.core.problems import Problems
from mkdocs_briefs.core.render.brief_types import TYPE_NAMES, type_anchor
from mkdocs_briefs.core.render.byline import render_byline, render_reading_time
from mkdocs_briefs.core.render.corrections import CORRECTIONS_ANCHOR, render_corrections
from mkdocs_briefs.core.render.definition import DefinitionLinks, render_term_definitions
from mkdocs_briefs.core.render.lead_image import render_lead_image
from mkdocs_briefs.core.render.meta import render_head
from mkdocs_briefs.core.render.sourcing import render_sourcing, render_sourcing_summary
from mkdocs_briefs.core.render.status import render_status
from mkdocs_briefs.core.render.story import render_related, render_story_label, render_story_nav
from mkdocs_briefs.core.render.tags import render_brief_tags
from mkdocs_briefs.core.render.timeline import render_timeline, timeline_toc
from mkdocs_briefs.core.site.brief_links import BriefLinks
from mkdocs_briefs.core.siteinfo import SiteInfo
from mkdocs_briefs.core.text import ap_date, ap_time, esc


@dataclass
class RenderedBrief:
    """Everything a host template places on a brief page; all of it is escaped HTML."""

    header: str
    body: str
    sourcing: str  # the sidebar
    toc: list[Heading]
    problems: Problems = field(default_factory=Problems)
    glossary: str = ""  # hidden definitions of the linked terms, placed after the body
    timeline: str = ""  # the events in order, placed after the body
    head: str = ""  # for <head>: JSON-LD, Open Graph and Twitter meta
    tags: str = ""  # links to the tag pages
    corrections: str = ""
    status: str = ""  # the "Draft" or "Scheduled" banner (only `mkdocs serve` shows such briefs)
    lead_image: str = ""  # the lead image's figure, right after the header
    story: str = ""  # the story's name, near the headline
    story_nav: str = ""  # previous and next brief of the story, at the end
    related: str = ""  # "Go deeper": related briefs, at the end


@dataclass(frozen=True)
class RenderedBody:
    """The body's HTML with its links resolved, and what rendering it found."""

    html: str
    problems: Problems
    terms: tuple[str, ...]  # ids of the glossary terms linked, in first-use order


def render_body_html(
    brief: Brief, resolve_link: LinkResolver | None = None, glossary_url: str = ""
) -> RenderedBody:
    """The body alone: a host may render the other fragments later (see render_brief)."""
    # Rendered right after parsing, unless the brief was parsed without it.
    prerendered = brief.body.prerendered or prerender(brief)
    problems = Problems()
    html = finish(
        prerendered, brief.path, resolve_link, glossary_url, problems, inherited_dates(brief)
    )
    return RenderedBody(html, problems, prerendered.terms)


def inherited_dates(brief: Brief) -> dict[str, str]:
    """The dates this build gave the brief's `same-as` events that wrote none."""
    return {
        event.id: machine_date(event.when)
        for event in brief.events
        if not event.own_date and event.when.start is not None
    }


def render_brief(
    brief: Brief,
    *,
    body: RenderedBody | None = None,
    resolve_link: LinkResolver | None = None,
    kinds_page_url: str = "",
    glossary: Glossary | None = None,
    glossary_links: DefinitionLinks | None = None,
    site: SiteInfo | None = None,
    root: str = "",
    links: BriefLinks | None = None,
    social_cards: bool = False,
) -> RenderedBrief:
    """Render every fragment; `kinds_page_url` leads to "How we label sources".

    `body`: the body as `render_body_html` made it, else it is rendered now.
    `glossary`: the site's glossary, which defines the terms the body links.
    `root` is the relative path from the brief's page to the site root.
    `links`: what the site-wide pass found of the other briefs (core/site/links.py).
    `social_cards`: another plugin writes the Open Graph and Twitter tags.
    """
    links = links or BriefLinks()
    terms = glossary_links or DefinitionLinks()
    if body is None:
        body = render_body_html(brief, resolve_link, terms.glossary_url)
    sourcing = analyse_sourcing(brief)
    site = site or SiteInfo(name="")
    return RenderedBrief(
        header=render_header(
            brief,
            render_sourcing_summary(sourcing, kinds_page_url),
            kinds_page_url=kinds_page_url,
            newsroom=site.newsroom,
            root=root,
        ),
        body=body.html,
        sourcing=render_sourcing(sourcing, kinds_page_url),
        toc=brief_toc(brief),
        problems=body.problems,
        glossary=render_term_definitions(body.terms, glossary or Glossary.empty(), terms),
        timeline=render_timeline(brief),
        head=render_head(brief, site, links.story, social_cards=social_cards),
        tags=render_brief_tags(brief, root),
        corrections=render_corrections(brief),
        status=render_status(brief),
        # The copy of the image is beside the page: its address is its file name.
        lead_image=render_lead_image(brief, brief.lead.name) if brief.lead else "",
        story=render_story_label(links, root),
        story_nav=render_story_nav(links, root),
        related=render_related(links, root),
    )


HEADLINE_ANCHOR = "brief-headline"


def brief_toc(brief: Brief) -> list[Heading]:
    """The page's table of contents: the headline (where "Skip to content" leads), the
    body's headings and labels, then the timeline."""
    headline = Heading(1, brief.title, HEADLINE_ANCHOR)
    return [headline, *brief.body.headings, *timeline_toc(brief)]


def render_header(
    brief: Brief,
    sourcing_summary: str = "",
    *,
    kinds_page_url: str = "",
    newsroom: str = "",
    root: str = "",
) -> str:
    """Type, headline, byline, dateline, length ("350 words · 2 min") and the one
    sourcing summary. The byline names the authors (linked to their pages from `root`
    when the site's authors file knows them), else the newsroom."""
    published = brief.published
    type_name = esc(TYPE_NAMES[brief.type])
    if kinds_page_url:
        type_name = (
            f'<a href="{esc(kinds_page_url)}#{type_anchor(brief.type)}">{type_name}'
            '<span class="brief-visually-hidden">: what this type means</span></a>'
        )
    parts = [
        f'<p class="brief-header__type brief-header__type--{brief.type.key}">{type_name}</p>',
        f'<h1 class="brief-header__title" id="{HEADLINE_ANCHOR}">{esc(brief.title)}</h1>',
    ]
    byline = render_byline(brief, root)
    if byline:
        parts.append(byline.rstrip("\n"))
    elif newsroom:
        parts.append(f'<p class="brief-header__byline brief-byline">By {esc(newsroom)}</p>')
    if brief.published_has_time:
        machine = published.isoformat()
        shown = f"{ap_date(published.date())}, {ap_time(published)}"
    else:
        machine, shown = published.date().isoformat(), ap_date(published.date())
    dateline = [f'<time datetime="{machine}">{esc(shown)}</time>']
    if brief.updated:
        updated = brief.updated
        if brief.updated_has_time:
            machine, shown = updated.isoformat(), f"{ap_date(updated.date())}, {ap_time(updated)}"
        else:  # no made-up "12 a.m." for an update written as a date
            machine, shown = updated.date().isoformat(), ap_date(updated.date())
        stamp = f'Updated <time datetime="{machine}">{esc(shown)}</time>'
        if brief.corrections:  # the update leads to what was corrected
            stamp = f'<a href="#{CORRECTIONS_ANCHOR}">{stamp}</a>'
        dateline.append(stamp)
    parts.append(f'<p class="brief-header__dateline">{" · ".join(dateline)}</p>')
    length = render_reading_time(brief.words)
    if length:
        parts.append(length.rstrip("\n"))
    if sourcing_summary:
        parts.append(sourcing_summary)
    return '<header class="brief-header">\n' + "\n".join(parts) + "\n</header>\n"
