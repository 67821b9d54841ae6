"""The compiled look-up of a document's long words that the lexicon does not know
(native/src/unknown.rs) against its Python twin in textlint/checks/spacing/phrases.py,
``_unknown_long_words_py``: the same words in the same order, asked of the lexicon's compiled
table, of a dict and of a function; words in lowercase, capitalised, in capitals and not ASCII
(whose lowercase form Python makes: "İstanbul")."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from textlint import native
from textlint.checks.spacing import phrases
from textlint.document import Document
from textlint.lexicon import get_lexicon

COMPILED = native.function("unknown_long_words")

pytestmark = pytest.mark.skipif(COMPILED is None,
                                reason="textlint_native (with unknown_long_words) is not built, or is turned "
                                "off: see native/README.md")

#: Pieces of words: known and unknown, short and long, capitals, letters whose lowercase form is
#: another length or outside ASCII.
_PIECES = ["government", "Government", "GOVERNMENT", "deplorable", "indeed", "usually", "attained", "Putin",
           "xq", "zzyzx", "a", "I", "to", "İstanbul", "Straße", "café", "ǅ", "σς", "é", "ß", "Σ", "'", "-", "1"]
_WORDS = st.lists(st.one_of(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=3).map("".join),
                            st.text(alphabet="abdeinorstuAIEXİßé", max_size=12)), max_size=30)


def _lookups(words: list[str]) -> list:
    """The look-ups the twins are asked with: the lexicon's table (compiled, when the lexicon's is),
    a dict (a word's value 0 is no answer), and a function."""
    table = dict.fromkeys((w.lower() for w in words[::2]), 250) | dict.fromkeys((w.lower() for w in words[1::4]), 0)
    return [get_lexicon().zipf_table().get, table.get, lambda w: table.get(w.upper().lower())]


def _same(words: list[str], min_length: int = phrases.MIN_TOKEN) -> None:
    vocabulary = Counter(words)
    for zipf in _lookups(words):
        assert COMPILED(vocabulary, min_length, zipf) == phrases._unknown_long_words_py(vocabulary, min_length, zipf)


@settings(max_examples=300, deadline=None)
@given(_WORDS, st.integers(0, 8))
@example(["deplorableindeed", "government", "Governmentally", "İstanbulcity", "STRAẞE", "Straßeweg", ""], 6)
@example([], 6)
def test_the_unknown_long_words_are_those_of_the_python_twin(words, min_length):
    _same(words, min_length)


def test_the_unknown_long_words_of_the_seed_article_are_those_of_the_python_twin(seed_text):
    words = list(Document(seed_text).vocabulary)
    assert len(words) > 100
    _same(words)
    _same([w + "x" for w in words])  # (most of them unknown)


def test_the_comparison_can_fail():
    with pytest.raises(AssertionError):
        vocabulary = Counter(["deplorableindeed"])
        zipf = get_lexicon().zipf_table().get
        assert COMPILED(vocabulary, 6, zipf) == phrases._unknown_long_words_py(vocabulary, 17, zipf)
