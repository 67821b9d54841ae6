"""Regular expressions compiled when first used, not when their module is imported.

Compiling a pattern with the ``regex`` module is slow (its parser is written in Python), and
the checks define about 150 patterns at module level, most of which a short file never
reaches. ``lazy_compile`` keeps a module's patterns where they are read best, beside the code
that uses them, while textlint starts without compiling them::

    _WORD = lazy_compile(r"\\p{L}+")
    ...
    for m in _WORD.finditer(text): ...

The first attribute asked of a :class:`LazyPattern` (``finditer``, ``search``, ``pattern``,
...) compiles it; each attribute is then kept on the object, so later uses cost what a
compiled pattern's attributes cost.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

import regex


class LazyPattern:
    """A pattern compiled on first use; it answers every attribute of the compiled pattern."""

    def __init__(self, pattern: str, flags: int, engine: ModuleType) -> None:
        self._source = (pattern, flags, engine)
        self._compiled = None

    def __getattr__(self, name: str) -> Any:
        # called only for attributes not yet kept in the instance dict
        if name.startswith("__"):
            raise AttributeError(name)
        if self._compiled is None:
            pattern, flags, engine = self._source
            self._compiled = engine.compile(pattern, flags)
        value = getattr(self._compiled, name)
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        pattern, flags, engine = self._source
        return f"lazy_compile({pattern!r}, {flags!r}, engine={engine.__name__})"

    # like a compiled pattern, it is immutable, and it pickles (by its source)
    def __copy__(self) -> LazyPattern:
        return self

    def __deepcopy__(self, memo: dict) -> LazyPattern:
        return self

    def __reduce__(self) -> tuple:
        pattern, flags, engine = self._source
        return _by_engine_name, (pattern, int(flags), engine.__name__)


def _by_engine_name(pattern: str, flags: int, engine: str) -> LazyPattern:
    return LazyPattern(pattern, flags, importlib.import_module(engine))


def lazy_compile(pattern: str, flags: int = 0, *, engine: ModuleType = regex) -> LazyPattern:
    """*pattern* with *flags*, compiled by *engine* (``regex``, or ``re``) on first use."""
    return LazyPattern(pattern, flags, engine)
