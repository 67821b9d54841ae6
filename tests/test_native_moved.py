"""The compiled judgement of the chunks new to ``moved_spaces``' table (native/src/moved.rs)
against its Python twin in textlint/checks/spacing/moved.py, ``_new_unknown_cores_py``: the
same cores found and the same table after, asked of the lexicon's compiled table, of a dict and
of a function; chunks with marks around them, capitals, letters outside ASCII, a lone surrogate,
chunks the table holds already and chunks met twice."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from textlint import native
from textlint.checks.spacing import moved
from textlint.document import Document
from textlint.lexicon import get_lexicon

COMPILED = native.function("new_unknown_cores")

pytestmark = pytest.mark.skipif(COMPILED is None,
                                reason="textlint_native (with new_unknown_cores) is not built, or is turned "
                                "off: see native/README.md")

#: Pieces of chunks: words known and unknown, marks of ``moved._MARKS`` and others, capitals,
#: letters outside ASCII, a lone surrogate.
_PIECES = ["sfor", "look", "Thec", "spac", "eis", "the", "Mr", "a", "iput", "Zzq", "ZZq", "xqv", "café", "1990",
           "Hopea", "byt", "nof", "zither", "quokka", "(", '"', "'", "«", "»", "“", "”", "’s", ",", ".", "…", "¿", "-", "\ud800", "İ", ""]
_CHUNKS = st.lists(st.one_of(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=4).map("".join),
                             st.text(alphabet="abqzZ.,(é1’\"İ", max_size=7)), max_size=20)


def _lookups(chunks: list[str]) -> list:
    """The look-ups the twins are asked with: the lexicon's table (compiled, when the lexicon's
    is), a dict (values about the threshold) and a function."""
    cores = [c.strip(moved._MARKS).lower() for c in chunks]
    table = dict.fromkeys(cores[::2], 249) | dict.fromkeys(cores[1::3], 250)
    return [get_lexicon().zipf_table().get, table.get, lambda w, default=0: table.get(w, default)]


def _tagged_by(chunks: list[str]):
    """:func:`moved._tagged`, and a tagger that knows every third chunk's core as written."""
    known = {c.strip(moved._MARKS) for c in chunks[::3]}
    return [moved._tagged, lambda core, lower: core in known]


def _same(chunks: list[str], held: dict[str, str]) -> None:
    for zipf in _lookups(chunks):
        for tagged in _tagged_by(chunks):
            compiled_table, twin_table = dict(held), dict(held)
            found = COMPILED(chunks, compiled_table, moved._MARKS, zipf, moved.NO_WORD_ZIPF, tagged)
            assert found == moved._new_unknown_cores_py(chunks, twin_table, moved._MARKS, zipf, moved.NO_WORD_ZIPF,
                                                       tagged)
            assert compiled_table == twin_table
            assert list(compiled_table) == list(twin_table)


@settings(max_examples=300, deadline=None)
@given(_CHUNKS, st.integers(0, 3))
@example(['"sfor', "qxv»", "(Thec", "sfor,", "sfor,", "iput", "“Xqv”", "xqv’s", "", "\ud800x", "Zzq", "ZZq"], 1)
@example([], 0)
def test_the_new_unknown_cores_are_those_of_the_python_twin(chunks, held):
    _same(chunks, {c: "" for c in chunks[:held]})


def test_the_new_unknown_cores_of_the_seed_article_are_those_of_the_python_twin(seed_text):
    chunks = Document(seed_text).text.split()
    assert len(chunks) > 100
    _same(chunks, {})
    _same([c + "q" for c in chunks], {})  # (many of them no word)


def test_the_comparison_can_fail():
    with pytest.raises(AssertionError):
        zipf = get_lexicon().zipf_table().get
        assert COMPILED(["sfor"], {}, moved._MARKS, zipf, moved.NO_WORD_ZIPF, moved._tagged) \
            == moved._new_unknown_cores_py(["sfor"], {}, moved._MARKS, zipf, 0.0, moved._tagged)
