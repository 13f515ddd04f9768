"""The MkDocs adapter: turns brief files into pages and reports problems.

All the work lives in `core`; this module only connects it to MkDocs' events.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from .brief_watcher import BriefWatcher, rebuild_waker
from .config import BriefsConfig
from .core.check_cache import CACHE_DIR, site_fingerprint
from .core.collection import BriefCollection, docs_page_clash, load_briefs
from .core.glossary_usage import unused_terms
from .core.memo import ParsedBriefs
from .core.parse import SiteSettings
from .core.parse_cache import ParseCache
from .core.problems import Problem, Severity
from .core.render.feed import FeedEntry
from .core.render.glossary_page import (
    GLOSSARY_PAGE_DESCRIPTION,
    GLOSSARY_PAGE_TITLE,
    render_glossary_page,
)
from .core.render.kinds_page import KINDS_PAGE_TITLE, render_kinds_page
from .core.render.search_text import searchable_html
from .core.render.timeline_page import timeline_pages
from .preview import KEPT_TEMPLATE, PreviewCache
from .site_glossary import SiteGlossary, keep_out_of_site, load_site_glossary
from .sitewide import (
    add_latest,
    add_to_head,
    feed_link,
    home_page_spec,
    latest_html,
    lift_lone_pages,
    listing_pages,
    write_feed,
)
from .structure import (
    GLOSSARY_PAGE_URI,
    KINDS_PAGE_URI,
    BriefFiles,
    BriefPage,
    SitePage,
    SitePageSpec,
    brief_file,
    root_of,
    site_info,
    site_page_file,
)

log = get_plugin_logger("briefs")

# `mkdocs build` and `mkdocs gh-deploy` end the process once the site is built.
EXITING_COMMANDS = frozenset({"build", "gh-deploy"})

PACKAGE_DIR = Path(__file__).parent
TEMPLATES_DIR = PACKAGE_DIR / "templates"
FRAME_DIR = TEMPLATES_DIR / "frame"  # the news frame: Material's main.html, overridden
ASSETS_DIR = PACKAGE_DIR / "assets"
ASSET_URI = "assets/briefs"


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
        self.brief_pages: list[BriefPage] = []
        self._feed_pages: set[int] = set()  # ids of the brief pages in the feed
        self.preview: PreviewCache | None = None
        self.watcher: BriefWatcher | None = None
        self.exits_after_build = False  # the command ends the process after one build

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Having on_startup keeps this instance for a whole `mkdocs serve`, and with it
        # what the preview cache kept of the last build (see preview.py).
        self.on_shutdown()
        self.exits_after_build = command in EXITING_COMMANDS
        if command == "serve" and not dirty:
            self.preview = PreviewCache()
            self.preview.start()

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.preview is not None:
            self.preview.before_clean(config)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.project_dir = Path(config.config_file_path or ".").resolve().parent
        # Last in the search path, so a theme's custom_dir can override our templates.
        if str(TEMPLATES_DIR) not in config.theme.dirs:
            config.theme.dirs.append(str(TEMPLATES_DIR))
        # The frame goes before the theme's own templates, after a site's custom_dir.
        if str(FRAME_DIR) not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(FRAME_DIR))
        for asset in sorted(ASSETS_DIR.glob("*.css")):
            _add_once(config.extra_css, f"{ASSET_URI}/{asset.name}")
        for asset in sorted(ASSETS_DIR.glob("*.js")):
            _add_once(config.extra_javascript, f"{ASSET_URI}/{asset.name}")
        if not config.site_url:
            log.warning(
                "mkdocs.yml has no site_url, so there is no Atom feed (feed.xml) and no "
                "canonical links: set site_url to the address the site is published at"
            )
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.preview is not None:
            self.preview.folder.after_clean(config)
        self.glossary = None
        if self.config.glossary:
            load = self.preview.site_glossary if self.preview else load_site_glossary
            self.glossary = load(self.config.glossary, self.project_dir, self._cache_dir())
            keep_out_of_site(files, self.glossary.path, Path(config.docs_dir))
            for problem in self.glossary.problems:
                report(problem)
        matcher = self.glossary.matcher if self.glossary else None
        settings = SiteSettings(tz=self.config.timezone, glossary=matcher)
        # Briefs parsed before, with the same bytes and settings, are not parsed again.
        memo = self.preview.parsed if self.preview else None
        if memo is None and self.config.cache:
            memo = ParsedBriefs()
        if memo is not None:
            glossary_path = self.glossary.path if self.glossary else None
            fingerprint = site_fingerprint(str(self.config.timezone), glossary_path)
            cache_dir = self._cache_dir()
            store = ParseCache(cache_dir, fingerprint) if cache_dir else None
            memo.start_build(fingerprint, store)
        self.collection = load_briefs(
            Path(self.config.briefs_dir), self.project_dir, settings, memo
        )
        if memo is not None and self.preview is None:
            memo.end_build()  # drops cache entries of briefs edited or deleted since
        for problem in self.collection.problems:
            report(problem)
        if self.glossary:
            for problem in unused_terms(self.glossary.glossary, self.collection.briefs):
                report(problem)

        link_targets = BriefFiles()
        made: list[tuple[Any, File]] = []
        for brief in self.collection.briefs:
            source = self.collection.files[brief.path]
            file = brief_file(brief, source, config)
            clash = files.get_file_from_path(file.src_uri)
            if clash is not None and not clash.generated_by:
                report(docs_page_clash(brief.path, brief.url, clash.src_uri))
                continue
            files.append(file)
            link_targets.add(source, file)
            made.append((brief, file))
        self.brief_pages = [
            BriefPage(
                brief,
                file,
                config,
                template=self.config.template,
                link_targets=link_targets,
                glossary=self.glossary.glossary if self.glossary else None,
                keep_parse=self.preview is not None,
            )
            for brief, file in made
        ]

        # The newest briefs' bodies go into the feed once the site is built.
        self._feed_pages = {id(page) for page in self.brief_pages[: self.config.feed_size]}

        briefs, per_page = self.collection.briefs, self.config.per_page
        # The preview compares site pages' HTML between builds: it needs it early.
        lazy = self.preview is None
        if files.get_file_from_path("index.md") is None:
            home = home_page_spec(briefs, per_page, config.site_name)
            SitePage(home, _append(files, site_page_file(home, config)), config, lazy=lazy)
        for spec in [*self.site_pages(), *listing_pages(briefs, per_page)]:
            if files.get_file_from_path(spec.src_uri) is not None:
                log.warning(
                    f"{spec.src_uri} in the docs folder replaces the page the plugin makes there"
                )
                continue
            file = site_page_file(spec, config)
            files.append(file)
            SitePage(spec, file, config, lazy=lazy)

        for asset in sorted(ASSETS_DIR.iterdir()):
            if asset.is_file():
                files.append(
                    File.generated(config, f"{ASSET_URI}/{asset.name}", abs_src_path=str(asset))
                )
        self._freeze_for_exit()
        return files

    def _freeze_for_exit(self) -> None:
        """What exists now lives until the process ends: keep the garbage collector off it.

        Python's full collections walk every object; the parsed briefs made them a
        third of a second slower in a 1,000-brief build, and the last one, as the
        process ends, took as long again. Only for commands that end the process after
        their build: the frozen objects are never collected, only freed.
        """
        if self.exits_after_build:
            gc.freeze()

    def _cache_dir(self) -> Path | None:
        """Where parses and the loaded glossary are kept between builds, if they are."""
        return self.project_dir / CACHE_DIR if self.config.cache else None

    def site_pages(self) -> list[SitePageSpec]:
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
                for page in timeline_pages(
                    self.collection.briefs, keep_entries=self.preview is not None
                )
            ),
        ]
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

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        lift_lone_pages(nav)
        if self.preview is not None:
            self.preview.start_build(config, nav)
        return nav

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        if self.preview is not None:
            env.bytecode_cache = self.preview.templates
            self.preview.folder.note_outputs({file.dest_uri for file in files})
        return env

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        preview = self.preview
        if preview is not None and isinstance(page, BriefPage):
            key = preview.page_key("brief", preview.parsed.keys.get(page.brief.path, ""))
            docs_dir = Path(config.docs_dir)
            page.kept = preview.reuse(
                page, key, lambda kept: page.links_unchanged(kept.links, files, docs_dir)
            )
            if page.kept is not None:
                preview.kept_briefs += 1
            else:
                preview.rendered_briefs += 1
        return page

    def _page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if isinstance(page, BriefPage):
            rendered = page.kept or page.body
            for problem in rendered.problems if rendered else ():
                report(problem)
        if self.preview is not None and isinstance(page, SitePage):
            # A site-wide page is rendered again; the theme runs only if its HTML changed.
            key = self.preview.page_key("site", page.file.src_uri, str(page.meta), html)
            page.kept = self.preview.reuse(page, key)
        if isinstance(page, BriefPage | SitePage) and page.kept is not None:
            assert self.preview is not None
            page.kept_written = self.preview.already_written(
                page.file.src_uri, page.file.abs_dest_path
            )
            page.meta["template"] = KEPT_TEMPLATE
            page.meta["search"] = {"exclude": True}  # its entries are handed back instead
        if page.is_homepage and not isinstance(page, SitePage | BriefPage):
            # The editor's home page keeps its text; the latest briefs follow it.
            latest = latest_html(self.collection.briefs, self.config.per_page, root_of(page.file))
            html = add_latest(html, latest)
        return html

    @event_priority(-100)  # after every other plugin has seen the content
    def _rest_content(self, html: str, *, page: Page, **_: Any) -> str:
        if self.preview is None and isinstance(page, BriefPage):
            page.content = html
            page.rest(keep_body=id(page) in self._feed_pages)
            return page.content
        return html

    on_page_content = CombinedEvent(_page_content, _rest_content)

    # Right before the theme: the late parts of the plugin's pages are made. The search
    # plugin indexes `page.content` in its own on_page_context: for the plugin's pages
    # it reads only their text (see core/render/search_text.py), and the theme then
    # renders the whole page again.
    @event_priority(100)
    def _content_for_search(self, context: dict, *, page: Page, **_: Any) -> dict:
        if isinstance(page, BriefPage):
            page.wake()
            page.render_fragments()
        elif isinstance(page, SitePage):
            page.render_late()
        if isinstance(page, BriefPage | SitePage) and page.content:
            searched = not (page.meta.get("search") or {}).get("exclude")
            page.full_content = page.content
            # A page left out of the index still has its HTML scanned by the search plugin.
            page.content = searchable_html(page.content) if searched else ""
        if self.preview is not None:
            self.preview.before_search(page)
        return context

    @event_priority(-100)
    def _content_for_theme(self, context: dict, *, page: Page, **_: Any) -> dict:
        if isinstance(page, BriefPage | SitePage) and page.full_content is not None:
            page.content, page.full_content = page.full_content, None
        if self.preview is not None:
            self.preview.after_search(page)
        return context

    on_page_context = CombinedEvent(_content_for_search, _content_for_theme)

    @event_priority(100)  # the theme's HTML, before any plugin's on_post_page changes it
    def _after_theme(self, output: str, *, page: Page, **_: Any) -> str:
        if isinstance(page, BriefPage):
            page.drop_fragments()
            if self.preview is None:
                page.drop_content()
        elif isinstance(page, SitePage):
            page.drop_late()
        if self.preview is not None and isinstance(page, BriefPage) and page.body:
            self.preview.rendered(
                page,
                output,
                problems=tuple(page.body.problems),
                links=tuple(page.links),
                body=page.body.html,
            )
        elif self.preview is not None:
            self.preview.rendered(page, output)
        return output

    def _add_feed_link(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if output and self._feed_wanted(config):  # empty: a kept page already on disk
            output = add_to_head(output, feed_link(site_info(config), root_of(page.file)))
        return output

    on_post_page = CombinedEvent(_after_theme, _add_feed_link)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._freeze_for_exit()
        if self.preview is not None:
            log.debug(
                f"{self.preview.kept_briefs} brief pages kept from the last build, "
                f"{self.preview.rendered_briefs} rendered"
            )
            self.preview.end_build(config)
        if not self._feed_wanted(config):
            return
        entries = [
            FeedEntry(page.brief, page.kept.body if page.kept else page.body.html)
            for page in self.brief_pages[: self.config.feed_size]
            if page.kept or page.body
        ]
        write_feed(Path(config.site_dir), entries, site_info(config))

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
        files = [Path(self.config.glossary)] if self.config.glossary else []
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


def _append(files: Files, file: File) -> File:
    files.append(file)
    return file


def _add_once(items: list, value: str) -> None:
    if value not in [str(item) for item in items]:
        items.append(value)
