"""Reading the format and size of a lead image from its header."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from images import gif_header, jpeg_header, png, webp_header

from mkdocs_briefs.core.brief.image_size import ImageSize, image_size


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (png(640, 360), ImageSize("png", 640, 360)),
        (gif_header(320, 200), ImageSize("gif", 320, 200)),
        (jpeg_header(1200, 800), ImageSize("jpeg", 1200, 800)),
        (jpeg_header(1200, 800, exif=60000), ImageSize("jpeg", 1200, 800)),
        (webp_header(1600, 900), ImageSize("webp", 1600, 900)),
        (webp_header(1600, 900, b"VP8L"), ImageSize("webp", 1600, 900)),
        (webp_header(1600, 900, b"VP8 "), ImageSize("webp", 1600, 900)),
    ],
    ids=["png", "gif", "jpeg", "jpeg-long-exif", "webp-extended", "webp-lossless", "webp-lossy"],
)
def test_the_four_formats_give_their_size(data, expected):
    assert image_size(data) == expected
    assert expected.suffix == (".jpg" if expected.format == "jpeg" else f".{expected.format}")


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"<svg xmlns='http://www.w3.org/2000/svg'/>",
        b"BM" + b"\x00" * 60,  # BMP
        png(10, 10)[:20],  # cut inside the header
        jpeg_header(10, 10)[:30],  # cut before the frame header
        b"\xff\xd8\xff\xe1\x00\x01",  # a segment length below 2
        gif_header(0, 10),  # no pixels
    ],
)
def test_anything_else_is_not_an_image(data):
    assert image_size(data) is None


@given(st.binary(max_size=200))
def test_arbitrary_bytes_never_raise(data):
    image_size(data)
    image_size(b"\xff\xd8" + data)
    image_size(b"RIFF\x00\x00\x00\x00WEBP" + data)


def test_images_in_the_text_load_lazily(parse):
    from mkdocs_briefs.core.render.page import render_body_html

    brief = parse("---\ntitle: T\ndate: 2025-07-04\n---\n\nText.\n\n![A map](map.png)\n").brief
    html = render_body_html(brief, lambda href: href).html
    assert '<img src="map.png" alt="A map" loading="lazy"' in html


@pytest.mark.parametrize(
    "src",
    ["x" * 5000 + ".png", "a/" * 300 + "b.png", "../" * 50 + "etc/passwd", ".", "/", "~/x.png"],
)
def test_odd_image_paths_are_not_found_and_never_raise(tmp_path, src):
    from mkdocs_briefs.core.brief.lead_image import resolve_lead_image
    from mkdocs_briefs.core.brief.model import LeadImage
    from mkdocs_briefs.core.problems import Location, Problems

    (tmp_path / "briefs").mkdir()
    problems = Problems()
    image = LeadImage(src=src, alt="A", location=Location("briefs/x.md", 5, 8))
    found = resolve_lead_image(image, tmp_path / "briefs" / "x.md", tmp_path, tmp_path, problems)
    assert found is None
    assert len(problems) == 1 and "was not found" in problems.items[0].message
