"""The closed word classes (textlint.wordclasses) and the open-class data they read."""

from textlint import wordclasses as wc
from textlint.checks import capitals, doubled, hyphens
from textlint.checks.spacing import glued, marks, model


def test_closed_classes_are_defined_once_and_imported():
    for module in (capitals, doubled, glued, marks, model):
        assert module.FUNCTION_WORDS is wc.FUNCTION_WORDS, module.__name__
    assert capitals.VERB_LIKE is doubled.VERB_LIKE is wc.VERB_LIKE
    assert capitals.OBJECT_STARTS is doubled.OBJECT_STARTS is wc.OBJECT_STARTS
    assert doubled.HONORIFICS is wc.HONORIFICS
    assert model.PREFIXES is wc.PREFIXES and model.SUFFIXES is wc.SUFFIXES
    assert hyphens.PREFIXES <= wc.PREFIXES and not hyphens.PREFIXES & hyphens.FUNCTION_WORDS


def test_classes_are_lowercase_and_compose():
    for name in ("ARTICLES", "POSSESSIVES", "PREPOSITIONS", "MODALS", "CALENDAR", "HONORIFICS",
                 "PREFIXES", "SUFFIXES", "RANGE_WORDS"):
        words = getattr(wc, name)
        assert words and all(w == w.lower() for w in words), name
    assert wc.ARTICLES <= wc.DETERMINERS
    assert "the" in wc.FUNCTION_WORDS and "may" not in wc.FUNCTION_WORDS  # "May" is a month


def test_open_classes_come_from_languagetool_data():
    assert "N" in wc.tags("government") and "D" in wc.tags("gave")
    assert wc.only_verb("emphasised") and not wc.only_verb("reported")  # also an adjective
    assert wc.noun("vitamin") and not wc.noun("forwarded")
    assert wc.proper("sharp") and not wc.proper("deploy")
    assert wc.tags("qwxzt") == ""


def test_derived_classes():
    assert all(map(wc.number_word, ("one", "twelve", "million")))
    assert not any(map(wc.number_word, ("One", "first", "12", "ones")))
    assert wc.sentence_adverb("however") and wc.sentence_adverb("unfortunately")
    assert not any(wc.sentence_adverb(w) for w in wc.FUNCTION_WORDS)
    assert not wc.sentence_adverb("quickly")  # lowercase far more often than capitalised
    assert not wc.sentence_adverb("However") and not wc.sentence_adverb("qwxzt")


def test_tags_lookup_reads_the_words_no_one_asked_before(monkeypatch):
    # a table just loaded holds no answer yet: the lookup must read each word as tags() does
    monkeypatch.setattr(wc, "_loaded", None)
    get = wc.tags_lookup()
    words = ["house", "Paris", "walked", "qwxzv"]
    found = [get(w, "") for w in words]
    assert found[0] and found[2] and not found[3]
    assert found == [wc.tags(w) for w in words]
    assert get("qwxzv") == ""
