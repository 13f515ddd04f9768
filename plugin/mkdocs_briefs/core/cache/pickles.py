"""The model's records as signed pickles on disk, read back without running code.

Caches keep parsed briefs and the loaded glossary in the project's cache folder,
which anyone who can commit to the project can fill. So a record is read only
if it carries the user's signature (cache/key.py), made for that file name and
kind of record; it is decompressed only up to a size; it is unpickled by a
reader that can make nothing but the model's own records (and the dates and
time zones in them), so no file can run code; and it must then pass the checks
of cache/records.py. Anything else, or a damaged file, reads as missing.
Files are reached only through real folders, never a link (cache/folder.py).
"""

from __future__ import annotations

import contextlib
import enum
import io
import pickle
import re
import zlib
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, Generic, TypeVar
from zoneinfo import ZoneInfo

from mkdocs_briefs.core.brief import model
from mkdocs_briefs.core.brief.dates import PartOfDay, ResolvedWhen
from mkdocs_briefs.core.brief.markdown.prerender import PrerenderedBody
from mkdocs_briefs.core.brief.parse import ParsedFile
from mkdocs_briefs.core.cache.folder import (
    open_folder,
    own_files,
    own_names,
    read_file,
    remove_own_file,
    touch,
    write_file,
)
from mkdocs_briefs.core.cache.key import SIGNATURE_SIZE, sign, signed_by, user_key
from mkdocs_briefs.core.glossary.terms import Glossary, GlossaryTerm, LoadedGlossary
from mkdocs_briefs.core.packed import MAX_UNPACKED, inflate
from mkdocs_briefs.core.problems import Location, Problem, Severity

T = TypeVar("T")
SUFFIX = ".pickle"
KEY_PATTERN = "[0-9a-f]{64}"  # a key is a SHA-256 in hex (check_cache.brief_key)
ENTRY_NAMES = own_names(KEY_PATTERN + re.escape(SUFFIX))
_KEY = re.compile(KEY_PATTERN + r"\Z")
_MAGIC = b"mkdocs-briefs 2\n"  # what the file is, and the version of its layout
MAX_ENTRY = MAX_UNPACKED  # bytes, on disk and decompressed: a brief's parse is far smaller

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
    an `expected`, is larger than `MAX_ENTRY` once decompressed, or is not the model's."""
    loaded = _ModelUnpickler(io.BytesIO(inflate(data, MAX_ENTRY))).load()
    if not isinstance(loaded, expected):
        raise ValueError(f"not a {expected.__name__}")
    return loaded


def sealed(key: bytes, kind: str, name: str, data: bytes) -> bytes:
    """The file's bytes for a record's (`dump_record`): what it is, the signature, the data."""
    return _MAGIC + sign(key, kind, name, data) + data


def unsealed(key: bytes, kind: str, name: str, stored: bytes) -> bytes:
    """The record's bytes in a file from `sealed`; ValueError if it was not signed
    with `key` as this kind and name."""
    start = len(_MAGIC) + SIGNATURE_SIZE
    if not stored.startswith(_MAGIC) or len(stored) < start:
        raise ValueError("not a cache entry of this version")
    signature, data = stored[len(_MAGIC) : start], stored[start:]
    if not signed_by(key, signature, kind, name, data):
        raise ValueError("not signed with this user's key")
    return data


class RecordFolder(Generic[T]):
    """One file per record, named by its key, in a folder of the cache (`parts` below
    `cache_dir`). Best effort: an unreadable or doubtful entry is missing, and a
    read-only checkout still builds, only without keeping anything."""

    def __init__(
        self,
        cache_dir: Path,
        parts: Sequence[str],
        kind: type[T],
        valid: Callable[[T, str], bool],
    ) -> None:
        self.cache_dir = cache_dir  # the project's cache folder, which git is told to ignore
        self.parts = tuple(parts)
        self.folder = cache_dir.joinpath(*self.parts)
        self._kind = kind
        self._valid = valid
        self._secret: bytes | None = None  # the user's key, looked up once

    def _key(self) -> bytes | None:
        if self._secret is None:
            self._secret = user_key()
        return self._secret

    def get(self, key: str, shown: str) -> T | None:
        """The record kept for `key`, made from the file shown as `shown`."""
        name = _entry_name(key)
        secret = self._key()
        if secret is None:
            return None
        try:
            with open_folder(self.cache_dir, self.parts) as folder:
                stored = read_file(folder, name, MAX_ENTRY)
            data = unsealed(secret, self.kind, self.signed_name(name), stored)
            record = load_record(data, self._kind)
            return record if self._valid(record, shown) else None
        except Exception:  # missing, damaged or made elsewhere, in whatever way: made again
            return None

    def put(self, key: str, record: object) -> None:
        name = _entry_name(key)
        secret = self._key()
        if secret is None:
            return
        stored = sealed(secret, self.kind, self.signed_name(name), dump_record(record))
        with (
            contextlib.suppress(OSError),
            open_folder(self.cache_dir, self.parts, create=True) as folder,
        ):
            write_file(folder, name, stored)

    def touch(self, key: str) -> None:
        """Mark the entry as used now: kept longest."""
        with contextlib.suppress(OSError), open_folder(self.cache_dir, self.parts) as folder:
            touch(folder, _entry_name(key))

    def keep_only(self, keys: set[str]) -> None:
        """Remove every entry but those of `keys`, and mark the folder as used now."""
        kept = {_entry_name(key) for key in keys}
        with contextlib.suppress(OSError), open_folder(self.cache_dir, self.parts) as folder:
            for entry in own_files(folder, ENTRY_NAMES):
                if entry.name not in kept:
                    remove_own_file(folder, entry.name)
            touch(folder)

    def keep_newest(self, count: int) -> None:
        """Remove all but the `count` most recently written or used entries."""
        with contextlib.suppress(OSError), open_folder(self.cache_dir, self.parts) as folder:
            for entry in own_files(folder, ENTRY_NAMES)[count:]:
                remove_own_file(folder, entry.name)

    @property
    def kind(self) -> str:
        """What the records are, as signed."""
        return self._kind.__qualname__

    def signed_name(self, name: str) -> str:
        """The entry's name as signed: its path in the cache folder."""
        return "/".join((*self.parts, name))


def _entry_name(key: str) -> str:
    if not _KEY.match(key):
        raise ValueError(f"not a cache key: {key!r}")
    return key + SUFFIX
