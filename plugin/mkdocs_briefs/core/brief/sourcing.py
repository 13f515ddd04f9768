"""How a brief is sourced: which claims cite each source, and the mix of kinds."""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs_briefs.core.brief.model import Brief, Claim, Event, Source, SourceKind
from mkdocs_briefs.core.problems import Problems


@dataclass(frozen=True, slots=True)
class SourceUse:
    """A source with its number in the sidebar and the claims that cite it."""

    source: Source
    number: int
    claims: tuple[Claim, ...]
    events: tuple[Event, ...] = ()  # timeline events that name this source


@dataclass(frozen=True, slots=True)
class KindCount:
    kind: SourceKind
    count: int

    @property
    def text(self) -> str:
        """`2 anonymous`, `1 on the record`: the label in running text."""
        label = self.kind.label
        # Lower-case reads naturally in a sentence; keep capitals of names like "X".
        return f"{self.count} {label[0].lower()}{label[1:]}"


@dataclass(frozen=True, slots=True)
class Sourcing:
    uses: tuple[SourceUse, ...]
    mix: tuple[KindCount, ...]

    @property
    def total(self) -> int:
        return len(self.uses)

    @property
    def mix_text(self) -> str:
        return " · ".join(count.text for count in self.mix)


def analyse_sourcing(brief: Brief) -> Sourcing:
    """Who backs what in the brief, and the mix of kinds; made once per brief."""
    return brief.derived("sourcing", lambda: _analyse(brief))


def _analyse(brief: Brief) -> Sourcing:
    claims_by_source: dict[str, list[Claim]] = {source_id: [] for source_id in brief.sources}
    for claim in brief.body.claims:
        for source_id in claim.source_ids:
            claims_by_source[source_id].append(claim)
    uses = tuple(
        SourceUse(
            source,
            number,
            tuple(claims_by_source[source.id]),
            tuple(event for event in brief.events if source.id in event.sources),
        )
        for number, source in enumerate(brief.sources.values(), start=1)
    )
    counts: dict[SourceKind, int] = {}
    for source in brief.sources.values():
        counts[source.kind] = counts.get(source.kind, 0) + 1
    kind_order = list(SourceKind)
    # Most common kind first; ties in the contract's order of kinds.
    mix = tuple(
        KindCount(kind, count)
        for kind, count in sorted(counts.items(), key=lambda kc: (-kc[1], kind_order.index(kc[0])))
    )
    return Sourcing(uses, mix)


def check_sourcing(brief: Brief, problems: Problems) -> None:
    """A declared source that neither a claim nor an event cites is likely forgotten."""
    cited = {source_id for claim in brief.body.claims for source_id in claim.source_ids}
    cited.update(source_id for event in brief.events for source_id in event.sources)
    for source in brief.sources.values():
        if source.id not in cited:
            problems.warning(
                source.location,
                f"source '{source.id}' is declared but never cited: add [@{source.id}] "
                "after the sentence it supports, or remove it",
            )
