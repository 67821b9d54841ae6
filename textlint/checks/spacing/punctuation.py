"""A lost space after punctuation between two words: "Russia.Months", "cruiser,Admiral"."""

from __future__ import annotations

from typing import Iterator

import regex

from ...document import ABBREVIATIONS, Document
from ...lexicon import get_lexicon
from ...patterns import lazy_compile
from .model import vocabulary_of

#: word, mark, word — inside one whitespace-delimited chunk.
GLUE = lazy_compile(
    r"(?<![\p{L}\p{M}\p{N}.@/\\_-])(?P<left>\p{L}[\p{L}\p{M}]*)(?P<mark>[.,;:!?])"
    r"(?P<right>\p{L}[\p{L}\p{M}]*)(?![\p{L}\p{M}\p{N}@/\\_]|[.:]\p{L})")


#: Both words at least this frequent (Zipf) make the repair of a glued mark sure.
SURE_ZIPF = 3.0


def glued_punctuation(doc: Document) -> Iterator[tuple[int, int, int, str, str, bool]]:
    """(start, end, insert offset, old text, new text, sure) for each glued mark between
    words, at least one of them known to the lexicon or recurring in the document; *sure*
    for a comma or semicolon between two common words ("icons,such", "However,they"):
    a glued period or colon is too often the author's own ("orbit.We", "Phys.Rev")."""
    text = doc.text
    if not any(m in text for m in ".,;:!?"):
        return
    lexicon = get_lexicon()
    vocabulary = None
    for m in GLUE.finditer(text):
        left, mark, right = m.group("left", "mark", "right")
        if len(left) < 2 or (len(right) < 2 and right not in "AI") or not left[-1].islower():
            continue
        if mark in ".:!?" and not (right[0].isupper() and (right[1:].islower() or len(right) == 1)):
            continue  # a sentence starts with a capital: "Russia.Months"
        if mark == "." and (left.lower() + "." in ABBREVIATIONS or right.isupper()):
            continue
        vocabulary = vocabulary or vocabulary_of(doc)
        known = [lexicon.zipf(w) >= 2.5 or vocabulary.get(w, 0) > 1 for w in (left, right)]
        if len(right) == 1:
            known[1] = len(left) > 2 and known[0]  # "today.I am", not "U.S.A"
        if not any(known):
            continue
        sure = (mark in ",;" and len(left) > 2 and len(right) > 1 and not right.isupper()
                and min(lexicon.zipf(left), lexicon.zipf(right)) >= SURE_ZIPF)
        yield m.start(), m.end(), m.start("mark") + 1, m.group(), f"{left}{mark} {right}", sure


#: Spaces between a word and a comma, period or semicolon that ends at a space: "nautiloids .",
#: "(Arbab, 2007 )". The word is two or more letters or digits (not "= 0 .", "(q 2 ) ."); colons
#: are left alone (" :" is a typographic style).
SPACE_BEFORE_MARK = lazy_compile(
    r"(?<=(?:^|[\s(])[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*[\p{L}\p{M}\p{N}])(?P<space> +)(?P<mark>[,.;])(?=\s|$)",
    regex.MULTILINE)
#: Where SPACE_BEFORE_MARK is tried (:func:`.marks.after_spaced_marks`): at the spaces before
#: a comma, period or semicolon after a space.
SPACE_BEFORE_MARK_AT = (",.;", " ", lazy_compile(r"(?r) +"))
#: Spaces before the closing parenthesis of an unspaced opening one: "(DCEH )", "O(αs )".
SPACE_BEFORE_PAREN = lazy_compile(r"\((?! )[^()\n]*?[\p{L}\p{M}\p{N}](?P<space> +)(?P<mark>\))(?=[\s,.;:]|$)",
                                   regex.MULTILINE)


#: Words that end no phrase: before a mark they stand where something was lost
#: ("J. Samson and ,", "(such as the and )": a name or a formula the extraction dropped).
DANGLING = frozenset("the and or nor of".split())
#: A word of at most three letters that ends where the search ends.
SHORT_WORD_BEFORE = lazy_compile(r"(?r)(?<![\p{L}\p{M}])[\p{L}\p{M}]{1,3}$")


def space_before_punctuation(doc: Document) -> Iterator[tuple[int, int, str]]:
    """(start of the spaces, end of the mark, mark) for each spurious space before a mark."""
    text = doc.text
    for pattern in (SPACE_BEFORE_MARK, SPACE_BEFORE_PAREN):
        for m in pattern.finditer(text):
            word = SHORT_WORD_BEFORE.search(text, max(0, m.start("space") - 3), m.start("space"))
            if word is None or word.group() not in DANGLING:
                yield m.start("space"), m.end("mark"), m.group("mark")
