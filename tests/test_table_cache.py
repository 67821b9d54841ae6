"""textlint/cachefile.py's table_of: a data file's table kept packed in the cache directory and
read in place, a key the first time it is asked."""

from __future__ import annotations

import marshal
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textlint import cachefile, lexicon


@pytest.fixture(params=["compiled", "python"])
def reader(request, monkeypatch):
    """Each test twice: the packed table read by the compiled reader (when the module is
    built) and by the pure-Python one."""
    if request.param == "python":
        monkeypatch.setattr(lexicon, "_COMPILED_TABLE", None)
    elif lexicon._COMPILED_TABLE is None:
        pytest.skip("textlint_native is not built")
    return request.param


def _table_of(tmp_path, monkeypatch, source, calls, default=""):
    """table_of("words", *source*, a build that reads it and counts its calls in *calls*), with
    the cache directory in *tmp_path*."""
    monkeypatch.setenv("TEXTLINT_CACHE_DIR", str(tmp_path / "cache"))

    def build():
        calls.append(1)
        return dict(line.split("\t") for line in source.read_text(encoding="utf-8").splitlines())

    return cachefile.table_of("words", source, build, default)


def _answers(table, keys):
    return {key: table[key] for key in keys}


def test_a_kept_table_is_read_back_and_a_new_source_is_read_again(tmp_path, monkeypatch, reader):
    source = tmp_path / "words.tsv"
    source.write_text("cat\tN\ndog\tNV\n")
    calls = []
    keys = ("cat", "dog", "emu", "")
    assert _answers(_table_of(tmp_path, monkeypatch, source, calls), keys) == {"cat": "N", "dog": "NV", "emu": "", "": ""}
    assert _answers(_table_of(tmp_path, monkeypatch, source, calls), keys) == {"cat": "N", "dog": "NV", "emu": "", "": ""}
    assert len(calls) == 1  # the second came from the cache
    source.write_text("cat\tN\ndog\tN\nemu\tN\n")
    os.utime(source, ns=(1, 1))
    assert _answers(_table_of(tmp_path, monkeypatch, source, calls), keys) == {"cat": "N", "dog": "N", "emu": "N", "": ""}
    assert len(calls) == 2


def _kept(tmp_path):
    [kept] = (tmp_path / "cache").glob("words-*")
    return kept


def _with_head(data: bytes, **fields) -> bytes:
    """*data* (a kept table) with fields of its head replaced."""
    names = ("tag", "version", "source_size", "values_size", "crc", "keys", "key_bytes", "groups", "ascii_keys")
    head = dict(zip(names, cachefile._TABLE_HEAD.unpack_from(data)))
    head.update(fields)
    return cachefile._TABLE_HEAD.pack(*head.values()) + data[cachefile._TABLE_HEAD.size:]


@pytest.mark.parametrize("damage", [
    lambda data: b"",
    lambda data: b"\x00not a table",
    lambda data: data[:-8],
    lambda data: data + bytes(8),
    lambda data: _with_head(data, version=cachefile.TABLE_FORMAT - 1),
    lambda data: _with_head(data, source_size=1),
    lambda data: _with_head(data, keys=1),
    lambda data: _with_head(data, crc=0),
])
def test_a_damaged_cache_is_read_again(tmp_path, monkeypatch, reader, damage):
    source = tmp_path / "words.tsv"
    source.write_text("cat\tN\ndog\tNV\n")
    calls = []
    _table_of(tmp_path, monkeypatch, source, calls)
    kept = _kept(tmp_path)
    kept.write_bytes(damage(kept.read_bytes()))
    assert _answers(_table_of(tmp_path, monkeypatch, source, calls), ("cat", "dog")) == {"cat": "N", "dog": "NV"}
    assert len(calls) == 2
    assert _answers(_table_of(tmp_path, monkeypatch, source, calls), ("cat", "dog")) == {"cat": "N", "dog": "NV"}
    assert len(calls) == 2  # (written again)


def test_a_place_beyond_the_values_is_a_damaged_cache(tmp_path, monkeypatch, reader):
    source = tmp_path / "words.tsv"
    source.write_text("cat\tN\ndog\tNV\n")
    calls = []
    _table_of(tmp_path, monkeypatch, source, calls)
    kept = _kept(tmp_path)
    data = kept.read_bytes()
    start, size = lexicon._aligned(cachefile._TABLE_HEAD.size), cachefile._TABLE_HEAD.unpack_from(data)[3]
    assert marshal.loads(data[start:start + size]) == ("N", "NV")
    fewer = marshal.dumps(("N",))  # one value fewer, the same length: the key of the second has none
    kept.write_bytes(data[:start] + fewer.ljust(size, b"\x00") + data[start + size:])
    assert _answers(_table_of(tmp_path, monkeypatch, source, calls), ("cat", "dog")) == {"cat": "N", "dog": "NV"}
    assert len(calls) == 2


def test_an_unwritable_cache_only_means_reading_the_source(tmp_path, monkeypatch):
    source = tmp_path / "words.tsv"
    source.write_text("cat\tN\n")
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    monkeypatch.setenv("TEXTLINT_CACHE_DIR", str(blocked))
    table = cachefile.table_of("words", source, lambda: {"cat": "N"}, "")
    assert _answers(table, ("cat", "dog")) == {"cat": "N", "dog": ""}


def test_a_missing_source_is_built(tmp_path, monkeypatch):
    monkeypatch.setenv("TEXTLINT_CACHE_DIR", str(tmp_path / "cache"))
    table = cachefile.table_of("words", tmp_path / "missing.tsv", lambda: {"cat": 1.5})
    assert _answers(table, ("cat", "dog")) == {"cat": 1.5, "dog": None}


def test_installs_of_other_data_keep_their_own_tables(tmp_path, monkeypatch):
    """Two installs of different versions of the data file, used in turn: neither replaces the
    other's table, so each reads its source once."""
    first, second = tmp_path / "a" / "words.tsv", tmp_path / "b" / "words.tsv"
    for source, line in ((first, "cat\tN\n"), (second, "cat\tV\n")):
        source.parent.mkdir()
        source.write_text(line)
    calls = []
    for _ in range(2):
        assert _table_of(tmp_path, monkeypatch, first, calls)["cat"] == "N"
        assert _table_of(tmp_path, monkeypatch, second, calls)["cat"] == "V"
    assert len(calls) == 2


def test_the_same_data_at_two_paths_is_one_kept_table(tmp_path, monkeypatch):
    """Two checkouts or installs of the same data file (other paths, other modification times)
    read each other's table: neither replaces it, so neither reads its source again."""
    first, second = tmp_path / "a" / "words.tsv", tmp_path / "b" / "words.tsv"
    for source in (first, second):
        source.parent.mkdir()
        source.write_text("cat\tN\ndog\tNV\n")
    os.utime(second, ns=(1, 1))
    calls = []
    for source in (first, second, first, second):
        assert _answers(_table_of(tmp_path, monkeypatch, source, calls), ("cat", "dog")) == {"cat": "N", "dog": "NV"}
    assert len(calls) == 1


# -- the answers: those of the table's dict, whatever its keys and values ---------------------------

def _words(n):
    """*n* words of many first letters, cases and scripts."""
    firsts = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéÉßΣ日1-"
    return [f"{firsts[i % len(firsts)]}w{i}" for i in range(n)]


def _kept_and_read(tmp_path, monkeypatch, table: dict, default, packed=True):
    """*table* kept by table_of and read back from its file (asked in a fresh Answers), or from
    memory when it cannot be *packed* (a key holds a newline)."""
    source = tmp_path / "words.src"
    source.write_bytes(marshal.dumps(table))
    monkeypatch.setenv("TEXTLINT_CACHE_DIR", str(tmp_path / "cache"))
    cachefile.table_of("words", source, lambda: table, default)
    calls = []
    read = cachefile.table_of("words", source, lambda: calls.append(1) or table, default)
    assert len(calls) == (not packed)
    return read


def _same(a, b) -> bool:
    """The same value, to its type and sign (0.0 is not -0.0, nor 1 True)."""
    return marshal.dumps(a) == marshal.dumps(b)


def test_the_answers_are_the_dicts_to_the_sign_and_type_of_each_value(tmp_path, monkeypatch, reader):
    values = [-3.5, -0.0, 0.0, 1, 1.0, True, "N", "NV", "", None, 2.25e-300]
    table = {word: values[i % len(values)] for i, word in enumerate(_words(700))}
    read = _kept_and_read(tmp_path, monkeypatch, table, "missing")
    for key in [*table, "", "nope", "é", "日本", "a" * 40, "\ud800", "Aw26 "]:
        assert _same(read[key], table.get(key, "missing")), key
        assert _same(read[key], table.get(key, "missing")), key  # (kept)


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.text(max_size=12) | st.sampled_from(["a\nb", "\n"]), st.sampled_from([-2.5, -0.0, 0.0, 3, "N", "JR", ""]), max_size=60),
       st.lists(st.text(max_size=12), max_size=20))
def test_the_answers_of_any_table_are_its_dicts(tmp_path_factory, table, asked):
    tmp_path = tmp_path_factory.mktemp("t")
    with pytest.MonkeyPatch.context() as monkeypatch:
        for compiled in (lexicon._COMPILED_TABLE, None):
            monkeypatch.setattr(lexicon, "_COMPILED_TABLE", compiled)
            read = _kept_and_read(tmp_path, monkeypatch, table, None, packed=not any("\n" in k for k in table))
            for key in [*table, *asked]:
                assert _same(read[key], table.get(key)), key


def test_the_answers_kept_are_bounded(tmp_path, monkeypatch, reader):
    monkeypatch.setattr(cachefile, "ANSWERS_KEPT", 10)
    table = dict.fromkeys(_words(100), "N")
    read = _kept_and_read(tmp_path, monkeypatch, table, "")
    for key in [*table, "x", "y"]:
        assert read[key] == table.get(key, "")
        assert len(read) <= 10
