"""The checks' patterns that read back from a position (a word, spaces, ``$``: searched in a
window that ends there) are compiled in reverse (``(?r)``): tried from the end of the window
back, not at every place of it. Each gives what the same pattern searching forward gives."""

from __future__ import annotations

import importlib
import pkgutil
import random
from pathlib import Path

import regex

import textlint.checks
from textlint.patterns import LazyPattern

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TRICKY = ("Mr O'Neil's  the cat,  and Apple’s  McDonald's x-ray -the  Xabc  ab\n  é\u0301té \u00a0"
          "the two  said: No, and  \nword\n Putin's\u00a0 a,b  c2d  the e\u2010f  G.H  .ab  "
          "its 2012\u00a0 Games 1999 x meritFor  Mentorship HACAN  Clearskies  ")


def _reverse_patterns() -> dict[str, LazyPattern]:
    found = {}
    for info in pkgutil.walk_packages(textlint.checks.__path__, "textlint.checks."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, LazyPattern) and isinstance(value.pattern, str) and value.pattern.startswith("(?r)"):
                found[f"{info.name}.{name}"] = value
    return found


def _texts() -> list[str]:
    rng = random.Random(15)
    alphabet = "abAB é\u0301'’-.,:\n\u00a0\u2010 x2"
    fuzz = ["".join(rng.choice(alphabet) for _ in range(300)) for _ in range(50)]
    return [TRICKY, (FIXTURES / "seed-article.txt").read_text(encoding="utf-8"), *fuzz]


def test_the_reverse_patterns_are_found():
    names = _reverse_patterns()
    assert "textlint.checks.names._LEFT" in names and len(names) >= 15


def test_a_reverse_search_finds_what_the_forward_search_finds():
    texts = _texts()
    for name, pattern in _reverse_patterns().items():
        assert pattern.pattern.endswith("$"), name  # read back from the end of the window
        forward = regex.compile(pattern.pattern[len("(?r)"):], pattern.flags & ~regex.REVERSE)
        found = 0
        for text in texts:
            for end in range(len(text) + 1):
                for width in (3, 40):
                    a = forward.search(text, max(0, end - width), end)
                    b = pattern.search(text, max(0, end - width), end)
                    assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (name, text, end, width)
                    found += a is not None
        assert found, name  # the texts hold matches of every pattern
