"""The compiled places of doubled words (native/src/doubled.rs, ``repeated_runs``) against their
Python twin in textlint/checks/doubled.py, ``_repeated_runs_py`` (the starts of ``_REPEATED_RUN``'s
matches in the text made bytes): the same offsets in the same order, on any text."""

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

#: Pieces of text: letters of ASCII and of Latin-1 in either case (ß and ÿ have no capital there,
#: µ and ª are letters, × and ÷ are not), marks, characters beyond Latin-1 (letters that are no
#: letters here), spaces, a newline, digits.
_PIECES = [" ", "  ", "\n", "a", "A", "b", "ab", "Ab", "the", "The", "é", "É", "été", "ÉTÉ", "ß", "ÿ", "µ",
           "ª", "×", "÷", "’", "—", "“", "Ж", "ж", "中", "😀", "\x00", "1", "-", ".", "\xa0", "ãa", "Ãa"]


def _same(text: str) -> None:
    assert list(_COMPILED(text)) == list(doubled._repeated_runs_py(text)), text


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
@example([])
@example([" "])
@example(["a", " ", "a"])  # a repeat at the start of the text
@example(["a", " ", "a", " ", "a"])  # overlapping repeats
@example(["ab", " ", "a"])  # the repeat's start alone
@example(["a", " ", "ab"])  # a longer run after
@example(["É", "×", "é"])
@example(["Ж", "a", " ", "a"])
def test_the_places_are_the_python_twins(pieces):
    _same("".join(pieces))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=60, max_size=400), st.integers(0, 70))
def test_long_texts_give_the_python_twins_places(pieces, shift):
    """Runs and letters of two bytes across the 64 bytes that the compiled scan reads at once."""
    _same("x" * shift + " " + "".join(pieces))
    _same("é" * shift + "".join(pieces) + " ab Ab")


@given(st.text(max_size=80))
def test_any_text_gives_the_python_twins_places(text):
    if not any("\ud800" <= c <= "\udfff" for c in text):
        _same(text)


def test_each_pair_of_latin1_characters_is_told_as_by_the_twin():
    for x in map(chr, range(256)):
        for y in map(chr, range(256)):
            _same(f"{x} {y}")


@pytest.mark.parametrize("length", range(60, 70))
def test_a_run_across_64_bytes_is_one_run(length):
    for lead in ("", "é", "ab "):
        _same(lead + "a" * length + " " + "A" * length)
        _same(lead + "é" * length + " " + "É" * length)
        _same(lead + "a" * length + " " + "A" * (length + 1))


def test_a_document_gives_the_python_twins_places():
    text = (Path(__file__).resolve().parent.parent / "fixtures" / "seed-article.txt").read_text(encoding="utf-8")
    text += " The the end end."
    assert list(doubled._repeated_runs_py(text)), "the text has doubled words"
    _same(text)


def test_a_text_without_utf8_is_left_to_the_twin():
    assert _COMPILED("a \ud800 a") is None


def test_the_compiled_places_come_one_at_a_time():
    """A text of one word repeated has as many places as words: they are not held at once."""
    places = _COMPILED(" word" * 100_000)
    assert iter(places) is places
    assert next(places) == 1 and next(places) == 6
    assert sum(1 for _ in places) == 100_000 - 3
    assert next(places, None) is None
