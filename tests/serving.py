"""`mkdocs serve` on a project, on a free loopback port, always stopped afterwards."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, text: str, seconds: float) -> bool:
    """Poll the served page until it contains `text` (bounded in time)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = fetch(url)
        if page is not None and text in page:
            return True
        time.sleep(0.2)
    return False


def served_path(project: Path) -> str:
    """`mkdocs serve` serves the site under the path of its `site_url`, if any."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    found = re.search(r"^site_url:\s*(\S+)", config, re.MULTILINE)
    return urlsplit(found.group(1)).path.rstrip("/") + "/" if found else "/"


@contextlib.contextmanager
def mkdocs_serve(project: Path, log: Path | None = None) -> Iterator[str]:
    """Serve `project` with live reload; yields the site's loopback address.

    `log`: a file that gets what the server prints.
    """
    port = free_port()
    output = log.open("w", encoding="utf-8") if log else subprocess.DEVNULL
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=output,
        stderr=subprocess.STDOUT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        yield f"http://127.0.0.1:{port}{served_path(project)}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        if log:
            output.close()
