"""cleanup.MidSentenceCapital and the casing table behind it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanup_helpers import fixed, found
from textlint.casing import get_casing

RULE = "cleanup.MidSentenceCapital"
SEED = Path(__file__).resolve().parent.parent / "fixtures"


def test_casing_table_knows_common_words_and_not_names():
    casing = get_casing()
    assert casing.normally_lowercase("Deploy")
    assert casing.normally_lowercase("took")
    assert not casing.normally_lowercase("Russia")
    assert casing.ratio("Putin") is None


@pytest.mark.parametrize("text, word", [
    ("Russian President Vladimir Putin said Russia could Deploy missile systems.", "Deploy"),
    ("Last month you Took part in the G20 summit.", "Took"),
    ("I will be pleased to answer your Questions and talk informally.", "Questions"),
    ("Mr President, thank you For this meeting.", "For"),
    ("The President Of Russia arrived. Later the President of Russia left.", "Of"),
    ("A reliable structure of relations has developed Between Uzbekistan and Russia.", "Between"),
])
def test_flags_a_common_word_capitalised_in_mid_sentence(text, word):
    assert found(RULE, text) == [word]
    assert fixed(RULE, text) == text.replace(word, word.lower(), 1)


@pytest.mark.parametrize("text", [
    "He said: Deploy the troops.",                         # after a colon
    "He said “Deploy the troops” and left.",               # after an opening quote
    "- Deploy the troops\n- Withdraw them",                 # bullets
    "Orders To Deploy Troops Were Given",                  # Title Case
    "RUSSIA COULD DEPLOY MISSILES",                        # capitals
    "Russia could deploy missiles. Deploy them, he said.",  # sentence start
    "The Ministry of Defence and the General Staff met.",  # names of several words
    "He told BBC Radio 4's Today programme so.",           # a name after a number
    "She wrote in The Times and the Financial Times.",     # titles of publications
    "The Government said so, and the Cabinet agreed.",     # institutions
    "The vote is expected in May or in March.",            # months
    "Article 8 and Resolution 1397 apply.",                # references
    "It was shown in the film In The Name Of The Father.",
    "The union Unison and the charity Redress objected.",  # naming nouns
    "a) Consultations among the parties;\nb) Conferences.",  # list markers
    "The Bosses is a 1973 album by Joe Turner.",           # a title after a sentence start
])
def test_leaves_names_titles_and_sentence_starts_alone(text):
    assert found(RULE, text) == []


def test_a_word_the_document_capitalises_twice_is_a_name():
    text = "They met the Programme board. Later the Programme board left."
    assert found(RULE, text) == []


def test_seed_words_that_must_not_be_flagged():
    expected = json.loads((SEED / "seed-expected.json").read_text(encoding="utf-8"))
    text = (SEED / "seed-article.txt").read_text(encoding="utf-8")
    flagged = found(RULE, text)
    assert flagged == ["Deploy"]
    for word in expected["must_not_flag"]:
        assert all(word not in f for f in flagged)
