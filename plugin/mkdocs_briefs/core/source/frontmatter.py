"""Split a brief into its YAML front matter and its Markdown body."""

from __future__ import annotations

from dataclasses import dataclass

FENCE = "---"


@dataclass(frozen=True)
class SplitSource:
    front_matter: str
    body: str
    front_matter_line: int  # file line of the first YAML line
    body_line: int  # file line of the first body line


def split_front_matter(text: str) -> SplitSource | None:
    """Return the two parts, or None when the file does not open with a `---` block."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FENCE:
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in (FENCE, "..."):
            return SplitSource(
                front_matter="\n".join(lines[1:index]),
                body="\n".join(lines[index + 1 :]),
                front_matter_line=2,
                body_line=index + 2,
            )
    return None
