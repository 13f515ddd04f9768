"""How long a brief is, as a reader counts: the words of its text.

Counted once, from the parsed body's text (citation markers, link targets and
markup are not words), so a page never needs its HTML again to say it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

# "Zelensky's", "air-defense" and "2,000" are one word each.
_WORD = re.compile("[^\\W_]+(?:['\u2019.,-][^\\W_]+)*")
_TEXT = frozenset({"text", "code_inline"})


def count_words(tokens: Iterable[Any]) -> int:
    count = 0
    for token in tokens:
        if token.type == "inline":
            for child in token.children or ():
                if child.type in _TEXT:
                    count += len(_WORD.findall(child.content))
        elif token.type in ("fence", "code_block"):
            count += len(_WORD.findall(token.content))
    return count
