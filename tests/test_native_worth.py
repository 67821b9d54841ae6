"""The compiled judgement of a capitalised word by the tables alone (``WorthTables``,
native/src/worth.rs) against its Python twin ``_worth_by_tables`` (textlint/checks/capitals.py):
the same answer for every ASCII form without capitals (None for another, left to the Python),
and, wherever either settles a word, the answer of ``_worth_a_look``."""

from __future__ import annotations

import gzip

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from textlint import wordclasses as wc
from textlint.checks import capitals

pytestmark = pytest.mark.skipif(capitals._worth_tables() is None,
                                reason="textlint_native (with WorthTables) is not built, or is turned off, "
                                "or the tables are not read in place: see native/README.md")

#: Forms of each kind the tables settle or leave: function words, months, names, common words,
#: sentence adverbs, British spellings, verb forms.
_KNOWN = sorted(capitals.FUNCTION_WORDS | wc.CALENDAR) + [
    "no", "london", "putin", "government", "however", "organise", "organised", "realise", "discussed",
    "unfortunately", "total", "good", "summit", "well", "zzzq", "", "a", "i", "kremlin", "isis", "paris",
    "deploy", "president", "russian", "slowly", "also", "likewise", "meanwhile", "recent", "questions", "proposed",
    "foreign", "nuclear", "talks", "security", "global", "realistically", "hope", "cabinet", "party", "court"]
_LETTERS = st.sampled_from("abcdefghijklmnopqrstuvwxyz")


def _agree(low: str) -> None:
    compiled = capitals._worth_tables().settled(low)
    if low.isascii() and low == low.lower():
        assert compiled == capitals._worth_by_tables(low)
    else:
        assert compiled is None
    if compiled is not None:
        assert compiled == capitals._worth_a_look(low)


@pytest.mark.parametrize("low", _KNOWN)
def test_the_known_forms_agree(low):
    _agree(low)


def _rated_words(every: int) -> list[str]:
    """Every *every*-th word of the casing table (textlint/data/casing.tsv.gz): the common words
    that the tables settle when the dictionary's classes are no sentence adverb's."""
    from importlib.resources import files

    lines = gzip.decompress(files("textlint").joinpath("data/casing.tsv.gz").read_bytes()).decode().splitlines()
    return [line.split("\t")[0] for line in lines[1::every]]


def test_the_rated_words_agree():
    for low in _rated_words(every=20):
        _agree(low)


@settings(max_examples=400, deadline=None)
@given(st.lists(_LETTERS, max_size=12).map("".join))
@example("isation")
@example("kise")
@example("anise")
def test_ascii_forms_agree(low):
    _agree(low)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("aeiouéèüçñßAZ'’-1 "), max_size=8))
@example("élan")
@example("Abc")
@example("ab'c")
def test_other_forms_agree_or_are_left_to_python(low):
    _agree(low)


def test_settled_words_are_judged_as_before():
    """The scan with the tables gives what it gives without them (the Python judging every word)."""
    from textlint.document import Document

    text = ("In Moscow the Government said The talks would Deploy troops. However, Organised crime "
            "and No plans In January were Discussed by Putin and the Kremlin, the Summit Said.")
    doc = Document(text)
    args = (doc.text, doc.prose_text, capitals._worth_a_look, capitals._house_nouns(), capitals.HOUSE_STYLE_CAPITALS,
            capitals.starts_sentence, capitals._NAME_WORDS, capitals._judged_by_left, capitals._judged_by_right)
    with_tables = capitals._MID_SENTENCE_CANDIDATES(*args, capitals._worth_tables())
    without = capitals._MID_SENTENCE_CANDIDATES(*args, None)
    assert {w: len(ms) for w, (ms, _) in with_tables.items()} == {w: len(ms) for w, (ms, _) in without.items()}
    assert list(with_tables) == list(without) and "Deploy" in with_tables
