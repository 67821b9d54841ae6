"""textlint/cachefile.py's table_of: a data file's table kept decoded in the cache directory."""

from __future__ import annotations

import os

from textlint import cachefile


def _table_of(tmp_path, monkeypatch, source, calls, keep=cachefile.table_of):
    """*keep* ("words", *source*, a build that reads it and counts its calls in *calls*), with
    the cache directory in *tmp_path*."""
    monkeypatch.setenv("TEXTLINT_CACHE_DIR", str(tmp_path / "cache"))

    def build():
        calls.append(1)
        return dict(line.split("\t") for line in source.read_text().splitlines())

    return keep("words", source, build)


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


def _damaged_kept_table(tmp_path):
    """The one kept table of the cache under *tmp_path*, with a byte of its data flipped (inside
    the table's bytes, or its last piece's: the checksum no longer holds)."""
    [kept] = (tmp_path / "cache").glob("words-*")
    data = bytearray(kept.read_bytes())
    data[-3] ^= 0xFF
    kept.write_bytes(bytes(data))
    return kept


def test_a_damaged_cache_is_read_again(tmp_path, monkeypatch):
    source = tmp_path / "words.tsv"
    source.write_text("cat\tN\ndog\tNV\n")
    calls = []
    _table_of(tmp_path, monkeypatch, source, calls)
    kept = _damaged_kept_table(tmp_path)
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


# -- table_in_shards: the same table, its pieces decoded when first asked ---------------------------

def _in_shards(tmp_path, monkeypatch, source, calls):
    return _table_of(tmp_path, monkeypatch, source, calls, cachefile.table_in_shards)


def _words(n):
    """*n* words of many first letters, cases and scripts, with their classes."""
    firsts = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéÉßΣ日1-"
    return {f"{firsts[i % len(firsts)]}w{i}": "NV"[i % 2] for i in range(n)}


def test_a_table_in_shards_answers_as_its_dict_and_decodes_only_what_is_asked(tmp_path, monkeypatch):
    source = tmp_path / "words.tsv"
    words = _words(500)
    source.write_text("".join(f"{w}\t{c}\n" for w, c in words.items()))
    calls = []
    table = _in_shards(tmp_path, monkeypatch, source, calls)
    pieces = table._left
    assert pieces > 8
    assert table.get("aw0") == "N" and table.get("Aw26") == "N"  # one letter's two cases: one piece
    assert table._left == pieces - 1
    assert table.get("", "none") == "none" and table.get("aw-missing", "") == ""
    kept = _in_shards(tmp_path, monkeypatch, source, calls)  # read back from the cache
    assert len(calls) == 1
    for t in (table, kept):
        assert all(t.get(w) == c for w, c in words.items())
        assert t._left == 0 and t.get.__self__ is t._table  # the dict's own get once whole


def test_the_rest_of_a_table_in_shards_is_decoded_once_most_is(tmp_path, monkeypatch):
    source = tmp_path / "words.tsv"
    words = _words(500)
    source.write_text("".join(f"{w}\t{c}\n" for w, c in words.items()))
    table = _in_shards(tmp_path, monkeypatch, source, [])
    pieces, asked = table._left, set()
    for w in words:
        if table._left == 0:
            break
        asked.add(cachefile._shard(w))
        table.get(w)
    assert len(asked) <= pieces * 3 // 4 + 1 and table._left == 0
    assert table.get.__self__ is table._table


def test_a_damaged_table_in_shards_is_read_again(tmp_path, monkeypatch):
    source = tmp_path / "words.tsv"
    source.write_text("cat\tN\ndog\tNV\n")
    calls = []
    _in_shards(tmp_path, monkeypatch, source, calls)
    _damaged_kept_table(tmp_path)
    assert _in_shards(tmp_path, monkeypatch, source, calls).get("dog") == "NV"
    assert len(calls) == 2


def test_a_piece_that_does_not_decode_has_the_table_built_again():
    built = []

    def build():
        built.append(1)
        return {"cat": "N", "dog": "NV"}

    table = cachefile.Shards([b"\x00not marshal"] * cachefile.SHARDS, build)
    assert table.get("dog") == "NV" and table.get("cat") == "N" and len(built) == 1


def test_an_unwritable_cache_only_means_building_the_table_in_shards(tmp_path, monkeypatch):
    source = tmp_path / "words.tsv"
    source.write_text("cat\tN\n")
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    monkeypatch.setenv("TEXTLINT_CACHE_DIR", str(blocked))
    assert cachefile.table_in_shards("words", source, lambda: {"cat": "N"}).get("cat") == "N"
