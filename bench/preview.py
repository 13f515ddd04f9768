"""Edit-to-preview: how long after saving a brief `mkdocs serve` shows the change.

Starts `mkdocs serve` (live reload on, as editors run it) on the generated
briefs site, waits for a brief's page, then edits that brief's title and one
sentence and polls the page on loopback until the new sentence is served.
Also reports whether the site-wide pages and the search index show the new
title once the rebuild is done. The same edits are then made to the plain
site's pages of the same briefs, under its own `mkdocs serve`: the baseline
of what MkDocs and Material take to preview a site of that size. Run alone:
`python -m bench.preview --size 1000`.
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
from .corpus import PLAIN_SITE_URL, SITE_URL, corpus_parser, make_corpus
from .measure import child_env, compile_plugin
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
    plain_edits: list[EditResult] = field(default_factory=list)  # the baseline, if measured

    @property
    def median_seconds(self) -> float:
        return median(edit.page_seconds for edit in self.edits)

    @property
    def plain_median_seconds(self) -> float | None:
        if not self.plain_edits:
            return None
        return median(edit.page_seconds for edit in self.plain_edits)

    def verdict(self) -> Verdict:
        note = f"median of {len(self.edits)} edits"
        plain = self.plain_median_seconds
        if plain is not None:
            note += f"; the plain site: {plain:.2f} s"
        return Verdict(
            f"edit-to-preview at {self.size:,} briefs",
            self.median_seconds,
            PREVIEW_SECONDS_MAX,
            " s",
            note,
        )

    def report(self) -> str:
        lines = [f"== Edit-to-preview at {self.size:,} briefs (mkdocs serve, live reload on) =="]
        lines.extend(_edit_line(edit) for edit in self.edits)
        lines.append(f"median edit-to-preview: {self.median_seconds:.2f} s")
        plain = self.plain_median_seconds
        if plain is not None:
            lines.append("plain site, the same edits to its pages of the same briefs:")
            lines.extend(_edit_line(edit) for edit in self.plain_edits)
            lines.append(
                f"median edit-to-preview, plain: {plain:.2f} s "
                f"(briefs / plain: {self.median_seconds / plain:.2f}x)"
            )
        return "\n".join(lines)


def _edit_line(edit: EditResult) -> str:
    rebuilt = "never" if edit.rebuilt_seconds is None else f"{edit.rebuilt_seconds:.2f} s"
    line = f"{edit.brief}: page {edit.page_seconds:.2f} s, search index {rebuilt}"
    if edit.title_shown:
        shown = ", ".join(
            f"{page}: {'yes' if ok else 'NO'}" for page, ok in edit.title_shown.items()
        )
        line += f"; new title on {shown}"
    return line


@dataclass(frozen=True)
class Edit:
    """One timed edit: the file, the page that shows it, and what the edit writes."""

    file: Path
    url: str
    sentence: str  # the new sentence the page must show
    title: str  # the new title the search index must show
    text: str  # the edited file


class Server:
    """A `mkdocs serve` child on a free loopback port, always stopped on exit."""

    def __init__(self, site: Path, log: Path, site_url: str = SITE_URL) -> None:
        self.site = site
        self.log_path = log
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}{urlsplit(site_url).path}"
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


def measure_preview(
    site: Path,
    briefs: list[BriefSpec],
    repeats: int,
    log: Path,
    plain_site: Path | None = None,
) -> PreviewResult:
    """Edit the `repeats` newest briefs one after another and time each change; then,
    with `plain_site`, the same edits to the plain site's pages of those briefs."""
    newest = sorted(briefs, key=lambda b: b.published, reverse=True)[:repeats]
    with Server(site, log) as server:
        _wait_for_start(server, newest[0].url)
        site_wide = [p for p in SITE_WIDE if server.get(p) is not None]
        edits = [
            _edit_once(server, _brief_edit(site, brief, n), site_wide)
            for n, brief in enumerate(newest, 1)
        ]
    plain_edits: list[EditResult] = []
    if plain_site is not None:
        plain_log = log.with_name(log.stem + "-plain" + log.suffix)
        with Server(plain_site, plain_log, PLAIN_SITE_URL) as server:
            _wait_for_start(server, newest[0].url)
            plain_edits = [
                _edit_once(server, _plain_edit(plain_site, brief, n), [])
                for n, brief in enumerate(newest, 1)
            ]
    return PreviewResult(len(briefs), edits, plain_edits)


def _wait_for_start(server: Server, url: str) -> None:
    if server.wait_for(url, lambda page: True, START_TIMEOUT, 0.2) is None:
        raise RuntimeError(f"mkdocs serve did not serve {url} in {START_TIMEOUT} s")


def _edit_once(server: Server, edit: Edit, site_wide: list[str]) -> EditResult:
    original = edit.file.read_text(encoding="utf-8")
    try:
        edit.file.write_text(edit.text, encoding="utf-8")
        written = time.perf_counter()
        shown = server.wait_for(
            edit.url, lambda page: edit.sentence in page, CHANGE_TIMEOUT, POLL_SECONDS
        )
        if shown is None:
            raise RuntimeError(f"{edit.url} did not show the edit within {CHANGE_TIMEOUT} s")
        page_seconds = time.perf_counter() - written
        has_title = server.wait_for(
            SEARCH_INDEX, lambda page: edit.title in page, CHANGE_TIMEOUT, 0.1
        )
        rebuilt = None if has_title is None else time.perf_counter() - written
        title_shown = {f"/{p}": server.shows(p, edit.title) for p in site_wide}
        if site_wide:
            title_shown[f"/{SEARCH_INDEX}"] = has_title is not None
    finally:
        edit.file.write_text(original, encoding="utf-8")
    # Let the server rebuild the restored file before the next edit is timed.
    server.wait_for(SEARCH_INDEX, lambda page: edit.title not in page, CHANGE_TIMEOUT, 0.1)
    return EditResult(edit.url, page_seconds, rebuilt, title_shown)


def _stamp(n: int) -> tuple[str, str]:
    """A new sentence and a suffix for the title, unique to this edit."""
    stamp = f"{n}x{time.time_ns() % 10**9}"
    return f"Editors corrected this line in preview check {stamp}.", f" revised {stamp}"


def _brief_edit(site: Path, brief: BriefSpec, n: int) -> Edit:
    path = site / "briefs" / brief.brief_path
    sentence, suffix = _stamp(n)
    title = brief.title + suffix
    text = _edited(path.read_text(encoding="utf-8"), brief, sentence, title)
    return Edit(path, brief.url, sentence, title, text)


def _plain_edit(site: Path, brief: BriefSpec, n: int) -> Edit:
    """The same change to the plain page: its heading (the page title) and the sentence."""
    path = site / "content" / brief.plain_path
    sentence, suffix = _stamp(n)
    title = brief.title + suffix
    text = path.read_text(encoding="utf-8")
    old_sentence = brief.blocks[0].segments[-1].text.strip()
    heading = f"# {brief.title}\n"
    if not text.startswith(heading) or old_sentence not in text:
        raise RuntimeError(f"cannot find the heading or lede sentence of {brief.plain_path}")
    text = f"# {title}\n" + text[len(heading) :].replace(old_sentence, sentence, 1)
    return Edit(path, brief.url, sentence, title, text)


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
    compile_plugin()
    corpus = make_corpus(args.out, args.size, args.seed)
    result = measure_preview(
        corpus.briefs_site,
        corpus.briefs,
        args.repeats,
        args.out / f"serve-{args.size}.log",
        corpus.plain_site,
    )
    print(result.report())
    print(result.verdict().line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
