"""Edit-to-preview: how long after saving a brief `mkdocs serve` shows the change.

Starts `mkdocs serve` (live reload on, as editors run it) on the generated
briefs site, waits for a brief's page, then edits that brief's title and one
sentence and polls the page on loopback until the new sentence is served.
Also reports whether the site-wide pages and the search index show the new
title once the rebuild is done. Run alone: `python -m bench.preview --size 1000`.
"""

from __future__ import annotations

import html
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median
from urllib.parse import urljoin, urlsplit

from .brief_model import BriefSpec
from .corpus import SITE_URL, corpus_parser, make_corpus
from .measure import child_env
from .targets import PREVIEW_SECONDS_MAX, Verdict
from .yamltext import scalar

POLL_SECONDS = 0.02
CHANGE_TIMEOUT = 60.0  # seconds for one edit to show up
START_TIMEOUT = 900.0  # seconds for the first full build of a large site
SITE_WIDE = ("", "timeline/", "glossary/")  # checked when the site has them
_OLDER = re.compile(r'rel="next" href="([^"]+)"')  # the link to a list's next page
SEARCH_INDEX = "search/search_index.json"


@dataclass
class EditResult:
    brief: str
    page_seconds: float  # write -> the brief's page serves the new sentence
    rebuilt_seconds: float | None  # write -> the search index has the new title
    title_shown: dict[str, bool] = field(default_factory=dict)  # site page -> new title on it


@dataclass
class PreviewResult:
    size: int
    edits: list[EditResult]

    @property
    def median_seconds(self) -> float:
        return median(edit.page_seconds for edit in self.edits)

    def verdict(self) -> Verdict:
        return Verdict(
            f"edit-to-preview at {self.size:,} briefs",
            self.median_seconds,
            PREVIEW_SECONDS_MAX,
            " s",
            f"median of {len(self.edits)} edits",
        )

    def report(self) -> str:
        lines = [f"== Edit-to-preview at {self.size:,} briefs (mkdocs serve, live reload on) =="]
        for edit in self.edits:
            rebuilt = "never" if edit.rebuilt_seconds is None else f"{edit.rebuilt_seconds:.2f} s"
            shown = ", ".join(
                f"{page}: {'yes' if ok else 'NO'}" for page, ok in edit.title_shown.items()
            )
            lines.append(
                f"{edit.brief}: page {edit.page_seconds:.2f} s, search index {rebuilt}; "
                f"new title on {shown}"
            )
        lines.append(f"median edit-to-preview: {self.median_seconds:.2f} s")
        return "\n".join(lines)


class Server:
    """A `mkdocs serve` child on a free loopback port, always stopped on exit."""

    def __init__(self, site: Path, log: Path) -> None:
        self.site = site
        self.log_path = log
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}{urlsplit(SITE_URL).path}"
        self.child: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Server:
        command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{self.port}"]
        with self.log_path.open("wb") as log:
            self.child = subprocess.Popen(
                command, cwd=self.site, stdout=log, stderr=subprocess.STDOUT, env=child_env()
            )
        return self

    def __exit__(self, *exc: object) -> None:
        if self.child is None:
            return
        self.child.terminate()
        try:
            self.child.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.child.kill()
            self.child.wait(timeout=15)

    def get(self, path: str) -> str | None:
        """The page's text, or None if it is missing or the server is between builds."""
        if self.child is not None and self.child.poll() is not None:
            tail = self.log_path.read_text(errors="replace")[-2000:]
            raise RuntimeError(f"mkdocs serve stopped (exit {self.child.returncode}):\n{tail}")
        try:
            with urllib.request.urlopen(self.base + path, timeout=5) as response:
                return response.read().decode("utf-8", "replace")
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return None

    def shows(self, path: str, text: str) -> bool:
        """Whether the page, or one of the older pages it leads to, has `text` (a brief's
        events may be anywhere in the paged timeline)."""
        seen: set[str] = set()
        while path not in seen:
            seen.add(path)
            page = self.get(path)
            if page is None:
                return False
            if text in page:
                return True
            older = _OLDER.search(page)
            if older is None:
                return False
            path = urljoin(self.base + path, html.unescape(older.group(1)))[len(self.base) :]
        return False

    def wait_for(
        self, path: str, test: Callable[[str], bool], timeout: float, every: float
    ) -> float | None:
        """Seconds until `test(page)` holds, polling every `every` s; None after `timeout`."""
        start = time.perf_counter()
        deadline = start + timeout
        while time.perf_counter() < deadline:
            page = self.get(path)
            if page is not None and test(page):
                return time.perf_counter() - start
            time.sleep(every)
        return None


def measure_preview(site: Path, briefs: list[BriefSpec], repeats: int, log: Path) -> PreviewResult:
    """Edit the `repeats` newest briefs one after another and time each change."""
    newest = sorted(briefs, key=lambda b: b.published, reverse=True)[:repeats]
    with Server(site, log) as server:
        if server.wait_for(newest[0].url, lambda page: True, START_TIMEOUT, 0.2) is None:
            raise RuntimeError(f"mkdocs serve did not serve {newest[0].url} in {START_TIMEOUT} s")
        site_wide = [p for p in SITE_WIDE if server.get(p) is not None]
        edits = [_edit_once(server, site, brief, n, site_wide) for n, brief in enumerate(newest, 1)]
    return PreviewResult(len(briefs), edits)


def _edit_once(
    server: Server, site: Path, brief: BriefSpec, n: int, site_wide: list[str]
) -> EditResult:
    path = site / "briefs" / brief.brief_path
    original = path.read_text(encoding="utf-8")
    stamp = f"{n}x{time.time_ns() % 10**9}"
    sentence = f"Editors corrected this line in preview check {stamp}."
    title = f"{brief.title} revised {stamp}"
    edited = _edited(original, brief, sentence, title)
    try:
        path.write_text(edited, encoding="utf-8")
        written = time.perf_counter()
        shown = server.wait_for(
            brief.url, lambda page: sentence in page, CHANGE_TIMEOUT, POLL_SECONDS
        )
        if shown is None:
            raise RuntimeError(f"{brief.url} did not show the edit within {CHANGE_TIMEOUT} s")
        page_seconds = time.perf_counter() - written
        has_title = server.wait_for(SEARCH_INDEX, lambda page: title in page, CHANGE_TIMEOUT, 0.1)
        rebuilt = None if has_title is None else time.perf_counter() - written
        title_shown = {f"/{p}": server.shows(p, title) for p in site_wide}
        title_shown[f"/{SEARCH_INDEX}"] = has_title is not None
    finally:
        path.write_text(original, encoding="utf-8")
    # Let the server rebuild the restored file before the next edit is timed.
    server.wait_for(SEARCH_INDEX, lambda page: title not in page, CHANGE_TIMEOUT, 0.1)
    return EditResult(brief.url, page_seconds, rebuilt, title_shown)


def _edited(text: str, brief: BriefSpec, sentence: str, title: str) -> str:
    """The brief with a new title and its lede's last sentence replaced."""
    old_sentence = brief.blocks[0].segments[-1].text.strip()
    front, body = text.split("\n---\n", 1)
    old_title = f"\ntitle: {scalar(brief.title)}\n"
    if old_sentence not in body or old_title not in front + "\n":
        raise RuntimeError(f"cannot find the lede sentence or title of {brief.brief_path}")
    front = (front + "\n").replace(old_title, f"\ntitle: {scalar(title)}\n", 1)[:-1]
    return front + "\n---\n" + body.replace(old_sentence, sentence, 1)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main(argv: list[str] | None = None) -> int:
    parser = corpus_parser(__doc__.split("\n\n")[0], "the preview")
    parser.add_argument("--repeats", type=int, default=3, help="edits, each of another brief")
    args = parser.parse_args(argv)
    corpus = make_corpus(args.out, args.size, args.seed)
    result = measure_preview(
        corpus.briefs_site, corpus.briefs, args.repeats, args.out / f"serve-{args.size}.log"
    )
    print(result.report())
    print(result.verdict().line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
