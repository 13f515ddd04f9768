"""Parsed briefs kept on disk between builds, by content: a build parses only what changed.

Parsing is most of a build's own work, and between two builds of a newsroom's
site almost every brief is unchanged. A parse depends on the file's bytes, its
path, the site's time zone and glossary, and this package's code; all of them
are in its key (check_cache.brief_key), so an entry is never stale, only unused.
Entries are signed and checked when read (see cache/pickles.py).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from pathlib import Path

from mkdocs_briefs.core.brief.parse import ParsedFile
from mkdocs_briefs.core.cache.folder import SUPPORTED, open_folder, own_folders, remove_own_folder
from mkdocs_briefs.core.cache.key import key_problem
from mkdocs_briefs.core.cache.pickles import ENTRY_NAMES, RecordFolder
from mkdocs_briefs.core.cache.records import valid_parse

PARSED_DIR = "parsed"  # inside the cache folder, .briefs-cache (findings.CACHE_DIR)
GLOSSARY_DIR = "glossary"  # the loaded glossary, beside the parses
KEPT_CONFIGURATIONS = 4  # folders of site fingerprints kept, this build's included
FINGERPRINT_LENGTH = 16  # hex digits of the site fingerprint that name its folder
CONFIGURATION_NAMES = re.compile(f"[0-9a-f]{{{FINGERPRINT_LENGTH}}}\\Z")


class ParseCache:
    """One file per parse, named by its key, in a folder per site fingerprint (the site's
    settings and this package's code): a site built with two configurations, or by two
    versions of the plugin, keeps the parses of each."""

    def __init__(self, cache_dir: Path, fingerprint: str) -> None:
        self.cache_dir = cache_dir
        self.configuration = fingerprint[:FINGERPRINT_LENGTH]
        self._records = RecordFolder(
            cache_dir, (PARSED_DIR, self.configuration), ParsedFile, valid_parse
        )
        self.folder = self._records.folder

    def get(self, key: str, shown: str) -> ParsedFile | None:
        """The parse kept for `key`, of the brief file shown as `shown`."""
        return self._records.get(key, shown)

    def put(self, key: str, parsed: ParsedFile) -> None:
        self._records.put(key, parsed)

    def prune(self, keep: Iterable[str]) -> None:
        """After a build: drop the entries it did not use (briefs edited or deleted since),
        and the folders of all but the most recently built other configurations."""
        self._records.keep_only(set(keep))  # and marks this configuration as built now
        with contextlib.suppress(OSError), open_folder(self.cache_dir, (PARSED_DIR,)) as parsed:
            configurations = own_folders(parsed, CONFIGURATION_NAMES)
            others = [entry for entry in configurations if entry.name != self.configuration]
            for old in others[KEPT_CONFIGURATIONS - 1 :]:
                remove_own_folder(parsed, old.name, ENTRY_NAMES)


def cache_notice(cache_dir: Path) -> str | None:
    """Why builds keep nothing in `cache_dir`, or part of it (a sentence for the log)."""
    if not SUPPORTED:
        return "the build cache keeps nothing: this system cannot open folders refusing links"
    problem = key_problem()
    if problem is not None:
        return f"the build cache keeps nothing: {problem}"
    for folder in (cache_dir, cache_dir / PARSED_DIR, cache_dir / GLOSSARY_DIR):
        if folder.is_symlink():
            shown = folder.relative_to(cache_dir.parent).as_posix()
            return (
                f"the build cache keeps nothing in {shown}: it is a link, which the cache "
                "never follows; delete the link"
            )
    return None
