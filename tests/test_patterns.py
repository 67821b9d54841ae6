"""textlint/patterns.py: a lazily compiled pattern answers as the compiled one does; compiled
patterns are kept between runs and rebuilt the same."""

from __future__ import annotations

import copy
import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest
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


# -- compiled patterns kept between runs ----------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent

_RUN = """
import sys, regex
from textlint import patterns
if sys.argv[1] == "cached-only":  # any parse now fails: the pattern must come from the cache
    regex.compile = None
p = patterns.compile(r"(?P<w>\\p{Lu}\\p{Ll}+)(?=\\s)", regex.IGNORECASE)
lazy = patterns.lazy_compile(r"\\b(?:the|a)\\s+(\\p{L}+)")
print([m.span() for m in p.finditer("Ab cD ef gh")], lazy.findall("the cat, a dog"), p.groupindex)
"""


def _run(cache: Path, mode: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, TEXTLINT_CACHE_DIR=str(cache), PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-c", _RUN, mode], env=env, capture_output=True, text=True)


def _cache_files(cache: Path) -> list[Path]:
    return sorted(cache.glob("regex-*"))


def test_a_compiled_pattern_is_kept_and_rebuilt_without_parsing_in_the_next_run(tmp_path):
    first = _run(tmp_path, "compile")
    assert first.returncode == 0, first.stderr
    assert first.stdout == "[(0, 2), (3, 5), (6, 8)] ['cat', 'dog'] {'w': 1}\n"
    assert [p.suffix for p in _cache_files(tmp_path)] == [".marshal"]  # no temporary file left
    again = _run(tmp_path, "cached-only")
    assert again.returncode == 0, again.stderr
    assert again.stdout == first.stdout
    # without the cache the same run must parse (so the check above can fail)
    assert _run(tmp_path / "empty", "cached-only").returncode != 0


def test_a_damaged_or_unwritable_cache_only_costs_compiling_again(tmp_path):
    assert _run(tmp_path, "compile").returncode == 0
    [kept] = _cache_files(tmp_path)
    kept.write_bytes(b"\x00garbage" * 10)
    damaged = _run(tmp_path, "compile")
    assert damaged.returncode == 0 and damaged.stderr == "" and "['cat', 'dog']" in damaged.stdout
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    unwritable = _run(blocked, "compile")  # the cache directory cannot be made
    assert unwritable.returncode == 0 and unwritable.stderr == "" and "['cat', 'dog']" in unwritable.stdout


def _fresh_cache(monkeypatch, patterns, tmp_path) -> dict:
    """An empty cache of compiled patterns in *tmp_path* for one test: its dict of blobs."""
    from textlint.cachefile import KeptBlobs

    store = KeptBlobs(lambda: tmp_path / "regex.marshal", patterns.MAX_ENTRIES)
    monkeypatch.setattr(patterns, "_KEPT", store)
    return store.blobs()


def test_an_entry_for_another_pattern_is_not_used(monkeypatch, tmp_path):
    from textlint import patterns

    kept = _fresh_cache(monkeypatch, patterns, tmp_path)
    real = patterns.compile(r"\d+")
    kept[(r"\p{L}+", 0, int(regex.DEFAULT_VERSION))] = kept[(r"\d+", 0, int(regex.DEFAULT_VERSION))]
    assert patterns.compile(r"\p{L}+").findall("ab 12") == ["ab"] and real.findall("ab 12") == ["12"]


@pytest.mark.parametrize("lazy", [False, True])
def test_a_bad_pattern_raises_when_compiled_and_is_not_kept(monkeypatch, tmp_path, lazy):
    from textlint import patterns

    kept = _fresh_cache(monkeypatch, patterns, tmp_path)
    with pytest.raises(regex.error, match="missing \\)"):
        if lazy:
            patterns.lazy_compile(r"(\p{L}+").search("ab")
        else:
            patterns.compile(r"(\p{L}+")
    assert kept == {}


def test_each_kept_pattern_is_decoded_only_when_asked_for(monkeypatch, tmp_path):
    """The cache holds each pattern's code as its own marshalled bytes: loading the file
    decodes none of them, and a damaged entry costs only compiling that pattern again."""
    from textlint import patterns

    kept = _fresh_cache(monkeypatch, patterns, tmp_path)
    patterns.compile(r"\p{Lu}+")
    patterns.compile(r"\d+")
    assert len(kept) == 2 and all(isinstance(code, bytes) for code in kept.values())
    kept[(r"\d+", 0, int(regex.DEFAULT_VERSION))] = b"\x00damaged"
    assert patterns.compile(r"\d+").findall("ab 12") == ["12"]
    assert patterns.compile(r"\p{Lu}+").findall("AB cd") == ["AB"]
