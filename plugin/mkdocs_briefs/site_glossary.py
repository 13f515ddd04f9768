"""The adapter's side of the glossary: find the file, load it once, keep it unpublished."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import Files

# Loading lives in the core, shared with `briefs check`; re-exported for the plugin.
from mkdocs_briefs.core.collection.glossary import SiteGlossary, load_site_glossary

__all__ = ["SiteGlossary", "keep_out_of_site", "load_site_glossary"]


def keep_out_of_site(files: Files, path: Path, docs_dir: Path) -> None:
    """The YAML is read by the plugin; MkDocs must not copy it into the site as well."""
    try:
        src_uri = path.resolve().relative_to(docs_dir.resolve()).as_posix()
    except ValueError:
        return  # outside the docs folder: MkDocs never sees it
    file = files.get_file_from_path(src_uri)
    if file is not None:
        files.remove(file)
