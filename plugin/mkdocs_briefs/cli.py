"""The `briefs` command: check briefs without building the site, start a new one.

    briefs check [PATH ...] [--format text|json|github]
    briefs new "Title" [--date 2025-07-04] [--slug my-slug]

Exit status of `check`: 0 when there is nothing to fix (notes only), 1 when
there are warnings or errors, 2 for a usage error. MkDocs is never imported:
the site is read from `mkdocs.yml` by `core.siteconfig`.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs_briefs.core.brief.skeleton import new_brief_text, slug_for
from mkdocs_briefs.core.check.annotations import annotation
from mkdocs_briefs.core.check.siteconfig import (
    SiteConfig,
    SiteConfigError,
    default_site_config,
    read_site_config,
)
from mkdocs_briefs.core.ids import is_valid_id
from mkdocs_briefs.core.problems import Severity

if TYPE_CHECKING:
    from mkdocs_briefs.core.check.run import CheckResult

CONFIG_FILE = "mkdocs.yml"
USAGE_ERROR = 2


class UsageError(Exception):
    pass


def main(argv: Sequence[str] | None = None) -> int:
    # A terminal that cannot show a character gets an escape, never a traceback.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    parser = _parser()
    args = parser.parse_args(argv)  # exits with 2 on a usage error
    try:
        return args.run(args)
    except (UsageError, SiteConfigError) as exc:
        print(f"briefs: error: {exc}", file=sys.stderr)
        return USAGE_ERROR
    except BrokenPipeError:  # `briefs check | head`: the reader has seen enough
        # Point stdout at nothing, so the flush at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefs", description="Check annotated news briefs, or start a new one."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check",
        help="check briefs and the glossary without building the site",
        description="Check every brief and the glossary of the site in the current folder "
        "(or only the PATHs given) and list each problem as file:line:col: message.",
    )
    check.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="brief files, folders of briefs, or glossary .yml files (default: the whole site)",
    )
    check.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="github: workflow annotations, shown on the changed lines of a pull request",
    )
    check.add_argument(
        "--no-cache",
        dest="cache",
        action="store_false",
        help="check every brief again instead of reusing findings for unchanged files "
        "(kept in .briefs-cache/)",
    )
    _site_options(check)
    check.set_defaults(run=_check)

    new = commands.add_parser(
        "new",
        help="write a new brief with a commented front-matter skeleton",
        description="Write briefs/<slug>.md for TITLE, dated today in the site's time zone.",
    )
    new.add_argument("title", help="the headline")
    new.add_argument("--date", help="publication date, YYYY-MM-DD (default: today)")
    new.add_argument("--slug", help="the URL slug (default: made from the title)")
    _site_options(new)
    new.set_defaults(run=_new)
    return parser


def _site_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-f",
        "--config-file",
        type=Path,
        help=f"the site's MkDocs configuration (default: ./{CONFIG_FILE} when it exists)",
    )
    parser.add_argument("--timezone", help="time zone of the briefs (default: the site's, or UTC)")


def _site(args: argparse.Namespace, *, need_config: bool) -> SiteConfig:
    config_file = args.config_file or Path(CONFIG_FILE)
    if config_file.is_file():
        return read_site_config(config_file, args.timezone)
    if args.config_file is not None:
        raise UsageError(f"no such configuration file: {args.config_file}")
    if need_config:
        raise UsageError(
            f"there is no {CONFIG_FILE} here: run in the site's folder, "
            "pass --config-file, or name the briefs to check"
        )
    try:
        return default_site_config(Path.cwd(), args.timezone or "UTC")
    except ValueError as exc:
        raise UsageError(str(exc)) from None


# --- briefs check ----------------------------------------------------------------


def _check(args: argparse.Namespace) -> int:
    site = _site(args, need_config=not args.paths)
    missing = [str(p) for p in args.paths if not p.exists()]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    if not args.paths and not site.briefs_dir.is_dir():
        raise UsageError(f"the briefs folder {site.briefs_dir} does not exist")
    # A short run that keeps everything it parses: collecting garbage only costs time,
    # already while the parser is imported (here, so that `briefs new` need not wait).
    gc.disable()
    from mkdocs_briefs.core.check.run import check_site

    result = check_site(site, args.paths, cache=args.cache)
    if args.format == "json":
        print(json.dumps([_as_json(p) for p in result.problems], ensure_ascii=False, indent=2))
    elif args.format == "github":
        for problem in result.problems:
            print(annotation(problem))
        print(_summary(result))
    else:
        for problem in result.problems:
            print(problem)
        print(_summary(result))
    return 1 if result.failed else 0


def _as_json(problem) -> dict[str, object]:
    location = problem.location
    return {
        "path": location.path,
        "line": location.line,
        "col": location.col,
        "severity": problem.severity.value,
        "message": problem.message,
    }


def _summary(result: CheckResult) -> str:
    checked = _plural(result.briefs, "brief")
    if result.glossaries:
        checked += " and " + ("the glossary" if result.glossaries == 1 else "the glossaries")
    counts = [
        _plural(result.count(severity), name)
        for severity, name in (
            (Severity.ERROR, "error"),
            (Severity.WARNING, "warning"),
            (Severity.INFO, "note"),
        )
        if result.count(severity)
    ]
    return f"Checked {checked}: {', '.join(counts) if counts else 'no problems'}."


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


# --- briefs new ------------------------------------------------------------------


def _new(args: argparse.Namespace) -> int:
    site = _site(args, need_config=False)
    title = " ".join(args.title.split())
    if not title:
        raise UsageError('the title is empty: briefs new "Your headline"')
    slug = args.slug if args.slug is not None else slug_for(title)
    if not is_valid_id(slug):
        raise UsageError(
            f"the slug '{slug}' is not usable: pass --slug with lower-case letters, "
            "digits and hyphens"
            if slug
            else "the title gives no slug: pass --slug with lower-case letters, digits and hyphens"
        )
    if args.date:
        try:
            day = date.fromisoformat(args.date)
        except ValueError:
            raise UsageError(f"--date must be YYYY-MM-DD, got '{args.date}'") from None
    else:
        day = datetime.now(site.timezone).date()
    target = site.briefs_dir / f"{slug}.md"
    from mkdocs_briefs.core.collection.briefs import shown_path

    shown = shown_path(target.resolve(), site.project_dir.resolve())
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8") as file:  # "x": never overwrite
            file.write(new_brief_text(title, day))
    except FileExistsError:
        print(
            f"briefs: error: {shown} already exists; nothing was written: "
            "choose another title, or pass --slug",
            file=sys.stderr,
        )
        return 1
    except OSError as exc:
        print(f"briefs: error: cannot write {shown}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(
        f"Wrote {shown} (dated {day.isoformat()}, a draft): edit it, run `briefs check`, "
        "then remove `draft: true` to publish it."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
