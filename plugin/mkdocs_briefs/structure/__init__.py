"""MkDocs' side of the plugin's pages: their files, and the page classes."""

from .base import PluginPage
from .brief import GLOSSARY_PAGE_URI, KINDS_PAGE_URI, BriefFiles, BriefPage, brief_meta
from .files import brief_file, brief_media, file_urls, root_of, site_info, site_page_file
from .site import SitePage, SitePageSpec

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
