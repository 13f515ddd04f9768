"""MkDocs pages made from brief files that live outside `docs_dir`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from .core.glossary import Glossary
from .core.model import Brief, Heading
from .core.packed import pack, unpack
from .core.render.definition import DefinitionLinks
from .core.render.page import (
    RenderedBody,
    RenderedBrief,
    brief_toc,
    render_body_html,
    render_brief,
)
from .core.render.text import esc
from .core.siteinfo import SiteInfo
from .preview import KeptPage


def brief_file(brief: Brief, source: Path, config: MkDocsConfig) -> File:
    """A virtual docs file at yyyy/mm/dd/slug/index.md, read from the brief's own file."""
    return File.generated(
        config,
        f"{brief.url}index.md",
        abs_src_path=str(source),
        # Never in the nav: Material renders the nav into every page.
        inclusion=InclusionLevel.NOT_IN_NAV,
    )


# Where the plugin makes the page "How we label sources".
KINDS_PAGE_URI = "sources/index.md"
# Where the plugin makes the glossary page, when the site has a glossary.
GLOSSARY_PAGE_URI = "glossary/index.md"


class BriefFiles:
    """The page file of each brief, by the brief file's resolved path: link targets.

    Resolving every brief's path costs a system call each; it is done on the first
    relative link only (a rebuild under `mkdocs serve` often has none to resolve).
    """

    def __init__(self) -> None:
        self._made: list[tuple[Path, File]] = []
        self._by_path: dict[str, File] | None = None

    def add(self, source: Path, file: File) -> None:
        self._made.append((source, file))
        self._by_path = None

    def get(self, resolved_path: str) -> File | None:
        if self._by_path is None:
            self._by_path = {str(source.resolve()): file for source, file in self._made}
        return self._by_path.get(resolved_path)


class BriefPage(Page):
    """A page whose Markdown is rendered by the brief pipeline, not Python-Markdown."""

    def __init__(
        self,
        brief: Brief,
        file: File,
        config: MkDocsConfig,
        *,
        template: str,
        link_targets: BriefFiles,
        glossary: Glossary | None = None,
        keep_parse: bool = False,
    ) -> None:
        # MkDocs and the theme insert page titles as HTML: give them escaped text.
        super().__init__(esc(brief.title), file, config)
        self.brief = brief
        self.body: RenderedBody | None = None  # made with the page's content
        # The other fragments exist only while the theme renders the page (render_fragments).
        self.rendered: RenderedBrief | None = None
        self._fragments: Callable[..., RenderedBrief] | None = None
        self.full_content: str | None = None  # set while the search plugin reads the page
        # Under `mkdocs serve`: the page as an earlier build made it, if nothing changed.
        self.kept: KeptPage | None = None
        self.kept_written = False  # the kept page's file is still in the served folder
        self.links: list[tuple[str, str | None]] = []  # relative links and their targets
        self._keep_parse = keep_parse  # the parse is kept for the next build: leave it whole
        self._template = template
        self._source = Path(file.abs_src_path or "")
        self._link_targets = link_targets  # resolved brief file path -> its generated File
        self._glossary = glossary
        self._packed: bytes | None = None  # the content while it rests (see rest())

    def read_source(self, config: MkDocsConfig) -> None:
        # Parsed once for the whole build: no second read of the file.
        self.markdown = self.brief.body.source
        # The theme puts title and description into <title> and <meta> unescaped: escape them.
        # The left navigation is hidden on briefs: the brief needs the width for its sidebar.
        self.meta = {
            "template": self._template,
            "title": esc(self.brief.title),
            "description": esc(self.brief.summary),
            "hide": ["navigation"],
        }
        # The sitemap's <lastmod>: the brief's own last change, not the build's clock.
        self.update_date = (self.brief.updated or self.brief.published).date().isoformat()

    def links_unchanged(
        self, links: tuple[tuple[str, str | None], ...], files: Files, docs_dir: Path
    ) -> bool:
        """True if each relative link still leads where it led when the page was kept."""
        return all(self._resolve(href, files, docs_dir) == target for href, target in links)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        toc = brief_toc(self.brief)
        self.toc = _toc(toc)
        self.present_anchor_ids = {h.anchor for h in toc}
        if self.kept is not None:
            self.content = ""  # the theme writes the kept page; the search gets its entries
            return
        docs_dir = Path(config.docs_dir)
        self.links = []

        def resolve(href: str) -> str | None:
            target = self._resolve(href, files, docs_dir)
            self.links.append((href, target))
            return target

        glossary_url = self._url_of(files, GLOSSARY_PAGE_URI)
        self.body = render_body_html(self.brief, resolve, glossary_url)
        if not self._keep_parse:
            # MkDocs renders every page before writing any: keep one copy of the body only.
            self.brief.body.prerendered = None
        self.content = self.body.html
        root = root_of(self.file)
        self._fragments = partial(
            render_brief,
            self.brief,
            kinds_page_url=self._url_of(files, KINDS_PAGE_URI),
            glossary=self._glossary,
            glossary_links=DefinitionLinks(root=root, glossary_url=glossary_url),
            site=site_info(config),
            root=root,
        )

    def rest(self, *, keep_body: bool) -> None:
        """Between MkDocs' two passes, hold the content compressed.

        MkDocs renders the content of every page before it writes any. A brief's
        HTML shrinks about four times; it is back in `page.content` from
        `on_page_context` on (wake). `keep_body`: keep the body's HTML as well (the
        feed needs it after the build). The Markdown has been rendered: it is let go
        (the brief keeps it, compressed).
        """
        if self.content and self.kept is None:
            self.markdown = ""
            self._packed = pack(self.content)
            self.content = ""
            if not keep_body and self.body is not None:
                self.body = replace(self.body, html="")

    def wake(self) -> None:
        if self._packed is not None:
            self.content = unpack(self._packed)
            self._packed = None

    def render_fragments(self) -> None:
        """Header, sidebar, timeline... for the theme: made just before it renders the page.

        MkDocs renders the content of every page before it writes any; keeping every
        brief's fragments until then was a third of a big site's memory.
        """
        if self._fragments is not None:
            self.rendered = self._fragments(body=self.body)

    def drop_fragments(self) -> None:
        self.rendered = None

    def drop_content(self) -> None:
        """Once the page is written (`mkdocs build` only): nothing needs its HTML again."""
        self.content = ""

    def _url_of(self, files: Files, src_uri: str) -> str:
        """The relative URL of another page of the site, from this brief."""
        target = files.get_file_from_path(src_uri)
        return target.url_relative_to(self.file) if target else ""

    def _resolve(self, href: str, files: Files, docs_dir: Path) -> str | None:
        """A link written relative to the brief file, to another brief or a docs page."""
        parts = urlsplit(href)
        if not parts.path:
            return href
        if parts.path.startswith("/"):
            target_file = files.get_file_from_path(parts.path.lstrip("/"))
        else:
            target = (self._source.parent / parts.path).resolve()
            target_file = self._link_targets.get(str(target))
            if target_file is None:
                try:
                    relative = target.relative_to(docs_dir.resolve()).as_posix()
                except ValueError:
                    return None
                target_file = files.get_file_from_path(relative)
        if target_file is None:
            return None
        url = target_file.url_relative_to(self.file)
        if parts.fragment:
            url += "#" + parts.fragment
        return url


def _toc(headings: list[Heading]) -> TableOfContents:
    """Material's table of contents: headings and section labels, nested by level."""
    roots: list[AnchorLink] = []
    stack: list[AnchorLink] = []
    for heading in headings:
        link = AnchorLink(esc(heading.title), heading.anchor, heading.level)  # shown as HTML
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        (stack[-1].children if stack else roots).append(link)
        stack.append(link)
    return TableOfContents(roots)


# Renders a site-wide page's HTML; receives the relative path from the page to the site root.
RenderSitePage = Callable[[str], str]


@dataclass(frozen=True)
class SitePageSpec:
    """A page the plugin makes for the whole site (timeline, glossary, ...)."""

    src_uri: str  # e.g. "timeline/index.md" -> /timeline/
    title: str
    render: RenderSitePage
    description: str = ""
    in_nav: bool = True  # False keeps a page (e.g. a filtered view) out of the site nav
    # Lists of briefs repeat what the briefs' own pages put in the search index.
    searchable: bool = True


class SitePage(Page):
    """A generated page whose HTML comes from the core, not from Markdown."""

    def __init__(
        self, spec: SitePageSpec, file: File, config: MkDocsConfig, *, lazy: bool = False
    ) -> None:
        # Titles may hold authors' text (a tag name): escaped, as on brief pages.
        super().__init__(esc(spec.title), file, config)
        self.spec = spec
        # Lazy: the HTML is made just before the theme renders the page and dropped once it
        # is written (render_late), instead of living from MkDocs' first pass to the end.
        self.lazy = lazy
        self.full_content: str | None = None  # set while the search plugin reads the page
        self.kept: KeptPage | None = None  # under `mkdocs serve`, if its HTML did not change
        self.kept_written = False  # the kept page's file is still in the served folder

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown = ""
        self.meta = {"title": esc(self.spec.title)}
        if self.spec.description:
            self.meta["description"] = esc(self.spec.description)
        if not self.spec.searchable:
            self.meta["search"] = {"exclude": True}

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = "" if self.lazy else self._html()
        self.toc = TableOfContents([])

    def render_late(self) -> None:
        if self.lazy:
            self.content = self._html()

    def drop_late(self) -> None:
        if self.lazy:
            self.content = ""

    def _html(self) -> str:
        # Links from site pages are relative, so the site works under any base path.
        return self.spec.render(root_of(self.file))


def site_page_file(spec: SitePageSpec, config: MkDocsConfig) -> File:
    inclusion = InclusionLevel.INCLUDED if spec.in_nav else InclusionLevel.NOT_IN_NAV
    return File.generated(config, spec.src_uri, content="", inclusion=inclusion)


def root_of(file: File) -> str:
    """The relative path from a page to the site root: "" for /, "../" for /archive/."""
    return "../" * file.dest_uri.count("/")


def site_info(config: MkDocsConfig) -> SiteInfo:
    return SiteInfo.make(
        config.site_name, config.site_url, config.site_description, config.site_author
    )
