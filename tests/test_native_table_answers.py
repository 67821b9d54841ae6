"""The answers a compiled table keeps (native/src/table/answers.rs) and the compiled code's own
questions to a compiled table (``Getter::Table``, native/src/lookup.rs): a key asked again is
answered from the answers kept, which must be what the Python twin (:meth:`textlint.lexicon.Table.get`
read in place) answers however often and in whatever order keys are asked, ASCII or not, at
the length kept and beyond it, on damaged caches too; the answers kept stay bounded; and the
compiled search and suspicion bound, which ask a compiled table without a Python call, reach
what their Python twins reach asking dicts of the same tables."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from textlint import lexicon, native
from textlint.checks.spacing.model import (CONTEXT_BOUND, LETTER_WORDS, Model,
                                           clear_shared_caches)

from model_twins import Agreeing, assert_same_tables
from table_twins import engine_questions, python_get, written

COMPILED = native.function("LexiconTable")
pytestmark = pytest.mark.skipif(
    COMPILED is None or not hasattr(COMPILED, "kept"),
    reason="textlint_native lacks LexiconTable's kept answers (not built: native/README.md), or TEXTLINT_NATIVE=0")

#: answers.rs: the longest key kept (UTF-8 bytes) in short entries and in long ones, and how
#: many answers each keeps at most.
SHORT_KEY_BYTES, LONG_KEY_BYTES = 13, 29
SHORT_KEPT_AT_MOST, LONG_KEPT_AT_MOST = 1 << 17, 1 << 16

KEY = st.text(st.sampled_from("abcxyz eéÉİıßΣσς日ⅷ\U0001d400\ud800Q-'"), max_size=32)
#: Keys about the lengths kept: 12-14 and 28-30 bytes, ASCII and not, and a lone surrogate.
EDGES = ["a" * 12, "a" * 13, "a" * 14, "é" * 6, "é" * 6 + "a", "é" * 7, "日" * 4 + "a", "日" * 4 + "ab",
         "\U0001d400" * 3 + "a", "\U0001d400" * 3 + "ab", "abcdefghijk\ud800", "abcdefghij\ud800",
         "b" * 28, "b" * 29, "b" * 30, "é" * 14 + "a", "é" * 15, "日" * 9 + "ab", "日" * 10,
         "abcdefghijklmnopqrstuvwxy\ud800", "abcdefghijklmnopqrstuvwxyz\ud800", "b" * 300,
         "", " ", "a", "the"]


def some_words() -> dict[str, int]:
    rng = random.Random(20)
    words = {"".join(rng.choice("abcdeéz日") for _ in range(rng.randint(1, 30))) for _ in range(4000)}
    words |= {k for k in EDGES[:-4] if rng.random() < 0.5} | {"the", "a", "x\ud800y", "ς", "İstanbul"}
    return {w: rng.randint(-32768, 32767) for w in words}


def kept(key: str) -> bool:
    return len(key.encode("utf-8", "surrogatepass")) <= LONG_KEY_BYTES


def test_a_key_asked_again_is_answered_as_the_python_twin_answers(tmp_path):
    words = some_words()
    table = written(tmp_path / "lexicon.bin", words).zipf_table()
    assert table.compiled and table.get.__self__.kept == 0
    keys = [*words, *EDGES, *(k.upper() for k in words), *(k[::-1] for k in words)]
    for _ in range(3):  # (the first time read in place, then from the answers kept)
        for key in keys:
            assert table.get(key, -1) == python_get(table, key, -1) == words.get(key, -1), key
            assert table.get(key) == words.get(key), key
    assert table.get.__self__.kept == len({k for k in keys if kept(k)})  # the longer ones are read each time


@given(st.dictionaries(KEY.filter(lambda k: "\n" not in k), st.integers(-32768, 32767), max_size=30),
       st.lists(KEY, max_size=30), st.randoms(use_true_random=False))
@example({"a" * 13: 7, "a" * 14: 8}, ["a" * 13, "a" * 14, "a" * 12], random.Random(0))
@example({"σ": 1, "ς": -32768, "": 32767}, ["σ", "ς", "", "Σ"], random.Random(0))
@settings(max_examples=150)
def test_generated_tables_asked_in_any_order_answer_as_the_python_twin(tmp_path_factory, words, asked, rng):
    table = written(tmp_path_factory.mktemp("t") / "lexicon.bin", words).zipf_table()
    keys = [*words, *asked]
    for _ in range(2):
        rng.shuffle(keys)
        for key in keys:
            assert table.get(key, 0) == python_get(table, key, 0) == words.get(key, 0), key


def test_the_answers_kept_are_bounded_and_right_beyond_the_bound(tmp_path):
    asked = [f"w{i}" for i in range(300_000)] + [f"long{i:016}" for i in range(100_000)]
    words = {key: i % 1000 for i, key in enumerate(asked[::3])}  # a third present
    table = written(tmp_path / "lexicon.bin", words).zipf_table()
    reader = table.get.__self__
    for key in asked:  # (all kept until the bounds)
        assert table.get(key) == words.get(key), key
    assert reader.kept == SHORT_KEPT_AT_MOST + LONG_KEPT_AT_MOST
    for key in asked[::-7]:  # kept or not, the same answers
        assert table.get(key) == words.get(key) == python_get(table, key), key
    assert reader.kept == SHORT_KEPT_AT_MOST + LONG_KEPT_AT_MOST


def test_a_damaged_cache_keeps_the_answers_the_python_twin_reads(tmp_path):
    """Slots and offsets of the word table overwritten: whatever it reads as, the answers kept
    are the Python twin's, and so are the answers of the keys asked again."""
    words = some_words()
    path = tmp_path / "lexicon.bin"
    written(path, words)
    data = bytearray(path.read_bytes())
    rng = random.Random(20)
    start = lexicon._aligned(lexicon._HEADER.size)
    for _ in range(400):  # (within the word table's offsets, values, slots and starts)
        data[start + rng.randrange(4 * 4000 * 3)] = rng.choice([0, 1, 0x7F, 0xFF])
    path.write_bytes(bytes(data))
    try:
        table = lexicon._read(path).zipf_table()
    except ValueError:
        pytest.skip("the damage made the cache refused whole")
    for _ in range(2):
        for key in [*words, *EDGES]:
            assert table.get(key, -1) == python_get(table, key, -1), key


def test_the_engine_s_questions_asked_again_answer_as_the_python_twin(seed_text, monkeypatch):
    """The questions a check of the seed article (all default rules) asks of each table of the
    process's lexicon, asked again (from the answers kept) and of the Python twin."""
    tables, asked = engine_questions(seed_text, monkeypatch)
    assert all(t.get.__self__.kept for t in tables)
    for table, args, answer in asked:
        assert answer == table.get(*args) == python_get(table, *args), args


# the compiled code's questions: Getter::Table ---------------------------------------------------

@pytest.fixture(scope="module")
def lexicons():
    """A lexicon of compiled tables (asked by the compiled code in Rust) and one of the same
    tables as dicts (asked by the Python twins), from the process's own cache."""
    lexicon.get_lexicon()  # (writes the cache if there is none)
    try:
        compiled, dicts = lexicon._read(lexicon.cache_path()), lexicon._read(lexicon.cache_path())
    except (OSError, ValueError):
        pytest.skip("no lexicon cache to read (a read-only cache folder)")
    for table in (dicts.zipf_table(), dicts.pmi_table(), dicts.pair_sides_table()):
        table.build()
    assert all(isinstance(t, dict) for t in (dicts.zipf_table(), dicts.pmi_table(), dicts.pair_sides_table()))
    return compiled, dicts


def _model(lex, vocabulary: Counter) -> Model:
    clear_shared_caches()
    return Model(lex, vocabulary, max(sum(vocabulary.values()), 1))


_PIECES = ["the", "in", "of", "a", "I", "to", "government", "spokes", "man", "fully", "success", "Putin",
           "Cuba", "UN", "Security", "gov", "ern", "law", "enforcement", "song", "writer", "non", "trivial",
           "would", "be", "well", "known", "new", "york", "café", "İstanbul", "ǅ", "straße", "x"]
_TOKENS = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=4).map("".join)
_CASES = st.sampled_from([str, str.capitalize, str.lower, str.upper])


@given(st.lists(_TOKENS, min_size=1, max_size=4), _CASES, st.sampled_from([None, "said", "times"]),
       st.dictionaries(st.sampled_from(_PIECES), st.integers(1, 9), max_size=4))
@example(["song", "writer"], str, None, {}).via("a pair of the list")
@example(["newyork", "times"], str.capitalize, "said", {"york": 2}).via("capitals and the document")
def test_the_compiled_search_on_compiled_tables_is_the_python_one_on_dicts(lexicons, cores, case, right, vocabulary):
    """And on dicts too (a compiled search asks a table that is no compiled one through Python)."""
    search = native.function("Search")
    if search is None:
        pytest.skip("textlint_native lacks Search")
    compiled, dicts = lexicons
    cores = [case(c) for c in cores]
    answers = []
    for lex, native_too in ((compiled, True), (dicts, True), (dicts, False)):
        model = _model(lex, Counter(vocabulary))
        model._hits = model._root_hits = {}
        run = search(model, lexicon.BEGINS_PAIR, lexicon.ENDS_PAIR) if native_too else Model._search
        answers.append((run(model, list(cores), "the", right), model._hits, model._shared))
    assert type(_model(compiled, Counter())._zipf_get.__self__).__name__ == "LexiconTable"
    for answer in answers[:2]:
        assert answer[:2] == answers[2][:2], cores
        assert_same_tables(answer[2], answers[2][2])


@given(_TOKENS, _CASES, st.dictionaries(st.sampled_from(_PIECES), st.integers(0, 9), max_size=4))
@example("songwriter", str, {}).via("a glued pair of the list")
@example("CubaPutin", str, {"Cuba": 2}).via("a camel seam")
def test_the_compiled_suspicion_on_compiled_tables_is_the_python_one_on_dicts(lexicons, core, case, vocabulary):
    suspicious = native.function("SuspiciousCore")
    if suspicious is None:
        pytest.skip("textlint_native lacks SuspiciousCore")
    compiled, dicts = lexicons
    core = case(core)
    seen = []
    for lex, native_too in ((compiled, True), (dicts, False)):
        model = _model(lex, Counter(vocabulary))
        judge = suspicious(model, CONTEXT_BOUND, LETTER_WORDS, lexicon.BEGINS_PAIR, lexicon.ENDS_PAIR)
        rounds = []
        for _ in range(2):
            model._hits = {}
            answer = judge(model, core) if native_too else Model._suspicious_core(model, core)
            rounds.append((answer, list(model._hits.items())))
        seen.append((rounds, Agreeing(model._lex_logp), list(model._doc_logp.items())))
    assert seen[0] == seen[1], core
