"""Work on many briefs in several processes: each brief is independent of the others.

Parsing is most of a build's own work and Python runs it on one core; a site
of 1,000 briefs is parsed in about half the time on two. The results are the
same, in the same order, however the work was split.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

PARALLEL_FROM = 200  # below this many briefs, starting processes costs more than it saves


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
    work: Callable[[Sequence[T]], list[R]],
    items: Sequence[T],
    workers: int,
    chunks_per_worker: int = 1,
) -> list[R]:
    """`work` over consecutive chunks of `items` in `workers` processes; results in order.

    This process is one of the workers: it does the first share itself while the
    others do the rest, so only their results travel between processes. `work`
    and the items must pickle. Where no process can be started, all is done here.
    """
    if workers <= 1 or len(items) < 2:
        return work(items)
    own = len(items) // workers
    rest = items[own:]
    count = (workers - 1) * chunks_per_worker
    size = -(-len(rest) // count)
    chunks = [rest[i : i + size] for i in range(0, len(rest), size)]
    try:
        with ProcessPoolExecutor(max_workers=workers - 1) as pool:
            futures = [pool.submit(work, chunk) for chunk in chunks]
            results = work(items[:own])
            for future in futures:
                results.extend(future.result())
            return results
    except (OSError, RuntimeError):  # no processes available here
        return work(items)
