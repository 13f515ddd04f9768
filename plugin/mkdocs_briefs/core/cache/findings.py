"""What `briefs check` found in each brief file, kept by content between runs.

A brief's own problems, page URL, glossary terms and relative links depend only
on its bytes, its path, the site's time zone and glossary, and this package's
code; all of them are in the key. Relative links are resolved again on every
run, since the files they point to may have changed.

The file is signed with the user's key (cache/key.py): a crafted or committed
one, which could hide a warning from the check, is not read. Each entry must
then have the types and forms a check gives it, or the brief is checked again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from mkdocs_briefs import __version__
from mkdocs_briefs.core.cache.folder import open_folder, read_file, write_file
from mkdocs_briefs.core.cache.key import sign, signed_by, user_key
from mkdocs_briefs.core.ids import is_valid_id
from mkdocs_briefs.core.problems import Location, Problem, Severity
from mkdocs_briefs.core.source.reader import MAX_GLOSSARY_BYTES, read_bounded

CACHE_DIR = ".briefs-cache"
CACHE_FILE = "check.json"
FORMAT = 2  # bump when what a cached entry means changes
MAX_CHECK_FILE = 64 * 1024 * 1024  # bytes: a thousand briefs' findings take about half a MB
_SIGNED_AS = ("check", CACHE_FILE)  # kind and name, for the signature
# A page path as a brief makes it (yyyy/mm/dd/slug/): nothing that leaves the site.
_PAGE_URL = re.compile(r"(?:[0-9a-z][0-9a-z-]*/)+\Z")
PACKAGE_DIR = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class BriefFindings:
    """Everything checking one brief file found, before links are resolved."""

    url: str | None  # None when the brief cannot be built
    problems: tuple[Problem, ...]
    terms: tuple[str, ...] = ()
    links: tuple[tuple[str, int], ...] = ()  # relative links: (href, file line)
    published: str | None = None  # ISO datetime: a brief dated after the check is scheduled
    draft: bool = False
    image: tuple[str, int, int] | None = None  # the lead image's src and where it is written
    # What the site-wide pass needs of the brief (same_as.refs_to_json, story id), as JSON.
    site: dict | None = None


def site_fingerprint(timezone: str, glossary: Path | None) -> str:
    digest = hashlib.sha256(f"{FORMAT}\0{code_fingerprint()}\0{timezone}\0".encode())
    if glossary is not None and glossary.is_file():
        # Bounded: an oversized glossary is refused by its loader, never read whole.
        with contextlib.suppress(OSError):
            digest.update(read_bounded(glossary, MAX_GLOSSARY_BYTES))
    return digest.hexdigest()


@cache
def code_fingerprint() -> str:
    """This package's version and code, and the parsers it uses: a change to any of them
    may change what a brief parses to, so it starts the caches afresh."""
    import markdown_it  # imported by the parser already: named here for its version
    import yaml

    digest = hashlib.sha256(
        f"{__version__}\0{markdown_it.__version__}\0{yaml.__version__}\0".encode()
    )
    for module in sorted(PACKAGE_DIR.rglob("*.py")):
        digest.update(module.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0")
        digest.update(module.read_bytes())
    return digest.hexdigest()


def brief_key(shown: str, data: bytes, fingerprint: str) -> str:
    return hashlib.sha256(f"{fingerprint}\0{shown}\0".encode() + data).hexdigest()


class CheckCache:
    """A signed JSON file of findings by key; entries not used in a run are dropped on save."""

    def __init__(self, project_dir: Path) -> None:
        self.cache_dir = project_dir / CACHE_DIR
        self.path = self.cache_dir / CACHE_FILE
        self._key = user_key()
        self._old: dict[str, Any] = {}
        self._new: dict[str, dict] = {}
        if self._key is None:
            return  # nothing is kept without the user's key
        with contextlib.suppress(OSError, ValueError, RecursionError):
            loaded = json.loads(self._signed_text())
            if isinstance(loaded, dict):
                self._old = loaded

    def get(self, key: str) -> BriefFindings | None:
        entry = self._old.get(key)
        findings = _from_json(entry) if entry is not None else None
        if findings is not None:
            self._new[key] = entry
        return findings

    def put(self, key: str, findings: BriefFindings) -> None:
        self._new[key] = _to_json(findings)

    def save(self) -> None:
        """Best effort: a read-only checkout still gets its check, just no cache."""
        if self._key is None:
            return
        data = json.dumps(self._new, sort_keys=True).encode()
        with contextlib.suppress(OSError), open_folder(self.cache_dir, create=True) as folder:
            write_file(folder, CACHE_FILE, sealed_findings(self._key, data))

    def _signed_text(self) -> bytes:
        """The file's JSON; ValueError if it was not signed with the user's key."""
        assert self._key is not None
        with open_folder(self.cache_dir) as folder:
            stored = read_file(folder, CACHE_FILE, MAX_CHECK_FILE)
        signature, _, data = stored.partition(b"\n")
        if not signed_by(self._key, bytes.fromhex(signature.decode("ascii")), *_SIGNED_AS, data):
            raise ValueError("not signed with this user's key")
        return data


def sealed_findings(key: bytes, data: bytes) -> bytes:
    """The check file's bytes for its JSON: the signature in hex on a line, then the JSON."""
    return sign(key, *_SIGNED_AS, data).hex().encode() + b"\n" + data


def _to_json(findings: BriefFindings) -> dict:
    return {
        "url": findings.url,
        "problems": [
            [p.location.path, p.location.line, p.location.col, p.severity.value, p.message]
            for p in findings.problems
        ],
        "terms": list(findings.terms),
        "links": [list(link) for link in findings.links],
        "published": findings.published,
        "draft": findings.draft,
        "image": list(findings.image) if findings.image else None,
        "site": findings.site,
    }


def _from_json(entry: object) -> BriefFindings | None:
    """The findings an entry holds; None unless every field has its type and form."""
    if not isinstance(entry, dict) or entry.keys() != _FIELDS:
        return None
    url, problems, terms, links = entry["url"], entry["problems"], entry["terms"], entry["links"]
    published, draft, image, site = (entry[k] for k in ("published", "draft", "image", "site"))
    if not (published is None or _is_time(published)) or type(draft) is not bool:
        return None
    # The site-wide part is checked by its reader (check.py), which knows its form.
    if not (image is None or _is_image(image)) or not (site is None or type(site) is dict):
        return None
    if not (url is None or (type(url) is str and _PAGE_URL.match(url))):
        return None
    if not (_list_of(problems, _is_problem) and _list_of(terms, is_valid_id)):
        return None
    if not _list_of(links, _is_link):
        return None
    return BriefFindings(
        url=url,
        problems=tuple(
            Problem(Location(path, line, col), message, Severity(severity))
            for path, line, col, severity, message in problems
        ),
        terms=tuple(terms),
        links=tuple((href, line) for href, line in links),
        published=published,
        draft=draft,
        image=(image[0], image[1], image[2]) if image is not None else None,
        site=site,
    )


_FIELDS = {"url", "problems", "terms", "links", "published", "draft", "image", "site"}
_SEVERITIES = frozenset(severity.value for severity in Severity)


def _list_of(value: object, valid: Any) -> bool:
    return type(value) is list and all(valid(item) for item in value)


def _is_count(value: object) -> bool:
    return type(value) is int and value >= 0


def _is_problem(value: object) -> bool:
    if type(value) is not list or len(value) != 5:
        return False
    path, line, col, severity, message = value
    return (
        type(path) is str
        and _is_count(line)
        and _is_count(col)
        and type(severity) is str
        and severity in _SEVERITIES
        and type(message) is str
    )


def _is_link(value: object) -> bool:
    return type(value) is list and len(value) == 2 and type(value[0]) is str and _is_count(value[1])


def _is_time(value: object) -> bool:
    if type(value) is not str:
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _is_image(value: object) -> bool:
    return (
        type(value) is list
        and len(value) == 3
        and type(value[0]) is str
        and _is_count(value[1])
        and _is_count(value[2])
    )
