"""Benchmark: the briefs site against a plain MkDocs site with the same text.

For each size it generates both sites, builds them alternately in child
processes, and prints wall time, peak memory, ms per page and the ratios;
then the glossary cost, edit-to-preview, `briefs check`, and PASS/FAIL against
the targets.
Run from the repository root: `make bench`, or `python -m bench.run --help`.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from .check import CheckResult, measure_check
from .corpus import Corpus, add_glossary_variant, make_corpus
from .features import plugin_uses_glossary
from .measure import BuildResult, build, clear_cache, compile_plugin
from .preview import PreviewResult, measure_preview
from .profiling import profile_build
from .report import GlossaryResult, Runs, SizeResult, glossary_table, scaling_line, size_table
from .targets import (
    CHECK_SECONDS_MAX,
    GLOSSARY_MS_PER_BRIEF_MAX,
    MEMORY_RATIO_MAX,
    PREVIEW_SECONDS_MAX,
    SCALING_MAX,
    SCALING_SIZES,
    TARGET_SIZE,
    TIME_RATIO_MAX,
    Verdict,
)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add = parser.add_argument
    add("--sizes", default="100,1000,5000", help="briefs per site, comma-separated")
    add("--runs", type=int, default=3, help="timed builds of each site per size (3)")
    add("--warmup", type=int, default=1, help="untimed builds of each site first (1)")
    add("--glossary-sizes", default="20,5000", help="small,large glossary term counts")
    add("--out", type=Path, default=Path("bench/out"), help="where corpora are written")
    add("--seed", type=int, default=8, help="seed of the corpus generator")
    add(
        "--preview",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="measure edit-to-preview with mkdocs serve (default: on)",
    )
    add("--preview-repeats", type=int, default=3, help="edits to time (3)")
    add(
        "--check",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="time `briefs check`, first and next run (default: on)",
    )
    add("--check-runs", type=int, default=7, help="first runs of `briefs check` to time (7)")
    add("--profile", action="store_true", help="also profile one briefs build (top 25)")
    args = parser.parse_args(argv)
    args.sizes = sorted({int(size) for size in args.sizes.split(",")})
    args.glossary_sizes = sorted(int(size) for size in args.glossary_sizes.split(","))
    if len(args.glossary_sizes) != 2 or min(args.sizes) < 1 or args.runs < 1:
        parser.error("give two glossary sizes, sizes of at least 1 and at least one run")
    return args


@dataclass(frozen=True)
class Site:
    """A site to build: `cold` builds start without the plugin's cache, as a first build
    (or one on a fresh CI machine) does."""

    project: Path
    config: str = "mkdocs.yml"
    cold: bool = False


def alternate(groups: list[list[Site]], runs: int, warmup: int) -> list[Runs]:
    """Build the groups of sites in turn, so that load on the machine hits them alike.

    Every other round goes in the reverse order (a b, b a, a b, ...): this machine's
    speed drifts during a run, and a fixed order let the drift favour whichever group
    was built first. The sites of a group keep their order: a first build, then the
    one that finds its cache. Results come in the order of the sites in `groups`.
    """
    sites = [site for group in groups for site in group]
    places = itertools.count()
    numbered = [[next(places) for _ in group] for group in groups]  # places in `sites`
    results: list[list[BuildResult]] = [[] for _ in sites]
    for round_number in range(warmup + runs):
        ordered = numbered if round_number % 2 == 0 else numbered[::-1]
        for index in (index for group in ordered for index in group):
            site = sites[index]
            if site.cold:
                clear_cache(site.project)
            result = build(site.project, site.config)
            if result.returncode != 0:
                raise SystemExit(f"build of {site.project / site.config} failed:\n{result.output}")
            if round_number >= warmup:
                results[index].append(result)
    for site, site_results in zip(sites, results, strict=True):
        if site_results[0].warnings:
            shown = "\n  ".join(site_results[0].warnings[:5])
            print(f"warning: {site.project.name} builds with warnings, e.g.\n  {shown}")
    return [Runs(tuple(site_results)) for site_results in results]


def measure_size(corpus: Corpus, runs: int, warmup: int) -> SizeResult:
    # A first build (no cache), then the next one (cache of the first); the plain site
    # before or after them, by turns.
    cold, briefs, plain = alternate(
        [
            [Site(corpus.briefs_site, cold=True), Site(corpus.briefs_site)],
            [Site(corpus.plain_site)],
        ],
        runs,
        warmup,
    )
    return SizeResult(corpus.size, briefs, plain, cold)


def measure_glossary(corpus: Corpus, terms: list[int], runs: int, warmup: int) -> GlossaryResult:
    # Both glossaries hold the same terms that briefs use; the large one adds terms no
    # brief mentions. So the pages link the same words, and the difference is what a
    # glossary's size costs: loading it, matching against it, its glossary page.
    configs = [add_glossary_variant(corpus.briefs_site, n, core=terms[0]) for n in terms]
    # Each first build clears the cache of both; the build after it finds its own.
    groups = [
        [Site(corpus.briefs_site, config, cold) for cold in (True, False)] for config in configs
    ]
    small_cold, small, large_cold, large = alternate(groups, runs, warmup)
    return GlossaryResult(
        corpus.size,
        terms[0],
        terms[1],
        small,
        large,
        plugin_uses_glossary(),
        small_cold,
        large_cold,
    )


def reference_size(sizes: list[int]) -> int:
    """The size the fixed-size measurements use: 1,000 when run, else the smallest."""
    return TARGET_SIZE if TARGET_SIZE in sizes else sizes[0]


def verdicts(
    by_size: dict[int, SizeResult],
    glossary: GlossaryResult,
    preview: PreviewResult | None,
    check: CheckResult | None = None,
) -> list[Verdict]:
    size = reference_size(sorted(by_size))
    at = by_size[size]
    note = "" if size == TARGET_SIZE else f"measured at {size:,}; the target is set at 1,000"
    small, large = SCALING_SIZES
    scaling = None
    if small in by_size and large in by_size:
        scaling = by_size[large].briefs.seconds / by_size[small].briefs.seconds
    return [
        Verdict("build time briefs / plain", at.time_ratio, TIME_RATIO_MAX, "x", note),
        Verdict(
            "scaling t(5,000) / t(1,000), briefs",
            scaling,
            SCALING_MAX,
            "",
            "" if scaling is not None else "run --sizes with 1000 and 5000",
        ),
        Verdict("peak memory briefs / plain", at.memory_ratio, MEMORY_RATIO_MAX, "x", note),
        Verdict(
            f"peak memory briefs / plain at {large:,}",
            by_size[large].memory_ratio if large in by_size else None,
            MEMORY_RATIO_MAX,
            "x",
        ),
        Verdict(
            f"glossary {glossary.large_terms:,} vs {glossary.small_terms:,} terms",
            glossary.ms_per_brief,
            GLOSSARY_MS_PER_BRIEF_MAX,
            " ms/brief",
            "" if glossary.supported else "not judged: the plugin does not use the glossary yet",
            judged=glossary.supported,
        ),
        preview.verdict()
        if preview
        else Verdict("edit-to-preview", None, PREVIEW_SECONDS_MAX, " s"),
        check.verdict() if check else Verdict("briefs check", None, CHECK_SECONDS_MAX, " s"),
    ]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    compile_plugin()
    reference = reference_size(args.sizes)
    corpora: dict[int, Corpus] = {}
    by_size: dict[int, SizeResult] = {}
    for size in args.sizes:
        print(f"generating {size:,} briefs and their plain twin under {args.out}/ ...", flush=True)
        corpora[size] = make_corpus(args.out, size, args.seed)
        by_size[size] = measure_size(corpora[size], args.runs, args.warmup)
        print(size_table(by_size[size], args.runs) + "\n", flush=True)
    if len(args.sizes) > 1:
        print("== Scaling ==")
        for small, large in zip(args.sizes, args.sizes[1:], strict=False):
            print(scaling_line(by_size[small], by_size[large]))
        print()
    glossary = measure_glossary(corpora[reference], args.glossary_sizes, args.runs, args.warmup)
    print(glossary_table(glossary, args.runs) + "\n", flush=True)
    preview = None
    if args.preview:
        log = args.out / f"serve-{reference}.log"
        corpus = corpora[reference]
        preview = measure_preview(
            corpus.briefs_site, corpus.briefs, args.preview_repeats, log, corpus.plain_site
        )
        print(preview.report() + "\n", flush=True)
    check = None
    if args.check:
        check = measure_check(corpora[reference].briefs_site, reference, args.check_runs)
        print(check.report() + "\n", flush=True)
    if args.profile:
        print(f"== Profile of one briefs build at {reference:,} briefs ==")
        print(profile_build(corpora[reference].briefs_site))
    results = verdicts(by_size, glossary, preview, check)
    print("== Targets ==")
    print("\n".join(verdict.line() for verdict in results))
    _save(args.out / "results.json", by_size, glossary, preview, check, results)
    return 0


def _save(
    path: Path,
    by_size: dict[int, SizeResult],
    glossary: GlossaryResult,
    preview: PreviewResult | None,
    check: CheckResult | None,
    results: list[Verdict],
) -> None:
    """The raw numbers, for the README's "Measured numbers" and for comparisons."""

    def runs(site: Runs) -> dict[str, object]:
        return {
            "median_seconds": site.seconds,
            "median_peak_mib": site.peak_mib,
            "seconds": [r.seconds for r in site.results],
            "peak_kib": [r.max_rss_kib for r in site.results],
        }

    data = {
        "sizes": {
            size: {
                "briefs": runs(r.briefs),
                "briefs_no_cache": runs(r.briefs_cold) if r.briefs_cold else None,
                "plain": runs(r.plain),
            }
            for size, r in by_size.items()
        },
        "glossary": {
            "briefs": glossary.size,
            "supported": glossary.supported,
            str(glossary.small_terms): runs(glossary.small),
            str(glossary.large_terms): runs(glossary.large),
            "ms_per_brief": glossary.ms_per_brief,
            "ms_per_brief_no_cache": glossary.ms_per_brief_cold,
        },
        "preview": [asdict(edit) for edit in preview.edits] if preview else None,
        "preview_plain": [asdict(edit) for edit in preview.plain_edits] if preview else None,
        "check": asdict(check) if check else None,
        "targets": [
            {"name": v.name, "value": v.value, "limit": v.limit, "status": v.status}
            for v in results
        ],
    }
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(f"\nraw numbers: {path}")


if __name__ == "__main__":
    sys.exit(main())
