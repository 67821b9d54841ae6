"""The compiled places of doubled words (native/src/doubled.rs) against their Python twin in
textlint/checks/doubled.py, ``_repeated_run_places_py`` (the starts of ``_REPEATED_RUN``'s
matches): the same offsets in the same order, on any bytes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from textlint import native
from textlint.checks import doubled

_COMPILED = native.function("repeated_runs")

pytestmark = pytest.mark.skipif(_COMPILED is None,
                                reason="textlint_native (with repeated_runs) is not built, or is turned off: "
                                "see native/README.md")

#: Pieces of the bytes the twin reads (letters lowercased, a space for every other character),
#: and a few it never gets (capitals, a newline, a high byte), which it reads as well.
_PIECES = [b" ", b"  ", b"a", b"b", b"ab", b"ba", b"the", b"\xe9", b"\xe9t\xe9", b"A", b"\n", b"\x00", b"\xff"]


def _same(runs: bytes) -> None:
    assert list(_COMPILED(runs)) == list(doubled._repeated_run_places_py(runs))


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
@example([])
@example([b" "])
@example([b"a", b" ", b"a"])  # a first run that no space precedes
@example([b" ", b"a", b" ", b"a"])
@example([b" ", b"a", b"  ", b"a", b" ", b"a", b" "])  # overlapping repeats, runs of spaces
@example([b" ", b"ab", b" ", b"a"])  # the repeat's start alone
@example([b" ", b"a", b" ", b"ab"])  # a longer run after
def test_the_places_are_the_python_twins(pieces):
    _same(b"".join(pieces))


@given(st.binary(max_size=60))
def test_any_bytes_give_the_python_twins_places(runs):
    _same(runs)


def test_a_document_gives_the_python_twins_places():
    text = (Path(__file__).resolve().parent.parent / "fixtures" / "seed-article.txt").read_text(encoding="utf-8")
    runs = b" " + (text + " The the end end.").encode("latin-1", "replace").translate(doubled._LOWER_LETTERS_ONLY)
    assert list(doubled._repeated_run_places_py(runs)), "the text has doubled words"
    _same(runs)


def test_the_compiled_places_come_one_at_a_time():
    """A text of one word repeated has as many places as words: they are not held at once."""
    places = _COMPILED(b" word" * 100_000)
    assert iter(places) is places
    assert next(places) == 0 and next(places) == 5
    assert sum(1 for _ in places) == 100_000 - 3
