"""The lexicon's cache file (textlint/lexicon.py): written and read back the same; a damaged
or foreign file is refused (and the tables are built again), never half read."""

from __future__ import annotations

import functools
import random

import pytest

from textlint import lexicon


@pytest.fixture(autouse=True)
def _python_tables(monkeypatch):
    """The tables read in Python, and their policy of building dicts (a compiled reader reads in
    place throughout: tests/test_native_table.py)."""
    monkeypatch.setattr(lexicon, "_COMPILED_TABLE", None)


def tables() -> tuple[dict[str, int], dict[str, int]]:
    rng = random.Random(14)
    words = {"the", "a", "über", "naïve", "ⅷ", "日本", "zzz", "x\ud800y"} | {
        "".join(rng.choice("abcdeé") for _ in range(rng.randint(1, 12))) for _ in range(3000)}
    zipf = {w: rng.randint(-300, 800) for w in words}
    pmi = {f"{a} {b}": rng.randint(-500, 700) for a, b in zip(sorted(words), sorted(words)[1:])}
    return zipf, pmi


def written_and_read(tmp_path, zipf: dict[str, int], pmi: dict[str, int]) -> lexicon.Lexicon:
    """The lexicon read back from a cache file written with *zipf* and *pmi*."""
    path = tmp_path / "lexicon.bin"
    lexicon._write(path, zipf, pmi, -6.5)
    return lexicon._read(path)


def test_a_written_cache_reads_back_the_same_tables(tmp_path):
    zipf, pmi = tables()
    read = written_and_read(tmp_path, zipf, pmi)
    assert read.bigram_floor == -6.5 and len(read) == len(zipf)
    for word in [*zipf, "", "missing", "ü", "zzzz"]:
        assert read.zipf_table().get(word) == zipf.get(word), word
    for pair in [*list(pmi)[:500], "the a", ""]:
        assert read.pmi_table().get(pair) == pmi.get(pair), pair
    assert read.pmi_max == max(pmi.values()) / 100
    read.expect(10**7)  # a long document: the dicts
    assert read.zipf_table() == zipf and read.pmi_table() == pmi
    assert read.pmi_max == max(pmi.values()) / 100  # (read from the table before it became one)


def test_the_highest_pmi_of_an_empty_pair_list_is_zero(tmp_path):
    path = tmp_path / "lexicon.bin"
    lexicon._write(path, {"the": 700}, {}, -6.5)
    assert lexicon._read(path).pmi_max == 0.0 == lexicon.Lexicon({"the": 700}, {}, -6.5).pmi_max


def test_the_cache_records_which_words_begin_and_end_a_pair(tmp_path):
    zipf, pmi = tables()
    path = tmp_path / "lexicon.bin"
    lexicon._write(path, zipf, pmi, -6.5)
    firsts = {pair.split(" ")[0] for pair in pmi}
    seconds = {pair.split(" ")[1] for pair in pmi}
    read = lexicon._read(path)
    for _ in range(2):  # in place, then from the dicts
        for word in [*zipf, "", "missing"]:
            assert read.pair_sides(word) == (lexicon.BEGINS_PAIR * (word in firsts)
                                             | lexicon.ENDS_PAIR * (word in seconds)), word
        read.expect(10**7)
    # tables built in memory (a read-only cache folder) have them too
    assert lexicon.Lexicon(zipf, pmi, -6.5).pair_sides_table() == read.pair_sides_table()


def test_the_longest_word_bounds_every_word_read_in_place_or_from_the_dict(tmp_path):
    zipf, pmi = tables()
    zipf["abcdeéabcdeéabcdeé"] = 100  # the longest: 18 characters, 21 bytes
    read = written_and_read(tmp_path, zipf, pmi)
    assert isinstance(read.zipf_table(), lexicon.Table)
    assert read.longest_word == max(len(w.encode("utf-8", "surrogatepass")) for w in zipf) == 21
    assert lexicon.Lexicon(zipf, pmi, -6.5).longest_word == 18


def test_the_words_from_a_zipf_are_the_same_from_the_dict_or_in_memory(tmp_path):
    zipf, pmi = tables()
    in_memory, read = lexicon.Lexicon(zipf, pmi, -6.5), written_and_read(tmp_path, zipf, pmi)
    asked = lexicon.STRINGS_BEFORE_A_SET
    assert read.words_from(3.0, asked) is None  # read in place: its reads lead to its dict
    assert isinstance(read.zipf_table(), lexicon.Table)
    read.expect(10**7)
    for least in (3.0, 0.01, 2.995, 7.99, 8.0, 8.01):
        words = {w for w, value in zipf.items() if value / 100 >= least}
        assert read.words_from(least, asked).keys() == in_memory.words_from(least, asked).keys() == words, least


def test_the_words_from_a_zipf_are_made_a_set_once_enough_strings_were_asked():
    lex = lexicon.Lexicon({"the": 700, "cat": 450, "zyx": 100}, {}, -6.5)
    assert lex.words_from(4.0, lexicon.STRINGS_BEFORE_A_SET - 1) is None
    assert lex.words_from(4.0, 1).keys() == {"the", "cat"}
    assert lex.words_from(4.0, 0).keys() == {"the", "cat"}


def test_the_reach_of_a_text_into_the_words_from_a_zipf():
    lex = lexicon.Lexicon({"the": 700, "there": 500, "cathedral": 450, "café": 450, "zyx": 100}, {}, -6.5)
    assert lex.word_reach(4.0, "therapy") is None  # no set of the words yet
    lex.words_from(4.0, lexicon.STRINGS_BEFORE_A_SET)
    assert lex.word_reach(4.0, "therapy") == (4, 0)  # "ther(e)"; no word ends in "y"
    assert lex.word_reach(4.0, "cathedrals") == (9, 0)
    assert lex.word_reach(4.0, "breathe") == (0, 3)  # "the" ends it
    assert lex.word_reach(4.0, "caf") == (2, 0)  # the ASCII words only: "ca(thedral)", not "caf(é)"
    assert lex.word_reach(4.0, "zyx") == (0, 0)  # too rare
    assert lex.word_reach(4.0, "") == (0, 0)


@pytest.mark.parametrize("cut", [0, 10, 47, 48, 200, -1, -9])
def test_a_damaged_cache_is_refused(tmp_path, cut):
    zipf, pmi = tables()
    path = tmp_path / "lexicon.bin"
    lexicon._write(path, zipf, pmi, -6.5)
    data = path.read_bytes()
    path.write_bytes(data[:cut] if cut >= 0 else data[:len(data) + cut])
    with pytest.raises(ValueError):
        lexicon._read(path)


def test_another_format_is_refused(tmp_path):
    path = tmp_path / "lexicon.bin"
    path.write_bytes(b"TLLX" + bytes(200))
    with pytest.raises(ValueError):
        lexicon._read(path)


def test_prepare_for_much_text_builds_the_dicts_of_a_loaded_lexicon(tmp_path, monkeypatch):
    # what a parallel run does before its workers fork (textlint/runner.py)
    zipf, pmi = tables()
    path = tmp_path / "lexicon.bin"
    lexicon._write(path, zipf, pmi, -6.5)
    loaded = functools.lru_cache(maxsize=1)(lambda: lexicon._read(path))
    monkeypatch.setattr(lexicon, "get_lexicon", loaded)
    lexicon.prepare_for(10**7)
    assert loaded.cache_info().currsize == 0  # no check has loaded it: it stays unloaded
    read = loaded()
    read.zipf("the"), read.pair_sides("the"), read.pmi("the", "a")  # the first file's questions
    lexicon.prepare_for(1_000)  # little text: the tables answer in place
    assert isinstance(read.zipf_table(), lexicon.Table) and isinstance(read.pmi_table(), lexicon.Table)
    lexicon.prepare_for(10**8)
    assert read.zipf_table() == zipf and read.pmi_table() == pmi


def test_prepare_for_leaves_in_place_the_tables_no_check_asked(tmp_path, monkeypatch):
    # a run whose selected rules ask only about pairs (cleanup.DoubledWord) builds no word dict
    zipf, pmi = tables()
    path = tmp_path / "lexicon.bin"
    lexicon._write(path, zipf, pmi, -6.5)
    monkeypatch.setattr(lexicon, "get_lexicon", functools.lru_cache(maxsize=1)(lambda: lexicon._read(path)))
    read = lexicon.get_lexicon()  # loaded by a check, which asked about one pair
    read.pmi("the", "the")
    lexicon.prepare_for(10**8)
    assert read.pmi_table() == pmi
    assert isinstance(read.zipf_table(), lexicon.Table) and isinstance(read.pair_sides_table(), lexicon.Table)


def test_a_table_answers_in_place_until_building_its_dict_would_have_paid(tmp_path):
    zipf, pmi = tables()
    read = written_and_read(tmp_path, zipf, pmi)
    table = read.zipf_table()
    assert table.build_after == round(lexicon.BUILD_COST_PER_KEY * len(zipf)) > 0
    words = sorted(zipf)
    for i in range(table.build_after):
        assert table.get(words[i % len(words)]) == zipf[words[i % len(words)]]
    assert read.zipf_table() is table  # still in place
    assert table.get("missing", -1) == -1  # one question more: the dict answers
    assert read.zipf_table() == zipf and table.get(words[0]) == zipf[words[0]]


def test_a_long_text_builds_the_dicts_it_asks_most_and_leaves_the_pairs_in_place(tmp_path):
    zipf, pmi = tables()
    read = written_and_read(tmp_path, zipf, pmi)
    # 1.5 questions a word about the words, 0.225 about the pairs' words, 0.15 about the pairs
    # (QUESTIONS_PER_WORD): the dicts of the first two pay (BUILD_COST_PER_KEY), the pairs' does not
    read.expect(3 * len(zipf) // 2)
    assert read.zipf_table() == zipf and read.pair_sides_table() == lexicon.pair_sides(pmi)
    assert isinstance(read.pmi_table(), lexicon.Table)
    for pair in list(pmi)[:100]:
        assert read.pmi(*pair.split(" ")) == pmi[pair] / 100


def test_a_damaged_index_answers_nothing_wrong(tmp_path):
    zipf, pmi = tables()
    read = written_and_read(tmp_path, zipf, pmi)
    table = read.zipf_table()
    table._slots = [len(zipf) + 7] * len(zipf)  # every slot beyond the keys
    assert table.get("the", -1) == -1


def test_a_key_asked_again_is_answered_from_the_answers_kept_and_counts_once(tmp_path):
    zipf, pmi = tables()
    read = written_and_read(tmp_path, zipf, pmi)
    table = read.zipf_table()
    for _ in range(3):
        assert table.get("the") == zipf["the"] and table.get("missing", -1) == -1
        assert table.get("missing") is None and "missing" not in table
    assert table.asked == 2  # two keys read in place, once each
    table._slots = []  # the file is not read again for them
    assert table.get("the") == zipf["the"] and table.get("missing", 0) == 0
