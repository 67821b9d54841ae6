"""The cyclic collector is paused for a ``check`` run's lint only, never for a host program."""

import gc
import weakref

import textlint
from textlint.gcpause import collector_paused


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
