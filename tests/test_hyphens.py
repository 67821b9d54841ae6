"""cleanup.StrayHyphen."""

from __future__ import annotations

import pytest

from cleanup_helpers import fixed, found

RULE = "cleanup.StrayHyphen"


@pytest.mark.parametrize("text, expected", [
    ("It coordinates cooperation. -Military with foreign countries.",
     "It coordinates cooperation. Military with foreign countries."),
    ("-The meeting was attended by aides.", "The meeting was attended by aides."),
    ("-Let’s discuss these matters today.", "Let’s discuss these matters today."),
    ("-I think so.", "I think so."),
    ("the High-Level Russian -Turkish Cooperation Council",
     "the High-Level Russian-Turkish Cooperation Council"),
    ("Both countries share long -term interests.", "Both countries share long-term interests."),
    # a name at a sentence start, unknown to the lexicon; a contraction of "I"
    ("There is no doubt.\n\n-Krasnogorsk does not yet have one.",
     "There is no doubt.\n\nKrasnogorsk does not yet have one."),
    ("You are good at this. -I’ve said so before.", "You are good at this. I’ve said so before."),
    # compounds of several parts, on either side of the stray hyphen; a bound prefix
    ("-Thirty-six planes arrived.", "Thirty-six planes arrived."),
    ("The Commander-in -Chief ordered it.", "The Commander-in-Chief ordered it."),
    ("They talked one -to-one for an hour.", "They talked one-to-one for an hour."),
    ("Its extensive and multi -faceted work.", "Its extensive and multi-faceted work."),
    # every bound prefix of wordclasses.PREFIXES, not only a listed few
    ("The counter -attack began at dawn.", "The counter-attack began at dawn."),
    # "so" is a coordinator and an adverb that starts compounds
    ("He spoke of the so -called reform.", "He spoke of the so-called reform."),
    # a suffix that is a preposition too continues the compound
    ("They have a partner -like relationship.", "They have a partner-like relationship."),
])
def test_flags_and_fixes(text, expected):
    assert found(RULE, text)
    assert fixed(RULE, text) == expected


@pytest.mark.parametrize("text, safe", [
    ("It coordinates cooperation. -Military with foreign countries.", True),
    ("Both countries share long -term interests.", True),
    ("They talked one -to-one for an hour.", True),
    ("Its extensive and multi -faceted work.", True),
    # next to a capitalised word the hyphen may be a dash typed short, or a name meant
    ("the High-Level Russian -Turkish Cooperation Council", False),
    ("The Commander-in -Chief ordered it.", False),
    # deleted safely only after a sentence end or a blank line: after a colon or at the start
    # of a line that goes on from the one before, a hyphen may be a sign
    ("There is no doubt.\n\n-Krasnogorsk does not yet have one.", True),
    ("It accepts these strings: -Infinity, Infinity and NaN.", False),
    (">>> print(neg_inf)\n-Infinity", False),
])
def test_fix_safety(text, safe):
    assert (fixed(RULE, text, unsafe=False) != text) is safe


@pytest.mark.parametrize("text", [
    "Hopping the Chairman of the Radical party in the Ward -little known in public life.",
    "He spoke of a cheap -little more than that.",
])
def test_a_dash_typed_short_is_not_joined_safely(text):
    assert fixed(RULE, text, unsafe=False) == text


@pytest.mark.parametrize("text", [
    "Hopping the Chairman of the Radical party in the Ward -little known in public life.",
    "They came from the North -most of them on foot.",
])
def test_a_dash_typed_short_after_a_capitalised_word_is_not_flagged(text):
    """After a name, a lowercase word that is no participle and makes no word pair with it
    starts an aside: the hyphen is a dash typed short."""
    assert found(RULE, text) == []


@pytest.mark.parametrize("text, expected", [
    ("The Kremlin -backed rebels fled.", "The Kremlin-backed rebels fled."),
    ("It is an English -speaking nation.", "It is an English-speaking nation."),
    ("The Russian -made rifles were found.", "The Russian-made rifles were found."),
    # a word that ends hyphenated compounds in LanguageTool's dictionary
    ("It was a Europe -wide ban.", "It was a Europe-wide ban."),
    ("They built a Western -style democracy.", "They built a Western-style democracy."),
])
def test_a_participle_or_compound_end_after_a_capitalised_word_is_a_split_compound(text, expected):
    assert fixed(RULE, text, unsafe=True) == expected


@pytest.mark.parametrize("text", [
    "Temperatures fell to -5 degrees.",
    "He left - and never came back.",
    "The talks – long and hard – ended.",
    "Shopping list:\n-bread\n-milk\n-eggs",
    "Run it with -help to see more.",
    "It was a -xyzzy token.",
    "the so-called Military-Technical Cooperation of Díaz-Canel",
    "Call -Monday- at noon.",
    # command-line options
    "Say git add -A to stage everything.",
    "Pass -Wl,-rpath,/opt/lib and -no\\_rand\\_screen to the linker.",
    "Start using -Wno-universal-initializer to squelch the warning.",
    "They had an in -depth talk.",  # a function word before: too often an option or an aside
    "the detection of emission -at longer wavelengths- associated with it",  # an aside
])
def test_leaves_minus_signs_dashes_lists_and_options_alone(text):
    assert found(RULE, text) == []


def test_technical_writing_gets_no_findings_for_options():
    from textlint.engine import Engine

    text = ("Build with `make`, then run `node --version` and `npm test`.\n\n"
            "Use `fs.open()` or `fs.readFile()`; add -municode and disable -Og there.\n")
    assert [d for d in Engine().lint(text, "build.md").diagnostics if d.rule == RULE] == []


BROKEN = "cleanup.BrokenHyphenation"


@pytest.mark.parametrize("text, expected", [
    ("The develop- ment of the region.", "The development of the region."),
    ("a new inter- national programme", "a new international programme"),
])
def test_broken_hyphenation_is_joined_safely(text, expected):
    assert found(BROKEN, text)
    assert fixed(BROKEN, text, unsafe=False) == expected


def test_broken_hyphenation_of_two_common_words_is_an_unsafe_fix():
    text = "They agreed on closer co- operation in the region."
    assert found(BROKEN, text) == ["co- operation"]
    assert fixed(BROKEN, text, unsafe=False) == text
    assert fixed(BROKEN, text) == text.replace("co- operation", "cooperation")


def test_broken_hyphenation_follows_the_documents_own_spelling():
    text = "The co-operation grew. They agreed on closer co- operation in the region."
    assert fixed(BROKEN, text, unsafe=False) == text.replace("co- operation", "co-operation")


@pytest.mark.parametrize("text", [
    "We now have both long- and short-range aircraft.",
    "a five- to nine-segmented body",
    "one key point- al-Qaeda attacks",
    "Indian troops- especially in Europe- and among the civilians",
    "including counter- proliferation work",
    "See http://example.com/develop- ment for details.",
])
def test_broken_hyphenation_leaves_alone(text):
    assert found(BROKEN, text) == []


def test_compound_ends_are_read_from_data():
    from textlint.wordclasses import compound_ends

    words = compound_ends()
    assert {"wide", "style", "free", "friendly"} <= words
    assert not words & {"little", "also", "most"}
