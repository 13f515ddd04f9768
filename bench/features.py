"""What the plugin of this checkout supports, found by reading its source."""

from __future__ import annotations

import re
from pathlib import Path

from .measure import PLUGIN_DIR

PACKAGE = PLUGIN_DIR / "mkdocs_briefs"
_IMPORTS_GLOSSARY = re.compile(
    r"^\s*(from\s+[\w.]*glossary[\w.]*\s+import|from\s+[\w.]+\s+import\s+.*\bglossary\b"
    r"|import\s+[\w.]*glossary)",
    re.MULTILINE,
)


def plugin_uses_glossary(package: Path = PACKAGE) -> bool:
    """True when a module other than the glossary loader itself imports it.

    The `glossary` option can exist before anything reads the file; then a
    glossary-size measurement would only time MkDocs copying a YAML file.
    """
    loader = package / "core" / "glossary.py"
    return any(
        _IMPORTS_GLOSSARY.search(path.read_text(encoding="utf-8"))
        for path in package.rglob("*.py")
        if path != loader
    )
