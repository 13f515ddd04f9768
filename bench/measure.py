"""Run one `mkdocs build` in a child process and measure its wall time and peak memory."""

from __future__ import annotations

import compileall
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
PEAK_SCRIPT = Path(__file__).resolve().parent / "peak.py"
BUILD_TIMEOUT = 3600.0  # seconds; a hung build is killed, never waited on forever
PLUGIN_CACHE = ".briefs-cache"  # where the plugin keeps parsed briefs between builds


@dataclass(frozen=True)
class BuildResult:
    seconds: float
    max_rss_kib: int  # the build's own peak resident memory, KiB (see peak.py)
    returncode: int
    output: str

    @property
    def warnings(self) -> list[str]:
        return [line for line in self.output.splitlines() if "WARNING" in line or "ERROR" in line]


def compile_plugin() -> None:
    """Byte-compile this checkout's plugin, as installing a package does.

    The plain site's MkDocs and Material run from the bytecode pip wrote when it
    installed them, and an editor's plugin runs from bytecode too. Where the
    environment sets PYTHONDONTWRITEBYTECODE, no run would write it, and every timed
    build and check would compile the plugin's modules from source (0.05 to 0.08 s).
    """
    compileall.compile_dir(PLUGIN_DIR / "mkdocs_briefs", quiet=1)


def child_env() -> dict[str, str]:
    """The environment of a build: this checkout's plugin first, no MkDocs 2 banner."""
    path = os.pathsep.join(p for p in (str(PLUGIN_DIR), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path, "NO_MKDOCS_2_WARNING": "1"}


def clear_cache(project: Path) -> None:
    """Make the next build a first one: no parsed briefs kept from earlier builds."""
    shutil.rmtree(project / PLUGIN_CACHE, ignore_errors=True)


def build(project: Path, config: str = "mkdocs.yml") -> BuildResult:
    """`python -m mkdocs build -q` of `project` into a temporary folder, measured.

    The build runs under bench/peak.py, which reports the build's own peak memory.
    """
    with (
        tempfile.TemporaryDirectory(prefix="bench-site-") as site,
        tempfile.TemporaryDirectory(prefix="bench-peak-") as peak_dir,
        tempfile.TemporaryFile() as output,
    ):
        peak = Path(peak_dir) / "kib"
        build_args = ["build", "-q", "-f", config, "-d", site]
        command = [sys.executable, str(PEAK_SCRIPT), str(peak), "mkdocs", *build_args]
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
        try:
            peak_kib = int(peak.read_text(encoding="ascii"))
        except (OSError, ValueError):  # the build died before it could say
            peak_kib = usage.ru_maxrss
    return BuildResult(seconds, peak_kib, child.returncode, text)
