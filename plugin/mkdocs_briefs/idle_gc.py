"""Under `mkdocs serve`: collect garbage between rebuilds, not during them.

A serve session keeps every brief's parse and page (see preview.py). Python's
full garbage collection walks all of them, and it ran in the middle of
rebuilds, adding about 0.15 s to an edit's preview on a site of 1,000 briefs.
Once the server has been idle for a moment after a build, everything is
collected and the survivors are frozen (`gc.freeze`), so the collections during
the next rebuild only walk what that rebuild makes. Nothing is lost: each idle
collection unfreezes first, so garbage of any build is collected the next time.
"""

from __future__ import annotations

import gc
import threading

IDLE_SECONDS = 0.25  # after the browser has fetched the rebuilt page; a sooner rebuild skips it


class IdleCollector:
    def __init__(self) -> None:
        self._timer: threading.Timer | None = None

    def build_started(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def build_done(self) -> None:
        self.build_started()
        self._timer = threading.Timer(IDLE_SECONDS, _collect)
        self._timer.daemon = True
        self._timer.start()

    def stop(self) -> None:
        self.build_started()
        gc.unfreeze()


def _collect() -> None:
    gc.unfreeze()
    gc.collect()
    gc.freeze()
