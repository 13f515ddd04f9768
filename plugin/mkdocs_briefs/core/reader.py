"""Read a brief or glossary file as text, refusing what is not text.

Nothing is guessed silently: bytes that are not UTF-8 are reported with
their line and column, and a byte-order mark is reported and dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .problems import Location, Problems

MAX_BYTES = 1_000_000  # a brief is a few kilobytes; a megabyte is a mistake


def read_files(paths: Sequence[Path]) -> list[bytes | OSError]:
    """Each file's bytes, or why it could not be read; all read before any is parsed.

    Reading a site's briefs in one go is quicker than alternating reads with parsing:
    measured on a virtual machine, a read between two parses took ten times as long.
    """
    found: list[bytes | OSError] = []
    for path in paths:
        try:
            found.append(path.read_bytes())
        except OSError as exc:
            found.append(exc)
    return found


def source_text(data: bytes | OSError, shown_as: str, problems: Problems) -> str | None:
    """The text of bytes read by `read_files`, or None after adding an error to `problems`."""
    if isinstance(data, OSError):
        problems.error(
            Location(shown_as),
            f"cannot read the file: {data.strerror or data}: make it readable, or remove it "
            "(a link must lead to a brief file)",
        )
        return None
    return decode_source(data, shown_as, problems)


def decode_source(data: bytes, shown_as: str, problems: Problems) -> str | None:
    if len(data) > MAX_BYTES:
        size = len(data) / 1_000_000
        problems.error(
            Location(shown_as),
            f"the file is {size:.1f} MB; a brief must be under 1 MB: "
            "split it or remove pasted material",
        )
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
