"""The compiled scan of the marks' seams (native/src/seams.rs) against its Python twin in
textlint/document.py, ``_mark_seams_py``: the same offsets in the same order, and None past the
same number of seams, on plain text; other text is left to the twin."""

from __future__ import annotations

from array import array

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from plain_characters import NOT_PLAIN, PLAIN_CHARACTERS

from textlint import document
from textlint.document import Document

pytestmark = pytest.mark.skipif(document._MARK_SEAMS_NATIVE is None,
                                reason="textlint_native (with mark_seams) is not built, or is turned off: "
                                "see native/README.md")

#: The characters that decide seams: the marks, spaces and line breaks of every kind, small and
#: capital letters (of Latin-1 too), numbers and other marks.
_PIECES = list(",;:!?. \t\n\r\x0b\x0c\x1c\x1f\x85\u00a0\u2009\u200b\u2028\u202f\u205f\u3000aZéÉßµªº9²'\"-…") \
    + ["Russia.Months", "said ,", "x", "İ", "words", "so far"]


def _compiled(text: str, most: int) -> array | None:
    found = document._MARK_SEAMS_NATIVE(text, most)
    assert found is not None, "plain text is scanned"
    return None if len(found) > most else array("q", found)


def _same(text: str, most: int = 1000) -> None:
    assert _compiled(text, most) == document._mark_seams_py(text, most)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([p for p in _PIECES if document.plain(p)]), max_size=40),
       st.integers(min_value=0, max_value=6))
@example(list("a ,b c.D e;f x!y g?"), 3)
@example(list("a ,b c.D e;f x!y g?"), 4)
@example([], 0)
@example(list(" ."), 0)
@example(list("a."), 0)
def test_the_seams_are_the_python_twins(pieces, most):
    _same("".join(pieces), most)


@pytest.mark.parametrize("c", PLAIN_CHARACTERS, ids=lambda c: f"U+{ord(c):04X}")
def test_each_plain_character_is_read_as_the_python_twin_reads_it(c):
    # before a mark, after one and as a mark, at the ends of the text and inside it
    for text in (f"{c}.", f"{c},a", f"a{c}.b", f"a.{c}", f"b;{c} ", f"{c}", f"x{c}?{c}", f"{c}{c}:{c}{c}"):
        _same(text)


@pytest.mark.parametrize("c", [*NOT_PLAIN, "\ud800"])  # (a lone surrogate: no UTF-8)
def test_text_that_is_not_plain_is_left_to_the_python_twin(c):
    assert document._MARK_SEAMS_NATIVE(f"plain ,words then {c} word", 10) is None
    doc = Document(f"plain ,words then {c} word.Next")
    assert doc.mark_seams == document._mark_seams_py(doc.text, len(doc.text) // document.SPARSE_SEAMS + 64)


def test_past_the_most_seams_there_are_none():
    text = "a ,b " * 70  # 70 seams: more than the 64 a short text may have
    assert Document(text).mark_seams is None
    assert Document("a ,b " * 64).mark_seams == array("q", range(2, 5 * 64, 5))


#: How many code points the compiled scan reads at a time (``PIECE`` in native/src/seams.rs).
_PIECE = 1 << 16


@pytest.mark.parametrize("at", [_PIECE - 2, _PIECE - 1, _PIECE, _PIECE + 1, 2 * _PIECE - 1])
@pytest.mark.parametrize("seam", ["a.B", "a ,b", "x;", "é:É"])
def test_a_seam_where_the_long_texts_pieces_meet_is_the_python_twins(at, seam):
    # a text beyond ASCII longer than a piece, with the seam's characters either side of a join
    text = "word’s " * (2 * _PIECE // 7 + 2)
    text = text[:at - 1] + seam + text[at - 1 + len(seam):]
    _same(text, most=len(text))


@pytest.mark.parametrize("c", ["İ", "\ud800"])
def test_a_long_text_not_plain_only_in_a_later_piece_is_left_to_the_python_twin(c):
    text = "plain ,text " * (_PIECE // 6) + c
    assert document._MARK_SEAMS_NATIVE(text, len(text)) is None
