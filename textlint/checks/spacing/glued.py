"""Run-ons that need no lattice: a word glued to a number ("was960", "3dogs"), to a
possessive ("Putin’smessage") or to the pronoun "I" ("Ibelieve")."""

from __future__ import annotations

from typing import Collection, Iterable, Iterator

import regex

from ... import native
from ...anchored import finditer_at_characters, in_text_order, occurrences
from ...lexicon import Lexicon
from ...patterns import lazy_compile
from ...wordclasses import FUNCTION_WORDS
from .model import Change

#: A lowercase word of two or more letters directly followed by a number of two or more digits.
WORD_NUMBER = lazy_compile(
    r"(?<![\p{L}\p{M}\p{N}_.@/-])(?P<first>\p{Ll}{2,})(?P<second>\d{2,})(?![\p{L}\p{M}\p{N}_@/])")
#: A possessive directly followed by a lowercase word: "Putin’smessage", "Let’sdiscuss".
POSSESSIVE_WORD = lazy_compile(
    r"(?<![\p{L}\p{M}\p{N}'’_@/])(?P<first>\p{L}[\p{L}\p{M}]*['’]s)(?P<second>\p{Ll}{3,})"
    r"(?![\p{L}\p{M}\p{N}'’_@/])")


#: A number directly followed by a lowercase word of four letters or more: "3dogs", "10years"
#: (units are shorter or have no vowel: "5kg", "100m", "8mbps").
NUMBER_WORD = lazy_compile(
    r"(?<![\p{L}\p{M}\p{N}_.,@/#$-])(?P<first>\d+)(?P<second>\p{Ll}{4,})(?![\p{L}\p{M}\p{N}_@/'’-])")
_VOWEL = lazy_compile(r"[aeiouy]")
#: The word after a number is a word at least this frequent (Zipf).
NUMBER_WORD_ZIPF = 3.0


#: Where the patterns can match (searched first: their look-arounds are slow to try everywhere):
#: a lowercase letter and two digits, or a digit and four lowercase letters; a possessive and a
#: lowercase letter, tried at the apostrophes only (:func:`_seams`).
DIGIT_SEAM = lazy_compile(r"\d(?:(?<=\p{Ll}\d)\d|(?=\p{Ll}{4}))")
POSSESSIVE_SEAM = lazy_compile(r"['’]s\p{Ll}")


def glued_runons(text: str, lexicon: Lexicon, function_zipf: float, word_zipf: float,
                 unlettered: Collection[str] | None = None) -> Iterator[Change]:
    """A space lost between a very frequent word (a function word: "in", "of", "was") and a
    number, or between a possessive and a known word. Identifiers and units keep their
    digits ("base85", "mp3", "utf8", "5km"). Read in the lines that hold a seam
    (:func:`_seams`; no match crosses a line break), found by a scan of the text or, when
    *words* holds every word of the text (:data:`.document.WORD`'s matches), around the
    occurrences of the few words that hold one (:func:`_seamed_words`) when *unlettered* holds
    every word of the text that is not all letters (:attr:`.Document.unlettered_words`)."""
    if unlettered is None:
        places = (seam.start() for seam in _seams(text))
    else:
        places = sorted(at for word in _seamed_words(unlettered) for at in occurrences(text, word))
    for line_start, line_end in _lines_at(text, places):
        line = text[line_start:line_end]
        for pattern, zipf, word in ((WORD_NUMBER, function_zipf, "first"),
                                    (POSSESSIVE_WORD, word_zipf, "second"),
                                    (NUMBER_WORD, NUMBER_WORD_ZIPF, "second")):
            for m in pattern.finditer(line):
                if lexicon.zipf(m.group(word)) >= zipf and (pattern is not NUMBER_WORD or _VOWEL.search(m.group(word))):
                    first, second = m.group("first", "second")
                    # a number before a word may be a name ("1password"), and so may a word
                    # other than a function word before a number ("top10"): unsafe
                    certain = pattern is POSSESSIVE_WORD or pattern is WORD_NUMBER and first in FUNCTION_WORDS
                    yield Change(line_start + m.start(), line_start + m.end(), m.group(),
                                 f"{first} {second}", inserts=[line_start + m.end("first")],
                                 gain=float("inf"), certain=certain)


def _seamed_words(unlettered: Collection[str]) -> set[str]:
    """Those of *unlettered* (words not all letters) that hold a seam (each match of
    :func:`glued_runons`' patterns lies in one word: letters, digits and an apostrophe between
    letters; a word of letters only holds none): :func:`_seamed_words_py`, compiled when the
    module has it and the words are plain (a scan of the patterns costs ~100 instructions a
    character)."""
    found = None if _SEAMED_WORDS is None or not isinstance(unlettered, list) else _SEAMED_WORDS(unlettered)
    return _seamed_words_py(unlettered) if found is None else set(found)


def _seamed_words_py(unlettered: Collection[str]) -> set[str]:
    """:func:`_seamed_words`: the words read as lines of one text."""
    odd = "\n".join(unlettered)
    seams = sorted(m.start() for pattern in (DIGIT_SEAM, POSSESSIVE_SEAM) for m in pattern.finditer(odd))
    return {odd[a:b] for a, b in _lines_at(odd, seams)}


#: The compiled twin of :func:`_seamed_words_py` (native/src/glued.rs), or None.
_SEAMED_WORDS = native.function("seamed_words")


def _lines_at(text: str, places: Iterable[int]) -> Iterator[tuple[int, int]]:
    """The start and end of each line of *text* that holds one of *places* (in order), once."""
    line_end = -1
    for at in places:
        if at < line_end:
            continue  # its line is done
        line_start = text.rfind("\n", 0, at) + 1
        line_end = text.find("\n", at)
        line_end = len(text) if line_end < 0 else line_end
        yield line_start, line_end


def _seams(text: str) -> Iterator[regex.Match]:
    """The seams of :func:`glued_runons` in *text*, in order: the digits' by a scan, the
    possessives' at the apostrophes (found by ``str.find``: one pattern of a class fewer to try
    at every character)."""
    return in_text_order(DIGIT_SEAM.finditer(text), finditer_at_characters(POSSESSIVE_SEAM, "'’", text))


#: The pronoun "I" glued to a lowercase word: "Ibelieve", "Ihope" (OCR and scrapers drop the
#: space after a one-letter word).
PRONOUN_WORD = lazy_compile(r"(?<![\p{L}\p{M}\p{N}'’_\-.@/])I(?P<second>\p{Ll}{3,})(?![\p{L}\p{M}\p{N}'’_\-@/])")
#: The glued token is rarer than this (Zipf, lowercase) and the word after "I" at least as
#: frequent as ``PRONOUN_WORD_ZIPF``; the web's word pairs must count "I" + the word (a name
#: such as "Iman", "Ising" or "Ibad" is no pair of the pronoun and a word).
PRONOUN_TOKEN_ZIPF = 2.5
PRONOUN_WORD_ZIPF = 4.0


def pronoun_runons(text: str, lexicon: Lexicon, titled: Collection[str] | None = None) -> Iterator[Change]:
    """The pronoun "I" glued to a word it forms a pair with in web text (log10 PMI >= 0);
    unsafe, as a capitalised token may be a name. Found by a scan of the text or, when *titled*
    holds every word of the text that is a capital and small letters
    (:attr:`.Document.titled_words`; each match is one), at the occurrences of those of them
    that are such a token (:func:`_pronoun_places`)."""
    if "I" not in text:
        return
    if titled is None:
        matches = (m for m in PRONOUN_WORD.finditer(text) if _glued_pronoun(m.group(), lexicon))
    else:
        matches = _pronoun_places(text, titled, lexicon)
    for m in matches:
        second = m.group("second")
        yield Change(m.start(), m.end(), m.group(), f"I {second}", inserts=[m.start() + 1],
                     gain=float("inf"), certain=False)


def _glued_pronoun(token: str, lexicon: Lexicon) -> bool:
    """Whether a match of :data:`PRONOUN_WORD` is the pronoun glued to a word: a pair of web text,
    the token rare, the word frequent (a test of the token alone, wherever it stands)."""
    second = token[1:]
    pmi = lexicon.pmi("i", second)
    return pmi is not None and pmi >= 0 and lexicon.zipf(token.lower()) < PRONOUN_TOKEN_ZIPF \
        and lexicon.zipf(second) >= PRONOUN_WORD_ZIPF


def _pronoun_places(text: str, titled: Collection[str], lexicon: Lexicon) -> Iterator[regex.Match]:
    """The matches of :data:`PRONOUN_WORD` in *text* that are the pronoun glued to a word
    (:func:`_glued_pronoun`), in order, tried only where one of *titled* (the words of the text
    that are a capital and small letters) that passes that test occurs: few of them do."""
    glued = {w for w in titled if w[0] == "I" and len(w) > 3 and PRONOUN_WORD.fullmatch(w) and _glued_pronoun(w, lexicon)}
    for at in sorted({at for word in glued for at in occurrences(text, word)}):
        m = PRONOUN_WORD.match(text, at)
        if m is not None and m.group() in glued:  # (not a longer word that starts with one)
            yield m
