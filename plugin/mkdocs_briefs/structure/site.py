"""The plugin's site-wide pages: timeline, archive, tags, glossary, "How we label sources"."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import TableOfContents

from mkdocs_briefs.structure.base import PluginPage
from mkdocs_briefs.structure.files import file_urls, root_of

# Escapes the plain title and description the theme prints (templates/briefs-page.html).
SITE_PAGE_TEMPLATE = "briefs-page.html"

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


class SitePage(PluginPage):
    """A generated page whose HTML comes from the core, not from Markdown."""

    def __init__(self, spec: SitePageSpec, file: File, config: MkDocsConfig) -> None:
        super().__init__(None, file, config)
        self.spec = spec

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown = ""
        # Plain text: escaping is the template's job.
        self.meta = {"title": self.spec.title, "template": SITE_PAGE_TEMPLATE}
        if self.spec.description:
            self.meta["description"] = self.spec.description
        if not self.spec.searchable:
            self.meta["search"] = {"exclude": True}

    def render(self, config: MkDocsConfig, files: Files) -> None:
        # Links from site pages are relative, so the site works under any base path.
        html = self.spec.render(root_of(self.file))
        self.content = html if config.use_directory_urls else file_urls(html)
        self.toc = TableOfContents([])
        self.register_anchors(self.content)
