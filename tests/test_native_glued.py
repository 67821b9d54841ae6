"""The compiled search for the words that hold a seam of ``glued_runons`` (native/src/glued.rs)
against its Python twin in textlint/checks/spacing/glued.py, ``_seamed_words_py``: the same words,
of plain words; a list with a word that is not plain is left to the twin."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from plain_characters import NOT_PLAIN, PLAIN_CHARACTERS

from textlint.checks.spacing import glued

pytestmark = pytest.mark.skipif(glued._SEAMED_WORDS is None,
                                reason="textlint_native (with seamed_words) is not built, or is turned off: "
                                "see native/README.md")

#: The pieces of words that make or break a seam: digits, small and capital letters (plain, and
#: beyond ASCII), apostrophes, "s", hyphens.
_PIECES = list("0123456789asxZÉéßµ²½'’s-") + ["’s", "'s", "abcd", "12", "Putin", "was"]


def _same(words: list[str]) -> None:
    found = glued._SEAMED_WORDS(words)
    assert found is not None, "plain words are read"
    assert set(found) == glued._seamed_words_py(words)
    assert len(found) == len(set(found))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join), max_size=8, unique=True))
@example(["Putin’smessage", "Let's", "it’s", "covid19", "19th", "3dogs", "3dog", "a12", "A12", "x1234", "’sa"])
@example([])
@example([""])
def test_the_seamed_words_are_the_python_twins(words):
    _same(words)


@pytest.mark.parametrize("c", PLAIN_CHARACTERS, ids=lambda c: f"U+{ord(c):04X}")
def test_each_plain_character_is_read_as_the_python_twin_reads_it(c):
    _same([f"a{c}12", f"{c}12", f"1{c}abc", f"1abc{c}", f"1{c}", f"’s{c}", f"'s{c}", f"{c}s{c}", f"x{c}{c}{c}{c}"])


def test_a_word_that_is_not_plain_goes_to_the_twin():
    for c in NOT_PLAIN[:50]:
        assert glued._SEAMED_WORDS(["a12", f"x{c}"]) is None
        assert glued._seamed_words(["a12", f"3{c}dogs"]) == glued._seamed_words_py(["a12", f"3{c}dogs"])
