"""What `briefs check` found in each brief file, kept by content between runs.

A brief's own problems, page URL, glossary terms and relative links depend only
on its bytes, its path, the site's time zone and glossary, and this package's
code; all of them are in the key. Relative links are resolved again on every
run, since the files they point to may have changed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .. import __version__
from .problems import Location, Problem, Severity
from .reader import MAX_GLOSSARY_BYTES, read_bounded

CACHE_DIR = ".briefs-cache"
CACHE_FILE = "check.json"
FORMAT = 1  # bump when what a cached entry means changes
PACKAGE_DIR = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class BriefFindings:
    """Everything checking one brief file found, before links are resolved."""

    url: str | None  # None when the brief cannot be built
    problems: tuple[Problem, ...]
    terms: tuple[str, ...] = ()
    links: tuple[tuple[str, int], ...] = ()  # relative links: (href, file line)


def site_fingerprint(timezone: str, glossary: Path | None) -> str:
    digest = hashlib.sha256(f"{FORMAT}\0{code_fingerprint()}\0{timezone}\0".encode())
    if glossary is not None and glossary.is_file():
        # Bounded: an oversized glossary is refused by its loader, never read whole.
        with contextlib.suppress(OSError):
            digest.update(read_bounded(glossary, MAX_GLOSSARY_BYTES))
    return digest.hexdigest()


@cache
def code_fingerprint() -> str:
    """This package's version and code, and the parsers it uses: a change to any of them
    may change what a brief parses to, so it starts the caches afresh."""
    import markdown_it  # imported by the parser already: named here for its version
    import yaml

    digest = hashlib.sha256(
        f"{__version__}\0{markdown_it.__version__}\0{yaml.__version__}\0".encode()
    )
    for module in sorted(PACKAGE_DIR.rglob("*.py")):
        digest.update(module.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0")
        digest.update(module.read_bytes())
    return digest.hexdigest()


def brief_key(shown: str, data: bytes, fingerprint: str) -> str:
    return hashlib.sha256(f"{fingerprint}\0{shown}\0".encode() + data).hexdigest()


class CheckCache:
    """A JSON file of findings by key; entries not used in a run are dropped on save."""

    def __init__(self, project_dir: Path) -> None:
        self.path = project_dir / CACHE_DIR / CACHE_FILE
        self._old: dict[str, dict] = {}
        self._new: dict[str, dict] = {}
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(loaded, dict):
                self._old = loaded
        except (OSError, ValueError):
            pass  # no cache or an unreadable one: check everything

    def get(self, key: str) -> BriefFindings | None:
        entry = self._old.get(key)
        if entry is None:
            return None
        try:
            findings = _from_json(entry)
        except (KeyError, TypeError, ValueError):
            return None
        self._new[key] = entry
        return findings

    def put(self, key: str, findings: BriefFindings) -> None:
        self._new[key] = _to_json(findings)

    def save(self) -> None:
        """Best effort: a read-only checkout still gets its check, just no cache."""
        try:
            make_cache_dir(self.path.parent)
            temporary = self.path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(json.dumps(self._new, sort_keys=True), encoding="utf-8")
            temporary.replace(self.path)
        except OSError:
            pass


def make_cache_dir(folder: Path) -> None:
    """The cache folder, ignored by git whatever the project's own .gitignore says."""
    folder.mkdir(parents=True, exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("*\n", encoding="utf-8")


def _to_json(findings: BriefFindings) -> dict:
    return {
        "url": findings.url,
        "problems": [
            [p.location.path, p.location.line, p.location.col, p.severity.value, p.message]
            for p in findings.problems
        ],
        "terms": list(findings.terms),
        "links": [list(link) for link in findings.links],
    }


def _from_json(entry: dict) -> BriefFindings:
    return BriefFindings(
        url=entry["url"],
        problems=tuple(
            Problem(Location(path, line, col), message, Severity(severity))
            for path, line, col, severity, message in entry["problems"]
        ),
        terms=tuple(entry["terms"]),
        links=tuple((str(href), int(line)) for href, line in entry["links"]),
    )
