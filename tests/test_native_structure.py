"""The compiled structures of a whole text (native/src/structure.rs) against their Python twins in
textlint/document.py: ``_paragraph_bounds_py`` (:attr:`Document.paragraphs`),
``_characters_beyond_latin1_py`` (:attr:`Document.characters_beyond_latin1`) and
``_glued_periods_py`` (``Document._glued_periods``), on any text; a text without UTF-8 (a lone
surrogate) is left to the twin."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from textlint import document
from textlint.document import Document

pytestmark = pytest.mark.skipif(None in (document._PARAGRAPH_BOUNDS, document._CHARACTERS_BEYOND_LATIN1,
                                        document._GLUED_PERIODS, document._SUBSTRINGS_IN),
                                reason="textlint_native (with paragraph_bounds) is not built, or is turned off: "
                                "see native/README.md")

#: Every character Python's ``str.isspace`` holds, and a few others.
_SPACES = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
_PIECES = _SPACES + list("\n\n\r\nab.éÿĀ€“”\u3000\U0001F600\x00.Z") + ["word", "Díaz", "\n\n", " \n \n", ".a", "..", ".é"]


def _same(text: str) -> None:
    assert document._PARAGRAPH_BOUNDS(text) == document._paragraph_bounds_py(text)
    assert document._CHARACTERS_BEYOND_LATIN1(text) == document._characters_beyond_latin1_py(text)
    for most in (0, 1, 2, 5, len(text)):
        assert document._GLUED_PERIODS(text, most) == document._glued_periods_py(text, most)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
@example([])
@example(list("\n\x1c\n \n\na"))
@example(list(" a \n\t\n b \r\n\r\n\n c\n"))
def test_paragraphs_and_characters_are_the_python_twins(pieces):
    _same("".join(pieces))


@pytest.mark.parametrize("c", _SPACES + ["\x1b", "\x7f", "\u200b", "\ufeff"], ids=lambda c: f"U+{ord(c):04X}")
def test_each_space_is_read_as_the_python_twin_reads_it(c):
    for text in (c, f"a{c}b", f"{c}a{c}", f"a\n{c}\nb", f"a\n\n{c}b{c}\n{c}\nc", f"{c}\n{c}", f"\n{c}{c}\n"):
        _same(text)


def test_a_long_text_is_read_in_pieces_as_a_whole():
    text = ("Para “one”, line one.\nLine two €.\n \t\nPara two.\u3000\n\n\n" * 20000)[:-1]
    assert len(text) > 4 * (1 << 16)
    _same(text)
    _same("x" + text)  # (a piece boundary elsewhere)
    for lead in range(4):  # (1: a period ends a piece, the letter after it starts the next)
        _same("é" * lead + "a " * ((1 << 16) // 2 - 1) + ".b.c" * 10)


def test_a_lone_surrogate_is_left_to_the_twin():
    assert document._PARAGRAPH_BOUNDS("a\n\n\ud800") is None
    assert document._CHARACTERS_BEYOND_LATIN1("a\ud800") is None
    assert document._GLUED_PERIODS("a.b\ud800", 5) is None
    doc = Document("a\n\n\ud800 b")
    assert [(p.start, p.end) for p in doc.paragraphs] == [(0, 1), (3, 6)]
    assert doc.characters_beyond_latin1 == "\ud800"


def test_a_document_has_the_paragraphs_of_the_python_twin():
    text = (Path(__file__).resolve().parent.parent / "fixtures" / "seed-article.txt").read_text(encoding="utf-8")
    bounds = document._paragraph_bounds_py(text)
    assert [(p.start, p.end) for p in Document(text).paragraphs] == list(zip(bounds[::2], bounds[1::2]))
    _same(text)


#: Needles of :attr:`Document.technical`'s leads and others, beyond ASCII too.
_NEEDLES = [*document._CODE_LEADS, "a", "é", "€x", "\U0001F600", "\n\n", ".b"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES + ["()", "__", "--", "-", "/", "(", "_", "-a", "()"]), max_size=40),
       st.lists(st.sampled_from(_NEEDLES), max_size=10))
@example([], [])
@example([], document._CODE_LEADS)
@example(["é-", "-"], ["--"])
def test_substrings_in_is_the_python_twin(pieces, needles):
    text = "".join(pieces)
    ascii_needles = [needle for needle in needles if needle.isascii()]
    assert document._SUBSTRINGS_IN(text, ascii_needles) == document._substrings_in_py(text, ascii_needles)
    if ascii_needles != needles:
        assert document._SUBSTRINGS_IN(text, needles) is None
    assert document._substrings_in(text, needles) == document._substrings_in_py(text, needles)


def test_substrings_in_a_lone_surrogate_are_left_to_the_twin():
    assert document._SUBSTRINGS_IN("a--\ud800", ["--"]) is None
    assert document._substrings_in("a--\ud800", ["--", "()"]) == [True, False]
