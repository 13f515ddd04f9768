"""Site-wide glossary checks that need every brief: terms no brief uses.

An unused term is worth knowing (a typo in its aliases, or a term nobody
needs) but is not a mistake, so it is reported at INFO and never fails a
strict build.
"""

from __future__ import annotations

from collections.abc import Iterable

from mkdocs_briefs.core.brief.model import Brief
from mkdocs_briefs.core.glossary.terms import Glossary
from mkdocs_briefs.core.problems import Problem, Severity


def unused_terms(glossary: Glossary, briefs: Iterable[Brief]) -> list[Problem]:
    return unused_among(glossary, {term_id for brief in briefs for term_id in brief.body.terms})


def unused_among(glossary: Glossary, used: set[str]) -> list[Problem]:
    """The notices for terms whose ids are not in `used` (what `briefs check` collects)."""
    return [
        Problem(
            term.location,
            f"the glossary term '{term.id}' is used in no brief: check its term and aliases "
            "against how briefs write it, or remove it if no brief needs it",
            Severity.INFO,
        )
        for term in glossary
        if term.id not in used
    ]
