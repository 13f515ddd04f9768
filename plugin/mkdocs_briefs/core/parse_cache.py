"""Parsed briefs kept on disk between builds, by content: a build parses only what changed.

Parsing is most of a build's own work, and between two builds of a newsroom's
site almost every brief is unchanged. A parse depends on the file's bytes, its
path, the site's time zone and glossary, and this package's code; all of them
are in its key (check_cache.brief_key), so an entry is never stale, only unused.

Entries are pickles, read back with an unpickler that can make nothing but the
model's own records: a file put in the cache folder cannot run code.
Anything unreadable counts as not cached, and the brief is parsed again.
"""

from __future__ import annotations

import contextlib
import enum
import io
import os
import pickle
import shutil
import zlib
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from . import model
from .check_cache import make_cache_dir
from .dates import PartOfDay, ResolvedWhen
from .markdown.prerender import PrerenderedBody
from .parsed import ParsedFile
from .problems import Location, Problem, Severity

PARSED_DIR = "parsed"  # inside the cache folder, .briefs-cache (check_cache.CACHE_DIR)
_SUFFIX = ".pickle"

# Everything a parsed brief is made of, and nothing else.
_RECORDS: tuple[type, ...] = (
    ParsedFile,
    model.Brief,
    model.Body,
    model.Source,
    model.Event,
    model.Correction,
    model.Section,
    model.Heading,
    model.Citation,
    model.Claim,
    model.Mention,
    ResolvedWhen,
    PrerenderedBody,
    Location,
    Problem,
    date,
    datetime,
    ZoneInfo,
)
_CHOICES: tuple[type[enum.Enum], ...] = (
    model.SourceKind,
    model.EventKind,
    model.BriefType,
    PartOfDay,
    Severity,
)
_ALLOWED: dict[tuple[str, str], Any] = {
    (kind.__module__, kind.__qualname__): kind for kind in (*_RECORDS, *_CHOICES)
}


def _attribute(owner: type, name: str) -> Any:
    """What pickle's `getattr(owner, name)` means here: a choice of the model (an enum
    member), or how a time zone is made again from its name."""
    if owner in _CHOICES and isinstance(name, str):
        return owner[name]  # type: ignore[index]
    if owner is ZoneInfo and name == "_unpickle":
        return ZoneInfo._unpickle  # type: ignore[attr-defined]
    raise pickle.UnpicklingError(f"not part of a parsed brief: {owner!r}.{name!r}")


class _ModelUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("builtins", "getattr"):
            return _attribute
        try:
            return _ALLOWED[(module, name)]
        except KeyError:
            raise pickle.UnpicklingError(f"not part of a parsed brief: {module}.{name}") from None


def dump_parsed(parsed: ParsedFile) -> bytes:
    # Level 1: the HTML in a parse shrinks about four times, for little time.
    return zlib.compress(pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL), 1)


def load_parsed(data: bytes) -> ParsedFile:
    """The parse `dump_parsed` wrote; raises ValueError (or an unpickling error) if not."""
    loaded = _ModelUnpickler(io.BytesIO(zlib.decompress(data))).load()
    if not isinstance(loaded, ParsedFile):
        raise ValueError("not a parsed brief")
    return loaded


class ParseCache:
    """One file per parse, named by its key, in a folder per site fingerprint (the site's
    settings and this package's code): a site built with two configurations, or by two
    versions of the plugin, keeps the parses of each.

    Reads and writes are best effort: an unreadable entry is parsed again, and a read-only
    checkout still builds.
    """

    def __init__(self, cache_dir: Path, fingerprint: str) -> None:
        self.cache_dir = cache_dir
        self.folder = cache_dir / PARSED_DIR / fingerprint[:16]
        self._made = False  # the folder exists (checked once per process)

    def get(self, key: str) -> ParsedFile | None:
        try:
            return load_parsed((self.folder / (key + _SUFFIX)).read_bytes())
        except FileNotFoundError:
            return None
        except Exception:  # a damaged entry, of whatever kind, is a miss
            return None

    def put(self, key: str, parsed: ParsedFile) -> None:
        path = self.folder / (key + _SUFFIX)
        temporary = path.with_name(f"{key}.{os.getpid()}.tmp")
        try:
            if not self._made:
                make_cache_dir(self.cache_dir)
                self.folder.mkdir(parents=True, exist_ok=True)
                self._made = True
            temporary.write_bytes(dump_parsed(parsed))
            temporary.replace(path)  # whole or not at all, even with a build running beside
        except OSError:
            temporary.unlink(missing_ok=True)

    def prune(self, keep: Iterable[str]) -> None:
        """After a build: drop the entries it did not use (briefs edited or deleted since),
        and the folders of all but the most recently built other configurations."""
        names = {key + _SUFFIX for key in keep}
        with contextlib.suppress(OSError):
            _remove_all(entry.path for entry in _entries(self.folder) if entry.name not in names)
            os.utime(self.folder)  # this configuration was built now
        others = [entry for entry in _entries(self.folder.parent) if entry.path != str(self.folder)]
        others.sort(key=_modified, reverse=True)
        for old in others[KEPT_CONFIGURATIONS - 1 :]:
            shutil.rmtree(old.path, ignore_errors=True)


KEPT_CONFIGURATIONS = 4  # folders of site fingerprints kept, this build's included


def _entries(folder: Path) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as entries:
            return list(entries)
    except OSError:
        return []


def _modified(entry: os.DirEntry[str]) -> float:
    try:
        return entry.stat().st_mtime
    except OSError:
        return 0.0


def _remove_all(paths: Iterable[str]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            os.unlink(path)
