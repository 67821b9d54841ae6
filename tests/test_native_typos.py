"""The compiled test of a token one edit away from a frequent word (native/src/typos.rs)
against its Python twin in textlint/checks/spacing/model.py, ``_typo_of_ascii_word_py``: the
same answer, of small sets of words (short and long, with marks and capitals, many that start
alike: the edits looked for among them, and read off them) and of the lexicon's own."""

from __future__ import annotations

import random

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from textlint import lexicon, native
from textlint.checks.spacing import model
from textlint.checks.spacing.model import Params

COMPILED = native.function("typo_of_ascii_word")

pytestmark = pytest.mark.skipif(COMPILED is None,
                                reason="textlint_native (with typo_of_ascii_word) is not built, or is turned "
                                "off: see native/README.md")


def _ordered(words: list[str]) -> tuple[dict[str, None], tuple[str, ...], tuple[str, ...]]:
    """A set of words as the twins take it: the set, its ASCII words sorted, and each reversed, sorted."""
    solid = dict.fromkeys(words)
    forwards = sorted(filter(str.isascii, solid))
    return solid, tuple(forwards), tuple(sorted(w[::-1] for w in forwards))


def _same(token: str, pieces: list[str], words: list[str]) -> bool:
    args = (token, pieces, *_ordered(words))
    answer = model._typo_of_ascii_word_py(*args)
    assert COMPILED(*args) == answer, (token, pieces)
    return answer


_MANY_ALIKE = ["t" + c + "a" for c in "abcdefghijklmnopqrstuvwxyz"] + ["t" + c * 2 for c in "abcdefghijklmnopqrstuvwxyz"]
#: More words that start alike than are read one by one: the edits are looked for among them.
_MORE_ALIKE = [f"t{c}{d}" for c in "abcdefghijklmnopqrstuvwx" for d in "abc"] + ["tzy"]


@settings(max_examples=400)
@given(st.text("abcehrt-'Q", max_size=9), st.lists(st.text("abcehrt", max_size=3), max_size=3),
       st.lists(st.text("abcehrt", min_size=1, max_size=10) | st.sampled_from(["the", "café", "a-b", "aQb", "tea", ""]),
                max_size=120))
@example("", [], [])
@example("", [], ["a", "b"])
@example("a", ["a"], ["", "b"])
@example("cathedrl", [], ["cathedral"])
@example("cathedrl", ["cathedral"], ["cathedral"])
@example("hte", [], ["the"])
@example("thee", ["th", "ee"], ["thee", "three"])  # (a transposition of equal letters: the token)
@example("ab", [], ["a-b", "aQb"])  # (no letter to insert)
@example("aeb", [], ["a-b", "aQb"])  # (no letter to put in place of one)
@example("ta", [], _MANY_ALIKE)
@example("tz", ["tza"], _MANY_ALIKE)
@example("tbb", [], _MANY_ALIKE)
@example("tqb", ["tbb"], _MANY_ALIKE)
def test_the_compiled_test_of_a_typo_answers_as_its_twin(token, pieces, words):
    _same(token, pieces, words)


@pytest.mark.parametrize("token", ["ty", "tyy", "tzy", "zty", "tz", "t"])
def test_the_edits_are_looked_for_among_many_words_that_start_alike(token):
    answer = _same(token, [], _MORE_ALIKE)
    if token in ("ty", "tyy"):  # ("tzy", an insertion or a substitution of "z" after "t")
        assert answer and not _same(token, ["tzy"], _MORE_ALIKE)


def test_the_compiled_test_of_a_typo_answers_as_its_twin_with_the_lexicon(monkeypatch):
    lex = lexicon._load()
    lex.expect(10**7)
    monkeypatch.setattr(lexicon, "STRINGS_BEFORE_A_SET", 0)
    floor = Params().solid_zipf
    solid, ordered = lex.words_from(floor, 0), lex.ordered_words_from(floor)
    words = ordered[0][::97]
    rng = random.Random(7)
    typos = 0
    for _ in range(3000):
        w = rng.choice(words)
        i = rng.randrange(len(w) + 1)
        token = rng.choice([w, w[:i] + w[i + 1:], w[:i] + rng.choice("aeioxz") + w[i:], w[:i] + "q" + w[i + 1:],
                            w + rng.choice(words), w[:i] + w[i + 2:], "".join(rng.choices("etaoinshrd", k=i))])
        args = (token, [token[:i], token[i:]] if rng.random() < 0.5 else [w], solid, *ordered)
        answer = model._typo_of_ascii_word_py(*args)
        assert COMPILED(*args) == answer, args[:2]
        typos += answer
    assert 100 < typos < 2900


def test_a_token_beyond_ascii_is_refused():
    with pytest.raises(ValueError):
        COMPILED("café", [], *_ordered(["cafe"]))
