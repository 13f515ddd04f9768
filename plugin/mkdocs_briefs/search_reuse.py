"""Under `mkdocs serve`, Material's search plugin does not parse the same HTML twice.

Every rebuild, the search plugin parses every page's `page.content` with a
pure-Python HTML parser: at 1,000 briefs a third of a rebuild, although one
brief changed. What it finds in a page (its sections: heading, id, text) depends
only on that HTML, so the sections are kept by the exact content they came from
and handed back when a page's content is the same string again, as its own
parser would have found them. Each page is still indexed from its final
`page.content`, with its title, tags and table of contents of this build, by the
search plugin's own code; an edited page, or one another plugin changed, has
other content and is parsed again.

Only Material's search plugin, and only when it has the parts this relies on;
otherwise nothing changes.
"""

from __future__ import annotations

import copy
import functools
import hashlib
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

SEARCH_PLUGIN_NAMES = ("material/search", "search")


class SearchSections:
    """The sections the search plugin found in each page's HTML, by that HTML."""

    def __init__(self) -> None:
        self._by_content: dict[bytes, list[Any]] = {}
        self._used: dict[bytes, list[Any]] = {}

    def attach(self, config: MkDocsConfig) -> bool:
        """Make this build's search index reuse sections; False when it cannot."""
        search = _material_search(config)
        if search is None:
            return False
        index = search.search_index
        parser_class = _parser_class(index)
        if parser_class is None:
            return False
        index.add_entry_from_context = functools.partial(self._add_entry, index, parser_class)
        return True

    def _add_entry(self, index: Any, parser_class: type, page: Any) -> None:
        # What SearchIndex.add_entry_from_context does, with the parse kept by content.
        search = page.meta.get("search") or {}
        if search.get("exclude"):
            return
        for section in self._sections(page.content or "", parser_class):
            if not section.is_excluded():
                index.create_entry_for_section(_fresh(section), page.toc, page.url, page)

    def _sections(self, content: str, parser_class: type) -> list[Any]:
        key = hashlib.blake2b(content.encode("utf-8", "surrogatepass"), digest_size=20).digest()
        sections = self._used.get(key) or self._by_content.get(key)
        if sections is None:
            parser = parser_class()
            parser.feed(content)
            parser.close()
            sections = [_fresh(section) for section in parser.data]
        self._used[key] = sections
        return sections

    def end_build(self) -> None:
        """Keep only what this build's pages had: memory stays the site's size."""
        self._by_content, self._used = self._used, {}


def _fresh(section: Any) -> Any:
    """A copy the index may change (it fills in an empty title) without changing ours."""
    fresh = copy.copy(section)
    fresh.title, fresh.text = list(section.title), list(section.text)
    return fresh


def _material_search(config: MkDocsConfig) -> Any:
    for name in SEARCH_PLUGIN_NAMES:
        plugin = config.plugins.get(name)
        if plugin is None:
            continue
        module = type(plugin).__module__
        enabled = getattr(getattr(plugin, "config", None), "enabled", False)
        if module.startswith("material.plugins.search") and enabled:
            return plugin
    return None


def _parser_class(index: Any) -> type | None:
    """Material's HTML parser for search, if its index is the kind this knows."""
    module = __import__(type(index).__module__, fromlist=["Parser"])
    parser_class = getattr(module, "Parser", None)
    needed = ("add_entry_from_context", "create_entry_for_section", "entries")
    if parser_class is None or not all(hasattr(index, name) for name in needed):
        return None
    return parser_class
