"""`briefs check` on the generated briefs site: a first run, and a run after it.

A first run has no `.briefs-cache/` and checks every brief; the next run finds
the findings of unchanged briefs in the cache. Each run is a whole command in a
child process (Python start-up included), as a pre-commit hook runs it. Run
alone: `python -m bench.check --size 1000`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from statistics import median

from .corpus import corpus_parser, make_corpus
from .measure import child_env, compile_plugin
from .targets import CHECK_SECONDS_MAX, Verdict

CACHE_DIR = ".briefs-cache"
CHECK_TIMEOUT = 600.0  # seconds; a hung check is killed, never waited on forever


@dataclass(frozen=True)
class CheckResult:
    size: int
    first: tuple[float, ...]  # seconds of each run without a cache
    again: tuple[float, ...]  # seconds of each run right after one

    def verdict(self) -> Verdict:
        return Verdict(
            f"briefs check at {self.size:,} briefs, first run",
            median(self.first),
            CHECK_SECONDS_MAX,
            " s",
            f"median of {len(self.first)}",
        )

    def report(self) -> str:
        def runs(seconds: tuple[float, ...]) -> str:
            shown = ", ".join(f"{s:.2f}" for s in seconds)
            return f"median {median(seconds):.2f} s ({shown})"

        return "\n".join(
            [
                f"== briefs check at {self.size:,} briefs ==",
                f"first run (no cache): {runs(self.first)}",
                f"next run (cache):     {runs(self.again)}",
            ]
        )


def run_check(site: Path) -> float:
    """One `briefs check` of the site; its wall time. It must find no problem."""
    command = [sys.executable, "-m", "mkdocs_briefs.cli", "check"]
    start = time.perf_counter()
    result = subprocess.run(
        command, cwd=site, capture_output=True, text=True, env=child_env(), timeout=CHECK_TIMEOUT
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"briefs check of {site} failed:\n{result.stdout}{result.stderr}")
    return seconds


def measure_check(site: Path, size: int, runs: int) -> CheckResult:
    """`runs` first runs, each followed by a run that finds the cache."""
    first: list[float] = []
    again: list[float] = []
    for _ in range(runs):
        shutil.rmtree(site / CACHE_DIR, ignore_errors=True)
        first.append(run_check(site))
        again.append(run_check(site))
    shutil.rmtree(site / CACHE_DIR, ignore_errors=True)
    return CheckResult(size, tuple(first), tuple(again))


def main(argv: list[str] | None = None) -> int:
    parser = corpus_parser(__doc__.split("\n\n")[0], "the check")
    parser.add_argument("--runs", type=int, default=7, help="first runs to time (7)")
    args = parser.parse_args(argv)
    compile_plugin()
    corpus = make_corpus(args.out, args.size, args.seed)
    result = measure_check(corpus.briefs_site, args.size, args.runs)
    print(result.report())
    print(result.verdict().line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
