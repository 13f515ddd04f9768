"""Parsed briefs kept on disk between builds, by content: a build parses only what changed.

Parsing is most of a build's own work, and between two builds of a newsroom's
site almost every brief is unchanged. A parse depends on the file's bytes, its
path, the site's time zone and glossary, and this package's code; all of them
are in its key (check_cache.brief_key), so an entry is never stale, only unused.
Entries are read without running code (see pickles.py).
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

from .parsed import ParsedFile
from .pickles import SUFFIX, RecordFolder, entries_of, newest_first

PARSED_DIR = "parsed"  # inside the cache folder, .briefs-cache (check_cache.CACHE_DIR)
KEPT_CONFIGURATIONS = 4  # folders of site fingerprints kept, this build's included


class ParseCache:
    """One file per parse, named by its key, in a folder per site fingerprint (the site's
    settings and this package's code): a site built with two configurations, or by two
    versions of the plugin, keeps the parses of each."""

    def __init__(self, cache_dir: Path, fingerprint: str) -> None:
        self.folder = cache_dir / PARSED_DIR / fingerprint[:16]
        self._records = RecordFolder(cache_dir, self.folder)

    def get(self, key: str) -> ParsedFile | None:
        return self._records.get(key, ParsedFile)

    def put(self, key: str, parsed: ParsedFile) -> None:
        self._records.put(key, parsed)

    def prune(self, keep: Iterable[str]) -> None:
        """After a build: drop the entries it did not use (briefs edited or deleted since),
        and the folders of all but the most recently built other configurations."""
        names = {key + SUFFIX for key in keep}
        with contextlib.suppress(OSError):
            _remove_all(entry.path for entry in entries_of(self.folder) if entry.name not in names)
            os.utime(self.folder)  # this configuration was built now
        configurations = newest_first(entries_of(self.folder.parent))
        others = [entry for entry in configurations if entry.path != str(self.folder)]
        for old in others[KEPT_CONFIGURATIONS - 1 :]:
            shutil.rmtree(old.path, ignore_errors=True)


def _remove_all(paths: Iterable[str]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            os.unlink(path)
