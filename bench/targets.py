"""The issue's performance targets, and how a measured value is judged against them."""

from __future__ import annotations

from dataclasses import dataclass

TARGET_SIZE = 1_000  # the briefs count the time and memory targets are set at
SCALING_SIZES = (1_000, 5_000)

TIME_RATIO_MAX = 0.9  # briefs build time / plain build time, at 1,000 briefs
SCALING_MAX = 5.3  # t(5,000) / t(1,000) for the briefs site
MEMORY_RATIO_MAX = 2.5  # briefs peak memory / plain peak memory (at 1,000 and 5,000)
GLOSSARY_MS_PER_BRIEF_MAX = 0.2  # 5,000-term glossary minus 20-term glossary
PREVIEW_SECONDS_MAX = 1.0  # from saving a brief to `mkdocs serve` serving the change
CHECK_SECONDS_MAX = 1.0  # a first `briefs check` of 1,000 briefs (the check's own issue)


@dataclass(frozen=True)
class Verdict:
    name: str
    value: float | None  # None: not measured in this run
    limit: float
    unit: str = ""
    note: str = ""
    judged: bool = True  # False: measured, but not meaningful on this code yet

    @property
    def status(self) -> str:
        if self.value is None or not self.judged:
            return "n/a"
        return "PASS" if self.value <= self.limit else "FAIL"

    def line(self) -> str:
        measured = "not measured" if self.value is None else f"{self.value:.2f}{self.unit}"
        note = f"  ({self.note})" if self.note else ""
        return (
            f"{self.status:<4}  {self.name}: {measured}, target <= {self.limit:g}{self.unit}{note}"
        )
