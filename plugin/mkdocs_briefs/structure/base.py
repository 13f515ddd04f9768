"""What the plugin's pages share: hooks named after the MkDocs events that call them."""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from mkdocs_briefs.core.problems import Problem

_ID = re.compile(r'\sid="([^"]+)"')


class PluginPage(Page):
    """A page whose HTML the core makes, not Python-Markdown.

    MkDocs calls `read_source` (metadata and Markdown) and `render` (content, table of
    contents, anchors) as for any page; the plugin calls the `on_*` hooks from its own
    event handlers of the same name.
    """

    def on_page_content(self) -> list[Problem]:
        """The problems rendering found, to report once per build."""
        return []

    def on_page_context(self, context: dict) -> None:
        """What the page's template shows besides `page.content`."""

    def on_post_page(self) -> None:
        """The page is written: let go of what only its template needed."""

    def register_anchors(self, *fragments: str) -> None:
        """Every id the page will hold, so that MkDocs' anchor check knows them."""
        self.present_anchor_ids = {
            anchor for fragment in fragments for anchor in _ID.findall(fragment)
        }

    def read_source(self, config: MkDocsConfig) -> None:
        raise NotImplementedError

    def render(self, config: MkDocsConfig, files: Files) -> None:
        raise NotImplementedError
