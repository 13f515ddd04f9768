"""The cache folder on disk, reached without ever following a link.

The cache folder sits in the project, where anything can be committed: a link
in place of the folder, of a sub-folder or of a file could otherwise make a
build read, write or delete files elsewhere (the briefs themselves). So each
folder is opened refusing links, one step at a time, and every file is read,
written, replaced and removed relative to the open folder. A write goes to a
temporary name and replaces the file whole, so a link in the file's place is
replaced, never followed. Only regular files with the names the caches give
their own files are ever removed.

Where the system cannot open folders this way (Windows), nothing is kept.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

# os.replace takes folder descriptors wherever os.rename does (it is not listed itself).
_NEEDED_DIR_FD = {os.open, os.mkdir, os.rmdir, os.unlink, os.rename, os.stat, os.utime}
SUPPORTED = (
    hasattr(os, "O_NOFOLLOW")
    and hasattr(os, "O_DIRECTORY")
    and os.supports_dir_fd >= _NEEDED_DIR_FD
    and os.scandir in os.supports_fd
    and os.utime in os.supports_fd
)
_FOLDER = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
# Not blocking: a named pipe in a file's place would otherwise stop the build on open.
_NOT_BLOCKING = getattr(os, "O_NONBLOCK", 0)
_READ = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | _NOT_BLOCKING
_WRITE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0) | _NOT_BLOCKING
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)

GITIGNORE = ".gitignore"
# A file being written: its final name, the writing process, then this suffix.
_TEMPORARY = r"\.\d+\.tmp"


def own_names(pattern: str) -> re.Pattern[str]:
    """The names of a cache's own files (`pattern`), and of them while being written."""
    return re.compile(f"(?:{pattern})(?:{_TEMPORARY})?\\Z")


@contextlib.contextmanager
def open_folder(root: Path, parts: Sequence[str] = (), *, create: bool = False) -> Iterator[int]:
    """The folder `root/part/...` opened (a descriptor), made first if `create`.

    Raises OSError if any of them is a link, is not a folder, or cannot be made. A
    cache folder made or opened to write in is told to git to be ignored.
    """
    if not SUPPORTED:
        raise OSError(errno.ENOTSUP, "links cannot be refused on this system", str(root))
    if create:
        with contextlib.suppress(FileExistsError):
            os.mkdir(root)
    folder = os.open(root, _FOLDER | _CLOEXEC)
    try:
        if create:
            _ignored_by_git(folder)
        for part in parts:
            if create:
                with contextlib.suppress(FileExistsError):
                    os.mkdir(part, dir_fd=folder)
            inner = os.open(part, _FOLDER | _CLOEXEC, dir_fd=folder)
            os.close(folder)
            folder = inner
        yield folder
    finally:
        os.close(folder)


def read_file(folder: int, name: str, limit: int) -> bytes:
    """The regular file `name` in the open folder; OSError if it is anything else (a link
    included) or longer than `limit` bytes."""
    fd = os.open(name, _READ | _CLOEXEC, dir_fd=folder)
    with open(fd, "rb", buffering=0) as file:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "not a regular file", name)
        # Read what the file holds (and a byte more, should it have grown): a buffer
        # the size of the limit would be allocated for every small file.
        data = file.read(min(info.st_size, limit) + 1)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"larger than {limit} bytes", name)
    return data


def write_file(folder: int, name: str, data: bytes) -> None:
    """`name` in the open folder holds `data`, whole or not at all (OSError), even with
    another build writing beside: a link in its place is replaced, not followed."""
    temporary = f"{name}.{os.getpid()}.tmp"
    try:
        fd = os.open(temporary, _WRITE | _CLOEXEC, 0o666, dir_fd=folder)
        with open(fd, "wb") as file:
            file.write(data)
        os.replace(temporary, name, src_dir_fd=folder, dst_dir_fd=folder)
    except OSError:
        remove_own_file(folder, temporary)
        raise


def remove_own_file(folder: int, name: str) -> None:
    """Remove `name` from the open folder if it is a regular file; best effort."""
    with contextlib.suppress(OSError):
        if stat.S_ISREG(os.stat(name, dir_fd=folder, follow_symlinks=False).st_mode):
            os.unlink(name, dir_fd=folder)


def touch(folder: int, name: str | None = None) -> None:
    """Mark `name` (or the open folder itself) as used now; best effort."""
    with contextlib.suppress(OSError):
        if name is None:
            os.utime(folder)
        else:
            os.utime(name, dir_fd=folder, follow_symlinks=False)


@dataclass(frozen=True)
class Entry:
    name: str
    modified: float


def own_files(folder: int, names: re.Pattern[str]) -> list[Entry]:
    """The regular files of the open folder whose names match `names`, newest first."""
    return _newest_first(folder, names, lambda entry: entry.is_file(follow_symlinks=False))


def own_folders(folder: int, names: re.Pattern[str]) -> list[Entry]:
    """The folders (not links) in the open folder whose names match `names`, newest first."""
    return _newest_first(folder, names, lambda entry: entry.is_dir(follow_symlinks=False))


def remove_own_folder(folder: int, name: str, files: re.Pattern[str]) -> None:
    """Remove the folder `name` from the open folder: its files named by `files`, then the
    folder itself if nothing else is left in it; best effort."""
    with contextlib.suppress(OSError):
        with open_folder_at(folder, name) as inner:
            for entry in own_files(inner, files):
                remove_own_file(inner, entry.name)
        os.rmdir(name, dir_fd=folder)


@contextlib.contextmanager
def open_folder_at(folder: int, name: str) -> Iterator[int]:
    inner = os.open(name, _FOLDER | _CLOEXEC, dir_fd=folder)
    try:
        yield inner
    finally:
        os.close(inner)


def _newest_first(
    folder: int, names: re.Pattern[str], kind: Callable[[os.DirEntry[str]], bool]
) -> list[Entry]:
    found = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if not names.match(entry.name):
                    continue
                with contextlib.suppress(OSError):
                    if kind(entry):
                        found.append(Entry(entry.name, entry.stat(follow_symlinks=False).st_mtime))
    except OSError:
        return []
    return sorted(found, key=lambda entry: entry.modified, reverse=True)


def _ignored_by_git(folder: int) -> None:
    """The cache folder tells git to ignore it, whatever the project's own .gitignore says."""
    try:
        if stat.S_ISREG(os.stat(GITIGNORE, dir_fd=folder, follow_symlinks=False).st_mode):
            return
    except FileNotFoundError:
        pass
    write_file(folder, GITIGNORE, b"*\n")
