"""cleanup.DoubledWord."""

from __future__ import annotations

import random

import pytest
import regex

from cleanup_helpers import fixed, found
from textlint.checks import doubled
from textlint.document import Document

RULE = "cleanup.DoubledWord"


@pytest.mark.parametrize("text, expected", [
    ("In December 2021 the The Kremlin announced it.", "In December 2021 the Kremlin announced it."),
    ("Patriarch Kirill of Of Moscow led the service.", "Patriarch Kirill of Moscow led the service."),
    ("Vladimir Vladimir Putin: Thank you.", "Vladimir Putin: Thank you."),
    ("It is\nis conducted every year.", "It is conducted every year."),
    ("He said that That was wrong.", "He said that was wrong."),
    # a function word before its capitalised repeat is no title before a name
    ("Article 10 of this This Treaty applies.", "Article 10 of this Treaty applies."),
    # honorifics, the article "A" before a lowercase word, compounds and possessives
    ("At his request, Mr Mr Putin spoke.", "At his request, Mr Putin spoke."),
    ("They heard the St St Petersburg Philharmonic.", "They heard the St Petersburg Philharmonic."),
    ("A A special document was adopted.", "A special document was adopted."),
    # "that that" before a word that cannot follow the pronoun or determiner "that"
    ("We hope that that all that was started goes on.", "We hope that all that was started goes on."),
    ("Let me say again that that at the end of the year we did it.",
     "Let me say again that at the end of the year we did it."),
    # deliberate repeats are lowercase: capitalised at a sentence start they are slips
    ("This This Treaty shall enter into force.", "This Treaty shall enter into force."),
    ("Come and tell this this to the Minister.", "Come and tell this to the Minister."),
    # a plural possessive, and a verb (no title) before its capitalised repeat
    ("the two Churches’ Churches’ assessment", "the two Churches’ assessment"),
    ("Vladimir Putin congratulated Congratulated Recep Tayyip Erdogan.",
     "Vladimir Putin congratulated Recep Tayyip Erdogan."),
    ("They discussed military-technical Military-technical cooperation.",
     "They discussed military-technical cooperation."),
    ("It breaks the Russian Federation’s Federation’s laws.", "It breaks the Russian Federation’s laws."),
])
def test_flags_and_removes_the_repeat(text, expected):
    assert found(RULE, text)
    assert fixed(RULE, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("We reached the the end.", "We reached the end."),
    ("The the cat sat.", "The cat sat."),
    ("It was an an honour.", "It was an honour."),
])
def test_a_doubled_article_is_fixed_safely(text, expected):
    assert fixed(RULE, text, unsafe=False) == expected


@pytest.mark.parametrize("text", [
    "They met in in Havana.",  # "the flat they lived in in 1990" is grammatical
    "In December 2021 the The Kremlin announced it.",  # "a review of Of Mice and Men"
    "Foreign Minister Igor Ivanov Ivanov arrived.",  # "U Aung Aung"
    "Vladimir Vladimir Putin: Thank you.",
    "He said that That was wrong.",
    "We hope that that all that was started goes on.",
    "I will will hold the ladder.",
    "The sum a a is positive.",  # a single letter may be a variable
])
def test_other_repeats_get_an_unsafe_fix_only(text):
    assert found(RULE, text)
    assert fixed(RULE, text, unsafe=False) == text


@pytest.mark.parametrize("text", [
    "Do what you have to to take care of yourself.",
    "Tell me which paper you referred to to write this.",
    "The can can hold the water.",
    "May may be the best month.",
    "The will will be read tomorrow.",
    "Your turn to see how long Long Island really is.",
    "DURAN Duran",
    'The word "the the" is a slip every editor knows.',
])
def test_grammatical_repeats_and_names_are_not_flagged(text):
    assert found(RULE, text) == []


@pytest.mark.parametrize("text", [
    "What is the modern way to to the station?",
    "What is the modern way to to do it?",  # after a noun "to" is stranded nowhere
    "They sent it to to Moscow.",
    "I will will awake.",
    "That is Will Will.",
])
def test_the_same_words_are_slips_elsewhere(text):
    assert found(RULE, text)


@pytest.mark.parametrize("text", [
    "He had had enough.",
    "She said that that was wrong.",
    "They flew to Bora Bora and Walla Walla.",
    "Senior law lord Lord Bingham said so.",
    "Tories unveil plans\n\nPlans to abolish quangos were announced.",  # across paragraphs
    "The so-so results came in.",
    "Items A A and B were listed.",
    "Russia’s Russia-wide programme.",
    "Email me at me me@example.com today.",
    "A A Milne wrote it.",
    "It is important to stress that that is the motivation.",
    "We seek to ensure that that service becomes accountable.",
    "The ex-ex-wife and the so-so show.",
])
def test_leaves_deliberate_repeats_alone(text):
    assert found(RULE, text) == []


def test_the_yaml_repetition_rule_still_ships_off_by_default():
    from textlint import registry
    rule = next(r for r in registry.shipped_rules() if r.id == "proofread.RepeatedWord")
    assert not rule.default_enabled
    assert found("proofread.RepeatedWord", "They flew to Bora Bora.") == ["Bora Bora"]


# Evidence instead of lists (issue 12): web word pairs, the tagger dictionary, the document.

@pytest.mark.parametrize("text", [
    "Yeah yeah, we know.",  # the web writes "yeah yeah" far above chance
    "Blah blah, she said.",  # capitalised at a sentence start
    "You are too too nice.",  # a degree adverb before the adjective it intensifies
    "I love you so so much.",
    "It was far far away.",
    "It is much much better now.",
])
def test_repeats_that_english_makes_on_purpose_are_not_flagged(text):
    assert found(RULE, text) == []


@pytest.mark.parametrize("text", [
    "The cat does meow meow",  # an interjection the web pairs are too few to judge
    "Hush hush, she said.",
    "The pigs went oink oink!",
])
def test_a_rare_interjection_said_twice_on_its_own_is_not_flagged(text):
    assert found(RULE, text) == []


@pytest.mark.parametrize("text", [
    "He said help help.",  # frequent: the web pairs would hold the repeat if it were English
    "It said wow wow.",
    "The timber timber industry grew.",  # a word after it: no utterance of its own
    "The cat does meow meow loudly.",
])
def test_other_repeated_interjections_are_slips(text):
    assert found(RULE, text)


def test_interjections_are_read_from_data():
    from textlint.wordclasses import interjections

    words = interjections()
    assert {"meow", "hush", "phew"} <= words
    assert not words & {"well", "why", "there", "away", "the"}


@pytest.mark.parametrize("text", [
    "They taught the language language to children.",  # web pages repeat nouns (menus), prose does not
    "We read the document document twice.",
    "The weather was so so.",  # no adjective follows the degree adverb
    "Knock knock, said the porter.",  # no evidence in the web pairs or the document
    # an adjective or noun: web pages repeat them ("test test", "good good"), so the web
    # pairs vouch for no adjective, "bye bye" included
    "They waved bye bye from the bus.",
    "The heat-resistance test test bench was ready.",
    "Good Good afternoon, colleagues.",  # deliberate repeats are lowercase
    "Vladimir Putin: Very Very well.",
    "Thank you very much much for your support.",  # no adjective, adverb or quantifier follows
])
def test_repeats_without_evidence_are_flagged_with_an_unsafe_fix(text):
    assert found(RULE, text)
    assert fixed(RULE, text, unsafe=False) == text


@pytest.mark.parametrize("text", [
    "Duran Duran is awesome.",
    "They flew to Bora Bora last year.",
    "The road leads to Walla Walla.",
])
def test_a_reduplicated_name_that_stands_alone_is_not_flagged(text):
    """A capitalised word that LanguageTool's dictionary knows as no common word or
    adjective, repeated with no capitalised word around it, is a name by itself."""
    assert found(RULE, text) == []


@pytest.mark.parametrize("text", [
    "Foreign Minister Igor Ivanov Ivanov arrived.",  # a part of a longer name doubled
    "U Aung Aung, a lawyer from Yangon, wrote it.",
    "Thank Thank you, Mr President.",  # a verb
    "They kept it from entering Russian Russian territory.",  # an adjective
    "The state of affairs around Deir Deir ez-Zor was discussed.",
])
def test_a_capitalised_repeat_inside_a_name_or_of_a_common_word_is_flagged_unsafe(text):
    assert found(RULE, text)
    assert fixed(RULE, text, unsafe=False) == text


@pytest.mark.parametrize("text", [
    "They agreed on relations between Russia Russia and Austria.",  # the web never doubles it
    "They met in Moscow Moscow last week.",
    "Oil goes to Europe Europe by sea.",
    "He met Fidel Castro in Havana Havana.",  # reduplicated names repeat short words
    "Trade with Belarus Belarus grew. Belarus is a neighbour.",  # written alone elsewhere
])
def test_a_frequent_or_elsewhere_single_name_doubled_is_a_slip(text):
    assert found(RULE, text)
    assert fixed(RULE, text, unsafe=False) == text


def test_a_repeat_the_document_writes_twice_is_the_authors():
    text = "Knock knock, said the porter. Nobody came. Knock knock, he said again."
    assert found(RULE, text) == []


def test_a_doubled_function_word_written_twice_is_still_two_slips():
    text = "We reached the the end. Then we saw the the start."
    assert found(RULE, text) == ["the the", "the the"]


def test_a_repeated_slip_beside_the_single_word_is_still_flagged():
    """A corrupt interview repeats its slip in the speaker labels, but also writes the name
    once: the repeat is no name of the document's."""
    text = ("Vladimir Vladimir Putin: Good afternoon.\n\nValentina Tereshkova: Thank you.\n\n"
            "Vladimir Vladimir Putin: Yes.\n\nVladimir Putin: Of course.")
    assert found(RULE, text) == ["Vladimir Vladimir", "Vladimir Vladimir"]


@pytest.mark.parametrize("text, words", [
    # a paragraph whose first line alone is indented goes on at the margin: the same sentence
    ("    They met in\nin Havana last year and talked.\n", ["in"]),
    ("Intro.\n\n    They met in\nin Havana last year.\n", ["in"]),
    # a line indented otherwise in the middle of a block starts a new one
    ("Intro line\n    They met in\nin Havana last year.\n", []),
    ("name : str\n    Str of the name.\n", []),
])
def test_a_repeat_on_a_line_indented_otherwise_is_judged_by_the_paragraph(text, words):
    assert [stretch.split()[0] for stretch in found(RULE, text)] == words


def test_plain_characters_are_compared_as_regex_compares_them() -> None:
    # doubled._repeated_runs answers plain text with a bytes table of lowercase letters
    latin1 = [chr(c) for c in range(256)]
    marks = [c for c in map(chr, range(0x2000, 0x2100)) if not doubled._NOT_PLAIN.match(c)]
    assert not any(doubled._NOT_PLAIN.match(c) for c in latin1)
    assert all(doubled._NOT_PLAIN.match(c) for c in map(chr, range(256, 0x2000)))
    assert not "?".isalpha() and all(c.encode("latin-1", "replace") == b"?" for c in marks)
    letter, word = regex.compile(r"\p{L}"), regex.compile(r"[\w\p{M}]")
    for c in latin1:
        assert len(c.lower()) == 1 and c.lower() <= "\xff", c
        assert bool(letter.match(c)) == c.isalpha(), c
        assert doubled._LOWER_LETTERS_ONLY[ord(c)] == (ord(c.lower()) if c.isalpha() else 0x20), c
        assert not word.match(c) or c.isalnum() or c == "_", c
    assert len(marks) > 60 and not any(word.match(c) or c.lower() != c for c in marks)
    letters = [c for c in latin1 if c.isalpha()]
    same = regex.compile(r"(?i)(\p{L}) (?P=1)")
    for c in letters:
        for d in letters:
            assert bool(same.fullmatch(f"{c} {d}")) == (c.lower() == d.lower()), (c, d)


def test_doubled_words_are_the_matches_of_the_whole_scan(monkeypatch) -> None:
    monkeypatch.setattr(doubled, "BLOCK", 12)  # many blocks in a short text
    rng = random.Random(14)
    words = ["the", "The", "THE", "thE", "a", "A", "is", "isI", "ı", "I", "İ", "i", "ſ", "s", "S", "σ", "ς", "Σ",
             "e\u0301", "é", "É", "x²", "²", "Ab", "ab", "aB", "K", "\u212a", "k", " ", " ", "  ", "\n", "\n\n", "\t",
             "\u00a0", ".", ".", ",", "-", "’", "'", "(", "9", "_", "ab.", ".ab", "\u203f", "ǅ", "ǆ", "Ǆ"]
    plain = [w for w in words if doubled._NOT_PLAIN.search(w) is None] + ["ß", "ÿ", "µ", "\u2019s", "\u201c"]
    texts = ["".join(rng.choice(pick) for _ in range(rng.randrange(5, 120))) for pick in (words, plain)
             for _ in range(3000)]
    found = 0
    for text in texts:
        full = [(m.span(), m.groups()) for m in doubled._DOUBLED.finditer(text)]
        plain = doubled._plain(Document(text).characters_beyond_latin1)
        assert plain == doubled._plain(text), text
        assert [(m.span(), m.groups()) for m in doubled._doubled_words(text, plain)] == full, text
        found += len(full)
    assert found > 100


def test_joiners_are_found_at_their_characters() -> None:
    # doubled._compound_pairs tries _JOINER_AHEAD only at joiners' characters (where _JOINER_AGAIN matches)
    from textlint.anchored import places_of

    rng = random.Random(4)
    pieces = ["hi-tech", "x", "-", "’", "'", "s", "s’", " ", "\u2010", "ab’s", "é-é", "e\u0301", "\n", "--"]
    found = 0
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(30))
        full = [m.span() for m in doubled._JOINER_AHEAD.finditer(text)]
        at = [m.span() for m in filter(None, (doubled._JOINER_AHEAD.match(text, p)
                                              for p in places_of(text, doubled._JOINER_CHARACTERS)))]
        assert at == full, text
        found += len(full)
    assert found > 1000


def _compound_pairs_at_every_joiner(text: str) -> list[tuple[int, str, str, str]]:
    """doubled._compound_pairs as it was before it looked for the joiner again in the next token:
    every joiner's word compared with the next word."""
    joiner = regex.compile(doubled._JOINER)
    pairs, done = [], -1
    for j in joiner.finditer(text):
        if j.start() < done:
            continue
        start = j.start()
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        word = doubled._COMPOUND.match(text, start)
        if word is None:
            continue
        done = word.end()
        nxt = doubled._NEXT_WORD.match(text, word.end())
        if nxt and nxt.group("b").lower() == word.group().lower():
            pairs.append((start, word.group(), nxt.group("sep"), nxt.group("b")))
    return pairs


def test_compound_pairs_are_those_of_every_joiner() -> None:
    # the joiners whose character the next token lacks are skipped: no pair is lost
    rng = random.Random(9)
    pieces = ["hi-tech", "Hi-Tech", "HI-TECH", "hi‐tech", "ab’s", "Ab’s", "ab's", "abs’", "Abs'", "x", "-", "’", "'",
              "s", " ", " ", "  ", "\n", "\u00a0", "\x1c", "\u2010", "é-é", "É-É", "e\u0301-e", "İ-i", "i̇-i", "--",
              ".", ",", "a-b-c", "A-B-c", "ab-cd.ef-gh", ")", "”"]
    spaces = [" ", "  ", "\n", "\u00a0", "\x1c", "", "\t"]
    found = 0
    for _ in range(4000):
        words = [rng.choice(pieces) for _ in range(rng.randrange(2, 20))]
        words = [w for word in words for w in ([word, rng.choice([word, word.upper(), word.title()])]
                                                if rng.random() < 0.3 else [word])]
        text = "".join(w + rng.choice(spaces) for w in words)
        full = _compound_pairs_at_every_joiner(text)
        assert doubled._compound_pairs(text) == full, text
        found += len(full)
    assert found > 500
    # long tokens of many joiners (each token is read once: no time that grows with its square)
    for text in ["a-" * 500 + "a a-" * 3, "ab’s" * 500 + " x", "x.y-z" * 300 + " y-z", "a-b\x1cc-d c-d",
                 "hi-tech" + "\x1chi-tech" * 2 + " hi-tech", "x-y " * 300]:
        assert doubled._compound_pairs(text) == _compound_pairs_at_every_joiner(text), text
