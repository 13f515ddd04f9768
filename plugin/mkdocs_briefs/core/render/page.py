"""The brief page's fragments: header, body, and the parts features add."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..glossary import Glossary
from ..markdown.glossary_links import linked_terms
from ..markdown.pipeline import render_body
from ..markdown.render_rules import LinkResolver, RenderContext
from ..model import Brief, Heading
from ..problems import Problems
from ..sourcing import analyse_sourcing
from .definition import DefinitionLinks, render_term_definitions
from .sourcing import render_sourcing, render_sourcing_summary
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


def render_brief(
    brief: Brief,
    *,
    resolve_link: LinkResolver | None = None,
    kinds_page_url: str = "",
    glossary: Glossary | None = None,
    glossary_links: DefinitionLinks | None = None,
) -> RenderedBrief:
    """Render every fragment; `kinds_page_url` leads to "How we label sources"."""
    terms = glossary_links or DefinitionLinks()
    context = RenderContext(brief=brief, resolve_link=resolve_link, glossary_url=terms.glossary_url)
    body = render_body(brief.body, context)
    sourcing = analyse_sourcing(brief)
    return RenderedBrief(
        header=render_header(brief, render_sourcing_summary(sourcing)),
        body=body,
        sourcing=render_sourcing(sourcing, kinds_page_url),
        toc=list(brief.body.headings) + timeline_toc(brief),
        problems=context.problems,
        glossary=render_term_definitions(
            linked_terms(brief.body.tokens), glossary or Glossary.empty(), terms
        ),
        timeline=render_timeline(brief),
    )


def render_header(brief: Brief, sourcing_summary: str = "") -> str:
    published = brief.published
    parts = [
        f'<p class="brief-header__type">{esc(brief.type.label)}</p>',
        f'<h1 class="brief-header__title">{esc(brief.title)}</h1>',
    ]
    if brief.published_has_time:
        machine = published.isoformat()
        shown = f"{ap_date(published.date())}, {ap_time(published)}"
    else:
        machine, shown = published.date().isoformat(), ap_date(published.date())
    dateline = [f'<time datetime="{machine}">{esc(shown)}</time>']
    if brief.updated:
        dateline.append(
            f'Updated <time datetime="{brief.updated.isoformat()}">'
            f"{esc(ap_date(brief.updated.date()))}, {esc(ap_time(brief.updated))}</time>"
        )
    if brief.authors:
        dateline.insert(0, "By " + esc(_join_names(brief.authors)))
    parts.append(f'<p class="brief-header__dateline">{" · ".join(dateline)}</p>')
    if sourcing_summary:
        parts.append(sourcing_summary)
    return '<header class="brief-header">\n' + "\n".join(parts) + "\n</header>\n"


def _join_names(names: tuple[str, ...]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
