"""Did-you-mean hints for messages about unknown ids and keys."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """`" (did you mean 'x'?)"` for the closest candidate, or "" when none is close.

    The leading space lets callers append the hint directly to a message.
    """
    # The word itself is never a useful suggestion, even if a caller passes it along.
    pool = [candidate for candidate in candidates if candidate != word]
    matches = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    return f" (did you mean '{matches[0]}'?)" if matches else ""
