"""Briefs parsed earlier, kept by content: in this process, and on disk between builds.

`mkdocs serve` rebuilds the whole site after every save; only the brief that
was saved needs parsing again. A `mkdocs build` finds the other briefs in the
cache folder (cache/parses.py). A parse depends on the file's bytes, its path
and the site's settings (time zone, glossary), all of which are in the key.
"""

from __future__ import annotations

from mkdocs_briefs.core.cache.findings import brief_key
from mkdocs_briefs.core.cache.parses import ParseCache
from mkdocs_briefs.core.collection.parsed import BriefSource, ParsedFile


class ParsedBriefs:
    """Parses by key; what a build did not ask for is forgotten when it ends."""

    def __init__(self) -> None:
        self._kept: dict[str, ParsedFile] = {}
        self._used: dict[str, ParsedFile] = {}
        self.keys: dict[str, str] = {}  # brief path as shown -> key of its last parse
        self._shown: dict[str, str] = {}  # key -> brief path as shown, for the store
        self.fingerprint = ""
        self.store: ParseCache | None = None

    def start_build(self, fingerprint: str, store: ParseCache | None = None) -> None:
        """`fingerprint`: the site's settings a parse depends on (check_cache.site_fingerprint);
        `store`: the cache folder's parses, if the site keeps them."""
        self.fingerprint = fingerprint
        self.store = store
        self.keys = {}
        self._shown = {}

    def key_of(self, source: BriefSource) -> str | None:
        """The file's key now; None if it could not be read (parsing it says why)."""
        if isinstance(source.data, OSError):
            return None
        key = self.keys[source.shown] = brief_key(source.shown, source.data, self.fingerprint)
        self._shown[key] = source.shown
        return key

    def get(self, key: str) -> ParsedFile | None:
        found = self._kept.get(key) or self._used.get(key)
        shown = self._shown.get(key)
        if found is None and self.store is not None and shown is not None:
            found = self.store.get(key, shown)
        if found is not None:
            self._used[key] = found
        return found

    def put(self, key: str, parsed: ParsedFile) -> None:
        """A parse made now (parse_files has written it to the store already)."""
        self._used[key] = parsed

    def end_build(self) -> None:
        if self.store is not None:
            self.store.prune(self._used)
        self._kept, self._used = self._used, {}
