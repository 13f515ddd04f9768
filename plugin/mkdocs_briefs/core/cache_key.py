"""The user's own secret, which signs what the caches keep in a project.

The cache folder is in the project, and a project's files may come from
anyone: a pull request can commit a crafted cache entry, under the right name,
that holds a page's HTML or a path to write. So every file the caches write is
signed (HMAC-SHA256) with a key kept outside the project, in the user's cache
folder, readable by the user alone; what was not signed with it is not read.
A build that cannot read or make the key keeps nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import stat
from functools import cache
from pathlib import Path

import platformdirs

APP_NAME = "mkdocs-briefs"
KEY_FILE = "key"
SIGNATURE_SIZE = hashlib.sha256().digest_size
_KEY_BYTES = 32
_OTHERS = stat.S_IRWXG | stat.S_IRWXO


def key_path() -> Path:
    """Where the key is: e.g. ~/.cache/mkdocs-briefs/key ($XDG_CACHE_HOME on Linux)."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / KEY_FILE


def sign(key: bytes, kind: str, name: str, data: bytes) -> bytes:
    """The signature of `data` kept as a `kind` of record named `name`: an entry moved to
    another name, or read as another kind, does not match."""
    message = f"{kind}\0{name}\0".encode() + data
    return hmac.digest(key, message, "sha256")


def signed_by(key: bytes, signature: bytes, kind: str, name: str, data: bytes) -> bool:
    return hmac.compare_digest(signature, sign(key, kind, name, data))


def user_key() -> bytes | None:
    """The user's key, made on first use; None if it cannot be read or made safely."""
    return _key_at(key_path())


@cache  # once per process and place (tests move the place)
def _key_at(path: Path) -> bytes | None:
    with contextlib.suppress(OSError, ValueError):
        return _read_key(path)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        _make_key(path)
    with contextlib.suppress(OSError, ValueError):
        return _read_key(path)  # ours, or another build's made at the same moment
    return None


def _read_key(path: Path) -> bytes:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with open(fd, "rb") as file:
        info = os.fstat(fd)
        # Only the user may read it (who reads it can sign) or change it.
        if not stat.S_ISREG(info.st_mode) or info.st_mode & _OTHERS:
            raise ValueError(f"{path} is not a file only its owner can use")
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            raise ValueError(f"{path} belongs to another user")
        text = file.read(2 * _KEY_BYTES + 2).strip()
    key = bytes.fromhex(text.decode("ascii"))
    if len(key) != _KEY_BYTES:
        raise ValueError(f"{path} does not hold a key")
    return key


def _make_key(path: Path) -> None:
    """A new key, unless one is there already (never replaced: it would void every entry)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, 0o600)
    with open(fd, "w", encoding="ascii") as file:
        file.write(secrets.token_hex(_KEY_BYTES) + "\n")
