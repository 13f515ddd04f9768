"""Writing cache entries as an attacker would, and as the user's own key would sign them."""

from __future__ import annotations

import pickle
import zlib
from pathlib import Path

from mkdocs_briefs.core.cache.key import user_key
from mkdocs_briefs.core.cache.pickles import SUFFIX, RecordFolder, dump_record, sealed


def entry_path(records: RecordFolder, key: str) -> Path:
    return records.folder / (key + SUFFIX)


def plant(records: RecordFolder, key: str, data: bytes, *, signed: bool) -> Path:
    """Put `data` (a compressed pickle) where `records` keeps `key`: signed with the user's
    key (only the checks after the signature stand in the way), or with another key (as a
    committed or crafted file would be)."""
    secret = user_key() if signed else b"\x01" * 32
    assert secret is not None
    path = entry_path(records, key)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(sealed(secret, records.kind, records.signed_name(path.name), data))
    return path


def plant_record(records: RecordFolder, key: str, record: object, *, signed: bool) -> Path:
    return plant(records, key, dump_record(record), signed=signed)


def pickled(value: object) -> bytes:
    """A compressed pickle made by the standard pickler: anything it can write."""
    return zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
