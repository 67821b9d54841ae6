"""Quotation checks: cleanup.UnpairedQuote, cleanup.MixedQuotes, cleanup.QuoteSpacing."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from cleanup_helpers import fixed, found

from textlint.engine import Engine, Overrides


@pytest.mark.parametrize("text, span", [
    ("He hailed the “Balkan puzzle. Nothing else.", "“Balkan puzzle. Nothing else."),
    ("Such funds are called future generations funds”. That is all.",
     "Such funds are called future generations funds”"),
    ("He said: “I could be making a mistake, he said, “I know it.”",
     "“I could be making a mistake,"),
    ("“One is overwhelmed by the memory of the defenders, the acting president said while signing.",
     "“One is overwhelmed by the memory of the defenders,"),
    ("Taziyev, also known by the alias Magas’. He was captured.",
     "Taziyev, also known by the alias Magas’"),
    ("the so-called ‘non-executive order categories, taking into account inflation.",
     "‘non-executive order categories, taking into account inflation."),
    ("He said: “One.\n\n“Two.\n\nThree.”", "Three.”"),
    # a plural possessive stands before its noun: before a comma, ’ closes a quotation
    ("for these categories, the so-called non-executive order categories’, taking inflation into account.",
     "for these categories, the so-called non-executive order categories’"),
    # a reporting clause whose speaker is a noun phrase with capitals
    ("“We are optimistic about our future, the Russian President noted.",
     "“We are optimistic about our future,"),
])
def test_unpaired_quotes_span_the_place_of_the_missing_mark(text, span):
    assert found("cleanup.UnpairedQuote", text) == [span]


@pytest.mark.parametrize("text", [
    "“We’re pulling out,” Putin said of Russia’s base in the ’90s.",
    "He said: “The first paragraph.\n\n“And the second.”",
    "He said: “The first paragraph.\n\nThis continues the quotation.”",
    "The heroes’ friends and rock ’n’ roll fans sang ‘Kalinka’.",
    "Your husbands’, fathers’ and sons’ names.",
    "Ms Hewitt said: “We doubled the pay. “We will extend it.”",
    "The projects are ”Vankor“ and ”Talakan“.",
    "He said \"yes and she said no.",  # straight quotes are not paired
    "The message reads:\n\n“Dear Mr President,\n\nI wish you success.”",
])
def test_paired_quotes_and_apostrophes_are_left_alone(text):
    assert found("cleanup.UnpairedQuote", text) == []


def test_narrative_after_a_reopened_quotation_means_the_closing_mark_is_missing():
    text = ("The message says:\n\n“One.\n\n“I hope they will continue in Russia.\n\n"
            "On Mr Putin’s order, the message was delivered.")
    assert found("cleanup.UnpairedQuote", text) == ["Russia."]


def test_a_quotation_that_stops_reopening_is_reported_once_where_it_lost_each_mark():
    # the speech paragraph lost its opening mark, and its closing one: narrative follows
    text = ("The message says:\n\n“One.\n\n“Two.\n\nGlory to the heroes!\n\n"
            "Mr Putin decreed awards.\n\nThe ceremony ended.")
    assert found("cleanup.UnpairedQuote", text) == ["Glory", "heroes!"]
    # at the end of the document too
    assert found("cleanup.UnpairedQuote", "He said:\n\n“One.\n\n“Two.\n\nGlory to all!") == ["Glory", "all!"]


@pytest.mark.parametrize("text", [
    # the speech paragraph closes the quotation itself
    "He said:\n\n“One.\n\n“Two.\n\nGlory to the heroes!”\n\nMr Putin left.",
    # the next paragraph reads as speech too: the quotation may go on
    "He said:\n\n“One.\n\n“Two.\n\nGlory to the heroes!\n\nWe remember them.”",
])
def test_a_speech_paragraph_followed_by_its_closing_mark_is_not_reported_twice(text):
    assert len(found("cleanup.UnpairedQuote", text)) <= 1


@pytest.mark.parametrize("text, span", [
    # the next paragraph is narrative that quotes a term: the statement ended at its break
    ("The statement reads in part: “We have agreed on a discussion. We will consult on "
     "offensive systems.\n\nThe Presidents also set up an institution called “Business Dialogue”.",
     "“We have agreed on a discussion. We will consult on offensive systems."),
    # a reversed mark (”gave) opens the new quotation as well
    ("The letter said, in part:\n\n“Relations are developing. We keep this position.\n\n"
     "Mr Putin said that the summit ”gave a boost to joint efforts.”\n\nThe talks ended.",
     "“Relations are developing. We keep this position."),
    # paragraphs without marks in between; the new quotation's paragraph ends the document
    ("The papers ran headlines, “The Air Force will fly American jets.\n\nAnd then you arrived."
     "\n\nThe Prime Minister asked you, “Is it possible?” You answered, “We can do it.”",
     "“The Air Force will fly American jets."),
])
def test_a_carried_quotation_followed_by_a_new_one_lost_its_closing_mark(text, span):
    assert found("cleanup.UnpairedQuote", text) == [span]


@pytest.mark.parametrize("text", [
    # a term quoted inside the carried quotation, which goes on after it …
    "The letter said, in part:\n\n“The situation remains difficult.\n\nIt will open a way to "
    "a settlement, above all “peace for land.” This will promote their rights.\n\n"
    "“Russia will make every effort.”",
    # … or reopens in the next paragraph
    "The letter said, in part:\n\n“The situation remains difficult.\n\nIt will open a way to "
    "a settlement, above all “peace for land.”\n\n“Russia will make every effort.”",
    # the carried quotation closes before the new one opens
    "He wrote:\n\n“The situation remains difficult.\n\nWe seek more.” He then used the term "
    "“peace for land”.",
])
def test_a_term_quoted_inside_a_carried_quotation_is_not_a_new_quotation(text):
    assert found("cleanup.UnpairedQuote", text) == []


def test_a_quoted_term_that_lost_its_opening_mark_inside_a_long_quotation():
    text = ("“Russia consistently proceeds from the foundations of the peace process, above all "
            "the resolutions of the Council, and the land for peace” formula. We will work on."
            "\n\n“We consider this important.”")
    assert found("cleanup.UnpairedQuote", text) == ["and the land for peace”"]


@pytest.mark.parametrize("text", [
    # a short quotation that opens the sentence and ends before a lowercase word
    "“Land for peace” was the formula they kept to.",
    # a quoted term inside a sentence, with both marks
    "Russia consistently proceeds from the foundations of the peace process, above all the "
    "resolutions of the Council, and the “land for peace” formula.",
    # a long quotation that ends at punctuation before its attribution
    "“Russia consistently proceeds from the foundations of the peace process and the "
    "resolutions of the Council,” he said in Moscow.",
])
def test_quotations_that_end_between_words_legitimately(text):
    assert found("cleanup.UnpairedQuote", text) == []


@pytest.mark.parametrize("text, span", [
    ("The letter said, in part:\n\nRelations are developing. We keep this position.\n\nMr Putin left.",
     "Relations are developing. We keep this position."),
    ("The message reads:\n\nI wish you success.", "I wish you success."),
    # "Cuba Putin" could be one name: the span stops before the capitalised words
    ("We’re pulling our military base out of Cuba Putin said in an interview.",
     "We’re pulling our military base out of"),
    ("We’re pulling our military base out of CubaPutin said in an interview.",
     "We’re pulling our military base out of Cuba"),
    ("I will not run again Mr Blair said on Monday.", "I will not run again"),
    ("We will win Tony Blair said.", "We will win"),
    ("We heard suggestions like, Well, what is a Union State?", "Well,"),
    ("He replied, Yes, we will do it.", "Yes,"),
])
def test_quotations_without_any_marks(text, span):
    assert found("cleanup.UnmarkedQuotation", text) == [span]


def test_unmarked_direct_speech_ends_at_a_comma_before_a_dash():
    text = "They asked like, Well, why a union? Let’s look wider, – and we sat and talked."
    assert found("cleanup.UnmarkedQuotation", text) == ["Well,", "wider,"]
    # the comma and dash of a closed quotation, and a dash without a comma, are fine
    assert found("cleanup.UnmarkedQuotation",
                 "They asked like, “Well, why a union? Let’s look wider,” – and we talked.") == []
    assert found("cleanup.UnmarkedQuotation",
                 "They asked like, Well, why a union? – and we sat and talked.") == ["Well,"]


@pytest.mark.parametrize("text", [
    "The letter said, in part:\n\n“Relations are developing.”",
    "The message reads:\n\n”This forum is important.“",
    "The following agreements were signed:\n\nAn agreement on trade.",
    "We will continue this work, Mr Putin added.",
    "I think Mr Putin said that the talks went well.",
    "He said the talks went well.",
    "As I said, I would like to repeat my words.",
    "He replied, “Yes, we will do it.”",
])
def test_quotations_with_marks_and_reported_speech_are_left_alone(text):
    assert found("cleanup.UnmarkedQuotation", text) == []


def test_mixed_quotes_flag_the_minority_style():
    text = "He said “yes”, she said “no”, they said “maybe” and then \"never\"."
    assert found("cleanup.MixedQuotes", text) == ["\"", "\""]
    assert fixed("cleanup.MixedQuotes", text).endswith("and then “never”.")
    assert found("cleanup.MixedQuotes", "One “curly” and one \"straight\" pair.") == []


def test_mixed_quotes_count_the_marks_of_prose_only():
    """Code quotes its strings straight; the prose's curly pair is the document's style."""
    text = "# Cast\n\nAn int such as “8”.\n\n    f(\"8\")  // \"8\"\n    g(\"9\")  // \"9\"\n"
    engine = Engine(overrides=Overrides(select=["cleanup.MixedQuotes"]))
    assert engine.lint(text, "README.md").diagnostics == []
    assert [d.rule for d in engine.lint(text.replace("    ", "Then "), "README.md").diagnostics] \
        == ["cleanup.MixedQuotes"] * 2
    quoting_code = "“One”, “two”, “three” and “four”, as in \"`alpha`\".\n"
    assert engine.lint(quoting_code, "README.md").diagnostics == []
    assert len(engine.lint(quoting_code.replace("`", ""), "README.md").diagnostics) == 2


def test_glued_quotes():
    assert found("cleanup.QuoteSpacing", "the “defense company”with the transfer") == ["”w"]
    assert fixed("cleanup.QuoteSpacing", "He said“We agree”.") == "He said “We agree”."
    assert found("cleanup.QuoteSpacing", "The projects are ”Vankor“ (”Rosneft“).") == []


def test_reporting_verbs_come_from_wordnet_data():
    """The verbs of the reporting clauses are read from data (scripts/build_wordnet_classes.py),
    not typed into the check."""
    from textlint import wordclasses as wc

    verbs = wc.reporting_verbs()
    assert {"said", "says", "added", "noted", "stressed", "warned", "replied", "reads"} <= verbs
    assert not {"took", "moved", "hired", "saied"} & verbs  # not every verb, no made-up form


@pytest.mark.parametrize("text", [
    # a reporting verb that the hand list lacked, from WordNet
    "\u201cWe will stay the course, the minister acknowledged on Monday.",
    # a function word after the verb, from the tagger's closed classes
    "\u201cWe will stay the course, she said because of the vote.",
    "\u201cWe will stay the course, the treaty says.",
])
def test_reporting_clauses_from_data_end_a_quotation(text):
    """(a form that is a plural noun too reports after a noun phrase when WordNet's counts say
    it is mostly a verb: "says")"""
    assert found("cleanup.UnpairedQuote", text) == ["\u201cWe will stay the course,"]


@pytest.mark.parametrize("text", [
    # after a noun phrase, a verb form that is also a plural noun is no reporting clause
    "\u201cWe fixed the roof, the old water pipes. It took weeks.\u201d",
    # a content word after the verb: no clause of reporting ("warned workers")
    "\u201cThe plan failed, the union warned workers in May, and it was right.\u201d",
])
def test_lists_and_clauses_that_are_not_attributions_leave_the_quotation_open(text):
    assert found("cleanup.UnpairedQuote", text) == []


@pytest.mark.parametrize("text", [
    "Compatibility notes:\n\nThe flag has been removed.",
    "It was deprecated for the following reasons:\n\nThe API is unsafe.",
])
def test_a_plural_noun_before_a_colon_announces_no_quotation(text):
    assert found("cleanup.UnmarkedQuotation", text) == []


@pytest.mark.parametrize("text", [
    "The message reads:\n\nThis traditional forum is important.",
    "He says:\n\nWe will stay the course.",
    "Mr Putin noted:\n\nWe will stay the course.",
])
def test_a_reporting_verb_after_its_subject_announces_a_quotation(text):
    assert len(found("cleanup.UnmarkedQuotation", text)) == 1


def test_a_first_person_sentence_about_what_someone_said_is_no_quotation():
    text = "I would like to recall what Neil Armstrong said about Yuri Gagarin."
    assert found("cleanup.UnmarkedQuotation", text) == []


# Direct speech after a reporting word is found with a set lookup of the word, not an
# alternation of every reporting verb (compiling that took longer than checking a short file):
# the same matches as the alternation, on texts with near misses around each part.
_INTERJECTION_TEXTS = [
    "We heard suggestions like, Well, what is a Union State? He replied, Yes, we will.",
    "He replied,  OK! She said, oKay, then asked, Okay, why? They unsaid, Well, no.",
    "like, said, Well, fine. 3said, Yes, no. Said, Yes, no. said,Yes, x. said, Wellness, x.",
    "He warned, Look, Listen, we added, No! and said, No more, then said, Ah, well, Oh, no.",
    "said,\u00a0Yes, and like, Well!, again like, Yes,Well, she wrote, Ok, — fine.",
]


@pytest.mark.parametrize("text", _INTERJECTION_TEXTS)
def test_direct_speech_after_a_reporting_word_matches_as_the_alternation_did(text):
    import regex

    from textlint import wordclasses as wc
    from textlint.checks import quotes

    alternation = regex.compile(
        r"\b(?:" + quotes._alternatives(wc.reporting_verbs() | {"like"}) + r"),[ \u00a0]+"
        r"(?P<word>(?:" + quotes._alternatives(wc.INTERJECTIONS, capitalise=True) + r")[,!])")
    expected = [m.span("word") for m in alternation.finditer(text)]
    assert expected  # every text has some
    assert [m.span("word") for m in quotes._unquoted_interjections(text)] == expected


def test_the_first_person_pattern_is_compiled_only_for_a_text_in_the_first_person():
    from textlint.checks import quotes

    quotes._unquoted_speech.cache_clear()
    assert found("cleanup.UnmarkedQuotation", "A short line of text. He said so, Mr Blair said.") == []
    assert quotes._unquoted_speech.cache_info().currsize == 0
    assert found("cleanup.UnmarkedQuotation", "We will win Tony Blair said.") == ["We will win"]
    assert quotes._unquoted_speech.cache_info().currsize == 1


def test_prose_quotes_counts_the_marks_of_the_prose_that_touch_no_code() -> None:
    # MixedQuotes counts the marks of the prose by str.count, less those next to a non-prose span
    import random

    from textlint.checks import quotes
    from textlint.document import Document, Span
    from textlint.markdown import markdown_document

    rng = random.Random(7)
    tokens = ['"', "“", "”", "„", "a", " ", "http://x.com", "`code`", "{x}", "\n", '"`a`"', "x.py", "textlint-disable"]
    docs = []
    for _ in range(2000):
        text = "".join(rng.choice(tokens) for _ in range(30))
        docs += [Document(text), markdown_document(text, "-")]
        spans = sorted({(a, min(len(text), a + rng.randint(0, 3))) for a in (rng.randint(0, len(text)) for _ in range(3))})
        docs.append(Document(text, ignored=[Span(a, b) for a, b in spans]))
    touching = 0
    for doc in docs:
        for glyph in '"“”':
            marks = [m.start() for m in quotes._DOUBLE.finditer(doc.prose_text) if m.group() == glyph]
            kept = [p for p in marks if not quotes._quotes_code(doc, p)]
            assert quotes._prose_quotes(doc, glyph) == len(kept), (doc.text, glyph)
            touching += len(marks) - len(kept)
    assert touching > 100


def test_places_are_the_offsets_of_the_glyphs_in_order() -> None:
    import random

    import regex

    from textlint.checks import quotes

    rng = random.Random(9)
    for _ in range(3000):
        text = "".join(rng.choice('“”"„ a(.') for _ in range(30))
        start = rng.randint(0, 30)
        end = rng.randint(start, 30)
        for glyphs in (quotes._DOUBLE_GLYPHS, quotes._CURLY_GLYPHS):
            expected = [m.start() for m in regex.finditer(f"[{glyphs}]", text[:end], pos=start)]
            assert quotes._places(text, start, end, glyphs) == expected


def test_glued_quotes_are_found_by_a_pattern_per_mark() -> None:
    # QuoteSpacing looks for a glued closing and a glued opening mark with a pattern each (led by
    # its mark): the same places as the one alternation of both
    import random

    import regex

    from textlint.checks import quotes

    both = regex.compile(r"(?<=\p{Ll}[.,!?]?)(?P<close>”)(?=\p{L})|(?<=\p{Ll}[,:]?)(?P<open>“)(?=\p{L})")
    rng = random.Random(11)
    tokens = ["“", "”", "a", "B", "é", ".", ",", ":", "!", " ", "1", "ab”cd", "ab“cd", "x,“Y"]
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(tokens) for _ in range(30))
        expected = [(m.start(), bool(m.group("close"))) for m in both.finditer(text)]
        assert [(m.start(), m.group() == "”") for m in quotes._glued_quotes(text)] == expected, text
        found += len(expected)
    assert found > 1000


_SPEECH_PIECES = ["I", "We", "WE", "we", "In", " ", "\u00a0", "\t", ".", "!", "?", "\n", "’", "'", ",",
                  "\"", "“", "said", "says", "wrote", "notes", "Putin", "PutinX", "Mr", "Ms", "in",
                  "yesterday", "think", "é", "É", "Ωmega", "x", "B", "Cuba"]


@given(st.lists(st.sampled_from(_SPEECH_PIECES), max_size=30).map("".join))
@settings(max_examples=3000, deadline=None)
def test_unquoted_speeches_are_the_long_patterns_matches(text):
    from textlint.checks import quotes

    found_here = [(m.span(), m.span("quote")) for m in quotes._unquoted_speeches(text)]
    assert found_here == [(m.span(), m.span("quote")) for m in quotes._unquoted_speech().finditer(text)]


def test_unquoted_speeches_in_a_text():
    from textlint.checks import quotes

    text = "Yes. We’re pulling out of Cuba Putin said in an interview. I think Mr\u00a0Putin said."
    assert [m.group("quote") for m in quotes._unquoted_speeches(text)] == [
        "We’re pulling out of", "I think Mr"]
