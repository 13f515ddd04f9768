"""Did-you-mean hints for messages about unknown ids and keys.

A brief may hold thousands of unknown ids, each a near miss of thousands of
declared ones; comparing every pair took a quarter of an hour. A typo keeps
the id's beginning or its end, so a word is compared only with the ids next
to it in alphabetical order, and next to it read backwards; each unknown word
once, and at most `MAX_HINTED_WORDS` words of one brief get a hint against
the same set of ids: the work stays linear in the brief.
"""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Collection, Iterable

SMALL_POOL = 64  # sets up to this size are compared in full, every time
NEIGHBOURS = 40  # ids on each side of a word, in each of the two orders, compared with it
MAX_HINTED_WORDS = 30  # distinct unknown words of one brief hinted against one set


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """`" (did you mean 'x'?)"` for the closest candidate, or "" when none is close.

    The leading space lets callers append the hint directly to a message.
    """
    if isinstance(candidates, Collection) and len(candidates) > SMALL_POOL:
        return _pool_of(candidates).hint(word)
    return _hint(word, candidates)


def start_brief() -> None:
    """Forget the hints given so far: each brief gets its own, whatever came before."""
    _pools.clear()


def _hint(word: str, candidates: Iterable[str]) -> str:
    # The word itself is never a useful suggestion, even if a caller passes it along.
    pool = [candidate for candidate in candidates if candidate != word]
    matches = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    return f" (did you mean '{matches[0]}'?)" if matches else ""


class _Pool:
    """A large set of ids, in order forwards and backwards, and the hints given against it."""

    def __init__(self, candidates: Collection[str]) -> None:
        self.candidates = candidates  # kept, so that its id is not reused while cached
        self.size = len(candidates)
        self.hints: dict[str, str] = {}
        self._forwards: list[str] | None = None
        self._backwards: list[str] = []  # each id reversed

    def hint(self, word: str) -> str:
        if word in self.hints:
            return self.hints[word]
        if len(self.hints) >= MAX_HINTED_WORDS:
            return ""
        hint = self.hints[word] = _hint(word, self._neighbours(word))
        return hint

    def _neighbours(self, word: str) -> list[str]:
        if self._forwards is None:
            ids = [candidate for candidate in self.candidates if isinstance(candidate, str)]
            self._forwards = sorted(ids)
            self._backwards = sorted(candidate[::-1] for candidate in ids)
        near = dict.fromkeys(_around(self._forwards, word))  # unique, in a stable order
        near.update(
            dict.fromkeys(reversed_id[::-1] for reversed_id in _around(self._backwards, word[::-1]))
        )
        return list(near)


def _around(ordered: list[str], word: str) -> list[str]:
    at = bisect.bisect_left(ordered, word)
    return ordered[max(0, at - NEIGHBOURS) : at + NEIGHBOURS]


_pools: dict[int, _Pool] = {}
_MAX_POOLS = 32


def _pool_of(candidates: Collection[str]) -> _Pool:
    pool = _pools.get(id(candidates))
    if pool is None or pool.candidates is not candidates or pool.size != len(candidates):
        if len(_pools) >= _MAX_POOLS:
            _pools.clear()
        pool = _pools[id(candidates)] = _Pool(candidates)
    return pool
