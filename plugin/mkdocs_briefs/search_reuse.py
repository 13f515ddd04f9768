"""Material's search plugin does not parse the same page HTML twice.

Every build, the search plugin parses every page's `page.content` with a
pure-Python HTML parser: at 1,000 briefs a third of a build with the cache,
although few pages changed since the last one. What it finds in a page (its
sections: heading, id, text) depends only on that HTML, so the sections are kept
by the exact content they came from, in memory for `mkdocs serve` and in the
build cache between builds (core/cache/search_sections.py), and handed back when
a page's content is the same string again, as its own parser would have found
them. Each page is still indexed from its final `page.content`, with its title,
tags and table of contents of this build, by the search plugin's own code; an
edited page, or one another plugin changed, has other content and is parsed again.

Only Material's search plugin, and only when it has the parts this relies on;
otherwise nothing changes.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from mkdocs_briefs.core.cache.search_sections import (
    PageSections,
    SearchSection,
    SearchSectionCache,
    content_key,
)

SEARCH_PLUGIN_NAMES = ("material/search", "search")


class SearchSections:
    """The sections the search plugin found in each page's HTML, by that HTML."""

    def __init__(self) -> None:
        self._by_content: dict[str, PageSections] = {}
        self._used: dict[str, PageSections] = {}
        self._store: SearchSectionCache | None = None
        self._parsed = False  # a page was parsed this build: the store is out of date

    def attach(self, config: MkDocsConfig, store: SearchSectionCache | None = None) -> bool:
        """Make this build's search index reuse sections; False when it cannot.

        With a `store`, the sections of the last build's pages are read from it (once
        a session) and this build's are written to it at `end_build`."""
        search = _material_search(config)
        module = _search_module(search)
        if search is None or module is None:
            return False
        if store is not None and self._store is None:
            self._store = store
            self._by_content = {**store.load(), **self._by_content}
        index = search.search_index
        index.add_entry_from_context = functools.partial(self._add_entry, index, module)
        return True

    def _add_entry(self, index: Any, module: Any, page: Any) -> None:
        # What SearchIndex.add_entry_from_context does, with the parse kept by content.
        search = page.meta.get("search") or {}
        if search.get("exclude"):
            return
        for kept in self._sections(page.content or "", module.Parser):
            section = module.Section(module.Element("hx"))
            section.id = kept.id
            section.title = [] if kept.title is None else [kept.title]
            section.text = [kept.text]
            index.create_entry_for_section(section, page.toc, page.url, page)

    def _sections(self, content: str, parser_class: type) -> PageSections:
        key = content_key(content)
        sections = self._used.get(key) or self._by_content.get(key)
        if sections is None:
            parser = parser_class()
            parser.feed(content)
            parser.close()
            # Kept as the index takes them, joined and stripped: its entries then hold the
            # same strings, not copies.
            sections = tuple(
                SearchSection(
                    section.id,
                    "".join(section.title).strip() if section.title else None,
                    "".join(section.text).strip(),
                )
                for section in parser.data
                if not section.is_excluded()
            )
            self._parsed = True
        self._used[key] = sections
        return sections

    def end_build(self) -> None:
        """Keep only what this build's pages had: memory and the store stay the site's size."""
        changed = self._parsed or self._used.keys() != self._by_content.keys()
        if self._store is not None and changed:
            self._store.save(self._used)
        self._by_content, self._used = self._used, {}
        self._parsed = False


def search_code(config: MkDocsConfig) -> str | None:
    """A fingerprint of the search plugin's code, whose parse the store keeps."""
    module = _search_module(_material_search(config))
    if module is None:
        return None
    try:
        source = inspect.getsource(module)
    except (OSError, TypeError):
        return None
    return hashlib.sha256(source.encode()).hexdigest()


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


def _search_module(search: Any) -> Any:
    """Material's search module, if its index and parser are the kind this knows."""
    index = getattr(search, "search_index", None)
    if index is None:
        return None
    module = inspect.getmodule(type(index))
    needed = ("add_entry_from_context", "create_entry_for_section", "entries")
    if module is None or not all(hasattr(index, name) for name in needed):
        return None
    if not all(hasattr(module, name) for name in ("Parser", "Section", "Element")):
        return None
    return module
