"""Check a site's briefs and glossary without building it (`briefs check`).

Each brief goes through the build's own `parse_source`, its relative links get
the build's `broken_link` message, and page URLs are claimed with the build's
`UrlClaims`, so every message is the one the build prints. Only what MkDocs
alone knows is approximated: a relative link counts as found when it names a
brief being checked or an existing file under the docs folder.

Briefs are independent of each other, so a big site is checked by several
processes at once; the result does not depend on how the work was split.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from .check_cache import BriefFindings, CheckCache, brief_key, site_fingerprint
from .collection import (
    UrlClaims,
    briefs_among,
    docs_page_clash,
    files_under,
    is_misnamed,
    name_not_utf8,
    shown_path,
    stray_files,
)
from .glossary_file import SiteGlossary, load_site_glossary
from .glossary_usage import unused_among
from .markdown.render_rules import broken_link
from .parallel import map_in_chunks, worker_count
from .parse import SiteSettings
from .parsed import BriefSource, parse_source, read_briefs
from .problems import Problem, Problems, Severity
from .siteconfig import SiteConfig

GLOSSARY_SUFFIXES = (".yml", ".yaml")


@dataclass
class CheckResult:
    problems: list[Problem] = field(default_factory=list)  # sorted by file, line, column
    briefs: int = 0  # brief files checked
    glossaries: int = 0  # glossary files checked

    def count(self, severity: Severity) -> int:
        return sum(1 for p in self.problems if p.severity is severity)

    @property
    def failed(self) -> bool:
        """Warnings and errors fail, as in `mkdocs build --strict`; notes do not."""
        return any(p.severity is not Severity.INFO for p in self.problems)


@dataclass(frozen=True)
class _Report:
    """What checking one brief file found."""

    shown: str
    findings: BriefFindings
    key: str | None  # the file's key in the cache; None without a cache or an unreadable file


@dataclass(frozen=True)
class _Job:
    """Everything a worker needs: plain, picklable data."""

    files: tuple[Path, ...]
    project_dir: Path
    docs_dir: Path
    settings: SiteSettings
    brief_files: frozenset[str]  # every brief being checked, as found (absolute)


def check_site(
    config: SiteConfig, paths: Iterable[Path] = (), *, workers: int = 0, cache: bool = True
) -> CheckResult:
    """Check the given files (folders are searched for briefs), or the whole site.

    `workers`: processes to use; 0 chooses by the number of briefs and CPUs.
    `cache`: reuse what earlier runs found in briefs whose bytes have not changed.
    """
    paths = list(paths)
    project_dir = config.project_dir.resolve()
    problems = Problems()
    if paths:
        brief_files, glossary_files = _split(paths, project_dir, problems)
    else:
        listing = files_under(config.briefs_dir.resolve())
        brief_files = briefs_among(listing.files)
        glossary_files = [config.glossary] if config.glossary else []
        problems.extend(listing.problems(project_dir))
        problems.extend(stray_files(listing.files, project_dir))
    glossaries = [load_site_glossary(path.resolve(), project_dir) for path in glossary_files]
    # Briefs link terms of the site's glossary, whichever files are being checked.
    site_glossary = _site_glossary(config, glossaries, project_dir)
    # Absolute paths, as the build finds them: a linked file is shown where the link is.
    job = _Job(
        files=tuple(brief_files),
        project_dir=project_dir,
        docs_dir=config.docs_dir.resolve(),
        settings=SiteSettings(
            tz=config.timezone,
            glossary=site_glossary.matcher if site_glossary else None,
            prerender=False,
            link_terms=False,
        ),
        brief_files=frozenset(str(f) for f in brief_files),
    )
    store = CheckCache(project_dir) if cache else None
    fingerprint = site_fingerprint(str(config.timezone), config.glossary)
    claims = UrlClaims()
    used: set[str] = set()
    reports = _findings(job, workers, store, fingerprint)
    docs_pages = _pages_in(job.docs_dir)
    for report in reports:
        findings = report.findings
        problems.extend(findings.problems)
        resolve = _LinkResolver((job.project_dir / report.shown).parent, job)
        problems.extend(
            broken_link(report.shown, line, href)
            for href, line in findings.links
            if resolve(href) is None
        )
        used.update(findings.terms)
        if findings.url is None or not claims.claim(findings.url, report.shown, problems):
            continue
        page = f"{findings.url}index.md"  # where the build puts the brief among the docs
        if page in docs_pages:
            problems.extend([docs_page_clash(report.shown, findings.url, page)])
    for glossary in glossaries:
        problems.extend(glossary.problems)
    if not paths and site_glossary is not None:  # "used in no brief" needs every brief
        problems.extend(unused_among(site_glossary.glossary, used))
    if store is not None:
        store.save()
    ordered = sorted(problems, key=lambda p: (p.location, p.message))
    return CheckResult(ordered, len(job.files), len(glossaries))


def _findings(job: _Job, workers: int, store: CheckCache | None, fingerprint: str) -> list[_Report]:
    """Every brief's findings in file order: from the cache, else checked now."""
    check = partial(_check_files, job, store, fingerprint)
    reports = map_in_chunks(check, job.files, workers or worker_count(len(job.files)))
    if store is not None:
        for report in reports:
            if report.key is not None:
                store.put(report.key, report.findings)
    return reports


def _pages_in(docs_dir: Path) -> frozenset[str]:
    """Every file under the docs folder, as a path relative to it."""
    found = set()
    for folder, _, names in os.walk(docs_dir):
        relative = Path(folder).relative_to(docs_dir)
        found.update((relative / name).as_posix() for name in names)
    return frozenset(found)


def _site_glossary(
    config: SiteConfig, checked: list[SiteGlossary], project_dir: Path
) -> SiteGlossary | None:
    if config.glossary is None:
        return checked[0] if checked else None
    for glossary in checked:
        if glossary.path.resolve() == config.glossary.resolve():
            return glossary
    return load_site_glossary(config.glossary.resolve(), project_dir)


def _check_files(
    job: _Job, store: CheckCache | None, fingerprint: str, files: Sequence[Path]
) -> list[_Report]:
    """Reports of the files: each file's findings from the cache, else checked now.

    Runs in a worker process: a share is read, keyed and checked where it is worked on.
    """
    reports = []
    for source in read_briefs([(file, shown_path(file, job.project_dir)) for file in files]):
        key = None
        if store is not None and not isinstance(source.data, OSError):
            key = brief_key(source.shown, source.data, fingerprint)
        findings = store.get(key) if store is not None and key is not None else None
        if findings is None:
            findings = _check_source(source, job.settings)
        reports.append(_Report(source.shown, findings, key))
    return reports


def _check_source(source: BriefSource, settings: SiteSettings) -> BriefFindings:
    problems = Problems()
    brief = parse_source(source, settings, problems)
    if brief is None:
        return BriefFindings(None, tuple(problems.items))
    # Relative links are resolved by the caller, as the build resolves them.
    return BriefFindings(
        brief.url,
        tuple(problems.items),
        tuple(brief.body.terms),
        tuple(brief.body.relative_links),
    )


@dataclass(frozen=True)
class _LinkResolver:
    """Resolves a brief's relative link as the build would, from files alone."""

    folder: Path  # the brief's folder: links are relative to the brief's file
    job: _Job

    def __call__(self, href: str) -> str | None:
        path = urlsplit(href).path  # as the build reads it: not unquoted
        if not path:
            return href
        docs_dir = self.job.docs_dir
        if path.startswith("/"):
            return href if (docs_dir / path.lstrip("/")).is_file() else None
        target = (self.folder / path).resolve()
        # Briefs are listed where they were found: a linked brief file where its link is.
        if not self.job.brief_files.isdisjoint((str(target), os.path.normpath(self.folder / path))):
            return href
        if target.is_relative_to(docs_dir) and target.is_file():
            return href
        return None


def _split(
    paths: list[Path], project_dir: Path, problems: Problems
) -> tuple[list[Path], list[Path]]:
    """Brief files (folders searched at any depth) and glossary files, each once; a folder
    inside that cannot be listed is added to `problems`."""
    briefs: dict[Path, None] = {}
    glossaries: dict[Path, None] = {}
    for path in paths:
        if is_misnamed(path):
            problems.extend([name_not_utf8(path.resolve(), project_dir)])
        elif path.is_dir():
            listing = files_under(path.resolve())
            problems.extend(listing.problems(project_dir))
            briefs.update(dict.fromkeys(briefs_among(listing.files)))
        elif path.suffix.lower() in GLOSSARY_SUFFIXES:
            glossaries[path.resolve()] = None
        else:
            briefs[path.resolve()] = None
    return list(briefs), list(glossaries)
