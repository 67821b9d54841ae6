"""The compiled lattice search (``textlint_native.search``) against its Python twin
:meth:`Model._search`: the same cut points, the same document words recorded (the dependencies
of the memo entry that holds the answer) and the same memo tables written (but for the lexicon's
own, which the compiled search fills less), on generated windows
(ASCII and not, capitals, words the document raises) and on every search of real documents."""

from __future__ import annotations

from collections import Counter
from contextlib import contextmanager

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

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


def compiled_search(model: Model):
    """The compiled search made for *model*, as :class:`Model` makes it."""
    return Search(model, BEGINS_PAIR, ENDS_PAIR)


def python_search(model: Model):
    """The Python twin, as :class:`Model` runs it without the compiled module."""
    return Model._search


def _run(search_of, vocabulary: dict[str, int], total: int | None, calls) -> tuple[list, dict]:
    """Each of *calls* (cores, left, right) searched by the search *search_of* makes for a fresh
    model of its own memo tables (one for all the calls), in turn: per call the cuts and the
    document words it recorded; and the tables."""
    clear_shared_caches()
    model = Model(get_lexicon(), vocabulary, sum(vocabulary.values()))
    if total is not None:
        model.total = total
    search = search_of(model)
    answers = []
    for cores, left, right in calls:
        model._hits = model._root_hits = {}
        answers.append((search(model, list(cores), left, right), model._hits))
    return answers, model._shared


def _same(vocabulary, calls, total=None):
    python = _run(python_search, vocabulary, total, calls)
    compiled = _run(compiled_search, vocabulary, total, calls)
    assert compiled[0] == python[0], calls
    assert_same_tables(compiled[1], python[1])


#: Pieces of the windows: words frequent and rare, long and short, fragments, letter words,
#: prefixes and suffixes, names, capitals, glued forms, non-ASCII letters.
_PIECES = ["the", "in", "of", "a", "I", "to", "as", "is", "out", "over", "up", "government", "spokes",
           "man", "fully", "success", "Putin", "America", "Cuba", "UN", "Security", "gov", "ern",
           "evergr", "een", "x", "q", "able", "like", "some", "hand", "infact", "eachother", "law",
           "enforcement", "Blunkett", "okesman", "song", "writer", "void", "non", "trivial", "power",
           "series", "Mc", "Letchie", "d", "s", "Mr", "Dr", "re", "bi", "Lipschitz", "ultra", "low",
           "would", "be", "et", "ing", "ness", "PlayStation", "café", "Sokołó", "w", "İstanbul", "ǅ"]
_TOKENS = st.one_of(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=3).map("".join),
                    st.text(alphabet="abdeinorstuAIEUTXM", min_size=1, max_size=30),
                    st.text(alphabet="aeinstAIéßİǅσς", min_size=1, max_size=6))
_CONTEXT = st.one_of(st.none(), st.sampled_from(
    ["the", "a", "of", "said", "Putin", "government", "out", "would", "power", "café", "İ"]))
_VOCABULARY = st.dictionaries(st.one_of(st.sampled_from(_PIECES), _TOKENS), st.integers(1, 40), max_size=8)


@given(st.lists(st.tuples(st.lists(_TOKENS, min_size=1, max_size=4),
                          st.sampled_from([str, str.capitalize, str.lower, str.upper]), _CONTEXT, _CONTEXT),
                min_size=1, max_size=3),
       _VOCABULARY)
@example([(["song", "writer"], str, "the", None)], {}).via("two long words stay two")
@example([(["a", "void", "ern"], str, None, "of")], {}).via("a letter word before a long one")
@example([(["in", "the", "government"], str, "said", None)], {}).via("a frequent prefix before a word")
@example([(["non", "trivial"], str, "a", None), (["re", "sult"], str, "the", None)], {}).via("prefixes")
@example([(["gov", "ern", "ment"], str, "the", "said")], {"govern": 3}).via("a join of three")
@example([(["Putinin", "his"], str, "President", None)], {"Putin": 4}).via("a cut the document vouches for")
@example([(["outthe", "government"], str, None, None)], {}).via("a preposition cut off a token")
@example([(["handsome", "like"], str, "would", None)], {}).via("a suffix that is a word")
@example([(["VladimirPutinand", "MrBlunkett"], str, "power", "said")], {"Putin": 2}).via("camel seams")
@example([(["Sokołó", "w"], str, "the", None)], {}).via("not ASCII: the Python twin")
def test_the_compiled_search_is_its_python_twin(windows, vocabulary):
    calls = [([case(c) for c in cores], left, right) for cores, case, left, right in windows]
    _same(Counter({"the": 50, **vocabulary}), calls)


#: Tokens whose features (``Model._token_features``, worked out by the compiled search when its
#: memo lacks them) take each branch: glued pairs and glued forms (lowercase, capitalised, with
#: an article lost), names, letters, identifiers, all capitals, words the document raises.
_FEATURE_TOKENS = ["lawenforcement", "wellknown", "needto", "infact", "Infact", "eachother", "Eachother",
                   "Afterall", "afterall", "alot", "ofsome", "Herson", "Icecream", "icecream", "I", "a", "x",
                   "X", "UN", "NASA", "parseHTTP", "getElementById", "iPhone", "eBay", "the", "The", "THE",
                   "of", "ofthe", "Ofthe", "songwriter", "government", "Government", "Putin", "Putinin",
                   "successfullyas", "evid", "ence", "gov", "ern", "Kashmiris", "Americato", "ab", "abc"]


@given(st.lists(st.sampled_from(_FEATURE_TOKENS), min_size=1, max_size=3),
       st.dictionaries(st.sampled_from(_FEATURE_TOKENS), st.integers(1, 9), max_size=5),
       st.booleans())
@example(["Afterall", "Eachother"], {}, False).via("common words capitalised")
@example(["Putinin", "Americato"], {"Putinin": 2, "Americato": 3}, True).via("the document raises them")
def test_the_features_of_tokens_are_those_of_the_python_twin(tokens, vocabulary, apart):
    # one window of the tokens, or one window each: the features (memo table, document words)
    # of each token first met in either
    calls = [([t], None, None) for t in tokens] if apart else [(tokens, "the", None)]
    _same(Counter({"the": 50, **vocabulary}), calls)


def test_a_window_that_is_not_ascii_is_searched_by_the_python_twin(monkeypatch):
    asked = []
    monkeypatch.setattr(Model, "_search", lambda self, *args: asked.append(args) or (1,))
    model = Model(get_lexicon(), {"the": 5}, 5)
    search = compiled_search(model)
    assert search(model, ["Sokołó", "w"], "the", None) == (1,)
    assert search(model, ["Sokolo", "w"], "the", None) != (1,)
    assert asked == [(["Sokołó", "w"], "the", None)]


def _searches_of(texts: list[str]) -> list[tuple[dict, int, list]]:
    """Every search that linting *texts* runs (all default rules, cold caches), by document:
    its vocabulary, its model's word total and the (cores, left, right) of each search."""
    method = Model._search

    @contextmanager
    def recording(record):
        def search(model, cores, left, right):
            record(model, (tuple(cores), left, right))
            return method(model, cores, left, right)

        with pytest.MonkeyPatch.context() as patch:
            # (each model made while linting searches with Model._search, which records)
            patch.setattr(spacing_model, "SEARCH", None)
            patch.setattr(Model, "_search", search)
            yield

    return calls_by_document(texts, recording)


def test_every_search_of_real_documents_is_the_python_twins():
    texts = fixture_texts_and_corruptions()
    documents = _searches_of(texts)
    assert sum(len(calls) for _, _, calls in documents) > 300  # (the replay replays something)
    for vocabulary, total, calls in documents:
        _same(vocabulary, calls, total)


def test_the_comparison_can_fail():
    """A search that records one document word less is told apart."""
    def forgetful(model):
        search = compiled_search(model)

        def forgetting(model, cores, left, right):
            cuts = search(model, cores, left, right)
            model._hits.popitem()
            return cuts
        return forgetting

    call = [(["Putinin", "his"], "President", None)]
    vocabulary = {"the": 50, "Putin": 4}
    assert _run(forgetful, vocabulary, None, call)[0] != _run(python_search, vocabulary, None, call)[0]


def test_the_pairs_of_the_list_weigh_in_the_compiled_search_as_in_its_twin():
    # each listed pair glued into one token, apart as two, and either after a context word
    pairs = listed_pairs_of_one_side_each(60)
    assert len(pairs) == 60
    calls = [call for a, b in pairs for call in (
        ((f"{a}{b}",), "the", None), ((a, b), None, None), ((f"{a}{b}", "and"), "of", "said"),
        ((f"the{a}", b), None, None))]
    _same({}, calls)
