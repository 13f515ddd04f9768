"""`mkdocs serve` rebuilds when a brief changes, although briefs live outside docs_dir."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from support import make_project

BRIEF = "---\ntitle: Preview\ndate: 2025-07-04\n---\n\nThe first version.\n"


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


def test_serve_rebuilds_the_page_when_its_brief_file_changes(tmp_path: Path):
    project = make_project(tmp_path, {"preview.md": BRIEF})
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        url = f"http://127.0.0.1:{port}/2025/07/04/preview/"
        assert wait_for(url, "The first version.", 60)
        brief = project / "briefs" / "preview.md"
        brief.write_text(BRIEF.replace("The first version.", "The second version."))
        assert wait_for(url, "The second version.", 60)
    finally:
        server.terminate()
        server.wait(timeout=30)
