"""Frozen, slotted data classes whose pickles are quick to read back.

Parsed briefs travel as pickles: from the processes that parse a big site, and
from the cache of earlier builds (parse_cache.py). A frozen data class with
slots is unpickled by a method that looks up the class's fields again for every
object; a brief is made of about a hundred such records, and that lookup was
half the time of reading a brief from the cache.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any, TypeVar

T = TypeVar("T")


def quick_pickle(cls: type[T]) -> type[T]:
    """Pickle a frozen, slotted data class as the tuple of its fields, in order."""
    names = tuple(field.name for field in fields(cls))  # type: ignore[arg-type]
    set_slot = object.__setattr__  # the class is frozen: its own __setattr__ refuses

    def __getstate__(self: Any) -> tuple[Any, ...]:
        return tuple([getattr(self, name) for name in names])

    def __setstate__(self: Any, state: tuple[Any, ...]) -> None:
        for name, value in zip(names, state, strict=True):
            set_slot(self, name, value)

    cls.__getstate__ = __getstate__  # type: ignore[attr-defined]
    cls.__setstate__ = __setstate__  # type: ignore[attr-defined]
    return cls
