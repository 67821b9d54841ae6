"""Helpers for the tests that compare the spacing model's compiled functions with their Python
twins: two models of one document, and what a model's memo tables hold, in a form that compares
equal only when the entries, their order and their recorded document words are the same."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from contextlib import AbstractContextManager
from itertools import islice
from pathlib import Path

import pytest

from textlint.checks import spacing
from textlint.checks.spacing import model as m
from textlint.checks.spacing.model import Model, Params, clear_shared_caches
from textlint.engine import Engine, Overrides

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
from textlint.lexicon import BEGINS_PAIR, ENDS_PAIR, get_lexicon


def plain(value):
    """*value* with every dict (and compiled table of quiet chunks) as the list of its items (their order counts), every token as
    its fields, a list told from a tuple (the compiled judge's chunks of a line a list), and the shared "apart" entry told by identity."""
    if value is m._APART:
        return "APART"
    if isinstance(value, m.Token):
        return ("Token", value.start, value.core, value.trail, value.lead)
    if isinstance(value, dict) or m.QUIET_CHUNKS is not None and isinstance(value, m.QUIET_CHUNKS):
        return [(plain(k), plain(v)) for k, v in value.items()]
    if isinstance(value, (list, tuple)):
        return type(value).__name__, list(map(plain, value))
    if m.LINE_CHUNKS is not None and isinstance(value, m.LINE_CHUNKS):  # (the compiled judge's chunks)
        return "list", list(map(plain, value))
    return value


#: The memo tables of the lexicon alone (``Model.lex_logp``, ``Model.lex_word``, ``Model.pair``):
#: the compiled search and score work out the words of a window themselves and remember none of
#: them (any reader works an entry out again, the same): each entry it holds is the twin's.
LEXICON_MEMOS = ("logp", "words", "pairs")


def assert_same_tables(compiled: dict, python: dict) -> None:
    """The memo tables (``Model._shared``) that a compiled search and its twin wrote are the
    same, but for the lexicon's (:data:`LEXICON_MEMOS`), of which the compiled search's entries
    are some of the twin's."""
    for name in LEXICON_MEMOS:
        assert compiled.get(name, {}).items() <= python.get(name, {}).items(), f"the memo table {name} differs"
    assert (comparable_tables(compiled, LEXICON_MEMOS)
            == comparable_tables(python, LEXICON_MEMOS)), "the memo tables differ"


def comparable_tables(shared: dict, leaving: tuple[str, ...] = ()) -> dict:
    """The memo tables *shared* (``Model._shared``) but those named in *leaving*, each as a dict
    that compares by its contents (the compiled table of quiet chunks too)."""
    return {k: _as_dict(v) for k, v in shared.items() if k not in leaving}


def _as_dict(table):
    """A memo table as a dict: the compiled table of quiet chunks (``Model._quiet``) as the dict
    of its items."""
    return dict(table.items()) if m.QUIET_CHUNKS is not None and isinstance(table, m.QUIET_CHUNKS) else table


class Agreeing:
    """A memo of the lexicon alone (:data:`LEXICON_MEMOS`) as two twins' memos compare: equal when
    they give the same entry to every key both hold. A compiled reader may leave an entry out
    (the suspicion bound's pieces that are no glued form, the search's words): any reader works it
    out again, the same."""

    def __init__(self, entries) -> None:
        self.entries = dict(entries)

    def __eq__(self, other) -> bool:
        return isinstance(other, Agreeing) and all(
            self.entries[k] == other.entries[k] for k in self.entries.keys() & other.entries.keys())

    def __repr__(self) -> str:
        return f"Agreeing({self.entries!r})"


def memo_state(model: Model):
    """What a model's work may write: every memo table of the model and what it records (the
    lexicon's memos as :class:`Agreeing`)."""
    shared = {k: Agreeing(v) if k in LEXICON_MEMOS else v for k, v in model._shared.items()}
    return plain({"shared": shared, "judged": model._judged, "hits": model._hits})


def twin_models(vocabulary: dict[str, int], tables: tuple[dict, dict] | None = None) -> tuple[Model, Model]:
    """Two models of a document of *vocabulary*, each with its own memo tables (those of
    *tables*, or new ones)."""
    models = []
    for own in tables or (None, None):
        clear_shared_caches()
        if own is not None:
            m._SHARED[(get_lexicon(), Params())] = own
        models.append(Model(get_lexicon(), vocabulary, sum(vocabulary.values())))
    clear_shared_caches()
    return models[0], models[1]


def in_two_documents(lines: list[str], first: dict[str, int], second: dict[str, int], both) -> None:
    """``both(python, compiled, line)`` on twin models: each of *lines* twice in a document of
    *first*'s counts (the second time from the memos), then once in a document of *second*'s,
    the memo tables kept (swayed entries are read back, checked against the new counts, or
    worked out again)."""
    python, compiled = twin_models(Counter({"the": 50, **first}))
    for line in lines + lines:
        both(python, compiled, line)
    python, compiled = twin_models(Counter({"the": 50, **second}), (python._shared, compiled._shared))
    for line in lines:
        both(python, compiled, line)


def judged_lines(text: str, overrides: Overrides) -> tuple[dict, list[str]]:
    """The vocabulary of *text* and the lines the spacing check judges (``judge_line``) in a
    lint of it with *overrides*, in order."""
    calls = []

    def recording(model, line):
        calls.append((model.vocab, line))
        return m.judge_line(model, line)

    clear_shared_caches()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(spacing, "judge_line", recording)
        Engine(overrides=overrides).lint(text)
    assert len(calls) >= 10 and len({id(v) for v, _ in calls}) == 1
    return calls[0][0], [line for _, line in calls]


def listed_pairs_of_one_side_each(most: int) -> list[tuple[str, str]]:
    """Up to *most* ASCII pairs of the lexicon's pair list of a PMI of 1.5 or more whose first
    word begins pairs and ends none and whose second word ends pairs and begins none: a search
    that read a word's sides the wrong way round would miss their PMI. (A table read in place
    stays so: built into a dict, it would leave other tests no compiled table to test.)"""
    lexicon = get_lexicon()
    pmi, sides = lexicon.pmi_table(), lexicon.pair_sides
    strong = (pmi.keys_from(lambda v: v >= 150) if hasattr(pmi, "keys_from")
              else (pair for pair, v in pmi.items() if v >= 150))
    pairs = (pair.split(" ") for pair in strong if pair.isascii())
    return list(islice(((a, b) for a, b in pairs if sides(a) == BEGINS_PAIR and sides(b) == ENDS_PAIR), most))


def fixture_texts_and_corruptions() -> list[str]:
    """The seed article and the correct texts of ``fixtures/``, then each again with spaces lost
    (after every fifth word) and words split (a space in the middle of every seventh long word):
    real prose for a replay of what linting asks the model."""
    texts = [FIXTURES.joinpath("seed-article.txt").read_text(encoding="utf-8"),
             *(p.read_text(encoding="utf-8") for p in sorted(FIXTURES.joinpath("correct").glob("*.txt")))]
    return texts + [_corrupt(text) for text in texts]


def _corrupt(text: str) -> str:
    words = text.split(" ")
    words = [w[:len(w) // 2] + " " + w[len(w) // 2:] if k % 7 == 3 and len(w) > 5 else w
             for k, w in enumerate(words)]
    return "".join(w + ("" if k % 5 == 2 else " ") for k, w in enumerate(words))


def calls_by_document(texts: list[str],
                      recording: Callable[[Callable], AbstractContextManager]) -> list[tuple[dict, int, list]]:
    """What linting *texts* (all default rules, cold caches) asks of a model, by document: its
    vocabulary, its word total and the calls recorded. *recording(record)* is the patch in place
    while the texts are linted; the function it puts in place calls ``record(model, call)``."""
    documents: dict[int, tuple[dict, int, list]] = {}

    def record(model: Model, call: tuple) -> None:
        documents.setdefault(id(model.vocab), (model.vocab, model.total, []))[2].append(call)

    clear_shared_caches()
    engine = Engine(overrides=Overrides(languagetool=False))
    with recording(record):
        for text in texts:
            engine.lint(text)
    return [(dict(vocab), total, calls) for vocab, total, calls in documents.values()]

