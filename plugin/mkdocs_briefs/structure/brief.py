"""The page of one brief: its file is the brief, its HTML comes from the brief pipeline."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import AnchorLink, TableOfContents

from mkdocs_briefs.core.brief.model import Brief, Heading
from mkdocs_briefs.core.glossary.terms import Glossary
from mkdocs_briefs.core.problems import Problem
from mkdocs_briefs.core.render.definition import DefinitionLinks
from mkdocs_briefs.core.render.page import (
    RenderedBody,
    RenderedBrief,
    brief_toc,
    inherited_dates,
    render_body_html,
    render_brief,
)
from mkdocs_briefs.core.render.status import render_status
from mkdocs_briefs.core.site.brief_links import BriefLinks
from mkdocs_briefs.core.source.frontmatter import split_front_matter
from mkdocs_briefs.core.text import esc
from mkdocs_briefs.rendered_reuse import KeptBrief, RecordingResolver, RenderedBriefs
from mkdocs_briefs.structure.base import PluginPage
from mkdocs_briefs.structure.files import file_urls, root_of, site_info

# Parses a brief's whole text again (front matter and a body another plugin changed).
Reparse = Callable[[str, str], tuple[Brief | None, list[Problem]]]

# Where the plugin makes the page "How we label sources", and the glossary page.
KINDS_PAGE_URI = "sources/index.md"
GLOSSARY_PAGE_URI = "glossary/index.md"


class BriefFiles:
    """The page file of each brief, by the brief file's resolved path: link targets."""

    def __init__(self) -> None:
        self._by_path: dict[str, File] = {}

    def add(self, file: File) -> None:
        self._by_path[str(file.abs_src_path)] = file

    def get(self, resolved_path: str) -> File | None:
        return self._by_path.get(resolved_path)


def brief_meta(brief: Brief) -> dict[str, Any]:
    """`page.meta` of a brief: plain values, as other plugins read front matter.

    Escaping is the template's job (the title and description are text, not HTML).
    """
    meta: dict[str, Any] = dict(brief.page_meta)
    meta.update(
        title=brief.title,
        date=brief.published,
        description=brief.summary,
        type=brief.type.key,
        tags=list(brief.tags),
        authors=list(brief.authors),
        slug=brief.slug,
    )
    if brief.updated is not None:
        meta["updated"] = brief.updated
    return meta


class BriefPage(PluginPage):
    """A brief's page. `page.markdown` is its body; a plugin that changes it in
    `on_page_markdown` sees its change rendered."""

    def __init__(
        self,
        brief: Brief,
        file: File,
        config: MkDocsConfig,
        *,
        template: str,
        link_targets: BriefFiles,
        docs_dir: Path,
        reparse: Reparse,
        glossary: Glossary | None = None,
        social_cards: bool = False,
        links: BriefLinks | None = None,
        reuse: RenderedBriefs | None = None,
        shown_key: tuple[Any, ...] = (),
    ) -> None:
        super().__init__(None, file, config)
        self.brief = brief
        self.rendered: RenderedBrief | None = None  # the fragments the template places
        self.problems: list[Problem] = []
        self._template = template
        self._link_targets = link_targets
        self._docs_dir = docs_dir  # resolved, once a build
        self._reparse = reparse
        self._glossary = glossary
        self._social_cards = social_cards
        self._links = links  # the story, previous, next and related briefs
        # Under `mkdocs serve`: last build's rendering, and what of other files it shows.
        self._reuse = reuse
        self._shown_key = shown_key
        self._markdown_read = ""
        self.body_html = ""
        self._fragments: Callable[[], RenderedBrief] | None = None  # set by render()
        self._file_urls = False
        self._anchors: set[str] | None = None

    def read_source(self, config: MkDocsConfig) -> None:
        # Parsed once for the whole build: the file is not read again.
        self.markdown = self._markdown_read = self.brief.body.source
        self.meta = {
            **brief_meta(self.brief),
            "template": self._template,
            # The left navigation is hidden on briefs: the brief needs the width for its sidebar.
            "hide": ["navigation", *_as_list(self.brief.page_meta.get("hide"))],
        }
        # The sitemap's <lastmod>: the brief's own last change, not the build's clock.
        # MkDocs stamps sitemap.xml.gz with the newest one as 32-bit Unix time: a date it
        # cannot stamp (before 1970, after 2105) keeps MkDocs' own, the build's.
        changed = (self.brief.updated or self.brief.published).date()
        if 1970 <= changed.year <= 2105:
            self.update_date = changed.isoformat()

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.problems = []
        if self.markdown != self._markdown_read:
            self._reparse_changed_body()
        brief = self.brief
        glossary_url = self._url_of(files, GLOSSARY_PAGE_URI)
        kinds_page_url = self._url_of(files, KINDS_PAGE_URI)
        root = root_of(self.file)
        site = site_info(config)
        resolve = partial(self._resolve, files=files, docs_dir=self._docs_dir)
        key = None
        if self._reuse is not None and self.markdown == self._markdown_read:
            key = (
                *self._shown_key,
                repr(brief.bylines),
                repr(brief.lead),
                sorted(inherited_dates(brief).items()),
                render_status(brief),
                glossary_url,
                kinds_page_url,
                root,
                site,
                self._social_cards,
            )
            kept = self._reuse.get(brief, key, self._glossary, resolve)
            if kept is not None:
                self._show(kept.body, kept.fragments, config)
                return
        recording = RecordingResolver(resolve)
        body = render_body_html(brief, recording, glossary_url)
        fragments = partial(
            render_brief,
            brief,
            body=body,
            kinds_page_url=kinds_page_url,
            glossary=self._glossary,
            glossary_links=DefinitionLinks(root=root, glossary_url=glossary_url),
            site=site,
            root=root,
            social_cards=self._social_cards,
            links=self._links,
        )
        if self._reuse is not None and key is not None:
            kept = KeptBrief(brief, key, self._glossary, tuple(recording.links), body, fragments())
            self._reuse.keep(kept)
            fragments = kept.fragments
        self._show(body, fragments, config)

    def _show(
        self, body: RenderedBody, fragments: Callable[[], RenderedBrief], config: MkDocsConfig
    ) -> None:
        self.problems.extend(body.problems)
        self.content = self.body_html = body.html  # the feed takes the body as rendered
        self.toc = _toc(brief_toc(self.brief))
        self._fragments = fragments
        self._file_urls = not config.use_directory_urls
        self._anchors = None

    def _render_fragments(self) -> RenderedBrief:
        assert self._fragments is not None, "rendered after render()"
        rendered = self._fragments()
        return _with_file_urls(rendered) if self._file_urls else rendered

    # The ids of the page, for MkDocs' anchor check, which asks only for the pages that
    # other pages link into with an anchor: their fragments are made for it, not kept.
    @property  # type: ignore[override]
    def present_anchor_ids(self) -> set[str] | None:
        if self._anchors is None and self._fragments is not None:
            rendered = self._render_fragments()
            self.register_anchors(
                self.content or "",
                rendered.header,
                rendered.timeline,
                rendered.corrections,
                rendered.sourcing,
                rendered.glossary,
            )
        return self._anchors

    @present_anchor_ids.setter
    def present_anchor_ids(self, anchors: set[str] | None) -> None:
        self._anchors = anchors

    def _reparse_changed_body(self) -> None:
        """Another plugin changed the Markdown (macros, snippets...): parse it with the
        brief's front matter, so that citations and mentions in it work as written."""
        text = self.file.content_string
        split = split_front_matter(text)
        assert split is not None  # the brief was parsed from this file
        text = text[: len(text) - len(split.body)] + self.markdown
        brief, problems = self._reparse(text, self.brief.path)
        self.problems.extend(problems)
        if brief is not None:
            # What the build resolved from other files stays (authors file, lead image).
            brief.lead, brief.bylines = self.brief.lead, self.brief.bylines
            self.brief = brief

    def on_page_content(self) -> list[Problem]:
        return self.problems

    def on_page_context(self, context: dict) -> None:
        # Made just before the theme renders the page, dropped once it is written: MkDocs
        # renders every page's content before it writes any.
        self.rendered = self._render_fragments()

    def on_post_page(self) -> None:
        self.rendered = None

    def _url_of(self, files: Files, src_uri: str) -> str:
        """The relative URL of another page of the site, from this brief."""
        target = files.get_file_from_path(src_uri)
        return target.url_relative_to(self.file) if target else ""

    def _resolve(self, href: str, *, files: Files, docs_dir: Path) -> str | None:
        """A link written relative to the brief file, to another brief or a docs page."""
        parts = urlsplit(href)
        if not parts.path:
            return href
        if parts.path.startswith("/"):
            target_file = files.get_file_from_path(parts.path.lstrip("/"))
        else:
            source = Path(self.file.abs_src_path or "")
            target = (source.parent / parts.path).resolve()
            target_file = self._link_targets.get(str(target))
            if target_file is None:
                try:
                    relative = target.relative_to(docs_dir).as_posix()
                except ValueError:
                    return None
                target_file = files.get_file_from_path(relative)
        if target_file is None:
            return None
        url = target_file.url_relative_to(self.file)
        if parts.fragment:
            url += "#" + parts.fragment
        return url


def _as_list(value: Any) -> list:
    if isinstance(value, list):
        return value
    return [] if value is None else [value]


# The fragments that hold links to other pages of the site.
FRAGMENTS_WITH_LINKS = (
    "header",
    "story",
    "timeline",
    "tags",
    "sourcing",
    "glossary",
    "corrections",
    "story_nav",
    "related",
)


def _with_file_urls(rendered: RenderedBrief) -> RenderedBrief:
    for name in FRAGMENTS_WITH_LINKS:
        setattr(rendered, name, file_urls(getattr(rendered, name)))
    return rendered


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
