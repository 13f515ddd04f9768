"""The format and pixel size of a PNG, JPEG, GIF or WebP file, from its first bytes.

A page writes `width` and `height` on its images so that nothing shifts while
they load. The four formats a browser shows everywhere keep their size in a
short header; reading it needs no imaging library. Anything else, or a damaged
header, gives None: the file is untrusted input.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

# A JPEG's size comes after its metadata (EXIF, ICC profiles), which may be long.
HEAD_BYTES = 512 * 1024


@dataclass(frozen=True)
class ImageSize:
    format: str  # "png", "jpeg", "gif", "webp": also the file suffix written
    width: int
    height: int

    @property
    def suffix(self) -> str:
        return ".jpg" if self.format == "jpeg" else f".{self.format}"


def read_image_size(path: Path) -> ImageSize | None:
    """The format and size of the image at `path`; None if it is not one of the four."""
    try:
        with path.open("rb") as file:
            head = file.read(HEAD_BYTES)
    except OSError:
        return None
    return image_size(head)


def image_size(head: bytes) -> ImageSize | None:
    try:
        found = _png(head) or _gif(head) or _webp(head) or _jpeg(head)
    except (struct.error, IndexError):
        return None
    if found is None or found.width < 1 or found.height < 1:
        return None
    return found


def _png(head: bytes) -> ImageSize | None:
    if not head.startswith(b"\x89PNG\r\n\x1a\n") or head[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", head[16:24])
    return ImageSize("png", width, height)


def _gif(head: bytes) -> ImageSize | None:
    if head[:6] not in (b"GIF87a", b"GIF89a"):
        return None
    width, height = struct.unpack("<HH", head[6:10])
    return ImageSize("gif", width, height)


def _webp(head: bytes) -> ImageSize | None:
    if head[:4] != b"RIFF" or head[8:12] != b"WEBP":
        return None
    chunk = head[12:16]
    if chunk == b"VP8 ":  # lossy: the frame header after a start code
        if head[23:26] != b"\x9d\x01\x2a":
            return None
        width, height = struct.unpack("<HH", head[26:30])
        return ImageSize("webp", width & 0x3FFF, height & 0x3FFF)
    if chunk == b"VP8L":  # lossless: 14 bits each, after a signature byte
        if head[20] != 0x2F:
            return None
        bits = int.from_bytes(head[21:25], "little")
        return ImageSize("webp", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    if chunk == b"VP8X":  # extended: 24 bits each, minus one
        width = int.from_bytes(head[24:27], "little") + 1
        height = int.from_bytes(head[27:30], "little") + 1
        return ImageSize("webp", width, height)
    return None


# Start-of-frame markers: every SOFn but DHT (C4), JPG (C8) and DAC (CC).
_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def _jpeg(head: bytes) -> ImageSize | None:
    if not head.startswith(b"\xff\xd8"):
        return None
    pos = 2
    while pos + 4 <= len(head):
        if head[pos] != 0xFF:
            return None
        marker = head[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # no length
            pos += 2
            continue
        (length,) = struct.unpack(">H", head[pos + 2 : pos + 4])
        if length < 2:
            return None
        if marker in _SOF:
            height, width = struct.unpack(">HH", head[pos + 5 : pos + 9])
            return ImageSize("jpeg", width, height)
        if marker in (0xD9, 0xDA):  # end of image, or the scan before any frame header
            return None
        pos += 2 + length
    return None
