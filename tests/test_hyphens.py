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
])
def test_flags_and_fixes(text, expected):
    assert found(RULE, text)
    assert fixed(RULE, text, unsafe=False) == expected


@pytest.mark.parametrize("text", [
    "Temperatures fell to -5 degrees.",
    "He left - and never came back.",
    "The talks – long and hard – ended.",
    "Shopping list:\n-bread\n-milk\n-eggs",
    "Run it with -help to see more.",
    "It was a -xyzzy token.",
    "the so-called Military-Technical Cooperation of Díaz-Canel",
    "Call -Monday- at noon.",
])
def test_leaves_minus_signs_dashes_lists_and_options_alone(text):
    assert found(RULE, text) == []
