"""Images in a brief are found like links: beside the brief, or in the docs folder."""

from __future__ import annotations

from support import make_project, run_mkdocs_build

PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108020000009077"
    "53de0000000c4944415408d763f8cfc000000301010018dd8db00000000049454e44ae426082"
)
BRIEF = """\
---
title: Pictures
date: 2025-07-04
---

Beside the brief:

![A pixel](images/pixel.png)

From the docs folder:

![Another pixel](../content/assets/pixel.png)
"""


def test_images_beside_the_brief_and_in_the_docs_folder_are_published(tmp_path):
    project = make_project(tmp_path, {"pictures.md": BRIEF})
    (project / "briefs" / "images").mkdir()
    (project / "briefs" / "images" / "pixel.png").write_bytes(PIXEL)
    (project / "content" / "assets").mkdir()
    (project / "content" / "assets" / "pixel.png").write_bytes(PIXEL)
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    page = build.page("2025/07/04/pictures/")
    for src in ("../../../../briefs/images/pixel.png", "../../../../assets/pixel.png"):
        assert f'src="{src}"' in page
        published = (tmp_path / "site" / "2025/07/04/pictures" / src).resolve()
        assert published.read_bytes() == PIXEL


def test_a_missing_image_is_reported_at_its_line(tmp_path):
    project = make_project(tmp_path, {"pictures.md": BRIEF})
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 1  # strict
    assert "briefs/pictures.md:8: the image 'images/pixel.png' is not found" in build.output
    assert "briefs/pictures.md:12: the image '../content/assets/pixel.png'" in build.output
