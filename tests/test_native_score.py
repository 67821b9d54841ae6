"""The compiled score of a changed window's words (``textlint_native.Search.score``) against its
Python twin :meth:`Model.score`: the same float, the same document words recorded and the same
memo tables written (but for the lexicon's own, which the compiled score leaves alone), on
generated windows (ASCII and not, capitals, words the document raises) and on every score that
linting real documents asks."""

from __future__ import annotations

from collections import Counter
from contextlib import contextmanager

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from textlint.checks import spacing
from textlint.checks.spacing import model as spacing_model
from textlint.checks.spacing.model import Model, clear_shared_caches
from textlint.lexicon import BEGINS_PAIR, ENDS_PAIR, get_lexicon

from model_twins import (assert_same_tables, calls_by_document, fixture_texts_and_corruptions,
                         listed_pairs_of_one_side_each)

try:
    from textlint_native import Search
except ImportError:  # a clone without the build (CI builds it)
    Search = None

pytestmark = pytest.mark.skipif(
    Search is None,
    reason="textlint_native.Search is not built (cargo build in native/, or pip install ./native)")


def compiled_score(model: Model):
    search = Search(model, BEGINS_PAIR, ENDS_PAIR)
    return lambda *args: search.score(model, *args)


def python_score(model: Model):
    return model.score


def _run(score_of, vocabulary: dict[str, int], total: int | None, calls) -> tuple[list, dict]:
    """Each of *calls* (words, left, right, originals) scored by the score *score_of* makes for
    a fresh model of its own memo tables, in turn: per call the score and the document words it
    recorded; and the tables."""
    clear_shared_caches()
    model = Model(get_lexicon(), vocabulary, sum(vocabulary.values()))
    if total is not None:
        model.total = total
    score = score_of(model)
    answers = []
    for words, left, right, originals in calls:
        model._hits = model._root_hits = {}
        answers.append((score(list(words), left, right, set(originals)), model._hits))
    return answers, model._shared


def _same(vocabulary, calls, total=None):
    python = _run(python_score, vocabulary, total, calls)
    compiled = _run(compiled_score, vocabulary, total, calls)
    assert compiled[0] == python[0], calls
    assert_same_tables(compiled[1], python[1])


_WORDS = st.one_of(
    st.sampled_from(["the", "in", "of", "a", "I", "to", "out", "government", "spokes", "man", "Putin", "Putinin",
                     "America", "Americato", "UN", "gov", "ern", "x", "ab", "would", "like", "be", "able", "New",
                     "York", "new", "york", "ofthe", "Ofthe", "alot", "infact", "wellknown", "café", "İ"]),
    st.text(alphabet="abdeinorstuAIEUTXM", min_size=1, max_size=12),
    st.text(alphabet="aeinstAIéßİǅσς", min_size=1, max_size=5))
_CONTEXT = st.one_of(st.none(), st.sampled_from(
    ["the", "a", "of", "said", "Putin", "government", "out", "would", "power", "York", "café", "İ"]))


@given(st.lists(st.tuples(st.lists(_WORDS, min_size=1, max_size=4), _CONTEXT, _CONTEXT, st.integers(0, 15)),
                min_size=1, max_size=3),
       st.dictionaries(_WORDS, st.integers(1, 40), max_size=8))
@example([(["New", "York"], "the", "said", 3)], {}).via("a listed pair")
@example([(["Putin", "in"], "President", None, 1), (["Putinin"], "President", None, 1)],
         {"Putinin": 3}).via("a token the document raises")
@example([(["of", "the"], None, "government", 0)], {}).via("not the window's tokens")
@example([(["ca", "fé"], "the", None, 3)], {}).via("not ASCII: the Python twin")
@example([(["the", "end"], "café", None, 3)], {}).via("a context word not ASCII: the Python twin")
def test_the_compiled_score_is_its_python_twin(windows, vocabulary):
    # (*originals*: the words whose bit is set, as the window's tokens)
    calls = [(words, left, right, [w for k, w in enumerate(words) if bits >> k & 1])
             for words, left, right, bits in windows]
    _same(Counter({"the": 50, **vocabulary}), calls)


def test_the_pairs_of_the_list_weigh_in_the_compiled_score_as_in_its_twin():
    # each listed pair as two words, either way round, and its second word after a context word
    pairs = listed_pairs_of_one_side_each(60)
    assert len(pairs) == 60
    calls = [call for a, b in pairs for call in (
        ((a, b), None, None, ()), ((b, a), "the", None, (b,)), ((b,), a, None, ()), ((a,), None, b, (a,)))]
    _same({}, calls)


def _scores_of(texts: list[str]) -> list[tuple[dict, int, list]]:
    """Every score that linting *texts* asks of a window (all default rules, cold caches), by
    document: its vocabulary, its model's word total and each (words, left, right, originals)."""
    method = Model.score

    @contextmanager
    def recording(record):
        def score(model, words, left, right, originals=frozenset()):
            record(model, (tuple(words), left, right, tuple(originals)))
            return method(model, words, left, right, originals)

        with pytest.MonkeyPatch.context() as patch:
            # (the windows scored by the method, which records: their repairs made in Python)
            patch.setattr(Model, "score", score)
            patch.setattr(spacing_model, "_window_score", lambda model: model.score)
            patch.setattr(spacing_model, "_changes_of_window", spacing_model._window_changes)
            # (every occurrence of a phrase token scored, not only those that no change found
            # already overlaps: more windows of real text to replay)
            patch.setattr(spacing._Spans, "overlap", lambda spans, start, end: False)
            yield

    return calls_by_document(texts, recording)


def test_every_score_of_real_documents_is_the_python_twins():
    texts = fixture_texts_and_corruptions()
    documents = _scores_of(texts)
    assert sum(len(calls) for _, _, calls in documents) > 100  # (the replay replays something)
    for vocabulary, total, calls in documents:
        _same(vocabulary, calls, total)


def test_words_not_ascii_are_scored_by_the_python_twin(monkeypatch):
    asked = []
    monkeypatch.setattr(Model, "score", lambda self, *args: asked.append(args) or 1.5)
    model = Model(get_lexicon(), {"the": 5}, 5)
    score = compiled_score(model)
    assert score(["ca", "fé"], "the", None, {"ca"}) == 1.5
    assert score(["the", "end"], "café", None, set()) == 1.5
    assert score(["the", "end"], "of", None, set()) != 1.5
    assert asked == [(["ca", "fé"], "the", None, {"ca"}), (["the", "end"], "café", None, set())]


def test_the_window_changes_score_with_the_compiled_search():
    model = Model(get_lexicon(), {"the": 5}, 5)
    score = spacing_model._window_score(model)
    if spacing_model.SEARCH is None:
        assert score == model.score
    else:
        assert score.func.__self__ is model._searcher
