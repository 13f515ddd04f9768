"""Text held compressed until it is needed.

A site's briefs are all parsed before any page is rendered, and MkDocs renders
every page's content before it writes any: a brief's HTML and Markdown would
otherwise all be in memory at once. zlib at level 1 makes them about four times
smaller in a twentieth of a millisecond each.
"""

from __future__ import annotations

import zlib

# For data read from disk (the cache's entries): far above what a brief's parse takes,
# far below what a few compressed megabytes of zeros would make.
MAX_UNPACKED = 32 * 1024 * 1024


def pack(text: str) -> bytes:
    return zlib.compress(text.encode(), 1)


def unpack(packed: bytes) -> str:
    # Only ever this process's own packing, or a signed and checked cache entry's.
    return zlib.decompress(packed).decode()


def inflate(data: bytes, limit: int = MAX_UNPACKED) -> bytes:
    """`data` decompressed; ValueError if it is not one whole zlib stream or would make
    more than `limit` bytes (it stops there: a compressed bomb takes no memory)."""
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(data, limit)
    except zlib.error as exc:
        raise ValueError(f"not compressed data: {exc}") from None
    if inflater.unconsumed_tail or not inflater.eof:
        raise ValueError(f"larger than {limit} bytes once decompressed, or cut short")
    if inflater.unused_data:
        raise ValueError("more than one compressed stream")
    return out
