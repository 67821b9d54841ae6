"""The compiled lexicon score of a word in the lexicon (``Search.lexicon_logp``, the
``FeatureTables::lexicon_logp`` the lattice and the features ask) against its Python twin
:meth:`Model._lexicon_logp`: the same log10 P and the same memo entry, on glued forms as
written, capitalised and in capitals, their neighbours, and any text (beyond ASCII too)."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from textlint.checks.spacing.model import Model, clear_shared_caches, glued_forms
from textlint.lexicon import BEGINS_PAIR, ENDS_PAIR, get_lexicon

# (a clone without the build skips: CI builds it)
Search = pytest.importorskip("textlint_native", reason="textlint_native is not built (cargo build in native/, "
                             "or pip install ./native)").Search

FORMS = sorted(glued_forms())


def _model() -> Model:
    clear_shared_caches()
    return Model(get_lexicon(), {}, 1)


def _both(word: str, zipf: int) -> tuple:
    """(answer, memo entry) of the Python twin and of the compiled code, each on a fresh model."""
    python, compiled = _model(), _model()
    lower = word.lower()
    p = python._lexicon_logp(word, lower, zipf)
    c = Search(compiled, BEGINS_PAIR, ENDS_PAIR).lexicon_logp(compiled, word, lower, zipf)
    return (p, python._lex_logp.get(word, "absent")), (c, compiled._lex_logp.get(word, "absent"))


def _zipf(model: Model, word: str) -> int:
    return model._zipf_get(word.lower(), 0) or 350


glued = st.sampled_from(FORMS)
forms_written = st.one_of(glued, glued.map(str.capitalize), glued.map(str.upper), glued.map(str.title),
                          st.tuples(glued, st.text(min_size=0, max_size=2)).map("".join))
words = st.one_of(forms_written, st.text(min_size=1, max_size=12),
                  st.text(alphabet="abcdefghinorstKİßé", min_size=1, max_size=9))


@settings(max_examples=400, deadline=None)
@given(words)
@example("eachother")
@example("Eachother")
@example("Afterall")
@example("EACHOTHER")
@example("alot")
@example("Alot")
@example("the")
@example("\u212aeachother")  # a Kelvin sign lowercases to "k"
@example("İnthe")
@example("\u212aindof")  # ... to a glued form ("kindof"): the Python judges it
def test_the_compiled_lexicon_score_is_the_python_twins(word):
    python, compiled = _both(word, _zipf(_model(), word))
    assert compiled == python


def test_glued_forms_are_discounted_both_ways():
    # (the test above sees both answers: some glued forms lose the discount, some keep it)
    model = _model()
    discounted = [w for w in FORMS[:300] if model._lexicon_logp(w, w, _zipf(model, w)) != _zipf(model, w) / 100 - 9]
    assert discounted and len(discounted) < 300
    for w in discounted[:20] + [w.capitalize() for w in discounted[:20]]:
        python, compiled = _both(w, _zipf(model, w))
        assert compiled == python
