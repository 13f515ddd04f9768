"""The links of the news frame (templates/main.html), found once a build.

The sections row and the footer link to the pages the site has, by their source:
the plugin's own pages and the editor's (an `about.md`, a `stories.md`...).
Every page shows them, so they are looked up once, here, and each page only
makes them relative to itself (the template's `url` filter).
"""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.structure.files import Files


@dataclass(frozen=True)
class FrameLink:
    label: str
    url: str  # from the site root, as `File.url`
    sources: tuple[str, ...]  # the docs pages it may be: the current one is marked


# The sections row: each label, and the sources its page may have (the first found wins).
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Front page", ("index.md",)),
    ("Timeline", ("timeline/index.md",)),
    ("Stories", ("stories/index.md", "stories.md")),
    ("Archive", ("archive/index.md",)),
    ("Glossary", ("glossary/index.md",)),
    ("How we label sources", ("sources/index.md",)),
)
# The footer's standards pages beside "How we label sources", if the site has them.
STANDARDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("About us", ("about.md", "about/index.md")),
    ("Contact", ("contact.md", "contact/index.md")),
)
KINDS_PAGE = ("sources/index.md",)


@dataclass(frozen=True)
class FrameLinks:
    sections: tuple[FrameLink, ...]
    kinds_page: str | None  # "How we label sources", with the types of brief and corrections
    standards: tuple[FrameLink, ...]


def frame_links(files: Files) -> FrameLinks:
    urls = {file.src_uri: file.url for file in files.documentation_pages()}

    def found(links: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[FrameLink, ...]:
        return tuple(
            FrameLink(label, urls[first], sources)
            for label, sources in links
            for first in [next((uri for uri in sources if uri in urls), None)]
            if first is not None
        )

    kinds = found((("", KINDS_PAGE),))
    return FrameLinks(found(SECTIONS), kinds[0].url if kinds else None, found(STANDARDS))
