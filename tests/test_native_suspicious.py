"""The compiled suspicion bound (native/src/suspicious.rs) against its Python twin,
:meth:`Model._suspicious_core`: the same answer, the same document words recorded as what
swayed it (``Model._hits``), entries of the lexicon's memo (``Model._lex_logp``) that agree (the
compiled bound leaves out those of the pieces it reads off the word table) and the same reads of the lexicon's tables, whether they are dicts or read in place."""

from __future__ import annotations

import importlib
from collections import Counter
from itertools import islice

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from textlint import lexicon as lexicon_module
from textlint import native
from textlint.checks.spacing.model import (CONTEXT_BOUND, LETTER_WORDS, MAX_TOKEN, Model,
                                           clear_shared_caches)
from textlint.lexicon import BEGINS_PAIR, ENDS_PAIR, Table, get_lexicon

from model_twins import Agreeing


def _compiled():
    """The compiled class (whatever TEXTLINT_NATIVE says: these tests compare the two), or None."""
    try:
        module = importlib.import_module("textlint_native")
    except ImportError:
        return None
    return getattr(module, "SuspiciousCore", None) if getattr(module, "ABI", None) == native.ABI else None


SUSPICIOUS_CORE = _compiled()
pytestmark = pytest.mark.skipif(
    SUSPICIOUS_CORE is None,
    reason="textlint_native lacks SuspiciousCore (build native/: see native/README.md)")


def _judge(model: Model):
    """The compiled twin for *model*, as Model.__init__ makes it."""
    return SUSPICIOUS_CORE(model, CONTEXT_BOUND, LETTER_WORDS, BEGINS_PAIR, ENDS_PAIR)


def _tables_state(lex) -> list:
    """What the lexicon's tables remember of the reads so far: a table read in place counts its
    reads and keeps their answers (and builds its dict after enough of them)."""
    state = []
    for table in (lex._loaded_zipf, lex._pmi, lex._sides):
        if isinstance(table, Table):
            state.append((table.asked, list(table._answers.items()), table._dict is None))
    return state


def _run(lex, vocabulary: dict[str, int], core: str, compiled: bool, rounds: int = 2):
    """The answers of *rounds* judgments of *core* by a fresh model (the second with the memo the
    first filled), and everything they leave behind."""
    clear_shared_caches()
    model = Model(lex, vocabulary, max(sum(vocabulary.values()), 1))
    judge = _judge(model) if compiled else None
    seen = []
    for _ in range(rounds):
        model._hits = {}
        try:
            answer = judge(model, core) if compiled else Model._suspicious_core(model, core)
        except Exception as e:  # (the same failure, the same way)
            answer = type(e)
        seen.append((answer, list(model._hits.items())))
    state = (seen, Agreeing(model._lex_logp), list(model._doc_logp.items()), _tables_state(lex))
    clear_shared_caches()
    return state


#: Pieces of the tokens judged: words frequent and rare, fragments, single letters, names,
#: capitals, glued forms, and letters beyond ASCII (titlecase, dotted capital I, sharp s).
_PIECES = ["the", "in", "of", "a", "I", "to", "as", "is", "government", "spokes", "man", "fully", "success",
           "Putin", "America", "Cuba", "UN", "Security", "gov", "ern", "evergr", "een", "x", "q", "able",
           "like", "infact", "eachother", "law", "enforcement", "Blunkett", "okesman", "toolbox", "notebook",
           "alot", "needto", "wellknown", "Afterall", "Mr", "ab", "café", "Zürich", "İstanbul", "ǅemal", "straße"]
_TOKENS = st.one_of(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=4).map("".join),
                    st.text(alphabet="abdeinorstuAIEUTX", min_size=1, max_size=MAX_TOKEN),
                    st.text(alphabet="aeinoAIéÉßǅİ", min_size=1, max_size=6))
_CASES = st.sampled_from([str, str.capitalize, str.lower, str.upper, str.swapcase, str.title])


@st.composite
def _documents(draw, core: str) -> dict[str, int]:
    """A vocabulary that writes some pieces of *core* (counts 0 and 1 too: this occurrence does
    not count) and some other words."""
    vocabulary = {"the": 50}
    for _ in range(draw(st.integers(0, 6))):
        i = draw(st.integers(0, len(core)))
        j = draw(st.integers(i, len(core)))
        vocabulary[core[i:j]] = draw(st.integers(0, 40))
    vocabulary.update(draw(st.dictionaries(st.sampled_from(_PIECES), st.integers(1, 40), max_size=4)))
    return Counter(vocabulary)


@pytest.fixture(scope="module")
def built_lexicon():
    """A lexicon whose tables are dicts (the compiled code asks them directly)."""
    lex = lexicon_module._load()
    for table in (lex.zipf_table(), lex.pmi_table(), lex.pair_sides_table()):
        if isinstance(table, Table):
            table.build()  # (a compiled table builds no dict of its own: Lexicon.expect leaves it)
    assert not isinstance(lex.zipf_table(), Table) and not isinstance(lex.pair_sides_table(), Table)
    return lex


@given(_TOKENS, _CASES, st.data())
@example("successfullyas", str, None).via("two words, no capital")
@example("CubaPutin", str, None).via("a camel seam")
@example("UNSecurity", str, None).via("capitals, then a seam")
@example("Putinin", str, None).via("a name and a function word")
@example("ǅemal", str, None).via("a titlecase letter: Python's rules")
@example("abab", str, None).via("the same piece on both sides")
def test_the_compiled_bound_is_the_python_one_on_dict_tables(built_lexicon, token, case, data):
    core = case(token)
    vocabulary = data.draw(_documents(core)) if data is not None else Counter({"the": 50, core[:2]: 3})
    assert _run(built_lexicon, vocabulary, core, True) == _run(built_lexicon, vocabulary, core, False), core


@given(_TOKENS, _CASES, st.data())
@example("infact", str, None).via("a glued form: the Python judges it")
@example("Afterall", str, None).via("a capitalised glued form")
def test_the_compiled_bound_is_the_python_one_on_tables_read_in_place(token, case, data):
    # a fresh lexicon each, read in place: the compiled code must call the tables' own get, so
    # that they count the same reads, keep the same answers (and build their dicts alike)
    core = case(token)
    vocabulary = data.draw(_documents(core)) if data is not None else Counter({"the": 50, core: 2})
    answers = [_run(lexicon_module._load(), vocabulary, core, compiled) for compiled in (True, False)]
    assert answers[0] == answers[1], core


@pytest.mark.parametrize("core", ["toabunch", "aaboutme"])
def test_a_glued_form_as_a_piece_keeps_its_discount(core):
    # the compiled bound reads a piece's log10 P off a compiled word table, but for a glued form
    # ("abunch", "aboutme"), whose discount decides these cores
    vocabulary = Counter({"the": 50})
    assert _run(lexicon_module._load(), vocabulary, core, True) == _run(lexicon_module._load(), vocabulary, core, False)


def test_a_table_read_in_place_builds_its_dict_at_the_same_read(monkeypatch):
    # the tables build their dicts after a few reads: the compiled code's reads must reach that
    # point where the Python's do, and go on through the dict
    monkeypatch.setattr(lexicon_module, "BUILD_COST_PER_KEY", 2e-5)
    monkeypatch.setattr(lexicon_module, "_COMPILED_TABLE", None)  # (a compiled table never builds)
    cores = ["successfullyas", "governmentspokesman", "CubaPutin", "Putinin", "lawenforcement", "evergreen"]
    states = []
    for compiled in (True, False):
        lex = lexicon_module._load()
        states.append([_run(lex, {"the": 50, "Putin": 3}, core, compiled, rounds=1) for core in cores])
        assert not isinstance(lex.zipf_table(), Table)  # (built on the way)
    assert states[0] == states[1]


def test_an_empty_core_fails_as_the_python_does(built_lexicon):
    assert _run(built_lexicon, {}, "", True) == _run(built_lexicon, {}, "", False)


def test_the_model_uses_the_compiled_bound_unless_turned_off(monkeypatch):
    from textlint.checks.spacing import model as model_module

    assert model_module.SUSPICIOUS_CORE is native.function("SuspiciousCore")
    if model_module.SUSPICIOUS_CORE is not None:
        assert Model(get_lexicon(), {}, 1)._suspicious_native is not None
    monkeypatch.setattr(model_module, "SUSPICIOUS_CORE", None)
    assert Model(get_lexicon(), {}, 1)._suspicious_native is None


def test_a_replay_of_the_seed_article_through_the_engine(monkeypatch, seed_text):
    # every judgment the spacing checks ask of the seed article (and of a copy with its spaces
    # lost), made by both twins from the same state: the same answer, the same words recorded,
    # entries added to the memo of log10 P that agree
    from textlint.checks.spacing import model as model_module
    from textlint.engine import Engine

    judged = []

    def both(self: Model, core: str) -> bool:
        if len(core) == 1:
            return core not in LETTER_WORDS
        memo, hits = self._lex_logp, self._hits
        before, hits_before = len(memo), dict(hits)
        compiled = _judge(self)(self, core)
        added = list(islice(reversed(memo.items()), len(memo) - before))
        compiled_state = (compiled, list(hits.items()), Agreeing(added))
        for word, _ in added:
            del memo[word]
        hits.clear()
        hits.update(hits_before)
        plain = Model._suspicious_core(self, core)
        added = list(islice(reversed(memo.items()), len(memo) - before))
        assert compiled_state == (plain, list(hits.items()), Agreeing(added)), core
        judged.append(core)
        return plain

    monkeypatch.setattr(Model, "suspicious", both)
    monkeypatch.setattr(model_module, "SUSPICIOUS_CORE", None)
    lost = seed_text.replace("n the ", "nthe ").replace(" of", "of").replace("ly ", "ly")
    for text in (seed_text, lost):
        clear_shared_caches()
        Engine().lint(text)
    clear_shared_caches()
    assert len(judged) > 300 and any(not core.islower() for core in judged)
