"""The compiled tests of several YAML rules asked at once (``PieceTests`` in native/src/pieces.rs)
against their Python twin ``_tests_held_py`` (textlint/yamlrules/needs.py): the same answers on any
text and tests (folded or not, non-ASCII, case partners, empty pieces, lone surrogates, which the
twin answers); and a rule's ``piece_test`` never stricter than its own test."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from textlint import native
from textlint.yamlrules import needs

_PIECE_TESTS = native.function("PieceTests")

pytestmark = pytest.mark.skipif(_PIECE_TESTS is None, reason="textlint_native (with PieceTests) is not built, "
                                "or is turned off: see native/README.md")

#: Pieces of texts and of tests: ASCII in both cases, Latin-1, wider characters, the case
#: partners, a character beyond the BMP, a lone surrogate (no UTF-8).
_PIECES = ["", "a", "A", "b", "ab", "Could of", "could of", " ", "  ", "..", "é", "É", "’", "ﬁ", "\u200b", "😀",
           "\u0101", "\u0100", "\u212a", "k", "\u017f", "s", "\u0130", "\u0131", "i", "I", "\ud800"]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join)
_TUPLE = st.lists(_TEXTS, max_size=4).map(tuple)
_TESTS = st.lists(st.tuples(st.booleans(), _TUPLE, st.none() | st.lists(_TUPLE, max_size=6).map(tuple)),
                  max_size=5).map(tuple)


@settings(max_examples=2000, deadline=None)
@given(_TEXTS, _TESTS)
@example("", ())
@example("", ((False, (), None),))
@example("", ((True, (), ()),))  # no token: none held
@example("", ((True, (), ((),)),))  # a token without pieces: held
@example("He Could Of", ((True, (), (("could of",),)), (False, (), (("could of",),))))
@example("\u212aNOW \u0130t", ((True, ("know",), (("it",),)),))  # the partners, read as ASCII
@example("return back", ((False, (), (("returned back",), ("return back",), ("returns back",))),))
@example("ﬁ ﬂ", ((False, (), (("ﬀ",), ("ﬂ",))),))  # alike in UTF-8 bytes, not in characters
@example("a\ud800", ((False, ("a",), None),))  # a lone surrogate: the twin answers
@example("a", ((False, ("\ud800",), None),))
def test_piece_tests_are_the_python_twins(text, tests):
    held = _PIECE_TESTS(tests).held(text)
    twin = needs._tests_held_py(text, tests)
    assert held is None or held == twin
    assert needs.PieceTests(tests).held(text) == twin
    if _utf8(text, tests):
        assert held is not None


def _utf8(text: str, tests) -> bool:
    strings = [text] + [p for _, also, tokens in tests for p in (*also, *(q for t in tokens or () for q in t))]
    try:
        for s in strings:
            s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


_TOKENS = ["could of", "Could Of", "return back", "informations", "since", "ﬁ", "  ", "..", "the so called",
           "in the other hand", r"since (\d+|two) (years|months)", r"[ ]{2,}", r"\.\.+", "\u212aelvin", "é"]
_DOCS = st.lists(st.sampled_from(["could", "of", "Could", "return", "back", "informations", "since", "2",
                                  "years", "ﬁ", " ", "  ", ".", "the", "so", "called", "in", "other", "hand",
                                  "\u212a", "kelvin", "é", "-", "\n"]), max_size=20).map("".join)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), min_size=1, max_size=4), st.booleans(), st.booleans(), _DOCS)
def test_a_piece_test_is_never_stricter_than_the_rules(tokens, ignorecase, bounded, text):
    test = needs.needs_of(tokens, ignorecase, bounded)
    if test is None:
        return
    index = needs.TextIndex([text], test.folded)
    if test.met(index):
        assert needs._tests_held_py(text, (test.piece_test,)) == [True]
