"""Reading brief files: only UTF-8 text, and never a silent guess."""

from __future__ import annotations

import os
import tracemalloc

from mkdocs_briefs.core.problems import Problems
from mkdocs_briefs.core.source.reader import MAX_BYTES, decode_source, read_files, source_text


def decode(data: bytes) -> tuple[str | None, list[str]]:
    problems = Problems()
    text = decode_source(data, "briefs/x.md", problems)
    return text, [str(p) for p in problems]


def test_utf8_text_is_read_and_line_endings_normalised():
    assert decode("---\r\ntitle: Ça va\r\n".encode()) == ("---\ntitle: Ça va\n", [])


def test_bytes_that_are_not_utf8_are_reported_at_their_line_and_column():
    text, messages = decode(b"---\ntitle: caf\xe9\n")
    assert text is None
    assert messages[0].startswith("briefs/x.md:2:11: byte 0xe9 is not UTF-8")


def test_a_byte_order_mark_is_reported_and_dropped():
    text, messages = decode(b"\xef\xbb\xbf---\n")
    assert text == "---\n"
    assert messages[0].startswith("briefs/x.md:1:1: the file starts with a byte-order mark")


def test_empty_binary_and_huge_files_are_refused_with_a_reason():
    assert decode(b"  \n")[1][0].startswith("briefs/x.md:1:1: the file is empty")
    assert "looks binary" in decode(b"---\n\x00\x01")[1][0]
    text, messages = decode(b"a" * 5_000_000)
    assert text is None
    assert "the file is 5.0 MB; a brief must be under 1 MB" in messages[0]


def test_a_huge_brief_is_refused_by_its_size_without_being_read(tmp_path):
    huge = tmp_path / "huge.md"
    with huge.open("wb") as file:  # a sparse file: 200 MB on paper, nothing on disk
        file.truncate(200_000_000)
    tracemalloc.start()
    try:
        (data,) = read_files([huge])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 3 * MAX_BYTES  # at most one brief's worth was read
    problems = Problems()
    assert source_text(data, "briefs/huge.md", problems) is None
    assert [str(p) for p in problems] == [
        "briefs/huge.md: the file is 200.0 MB; a brief must be under 1 MB: "
        "split it or remove pasted material"
    ]


def test_a_brief_that_is_not_a_regular_file_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)  # reading a named pipe waits for a writer that never comes
    (data,) = read_files([fifo])
    problems = Problems()
    assert source_text(data, "briefs/pipe.md", problems) is None
    assert str(next(iter(problems))).startswith("briefs/pipe.md: cannot read the file: ")
