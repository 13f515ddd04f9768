"""Run `python -m <module> <args>` and write this process's own peak memory to a file.

A child's `ru_maxrss`, as `wait4` reports it, starts from the high-water mark of
the process that started it (Linux keeps it across `exec`): once the benchmark
itself had grown past a build's peak (after generating 5,000 briefs), every
build read the same number. A process's `VmHWM` counts only its own memory.

Usage: python bench/peak.py <file> <module> [args...]
"""

from __future__ import annotations

import atexit
import resource
import runpy
import sys
from pathlib import Path


def own_peak_kib() -> int:
    """The peak resident memory of this process, and of the processes it started."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return max(int(line.split()[1]), children)
    except OSError:
        pass
    return max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, children)  # not Linux


def main() -> None:
    report, module, *args = sys.argv[1:]
    atexit.register(lambda: Path(report).write_text(str(own_peak_kib()), encoding="ascii"))
    sys.argv = [module, *args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
