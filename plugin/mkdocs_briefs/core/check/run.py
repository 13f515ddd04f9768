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
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs_briefs.core.brief.lead_image import resolve_lead_image
from mkdocs_briefs.core.brief.markdown.render_rules import missing_target
from mkdocs_briefs.core.brief.model import Brief, LeadImage
from mkdocs_briefs.core.brief.parse import SiteSettings
from mkdocs_briefs.core.brief.publication import build_time, scheduled_note
from mkdocs_briefs.core.cache.findings import BriefFindings, CheckCache, brief_key, site_fingerprint
from mkdocs_briefs.core.check.siteconfig import SiteConfig
from mkdocs_briefs.core.collection.briefs import (
    UrlClaims,
    briefs_among,
    docs_page_clash,
    files_under,
    is_misnamed,
    name_not_utf8,
    shown_path,
    stray_files,
)
from mkdocs_briefs.core.collection.glossary import SiteGlossary, load_site_glossary
from mkdocs_briefs.core.collection.parallel import map_in_chunks, worker_count
from mkdocs_briefs.core.collection.parsed import BriefSource, parse_source, read_briefs
from mkdocs_briefs.core.problems import Location, Problem, Problems, Severity
from mkdocs_briefs.core.site.authors import Author, bylines, load_site_authors
from mkdocs_briefs.core.site.brief_links import check_story, unused_stories
from mkdocs_briefs.core.site.glossary_usage import unused_among
from mkdocs_briefs.core.site.same_as import (
    location_from_json,
    location_json,
    refs_from_json,
    refs_of,
    refs_to_json,
    resolve_same_as,
)
from mkdocs_briefs.core.site.stories import load_site_stories

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
    authors: dict[str, Author] = field(default_factory=dict)  # the site's authors file


def check_site(
    config: SiteConfig,
    paths: Iterable[Path] = (),
    *,
    workers: int = 0,
    cache: bool = True,
    now: datetime | None = None,
) -> CheckResult:
    """Check the given files (folders are searched for briefs), or the whole site.

    `workers`: processes to use; 0 chooses by the number of briefs and CPUs.
    `cache`: reuse what earlier runs found in briefs whose bytes have not changed.
    `now`: the time a build would have (briefs dated later are scheduled), by default
    as the build reads it.
    """
    now = now or build_time()
    paths = list(paths)
    project_dir = config.project_dir.resolve()
    problems = Problems()
    problems.extend(list(config.problems))  # what mkdocs.yml alone fails --strict for
    if paths:
        brief_files, glossary_files = _split(paths, project_dir, problems)
    else:
        listing = files_under(config.briefs_dir.resolve())
        brief_files = briefs_among(listing.files)
        glossary_files = [config.glossary] if config.glossary else []
        problems.extend(listing.problems(project_dir))
        problems.extend(stray_files(listing.files, project_dir))
    glossaries = [load_site_glossary(path.resolve(), project_dir) for path in glossary_files]
    authors = load_site_authors(config.authors, project_dir) if config.authors else None
    if authors is not None:
        problems.extend(authors.problems)
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
        authors=authors.authors if authors else {},
    )
    store = CheckCache(project_dir) if cache else None
    # The authors file decides which bylines are typos: its ids are part of the key.
    known = ",".join(sorted(job.authors))
    fingerprint = site_fingerprint(f"{config.timezone}\0{known}", config.glossary)
    claims = UrlClaims()
    used: set[str] = set()
    reports = _findings(job, workers, store, fingerprint)
    docs_pages = _pages_in(job.docs_dir)
    for report in reports:
        findings = report.findings
        problems.extend(findings.problems)
        problems.extend(_scheduled(report, now))
        problems.extend(_image_problems(report, job))
        resolve = _LinkResolver((job.project_dir / report.shown).parent, job)
        problems.extend(
            missing_target(report.shown, line, href)
            for href, line in findings.links
            if resolve(href) is None
        )
        used.update(findings.terms)
        if findings.url is None or not claims.claim(findings.url, report.shown, problems):
            continue
        page = f"{findings.url}index.md"  # where the build puts the brief among the docs
        if page in docs_pages:
            problems.extend([docs_page_clash(report.shown, findings.url, page)])
    problems.extend(_site_problems(job, reports, config, workers, store, fingerprint, paths))
    for glossary in glossaries:
        problems.extend(glossary.problems)
    if not paths and site_glossary is not None:  # "used in no brief" needs every brief
        problems.extend(unused_among(site_glossary.glossary, used))
    if store is not None:
        store.save()
    ordered = sorted(problems, key=lambda p: (p.location, p.message))
    return CheckResult(ordered, len(job.files), len(glossaries))


def _site_problems(
    job: _Job,
    reports: list[_Report],
    config: SiteConfig,
    workers: int,
    store: CheckCache | None,
    fingerprint: str,
    paths: list[Path],
) -> list[Problem]:
    """What the build's site-wide pass finds in the checked briefs: `same-as` resolved
    against the whole site, however few briefs are checked."""
    refs = [refs_from_json(r.findings.site) for r in reports if r.findings.site is not None]
    if paths and any(event.same_as for brief in refs for event in brief.events):
        rest = [
            file
            for file in briefs_among(files_under(config.briefs_dir.resolve()).files)
            if str(file) not in job.brief_files
        ]
        others = _findings(replace(job, files=tuple(rest)), workers, store, fingerprint)
        refs.extend(refs_from_json(r.findings.site) for r in others if r.findings.site is not None)
    checked = {report.shown for report in reports}
    resolution = resolve_same_as(refs)
    problems = Problems()
    problems.extend([p for p in resolution.problems if p.location.path in checked])
    stories = load_site_stories(config.stories, config.project_dir) if config.stories else None
    known = stories.stories if stories else {}
    used: set[str] = set()
    for report in reports:
        story = (report.findings.site or {}).get("story")
        if story:
            story_id, *where = story
            if check_story(
                story_id,
                location_from_json(where),
                known,
                stories.shown if stories else "",
                problems,
            ):
                used.add(story_id)
    if stories is not None and not paths:  # "joined by no brief" needs every brief
        problems.extend(stories.problems)
        unused_stories(known, used, problems)
    return problems.items


def _findings(job: _Job, workers: int, store: CheckCache | None, fingerprint: str) -> list[_Report]:
    """Every brief's findings in file order: from the cache, else checked now."""
    check = partial(_check_files, job, store, fingerprint)
    reports = map_in_chunks(check, job.files, workers or worker_count(len(job.files)))
    if store is not None:
        for report in reports:
            if report.key is not None:
                store.put(report.key, report.findings)
    return reports


def _image_problems(report: _Report, job: _Job) -> list[Problem]:
    """The lead image's file is looked for on every run, as the build does."""
    if report.findings.image is None:
        return []
    src, line, col = report.findings.image
    image = LeadImage(src=src, alt="", location=Location(report.shown, line, col))
    problems = Problems()
    brief_file = job.project_dir / report.shown
    resolve_lead_image(image, brief_file, job.docs_dir, job.project_dir, problems)
    return problems.items


def _scheduled(report: _Report, now: datetime) -> list[Problem]:
    """A note for a brief that a build now would leave out for its date."""
    findings = report.findings
    if findings.published is None or findings.draft:
        return []
    try:
        published = datetime.fromisoformat(findings.published)
    except ValueError:
        return []
    if published.tzinfo is None or published <= now:
        return []
    return [scheduled_note(report.shown, published)]


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
        if findings is not None and not _readable(findings):
            findings = None
        if findings is None:
            findings = _check_source(source, job.settings, job.authors)
        reports.append(_Report(source.shown, findings, key))
    return reports


def _check_source(
    source: BriefSource, settings: SiteSettings, authors: dict[str, Author]
) -> BriefFindings:
    problems = Problems()
    brief = parse_source(source, settings, problems)
    if brief is None:
        return BriefFindings(None, tuple(problems.items))
    if authors:
        bylines(brief, authors, problems)
    # Relative links are resolved by the caller, as the build resolves them.
    return BriefFindings(
        brief.url,
        tuple(problems.items),
        tuple(brief.body.terms),
        tuple(brief.body.relative_links),
        published=brief.published.isoformat(),
        draft=brief.draft,
        image=_image_of(brief),
        site={
            **refs_to_json(refs_of(brief)),
            "story": [brief.story, *location_json(brief.story_location)]
            if brief.story_location
            else None,
        },
    )


def _image_of(brief: Brief) -> tuple[str, int, int] | None:
    image = brief.image
    return (image.src, image.location.line, image.location.col) if image else None


def _readable(findings: BriefFindings) -> bool:
    """A cache entry is read from disk: what the site-wide pass needs must be whole."""
    if findings.site is None:
        return findings.url is None
    try:
        refs_from_json(findings.site)
        story = findings.site.get("story")
        if story is not None:
            location_from_json(story[1:])
            if not isinstance(story[0], str):
                raise TypeError("not a story id")
    except (KeyError, TypeError, ValueError, IndexError):
        return False
    return True


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
        if target.suffix != ".md" and target.is_file():
            return href  # an image or file beside the brief: the build publishes it
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
