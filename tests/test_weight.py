"""The plugin's own styles and scripts stay light: readers on slow phone connections
load them on every page."""

from __future__ import annotations

import gzip

from support import ROOT

ASSETS = ROOT / "plugin" / "mkdocs_briefs" / "assets"
BUDGET = 20 * 1024  # bytes, gzipped, CSS and JS together


def test_the_plugins_css_and_js_weigh_under_20_kb_gzipped():
    files = sorted([*ASSETS.glob("*.css"), *ASSETS.glob("*.js")])
    assert {f.suffix for f in files} == {".css", ".js"}
    total = sum(len(gzip.compress(f.read_bytes(), compresslevel=9)) for f in files)
    assert total < BUDGET, f"{total} bytes gzipped: {[f.name for f in files]}"
