"""Quotation checks: cleanup.UnpairedQuote, cleanup.MixedQuotes, cleanup.QuoteSpacing."""

from __future__ import annotations

import pytest

from cleanup_helpers import fixed, found


@pytest.mark.parametrize("text, span", [
    ("He hailed the “Balkan puzzle. Nothing else.", "“Balkan puzzle. Nothing else."),
    ("Such funds are called future generations funds”. That is all.",
     "Such funds are called future generations funds”"),
    ("He said: “I could be making a mistake, he said, “I know it.”",
     "“I could be making a mistake, he said, "),
    ("Taziyev, also known by the alias Magas’. He was captured.",
     "Taziyev, also known by the alias Magas’"),
    ("the so-called ‘non-executive order categories, taking into account inflation.",
     "‘non-executive order categories, taking into account inflation."),
    ("He said: “One.\n\n“Two.\n\nThree.”", "Three.”"),
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


def test_mixed_quotes_flag_the_minority_style():
    text = "He said “yes”, she said “no”, they said “maybe” and then \"never\"."
    assert found("cleanup.MixedQuotes", text) == ["\"", "\""]
    assert fixed("cleanup.MixedQuotes", text).endswith("and then “never”.")
    assert found("cleanup.MixedQuotes", "One “curly” and one \"straight\" pair.") == []


def test_glued_quotes():
    assert found("cleanup.QuoteSpacing", "the “defense company”with the transfer") == ["”w"]
    assert fixed("cleanup.QuoteSpacing", "He said“We agree”.") == "He said “We agree”."
    assert found("cleanup.QuoteSpacing", "The projects are ”Vankor“ (”Rosneft“).") == []
