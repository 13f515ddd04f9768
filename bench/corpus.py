"""Write the two benchmark sites for one size: annotated briefs, and plain pages.

`<out>/briefs-<n>/` is a briefs site (the plugin, a 500-term glossary);
`<out>/plain-<n>/` is a plain MkDocs + Material site with the same text as
ordinary pages. Both are regenerated from a seed, so every run is the same.
"""

from __future__ import annotations

import argparse
import shutil
from dataclasses import dataclass
from pathlib import Path

from .brief_model import BriefSpec, annotated_text, plain_text
from .generate import TIMEZONE, make_brief
from .glossary_terms import CORE_TERMS, glossary_yaml, make_glossary
from .stories import stories_yaml, thread_stories

MARKER = ".bench-corpus"  # only folders carrying this file are ever deleted
GLOSSARY_PATH = "content/glossary.yml"
STORIES_PATH = "content/stories.yml"
SITE_URL = "https://example.org/bench/"  # `mkdocs serve` serves the briefs site under /bench/
PLAIN_SITE_URL = "https://example.org/plain/"  # ... and the plain site under /plain/

_THEME = """\
theme:
  name: material
  language: en
  # System fonts: no font service, the same for both sites.
  font: false
  features:
    - navigation.instant
    - navigation.top
    - toc.follow{extra_features}
"""

_MARKDOWN = """\
markdown_extensions:
  - toc:
      permalink: true
  - attr_list
"""

_HOME = """\
# Newsroom briefs

A synthetic newsroom archive for the benchmark: {count} briefs over three years.
"""


@dataclass(frozen=True)
class Corpus:
    size: int
    briefs_site: Path
    plain_site: Path
    briefs: list[BriefSpec]


def briefs_config(glossary: str = GLOSSARY_PATH) -> str:
    """The briefs site's mkdocs.yml, with the glossary file given."""
    return (
        f"site_name: Newsroom briefs\nsite_url: {SITE_URL}\ndocs_dir: content\n\n"
        + _THEME.format(extra_features="")
        + "\nplugins:\n  - search\n  - briefs:\n      briefs_dir: briefs\n"
        + f"      timezone: {TIMEZONE}\n      glossary: {glossary}\n"
        + f"      stories: {STORIES_PATH}\n\n"
        + _MARKDOWN
    )


def plain_config() -> str:
    """The plain site's mkdocs.yml: every page in the nav, pruned to the visible part."""
    return (
        f"site_name: Newsroom pages\nsite_url: {PLAIN_SITE_URL}\ndocs_dir: content\n\n"
        + _THEME.format(extra_features="\n    - navigation.prune")
        + "\nplugins:\n  - search\n\n"
        + _MARKDOWN
    )


def corpus_parser(description: str, measured: str) -> argparse.ArgumentParser:
    """The options of a script that measures one thing on one generated site."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--size", type=int, default=1000, help="briefs in the site (1000)")
    parser.add_argument("--out", type=Path, default=Path("bench/out"), help="corpus folder")
    parser.add_argument("--seed", type=int, default=8, help=f"seed of the corpus {measured} uses")
    return parser


def make_corpus(out: Path, size: int, seed: int = 8) -> Corpus:
    """Generate `size` briefs and write both sites under `out`."""
    terms = make_glossary(CORE_TERMS, seed)
    briefs = [make_brief(index, seed, terms) for index in range(1, size + 1)]
    briefs, stories = thread_stories(briefs, seed)
    briefs_site = _fresh(out / f"briefs-{size}")
    plain_site = _fresh(out / f"plain-{size}")
    _write(briefs_site / "mkdocs.yml", briefs_config())
    _write(briefs_site / GLOSSARY_PATH, glossary_yaml(terms))
    _write(briefs_site / STORIES_PATH, stories_yaml(stories))
    _write(briefs_site / "content" / "index.md", _HOME.format(count=size))
    _write(plain_site / "mkdocs.yml", plain_config())
    _write(plain_site / "content" / "index.md", _HOME.format(count=size))
    for brief in briefs:
        _write(briefs_site / "briefs" / brief.brief_path, annotated_text(brief))
        _write(plain_site / "content" / brief.plain_path, plain_text(brief))
    return Corpus(size, briefs_site, plain_site, briefs)


def add_glossary_variant(site: Path, terms: int, seed: int = 8, core: int | None = None) -> str:
    """A glossary of `terms` terms and a config that uses it; returns the config's name.

    `core`: how many of the terms briefs use it keeps (see make_glossary).
    """
    glossary = f"glossaries/glossary-{terms}.yml"
    _write(site / glossary, glossary_yaml(make_glossary(terms, seed, core)))
    config = f"mkdocs.glossary-{terms}.yml"
    _write(site / config, briefs_config(glossary))
    return config


def _fresh(folder: Path) -> Path:
    """An empty folder; an old corpus is removed only if this benchmark made it."""
    if folder.exists():
        if not (folder / MARKER).is_file():
            raise SystemExit(f"{folder} exists and was not made by the benchmark: remove it")
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    (folder / MARKER).write_text("made by bench/corpus.py; regenerated on every run\n")
    return folder


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
