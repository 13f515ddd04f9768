"""The reader-facing glossary page: every term A-Z, with the newest briefs that use it.

Generated from the glossary file and the parsed briefs, so "Used in" always
matches the links the briefs actually make.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from mkdocs_briefs.core.brief.model import Brief
from mkdocs_briefs.core.glossary.terms import Glossary, GlossaryTerm
from mkdocs_briefs.core.render.definition import DefinitionLinks, render_definition
from mkdocs_briefs.core.text import ap_date, esc

GLOSSARY_PAGE_TITLE = "Glossary"
GLOSSARY_PAGE_DESCRIPTION = "Plain definitions of the terms our briefs use."
OTHER_LETTER = "#"  # terms that start with a digit or a non-Latin letter
# Newest briefs listed under a term. A common term is linked by hundreds of briefs in a
# few years: listing them all made the page megabytes long, too much for a phone.
USED_IN_SHOWN = 5


def letter_of(term: GlossaryTerm) -> str:
    """The index letter: the first letter without accents, upper-case, else '#'."""
    first = unicodedata.normalize("NFKD", term.term.strip()[:1])[:1].upper()
    return first if "A" <= first <= "Z" else OTHER_LETTER


def letter_anchor(letter: str) -> str:
    return "letter-other" if letter == OTHER_LETTER else f"letter-{letter.lower()}"


def term_uses(glossary: Glossary, briefs: Iterable[Brief]) -> dict[str, list[Brief]]:
    """Term id -> the briefs that link it, in the order given (newest first)."""
    uses: dict[str, list[Brief]] = {term.id: [] for term in glossary}
    for brief in briefs:
        for term_id in brief.body.terms:
            if term_id in uses:
                uses[term_id].append(brief)
    return uses


def render_glossary_page(glossary: Glossary, briefs: Iterable[Brief], root: str = "") -> str:
    """The page's HTML; `root` leads from the page to the site root, e.g. "../"."""
    intro = (
        f"<h1>{esc(GLOSSARY_PAGE_TITLE)}</h1>\n"
        "<p>Plain definitions of the terms our briefs use. In a brief, a term with a "
        "dotted underline links here: point at it, focus it or tap it to read its "
        "definition without leaving the story.</p>\n"
    )
    if not len(glossary):
        return intro + "<p>The glossary has no terms yet.</p>\n"
    uses = term_uses(glossary, briefs)
    links = DefinitionLinks(root=root, glossary_url="")
    groups: dict[str, list[GlossaryTerm]] = {}
    # "#" (digits, other scripts) first, then A-Z; by the visible term inside a letter.
    for term in sorted(glossary, key=lambda t: (_letter_key(t), t.term.casefold(), t.id)):
        groups.setdefault(letter_of(term), []).append(term)
    index = "".join(
        f'<li><a href="#{letter_anchor(letter)}">{esc(letter)}</a></li>' for letter in groups
    )
    sections = "\n".join(
        f'<section class="brief-glossary__letter" aria-labelledby="{letter_anchor(letter)}">\n'
        f'<h2 id="{letter_anchor(letter)}">{esc(letter)}</h2>\n<dl class="brief-glossary">\n'
        + "\n".join(_entry(term, glossary, uses[term.id], links, root) for term in terms)
        + "\n</dl>\n</section>"
        for letter, terms in groups.items()
    )
    return (
        intro + '<nav class="brief-glossary__index" aria-label="Terms by first letter">'
        f"<ul>{index}</ul></nav>\n{sections}\n"
    )


def _letter_key(term: GlossaryTerm) -> tuple[int, str]:
    letter = letter_of(term)
    return (0, "") if letter == OTHER_LETTER else (1, letter)


def _entry(
    term: GlossaryTerm,
    glossary: Glossary,
    used_in: list[Brief],
    links: DefinitionLinks,
    root: str,
) -> str:
    parts = [
        f"<dt><dfn>{esc(term.term)}</dfn></dt>",
        f'<dd class="brief-glossary__definition">{render_definition(term, glossary, links)}</dd>',
    ]
    if term.aliases:
        parts.append(
            '<dd class="brief-glossary__aliases">Also written: '
            + ", ".join(f"<i>{esc(alias)}</i>" for alias in term.aliases)
            + "</dd>"
        )
    see = [glossary.terms[ref] for ref in term.see if ref in glossary]
    if see:
        parts.append(
            '<dd class="brief-glossary__see">See also: '
            + ", ".join(f'<a href="#{other.id}">{esc(other.term)}</a>' for other in see)
            + "</dd>"
        )
    if used_in:
        items = "".join(_used_in_item(brief, root) for brief in used_in[:USED_IN_SHOWN])
        earlier = len(used_in) - USED_IN_SHOWN
        more = (
            f'<span class="brief-glossary__more">and {earlier:,} earlier '
            f"brief{'s' if earlier > 1 else ''}</span>"
            if earlier > 0
            else ""
        )
        parts.append(
            # Left out of the search index: it repeats briefs' titles under every term.
            '<dd class="brief-glossary__used" data-search-exclude>'
            f'<span class="brief-glossary__used-label">Used in</span><ul>{items}</ul>{more}</dd>'
        )
    return f'<div class="brief-glossary__entry" id="{term.id}">\n' + "\n".join(parts) + "\n</div>"


def _used_in_item(brief: Brief, root: str) -> str:
    def make() -> str:
        day = brief.published.date()
        return (
            f'<li><a href="{esc(root + brief.url)}">{esc(brief.title)}</a>, '
            f'<time datetime="{day.isoformat()}">{esc(ap_date(day))}</time></li>'
        )

    return brief.derived(("used in", root), make)
