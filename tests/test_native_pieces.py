"""The compiled tests of a YAML rule's pieces (native/src/pieces.rs) against their Python twins in
textlint/yamlrules/needs.py, ``_any_run_held_py`` and ``_tokens_held_py``: the same answers on
any text and groups (non-ASCII, empty pieces, lone surrogates, which the twins answer)."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from textlint import native
from textlint.yamlrules import needs

_ANY_RUN_HELD = native.function("any_run_held")
_TOKENS_HELD = native.function("tokens_held")

pytestmark = pytest.mark.skipif(_ANY_RUN_HELD is None or _TOKENS_HELD is None,
                                reason="textlint_native (with any_run_held, tokens_held) is not built, "
                                "or is turned off: see native/README.md")

#: Pieces of texts and of runs: ASCII, Latin-1, wider characters, a character beyond the BMP,
#: letters that a run's bytes in UTF-8 could straddle, and a lone surrogate (no UTF-8).
_PIECES = ["", "a", "b", "ab", "could of", " ", "  ", "é", "\u00e9t\u00e9", "’", "ﬁ", "\u200b", "😀", "\u0101",
           "\u0100", "\ud800"]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join)
_RUNS = st.lists(_TEXTS, max_size=4).map(tuple)
_RUN_GROUPS = st.lists(st.tuples(_TEXTS, _RUNS), max_size=5).map(tuple)
_TOKEN_GROUPS = st.lists(st.tuples(_TEXTS, st.lists(st.tuples(st.integers(0, 50), _RUNS), max_size=4).map(tuple)),
                         max_size=5).map(tuple)


@settings(max_examples=1500, deadline=None)
@given(_TEXTS, _RUN_GROUPS)
@example("", ())
@example("", (("", ()),))  # a group without runs holds none
@example("", (("", ("",)),))
@example("he could of", (("could of", ("could of",)),))
@example("caf\u00e9", (("\u00e9", ("f\u00e9",)),))
@example("\u0101", (("\u0100"[0], ("\u0100",)),))  # one UTF-8 byte alike, not the character
@example("a\ud800", (("a", ("a",)),))  # a lone surrogate: the twin answers
def test_any_run_held_is_the_python_twins(text, groups):
    held = _ANY_RUN_HELD(text, groups)
    assert held is None or held == needs._any_run_held_py(text, groups)
    assert needs.any_run_held(text, groups) == needs._any_run_held_py(text, groups)
    if _utf8(text, groups):
        assert held is not None


@settings(max_examples=1500, deadline=None)
@given(_TEXTS, _TOKEN_GROUPS)
@example("", ())
@example("", (("", ()),))
@example("", (("", ((3, ()),)),))  # a token without runs: held
@example("emphasised on it", (("emphasi", ((0, ("emphasised on",)), (1, ("emphasized on",)))),))
@example("\u0101x", (("", ((1, ("\u0100",)), (2, ("x",)))),))
@example("\ud800", (("", ((1, ("x",)),)),))
def test_tokens_held_are_the_python_twins(text, groups):
    held = _TOKENS_HELD(text, groups)
    twin = list(needs._tokens_held_py(text, groups))
    assert held is None or held == twin
    assert list(needs.tokens_held(text, groups)) == twin
    if _utf8(text, groups):
        assert held is not None


def _utf8(*values) -> bool:
    """Whether every string in *values* (nested in tuples) has UTF-8 (no lone surrogate)."""
    for value in values:
        if isinstance(value, str) and "\ud800" in value:
            return False
        if isinstance(value, tuple) and not _utf8(*value):
            return False
    return True


def test_a_rules_groups_give_the_twins_answers():
    """The groups of a rule of the default packs, on a text that holds some of them."""
    from textlint.engine import Engine, Overrides

    text = "He could of known. They returned back and emphasised on it; in the opinion of\u00a0many “so”."
    engine = Engine(overrides=Overrides(languagetool=False))
    tested = 0
    for rule in engine.rules:
        test = getattr(rule, "needs", None)
        if test is None:
            continue
        for folded in (text, text.lower()):
            assert _ANY_RUN_HELD(folded, test._run_groups) == needs._any_run_held_py(folded, test._run_groups)
            assert _TOKENS_HELD(folded, test._worded_groups) == list(needs._tokens_held_py(folded, test._worded_groups))
            tested += 1
    assert tested


@settings(max_examples=500, deadline=None)
@given(_TEXTS, st.lists(st.sampled_from(["informations", "advices", "é", "ﬁle", "a", "😀"]), min_size=1, unique=True))
@example("advices and informations", ["informations", "advices"])
def test_a_rules_few_words_are_looked_for_as_in(text, words):
    """``Needs._word_groups`` through :func:`needs.tokens_held`: the words the text holds as
    ``in`` finds them (``Needs._words_in`` of a text not cut into words)."""
    rule = needs.needs_of(words, False, True)
    found = [rule._word_list[k] for k in needs.tokens_held(text, rule._word_groups)]
    assert found == [w for w in rule.words if w.decode("utf-8") in text]
