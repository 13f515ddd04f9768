"""mkdocs-briefs: explained news briefs as an MkDocs plugin.

The `core` package parses and renders briefs without importing MkDocs; the
`plugin` module is the thin adapter that plugs the core into an MkDocs build.
"""

__version__ = "0.1.0"
