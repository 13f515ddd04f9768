"""Quick rebuilds under `mkdocs serve`: what did not change is not computed again.

`mkdocs serve` rebuilds the whole site after every save. With 1,000 briefs,
parsing them took most of a rebuild, although one brief changed. The plugin
instance lives as long as the server (it has `on_startup`), so it keeps,
between builds, each brief file's parse, by its bytes and the site's settings
(core/collection/memo.py), and the loaded glossary. Every page is rendered and written
again by every build, as in `mkdocs build`: other plugins see every page.
What the plugin made for an unchanged brief page (its body and fragments) is
reused while everything the page shows of other files is the same
(rendered_reuse.py), and Material's search does not parse the same page HTML
twice (search_reuse.py); neither changes what a page holds.

Two costs of MkDocs itself are avoided too: the theme's templates are compiled
once per session, not once per build, and the served folder is not emptied
before each build (see served_folder.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig

from mkdocs_briefs.core.collection.glossary import SiteGlossary, load_site_glossary
from mkdocs_briefs.core.collection.memo import ParsedBriefs
from mkdocs_briefs.core.source.reader import MAX_GLOSSARY_BYTES, read_bounded
from mkdocs_briefs.idle_gc import IdleCollector
from mkdocs_briefs.rendered_reuse import RenderedBriefs
from mkdocs_briefs.search_reuse import SearchSections
from mkdocs_briefs.served_folder import ServedFolder


class TemplateCode(jinja2.BytecodeCache):
    """Compiled templates for the whole session; Jinja checks each against its source."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


@dataclass
class PreviewCache:
    parsed: ParsedBriefs = field(default_factory=ParsedBriefs)
    templates: TemplateCode = field(default_factory=TemplateCode)
    garbage: IdleCollector = field(default_factory=IdleCollector)
    folder: ServedFolder = field(default_factory=ServedFolder)
    search: SearchSections = field(default_factory=SearchSections)
    rendered: RenderedBriefs = field(default_factory=RenderedBriefs)
    _glossary: tuple[tuple[str, bytes | None], SiteGlossary] | None = None

    def before_clean(self, config: MkDocsConfig) -> None:
        """A build starts (MkDocs' on_pre_build): no collection now; save the served files."""
        self.garbage.build_started()
        self.folder.before_clean(config)

    def stop(self) -> None:
        """The serve session ends: leave no timer or moved folder behind."""
        self.garbage.stop()
        self.folder.discard()

    def site_glossary(
        self, option: str, project_dir: Path, cache_dir: Path | None = None
    ) -> SiteGlossary:
        """The glossary and its matcher, loaded again only when the file changed."""
        path = project_dir / option
        try:
            data: bytes | None = read_bounded(path, MAX_GLOSSARY_BYTES)
        except OSError:  # unreadable, or too large
            data = None  # reported by the loader
        key = (str(path), data)
        if self._glossary is None or self._glossary[0] != key:
            self._glossary = (key, load_site_glossary(option, project_dir, cache_dir))
        return self._glossary[1]

    def end_build(self, config: MkDocsConfig) -> None:
        """Forget what this build did not use: a serve session's memory stays the site's size."""
        self.parsed.end_build()
        self.folder.remove_stale(config)
        self.search.end_build()
        self.rendered.end_build()
        self.garbage.build_done()
