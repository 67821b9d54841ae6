"""Objects that the cyclic garbage collector does not walk: sets of strings, memo entries.

A frozenset is always tracked: each full collection visits its every entry (the lexicon's
set of common words and the closed compounds, ~30,000 strings each, cost ~3 ms a
collection). A dict whose keys are strings and whose values are None holds no object that
could be part of a cycle, so CPython never tracks it; asked ``in``, or ``keys() & strings``,
it answers as the set would.
"""

from __future__ import annotations

from typing import Iterable


def untracked_set(strings: Iterable[str]) -> dict[str, None]:
    """*strings* as the keys of a dict the collector never walks (ask it ``in``)."""
    return dict.fromkeys(strings)


def memo_entry_py(value, deps) -> tuple:
    """The entry ``(value, deps)`` that :meth:`.Model.memo` writes. (The compiled twin,
    ``memo_entry`` of native/src/memo.rs, makes the same tuple, and tells the collector not to
    walk it when no cycle can pass through it: CPython keeps a tuple that holds a dict, such
    as the deps, tracked for good, so each collection would walk every entry of the tables.)"""
    return value, deps
