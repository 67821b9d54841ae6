"""The compiled pick of the words that are not all letters (native/src/unlettered.rs) against its
Python twin in textlint/checks/spacing/glued.py, ``_unlettered_words_py``: the same words in the
same order, of plain words and of others (which it asks of ``str.isalpha``)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from plain_characters import PLAIN_CHARACTERS

from textlint.checks.spacing import glued
from textlint.document import Document

pytestmark = pytest.mark.skipif(glued._UNLETTERED_WORDS is None,
                                reason="textlint_native (with unlettered_words) is not built, or is turned off: "
                                "see native/README.md")

#: Pieces of words: letters of ASCII, of Latin-1 and beyond, digits, apostrophes, hyphens, marks.
_PIECES = list("aZéßµªº09²½'’-_.\u0301İǅ⁰\u3000\u2009") + ["it", "Díaz", "n’t", "\ud800"]


def _same(words: dict[str, int]) -> None:
    assert glued._UNLETTERED_WORDS(words) == list(glued._unlettered_words_py(words))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=6).map("".join), max_size=30))
@example(["", "a", "it's", "3dogs", "Díaz", "İstanbul", "e\u0301", "x²"])
def test_the_words_are_the_python_twins(words):
    _same(dict.fromkeys(words, 1))


@pytest.mark.parametrize("c", PLAIN_CHARACTERS, ids=lambda c: f"U+{ord(c):04X}")
def test_each_plain_character_is_read_as_the_python_twin_reads_it(c):
    _same(dict.fromkeys([c, f"a{c}", f"{c}b", f"é{c}ß", f"{c}{c}", "word"], 1))


def test_a_documents_vocabulary_gives_the_python_twins_words_and_seamed_words():
    text = (Path(__file__).resolve().parent.parent / "fixtures" / "seed-article.txt").read_text(encoding="utf-8")
    vocabulary = Document(text + " it's 3dogs was960 Putin’smessage").vocabulary
    assert isinstance(vocabulary, Counter)
    _same(vocabulary)
    assert glued._seamed_words(vocabulary) == glued._seamed_words(list(vocabulary))
