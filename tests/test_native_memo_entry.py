"""The compiled memo entry (native/src/memo.rs, ``memo_entry``) against its Python twin in
textlint/untracked.py, ``memo_entry_py``: the same tuple ``(value, deps)`` of the same objects;
and untracked by the cyclic collector (with the tuples inside it) only when no object in it
could be part of a reference cycle: strs, numbers, None, tuples of them, dicts the collector
does not track."""

from __future__ import annotations

import gc

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from textlint import native
from textlint.untracked import memo_entry_py

MEMO_ENTRY = native.function("memo_entry")

pytestmark = pytest.mark.skipif(MEMO_ENTRY is None,
                                reason="textlint_native is not built, or is turned off: see native/README.md")

_ATOMS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                   st.text(max_size=4), st.just("é\u2019"), st.just("\ud800"))
_DEPS = st.one_of(st.just(()), st.dictionaries(st.text(max_size=3), st.integers(0, 9), min_size=1, max_size=3))
#: Objects that may take part in a cycle: a list, a set, a dict holding one, an instance.
_CONTAINERS = st.one_of(st.lists(_ATOMS, max_size=2), st.builds(set, st.lists(st.integers(), max_size=2)),
                        st.builds(lambda x: {"k": [x]}, _ATOMS), st.builds(lambda: type("C", (), {})()))
_VALUES = st.recursive(st.one_of(_ATOMS, _CONTAINERS), lambda inner: st.tuples(inner, inner) | st.tuples(inner),
                       max_leaves=6)


def _acyclic(item, depth: int) -> bool:
    """What the compiled entry may leave untracked (its rule, told in Python)."""
    if item is None or type(item) in (str, int, float, bool):
        return True
    if type(item) is tuple:  # (an untracked one holds no container, or one that is not tracked)
        return not gc.is_tracked(item) or depth > 0 and all(_acyclic(i, depth - 1) for i in item)
    return type(item) is dict and not gc.is_tracked(item)


def _tuples_in(item):
    if type(item) is tuple:
        yield item
        for inner in item:
            yield from _tuples_in(inner)


@settings(max_examples=600, deadline=None)
@given(_VALUES, _DEPS | _CONTAINERS)
@example((True, "ab"), {"word": 2})
@example(None, ())
@example((), {"x": 1})
@example((1, (2, (3, (4,)))), ())
@example(tuple([1, tuple([2, tuple([3, tuple([4])])])]), ())
@example(tuple([1, tuple([2, tuple([3, tuple([4, tuple([5, tuple([6])])])])])]), ())  # (too deep, made tracked)
@example(((("deep",),),), {"a": 1})
@example((1, [2]), ())
@example(1, {"k": []})
def test_the_entry_is_the_python_twins_and_untracked_only_when_acyclic(value, deps):
    acyclic = _acyclic(memo_entry_py(value, deps), 5)
    entry, twin = MEMO_ENTRY(value, deps), memo_entry_py(value, deps)
    assert type(entry) is tuple and entry == twin and entry[0] is value and entry[1] is deps
    if acyclic:
        assert not any(gc.is_tracked(t) for t in _tuples_in(entry))
    else:
        assert gc.is_tracked(entry)


def test_a_memo_entry_of_the_spacing_tables_is_untracked():
    # the shapes a pass writes: a chunk's answer, a window's cuts, a token's features, a line's
    # repairs (none), with the document words that swayed them or none
    for value, deps in (((True, "word"), {"word": 3}), ((2, 5), {}), ((False,), ()), ((), {"a": 1}), (None, ())):
        value = tuple(value) if isinstance(value, tuple) else value
        assert not gc.is_tracked(MEMO_ENTRY(value, deps or ()))


def test_a_table_of_untracked_entries_stays_untracked():
    # a full collection untracks a dict whose entries no cycle can pass through; an untracked
    # entry put in later does not track it again, as a tracked tuple would
    table = {("a", "b"): MEMO_ENTRY((True, "x"), {"x": 1})}
    gc.collect()
    assert not gc.is_tracked(table)
    table["c"] = MEMO_ENTRY((False, "y"), {"y": 2})
    assert not gc.is_tracked(table)
    table["d"] = memo_entry_py((False, "y"), {"y": 2})
    assert gc.is_tracked(table)


def test_the_memo_tables_a_lint_leaves_hold_no_tracked_entry_of_scalars():
    # the chunks', windows', features' and pairs' entries, and a line's entry with or without
    # repairs (records of changes: model.change_record): made by the compiled memos
    # (memo::remember_entry) or by Model.memo, none walked by the collector
    from pathlib import Path

    from textlint.checks.spacing.model import _SHARED, clear_shared_caches
    from textlint.engine import Engine, Overrides

    clear_shared_caches()
    text = (Path(__file__).resolve().parent.parent / "fixtures" / "seed-article.txt").read_text(encoding="utf-8")
    Engine(overrides=Overrides(languagetool=False)).lint(text + "\n\nThe govern mentsaid it wouldact. Alot of peo ple.")
    tables = next(iter(_SHARED.values()))
    for name in ("chunks", "best", "features", "joinable", "lines"):
        entries = [e for e in tables[name].values() if type(e) is tuple and _acyclic(e, 5)]
        assert entries and not any(gc.is_tracked(e) for e in entries), name
    lines = tables["lines"].values()
    assert any(changes for changes, _ in lines) and all(_acyclic(e, 5) for e in lines)
