"""A lost space after punctuation between two words: "Russia.Months", "cruiser,Admiral"."""

from __future__ import annotations

from typing import Iterator

import regex

from ...document import ABBREVIATIONS, Document
from ...lexicon import get_lexicon

#: word, mark, word — inside one whitespace-delimited chunk.
GLUE = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}.@/\\_-])(?P<left>\p{L}[\p{L}\p{M}]*)(?P<mark>[.,;:!?])"
    r"(?P<right>\p{L}[\p{L}\p{M}]*)(?![\p{L}\p{M}\p{N}@/\\_]|[.:]\p{L})")


def glued_punctuation(doc: Document) -> Iterator[tuple[int, int, int, str, str, bool]]:
    """(start, end, insert offset, old text, new text, safe) for each glued mark."""
    text = doc.text
    if not any(m in text for m in ".,;:!?"):
        return
    lexicon = get_lexicon()
    vocabulary = doc.vocabulary
    for m in GLUE.finditer(text):
        left, mark, right = m.group("left", "mark", "right")
        if len(left) < 2 or len(right) < 2 or not left[-1].islower():
            continue
        if mark in ".:!?" and not (right[0].isupper() and right[1:].islower()):
            continue  # a sentence starts with a capital: "Russia.Months"
        if mark == "." and (left.lower() + "." in ABBREVIATIONS or right.isupper()):
            continue
        known = [lexicon.zipf(w) >= 2.5 or vocabulary.get(w, 0) > 1 for w in (left, right)]
        if not any(known):
            continue
        offset = m.start("mark") + 1
        yield (m.start(), m.end(), offset, m.group(), f"{left}{mark} {right}", all(known))
