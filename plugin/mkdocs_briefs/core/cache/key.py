"""The user's own secret, which signs what the caches keep in a project.

The cache folder is in the project, and a project's files may come from
anyone: a pull request can commit a crafted cache entry, under the right name,
that holds a page's HTML or a path to write. So every file the caches write is
signed (HMAC-SHA256) with a key kept outside the project, in the user's cache
folder, readable by the user alone; what was not signed with it is not read.
A build that cannot read or make the key keeps nothing.
"""

from __future__ import annotations

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
    return _key_at(key_path())[0]


def key_problem() -> str | None:
    """Why there is no key (a sentence that says what to do), or None if there is one."""
    return _key_at(key_path())[1]


@cache  # once per process and place (tests move the place)
def _key_at(path: Path) -> tuple[bytes | None, str | None]:
    try:
        return _read_key(path), None
    except FileNotFoundError:
        pass
    except (OSError, ValueError) as exc:
        return None, _why(exc)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        _make_key(path)
    except FileExistsError:
        pass  # another build made it at the same moment
    except OSError as exc:
        return None, f"cannot make the key {path}: {exc.strerror or exc}"
    try:
        return _read_key(path), None
    except (OSError, ValueError) as exc:
        return None, _why(exc)


def _why(exc: OSError | ValueError) -> str:
    if isinstance(exc, OSError):
        return f"cannot read the key {exc.filename}: {exc.strerror or exc}"
    return str(exc)


def _read_key(path: Path) -> bytes:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    with open(fd, "rb") as file:
        info = os.fstat(fd)
        # Only the user may read it (who reads it can sign) or change it.
        if not stat.S_ISREG(info.st_mode):
            raise ValueError(f"the key {path} is not a file: delete it")
        if info.st_mode & _OTHERS:
            raise ValueError(f"the key {path} can be used by other users: chmod 600 it")
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            raise ValueError(f"the key {path} belongs to another user: delete it")
        text = file.read(2 * _KEY_BYTES + 2).strip()
    try:
        key = bytes.fromhex(text.decode("ascii"))
    except ValueError:
        key = b""
    if len(key) != _KEY_BYTES:
        raise ValueError(f"the key {path} is damaged: delete it")
    return key


def _make_key(path: Path) -> None:
    """A new key, unless one is there already (never replaced: it would void every entry)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, 0o600)
    with open(fd, "w", encoding="ascii") as file:
        file.write(secrets.token_hex(_KEY_BYTES) + "\n")
