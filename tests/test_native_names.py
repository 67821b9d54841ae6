"""The compiled scan of cleanup.NameVariant (native/src/names.rs) against its Python twin in
textlint/checks/names.py, ``_plain_names_py``: the same names in the same order, on plain text; other
text is left to the twin."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from plain_characters import PLAIN_CHARACTERS

from textlint.checks import names
from textlint.document import Document

pytestmark = pytest.mark.skipif(names._PLAIN_NAMES is None,
                                reason="textlint_native (with plain_names) is not built, or is turned off: "
                                "see native/README.md")

#: Characters that are not plain: letters, a mark and a number beyond plain text.
_NOT_PLAIN = ["İ", "ǅ", "Σ", "\u0301", "⁰"]
#: The characters that decide a name: capitals, small letters, other letters, an apostrophe and a
#: hyphen before a capital, numbers and spaces; and names and parts of names.
_PIECES = list("AaZzÀÉÞßéÿªºµ'’-‐.,_ 09²\n\u00a0") + ["Putin", "Wladimir", "Abc", "abc", "Éclair", "Ñoño", "O’Neill"]


def _same(text: str) -> None:
    found = names._PLAIN_NAMES(text)
    assert found is not None, "plain text is scanned"
    assert found == names._plain_names_py(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
@example(list("Vladimir Putin met Wladimir Putin in Moscow-Town, O’Neill Abcd. Éclair ªbcd Xªbc Abcdª Abc"))
@example([])
def test_the_names_are_those_of_the_python_twin(pieces):
    _same("".join(pieces))


@pytest.mark.parametrize("c", PLAIN_CHARACTERS, ids=lambda c: f"U+{ord(c):04X}")
def test_each_plain_character_is_read_as_the_python_twin_reads_it(c):
    # as a capital, as a small letter, before and after a name, and alone
    for text in (c, f"{c}abcd", f"A{c}bcd", f"Abc{c}", f"Abcd{c}", f"{c}Abcd {c}", f"x{c}Abcd", f"Abcd{c}Efgh"):
        _same(text)


@pytest.mark.parametrize("c", _NOT_PLAIN)
def test_text_that_is_not_plain_is_left_to_the_python_twin(c):
    text = f"Vladimir Putin {c} Wladimir Putin"
    assert names._PLAIN_NAMES(text) is None
    assert names._names(text, Document(text).plain) == names._NAME.findall(text)


def test_the_names_of_the_seed_article_are_those_of_the_python_twin(seed_text):
    assert Document(seed_text).plain
    found = names._PLAIN_NAMES(seed_text)
    assert len(found) >= 10 and found == names._plain_names_py(seed_text)


#: Characters at the edges of plain text in UTF-8 (two-byte and three-byte forms, U+2000 to
#: U+206F) and beyond them.
_EDGES = ["\u007f", "\u0080", "\u00bf", "\u00c0", "\u00ff", "\u0100", "\u07ff", "\u0800", "\u1fff", "\u2000",
          "\u203f", "\u2040", "\u206f", "\u2070", "\u207f", "\u2080", "\u20ac", "\ue000", "\uffff", "\U0001f600"]


@pytest.mark.parametrize("c", _EDGES, ids=lambda c: f"U+{ord(c):04X}")
def test_text_is_plain_exactly_as_the_python_twin_tells(c):
    for text in (c, f"Vladimir {c}Putin", f"Abcd{c}", f"{c}{c}Abcde"):
        found = names._PLAIN_NAMES(text)
        assert (found is not None) == names.plain(text)
        if found is not None:
            assert found == names._plain_names_py(text)
