"""Run one `mkdocs build` in a child process and measure its wall time and peak memory."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN_DIR = ROOT / "plugin"
BUILD_TIMEOUT = 3600.0  # seconds; a hung build is killed, never waited on forever
PLUGIN_CACHE = ".briefs-cache"  # where the plugin keeps parsed briefs between builds


@dataclass(frozen=True)
class BuildResult:
    seconds: float
    max_rss_kib: int  # the child's peak resident memory (ru_maxrss is KiB on Linux)
    returncode: int
    output: str

    @property
    def warnings(self) -> list[str]:
        return [line for line in self.output.splitlines() if "WARNING" in line or "ERROR" in line]


def child_env() -> dict[str, str]:
    """The environment of a build: this checkout's plugin first, no MkDocs 2 banner."""
    path = os.pathsep.join(p for p in (str(PLUGIN_DIR), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path, "NO_MKDOCS_2_WARNING": "1"}


def clear_cache(project: Path) -> None:
    """Make the next build a first one: no parsed briefs kept from earlier builds."""
    shutil.rmtree(project / PLUGIN_CACHE, ignore_errors=True)


def build(project: Path, config: str = "mkdocs.yml") -> BuildResult:
    """`python -m mkdocs build -q` of `project` into a temporary folder, measured."""
    with (
        tempfile.TemporaryDirectory(prefix="bench-site-") as site,
        tempfile.TemporaryFile() as output,
    ):
        command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", site]
        start = time.perf_counter()
        child = subprocess.Popen(
            command, cwd=project, stdout=output, stderr=subprocess.STDOUT, env=child_env()
        )
        watchdog = threading.Timer(BUILD_TIMEOUT, child.kill)
        watchdog.start()
        try:
            # wait4 reaps exactly this child and gives its own resource usage.
            _, status, usage = os.wait4(child.pid, 0)
        finally:
            watchdog.cancel()
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped: Popen must not wait
        output.seek(0)
        text = output.read().decode("utf-8", "replace")
    return BuildResult(seconds, usage.ru_maxrss, child.returncode, text)
