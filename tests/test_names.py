"""cleanup.NameVariant."""

from __future__ import annotations

import pytest

from cleanup_helpers import fixed, found

RULE = "cleanup.NameVariant"


def test_flags_the_rarer_spelling_of_a_name_with_a_shared_neighbour():
    text = "Russian President Vladimir Putin spoke. Later Wladimir Putin left."
    assert found(RULE, text) == ["Wladimir"]
    assert fixed(RULE, text) == text.replace("Wladimir", "Vladimir")


def test_a_run_on_neighbour_still_ties_the_names():
    text = "Vladimir Putin spoke. The President of Russia, Wladimir Putinin his capacity, agreed."
    assert found(RULE, text) == ["Wladimir"]


def test_only_the_occurrences_next_to_the_shared_name_are_flagged():
    # "Yury Malenchenko" is another person: nothing ties his first name to Gagarin's
    text = ("Yuri Gagarin flew first. Yuri Gagarin was brave. Cosmonaut Yury Malenchenko "
            "spoke. A monument to Yury Gagarin opened.")
    assert found(RULE, text) == ["Yury"]
    assert fixed(RULE, text) == text.replace("to Yury Gagarin", "to Yuri Gagarin")


@pytest.mark.parametrize("text", [
    "Russia and the Russian delegation met Russians in Moscow.",
    "Mr Brown met Mr Crown in London.",
    "Anna Smith and Anne Smith are sisters.",
    "Vladimir Putin met Vladimir Putin's guests.",
    "The Trade Minister and the Grade Minister met.",
    "Sergey Lavrov and Sergei Lavrov are both usual spellings.",
    # a title (a common noun in LanguageTool's dictionary) ties no two names together
    "Senator Olumide spoke first. Senator Olumidi spoke later.",
    "Governor Olumide spoke first. Governor Olumidi spoke later.",
])
def test_leaves_inflections_titles_common_words_and_usual_variants_alone(text):
    assert found(RULE, text) == []


def test_a_shared_first_name_ties_two_spellings():
    assert found(RULE, "Yuri Olumide spoke first. Yuri Olumidi spoke later.") == ["Olumidi"]


def test_the_names_are_found_as_the_pattern_finds_them(monkeypatch):
    """_names scans plain text and pieces with the plain pattern and the others with _NAME: the
    same matches, in order, as one scan of the whole text with _NAME, pieces of plain and of
    other text side by side."""
    import random

    from textlint import document
    from textlint.checks import names
    from textlint.document import Document

    monkeypatch.setattr(names, "NAME_PIECE", 8)
    rng = random.Random(14)
    pieces = ["Putin", "Anna", "Abc", "OBAMA", "McDonald", "Jones’s", "Jones's", "x-Smith", "'Smith", "Smith-x",
              "Smithy2", "2Smith", "Émile", "Zoë", "Stra\u00dfe", "Cafe\u0301", "Kyiv", "É", "a", "B", "ab", "-",
              "'", "’", ".", " ", "  ", "\n", "\u00a0", "\t", "\u2009", "\x1c", "\u00aaAbcd", "Abcd\u00ba", "Ma\u00b5o",
              "\u00deorn", "Øyvind", "Ängel", "Paÿs", "Ab×cd", "Abcd÷", "Ÿves", "\u203f", "Abc\u2071", "\u2019s"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 30)))
        plain = Document(text).plain
        assert plain == document.plain(text), text
        assert names._names(text, plain) == names._NAME.findall(text), text
