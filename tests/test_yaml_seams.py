"""A substitution rule's alternation is tried only where one of its patterns' leading texts
matches (textlint.anchored.finditer_at_seams): the matches are those of a full scan."""

from __future__ import annotations

import random

import pytest
import regex

from textlint.anchored import finditer_at_seams
from textlint.engine import Engine, Overrides
from textlint.yamlrules.substitution import Substitution, _leading_text


@pytest.mark.parametrize("term, lead", [
    ("since (?P<n>\\d+|two) (?P<u>years)", "since "), ("the calls(?= [“])", "the calls"), ("colou?r", "colo"),
    ("ab+c", "ab"), ("ab*c", "a"), ("economic-social", "economic-social"), ("U.S.", "U"),
    ("[ ]{2}(?<=a[ ]{2})b", "  "), ("[.]{3}", "..."), ("[ ]{2}x", ""), ("[ ]{2,}", ""), ("[^]{2}", ""),
    ("a?b", ""), ("x*y", ""), ("a{2}b", ""), ("(?P<m>could) of", ""), ("\\.\\.", ""), ("a|b", ""), ("(?i)abc", ""),
])
def test_the_leading_text_starts_every_match(term: str, lead: str) -> None:
    assert _leading_text(term) == lead


def _rules() -> list[Substitution]:
    engine = Engine(overrides=Overrides(languagetool=False, select=["ALL"]))
    return [r for r in engine.rules if isinstance(r, Substitution) and r._seams(range(len(r.terms)))]


def test_a_scan_at_the_seams_finds_what_a_full_scan_finds() -> None:
    rules = _rules()
    assert rules  # (Garbles: every pattern starts with literal text)
    rng = random.Random(11)
    found = 0
    for rule in rules:
        words = [w for t in rule.terms for w in regex.split(r"[^\w’'-]+", _leading_text(t)) if w]
        words += [e.text for e in rule.examples] + ["two", "years", "“", "\"", "SINCE", "The", "x", "ago", "2"]
        pieces = [*words, " ", " ", "  ", "\n", ".", ","]
        texts = ["".join(rng.choice(pieces) for _ in range(60)) for _ in range(400)]
        for places in (range(len(rule.terms)), range(0, len(rule.terms), 2)):
            joined = rule._joined(places)
            pattern = regex.compile(joined if rule.nonword else rf"\b(?:{joined})\b", rule.combined.flags)
            seams = rule._seams(places)
            for text in texts:
                full = [(m.span(), m.lastgroup) for m in pattern.finditer(text)]
                assert [(m.span(), m.lastgroup) for m in finditer_at_seams(pattern, seams, text, 10.0)] == full
                found += len(full)
    assert found > 100
