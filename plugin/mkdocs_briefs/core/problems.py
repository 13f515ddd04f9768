"""Problems found in briefs and the glossary, reported as `file:line:col: message`."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from mkdocs_briefs.core.records import quick_pickle


class Severity(enum.Enum):
    ERROR = "error"  # the brief (or glossary) cannot be built
    WARNING = "warning"  # built, but something is wrong; fails `--strict`
    INFO = "info"  # worth knowing, never fails a build


@quick_pickle
@dataclass(frozen=True, order=True, slots=True)
class Location:
    """Where a problem is: a file path as the author knows it, 1-based line and column."""

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.path
        if not self.col:
            return f"{self.path}:{self.line}"
        return f"{self.path}:{self.line}:{self.col}"


@quick_pickle
@dataclass(frozen=True, slots=True)
class Problem:
    location: Location
    message: str
    severity: Severity = Severity.WARNING

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


@dataclass
class Problems:
    """Collects problems; parsing never stops at the first one."""

    items: list[Problem] = field(default_factory=list)

    def add(self, location: Location, message: str, severity: Severity = Severity.WARNING) -> None:
        self.items.append(Problem(location, message, severity))

    def error(self, location: Location, message: str) -> None:
        self.add(location, message, Severity.ERROR)

    def warning(self, location: Location, message: str) -> None:
        self.add(location, message, Severity.WARNING)

    def info(self, location: Location, message: str) -> None:
        self.add(location, message, Severity.INFO)

    def extend(self, other: Problems | list[Problem]) -> None:
        self.items.extend(other.items if isinstance(other, Problems) else other)

    @property
    def has_errors(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.items)

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)
