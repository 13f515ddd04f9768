"""One in-process build of a briefs site under cProfile, to see where time goes."""

from __future__ import annotations

import cProfile
import io
import os
import pstats
import sys
import tempfile
from pathlib import Path

from .measure import PLUGIN_DIR


def profile_build(site: Path, top: int = 25) -> str:
    """Build `site` once under the profiler; the `top` functions by cumulative time."""
    if str(PLUGIN_DIR) not in sys.path:
        sys.path.insert(0, str(PLUGIN_DIR))  # this checkout's plugin, as in the timed builds
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site = site.resolve()
    profiler = cProfile.Profile()
    previous = Path.cwd()
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as out:
        os.chdir(site)
        try:
            config = load_config(config_file=str(site / "mkdocs.yml"), site_dir=out)
            config.plugins.on_startup(command="build", dirty=False)
            profiler.enable()
            try:
                build(config)
            finally:
                profiler.disable()
                config.plugins.on_shutdown()
        finally:
            os.chdir(previous)
    report = io.StringIO()
    pstats.Stats(profiler, stream=report).sort_stats("cumulative").print_stats(top)
    return report.getvalue()
