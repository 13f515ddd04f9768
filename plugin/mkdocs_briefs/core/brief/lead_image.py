"""A brief's lead image: `image: {src, alt, caption, credit}` in the front matter.

Parsing reads what is written (the parse is cached by the brief's bytes);
each build then finds the file, checks that it is a PNG, JPEG, GIF or WebP
image and reads its size, since the file may change while the brief does not.
The site gets a copy next to the brief's page, under a name made from the
file's, so the page links it as a plain relative address.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from mkdocs_briefs.core.brief.fields import FieldReader
from mkdocs_briefs.core.brief.image_size import ImageSize, read_image_size
from mkdocs_briefs.core.brief.model import Brief, LeadImage
from mkdocs_briefs.core.ids import slugify
from mkdocs_briefs.core.problems import Problems
from mkdocs_briefs.core.source.yamlsource import PosDict

IMAGE_KEYS = ("src", "alt", "caption", "credit")
FORMATS = "PNG, JPEG, GIF or WebP"


@dataclass(frozen=True)
class ResolvedImage:
    """The lead image's file for this build, and where the site has its copy."""

    file: Path
    name: str  # the copy's file name, beside the brief's index.html
    size: ImageSize

    def url(self, brief: Brief) -> str:
        """Its path inside the site, like a brief's url: no leading slash."""
        return brief.url + self.name


def read_lead_image(data: PosDict, fields: FieldReader) -> LeadImage | None:
    """The `image:` mapping; a problem at its line for each thing that is wrong."""
    if data.get("image") is None:
        return None
    entry = data["image"]
    where = fields.at(data.key_pos["image"])  # the `image:` line
    if not isinstance(entry, PosDict):
        fields.problems.warning(
            where, "'image' must be a mapping with src: and alt: (and caption:, credit:)"
        )
        return None
    fields.unknown_keys(entry, IMAGE_KEYS, "the image")
    src = fields.text(entry, "src")
    if not src:
        fields.problems.warning(
            where, "the image has no file: add `src:` with its path, relative to the brief"
        )
        return None
    if urlsplit(src).scheme or src.startswith("//"):
        fields.problems.warning(
            fields.where(entry, "src"),
            f"the image '{src}' is an address, not a file: save the image beside the brief "
            "(or in the docs folder) and give its path",
        )
        return None
    alt = fields.text(entry, "alt")
    if not alt:
        fields.problems.warning(
            fields.where(entry, "alt") if "alt" in entry else where,
            "the image has no alt text, so it was left out: add `alt:` saying what it "
            "shows, for readers who cannot see it",
        )
        return None
    return LeadImage(
        src=src,
        alt=alt,
        location=fields.where(entry, "src"),
        caption=fields.text(entry, "caption") or None,
        credit=fields.text(entry, "credit") or None,
    )


def resolve_lead_image(
    image: LeadImage, brief_file: Path, docs_dir: Path, project_dir: Path, problems: Problems
) -> ResolvedImage | None:
    """The image's file, measured; a problem at the `src:` line when it cannot be used.

    `src` is relative to the brief's file; one that starts with `/`, or is not found
    there, is looked up in the docs folder. Only files inside the project are used.
    """
    candidates = []
    relative = image.src.lstrip("/")
    if not image.src.startswith("/"):
        candidates.append(brief_file.parent / image.src)
    candidates.append(docs_dir / relative)
    inside = [project_dir.resolve(), docs_dir.resolve()]
    for candidate in candidates:
        try:  # an over-long or looping path is one that is not found
            found = candidate.resolve()
            usable = any(found.is_relative_to(root) for root in inside) and found.is_file()
        except (OSError, RuntimeError, ValueError):
            continue
        if usable:
            return _measured(image, found, problems)
    problems.warning(
        image.location,
        f"the image file '{image.src}' was not found: give its path relative to the brief, "
        "or from the docs folder starting with '/'; the image was left out",
    )
    return None


def _measured(image: LeadImage, file: Path, problems: Problems) -> ResolvedImage | None:
    size = read_image_size(file)
    if size is None:
        problems.warning(
            image.location,
            f"'{image.src}' is not a {FORMATS} image (or its header is damaged): "
            "save it in one of these formats; the image was left out",
        )
        return None
    stem = slugify(PurePosixPath(file.name).stem) or "image"
    return ResolvedImage(file=file, name=stem + size.suffix, size=size)
