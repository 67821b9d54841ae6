"""textlint.checks.prose: where a sentence starts."""

from __future__ import annotations

import string

from textlint.checks import prose


def test_no_mark_that_starts_a_sentence_is_an_ascii_letter():
    """``starts_sentence`` answers at once after an ASCII letter: none of the marks it looks
    for before a word is one."""
    marks = prose.SENTENCE_BREAK | prose.OPENERS | prose.CLOSERS | prose.BULLETS \
        | {"", "\n", "]", ")", prose._EMPHASIS_CLOSER}
    assert not marks & set(string.ascii_letters)
    assert not any(prose._SYMBOL.match(c) for c in string.ascii_letters)
    assert not any(c.isdigit() for c in string.ascii_letters)


def test_a_word_after_a_word_starts_no_sentence():
    for text in ("the Word", "the  Word", "o Word", "x\tWord", "Ende. Das Word"):
        assert not prose.starts_sentence(text, text.index("Word"))
    for text in ("Word", "end. Word", "a\nWord", "(Word", "- Word", "end.” Word"):
        assert prose.starts_sentence(text, text.index("Word"))
