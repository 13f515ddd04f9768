"""The reader-facing page "How we label sources": one entry per source kind.

Generated from the same SourceKind labels the briefs use, so the page and the
labels can never drift apart.
"""

from __future__ import annotations

from mkdocs_briefs.core.brief.model import SourceKind
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


def render_kinds_page(root: str = "") -> str:
    entries = "\n".join(
        f'<h2 id="{kind.key}"><span class="brief-kind brief-kind--{kind.key}">'
        f"{esc(kind.label)}</span></h2>\n<p>{esc(EXPLANATIONS[kind])}</p>"
        for kind in SourceKind
    )
    return (
        f"<h1>{esc(KINDS_PAGE_TITLE)}</h1>\n"
        "<p>Every source in a brief carries one of these labels, so you can see at a "
        "glance how each part of the story is known. The sidebar of each brief counts "
        "its sources by label and links every source to the claims it supports.</p>\n"
        f"{entries}\n"
    )
