"""Read a brief or glossary file as text, refusing what is not text.

Nothing is guessed silently: bytes that are not UTF-8 are reported with
their line and column, and a byte-order mark is reported and dropped.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Sequence
from pathlib import Path

from mkdocs_briefs.core.problems import Location, Problems

MAX_BYTES = 1_000_000  # a brief is a few kilobytes; a megabyte is a mistake
# A glossary of 20,000 terms with definitions of three sentences is 8 MB.
MAX_GLOSSARY_BYTES = 10_000_000


class FileTooLarge(OSError):
    """A file over its limit, refused by its size before it is read."""

    def __init__(self, size: int) -> None:
        super().__init__(errno.EFBIG, "the file is too large")
        self.size = size


def read_bounded(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes; FileTooLarge, without reading it, when it is over `limit`.

    Only regular files are read: a named pipe or a device would block or never end
    (opened without blocking, so a pipe is refused rather than waited on).
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with open(fd, "rb", buffering=0) as file:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        if info.st_size > limit:
            raise FileTooLarge(info.st_size)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:  # the file may have grown since
            chunk = file.read(limit + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    if size > limit:
        raise FileTooLarge(max(size, os.stat(path).st_size))
    return b"".join(chunks)


def site_file_path(option: str | Path, project_dir: Path) -> tuple[Path, str]:
    """A site file named by a plugin option (glossary, authors, stories): its absolute
    path, and the path messages name it by (relative to the project where it can be)."""
    path = Path(option)
    if not path.is_absolute():
        path = project_dir / path
    try:
        shown = path.resolve().relative_to(project_dir.resolve()).as_posix()
    except ValueError:
        shown = path.as_posix()
    return path, shown


def read_site_file(path: Path, shown: str, what: str, problems: Problems) -> str:
    """The text of a small site file (authors, stories); "" when it is empty, or after
    adding to `problems` why it cannot be read. Refused by its size before it is read."""
    try:
        data = read_bounded(path)
    except FileTooLarge as exc:
        too_large(exc.size, shown, problems)
        return ""
    except OSError as exc:
        problems.error(Location(shown), f"cannot read the {what}: {exc.strerror or exc}")
        return ""
    return (decode_source(data, shown, problems) or "") if data.strip() else ""


def read_files(paths: Sequence[Path]) -> list[bytes | OSError]:
    """Each file's bytes, or why it could not be read; all read before any is parsed.

    Reading a site's briefs in one go is quicker than alternating reads with parsing:
    measured on a virtual machine, a read between two parses took ten times as long.
    """
    found: list[bytes | OSError] = []
    for path in paths:
        try:
            found.append(read_bounded(path))
        except OSError as exc:
            found.append(exc)
    return found


def source_text(data: bytes | OSError, shown_as: str, problems: Problems) -> str | None:
    """The text of bytes read by `read_files`, or None after adding an error to `problems`."""
    if isinstance(data, FileTooLarge):
        too_large(data.size, shown_as, problems)
        return None
    if isinstance(data, OSError):
        problems.error(
            Location(shown_as),
            f"cannot read the file: {data.strerror or data}: make it readable, or remove it "
            "(a link must lead to a brief file)",
        )
        return None
    return decode_source(data, shown_as, problems)


def too_large(size: int, shown_as: str, problems: Problems, glossary: bool = False) -> None:
    if glossary:
        limit, advice = MAX_GLOSSARY_BYTES, "shorten its definitions, or remove terms no brief uses"
    else:
        limit, advice = MAX_BYTES, "split it or remove pasted material"
    what = "a glossary" if glossary else "a brief"
    problems.error(
        Location(shown_as),
        f"the file is {size / 1_000_000:.1f} MB; {what} must be under "
        f"{limit // 1_000_000} MB: {advice}",
    )


def decode_source(
    data: bytes, shown_as: str, problems: Problems, *, glossary: bool = False
) -> str | None:
    """The text of `data`; None after adding an error (`glossary`: the glossary file's limit)."""
    if len(data) > (MAX_GLOSSARY_BYTES if glossary else MAX_BYTES):
        too_large(len(data), shown_as, problems, glossary)
        return None
    if not data.strip():
        problems.error(
            Location(shown_as, 1, 1),
            "the file is empty: start it with front matter (--- title: ... date: ... ---)",
        )
        return None
    if b"\x00" in data:
        before = data[: data.index(b"\x00")]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        problems.error(
            Location(shown_as, line, col),
            "the file contains NUL bytes and looks binary: only UTF-8 text files can be briefs",
        )
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        problems.warning(
            Location(shown_as, 1, 1),
            "the file starts with a byte-order mark; it was ignored: save it as UTF-8 without BOM",
        )
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        problems.error(
            Location(shown_as, line, col),
            f"byte 0x{data[exc.start]:02x} is not UTF-8: save the file as UTF-8 "
            "(it may have been written as Latin-1 or Windows-1252)",
        )
        return None
    # Windows and old-Mac line endings would shift every line number.
    return text.replace("\r\n", "\n").replace("\r", "\n")
