"""The compiled count of the words of prose (native/src/vocabulary.rs) against its Python twin in
textlint/document.py, ``_prose_words_py``: the same words with the same counts in the same order
(:attr:`Document.vocabulary` keeps it), on plain text; other text is left to the twin."""

from __future__ import annotations

from collections import Counter
from itertools import filterfalse
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from plain_characters import NOT_PLAIN, PLAIN_CHARACTERS

from textlint import document
from textlint.document import Document

pytestmark = pytest.mark.skipif(document._PROSE_WORDS is None,
                                reason="textlint_native (with prose_words) is not built, or is turned off: "
                                "see native/README.md")

#: The characters that decide chunks and words: white space, the marks of _SPLIT_AT and of
#: _AROUND_WORDS, apostrophes and hyphens, letters and numbers of Latin-1.
_PIECES = list(" \t\n\r\x0b\x0c\x1c\x85\u00a0\u2009\u200b\u2028\u202f\u205f.,\"“”'’-‐()[]:;!?/…*_#@aZé²½09ªºµß÷") \
    + ["it", "Díaz", "rock", "12", "x", "n’t", "I", "Paris", "É", "Ibelieve"]


def _compiled(text: str) -> tuple[Counter[str], list[str], list[str], int] | None:
    counts: Counter[str] = Counter()
    unlettered: list[str] = []
    titled: list[str] = []
    total = document._PROSE_WORDS(text, counts, unlettered, titled)
    return None if total is None else (counts, unlettered, titled, total)


def _titled(counts: Counter[str]) -> list[str]:
    """The words of *counts* that are :data:`document.TITLED_WORD`, in its order."""
    return [w for w in counts if document.TITLED_WORD.fullmatch(w)]


def _same(text: str) -> None:
    found = _compiled(text)
    assert found is not None, "plain text is counted"
    counts, unlettered, titled, total = found
    expected = document._prose_words_py(text)
    assert list(counts.items()) == list(expected.items())
    assert unlettered == list(filterfalse(str.isalpha, expected))
    assert titled == _titled(expected)
    assert total == sum(expected.values())


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
@example(list("(it's) it's 'it's' Díaz-Canel, rock-'n’-roll 12-15 1.5 x(y)z - -- '' a--b ½x x² “Yes,” said ÷"))
@example([])
@example(list("it's (it's"))  # a chunk counted as the word of another chunk first, then itself moved last
def test_the_counts_and_their_order_are_the_python_twins(pieces):
    _same("".join(pieces))


@pytest.mark.parametrize("c", PLAIN_CHARACTERS, ids=lambda c: f"U+{ord(c):04X}")
def test_each_plain_character_is_read_as_the_python_twin_reads_it(c):
    # as a chunk of its own, inside a word, between a word's runs and around them
    for text in (c, f"a{c}b", f"{c}a", f"a{c}", f"ab{c}cd ab", f"a'{c}b", f"a{c}'b", f"{c}{c} a{c}{c}b {c}",
                 f"{c}ab Ab{c} A{c}b {c}{c}"):
        _same(text)


@pytest.mark.parametrize("c", NOT_PLAIN)
def test_text_that_is_not_plain_is_left_to_the_python_twin(c):
    counts: Counter[str] = Counter()
    unlettered: list[str] = []
    titled: list[str] = []
    assert document._PROSE_WORDS(f"Plain words then {c} word", counts, unlettered, titled) is None
    assert not counts and not unlettered and not titled


def test_a_document_has_the_vocabulary_of_the_python_twin():
    text = (Path(__file__).resolve().parent.parent / "fixtures" / "seed-article.txt").read_text(encoding="utf-8")
    doc = Document(text)
    counts, unlettered, titled, total = document._prose_words(doc.prose_text)
    expected = document._prose_words_py(doc.prose_text)
    assert list(counts.items()) == list(expected.items())
    assert unlettered == list(filterfalse(str.isalpha, expected))
    assert titled == _titled(expected) and titled
    assert total == sum(expected.values())
    assert doc.word_count == sum(doc.vocabulary.values())
    assert set(doc.unlettered_words) == set(filterfalse(str.isalpha, doc.vocabulary))
    assert len(doc.unlettered_words) == len(set(doc.unlettered_words))


def test_the_titled_words_of_file_names_are_listed_too():
    doc = Document("We use Searchengine.py and Xyz.example.com here.")
    assert set(doc.titled_words) == {w for w in doc.vocabulary if document.TITLED_WORD.fullmatch(w)}
    assert "Searchengine" in doc.titled_words
