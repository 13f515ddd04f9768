"""The MkDocs adapter: turns brief files into pages and reports problems.

All the work lives in `core`; this module only connects it to MkDocs' events.
A brief goes from file to page in one pass:

1. `on_files` (early, so that plugins before and after see them): the glossary and
   the briefs are read, each brief becomes a file of the site (`structure/files.py`)
   with a `BriefPage`, then come the site-wide pages and the assets;
2. MkDocs reads each page (`BriefPage.read_source`: `page.meta` and `page.markdown`)
   and renders it (`BriefPage.render`: `page.content`, the table of contents and
   the fragments the template places: header, sidebar, timeline...);
3. the page events report what rendering found and hand the template its parts;
4. `on_post_build` writes the feed.
"""

from __future__ import annotations

import contextlib
import functools
import gc
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_theme_dir

from mkdocs_briefs.brief_watcher import BriefWatcher, rebuild_waker
from mkdocs_briefs.config import BriefsConfig
from mkdocs_briefs.core.brief.lead_image import resolve_lead_image
from mkdocs_briefs.core.brief.model import Brief
from mkdocs_briefs.core.brief.parse import SiteSettings, parse_brief
from mkdocs_briefs.core.brief.publication import (
    build_time,
    is_scheduled,
    published_only,
    scheduled_note,
)
from mkdocs_briefs.core.cache.findings import CACHE_DIR, site_fingerprint
from mkdocs_briefs.core.cache.parses import ParseCache, cache_notice
from mkdocs_briefs.core.cache.search_sections import SearchSectionCache
from mkdocs_briefs.core.check.siteconfig import config_problems
from mkdocs_briefs.core.collection.briefs import BriefCollection, docs_page_clash, load_briefs
from mkdocs_briefs.core.collection.memo import ParsedBriefs
from mkdocs_briefs.core.collector import collector_paused
from mkdocs_briefs.core.options import DEFAULT_TIMEZONE
from mkdocs_briefs.core.problems import Problem, Problems, Severity
from mkdocs_briefs.core.render.author_pages import (
    AUTHORS_TITLE,
    author_pages,
    render_author_page,
    render_authors_index,
)
from mkdocs_briefs.core.render.feed import FeedEntry
from mkdocs_briefs.core.render.glossary_page import (
    GLOSSARY_PAGE_DESCRIPTION,
    GLOSSARY_PAGE_TITLE,
    render_glossary_page,
)
from mkdocs_briefs.core.render.kinds_page import KINDS_PAGE_TITLE, render_kinds_page
from mkdocs_briefs.core.render.problems_page import (
    intended_url,
    problems_page_title,
    render_problems_page,
)
from mkdocs_briefs.core.render.story_pages import story_pages
from mkdocs_briefs.core.render.timeline_page import timeline_pages
from mkdocs_briefs.core.site.archive import FEED_PATH
from mkdocs_briefs.core.site.authors import (
    AUTHORS_PATH,
    SiteAuthors,
    briefs_by_author,
    bylines,
    load_site_authors,
)
from mkdocs_briefs.core.site.glossary_usage import unused_terms
from mkdocs_briefs.core.site.links import SiteLinks, link_site
from mkdocs_briefs.core.site.stories import SiteStories, load_site_stories
from mkdocs_briefs.core.text import esc
from mkdocs_briefs.frame import frame_links
from mkdocs_briefs.preview import PreviewCache
from mkdocs_briefs.search_reuse import SearchSections, search_code
from mkdocs_briefs.site_glossary import SiteGlossary, keep_out_of_site, load_site_glossary
from mkdocs_briefs.sitewide import (
    add_latest,
    home_page_spec,
    latest_html,
    lift_lone_pages,
    listing_pages,
)
from mkdocs_briefs.sitewide import write_feed as write_feed_file
from mkdocs_briefs.structure import (
    GLOSSARY_PAGE_URI,
    KINDS_PAGE_URI,
    BriefFiles,
    BriefPage,
    PluginPage,
    SitePage,
    SitePageSpec,
    brief_file,
    brief_media,
    file_urls,
    root_of,
    site_info,
    site_page_file,
)

log = get_plugin_logger("briefs")

# `mkdocs build` and `mkdocs gh-deploy` end the process once the site is built.
EXITING_COMMANDS = frozenset({"build", "gh-deploy"})

PACKAGE_DIR = Path(__file__).parent
TEMPLATES_DIR = PACKAGE_DIR / "templates"
ASSETS_DIR = PACKAGE_DIR / "assets"
ASSET_URI = "assets/briefs"

# Plugins whose way of building the site the plugin cannot follow yet.
UNSUPPORTED_PLUGINS = {
    "i18n": "mkdocs-static-i18n builds the site once per language from the docs folder; "
    "briefs live outside it and have no language: remove one of the two plugins",
}


def report(problem: Problem) -> None:
    """Warnings and errors fail `mkdocs build --strict` after all are listed."""
    if problem.severity is Severity.ERROR:
        log.error(str(problem))
    elif problem.severity is Severity.WARNING:
        log.warning(str(problem))
    else:
        log.info(str(problem))


class BriefsPlugin(BasePlugin[BriefsConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.collection = BriefCollection()
        self.project_dir = Path.cwd()
        self.glossary: SiteGlossary | None = None
        self.authors: SiteAuthors | None = None
        self.stories: SiteStories | None = None
        self.site_links = SiteLinks()
        self.brief_pages: list[BriefPage] = []
        self._page_urls: set[str] = set()  # of the plugin's pages, in this build
        self.preview: PreviewCache | None = None
        self.search_sections: SearchSections | None = None  # this build's, without serve
        self.watcher: BriefWatcher | None = None
        self.exits_after_build = False  # the command ends the process after one build
        self.serving = False  # `mkdocs serve` shows drafts and scheduled briefs; builds do not
        self._served_urls: dict[str, str] = {}  # under serve: each brief's address last build

    # --- The session and the configuration ----------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Having on_startup keeps this instance for a whole `mkdocs serve`, and with it
        # the briefs parsed by the last build (see preview.py).
        self.on_shutdown()
        self.exits_after_build = command in EXITING_COMMANDS
        self.serving = command == "serve"
        if command == "serve" and not dirty:
            self.preview = PreviewCache()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        for name, reason in UNSUPPORTED_PLUGINS.items():
            if name in config.plugins:
                raise PluginError(f"the briefs plugin does not work with '{name}': {reason}")
        self.project_dir = Path(config.config_file_path or ".").resolve().parent
        _add_templates(config)
        for asset in sorted(ASSETS_DIR.glob("*.css")):
            _add_once(config.extra_css, f"{ASSET_URI}/{asset.name}")
        for asset in sorted(ASSETS_DIR.glob("*.js")):
            _add_once(config.extra_javascript, f"{ASSET_URI}/{asset.name}")
        timezone_set = self.config.timezone is not None
        if not timezone_set:
            self.config.timezone = ZoneInfo(DEFAULT_TIMEZONE)
        config_name = Path(config.config_file_path or "mkdocs.yml").name
        for problem in config_problems(
            config_name, site_url=config.site_url, timezone_set=timezone_set
        ):
            report(problem)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.preview is not None:
            self.preview.before_clean(config)

    # --- The site's files ---------------------------------------------------------

    @event_priority(100)  # first: plugins listed before or after this one see the briefs
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.preview is not None:
            self.preview.folder.after_clean(config)
        with self._collector_paused():
            self._load_glossary(files, config)
            self._load_authors(files, config)
            self._load_stories(files, config)
            self._load_briefs()
            self._link_briefs()
            self._add_brief_pages(files, config)
            self._add_site_pages(files, config)
            self._add_assets(files, config)
        self._freeze_for_exit()
        return files

    def _load_glossary(self, files: Files, config: MkDocsConfig) -> None:
        self.glossary = None
        if not self.config.glossary:
            return
        load = self.preview.site_glossary if self.preview else load_site_glossary
        self.glossary = load(self.config.glossary, self.project_dir, self._cache_dir())
        keep_out_of_site(files, self.glossary.path, Path(config.docs_dir))
        for problem in self.glossary.problems:
            report(problem)

    def _load_authors(self, files: Files, config: MkDocsConfig) -> None:
        self.authors = None
        if self.config.authors:
            self.authors = load_site_authors(self.config.authors, self.project_dir)
            keep_out_of_site(files, self.authors.path, Path(config.docs_dir))
            for problem in self.authors.problems:
                report(problem)

    def _load_stories(self, files: Files, config: MkDocsConfig) -> None:
        self.stories = None
        if self.config.stories:
            self.stories = load_site_stories(self.config.stories, self.project_dir)
            keep_out_of_site(files, self.stories.path, Path(config.docs_dir))
            for problem in self.stories.problems:
                report(problem)

    def _load_briefs(self) -> None:
        # Briefs parsed before, with the same bytes and settings, are not parsed again.
        memo = self.preview.parsed if self.preview else None
        if memo is None and self.config.cache:
            memo = ParsedBriefs()
        if memo is not None:
            glossary_path = self.glossary.path if self.glossary else None
            fingerprint = site_fingerprint(str(self.config.timezone), glossary_path)
            cache_dir = self._cache_dir()
            store = ParseCache(cache_dir, fingerprint) if cache_dir else None
            notice = cache_notice(cache_dir) if cache_dir else None
            if notice:
                log.info(notice)
            memo.start_build(fingerprint, store)
        self.collection = load_briefs(
            Path(self.config.briefs_dir), self.project_dir, self._settings(), memo
        )
        if memo is not None and self.preview is None:
            memo.end_build()  # drops cache entries of briefs edited or deleted since
        if not self.serving:  # drafts and scheduled briefs: no page, list, feed or entry
            now = build_time()
            for brief in self.collection.briefs:
                if not brief.draft and is_scheduled(brief, now):
                    report(scheduled_note(brief.path, brief.published))
            self.collection.briefs = published_only(self.collection.briefs, now)
        for problem in self.collection.problems:
            report(problem)
        if self.glossary:
            for problem in unused_terms(self.glossary.glossary, self.collection.briefs):
                report(problem)

    def _link_briefs(self) -> None:
        """What links the parsed briefs to the site and to each other, worked out again
        every build: bylines (the authors file), same-as events and stories."""
        known = self.authors.authors if self.authors else {}
        problems = Problems()
        for brief in self.collection.briefs:
            brief.bylines = bylines(brief, known, problems) if known else None
        for problem in problems:
            report(problem)
        self.site_links = link_site(self.collection.briefs, self.stories)
        for problem in self.site_links.problems:
            report(problem)

    def _add_brief_pages(self, files: Files, config: MkDocsConfig) -> None:
        """A page for each brief, at its dated address, unless a docs page is there."""
        taken = _outputs(files)
        link_targets = BriefFiles()
        social_cards = any(name.split("/")[-1] == "social" for name in config.plugins)
        docs_dir = Path(config.docs_dir).resolve()  # once: resolving walks every folder
        self.brief_pages = []
        for brief in self.collection.briefs:
            source = self.collection.files[brief.path]
            file = brief_file(brief, source, self.project_dir, docs_dir, config)
            clash = taken.get(file.dest_uri) or files.get_file_from_path(file.src_uri)
            if clash is not None:
                report(docs_page_clash(brief.path, brief.url, clash.src_uri))
                continue
            files.append(file)
            link_targets.add(file)
            self._add_lead_image(brief, files, config)
            for media in brief_media(brief, file, self.project_dir, docs_dir, config):
                if files.get_file_from_path(media.src_uri) is None:
                    files.append(media)
                link_targets.add(files.get_file_from_path(media.src_uri) or media)
            self.brief_pages.append(
                BriefPage(
                    brief,
                    file,
                    config,
                    template=self.config.template,
                    link_targets=link_targets,
                    docs_dir=docs_dir,
                    reparse=self._reparse,
                    glossary=self.glossary.glossary if self.glossary else None,
                    social_cards=social_cards,
                    links=self.site_links.of(brief),
                    reuse=self.preview.rendered if self.preview else None,
                    shown_key=self._shown_key(brief),
                )
            )

    def _shown_key(self, brief: Brief) -> tuple[str, ...]:
        """Under `mkdocs serve`: the brief's parse, and what its page shows of other briefs."""
        if self.preview is None:
            return ()
        parse_key = self.preview.parsed.keys.get(brief.path, "")
        return (parse_key, self.site_links.fingerprint(brief))

    def _add_lead_image(self, brief: Brief, files: Files, config: MkDocsConfig) -> None:
        """The lead image's file, measured now (it may change while the brief does not),
        copied next to the brief's page."""
        brief.lead = None
        if brief.image is None:
            return
        problems = Problems()
        source = self.collection.files[brief.path]
        docs_dir = Path(config.docs_dir)
        brief.lead = resolve_lead_image(brief.image, source, docs_dir, self.project_dir, problems)
        for problem in problems:
            report(problem)
        if brief.lead is not None:
            files.append(
                File.generated(config, brief.lead.url(brief), abs_src_path=str(brief.lead.file))
            )

    def _add_site_pages(self, files: Files, config: MkDocsConfig) -> None:
        """Timeline, archive, tags, glossary...; a docs page at the same address wins."""
        briefs, per_page = self.collection.briefs, self.config.per_page
        taken = _outputs(files)
        home = home_page_spec(briefs, per_page, config.site_name)
        specs = [
            home,
            *self._site_page_specs(),
            *listing_pages(briefs, per_page),
            *self._problem_pages(),
        ]
        for spec in specs:
            file = site_page_file(spec.src_uri, config, in_nav=spec.in_nav)
            clash = taken.get(file.dest_uri) or files.get_file_from_path(file.src_uri)
            if clash is not None:
                # The editor's home page keeps its text; the latest briefs follow it.
                if spec is not home:
                    log.warning(
                        f"{clash.src_uri} in the docs folder is published at /{file.url}, "
                        f"where the plugin makes its page '{spec.title}': your page is kept "
                        "and the plugin's is left out; rename or move yours to have both"
                    )
                continue
            files.append(file)
            SitePage(spec, file, config)

    def _site_page_specs(self) -> list[SitePageSpec]:
        """The site-wide pages made from all briefs; each feature adds its own."""
        pages = [
            SitePageSpec(
                KINDS_PAGE_URI,
                KINDS_PAGE_TITLE,
                render_kinds_page,
                "What each source label in our briefs means.",
            ),
            *(
                SitePageSpec(
                    f"{page.path}index.md",
                    page.title,
                    page.render,
                    page.description,
                    in_nav=page.in_nav,
                    searchable=False,
                )
                # Serve rebuilds render the timeline again from mostly the same briefs.
                for page in [
                    *timeline_pages(
                        self.collection.briefs,
                        keep_entries=self.preview is not None,
                        events=self.site_links.events,
                    ),
                    *story_pages(self.site_links.stories, self.site_links.events),
                ]
            ),
        ]
        if self.authors is not None:
            pages += self._author_pages()
        if self.glossary is not None:
            glossary = self.glossary.glossary
            pages.append(
                SitePageSpec(
                    GLOSSARY_PAGE_URI,
                    GLOSSARY_PAGE_TITLE,
                    lambda root: render_glossary_page(glossary, self.collection.briefs, root),
                    GLOSSARY_PAGE_DESCRIPTION,
                )
            )
        return pages

    def _problem_pages(self) -> list[SitePageSpec]:
        """Under `mkdocs serve`, a brief with an error is a page of its problems at its
        address (the last one it was built at, else the one it asks for), not a 404."""
        if not self.serving:
            return []
        built = {brief.path: brief.url for brief in self.collection.briefs}
        by_path: dict[str, list[Problem]] = {}
        for problem in self.collection.problems:
            by_path.setdefault(problem.location.path, []).append(problem)
        specs = []
        taken = set(built.values())
        for shown, problems in by_path.items():
            file = self.collection.files.get(shown) or self.project_dir / shown
            if shown in built or not any(p.severity is Severity.ERROR for p in problems):
                continue
            url = self._served_urls.get(shown) or intended_url(file, shown, self.config.timezone)
            if url is None or url in taken:
                continue
            taken.add(url)
            specs.append(
                SitePageSpec(
                    f"{url}index.md",
                    problems_page_title(shown),
                    functools.partial(render_problems_page, shown, problems),
                    in_nav=False,
                    searchable=False,
                )
            )
        self._served_urls.update(built)
        return specs

    def _author_pages(self) -> list[SitePageSpec]:
        """/authors/ and each author's briefs at /authors/<id>/, paged like the archive."""
        assert self.authors is not None
        known = list(self.authors.authors.values())
        by_author = briefs_by_author(self.collection.briefs, self.authors.authors)
        specs = [
            SitePageSpec(
                f"{AUTHORS_PATH}index.md",
                AUTHORS_TITLE,
                functools.partial(render_authors_index, known, by_author),
                "Who writes our briefs.",
                in_nav=False,
                searchable=False,
            )
        ]
        for item in author_pages(known, by_author, self.config.per_page):
            specs.append(
                SitePageSpec(
                    f"{item.page.path}index.md",
                    item.title,
                    functools.partial(render_author_page, item),
                    f"Briefs by {item.author.name}.",
                    in_nav=False,
                    searchable=False,
                )
            )
        return specs

    def _add_assets(self, files: Files, config: MkDocsConfig) -> None:
        for asset in sorted(ASSETS_DIR.iterdir()):
            if asset.is_file():
                files.append(
                    File.generated(config, f"{ASSET_URI}/{asset.name}", abs_src_path=str(asset))
                )

    def _settings(self) -> SiteSettings:
        matcher = self.glossary.matcher if self.glossary else None
        return SiteSettings(tz=self.config.timezone, glossary=matcher)

    def _reparse(self, text: str, path: str) -> tuple[Brief | None, list[Problem]]:
        problems = Problems()
        brief = parse_brief(text, path, self._settings(), problems)
        return brief, list(problems)

    def _cache_dir(self) -> Path | None:
        """Where parses and the loaded glossary are kept between builds, if they are."""
        return self.project_dir / CACHE_DIR if self.config.cache else None

    def _collector_paused(self) -> contextlib.AbstractContextManager[None]:
        """No garbage collection while the site's records are made, for commands that end
        the process after their build (see `_freeze_for_exit`): what is made here is kept
        for the whole build, and reading a thousand briefs from the cache set off full
        collections that walked every one of them again and again."""
        return collector_paused() if self.exits_after_build else contextlib.nullcontext()

    def _freeze_for_exit(self) -> None:
        """What exists now lives until the process ends: keep the garbage collector off it.

        Python's full collections walk every object; the parsed briefs made them a
        third of a second slower in a 1,000-brief build, and the last one, as the
        process ends, took as long again. Only for commands that end the process after
        their build: the frozen objects are never collected, only freed.
        """
        if self.exits_after_build:
            gc.freeze()

    # --- The pages ----------------------------------------------------------------

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        lift_lone_pages(nav)
        return nav

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        # The frame's sections and footer (templates/main.html): found once a build.
        env.globals["briefs_links"] = frame_links(files)
        if self.preview is None:
            # Every page's content is made (MkDocs renders all before the theme): what the
            # lists and the timeline derived from each brief is not needed again.
            for brief in self.collection.briefs:
                brief.forget_derived()
        self._reuse_search_sections(config)
        if self.preview is not None:
            env.bytecode_cache = self.preview.templates
            self.preview.folder.note_outputs({file.dest_uri for file in files})
        return env

    def _reuse_search_sections(self, config: MkDocsConfig) -> None:
        """Material's search parses a page's HTML only if it was not parsed before, in
        this serve session or (with the cache) the last build (see search_reuse.py)."""
        cache_dir = self._cache_dir()
        code = search_code(config) if cache_dir else None
        store = SearchSectionCache(cache_dir, code) if cache_dir and code else None
        if self.preview is not None:
            self.preview.search.attach(config, store)
        elif store is not None:
            self.search_sections = SearchSections()
            self.search_sections.attach(config, store)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if isinstance(page, PluginPage):
            for problem in page.on_page_content():
                report(problem)
        elif page.is_homepage:
            # The editor's home page keeps its text; the latest briefs follow it.
            latest = latest_html(self.collection.briefs, self.config.per_page, root_of(page.file))
            html = add_latest(html, latest if config.use_directory_urls else file_urls(latest))
        return html

    def on_page_context(self, context: dict, *, page: Page, config: MkDocsConfig, nav: Any) -> dict:
        if isinstance(page, PluginPage):
            page.on_page_context(context)
            self._page_urls.add(page.url)
        # The news frame without Material's navigation columns (templates/main.html).
        context["briefs_framed"] = isinstance(page, PluginPage) or page.is_homepage
        # The head's feed link, on every page (see templates/main.html).
        context["briefs_feed"] = FEED_PATH if self._feed_wanted(config) else None
        return context

    @event_priority(-100)  # after every other plugin: they may still read the template's parts
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if isinstance(page, PluginPage):
            page.on_post_page()
        return output

    # --- The end of the build -----------------------------------------------------

    @event_priority(100)  # before the search plugin writes its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._freeze_for_exit()
        _escape_search_titles(config, self._page_urls)
        self._page_urls = set()
        if self.preview is not None:
            self.preview.end_build(config)
        if self.search_sections is not None:
            self.search_sections.end_build()
            self.search_sections = None
        if self._feed_wanted(config):
            self._write_feed(config)

    def _write_feed(self, config: MkDocsConfig) -> None:
        entries = [
            FeedEntry(page.brief, page.body_html, self.site_links.of(page.brief).story)
            for page in self.brief_pages[: self.config.feed_size]
        ]
        write_feed_file(Path(config.site_dir), entries, site_info(config))

    def _feed_wanted(self, config: MkDocsConfig) -> bool:
        # An Atom feed needs absolute links, and at least one brief to date it.
        return bool(config.site_url) and bool(self.brief_pages)

    def on_build_error(self, *, error: Exception) -> None:
        if self.preview is not None:
            self.preview.folder.discard()

    def on_shutdown(self) -> None:
        if self.preview is not None:
            self.preview.stop()
        self.preview = None
        if self.watcher is not None:
            self.watcher.stop()
        self.watcher = None

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        # Brief files live outside docs_dir, so `mkdocs serve` must be told to watch them:
        # with file notifications where they can be had (see brief_watcher.py). What is in
        # docs_dir (a glossary often is) MkDocs polls already: watched twice, one save
        # would start two builds.
        docs_dir = Path(config.docs_dir).resolve()
        folders = [Path(self.config.briefs_dir)]
        files = [
            Path(option)
            for option in (self.config.glossary, self.config.authors, self.config.stories)
            if option
        ]
        folders, files = (
            [path for path in paths if not path.resolve().is_relative_to(docs_dir)]
            for paths in (folders, files)
        )
        if not folders and not files:
            return server
        wake = rebuild_waker(server)
        if wake is not None and not self.config.preview_polling:
            watcher = BriefWatcher(wake)
            if watcher.start(folders, files):
                self.watcher = watcher
                return server
            log.info("file notifications are not available here: briefs are polled for changes")
        for path in (*folders, *files):
            server.watch(str(path))
        return server


def _escape_search_titles(config: MkDocsConfig, urls: set[str]) -> None:
    """Material's search shows a page's title and tags as HTML, as it reads them from
    `page.meta`; on the plugin's pages they are plain text. (It escapes the text and
    headings it reads from `page.content` itself.)"""
    search = config.plugins.get("search") or config.plugins.get("material/search")
    entries = getattr(getattr(search, "search_index", None), "entries", None)
    if not isinstance(entries, list):
        return
    for entry in entries:
        location = str(entry.get("location", ""))
        if location.split("#")[0] not in urls:
            continue
        if "#" not in location:  # the page's own entry: its title is the page's
            entry["title"] = esc(str(entry.get("title", "")))
        if isinstance(entry.get("tags"), list):
            entry["tags"] = [esc(str(tag)) for tag in entry["tags"]]


def _outputs(files: Files) -> dict[str, File]:
    """The files already in the site, by the address each is written to."""
    return {file.dest_uri: file for file in files}


def _add_templates(config: MkDocsConfig) -> None:
    """The plugin's templates go before the theme's own (its `main.html` adds the feed
    link to every page) and after a `custom_dir`, which can override any of them."""
    folder = str(TEMPLATES_DIR)
    if folder in config.theme.dirs:
        return
    theme_dir = get_theme_dir(config.theme.name) if config.theme.name else None
    dirs = [str(Path(d).resolve()) for d in config.theme.dirs]
    position = (
        dirs.index(str(Path(theme_dir).resolve()))
        if theme_dir and str(Path(theme_dir).resolve()) in dirs
        else len(dirs)
    )
    config.theme.dirs.insert(position, folder)


def _add_once(items: list, value: str) -> None:
    if value not in [str(item) for item in items]:
        items.append(value)
