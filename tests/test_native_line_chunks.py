"""The compiled judgement's chunks of a line and its table of quiet chunks (native/src/linechunks.rs,
native/src/quiet.rs) against their Python twins: the chunks the compiled ``judge_line`` finds in a
line's UTF-8 (a ``LineChunks``, each str made when asked) are ``line.split()``'s; the compiled
``QuietChunks`` answers as the dict it stands for (``Model._quiet`` of the pure-Python model)."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from textlint.checks.spacing import model as m

from model_twins import twin_models

pytestmark = pytest.mark.skipif(m._JUDGE is None or m.QUIET_CHUNKS is None,
                                reason="textlint_native is not built, or is turned off: see native/README.md")

#: White space of every kind that str.split() splits at (and characters it does not: U+180E,
#: U+200B, DEL, controls), letters and marks beyond ASCII, a lone surrogate
_CHARACTERS = st.sampled_from([" ", " ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f",
                               "\x85", "\xa0", "\u1680", "\u2000", "\u2003", "\u200a", "\u2028", "\u2029",
                               "\u202f", "\u205f", "\u3000", "\u180e", "\u200b", "\x7f", "\x00", "\x1b",
                               "a", "b", "Z", ".", ",", "'", "é", "ß", "İ", "日", "\U0001f600", "\ud800"])
_LINE = st.one_of(st.text(_CHARACTERS, max_size=30), st.text(max_size=30))
#: a chunk that is never quiet in a fresh model (suspicious): the line has a JudgedLine
_LOUD = "Putinin"


@settings(deadline=None, max_examples=400)
@given(_LINE)
@example("").via("an empty line")
@example("   \t ").via("white space only")
@example("naïve\u2003café\xa0Straße\x1cX").via("white space beyond ASCII")
@example("a\ud800b \udfff").via("lone surrogates: Python splits")
def test_the_chunks_of_a_line_are_str_split_s(text):
    python, compiled = twin_models(Counter({"the": 50}))
    line = f"{text} {_LOUD} {text}"
    judged = m._JUDGE.judge_line(compiled, line)
    chunks, expected = judged.chunks, line.split()
    assert len(chunks) == len(expected)
    assert list(chunks) == expected
    assert [chunks[k] for k in range(len(chunks))] == expected
    assert chunks[-1] == expected[-1] and chunks[-len(expected)] == expected[0]
    for outside in (len(expected), -len(expected) - 1):
        with pytest.raises(IndexError):
            chunks[outside]
    assert m._JUDGE.judge_line(compiled, line).chunks is not None  # (again, from the quiet table)
    assert list(m.judge_line_py(python, line).chunks) == expected


# (the compiled table holds a key of up to 22 bytes of UTF-8 in its slot, a longer one apart)
_KEYS = st.one_of(st.sampled_from(["", "the", "The", "naïve", "日本", "a\ud800", "\udfffb", "x" * 40, "y" * 21,
                                   "y" * 22, "y" * 23, "é" * 11, "é" * 12, "y" * 21 + "é"]),
                  st.text(max_size=8))
_ANSWERS = st.sampled_from([None, ("", "the", "", False, True, True, True, False), 1, "x"])


@settings(deadline=None, max_examples=300)
@given(st.lists(st.tuples(_KEYS, _ANSWERS), max_size=12), st.lists(_KEYS, max_size=6))
@example([("a\ud800", None), ("", 1), ("a\ud800", "x")], ["a\ud800", "", "b"]).via("surrogates, empty, written again")
def test_the_quiet_table_answers_as_a_dict(writes, reads):
    compiled, python = m.QUIET_CHUNKS(), {}
    for key, answer in writes:
        compiled[key] = answer
        python[key] = answer
    assert len(compiled) == len(python)
    assert compiled.items() == list(python.items())  # (the order first written)
    for key in reads + [k for k, _ in writes]:
        assert (key in compiled) == (key in python)
        assert compiled.get(key) == python.get(key)
        assert compiled.get(key, "absent") == python.get(key, "absent")
        if key in python:
            assert compiled[key] == python[key]
        else:
            with pytest.raises(KeyError):
                compiled[key]


def test_a_model_s_quiet_table_is_the_compiled_one_and_goes_with_the_shared_tables():
    python, compiled = twin_models(Counter({"the": 50}))
    assert isinstance(compiled._quiet, m.QUIET_CHUNKS)
    m.judge_line(compiled, "the the Putinin")
    assert compiled._quiet.items() == [("the", m._JUDGE.judge_line(compiled, "the Putinin").infos[0])]
    # (a loud chunk that no document word swayed, kept for the compiled judgement, is no part
    # of the dict)
    assert m.judge_line(compiled, "gov gov the").loud == [0, 1] and not compiled._chunks["gov"][1]
    assert len(compiled._quiet) == 1 and "gov" not in compiled._quiet
    assert compiled._quiet.get("gov", 0) == 0 and [c for c, _ in compiled._quiet.items()] == ["the"]
    with pytest.raises(KeyError):
        compiled._quiet["gov"]
    assert compiled._shared["quiet"] is compiled._quiet
    m.clear_shared_caches()
    fresh = m.Model(compiled.lex, compiled.vocab, 50)
    assert len(fresh._quiet) == 0
