"""The compiled reader of the lexicon's tables (native/src/table.rs, ``LexiconTable``) against
its Python twin, :meth:`textlint.lexicon.Table.get` read in place: the same answer for every
key, present or not, ASCII or not, on tables the cache writer made and on damaged ones; and
the compiled tables' policy (they answer in place and never build their dicts to answer)."""

from __future__ import annotations

import array
import random
import struct

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from textlint import lexicon, native

from table_twins import engine_questions, python_get
from table_twins import written as written_at

COMPILED = native.function("LexiconTable")
pytestmark = pytest.mark.skipif(
    COMPILED is None, reason="textlint_native lacks LexiconTable (not built: native/README.md), or TEXTLINT_NATIVE=0")

#: Keys a table may be asked of: ASCII, Latin-1, wider, astral, a lone surrogate (which
#: Table.get encodes with "surrogatepass"), capitals, and the empty key.
KEY = st.text(st.sampled_from("abcxyz eéÉİıßΣσς日ⅷ\U0001d400\ud800Q-'"), max_size=9)
MISSING = ["", "missing", "ü", "zzzz", "the ", " the", "thé", "x\ud800", "\ud800", "日本語", "a" * 300]


def written(tmp_path, zipf: dict[str, int], pmi: dict[str, int], name: str = "lexicon.bin") -> lexicon.Lexicon:
    return written_at(tmp_path / name, zipf, pmi)


def some_tables() -> tuple[dict[str, int], dict[str, int]]:
    rng = random.Random(19)
    words = {"the", "a", "über", "naïve", "ⅷ", "日本", "zzz", "x\ud800y", "İstanbul", "ς", "\U0001d400"} | {
        "".join(rng.choice("abcdeé") for _ in range(rng.randint(1, 12))) for _ in range(3000)}
    zipf = {w: rng.randint(-300, 800) for w in words}
    pmi = {f"{a} {b}": rng.randint(-500, 700) for a, b in zip(sorted(words), sorted(words)[1:])}
    return zipf, pmi


def test_a_read_cache_answers_through_the_compiled_reader(tmp_path):
    read = written(tmp_path, *some_tables())
    for table in (read.zipf_table(), read.pmi_table(), read.pair_sides_table()):
        assert isinstance(table, lexicon.Table) and table.compiled
        assert type(table.get).__name__ == "builtin_function_or_method"  # a C-level call


def test_every_key_of_a_written_table_and_missing_ones_answer_as_the_python_twin(tmp_path):
    zipf, pmi = some_tables()
    read = written(tmp_path, zipf, pmi)
    for table, source in ((read.zipf_table(), zipf), (read.pmi_table(), pmi),
                          (read.pair_sides_table(), lexicon.pair_sides(pmi))):
        for key in [*source, *MISSING, *(k.upper() for k in list(source)[:200])]:
            assert table.get(key) == python_get(table, key) == source.get(key), key
            assert table.get(key, -1) == python_get(table, key, -1) == source.get(key, -1), key
        assert table.get("absent", None) is None and table.get("absent", table) is table


@given(st.dictionaries(KEY.filter(lambda k: "\n" not in k), st.integers(-32768, 32767), max_size=40),
       st.lists(KEY, max_size=20))
@example({}, [""])
@example({"": 5}, ["", "a"])
@example({"σ": 1, "ς": 2, "Σ": 3}, ["σ", "ς", "Σ", "σς"])
def test_generated_tables_answer_as_the_python_twin(tmp_path_factory, table, asked):
    read = written(tmp_path_factory.mktemp("t"), table, {})
    words = read.zipf_table()
    for key in [*table, *asked]:
        assert words.get(key, 0) == python_get(words, key, 0) == table.get(key, 0), key


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    """A cache file of :func:`some_tables` and where its word table's parts are."""
    zipf, pmi = some_tables()
    path = tmp_path_factory.mktemp("cache") / "lexicon.bin"
    lexicon._write(path, zipf, pmi, -6.5)
    data = path.read_bytes()
    n, keys, groups, _ = struct.unpack_from("<QQQQ", data, 16)
    parts, pos = {}, lexicon._aligned(lexicon._HEADER.size)
    for name, length in (("offsets", 4 * (n + 1)), ("values", 2 * n), ("slots", 4 * n),
                         ("starts", 4 * (lexicon._buckets(n) + 1)), ("group values", 4 * groups),
                         ("group ends", 4 * groups), ("keys", keys)):
        parts[name] = (pos, length)
        pos += lexicon._aligned(length)
    return data, parts, sorted(zipf)


@given(st.sampled_from(["offsets", "values", "slots", "starts", "keys"]), st.data())
def test_a_damaged_cache_answers_as_the_python_twin(tmp_path_factory, cache, part, data):
    """Bytes of a part overwritten (slots beyond the keys, offsets beyond the file, starts out
    of order, ...): whatever the cache still reads as, the compiled reader answers what the
    Python twin answers, and neither reads beyond the buffer."""
    original, parts, words = cache
    pos, length = parts[part]
    damaged = bytearray(original)
    for _ in range(data.draw(st.integers(1, 40))):
        at = pos + data.draw(st.integers(0, length - 1))
        damaged[at] = data.draw(st.sampled_from([0, 1, 0x7F, 0x80, 0xFF, damaged[at] ^ 1]))
    path = tmp_path_factory.mktemp("damaged") / "lexicon.bin"
    path.write_bytes(bytes(damaged))
    try:
        table = lexicon._read(path).zipf_table()
    except ValueError:
        return  # refused whole: nothing is read in place
    for key in [*data.draw(st.lists(st.sampled_from(words), max_size=60)), *MISSING]:
        assert table.get(key, -1) == python_get(table, key, -1), key


@given(st.binary(max_size=40), st.integers(0, 8),
       st.lists(st.integers(0, 50), min_size=1, max_size=12), st.lists(st.integers(-9, 9), min_size=1, max_size=12),
       st.lists(st.integers(0, 14), min_size=1, max_size=12), st.lists(st.integers(0, 14), min_size=2, max_size=9),
       st.lists(st.text("ab\n\x00é", max_size=4), max_size=6))
@example(b"ab\ncd\n", 0, [0, 0, 3], [1, 2], [0, 1], [0, 2], ["", "ab"])  # key 0: keys[0:-1]
def test_arbitrary_parts_answer_as_the_python_twin(keys, base, offsets, values, slots, starts, asked):
    """Parts no cache holds (an offset of 0 at base 0 makes Python's slice end -1: all the keys
    but the last byte; starts of any length from two): the same answers. (Not empty arrays: an
    empty ``array.array``'s buffer is not aligned, and its table answers in Python.)"""
    table = lexicon.Table(keys, base, array.array("I", offsets), array.array("h", values),
                          (array.array("I", slots), array.array("I", starts)), ((), ()), 0)
    assert table.compiled
    for key in asked:
        assert table.get(key, -1) == python_get(table, key, -1), key


def test_parts_without_the_cache_s_buffers_answer_in_python():
    table = lexicon.Table(b"a\n", 0, [0, 2], [5], ([0], [0, 1]), ((5,), (1,)), 1)
    assert not table.compiled and table.get("a") == 5 and table.build_after == 0
    with pytest.raises(ValueError):
        COMPILED(b"a\n", 0, array.array("I", [0, 2]), array.array("h", [5]), array.array("I", [0]),
                 array.array("I", [0]))  # (one start: no bucket)


def test_a_key_that_is_no_str_fails_as_in_python(tmp_path):
    table = written(tmp_path, {"the": 700}, {}).zipf_table()
    for key in (5, b"the", None):
        with pytest.raises(AttributeError):
            python_get(table, key)
        with pytest.raises(AttributeError):
            table.get(key)


def test_the_real_lexicon_answers_as_the_python_twin():
    read = lexicon._load()
    rng = random.Random(19)
    for table in (read.zipf_table(), read.pmi_table(), read.pair_sides_table()):
        assert table.compiled
        keys = table.keys_from(lambda value: True)
        sample = rng.sample(list(keys), 3000)
        for key in [*sample, *(k[::-1] for k in sample), *MISSING]:
            assert table.get(key) == python_get(table, key), key


def test_the_engine_s_questions_answer_as_the_python_twin(seed_text, monkeypatch):
    """The questions a check of the seed article (all default rules) asks of each table of the
    process's lexicon, recorded with the compiled answers, asked again of the Python twin."""
    _, asked = engine_questions(seed_text, monkeypatch)
    for table, args, answer in asked:
        assert answer == python_get(table, *args), args


# the compiled tables' policy ------------------------------------------------------------------

def test_a_compiled_table_answers_in_place_however_long_the_text(tmp_path, monkeypatch):
    zipf, pmi = some_tables()
    read = written(tmp_path, zipf, pmi)
    tables = (read.zipf_table(), read.pmi_table(), read.pair_sides_table())
    assert all(t.build_after == float("inf") for t in tables)
    read.expect(10**9)
    lexicon.prepare_for(10**10)  # (no lexicon loaded by get_lexicon: nothing)
    assert (read.zipf_table(), read.pmi_table(), read.pair_sides_table()) == tables
    for word in zipf:
        assert read.zipf(word) == zipf.get(word.lower(), 0) / 100
    assert read.zipf_table() is tables[0]


def test_the_words_from_a_zipf_are_read_in_place_the_same(tmp_path):
    zipf, pmi = some_tables()
    in_memory, read = lexicon.Lexicon(zipf, pmi, -6.5), written(tmp_path, zipf, pmi)
    asked = lexicon.STRINGS_BEFORE_A_SET
    assert read.words_from(3.0, asked - 1) is None  # too few strings asked yet
    for least in (3.0, 0.01, 2.995, 7.99, 8.0, 8.01, -3.0, -2.99):
        words = {w for w, value in zipf.items() if value / 100 >= least}
        assert read.words_from(least, asked).keys() == in_memory.words_from(least, asked).keys() == words, least
    assert read.zipf_table().compiled and read.zipf_table()._dict is None  # no dict built
    assert read.word_reach(3.0, "the") == in_memory.word_reach(3.0, "the")


def test_a_compiled_table_built_answers_from_its_dict_and_lets_the_file_go(tmp_path):
    zipf, pmi = some_tables()
    read = written(tmp_path, zipf, pmi)
    table = read.zipf_table()
    assert table.build() == zipf and read.zipf_table() == zipf
    assert table.get == read.zipf_table().get  # (the dict's get: the reader and its buffers are gone)
    assert table.get("the", -1) == zipf.get("the", -1) and python_get(table, "the") == zipf.get("the")
