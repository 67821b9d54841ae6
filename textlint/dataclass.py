"""``dataclass``: the standard decorator, with the methods it writes compiled once for every run.

``dataclasses.dataclass`` writes each method it adds to a class (``__init__``, ``__repr__``,
``__eq__``, ``__hash__``, a frozen class's ``__setattr__`` and ``__delattr__``, ...) as Python
source and compiles it, each time the class is defined. Python's compiler is slow (about
2,500 instructions per character of source), and textlint's ~30 dataclasses get ~120 such
methods: compiling them was the largest part of textlint's own start-up (about a seventh of a
one-line check). Their source is the same in every run, so its compiled code is kept between
runs, as Python's ``__pycache__`` keeps the code of modules: in one file of textlint's cache
directory (``code-<format>-<Python's bytecode version>.marshal``), keyed by the source, each
code object marshalled on its own and read back only when asked for. A run that compiled a
method the file did not hold writes the file again when it ends (not a worker process).

The methods are the same as the standard decorator's: the same source compiled the same way
(as ``exec`` compiles a string: file name ``<string>``, no ``__future__`` flags). A damaged,
unreadable or unwritable file only means compiling again. The file holds code, so it is
trusted as the rest of the cache directory is (docs/security.md).

Use ``from .dataclass import dataclass`` instead of ``from dataclasses import dataclass``;
``field``, ``replace``, ``fields`` and the rest still come from :mod:`dataclasses`.
"""

from __future__ import annotations

import dataclasses
import marshal
import sys
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from types import CodeType

from . import cachefile

#: Bump when what is kept changes.
CACHE_FORMAT = 2
#: Methods kept at most; a full cache starts again.
MAX_ENTRIES = 1024


def dataclass(cls=None, /, **options):
    """``dataclasses.dataclass(cls, **options)``, the methods it writes compiled once for every run."""

    def wrap(cls):
        # dataclasses compiles the source of each method with the built-in exec(), looked up
        # in its module's globals: one defined there takes its place while *cls* is made
        dataclasses.exec = _exec
        try:
            return dataclasses.dataclass(cls, **options)
        finally:
            vars(dataclasses).pop("exec", None)

    return wrap if cls is None else wrap(cls)


def _exec(source, globals=None, locals=None, /):  # noqa: A002 (exec's own parameter names)
    """``exec(source, globals, locals)``, with the code of a source string kept between runs."""
    return exec(_code(source) if isinstance(source, str) else source, globals, locals)


def _code(source: str) -> CodeType:
    blob = _KEPT.get(source)
    if blob is not None:
        try:
            code = marshal.loads(blob)
        except (EOFError, ValueError, TypeError):
            code = None  # a damaged entry: compile again
        if isinstance(code, CodeType):
            return code
    # as exec() compiles a string in dataclasses (whose module has no __future__ imports)
    code = compile(source, "<string>", "exec", dont_inherit=True)
    _KEPT.keep(source, marshal.dumps(code))
    return code


# -- the cache of compiled methods ---------------------------------------------------------------

def cache_path() -> Path:
    from .lexicon import cache_dir

    return cache_dir() / f"code-{CACHE_FORMAT}-{sys.implementation.cache_tag}-{MAGIC_NUMBER.hex()}.marshal"


_KEPT = cachefile.KeptBlobs(cache_path, MAX_ENTRIES)
