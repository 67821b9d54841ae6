"""textlint/cachefile.py's table_of: a data file's table kept decoded in the cache directory."""

from __future__ import annotations

import os

from textlint import cachefile


def _table_of(tmp_path, monkeypatch, source, calls):
    monkeypatch.setenv("TEXTLINT_CACHE_DIR", str(tmp_path / "cache"))

    def build():
        calls.append(1)
        return dict(line.split("\t") for line in source.read_text().splitlines())

    return cachefile.table_of("words", source, build)


def test_a_kept_table_is_read_back_and_a_new_source_is_read_again(tmp_path, monkeypatch):
    source = tmp_path / "words.tsv"
    source.write_text("cat\tN\ndog\tNV\n")
    calls = []
    assert _table_of(tmp_path, monkeypatch, source, calls) == {"cat": "N", "dog": "NV"}
    assert _table_of(tmp_path, monkeypatch, source, calls) == {"cat": "N", "dog": "NV"}
    assert len(calls) == 1  # the second came from the cache
    source.write_text("cat\tN\ndog\tN\nemu\tN\n")
    os.utime(source, ns=(1, 1))
    assert _table_of(tmp_path, monkeypatch, source, calls) == {"cat": "N", "dog": "N", "emu": "N"}
    assert len(calls) == 2


def test_a_damaged_cache_is_read_again(tmp_path, monkeypatch):
    source = tmp_path / "words.tsv"
    source.write_text("cat\tN\ndog\tNV\n")
    calls = []
    _table_of(tmp_path, monkeypatch, source, calls)
    [kept] = (tmp_path / "cache").glob("words-*")
    data = bytearray(kept.read_bytes())
    data[-3] ^= 0xFF  # inside the table's bytes: the checksum no longer holds
    kept.write_bytes(bytes(data))
    assert _table_of(tmp_path, monkeypatch, source, calls) == {"cat": "N", "dog": "NV"}
    assert len(calls) == 2
    kept.write_bytes(b"\x00not marshal")
    assert _table_of(tmp_path, monkeypatch, source, calls) == {"cat": "N", "dog": "NV"}
    assert len(calls) == 3


def test_an_unwritable_cache_only_means_reading_the_source(tmp_path, monkeypatch):
    source = tmp_path / "words.tsv"
    source.write_text("cat\tN\n")
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    monkeypatch.setenv("TEXTLINT_CACHE_DIR", str(blocked))
    assert cachefile.table_of("words", source, lambda: {"cat": "N"}) == {"cat": "N"}


def test_installs_of_other_data_keep_their_own_tables(tmp_path, monkeypatch):
    """Two installs of different versions of the data file, used in turn: neither replaces the
    other's table, so each reads its source once."""
    first, second = tmp_path / "a" / "words.tsv", tmp_path / "b" / "words.tsv"
    for source, line in ((first, "cat\tN\n"), (second, "cat\tV\n")):
        source.parent.mkdir()
        source.write_text(line)
    calls = []
    for _ in range(2):
        assert _table_of(tmp_path, monkeypatch, first, calls) == {"cat": "N"}
        assert _table_of(tmp_path, monkeypatch, second, calls) == {"cat": "V"}
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
        assert _table_of(tmp_path, monkeypatch, source, calls) == {"cat": "N", "dog": "NV"}
    assert len(calls) == 1
