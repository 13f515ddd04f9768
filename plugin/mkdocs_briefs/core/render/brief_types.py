"""A brief's type in plain words, as readers see it above the headline and in lists.

Each is explained on "How we label sources" at `#type-<key>`.
"""

from __future__ import annotations

from mkdocs_briefs.core.brief.model import BriefType

TYPE_NAMES = {
    BriefType.REPORTAGE: "News report",
    BriefType.ANALYSIS: "Analysis",
    BriefType.BACKGROUND: "Background",
    BriefType.OPINION: "Opinion",
}


def type_anchor(kind: BriefType) -> str:
    return f"type-{kind.key}"
