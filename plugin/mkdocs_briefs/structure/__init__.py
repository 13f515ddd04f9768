"""MkDocs' side of the plugin's pages: their files, and the page classes."""

from mkdocs_briefs.structure.base import PluginPage
from mkdocs_briefs.structure.brief import (
    GLOSSARY_PAGE_URI,
    KINDS_PAGE_URI,
    BriefFiles,
    BriefPage,
    brief_meta,
)
from mkdocs_briefs.structure.files import (
    brief_file,
    brief_media,
    file_urls,
    root_of,
    site_info,
    site_page_file,
)
from mkdocs_briefs.structure.site import SitePage, SitePageSpec

__all__ = [
    "GLOSSARY_PAGE_URI",
    "KINDS_PAGE_URI",
    "BriefFiles",
    "BriefPage",
    "PluginPage",
    "SitePage",
    "SitePageSpec",
    "brief_file",
    "brief_media",
    "brief_meta",
    "file_urls",
    "root_of",
    "site_info",
    "site_page_file",
]
