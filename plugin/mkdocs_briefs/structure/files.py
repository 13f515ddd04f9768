"""The MkDocs files of the plugin's pages: where each comes from and where it is written."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, InclusionLevel

from mkdocs_briefs.core.brief.model import Brief
from mkdocs_briefs.core.siteinfo import SiteInfo


def brief_file(
    brief: Brief, source: Path, project_dir: Path, docs_dir: Path, config: MkDocsConfig
) -> File:
    """The brief's own file, written at its dated address (yyyy/mm/dd/slug/).

    A real source file, as docs pages have: plugins that read a page's file (git
    dates and authors, "edit this page") find the brief. Its `src_uri` is the
    brief's path from the project (`briefs/x.md`), which no docs page has unless
    the docs folder holds a `briefs/` folder of its own. `docs_dir`: resolved, once a build.
    """
    source = source.resolve()
    try:
        src_uri = source.relative_to(project_dir).as_posix()
        src_dir = project_dir
    except ValueError:  # a briefs folder outside the project
        src_uri, src_dir = source.name, source.parent
    file = File(
        src_uri,
        str(src_dir),
        config.site_dir,
        config.use_directory_urls,
        dest_uri=f"{brief.url}index.html",
        # Never in the nav: Material renders the nav into every page.
        inclusion=InclusionLevel.NOT_IN_NAV,
    )
    # "Edit this page" leads to the brief: its path from the docs folder, which the
    # repository's edit address (edit_uri) points at.
    file.edit_uri = Path(os.path.relpath(source, docs_dir)).as_posix()
    return file


def brief_media(
    brief: Brief, file: File, project_dir: Path, docs_dir: Path, config: MkDocsConfig
) -> list[File]:
    """Images and other files a brief links to beside it (not in the docs folder, which
    MkDocs publishes already): published at the same path from the project."""
    folder = Path(file.abs_src_path or "").parent
    found = []
    for href, _line in brief.body.relative_links:
        path = urlsplit(href).path
        if not path or path.startswith("/") or path.endswith(".md"):
            continue
        target = (folder / path).resolve()
        if target.is_relative_to(docs_dir) or not target.is_relative_to(project_dir):
            continue
        if target.is_file():
            src_uri = target.relative_to(project_dir).as_posix()
            found.append(
                File(src_uri, str(project_dir), config.site_dir, config.use_directory_urls)
            )
    return found


def site_page_file(src_uri: str, config: MkDocsConfig, *, in_nav: bool) -> File:
    """A page the plugin makes from all briefs (timeline, archive, ...).

    Generated, yet with a source file, as plugins that date or credit a page by its
    file's history expect of every page: the configuration that makes the page.
    """
    inclusion = InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV
    source = os.path.abspath(config.config_file_path or "mkdocs.yml")
    return File.generated(config, src_uri, abs_src_path=source, inclusion=inclusion)


def root_of(file: File) -> str:
    """The relative path from a page to the site root: "" for /, "../" for /archive/."""
    return "../" * file.dest_uri.count("/")


def site_info(config: MkDocsConfig) -> SiteInfo:
    return SiteInfo.make(
        config.site_name, config.site_url, config.site_description, config.site_author
    )


# A relative link to a folder of the site, as the core writes them: "../archive/",
# "2025/07/04/slug/#event-x", "" (the site root from the home page). No scheme, no query.
_FOLDER_LINK = re.compile(r'href="((?:\.\./)*(?:[^":#?/]+/)*)(#[^"]*)?"')


def file_urls(html: str) -> str:
    """The core's folder links as file links (`archive/index.html`), for a site built with
    `use_directory_urls: false`: opened from disk, a folder address shows a folder listing."""

    def to_file(match: re.Match[str]) -> str:
        path, fragment = match.group(1), match.group(2) or ""
        if not path and fragment:
            return match.group(0)  # an anchor on the same page
        return f'href="{path}index.html{fragment}"'

    return _FOLDER_LINK.sub(to_file, html)
