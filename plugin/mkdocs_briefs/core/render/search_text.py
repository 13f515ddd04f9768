"""What the site search reads of a page the plugin renders.

A search engine wants the words and the headings, not the markup that only
helps on the page: citation markers ("[2]" would be indexed as text), term and
mention links, claim wrappers, or the glossary's "Used in" lists (which repeat
every brief's title under every term). Handing the search plugin this lighter
HTML also spares it most of the parsing: on a site of 1,000 briefs its HTML
parser was a quarter of the build.

Works on HTML this package rendered: every `<` in it opens a tag, because all
author text is escaped.
"""

from __future__ import annotations

import re

# Elements left out whole, with what they contain. None of them nests an element of
# its own tag, so the shortest match is the whole element.
_UNSEARCHED = re.compile(
    r'<(sup|dd) class="(?:brief-cite|brief-glossary__used)"[^>]*>.*?</\1>', re.DOTALL
)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>")
_ID = re.compile(r'\sid="([^"]*)"')
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# The tags Material's search keeps in its text; the others only cost it parsing.
_KEPT = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
# Other blocks become a line break, so the words on either side stay apart.
_BLOCKS = frozenset(
    {"article", "blockquote", "dd", "div", "dl", "dt", "nav", "section", "table", "td", "th", "tr"}
)


def searchable_html(html: str) -> str:
    """The page's text for the search index: headings (with their ids), paragraphs, lists."""
    return _TAG.sub(_light_tag, _UNSEARCHED.sub("", html))


def _light_tag(match: re.Match[str]) -> str:
    closing, name, attributes = match.groups()
    name = name.lower()
    if name in _HEADINGS:
        # A heading with an id starts a search section that links to its anchor.
        if closing:
            return f"</{name}>"
        found = _ID.search(attributes)
        return f'<{name} id="{found.group(1)}">' if found else f"<{name}>"
    if name in _KEPT:
        return f"<{closing}{name}>"
    return "\n" if name in _BLOCKS else ""
