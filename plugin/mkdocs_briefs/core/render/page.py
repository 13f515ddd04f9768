"""The brief page's fragments: header, body, and the parts features add."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..glossary import Glossary
from ..markdown.prerender import finish, prerender
from ..markdown.render_rules import LinkResolver
from ..model import Brief, Heading
from ..problems import Problems
from ..siteinfo import SiteInfo
from ..sourcing import analyse_sourcing
from .brief_types import TYPE_NAMES, type_anchor
from .corrections import CORRECTIONS_ANCHOR, render_corrections
from .definition import DefinitionLinks, render_term_definitions
from .meta import render_head
from .sourcing import render_sourcing, render_sourcing_summary
from .tags import render_brief_tags
from .text import ap_date, ap_time, esc
from .timeline import render_timeline, timeline_toc


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
    html = finish(prerendered, brief.path, resolve_link, glossary_url, problems)
    return RenderedBody(html, problems, prerendered.terms)


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
) -> RenderedBrief:
    """Render every fragment; `kinds_page_url` leads to "How we label sources".

    `body`: the body as `render_body_html` made it, else it is rendered now.
    `glossary`: the site's glossary, which defines the terms the body links.
    `root` is the relative path from the brief's page to the site root.
    """
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
        ),
        body=body.html,
        sourcing=render_sourcing(sourcing, kinds_page_url),
        toc=brief_toc(brief),
        problems=body.problems,
        glossary=render_term_definitions(body.terms, glossary or Glossary.empty(), terms),
        timeline=render_timeline(brief),
        head=render_head(brief, site),
        tags=render_brief_tags(brief, root),
        corrections=render_corrections(brief),
    )


HEADLINE_ANCHOR = "brief-headline"


def brief_toc(brief: Brief) -> list[Heading]:
    """The page's table of contents: the headline (where "Skip to content" leads), the
    body's headings and labels, then the timeline."""
    headline = Heading(1, brief.title, HEADLINE_ANCHOR)
    return [headline, *brief.body.headings, *timeline_toc(brief)]


def render_header(
    brief: Brief, sourcing_summary: str = "", *, kinds_page_url: str = "", newsroom: str = ""
) -> str:
    """Type, headline, byline, dateline and the one sourcing summary."""
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
    byline = _join_names(brief.authors) if brief.authors else newsroom
    if byline:
        parts.append(f'<p class="brief-header__byline">By {esc(byline)}</p>')
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
    if sourcing_summary:
        parts.append(sourcing_summary)
    return '<header class="brief-header">\n' + "\n".join(parts) + "\n</header>\n"


def _join_names(names: tuple[str, ...]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
