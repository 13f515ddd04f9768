"""The site-wide pass that links briefs to each other, after every brief is parsed.

Run on every build, never kept with a brief's parse (a brief's links change
when another brief does): `same-as` events are resolved and completed, and
the real events grouped. Linear in the number of events.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from .model import Brief
from .problems import Problem
from .same_as import refs_of, resolve_same_as
from .site_events import complete_events
from .timeline import SiteEvent


@dataclass
class SiteLinks:
    events: list[SiteEvent] = field(default_factory=list)  # one per real event
    problems: list[Problem] = field(default_factory=list)

    def fingerprint(self, brief: Brief) -> str:
        """What the brief's page shows of other briefs, for `mkdocs serve` to compare."""
        digest = hashlib.sha256(repr(brief.events).encode("utf-8", "surrogatepass"))
        return digest.hexdigest()


def link_site(briefs: Sequence[Brief]) -> SiteLinks:
    """`briefs`: every brief of the site (newest first, as the collection lists them)."""
    resolution = resolve_same_as(refs_of(brief) for brief in briefs)
    events = complete_events(briefs, resolution)
    return SiteLinks(events, sorted(resolution.problems, key=lambda p: p.location))
