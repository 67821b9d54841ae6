"""The compiled cuts of a token into two words of a phrase (native/src/phrases.rs) against their
Python twin in textlint/checks/spacing/phrases.py, ``_phrase_cuts_py``: the same cuts, in order,
of tokens in lowercase, capitalised and in capitals, asked of the lexicon's and the tagger
dictionary's tables and of dicts and functions; None (the twin answers) of a token beyond ASCII."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from textlint import native, wordclasses as wc
from textlint.checks.spacing import phrases
from textlint.checks.spacing import PARAMS
from textlint.checks.spacing.model import closed_compounds
from textlint.lexicon import get_lexicon
from textlint.wordclasses import FUNCTION_WORDS

COMPILED = native.function("phrase_cuts")

pytestmark = pytest.mark.skipif(COMPILED is None,
                                reason="textlint_native (with phrase_cuts) is not built, or is turned off: "
                                "see native/README.md")

#: Pieces of tokens: phrase words (adverbs, closed-class words, inflected verb forms), nouns,
#: prefixes, words that end compounds, auxiliaries, short pieces, capitals and letters beyond ASCII.
_PIECES = ["deplorable", "indeed", "usually", "attained", "now", "must", "west", "most", "world", "volume",
           "Johnson", "justly", "said", "busied", "landing", "pad", "made", "hand", "the", "de", "correlated",
           "con", "tuned", "x", "q", "ab", "Xz", "café", "İ", "ß", "WITH", "Never"]
_TOKENS = st.one_of(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=3).map("".join),
                    st.text(alphabet="abdeinorstuwAIXé", max_size=14))
_FLOORS = (PARAMS.phrase_piece_zipf, PARAMS.solid_zipf, PARAMS.frequent_zipf)


def _dictionaries(tokens: list[str]) -> list[tuple]:
    """What the twins are asked with: the real tables and sets, and dicts made of the tokens'
    pieces (a Zipf for each and tags of several kinds), through their ``get`` and through functions."""
    real = (get_lexicon().zipf_table().get, wc.tags_lookup(), closed_compounds(), FUNCTION_WORDS,
            wc.compound_ends(), phrases.COMPOUNDING_CLOSED)
    pieces = {t[a:b] for t in tokens for a in range(len(t)) for b in range(a + 1, len(t) + 1)}
    ordered = sorted(pieces)
    zipf = {p.lower(): (i * 37) % 700 for i, p in enumerate(ordered)}
    tags = {p: ["", "R", "C", "CR", "N", "D", "DJ", "EJ", "J", "NR", "GZ"][i % 11] for i, p in enumerate(ordered)}
    closed = set(ordered[::7])
    made = (zipf.get, tags.get, closed, set(ordered[::5]), set(ordered[1::6]), set(ordered[2::9]))
    called = (lambda k, d=None: zipf.get(k, d), lambda k, d=None: tags.get(k, d)) + made[2:]
    return [real, made, called]


def _same(token: str) -> None:
    for dictionaries in _dictionaries([token]):
        for floors in (_FLOORS, (0.0, 0.0, 0.0), (2.5, 1.0, 4.0), (0.37, 0.37, 0.37), (1.11, 0.74, 0.37)):  # (ties too)
            args = (token, *dictionaries, *floors)
            expected = phrases._phrase_cuts_py(*args)
            assert COMPILED(*args) == (expected if token.isascii() else None), args


@settings(max_examples=300, deadline=None)
@given(_TOKENS)
@example("deplorableindeed")
@example("Johnsonjustly")
@example("nowmust")
@example("westmost")
@example("worldvolume")
@example("usuallyattained")
@example("")
@example("a")
@example("cafénow")
def test_the_phrase_cuts_are_those_of_the_python_twin(token):
    _same(token)


def test_the_phrase_cuts_of_known_phrases_are_found():
    for token in ("deplorableindeed", "Johnsonjustly", "usuallyattained", "nowmust"):
        args = (token, get_lexicon().zipf_table().get, wc.tags_lookup(), closed_compounds(), FUNCTION_WORDS,
                wc.compound_ends(), phrases.COMPOUNDING_CLOSED, *_FLOORS)
        assert COMPILED(*args) == phrases._phrase_cuts_py(*args) != []


@pytest.mark.parametrize("token", ["nowmustbe", "Westmostly", "abcdefgh"])
def test_pieces_as_common_as_the_floors_are_cut_alike(token):
    """Every piece of the token exactly as common as the floors, and an adverb: each cut of
    pieces of three letters or more makes a phrase."""
    pieces = {token[a:b] for a in range(len(token)) for b in range(a + 1, len(token) + 1)} - {token}
    zipf = dict.fromkeys((p.lower() for p in pieces), 300)
    tags = dict.fromkeys(pieces | {p.lower() for p in pieces}, "R")
    args = (token, zipf.get, tags.get, set(), set(), set(), set(), 3.0, 3.0, 3.0)
    assert COMPILED(*args) == phrases._phrase_cuts_py(*args) == list(range(3, len(token) - 2))


LIKELIEST = native.function("likeliest_cut")


def _likeliest_same(token: str) -> None:
    """The compiled likeliest cut of an ASCII token as its twin's, with the real tables and with
    dicts of its pieces (ties among them: the first of the best), through their ``get`` and a function."""
    pieces = sorted({token[a:b].lower() for a in range(len(token)) for b in range(a + 1, len(token) + 1)})
    zipf = {p: [0, 120, 300, 300, 450, -50][i % 6] for i, p in enumerate(pieces)}
    pmi = {f"{a} {b}": [None, 0, 150, -200][(i + j) % 4] for i, a in enumerate(pieces[::2]) for j, b in enumerate(pieces[::3])}
    pmi = {k: v for k, v in pmi.items() if v is not None}
    lex = get_lexicon()
    for zipf_get, pmi_get in [(lex.zipf_table().get, lex.pmi_table().get), (zipf.get, pmi.get),
                              (lambda k, d=None: zipf.get(k, d), lambda k: pmi.get(k))]:
        for letters in (phrases.LETTER_WORDS, frozenset(), frozenset("xab")):
            args = (token, zipf_get, pmi_get, letters)
            assert LIKELIEST(*args) == phrases._likeliest_cut_py(*args), args


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(_PIECES + ["a", "I", "he", "released", "here", "leased", "to", "return"]),
                          min_size=1, max_size=3).map("".join), st.text(alphabet="abdeinorstuwAIX", max_size=14)))
@example("")
@example("a")
@example("herereleased")
@example("toreturn")
@example("deplorableindeed")
@example("Aman")
@example("IAM")
def test_the_compiled_likeliest_cut_is_its_twins(token):
    if token.isascii():
        _likeliest_same(token)


def test_the_compiled_likeliest_cut_refuses_a_word_beyond_ascii():
    with pytest.raises(ValueError):
        LIKELIEST("café", get_lexicon().zipf_table().get, get_lexicon().pmi_table().get, phrases.LETTER_WORDS)
