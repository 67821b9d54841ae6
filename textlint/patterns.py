"""Regular expressions compiled when first used, and compiled once for every run.

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

Compiled patterns are also kept between runs (:func:`compile`, which the lazy patterns and
the YAML rules use). A pattern that ``regex`` parses in 0.1 to 15 ms is rebuilt from its
compiled code in about 10 µs: that code is what pickling a compiled pattern keeps, and
``regex`` rebuilds a pickled pattern from it without parsing. The code of each pattern
compiled is kept in one file in the user's cache directory, keyed by the pattern, its flags
and ``regex``'s default version, each pattern's code marshalled on its own (so a run decodes
only the patterns it uses, not every pattern any run kept); the file's name holds the versions of ``regex`` and of
Python, so another version starts a new file. A run that compiled a pattern the file did
not hold writes the file again when it ends (not a worker process: those end without
writing). When the file cannot be read or written, patterns are compiled every time (the
same patterns).
"""

from __future__ import annotations

import importlib
import marshal
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import regex
from regex import _regex

from . import cachefile

#: Bump when what is kept changes.
CACHE_FORMAT = 3
#: Patterns kept at most; a full cache starts again.
MAX_ENTRIES = 2048


def compile(pattern: str, flags: int = 0) -> regex.Pattern:  # noqa: A001 (regex.compile's name)
    """``regex.compile(pattern, flags)``, rebuilt from the code an earlier run compiled when
    the cache of compiled patterns holds it. Raises ``regex.error`` for a bad pattern."""
    key = (pattern, int(flags), int(regex.DEFAULT_VERSION))
    code = _KEPT.get(key)
    if code is not None:
        try:
            rebuilt = _regex.compile(*marshal.loads(code))  # what unpickling a compiled pattern does
        except (TypeError, ValueError, IndexError, OverflowError, RuntimeError, EOFError):
            pass  # a damaged entry: compile again
        else:
            if rebuilt.pattern == pattern:
                return rebuilt
    compiled = regex.compile(pattern, flags)
    if not compiled.flags & regex.LOCALE:  # a locale's pattern depends on the locale
        _keep(key, compiled._pickled_data)  # what pickling the pattern keeps
    return compiled


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
            self._compiled = compile(pattern, flags) if engine is regex else engine.compile(pattern, flags)
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


# -- the cache of compiled patterns ---------------------------------------------------------------

def cache_path() -> Path:
    from .lexicon import cache_dir

    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    return cache_dir() / f"regex-{CACHE_FORMAT}-{regex.__version__}-py{python}.marshal"


def _keep(key: tuple, code: tuple) -> None:
    try:
        blob = marshal.dumps(code)
    except ValueError:  # a value marshal does not hold: not kept
        return
    _KEPT.keep(key, blob)


_KEPT = cachefile.KeptBlobs(cache_path, MAX_ENTRIES)
