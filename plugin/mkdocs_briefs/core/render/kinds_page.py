"""The reader-facing page "How we label sources": one entry per source kind.

Generated from the same SourceKind labels the briefs use, so the page and the
labels can never drift apart.
"""

from __future__ import annotations

from mkdocs_briefs.core.brief.model import BriefType, SourceKind
from mkdocs_briefs.core.render.brief_types import TYPE_NAMES, type_anchor
from mkdocs_briefs.core.text import esc

KINDS_PAGE_TITLE = "How we label sources"

EXPLANATIONS: dict[SourceKind, str] = {
    SourceKind.NAMED: (
        "A person identified by name who spoke on the record: what they said is attributed to them."
    ),
    SourceKind.ANONYMOUS: (
        "A person the brief does not name, such as “a source with knowledge of the "
        "call”. Readers cannot check who they are, so the brief says how they know "
        "what they describe."
    ),
    SourceKind.STATEMENT: (
        "An official statement or release of an organization, such as a government, "
        "a ministry or a company."
    ),
    SourceKind.SOCIAL: (
        "A post on a social network (X, Telegram, ...) published by the person or "
        "organization named."
    ),
    SourceKind.DOCUMENT: "A report, court filing, transcript or data set.",
    SourceKind.MEDIA: "Reporting by another news organization, credited to it.",
    SourceKind.DECLINED: "Asked for comment by our reporters, and declined.",
    SourceKind.NO_RESPONSE: (
        "Asked for comment by our reporters, and had not responded when the brief was published."
    ),
}


TYPE_EXPLANATIONS: dict[BriefType, str] = {
    BriefType.REPORTAGE: (
        "What happened, reported and sourced: who said what, and how each part is known. "
        "It does not argue for a view."
    ),
    BriefType.ANALYSIS: (
        "A reporter's reading of events: what they mean and what may come next, "
        "grounded in the sources it cites."
    ),
    BriefType.BACKGROUND: (
        "Context for the news: how things came to this point, the people and the terms involved."
    ),
    BriefType.OPINION: "A view argued by its author; it is not news reporting.",
}

CORRECTIONS_POLICY = (
    "When a brief gets something wrong, we correct it and say so: the correction is "
    "listed right after the text, with its date, and the brief shows "
    "“Updated” with the time of the change. We never change a brief silently."
)


def _types_section() -> str:
    entries = "\n".join(
        f'<h3 id="{type_anchor(kind)}">{esc(TYPE_NAMES[kind])}</h3>\n'
        f"<p>{esc(TYPE_EXPLANATIONS[kind])}</p>"
        for kind in BriefType
    )
    return (
        '<h2 id="brief-types">Types of brief</h2>\n'
        "<p>Above each headline, the type of the brief says what kind of piece it is.</p>\n"
        f"{entries}\n"
        f'<h2 id="corrections">Corrections</h2>\n<p>{esc(CORRECTIONS_POLICY)}</p>\n'
    )


def render_kinds_page(root: str = "") -> str:
    entries = "\n".join(
        f'<h2 id="{kind.key}"><span class="brief-kind brief-kind--{kind.key}">'
        f"{esc(kind.label)}</span></h2>\n<p>{esc(EXPLANATIONS[kind])}</p>"
        for kind in SourceKind
    )
    return (
        f"<h1>{esc(KINDS_PAGE_TITLE)}</h1>\n"
        "<p>Every source in a brief carries one of these labels, so you can see at a "
        "glance how each part of the story is known. The sourcing bar under each headline counts "
        "its sources by label and links every source to the claims it supports.</p>\n"
        f"{entries}\n"
        f"{_types_section()}"
    )
