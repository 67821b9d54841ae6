"""The cyclic garbage collector kept off a document's lint, and off what the lint leaves alive.

The rules make no reference cycles (with the collector off, a run over the 536 articles of
``bench/cleanup.py`` and a 1 MB text leaves no cyclic garbage for ``gc.collect`` to find), but
many small objects: a 1 MB text's spacing analysis makes ~220,000 tuples, which its memo tables
keep for the rest of the process. With the collector on, the collections after their making
walk them all, to free nothing (on that text 0.17 s for the first, 0.1 s for the next of the
older generation; ~0.2 s over ``bench/cleanup.py``'s articles). So a lint runs with the
collector off, and what it leaves alive is then frozen (``gc.freeze``: never walked again,
still freed when no longer referenced). The garbage made before is collected first, so that
none of it is frozen; only the young generations hold any after the first freeze, and they
are small.

Only a ``check`` run pauses the collector so (:mod:`.runner`): its process lints and exits. A
frozen object that later becomes part of a cycle is never freed, so a process that lives on
(a program calling the Python API, the language server, a corpus worker) freezes nothing:
its collector only waits for the end of each lint (:func:`collections_deferred`, in
:meth:`.Linter.lint`) and then runs as it set it.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Callable, Iterator, TypeVar

T = TypeVar("T")


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the body with the cyclic collector off, then freeze what it left alive. Nothing
    changes when the collector is off already (a caller that manages it)."""
    if not gc.isenabled():
        yield
        return
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def collections_deferred(run: Callable[[], T]) -> T:
    """*run*() with the cyclic collector off, then on again. Its collections are deferred, not
    skipped: the collector counts the objects made meanwhile, so the first object made after
    starts the collections they call for, by the thresholds the program set, and garbage the
    run made (it makes no cycles) is found then. A collection in the middle of a lint walks
    every object that the lint holds at that moment, to free nothing. Nothing changes when
    the collector is off already (a caller that manages it)."""
    if not gc.isenabled():
        return run()
    gc.disable()
    try:
        return run()
    finally:
        gc.enable()
