"""The cyclic collector is paused for a ``check`` run's lint only, never for a host program,
whose collections wait for the end of each lint."""

import gc
import weakref

import textlint
from textlint.checks.base import Check
from textlint.document import Document
from textlint.gcpause import collector_paused
from textlint.linter import Linter


def test_the_collector_is_off_inside_and_on_again_after():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


class _Node:
    pass


def test_garbage_made_before_is_freed_and_what_the_body_leaves_alive_is_frozen():
    gc.unfreeze()
    try:
        cycle = _Node()
        cycle.self = cycle
        before = weakref.ref(cycle)
        del cycle
        with collector_paused():
            kept = _Node()
        assert before() is None  # collected first, not frozen alive
        assert gc.get_freeze_count() > 0 and kept is not None
    finally:
        gc.unfreeze()


def test_a_caller_that_turned_the_collector_off_keeps_it_off_and_unfrozen():
    gc.unfreeze()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled() and gc.get_freeze_count() == 0
    finally:
        gc.enable()


def test_the_python_api_leaves_the_host_programs_collector_alone():
    gc.unfreeze()
    textlint.lint("In 2021 the the committee met.")
    assert gc.isenabled() and gc.get_freeze_count() == 0


class _Cycles(Check):
    """Records whether the collector ran its check, and leaves cyclic garbage behind."""

    ID = "aa.Cycles"
    seen: list[bool] = []
    made: list[weakref.ref] = []

    def check(self, doc):
        self.seen.append(gc.isenabled())
        for _ in range(3):
            cycle = _Node()
            cycle.self = cycle
            self.made.append(weakref.ref(cycle))
        return iter(())


def test_a_lint_defers_the_collections_and_the_next_object_made_starts_them():
    gc.unfreeze()
    _Cycles.seen.clear()
    _Cycles.made.clear()
    runs: list[str] = []
    linter, doc = Linter([_Cycles()]), Document("Some text.")
    threshold = gc.get_threshold()
    gc.collect()
    gc.set_threshold(1)  # each object made calls for a collection
    gc.callbacks.append(lambda phase, info: runs.append(phase))
    try:
        linter.lint(doc)
        alive = _Cycles.made[-1]() is not None  # (makes no object)
        _Node()  # the first object made after the lint
        assert _Cycles.seen == [False] and alive and runs
        assert gc.isenabled() and gc.get_freeze_count() == 0
        assert all(r() is None for r in _Cycles.made)  # the lint's garbage collected then
    finally:
        gc.callbacks.pop()
        gc.set_threshold(*threshold)


def test_a_lint_inside_a_paused_run_keeps_the_collector_off():
    gc.disable()
    try:
        Linter([_Cycles()]).lint(Document("Some text."))
        assert not gc.isenabled()
    finally:
        gc.enable()
