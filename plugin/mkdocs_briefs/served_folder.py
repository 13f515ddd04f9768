"""The folder `mkdocs serve` builds into, kept through MkDocs' "clean" step.

Before each build MkDocs empties the folder and writes every file again; for a
site of 1,000 briefs, creating its thousands of folders again was a quarter of
a rebuild. `mkdocs serve` always builds into a temporary folder of its own, so
before MkDocs empties it its files are moved aside, and right after they are
moved back: the build then overwrites them in place. Files of the last build
that this one does not make (a deleted or renamed page) are removed at the end.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig


class ServedFolder:
    """Called by the plugin around MkDocs' clean step, and at the end of each build."""

    def __init__(self) -> None:
        self._aside: Path | None = None
        self._last_outputs: set[str] = set()
        self._outputs: set[str] = set()
        self._config_bytes: bytes | None = None

    def before_clean(self, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        aside = site.with_name(site.name + ".kept")
        shutil.rmtree(aside, ignore_errors=True)  # left by a build that failed early
        config_bytes = _read(config.config_file_path)
        # A new configuration may change anything: then let MkDocs start from empty.
        if config_bytes == self._config_bytes and site.is_dir() and any(site.iterdir()):
            site.rename(aside)
            site.mkdir()
            self._aside = aside
        else:
            self._last_outputs = set()
        self._config_bytes = config_bytes

    def after_clean(self, config: MkDocsConfig) -> None:
        if self._aside is None:
            return
        site = Path(config.site_dir)
        site.rmdir()  # emptied by MkDocs, and nothing was written to it yet
        self._aside.rename(site)
        self._aside = None

    def note_outputs(self, dest_uris: set[str]) -> None:
        self._outputs = dest_uris

    def remove_stale(self, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        for dest_uri in sorted(self._last_outputs - self._outputs):
            (site / dest_uri).unlink(missing_ok=True)
        self._last_outputs = self._outputs

    def discard(self) -> None:
        if self._aside is not None:
            shutil.rmtree(self._aside, ignore_errors=True)
            self._aside = None


def _read(path: str | None) -> bytes | None:
    try:
        return Path(path).read_bytes() if path else None
    except OSError:
        return None
