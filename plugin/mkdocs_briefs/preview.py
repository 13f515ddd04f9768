"""Quick rebuilds under `mkdocs serve`: a page whose inputs did not change is not made again.

`mkdocs serve` rebuilds the whole site after every save. With 1,000 briefs,
parsing them, rendering the theme and indexing for search takes seconds,
although one brief changed. The plugin instance lives as long as the server
(it has `on_startup`), so it keeps, between builds:

- each brief file's parse, by its bytes and the site's settings (core/memo.py);
- each of the plugin's pages as the theme rendered it, with the search
  entries the search plugin made of it, by the page's inputs and a fingerprint
  of what every page shows (configuration file, theme overrides, navigation).

A kept page is not rendered again: when its file is still in the served folder
(see served_folder.py) it is not even written again, else it is written from
the kept HTML through a one-line template; its search entries are handed back
to the search plugin in their place. The site and its search index are the
same as a full build's. Site-wide pages
(front page, timeline, glossary, lists) are rendered by the core every time,
since any brief may change them; the theme only runs again if their HTML did.

Two costs of MkDocs itself are avoided too: the theme's templates are compiled
once per session, not once per build, and the served folder is not emptied
before each build (see served_folder.py).
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import mkdocs
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_theme_dir

from . import __version__
from .core.glossary_file import SiteGlossary, load_site_glossary
from .core.memo import ParsedBriefs
from .core.problems import Problem
from .core.reader import MAX_GLOSSARY_BYTES, read_bounded
from .idle_gc import IdleCollector
from .served_folder import ServedFolder

KEPT_TEMPLATE = "briefs-kept-page.html"  # writes `page.kept.output` as it is


@dataclass(frozen=True)
class KeptPage:
    """A page as the theme rendered it (before on_post_page), and what it depended on."""

    output: str
    search_entries: tuple[dict, ...]
    problems: tuple[Problem, ...] = ()
    links: tuple[tuple[str, str | None], ...] = ()  # (href, what it resolved to)
    body: str = ""  # a brief's body, for the feed


@dataclass
class _Pending:
    """What is collected of a page while it is built, to keep it afterwards."""

    key: str
    first_entry: int = 0
    search_entries: tuple[dict, ...] = ()


class QuietSkips(logging.Filter):
    """MkDocs notes each page whose output is empty; a kept page already on disk is, by design."""

    def __init__(self) -> None:
        super().__init__()
        self.src_uris: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        message = str(record.msg)
        if record.levelno != logging.INFO or not message.startswith("Page skipped: '"):
            return True
        return message.split("'")[1] not in self.src_uris

    def attach(self) -> None:
        logging.getLogger("mkdocs.commands.build").addFilter(self)

    def detach(self) -> None:
        logging.getLogger("mkdocs.commands.build").removeFilter(self)


class TemplateCode(jinja2.BytecodeCache):
    """Compiled templates for the whole session; Jinja checks each against its source."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


@dataclass
class PreviewCache:
    parsed: ParsedBriefs = field(default_factory=ParsedBriefs)
    templates: TemplateCode = field(default_factory=TemplateCode)
    quiet: QuietSkips = field(default_factory=QuietSkips)
    garbage: IdleCollector = field(default_factory=IdleCollector)
    folder: ServedFolder = field(default_factory=ServedFolder)
    site: str = ""  # fingerprint of what every page shows, for this build
    _kept: dict[str, KeptPage] = field(default_factory=dict)
    _used: dict[str, KeptPage] = field(default_factory=dict)
    _pending: dict[int, _Pending] = field(default_factory=dict)  # by id(page)
    _search_entries: list | None = None  # the search plugin's list of entries, if known
    _glossary: tuple[tuple[str, bytes | None], SiteGlossary] | None = None
    kept_briefs: int = 0  # brief pages this build took from the last one
    rendered_briefs: int = 0

    def start(self) -> None:
        self.quiet.attach()

    def before_clean(self, config: MkDocsConfig) -> None:
        """A build starts (MkDocs' on_pre_build): no collection now; save the served files."""
        self.garbage.build_started()
        self.folder.before_clean(config)

    def stop(self) -> None:
        """The serve session ends: leave no filter, timer or moved folder behind."""
        self.quiet.detach()
        self.garbage.stop()
        self.folder.discard()

    def start_build(self, config: MkDocsConfig, nav: Navigation) -> None:
        self.site = _site_fingerprint(config, nav)
        self._search_entries = _search_entries_of(config)
        self._pending = {}
        self.kept_briefs = self.rendered_briefs = 0
        self.quiet.src_uris = set()

    def site_glossary(
        self, option: str, project_dir: Path, cache_dir: Path | None = None
    ) -> SiteGlossary:
        """The glossary and its matcher, loaded again only when the file changed."""
        path = project_dir / option
        try:
            data: bytes | None = read_bounded(path, MAX_GLOSSARY_BYTES)
        except OSError:  # unreadable, or too large
            data = None  # reported by the loader
        key = (str(path), data)
        if self._glossary is None or self._glossary[0] != key:
            self._glossary = (key, load_site_glossary(option, project_dir, cache_dir))
        return self._glossary[1]

    @property
    def can_keep_pages(self) -> bool:
        # A search plugin this module does not know would lose the pages it is not shown.
        return self._search_entries is not None

    def page_key(self, *parts: str) -> str:
        digest = hashlib.sha256(self.site.encode())
        for part in parts:
            digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def reuse(
        self, page: Page, key: str, still_valid: Callable[[KeptPage], bool] | None = None
    ) -> KeptPage | None:
        """The page as kept under `key`, else None and what the build makes of it is kept."""
        kept = (self._kept.get(key) or self._used.get(key)) if self.can_keep_pages else None
        if kept is not None and (still_valid is None or still_valid(kept)):
            self._used[key] = kept
            return kept
        self._pending[id(page)] = _Pending(key)
        return None

    def already_written(self, src_uri: str, dest_path: str) -> bool:
        """True if the kept page's file is still in the served folder: no need to write it."""
        if not os.path.isfile(dest_path):
            return False
        self.quiet.src_uris.add(src_uri)
        return True

    # --- Around the search plugin and the theme, for pages not kept ------------------

    def before_search(self, page: Page) -> None:
        pending = self._pending.get(id(page))
        if pending is not None and self._search_entries is not None:
            pending.first_entry = len(self._search_entries)

    def after_search(self, page: Page) -> None:
        kept: KeptPage | None = getattr(page, "kept", None)
        if self._search_entries is None:
            return
        if kept is not None:
            self._search_entries.extend(kept.search_entries)
            return
        pending = self._pending.get(id(page))
        if pending is not None:
            pending.search_entries = tuple(self._search_entries[pending.first_entry :])

    def rendered(self, page: Page, output: str, **details: Any) -> None:
        pending = self._pending.pop(id(page), None)
        if pending is not None and self.can_keep_pages:
            kept = KeptPage(output, pending.search_entries, **details)
            self._used[pending.key] = kept

    def end_build(self, config: MkDocsConfig) -> None:
        """Forget what this build did not use: a serve session's memory stays the site's size."""
        self._kept, self._used = self._used, {}
        self._pending = {}
        self.parsed.end_build()
        self.folder.remove_stale(config)
        self.garbage.build_done()


def _site_fingerprint(config: MkDocsConfig, nav: Navigation) -> str:
    """What the theme shows on every page besides the page itself."""
    digest = hashlib.sha256(f"{__version__}\0{config.site_url}\0".encode())
    if config.config_file_path and os.path.isfile(config.config_file_path):
        digest.update(Path(config.config_file_path).read_bytes())
    for path, stamp in _theme_overrides(config):
        digest.update(f"\0{path}\0{stamp}".encode())
    for title, url in _nav_items(nav.items):
        digest.update(f"\0{title}\0{url}".encode())
    return digest.hexdigest()


def _theme_overrides(config: MkDocsConfig) -> Iterator[tuple[str, int]]:
    """Files of the theme folders that may change while serving: all but the installed ones."""
    installed = {
        os.path.realpath(get_theme_dir(config.theme.name)) if config.theme.name else "",
        os.path.realpath(os.path.join(os.path.dirname(mkdocs.__file__), "templates")),
    }
    for folder in config.theme.dirs:
        if os.path.realpath(folder) in installed:
            continue
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():
                stat = path.stat()
                yield str(path), stat.st_mtime_ns + stat.st_size


def _nav_items(items: list) -> Iterator[tuple[str, str]]:
    for item in items:
        yield str(item.title), str(getattr(item, "url", "") or "")
        yield from _nav_items(getattr(item, "children", None) or [])


def _search_entries_of(config: MkDocsConfig) -> list | None:
    """The entries list of Material's search plugin; [] when the site has no search."""
    searches = [
        plugin
        for name, plugin in config.plugins.items()
        if name.split("/")[-1] == "search" or hasattr(plugin, "search_index")
    ]
    if not searches:
        return []
    if len(searches) > 1:
        return None
    index = getattr(searches[0], "search_index", None)
    entries = getattr(index, "entries", None)
    if isinstance(entries, list) and hasattr(index, "add_entry_from_context"):
        return entries
    return None
