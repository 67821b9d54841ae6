"""textlint/patterns.py: a lazily compiled pattern answers as the compiled one does."""

from __future__ import annotations

import copy
import pickle
import re

import regex

from textlint.patterns import LazyPattern, lazy_compile


def test_a_lazy_pattern_compiles_on_first_use_and_answers_as_the_compiled_one():
    lazy = lazy_compile(r"(?P<w>\p{L}+)", regex.IGNORECASE)
    assert lazy._compiled is None  # nothing compiled at definition
    compiled = regex.compile(r"(?P<w>\p{L}+)", regex.IGNORECASE)
    text = "Ab, cd éf"
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.pattern == compiled.pattern and lazy.groupindex == compiled.groupindex
    assert lazy.sub("x", text) == compiled.sub("x", text)
    assert lazy_compile(r"\d+", engine=re).fullmatch("123")


def test_a_lazy_pattern_copies_and_pickles_like_a_compiled_one():
    for lazy in (lazy_compile(r"\p{Lu}\p{Ll}+"), lazy_compile(r"[a-z]+", re.I, engine=re)):
        assert copy.copy(lazy) is lazy and copy.deepcopy(lazy) is lazy
        again = pickle.loads(pickle.dumps(lazy))
        assert isinstance(again, LazyPattern) and again.findall("Ab cD") == lazy.findall("Ab cD")
