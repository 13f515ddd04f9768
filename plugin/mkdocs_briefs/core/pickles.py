"""The model's records as pickles on disk, read back without running code.

Caches keep parsed briefs and the loaded glossary in the project's cache folder.
They are read with an unpickler that can make nothing but the model's own
records (and the dates and time zones in them): a file put into the folder
cannot run code. Anything else, or a damaged file, reads as missing.
"""

from __future__ import annotations

import contextlib
import enum
import io
import os
import pickle
import zlib
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from . import model
from .check_cache import make_cache_dir
from .dates import PartOfDay, ResolvedWhen
from .glossary import Glossary, GlossaryTerm, LoadedGlossary
from .markdown.prerender import PrerenderedBody
from .parsed import ParsedFile
from .problems import Location, Problem, Severity

T = TypeVar("T")
SUFFIX = ".pickle"

# Everything a parsed brief or a loaded glossary is made of, and nothing else.
_RECORDS: tuple[type, ...] = (
    ParsedFile,
    model.Brief,
    model.Body,
    model.Source,
    model.Event,
    model.Correction,
    model.LeadImage,
    model.Section,
    model.Heading,
    model.Claim,
    model.Mention,
    ResolvedWhen,
    PrerenderedBody,
    Glossary,
    GlossaryTerm,
    LoadedGlossary,
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
    raise pickle.UnpicklingError(f"not part of the model: {owner!r}.{name!r}")


class _ModelUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("builtins", "getattr"):
            return _attribute
        try:
            return _ALLOWED[(module, name)]
        except KeyError:
            raise pickle.UnpicklingError(f"not part of the model: {module}.{name}") from None


def dump_record(record: object) -> bytes:
    # Level 1: the HTML in a parse shrinks about four times, for little time.
    return zlib.compress(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL), 1)


def load_record(data: bytes, expected: type[T]) -> T:
    """What `dump_record` wrote; raises ValueError (or an unpickling error) if it is not
    an `expected`, or not the model's at all."""
    loaded = _ModelUnpickler(io.BytesIO(zlib.decompress(data))).load()
    if not isinstance(loaded, expected):
        raise ValueError(f"not a {expected.__name__}")
    return loaded


class RecordFolder:
    """One file per record, named by its key. Best effort: an unreadable entry is missing,
    and a read-only checkout still builds, only without keeping anything."""

    def __init__(self, cache_dir: Path, folder: Path) -> None:
        self.cache_dir = cache_dir  # the project's cache folder, which git is told to ignore
        self.folder = folder
        self._made = False  # the folder exists (checked once per process)

    def get(self, key: str, expected: type[T]) -> T | None:
        try:
            return load_record((self.folder / (key + SUFFIX)).read_bytes(), expected)
        except Exception:  # missing, or damaged in whatever way: made again
            return None

    def put(self, key: str, record: object) -> None:
        path = self.folder / (key + SUFFIX)
        temporary = path.with_name(f"{key}.{os.getpid()}.tmp")
        try:
            if not self._made:
                make_cache_dir(self.cache_dir)
                self.folder.mkdir(parents=True, exist_ok=True)
                self._made = True
            temporary.write_bytes(dump_record(record))
            temporary.replace(path)  # whole or not at all, even with a build running beside
        except OSError:
            with contextlib.suppress(OSError):
                temporary.unlink()


def entries_of(folder: Path) -> list[os.DirEntry[str]]:
    """The folder's entries; none if it cannot be read."""
    try:
        with os.scandir(folder) as entries:
            return list(entries)
    except OSError:
        return []


def newest_first(entries: list[os.DirEntry[str]]) -> list[os.DirEntry[str]]:
    """Most recently written or used first: caches keep the newest few of a kind."""
    return sorted(entries, key=_modified, reverse=True)


def _modified(entry: os.DirEntry[str]) -> float:
    try:
        return entry.stat().st_mtime
    except OSError:
        return 0.0
