"""Work on many briefs in several processes: each brief is independent of the others.

Parsing is most of a build's own work and Python runs it on one core; a site
of 1,000 briefs is parsed in about half the time on two. The results are the
same, in the same order, however the work was split.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

PARALLEL_FROM = 200  # below this many briefs, starting processes costs more than it saves
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
PARENT_CHECK_SECONDS = 0.5  # where the system cannot signal a helper its parent's end


def worker_count(count: int) -> int:
    """Processes worth starting for `count` briefs: one per CPU, one for a small site."""
    if count < PARALLEL_FROM:
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, count // (PARALLEL_FROM // 2)))


def map_in_chunks(
    work: Callable[[Sequence[T]], list[R]], items: Sequence[T], workers: int
) -> list[R]:
    """`work` over `workers` consecutive shares of `items`, one per process; results in order.

    This process does the first share itself while the others do the rest. A
    share is handed to its process when it starts (inherited where processes are
    forked), so only the results travel back. If a process cannot be started or
    fails, its share is done here.
    """
    if workers <= 1 or len(items) < 2:
        return work(items)
    size = -(-len(items) // workers)
    shares = [items[i : i + size] for i in range(0, len(items), size)]
    # Forked processes share this one's memory until either writes to it; the garbage
    # collector writes to every object it visits. Frozen, what exists now is not visited.
    # (Objects someone else froze stay frozen: they unfreeze them.)
    frozen_before = gc.get_freeze_count()
    gc.freeze()
    try:
        return _map_shares(work, shares)
    finally:
        if not frozen_before:
            gc.unfreeze()


def _map_shares(work: Callable[[Sequence[T]], list[R]], shares: list[Sequence[T]]) -> list[R]:
    helpers: list[tuple[Sequence[T], Any, Any]] = []
    context = multiprocessing.get_context()
    for share in shares[1:]:
        try:
            reader, writer = context.Pipe(duplex=False)
            process = context.Process(
                target=_do_share, args=(work, share, reader, writer, os.getpid()), daemon=True
            )
            process.start()
            writer.close()
        except OSError:  # no processes here: do it in this one
            helpers.append((share, None, None))
            continue
        helpers.append((share, process, reader))
    results = work(shares[0])
    for share, process, reader in helpers:
        results.extend(_collect(work, share, process, reader))
    return results


def _do_share(
    work: Callable[[Sequence[T]], list[R]],
    share: Sequence[T],
    reader: Any,
    writer: Any,
    parent: int,
) -> None:
    # A forked helper holds the pipe's reading end too: closed, a send to a parent that
    # is gone fails instead of waiting forever for a reader.
    reader.close()
    _exit_with_parent(parent)
    with writer:
        writer.send(work(share))


def _exit_with_parent(parent: int) -> None:
    """End this helper when the build process that started it ends, even if killed."""
    if not _signal_on_parent_death():
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # it ended before the signal was asked for
        os._exit(1)


def _signal_on_parent_death() -> bool:
    """Ask Linux to kill this process when its parent ends; False where it cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def _collect(
    work: Callable[[Sequence[T]], list[R]], share: Sequence[T], process: Any, reader: Any
) -> list[R]:
    if process is None:
        return work(share)
    try:
        with reader:
            return reader.recv()
    except (EOFError, OSError):  # the process died without an answer
        return work(share)
    finally:
        process.join()
