"""Summaries of the measured builds, printed as small tables."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from operator import sub, truediv
from statistics import median

from .measure import BuildResult


def _runs(runs: int) -> str:
    return f"{runs} run{'s' if runs != 1 else ''} each, median"


@dataclass(frozen=True)
class Runs:
    """Several measured builds of one site."""

    results: tuple[BuildResult, ...]

    @property
    def seconds(self) -> float:
        return median(r.seconds for r in self.results)

    @property
    def peak_mib(self) -> float:
        return median(r.max_rss_kib for r in self.results) / 1024

    def ms_per_page(self, pages: int) -> float:
        return self.seconds * 1000 / pages


def paired_median(first: Runs, second: Runs, compare: Callable[[float, float], float]) -> float:
    """The median of `compare` over the builds of each round (first[i], second[i]).

    The sites of a round are built one right after the other, so a drift of the
    machine's speed between rounds cancels out, as it does not in a comparison
    of the two medians.
    """
    pairs = zip(first.results, second.results, strict=True)
    return median(compare(a.seconds, b.seconds) for a, b in pairs)


@dataclass(frozen=True)
class SizeResult:
    size: int
    briefs: Runs  # builds that find the cache of the build before, as most builds do
    plain: Runs
    briefs_cold: Runs | None = None  # first builds: no cache

    @property
    def cold_time_ratio(self) -> float | None:
        return paired_median(self.briefs_cold, self.plain, truediv) if self.briefs_cold else None

    @property
    def cold_memory_ratio(self) -> float | None:
        return self.briefs_cold.peak_mib / self.plain.peak_mib if self.briefs_cold else None

    @property
    def time_ratio(self) -> float:
        return paired_median(self.briefs, self.plain, truediv)

    @property
    def memory_ratio(self) -> float:
        return self.briefs.peak_mib / self.plain.peak_mib


@dataclass(frozen=True)
class GlossaryResult:
    size: int  # briefs in the site
    small_terms: int
    large_terms: int
    small: Runs
    large: Runs
    supported: bool  # whether the plugin uses the glossary on this branch
    small_cold: Runs | None = None  # first builds: no cache
    large_cold: Runs | None = None

    @property
    def ms_per_brief(self) -> float:
        return paired_median(self.large, self.small, sub) * 1000 / self.size

    @property
    def ms_per_brief_cold(self) -> float | None:
        if self.small_cold is None or self.large_cold is None:
            return None
        return paired_median(self.large_cold, self.small_cold, sub) * 1000 / self.size


def size_table(result: SizeResult, runs: int) -> str:
    lines = [
        f"== {result.size:,} briefs ({_runs(runs)}) ==",
        f"{'site':<18}{'wall s':>10}{'ms/page':>10}{'peak MiB':>10}",
    ]
    sites = [("briefs", result.briefs), ("briefs, no cache", result.briefs_cold)]
    for name, site in (*sites, ("plain", result.plain)):
        if site is not None:
            lines.append(
                f"{name:<18}{site.seconds:>10.2f}{site.ms_per_page(result.size):>10.2f}"
                f"{site.peak_mib:>10.1f}"
            )
    lines.append(
        f"briefs / plain: time {result.time_ratio:.2f}x (median of each round's ratio), "
        f"memory {result.memory_ratio:.2f}x"
    )
    if result.cold_time_ratio is not None and result.cold_memory_ratio is not None:
        lines.append(
            f"first build (no cache) / plain: time {result.cold_time_ratio:.2f}x, "
            f"memory {result.cold_memory_ratio:.2f}x"
        )
    return "\n".join(lines)


def scaling_line(small: SizeResult, large: SizeResult) -> str:
    briefs = large.briefs.seconds / small.briefs.seconds
    plain = large.plain.seconds / small.plain.seconds
    return (
        f"t({large.size:,}) / t({small.size:,}): briefs {briefs:.2f}, "
        f"plain {plain:.2f} (for reference; pages grew {large.size / small.size:.1f}x)"
    )


def glossary_table(result: GlossaryResult, runs: int) -> str:
    lines = [f"== Glossary cost at {result.size:,} briefs ({_runs(runs)}) =="]
    for terms, site in ((result.small_terms, result.small), (result.large_terms, result.large)):
        lines.append(f"{terms:>6,} terms: {site.seconds:.2f} s, peak {site.peak_mib:.1f} MiB")
    lines.append(
        f"difference: {result.ms_per_brief:+.3f} ms per brief "
        f"({result.large_terms:,} terms minus {result.small_terms:,}; "
        "median of each round's difference)"
    )
    if result.ms_per_brief_cold is not None:
        lines.append(f"first builds (no cache): {result.ms_per_brief_cold:+.3f} ms per brief")
    if not result.supported:
        lines.append(
            "note: the plugin does not use the glossary on this code yet; the files are "
            "generated and the numbers become meaningful once it does"
        )
    return "\n".join(lines)
