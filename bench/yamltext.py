"""Writing the small YAML documents of the corpus by hand, as an editor would."""

from __future__ import annotations

import json
import re

# Plain scalars an editor would write without quotes and YAML reads back as text.
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ,.'()/:?=_-]*|\d{4}-\d\d-\d\d")
_YAML_WORDS = {"yes", "no", "on", "off", "true", "false", "null", "y", "n"}


def scalar(text: str) -> str:
    """`text` as a YAML scalar: plain when that is safe, else double-quoted."""
    safe = _PLAIN.fullmatch(text) and ": " not in text and not text.endswith((" ", ":"))
    if safe and text.lower() not in _YAML_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def flow_list(items: list[str] | tuple[str, ...]) -> str:
    """`[a, b]`, quoting items that contain flow indicators."""
    parts = [
        json.dumps(item) if re.search(r"[,\[\]{}:#]", item) else scalar(item) for item in items
    ]
    return "[" + ", ".join(parts) + "]"
