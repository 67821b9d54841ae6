"""The compiled places where cleanup.DoubledWord looks for a repeated compound
(native/src/doubled.rs, ``joiner_repeats``) against their Python twin in
textlint/checks/doubled.py, ``_joiner_repeats_py`` (the matches of ``_JOINER_AGAIN``): the same
offsets in the same order, on any text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from textlint import native
from textlint.checks import doubled

_COMPILED = native.function("joiner_repeats")

pytestmark = pytest.mark.skipif(_COMPILED is None,
                                reason="textlint_native (with joiner_repeats) is not built, or is turned off: "
                                "see native/README.md")

#: Pieces of text: the joiners, letters, spaces of several kinds (``\s``: White_Space), the
#: separators U+001C to U+001F (``\S``, but they end a joiner's token), marks, non-ASCII letters.
_PIECES = ["-", "\u2010", "’", "'", "a", "B", "é", "ß", "語", "😀", " ", "  ", "\n", "\t", "\u00a0",
           "\u2003", "\u3000", "\u0085", "\x1c", "\x1f", "\x1b", ".", ",", "\u200b", "\u180e"]


def _same(text: str) -> None:
    assert list(_COMPILED(text)) == list(doubled._joiner_repeats_py(text))


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
@example([])
@example(["-"])
@example(["a", "-", "b", " ", "a", "-", "b"])  # a compound repeated
@example(["a", "-", " ", "-"])  # the joiner ends its token
@example(["a", "-", "b", "\x1c", " ", "-"])  # a separator ends the rest of the token
@example(["a", "-", " ", "b", "\x1c", "-"])  # but is part of the next token
@example(["a", "-", " ", " ", "\n", "b", "-", " ", "c", "-"])  # a chain of tokens
@example(["’", "'", " ", "'"])  # two joiners, one repeated
@example(["a", "-", " "])  # no next token
def test_the_places_are_the_python_twins(pieces):
    _same("".join(pieces))


@given(st.text(max_size=60))
def test_any_text_gives_the_python_twins_places(text):
    _same(text)


def test_a_document_gives_the_python_twins_places():
    text = (Path(__file__).resolve().parent.parent / "fixtures" / "seed-article.txt").read_text(encoding="utf-8")
    text += " the hi-tech hi-tech plan, Russia’s Russia’s army"
    assert list(doubled._joiner_repeats_py(text)), "the text has repeated joiners"
    _same(text)


def test_a_lone_surrogate_is_left_to_the_python_twin():
    assert _COMPILED("a-\ud800 -") is None
    assert list(doubled._joiner_repeats("a-\ud800 -")) == [1]


#: How many code points the compiled scan reads at a time (``PIECE`` in native/src/text.rs).
_PIECE = 1 << 16


@pytest.mark.parametrize("at", [_PIECE - 3, _PIECE - 2, _PIECE - 1, _PIECE, _PIECE + 1, 2 * _PIECE - 2])
def test_a_long_text_gives_the_python_twins_places_across_its_pieces(at):
    # a text beyond ASCII longer than a piece, a repeated compound's joiners and spaces either
    # side of a join between pieces
    filler = "é " * (at // 2)
    text = filler[:at] + "hi-tech hi-tech Russia’s Russia’s " + "é " * _PIECE
    assert list(doubled._joiner_repeats_py(text)), "the text has repeated joiners"
    _same(text)


#: Tokens with and without joiners, for texts where the compiled scan passes over long stretches
#: that hold no joiner (it goes from joiner to joiner where none waits).
_TOKENS = ["word", "é", "語", "a-b", "a‐b", "it’s", "it's", "-", "’", "x\x1c-", "-\x1cy", "a-b’c"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_TOKENS), st.sampled_from([" ", "  ", "\n", "\u00a0", "\t"])),
                max_size=120))
def test_texts_of_tokens_give_the_python_twins_places(tokens):
    _same("".join(token + space for token, space in tokens))
