"""The host-independent core: model, parsing, dates, glossary and rendering.

Nothing under this package imports MkDocs, so it can move to another host.
"""
