"""What the site search found in each page's HTML, kept on disk between builds.

A search plugin parses every page's final HTML on every build, in pure Python:
with the plugin's citation markers, claims and term links, a third of a cached
1,000-brief build. What it finds in a page (sections: an id, a heading and the
text) depends only on that HTML and on the search plugin's code, so the
sections are kept by a hash of the HTML, in signed files per version of the
search code. A page whose HTML changed in any way, by an edit or by another
plugin, has another hash and is parsed again.

The file is read back as untrusted input (cache/pickles.py): signed, size-capped
and made of plain strings only; and each section must have the form a search
parser gives it (an id made for a URL; text escaped, with only the bare tags a
search index keeps), else the whole file is ignored.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs_briefs.core.cache.pickles import RecordFolder

SECTIONS_DIR = "search"  # inside the cache folder, beside the parses
FORMAT = 2  # bump when what an entry means changes
# The only markup a search index keeps in a section's text: bare tags, no attributes.
_KEPT_TAGS = re.compile(r"</?(?:p|code|pre|li|ol|ul|sub|sup)>")
_ID = re.compile(r"[A-Za-z0-9_:.-]{1,200}\Z")
_CONTENT_KEY = re.compile(r"[0-9a-f]{40}\Z")
SHARDS = "0123456789abcdef"  # a file for the pages whose content key starts with each


@dataclass(frozen=True)
class SearchSection:
    """One section of a page as the search index takes it: the heading's id (None for
    the page's top), its title (None when it had none: the page's title is used)
    and its text, both as escaped HTML with no space around it."""

    id: str | None
    title: str | None
    text: str


PageSections = tuple[SearchSection, ...]


def content_key(html: str) -> str:
    """The key of a page's HTML: the same HTML, the same sections."""
    return hashlib.blake2b(html.encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()


class SearchSectionCache:
    """The sections of every page of the last build, by `content_key`, in 16 files (by
    the key's first digit) named by the search code's fingerprint: another version of
    the search code starts afresh. A build rewrites only the files whose pages changed,
    and a file stays far below the size the cache reads even for a very large site."""

    def __init__(self, cache_dir: Path, search_code: str) -> None:
        self._records = RecordFolder(cache_dir, (SECTIONS_DIR,), dict, _valid)
        self._names = {
            shard: hashlib.sha256(f"{FORMAT}\0{search_code}\0{shard}".encode()).hexdigest()
            for shard in SHARDS
        }
        self._loaded: dict[str, dict[str, PageSections]] = {}

    def load(self) -> dict[str, PageSections]:
        """What the last build kept; a file missing or in doubt keeps nothing."""
        found: dict[str, PageSections] = {}
        for shard, name in self._names.items():
            stored = self._records.get(name, f"{SECTIONS_DIR}/{shard}") or {}
            pages = {
                key: tuple(SearchSection(*fields) for fields in sections)
                for key, sections in stored.items()
            }
            self._loaded[shard] = pages
            found.update(pages)
        return found

    def save(self, sections: dict[str, PageSections]) -> None:
        """Keep `sections` (this build's pages) in place of those of the last build."""
        by_shard: dict[str, dict[str, PageSections]] = {shard: {} for shard in SHARDS}
        for key, page in sections.items():
            by_shard[key[0]][key] = page
        written = False
        for shard, pages in by_shard.items():
            loaded = self._loaded.get(shard, {})
            if shard in self._loaded and _same_pages(loaded, pages):
                continue  # the same pages, as read: the file is up to date
            stored = {
                key: [(section.id, section.title, section.text) for section in page]
                for key, page in pages.items()
            }
            self._records.put(self._names[shard], stored)
            self._loaded[shard] = pages
            written = True
        if written:  # and the files of other versions of the search code go
            self._records.keep_only(set(self._names.values()))


def _same_pages(loaded: dict[str, PageSections], pages: dict[str, PageSections]) -> bool:
    return loaded.keys() == pages.keys() and all(loaded[key] is pages[key] for key in pages)


def _valid(stored: dict, shown: str) -> bool:
    """Every entry is a list of (id, title, text) with the forms a search parser makes,
    kept in the file of its key's first digit (`shown` ends with it)."""
    shard = shown[-1:]
    for key, sections in stored.items():
        if type(key) is not str or not _CONTENT_KEY.match(key) or type(sections) is not list:
            return False
        if key[0] != shard:
            return False
        for fields in sections:
            if type(fields) is not tuple or len(fields) != 3:
                return False
            section_id, title, text = fields
            if section_id is not None and not (type(section_id) is str and _ID.match(section_id)):
                return False
            if (title is not None and not _escaped_html(title)) or not _escaped_html(text):
                return False
    return True


def _escaped_html(value: object) -> bool:
    """Text as a search parser writes it: escaped, with only the tags it keeps."""
    if type(value) is not str:
        return False
    bare = _KEPT_TAGS.sub("", value)
    return "<" not in bare and ">" not in bare
