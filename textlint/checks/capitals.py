"""cleanup.MidSentenceCapital: a normally lowercase word capitalised in mid-sentence ("could Deploy")."""

from __future__ import annotations

import re
import string
from bisect import bisect_right
from collections import Counter
from functools import cache, lru_cache, partial
from itertools import groupby
from operator import attrgetter
from typing import Any, Callable, Iterable, Iterator

import regex

from ..cachefile import in_place_parts
from ..casing import Casing, get_casing
from ..diagnostics import Applicability, Diagnostic, Fix
from ..document import PLAIN_CAPITALS, PLAIN_LETTERS, PLAIN_NUMBERS, PLAIN_SMALL, Document
from .. import native, wordclasses as wc
from ..lexicon import get_lexicon
from ..patterns import LazyPattern, lazy_compile
from ..rule import FixAvailability
from .base import Check
from ..anchored import finditer_at_runs, in_text_order, occurrences
from .prose import Titles, starts_sentence

#: A capitalised word (not part of a hyphenated, dotted or CamelCase token), with an
#: optional possessive.
_TITLE = lazy_compile(
    r"(?<![\p{L}\p{M}\p{N}'’\-\u2010.@/_#])(?P<w>\p{Lu}\p{Ll}+)(?:['’]s)?"
    r"(?![\p{L}\p{M}\p{N}\-\u2010@/_]|['’]\p{L}|\.\p{L})"
)
#: _TITLE on ASCII text, for ``re`` (see :func:`_title_matches`): ASCII's letters are A-Z and
#: a-z, its digits 0-9, and it has no marks, no "’" and no "\u2010". The capital comes before
#: the look-behind (which reads it again as "."), so that ``re`` looks for a capital instead of
#: trying the look-behind at every character. (A possessive run and an empty alternative for the
#: optional "'s": the look-ahead fails wherever giving a letter or the "'s" back would be tried,
#: and ``re`` scans in about a twelfth fewer instructions.)
_ASCII_TITLE = lazy_compile(
    r"([A-Z](?<![A-Za-z0-9'\-.@/_#].)[a-z]++)(?:'s|)(?![A-Za-z0-9\-@/_]|'[A-Za-z]|\.[A-Za-z])", engine=re)
#: _TITLE on plain text (:attr:`Document.plain`), for ``re`` (see :func:`_title_matches`): the
#: classes of its letters and numbers there, and no marks; led by its capital as _ASCII_TITLE is.
_PLAIN_TITLE = lazy_compile(
    rf"([{PLAIN_CAPITALS}](?<![{PLAIN_LETTERS}{PLAIN_NUMBERS}'’\-\u2010.@/_#].)[{PLAIN_SMALL}]++)(?:['’]s|)"
    rf"(?![{PLAIN_LETTERS}{PLAIN_NUMBERS}\-\u2010@/_]|['’][{PLAIN_LETTERS}]|\.[{PLAIN_LETTERS}])", engine=re)
#: The group "w" of _TITLE and _COMPOUND (the word without its possessive), by number: the regex
#: module looks a group's name up at each call, which costs more than most tests of a match here.
W = 1
#: A hyphenated compound with only its first part capitalised ("Self-government").
_COMPOUND = lazy_compile(
    r"(?<![\p{L}\p{M}\p{N}'’\-\u2010.@/_#])(?P<w>(?P<head>\p{Lu}\p{Ll}+)(?:-\p{Ll}+)+)"
    r"(?![\p{L}\p{M}\p{N}\-\u2010@/_]|['’]\p{L}|\.\p{L})")
#: Where _COMPOUND is tried (:func:`textlint.anchored.finditer_at_runs`): at the capitalised
#: word before a hyphen and a lowercase letter.
_COMPOUND_AT = (lazy_compile(r"-\p{Ll}"), lazy_compile(r"(?r)\p{Lu}\p{Ll}+"))
_WORDS = lazy_compile(r"[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)?|[^\s\p{L}\p{M}\p{N}]")
#: _WORDS on ASCII text with no-break spaces, for ``re`` (see :func:`_tokens`): ASCII has no marks
#: and no "’", its letters and digits are A-Z, a-z and 0-9, and its white space for ``regex`` is
#: these six, to which the no-break space adds one. (Possessive runs and an empty alternative
#: for the optional apostrophe, which match what the greedy ones match here: ``re`` runs them in
#: about a tenth fewer instructions.)
_ASCII_WORDS = lazy_compile(r"[A-Za-z0-9]++(?:'[A-Za-z]++|)|[^\t\n\x0b\x0c\r \u00a0A-Za-z0-9]", engine=re)


def _tokens_py(text: str, pos: int, endpos: int) -> list[regex.Match]:
    """The tokens (:data:`_WORDS`) of ``text[pos:endpos]``. Most of the windows read around a
    word are ASCII, perhaps with no-break spaces (the character other than ASCII that news text
    holds most), where ``re`` finds the same tokens in about 40 % less time than ``regex``
    (which pays more for each call and each match)."""
    window = text[pos:endpos]
    ascii = window.isascii() or window.replace("\u00a0", " ").isascii()
    return list((_ASCII_WORDS if ascii else _WORDS).finditer(text, pos, endpos))


#: The compiled tokens of an ASCII window (native/src/capitals.rs), or None.
_ASCII_TOKENS = native.function("ascii_tokens")


def _tokens(text: str, pos: int, endpos: int) -> list[regex.Match]:
    """:func:`_tokens_py`; in a window that is ASCII but for no-break spaces (nearly every one),
    the compiled twin of _ASCII_WORDS gives the tokens as objects that answer ``group()``,
    ``start()``, ``end()`` and ``span()`` as the matches do (all that is asked of a token), in
    about half the time ``re`` takes to make its matches."""
    if _ASCII_TOKENS is not None:
        window = text[pos:endpos]
        if window.isascii() or window.replace("\u00a0", " ").isascii():
            tokens = _ASCII_TOKENS(window, pos)
            if tokens is not None:
                return tokens
    return _tokens_py(text, pos, endpos)


#: A run of characters other than ASCII (few in English prose: "é", "£", "–"; ``regex`` looks for
#: a range of characters several times quicker than ``re``).
_NOT_ASCII = lazy_compile(r"[^\x00-\x7f]+")


@lru_cache(maxsize=4)
def _not_ascii(text: str) -> tuple[tuple[int, int], ...]:
    """Where *text* holds runs of characters other than ASCII (asked by the scans of one document;
    ``str.isascii`` answers at once for an ASCII text)."""
    return () if text.isascii() else tuple(m.span() for m in _NOT_ASCII.finditer(text))


def _ascii_stretches(text: str, cut: str) -> Iterator[tuple[int, int, bool]]:
    """The text cut at the character *cut* into stretches, in order, each as its start, its end
    and whether it is ASCII: each run of characters other than ASCII with the characters around
    it up to a *cut*, and the ASCII text between them. Each stretch but the first starts at a
    *cut* or straight after one, and each but the last ends at one or straight after one. So a
    pattern whose matches hold no *cut*, whose look-behind reads the one character before a
    match and whose look-ahead reads no further than a *cut* (and answers there as at the end of
    the text) finds in the stretches, one after the other, what it finds in the whole text; in
    the ASCII ones (nearly all of an English text) ``re`` may look for an ASCII twin of the
    pattern, quicker than ``regex`` where the pattern starts with a look-behind or a class."""
    start = 0  # where the ASCII text starts
    for left, right in _not_ascii(text):
        if left < start:
            continue  # in the stretch of the run before
        if start < (left := text.rfind(cut, start, left) + 1):
            yield start, left, True
        start = text.find(cut, right)
        start = len(text) if start < 0 else start
        yield left, start, False
    if start < len(text):
        yield start, len(text), True


def _title_matches(doc: Document) -> Iterator[regex.Match | re.Match]:
    """``_TITLE.finditer(doc.text)``, found by its twins (:func:`_stretch_matches`; the same
    groups, by number). A no-break space, the character other than ASCII that news text holds
    most (often hundreds in an article), counts as a space: no match holds one, and the twins
    read it as _TITLE does, as no letter, mark, number, apostrophe or hyphen."""
    return _stretch_matches(_TITLE, _PLAIN_TITLE, _ASCII_TITLE, doc)


def _stretch_matches(pattern: LazyPattern, plain_twin: LazyPattern, ascii_twin: LazyPattern,
                     doc: Document) -> Iterator[regex.Match | re.Match]:
    """``pattern.finditer(doc.text)`` for a pattern whose matches hold no space and whose
    look-arounds read a no-break space as a space: found by its plain ``re`` twin in the whole
    text of a plain document (:attr:`Document.plain`, nearly every one), and in another's by its
    ASCII ``re`` twin in the ASCII stretches (:func:`_ascii_stretches`, cut at spaces, no-break
    spaces counted as spaces), which reads them in about a twelfth fewer instructions than the
    plain twin would (its classes cost more at each character)."""
    text = doc.text
    if doc.plain:
        return plain_twin.finditer(text)
    return (m for start, end, ascii in _ascii_stretches(text.replace("\u00a0", " "), " ")
            for m in (ascii_twin if ascii else pattern).finditer(text, start, end))


def _title_candidates_py(doc: Document) -> dict[str, list[regex.Match | re.Match]]:
    """The capitalised words of the text (:func:`_title_matches`) worth a look, each with all its
    matches, in the order of their first copies: function words and words the casing table calls
    lowercase (:func:`_worth_a_look`). Only their occurrences need the (slower) sentence-start
    test. Names recur, so each distinct word is judged once."""
    candidates: dict[str, list[regex.Match | re.Match]] = {}
    worth: dict[str, bool] = {}
    for m in _title_matches(doc):
        word = m[W]  # (subscript: quicker than group() at each capitalised word of the text)
        look = worth.get(word)
        if look is None:
            look = worth[word] = _worth_a_look(word.lower())
        if look:
            candidates.setdefault(word, []).append(m)
    return candidates


def _mid_sentence_candidates_py(doc: Document) -> dict[str, tuple[list[regex.Match | re.Match], int]]:
    """The capitalised words worth a look (:func:`_title_candidates_py`) that some copy writes where
    no sentence starts, in the order of their first copies: each with its matches that start no
    sentence of the prose (:func:`.prose.starts_sentence`; code before a word is no sentence), in
    order, and, for a noun of :func:`_house_nouns` (the others' are never asked), how many of all
    its matches no capitalised word follows, up to HOUSE_STYLE_CAPITALS (:func:`_last_word_copies`;
    0 for another word)."""
    text, prose = doc.text, doc.prose_text
    house_nouns = _house_nouns()
    found = {}
    for word, matches in _title_candidates_py(doc).items():
        mid = [m for m in matches if not starts_sentence(prose, m.start())]
        if mid:
            found[word] = (mid, _last_word_copies(text, matches) if word.lower() in house_nouns else 0)
    return found


@cache
def _house_nouns() -> frozenset[str]:
    """The nouns whose house style :func:`_house_style_by_copies` may find: WordNet's bodies and
    kinds of things that bear names (``wc.bodies()``, ``wc.name_heads()``), loaded when first asked."""
    return wc.bodies() | wc.name_heads()


def _last_word_copies(text: str, matches: list[regex.Match | re.Match]) -> int:
    """How many of a capitalised word's *matches* no capitalised word follows in *text*, up to
    HOUSE_STYLE_CAPITALS (all that :func:`_house_style_by_copies` asks: the count stops there)."""
    n = 0
    for m in matches:
        if not _NEXT_CAPITALISED.match(text, m.end(W)):
            n += 1
            if n == HOUSE_STYLE_CAPITALS:
                break
    return n


#: The compiled twin of :func:`_mid_sentence_candidates_py` on plain text (native/src/capitals.rs), or None.
_MID_SENTENCE_CANDIDATES = native.function("mid_sentence_candidates")


def _mid_sentence_candidates(doc: Document) -> dict[str, tuple[list[regex.Match | re.Match], int]]:
    """:func:`_mid_sentence_candidates_py`; on a plain document (nearly every one) its compiled twin
    scans the text, judges a word only where a copy of it may start no sentence (the character
    before a copy places most: after a word, or at a sentence's break; ``starts_sentence`` the
    others), and gives the matches that start no sentence as objects that answer ``start()``,
    ``end()``, ``group()`` and ``m[W]`` as the matches do (all that is asked of them), without the
    interpreter's loop over every capitalised word and an object for each sentence start; each
    of those also answers ``settled_in_name``, :func:`_settled_in_name_py` of it, which the scan
    works out where it stands (:func:`_settled_test`)."""
    if _MID_SENTENCE_CANDIDATES is not None and doc.plain:
        found = _MID_SENTENCE_CANDIDATES(doc.text, doc.prose_text, _worth_a_look, _house_nouns(),
                                          HOUSE_STYLE_CAPITALS, starts_sentence, _NAME_WORDS,
                                          _judged_by_left, _judged_by_right, _worth_tables())
        if found is not None:
            return found
    return _mid_sentence_candidates_py(doc)


#: A function word the document capitalises in mid-sentence this often is one of its defined
#: terms ("You" in a licence), not a slip.
DEFINED_TERM = 3
#: Words judged like function words: no name holds them alone (with the sentence adverbs,
#: see :func:`_function_like`).
FUNCTION_WORDS = wc.FUNCTION_WORDS
POSSESSIVES = wc.POSSESSIVES
DETERMINERS = wc.DETERMINERS
ARTICLES = wc.ARTICLES
NEVER_TITLED = wc.NEVER_TITLED
#: The prepositions of at most three letters, which AP, Chicago, APA and MLA title styles all
#: write in lowercase ("Conference on Disarmament"): before a month or a number one is no part
#: of the name before it ("the Russian Federation In December").
SHORT_PREPOSITIONS = frozenset(p for p in wc.PREPOSITIONS if len(p) <= 3)
#: Prepositions that introduce the place, time or target of an action ("a Visit to China",
#: "an Attempt on President X"); "of", "for" and "and" join the parts of names instead
#: ("Head of State", "Commission for Racial Equality").
ADJUNCT_PREPOSITIONS = wc.PLACE_PREPOSITIONS
#: Prepositions of place and "of": after a noun that introduces names they start no name
#: ("the summit In Tashkent", "the defence Of Moscow").
PLACE_OR_PART = wc.PLACE_PREPOSITIONS | (wc.NEVER_TITLED - wc.COORDINATORS)
#: Words that join the parts of a name ("Ministry of the Interior", "Industry and Trade").
CONNECTORS = frozenset(("&",)) | wc.NAME_PARTICLES | wc.ARTICLES - {"a", "an"} \
    | wc.NEVER_TITLED - {"or", "nor"} | wc.PLACE_PREPOSITIONS
#: A noun for a body that the casing table finds capitalised at least this often (natural log
#: of capitalised to lowercase uses: -2.9 is about 5 % of all uses, "committee", "court",
#: "house", "state"; not "country", "meeting") is, after "the" or a possessive, the short name
#: of a body ("the Commission", "the House").
BODY_NAME = -2.9
#: How often a document must write a noun for a body or a named kind of thing capitalised (at
#: the end of a name or alone) before it counts as the document's house style (see
#: :func:`_house_style`): the copy judged and two more.
HOUSE_STYLE_CAPITALS = 3
VERB_LIKE = wc.VERB_LIKE
AUXILIARIES = wc.AUXILIARIES
OBJECT_STARTS = wc.OBJECT_STARTS
#: How much rarer the capitalised form must be than the lowercase one (natural log) ...
THRESHOLD = -2.0
#: Words capitalised more often than THRESHOLD allows ("Good", "Total", "Global") are
#: flagged only between two lowercase words, when the document also writes them in lowercase.
WEAK = -1.0
#: ... or, when the document never writes the word in lowercase, this much rarer.
STRONG = -2.5
#: A capitalised -ed or -ly form this rare is a verb or an adverb even after a name
#: ("Okuda Proposed a toast").
STRONG_FORM = -3.0
#: A lowercase word pair this strongly associated (log10 PMI in web text) is a set phrase of
#: common English ("global economic", "regardless of"): a capital inside it is out of place.
COLLOCATION = 1.0
#: Between two lowercase words, a weaker association suffices ("expressed Confidence that").
WEAK_COLLOCATION = 0.6
#: "A" between two lowercase words and single spaces (a wider gap is where extraction dropped
#: a formula or a heading): the article, capitalised by mistake ("during A recent").
_ARTICLE_A = lazy_compile(
    r"(?<![\p{L}\p{M}\p{N}'’\-])(?P<before>\p{Ll}+)[ \u00a0](?P<a>A)[ \u00a0]"
    r"(?P<after>\p{Ll}+)(?:-\p{Ll}+)*(?![\p{L}\p{M}\p{N}'’\-])")
#: "No" between two lowercase words and single spaces (see MidSentenceCapital._determiner_no).
_DETERMINER_NO = lazy_compile(
    r"(?<![\p{L}\p{M}\p{N}'’\-])(?P<before>\p{Ll}+)[ \u00a0](?P<no>No)[ \u00a0]"
    r"(?P<after>\p{Ll}+)(?![\p{L}\p{M}\p{N}'’]|[\-.]\p{L})")
#: Where _DETERMINER_NO is tried (:func:`textlint.anchored.finditer_at_runs`): at the lowercase
#: word and the space before a spaced "No" (the seam starts at the literal "No", which ``regex``
#: looks for far faster than for a space before it: a text has few of them and many spaces).
_DETERMINER_NO_AT = (lazy_compile(r"(?<=[ \u00a0])No(?=[ \u00a0])"), lazy_compile(r"(?r)\p{Ll}+[ \u00a0]"))
#: An answer particle other than "no" capitalised after a lowercase word ("the Yes campaign").
#: (With one answer, ``regex`` looks for its literal text; an alternation it tries at every
#: character, five times slower on one.txt.)
_CAPITALISED_ANSWER = lazy_compile(
    r"(?<=\p{Ll}[ \u00a0])(?:" + "|".join(sorted(a.capitalize() for a in wc.ANSWERS if a != "no"))
    + r")(?![\p{L}\p{M}\p{N}.])")


def _answers_label_votes(text: str) -> bool:
    """Whether the document capitalises an answer other than "No" after a lowercase word ("the
    Yes campaign"): its answers label the sides of a vote."""
    return _CAPITALISED_ANSWER.search(text) is not None


#: Where _ARTICLE_A is tried (:func:`textlint.anchored.finditer_at_runs`): at the lowercase word
#: and the space before a spaced "A" (the seam starts at the "A", as _DETERMINER_NO_AT's).
_ARTICLE_A_AT = (lazy_compile(r"(?<=[ \u00a0])A(?=[ \u00a0])"), lazy_compile(r"(?r)\p{Ll}+[ \u00a0]"))
#: A capital letter used as a name of its own (not "I", an initial "J." or "X-ray").
_LETTER_NAME = lazy_compile(r"(?<![\p{L}\p{M}\p{N}.'’\-])[B-HJ-Z](?![\p{L}\p{M}\p{N}.'’\-])")
#: _LETTER_NAME on ASCII text, for ``re`` (see :func:`_names_with_letters`), led by its capital as
#: _ASCII_TITLE is.
_ASCII_LETTER_NAME = lazy_compile(r"[B-HJ-Z](?<![A-Za-z0-9.'\-].)(?![A-Za-z0-9.'\-])", engine=re)
#: _LETTER_NAME on plain text, for ``re``, as _PLAIN_TITLE is _TITLE's.
_PLAIN_LETTER_NAME = lazy_compile(
    rf"[B-HJ-Z](?<![{PLAIN_LETTERS}{PLAIN_NUMBERS}.'’\-].)(?![{PLAIN_LETTERS}{PLAIN_NUMBERS}.'’\-])", engine=re)


#: The compiled twin of ``_PLAIN_LETTER_NAME.search(text) is not None`` on plain text
#: (native/src/capitals.rs), or None.
_LETTER_NAME_NATIVE = native.function("letter_name")


def _names_with_letters(doc: Document) -> bool:
    """Whether the document's text uses a capital letter as a name of its own (:data:`_LETTER_NAME`):
    looked for by its twins (:func:`_stretch_matches`), as :func:`_title_matches` looks for
    capitalised words (a text that has none is read to its end, by ``re`` in about two thirds of
    the instructions ``regex`` takes); in plain text (nearly every one) by the compiled twin of
    _PLAIN_LETTER_NAME, which reads it without stopping at each capital."""
    if _LETTER_NAME_NATIVE is not None and doc.plain:
        return _LETTER_NAME_NATIVE(doc.text)
    return next(_stretch_matches(_LETTER_NAME, _PLAIN_LETTER_NAME, _ASCII_LETTER_NAME, doc), None) is not None


_PREVIOUS = lazy_compile(r"(?r)([\p{L}]+)[ \u00a0]+$")
#: A whole lowercase word (not the end of "20th") and the spaces after it.
_LOWER_PREVIOUS = lazy_compile(r"(?r)(?<![\p{L}\p{M}\p{N}'’\-])\p{Ll}+[ \u00a0]+$")
_NEXT_CAPITALISED = lazy_compile(r"[ \u00a0]+\p{Lu}")
_SPACED_NUMBER = lazy_compile(r"[ \u00a0]+\p{N}")
#: An apostrophe, and one with the "s" of a possessive that ends a word ("Assembly’s").
_APOSTROPHE = lazy_compile(r"['’]")
_POSSESSIVE_END = lazy_compile(r"['’]s$")
_NEXT_LOWER = lazy_compile(r"[ \u00a0]+(\p{Ll}+)(?![\p{L}\p{M}\p{N}\-\u2010'’])")


#: Distinct words whose judgements by :func:`_function_like`, :func:`_worth_a_look`,
#: :func:`_judged_by_left`, :func:`_plain_common_noun` and :func:`_lowercase_ratio` (the word and
#: the process-wide tables alone decide them) are kept for the documents after the one that asked.
WORDS_KEPT = 1 << 12


@lru_cache(maxsize=WORDS_KEPT)
def _function_like(low: str) -> bool:
    """Whether lowercase *low* is a function word or a sentence adverb ("However",
    "Unfortunately"): English capitalises the adverbs so often at the start of a sentence that
    the casing table cannot judge them, but they name nothing, so they are judged like
    function words."""
    return low in FUNCTION_WORDS or wc.sentence_adverb(low)


@lru_cache(maxsize=WORDS_KEPT)
def _judged_by_left(token: str) -> bool:
    """Whether a name before the capitalised *token* (as written, with its possessive) is enough
    to place it in the name (:meth:`MidSentenceCapital._in_name`): no -ed or -ly form, verb form
    and nothing else, modal or adverb, whose place after a name the words after it decide
    (:func:`_not_a_name_part`). A name's words recur, so each form is judged once."""
    return not token.endswith(("ed", "ly")) and not wc.only_verb(token) and not _clause_word(token.lower())


@lru_cache(maxsize=WORDS_KEPT)
def _judged_by_right(token: str) -> bool:
    """Whether a capitalised word after the capitalised *token* (as written) is enough to place it
    in a name (:meth:`MidSentenceCapital._in_name`, :func:`_before_capitalised_word_py`): no form that
    :func:`_not_a_name_part` may find ending a name before a capitalised word (a verb form and
    nothing else, an -ed form) that the casing table calls strongly lowercase. Each form is judged once."""
    ratio = _lowercase_ratio(token.lower())
    return ratio is None or ratio > STRONG_FORM or not (token.endswith("ed") or wc.only_verb(token))


@lru_cache(maxsize=WORDS_KEPT)
def _worth_a_look(low: str) -> bool:
    """Whether a capitalised word, as lowercase *low*, may be a slip wherever it stands: no
    month, day or "no" ("No. 1", "a No vote"), and a function word or sentence adverb, or a word
    that the casing table calls lowercase (WEAK) or, when the table leaves it out, a frequent
    common word (:func:`_frequent_common_word`). The tables settle most words
    (:func:`_worth_by_tables`)."""
    settled = _worth_by_tables(low)
    if settled is not None:
        return settled
    if _function_like(low):
        return True
    ratio = _lowercase_ratio(low)
    return ratio <= WEAK if ratio is not None else _frequent_common_word(low)


#: The words never worth a look: the months and days, and "no" ("No. 1", "a No vote").
_NEVER_WORTH = wc.CALENDAR | {"no"}


def _worth_by_tables(low: str) -> bool | None:
    """:func:`_worth_a_look` of *low* where the word lists and tables alone settle it, else None:
    never for :data:`_NEVER_WORTH`, always for a function word, and for a word that LanguageTool's
    dictionary does not know (most names), which is no sentence adverb, verb form or frequent
    common word, nor a British spelling, as the casing table says (WEAK); and for a word that it
    knows, with classes that no sentence adverb has, as the casing table says when it rates the
    word (its common words: "government", "deploy"). The compiled twin (``WorthTables``,
    :func:`_worth_tables`) answers it for the scan without a call into Python."""
    if low in _NEVER_WORTH:
        return False
    if low in FUNCTION_WORDS:
        return True
    tags = wc.tags(low)
    if wc.adverb_classes(tags) or not tags and low.endswith(_BRITISH_ENDS):
        return None
    ratio = get_casing().ratio(low)
    if ratio is None:  # (a word the casing table does not rate: a rare one, unless the dictionary knows it)
        return None if tags else False
    return ratio <= WEAK


#: The compiled twin of :func:`_worth_by_tables` (native/src/worth.rs), or None.
_WORTH_TABLES = native.function("WorthTables")


@cache
def _worth_tables():
    """The compiled :func:`_worth_by_tables` (``WorthTables``) over the word-class and casing
    tables read in place (their compiled tables and which of their values say no class, a
    sentence adverb's classes, a ratio and WEAK), made once; None without the module or a table
    read by Python."""
    tags, casing = in_place_parts(wc.tags_answers()), in_place_parts(get_casing().answers())
    if _WORTH_TABLES is None or tags is None or casing is None:
        return None
    (tag_table, classes), (casing_table, ratios) = tags, casing
    return _WORTH_TABLES(_NEVER_WORTH, FUNCTION_WORDS, list(_BRITISH_ENDS), tag_table, [not c for c in classes],
                         [wc.adverb_classes(c) for c in classes], casing_table, [r is not None for r in ratios],
                         [r is not None and r <= WEAK for r in ratios])


class MidSentenceCapital(Check):
    ID = "cleanup.MidSentenceCapital"
    CATEGORY = "cleanup"
    DESCRIPTION = (
        "A word that is normally written in lowercase, capitalised in the middle of a "
        "sentence (\"Russia could Deploy missile systems\")."
    )
    RATIONALE = (
        "Machine translation and careless merging capitalise words that start a sentence "
        "in the source or in another version of the text. The check flags a capitalised "
        "word only when a cased word list says it is written in lowercase far more often "
        "than capitalised, the document capitalises it nowhere else in mid-sentence, and "
        "it is not part of a name: next to another capitalised word, a number or a bracket "
        "(\"Ministry of Defence\", \"General Staff\", \"Article 8\") or in a title-case subject "
        "that its sentence defines (\"Only Human is the debut album\"), nor a singular noun with "
        "no determiner that is the subject of a verb (\"retailers like Next rose\"). English grammar "
        "limits what a name can hold: a past-tense verb with its object (\"Mr Okuda "
        "Proposed a toast\"), a word that LanguageTool's dictionary knows only as a verb form "
        "before its object (\"Mr Putin Discussed ways\", \"Aznar Invited Vladimir Putin\"), a "
        "reporting verb that ends its clause (\"the Chancellor Said.\"), an adverb before a "
        "lowercase word, a "
        "word after \"had\" or \"could\", a verb form after \"to\" (\"to Ensure Russia's "
        "security\"), and a capitalised \"of\", \"and\", \"or\", \"nor\", \"for\" (lowercase in every "
        "title style) are not parts of names; a name does not run over a line break, a "
        "comma before a number, or a preposition of place after a lowercase modifier (\"a "
        "recent Trip to Kabul\"), a short preposition before a month or a number (\"the "
        "Russian Federation In December\"), after a noun that introduces names (WordNet) a "
        "function word, a verb with its object or the second noun of a compound (\"the summit "
        "In Tashkent\", \"on a state Visit\"; but \"the union Unison\"), or a word after a "
        "sentence's opening article that the document writes in lowercase (\"The Situation in "
        "Syria\"). The article \"A\" between lowercase words is flagged "
        "(\"forwarded A telegram\", also before a hyphenated compound), and so is the determiner "
        "\"No\" before a lowercase content word (\"there is No military solution\"; not after an "
        "article or a coordinator, nor in a document whose \"Yes\" and \"No\" label a vote); a "
        "hyphenated compound that capitalises its first part alone between lowercase words is "
        "flagged when its first part is a bound prefix, when the document writes it in lowercase "
        "elsewhere, or when its parts make a set phrase of web text (\"a Long-term plan\") unless a word that LanguageTool's dictionary knows only as "
        "a noun stands before it (\"vitamin A\"), an adjective that ends its phrase after it "
        "(\"in A minor\"), or the document names things with single letters; an article or "
        "possessive before a common noun is no name (\"in The project\", \"on The Russian "
        "language\"), nor is \"The\" "
        "before a public body that the document also names after a lowercase article (\"by "
        "The State Assembly\"). \"Good\" at a sentence start before a word that web text pairs "
        "with it is a greeting (\"Good Afternoon, colleagues\"). Sentence "
        "adverbs and discourse words (\"However\", \"According\", \"Thank\"), which "
        "the casing table cannot judge, are judged like function words. An item of a list of "
        "lowercase words is a common word (\"peace, stability, Security and "
        "prosperity\"). Words often capitalised elsewhere (\"Good\", \"Total\") "
        "are flagged only between lowercase words in a document that also writes them in "
        "lowercase, or inside a set phrase of lowercase English (a strongly associated web "
        "bigram: \"countering Global economic crisis\", \"Regardless of\"; between lowercase words "
        "and after no article a weaker one: \"expressed Confidence that\"). A short preposition "
        "between lowercase words is judged even in a sentence that its names make look like Title "
        "Case (\"Taking part In the meeting were Prime Minister ...\"); a noun that introduces "
        "names excuses no adjective before it after an indefinite article (\"a Brief meeting\") "
        "and no strongly lowercase plural after it (\"space industry Workers\"). A word of "
        "four letters or more between a lowercase word that Title Case would capitalise and another "
        "lowercase word, before no noun, is judged in such a sentence too (\"Taking part in the "
        "Meeting were ...\"). A modal before "
        "its verb and an adverb and nothing else before a lowercase word end a name (\"the Forum "
        "Will help\", \"Russia Always advocates\"); \"The\" after a lowercase word before an "
        "acronym (\"the presidency of The EU\") is no part of a name, nor is \"The\" before a lone noun for a "
        "body or a person in a document that writes \"the\" before names (\"with The Cabinet\"), before a "
        "person noun that the document writes as a title before names and its verb (\"During the meeting, The "
        "President instructed\"), or before a name that the document writes after a lowercase article, even "
        "after a noun that introduces names or before a possessive (\"I declare The Assembly’s session "
        "open\"); a verb "
        "form after a name that the document ends elsewhere (\"Vladimir Putin Met with\"), a plain noun "
        "before its verb after a sentence's article (\"The Message reads\") and a preposition after a "
        "lowercase word that Title Case would capitalise (\"was attended By Presidential Aide\") are "
        "judged, and so are a plain noun that ends its phrase after a lowercase adjective (\"computational "
        "Biology,\"), a rarely capitalised adjective between a determiner and a common noun (\"the Tireless "
        "efforts\"), a plain noun before \"of\" and a lowercase word (\"the Sphere of joint operations\"), "
        "a verb after a subject pronoun (\"we Count on\") and a noun before a preposition whose object is "
        "a common noun phrase (\"the Results of Mr Putin’s official visit\"), and a plain noun after a lowercase "
        "word before a preposition other than \"of\" whose object is a proper name that ends there "
        "(\"the Situation in Syria\"; not \"the Cruelty to Animals Act\", \"the Investing in Udmurtia "
        "project\"); \"The\" before adjectives "
        "made from names and a lowercase word (\"by The Iranian voters\"), or between two names through a "
        "preposition in a document that lowercases the article of names (\"Director of The Federal "
        "Security Service\"), is no part of a name. A word after a "
        "name ends no name when it is a verb before its object (\"Mr Putin Said some deputies\") "
        "or an adjective before its noun (\"Russian Foreign policy\"), the casing table calls it "
        "rarely capitalised, and the document writes it in lowercase elsewhere and capitalised "
        "nowhere else; a past tense after a name that opens its clause, before a lowercase "
        "determiner or object pronoun, is its verb (\"Mr Putin Saw the main attractions\", even in a "
        "sentence that its names make look like Title Case), and an adjective and nothing else after a "
        "name's possessive (\"Russia’s Recent efforts\") or between an adjective made from a name and a "
        "lowercase noun (\"his Belgian Opposite number\") is no part of a name; an adjective or a verb "
        "form and nothing else after a lowercase word that is "
        "no article, demonstrative or preposition names nothing (\"to solve Important social "
        "problems\"); a frequent word that the casing table leaves out is judged inside a set "
        "phrase of lowercase English when the document writes it in lowercase too (\"as Well "
        "as\"). The group nouns of "
        "a salutation (\"Mr President, Friends,\") are lowercase after its first word; a plain "
        "common noun after an adjective made from a name, written in lowercase "
        "elsewhere, is no part of a name (\"the Russian-American Talks were\"), nor is an adjective "
        "capitalised hardly ever before one and its noun (\"with Prominent German politicians\"), a "
        "rarely capitalised adjective after \"a\" or \"an\" before a noun that introduces names (\"an "
        "Official visit\") or a common noun before the plural of one (\"Energy projects\"); an "
        "article is no part of a name that the document writes after a lowercase article "
        "elsewhere (\"of The Navy\"); a heading excuses a capitalised \"of\" or article only "
        "when it capitalises the next word too. Words after a sentence end, a colon or semicolon, an opening quotation "
        "mark, a bracket, a dash, a bullet, the \"=\" of a definition (\"W = Wins\") or a "
        "task list's checkbox, at a table cell's or "
        "heading's start, after code that opens a list item, in headings and in Title Case or ALL-CAPS "
        "sentences, titles that capitalise every word, months and days, a noun for a body that a cased corpus often "
        "capitalises, after \"the\" or a possessive (\"the Commission\"), a noun for a kind of thing that "
        "bears names and is often capitalised, after \"the\" (\"the Treaty\"), a plural body after \"the\" "
        "and a number (\"the two Houses\"), a noun after \"the\" or a possessive and a year (\"the 2012 "
        "Games\"), a body without "
        "an article after a preposition or a past tense (\"in Cabinet\", \"saw Town win\"), words "
        "that an acronym in brackets spells (\"Leadership in Energy and Environmental Design "
        "(LEED)\"), a label glued to its number (\"Para.1\"), a word after a capitalised word glued "
        "to a lowercase one (\"meritFor Mentorship\"), \"the\" and a noun of a full name that the document gave "
        "before and never writes in lowercase (\"the Global Fund ... the Fund\"), a capitalised noun after "
        "a reporting verb and \"the\" (\"told the Times\") or before a noun for a person (\"the "
        "former Sun editor\"), or before a noun for a body when LanguageTool's dictionary knows "
        "it as a proper noun (\"the Conservative party\"), acronyms, "
        "CamelCase and hyphenated names (Díaz-Canel, "
        "Military-Technical; a compound that capitalises only its prefix between lowercase words "
        "is flagged: \"local Self-government\") and words the document writes in code (\"an uncaught Error\" "
        "beside `Error`) are never flagged, nor is a function word that the document capitalises "
        "in mid-sentence three times or more (a defined term: \"You\" in a licence). In technical "
        "writing (code spans and blocks, or code such as \"sys.exit()\" in the prose) "
        "capitalised nouns name types and interface elements (\"returns a Promise\", \"the "
        "Settings dialog\"), so only capitalised function words are flagged there. Without a "
        "lowercase copy in the document, a past form before its object (\"and Noted the importance\"), "
        "a pair with a lowercase word of its kind (\"the Security and stability\"), a set phrase on both "
        "sides (\"as Well as\") and a word before a lowercase word that Title Case would capitalise, "
        "however many names the sentence holds (\"Taking Part in the meeting were ...\"), are evidence "
        "too; \"A\" after a comma or a name before an adjective and its noun is the article (\"wished "
        "Silvio Berlusconi A happy birthday\")."
    )
    FIX = Applicability.UNSAFE
    FIX_AVAILABILITY = FixAvailability.ALWAYS
    FIX_SAFETY = (
        "The fix lowercases the first letter. It is unsafe: the word may be part of a name "
        "that the document mentions only once."
    )
    FLAG = [
        ("Russian President Vladimir Putin said Russia could Deploy missile systems.",
         "Russian President Vladimir Putin said Russia could deploy missile systems."),
        ("Last month you Took part in the summit.", "Last month you took part in the summit."),
        ("I will be pleased to answer your Questions and talk informally.",
         "I will be pleased to answer your questions and talk informally."),
        ("Mr Okuda Proposed a toast.", "Mr Okuda proposed a toast."),
        ("The President Of Russia arrived.", "The President of Russia arrived."),
        ("The talks covered ways of countering Global economic crises.",
         "The talks covered ways of countering global economic crises."),
        ("Mr President, Friends,\n\nWelcome.", "Mr President, friends,\n\nWelcome."),
        ("The President forwarded A telegram.", "The President forwarded a telegram."),
    ]
    OK = [
        "The head of Russian diplomacy said that the “Military cooperation is developing”.",
        "He met the President of Russia and the Minister of Defence.",
        "Celac, Brazil, Venezuela and Nicaragua were visited on Thursday.",
        "The new strategy: Deploy first, ask later.",
        "The meeting ends in May and resumes in March.",
        "THE COUNCIL WILL MEET AGAIN",
        "A Guide To Writing Good Headlines For The Web",
        "Miguel Díaz-Canel signed the Military-Technical agreement.",
        "The Government said so. The Government will act.",
        "The Serious Organised Crime and Police Bill passed.",
        "It was set in How Green Was My Valley, the film.",
        "He told a Parliamentary lunch so.",
        "Mr President, Your Excellency,\n\nWelcome.",
        "They need vitamin A supplements.",
        "Only Human is the debut studio album of the band.",
    ]

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        written = _Written(doc)
        yield from self._article_a(doc)
        yield from self._words(doc, written)
        yield from self._compounds(doc, written)
        yield from self._determiner_no(doc)

    def _compounds(self, doc: Document, written: _Written) -> Iterator[Diagnostic]:
        """A hyphenated compound whose first part alone is capitalised, between two lowercase
        words ("local Self-government", "and Anti-corruption measures"): its first part is a
        bound prefix of three letters or more (wordclasses.PREFIXES; not "Co-op"), and the
        document writes the compound capitalised nowhere else. Names with a hyphen capitalise
        every part ("Díaz-Canel", "Military-Technical") or start with a name ("Kremlin-backed",
        "Gram-negative"); a common word before the hyphen may be a name too ("Hang-dong"),
        so only prefixes, which name nothing alone, are judged."""
        text = doc.text
        if doc.technical or "-" not in text:
            return
        titles: Titles | None = None
        compounds = list(finditer_at_runs(_COMPOUND, *_COMPOUND_AT, text))  # (few: hyphenated words with a capital)
        seen = Counter(m.group() for m in compounds)
        for m in compounds:
            head = m.group("head").lower()
            if seen[m.group()] > 1 or not (_LOWER_PREVIOUS.search(text, max(0, m.start() - 30), m.start())
                                           and _LOWER_AFTER.match(text, m.end())
                                           or _between_listed_modifier_and_noun(text, m)) \
                    or not (head in wc.PREFIXES and len(head) >= 3 or _common_compound(written, m.group().lower())):
                continue
            if starts_sentence(doc.prose_text, m.start()) or m.group() in doc.code_words \
                    or _in_quoted_title(text, m.start(), m.end()):
                continue
            titles = titles or Titles(doc)
            if titles.is_titled(m.start()):
                continue
            yield self._diagnostic(m, m.group())

    def _determiner_no(self, doc: Document) -> Iterator[Diagnostic]:
        """The determiner "No" between a lowercase word and the lowercase content word it
        determines ("there is No military solution", "makes No sense"). The word list leaves
        "No" alone because it labels numbers ("No. 1") and votes ("a No vote", "voted No on"):
        after an article or a coordinator ("the Yes and No campaigns") or before a function
        word it is not judged, nor in a document that capitalises the other answer after a
        lowercase word ("the Yes campaign ... his own No campaign")."""
        text = doc.text
        if "No" not in text or _answers_label_votes(text):
            return
        titles: Titles | None = None
        for m in finditer_at_runs(_DETERMINER_NO, *_DETERMINER_NO_AT, text):
            before, after = m.group("before"), m.group("after")
            if before in ARTICLES or before in wc.COORDINATORS or after in FUNCTION_WORDS \
                    or not wc.tags(after) or doc.in_heading(m.start("no")) \
                    or _in_quoted_title(text, m.start("no"), m.end("no")):
                continue
            titles = titles or Titles(doc)
            if titles.is_titled(m.start("no")):
                continue
            yield self.diagnostic(m.start("no"), m.end("no"), "'No' is capitalised in mid-sentence",
                                  Fix.replace(m.start("no"), m.start("no") + 1, "n", Applicability.UNSAFE,
                                              title="Write 'no'"))

    def _article_a(self, doc: Document) -> Iterator[Diagnostic]:
        """The article "A" between two lowercase words ("forwarded A telegram"); a letter
        that labels something ("vitamin A deficiency", "envelope A and") is left alone, and
        so is "a A" (cleanup.DoubledWord reports it), and every "A" of a document that names
        things with single letters ("if A depends on B")."""
        text = doc.text
        if _ARTICLE_A_AT[0].search(text) is None or _names_with_letters(doc):
            return  # letters as names ("if A depends on B"): "A" may be one too
        for m in finditer_at_runs(_ARTICLE_A, *_ARTICLE_A_AT, text):
            before, after = m.group("before"), m.group("after")
            if before in ARTICLES or _labels_letters(before) \
                    or after in FUNCTION_WORDS and not _degree_before_word(text, m.end(), after) \
                    or _ends_phrase(text, m.end()) and "J" in wc.tags(after) \
                    or _in_quoted_title(text, m.start("a"), m.end("a")) \
                    or doc.in_heading(m.start("a")):
                continue
            yield self._article_diagnostic(m.start("a"))
        for seam in _ARTICLE_A_AT[0].finditer(text):
            a = seam.start()
            if _article_after_mark_or_capital(doc, a - 1, a + 1) \
                    and not _in_quoted_title(text, a, a + 1) and not doc.in_heading(a):
                yield self._article_diagnostic(a)

    def _article_diagnostic(self, a: int) -> Diagnostic:
        return self.diagnostic(a, a + 1, "'A' is capitalised in mid-sentence",
                               Fix.replace(a, a + 1, "a", Applicability.UNSAFE, title="Write 'a'"))

    def _words(self, doc: Document, written: _Written) -> Iterator[Diagnostic]:
        text = doc.text
        candidates = _mid_sentence_candidates(doc)  # (not the words only at sentence starts: most)
        capitalised = _CapitalisedWords(text)
        if not candidates:
            return
        casing = get_casing()
        titles = Titles(doc)
        settled = _settled_test(candidates, text)  # (the common cases of _in_name)
        prose = doc.prose_text
        code = doc.code_words  # "an uncaught Error", "Promises": names the code uses
        technical = doc.technical
        for word, (mid, last_word_copies) in candidates.items():
            if word in code or word.endswith("s") and word[:-1] in code:
                continue
            low = word.lower()
            function_word = _function_like(low)
            if technical and not function_word:
                continue  # technical writing capitalises types and UI labels: "a Promise", "Save As"
            # "the Party" five times: the document's style for a body, not a slip (asked where
            # it decides: its own copies often tell, the text is searched only for a word judged)
            house_style = False if function_word else None
            if house_style is None and _house_style_by_copies(low, last_word_copies):
                continue
            alone = []
            once = len(mid) < 2  # see _common_word_in_name
            common_in_name = not function_word and _may_be_common_word_in_name(low, once)
            group = not function_word and _plural_of_a_group(word)  # (asked once, not at each copy)
            for m in mid:
                if group and _addressed_group(text, m):
                    if house_style is None:
                        house_style = _house_style(capitalised, word, low)
                    if house_style:
                        break
                    yield self._diagnostic(m, word)  # "Mr President, Friends,"
                elif not (not function_word and settled(m)
                          or self._in_name(text, m.start(), m.end(), casing, function_word, written)) \
                        or common_in_name and _common_word_in_name(text, m, low, prose, casing, once):
                    alone.append(m)
                    if len(alone) > 1 and not function_word:
                        break
            if len(alone) != 1 and not function_word:
                continue  # capitalised on its own twice: the document treats it as a name
            if house_style or house_style is None and _house_style(capitalised, word, low):
                continue
            if function_word and len(alone) >= DEFINED_TERM and low not in ARTICLES:
                continue  # a defined term of the document: "You" and "Your" in a licence
            if function_word and len(alone) > 1:
                # the same capitalised phrase twice ("the medal For Courage") is a name; a word
                # that no title capitalises before a lowercase word twice, each after a word
                # ("defenders Of the Fatherland", "Commander-in-Chief Of the Armed Forces"), is
                # two slips, not a name (after a letter it may start a list's item: "o For a door")
                phrases = Counter(_phrase(text, m) for m in alone)
                alone = [m for m in alone if phrases[_phrase(text, m)] == 1
                         or low in NEVER_TITLED and _phrase(text, m)[1:2] and _phrase(text, m)[1][:1].islower()
                         and len(_previous_word(text, m.start())) > 1]
            for m in alone:
                previous = _previous_word(text, m.start())
                if previous == low:
                    continue  # "the The": cleanup.DoubledWord reports it
                if not function_word and _bare_singular_subject(text, m, low, previous):
                    continue  # "retailers like Next rose", "In interviews, Plant expressed": a name
                if not function_word and previous == wc.DEFINITE_ARTICLE and _source_of_report(text, m.start()):
                    continue  # "told the Times", "says the Independent": a name
                if not function_word and _short_name_of_a_body(low, _unglued(previous), casing):
                    continue  # "the Commission", "your Committee", "instructedthe Government"
                if not function_word and _bare_body(text, m, low, previous, casing):
                    continue  # "argued for them in Cabinet", "under Government guidance"
                if not function_word and _short_name_after_full_name(text, m, word, low, previous, written):
                    continue  # "the Global Fund ... the Fund": the short form of a name given earlier
                if not function_word and _short_name_of_a_kind(low, _unglued(previous), casing):
                    continue  # "approve the Treaty establishing ...": a treaty, an act, a report
                if not function_word and f"{previous}_{low}" in wc.body_compounds():
                    continue  # "the shadow Cabinet": a compound noun for a body (WordNet's)
                if not function_word and _counted_bodies(text, m, low, casing):
                    continue  # "the two Houses"
                if not function_word and _labelled(text, m):
                    continue  # "refund Order #5698656"
                if not function_word and _after_a_year(text, m):
                    continue  # "the 2012 Games": one year's edition of a named thing
                if not function_word and _after_glued_capital(text, m):
                    continue  # "the badge of meritFor Mentorship": the name's first word is glued on
                if not function_word and _spelt_by_acronym(text, m):
                    continue  # "received Leadership in Energy and Environmental Design (LEED)"
                if not function_word and _names_a_body(text, m, low):
                    continue  # "the former Sun editor", "the Conservative party"
                ratio = None if function_word else _lowercase_ratio(low)
                if not function_word and ratio is None and not _in_set_phrase(text, m, low, previous, written):
                    continue  # "as Well as", "heartfelt Greetings."
                # a past tense with its object after a name that opens the clause ("The Russian
                # President Confirmed his invitation"): the grammar is the evidence, and no title
                # writes its object's first word in lowercase
                named_verb = not function_word and _past_verb_of_named_subject(text, m, low, prose, casing)
                if ratio is not None and not named_verb \
                        and not _enough_evidence(text, m, low, ratio, previous, written):
                    continue
                # Title Case too writes "of", "and", "for" and articles in lowercase: only a
                # heading that capitalises every word ("Ministry Of Defence") excuses them,
                # not one in sentence case ("Beginning Of the meeting").
                if low in NEVER_TITLED or low in ARTICLES:
                    excused = doc.in_heading(m.start()) and _NEXT_CAPITALISED.match(text, m.end())
                elif low in SHORT_PREPOSITIONS:
                    # title styles lowercase the short prepositions: between two lowercase
                    # words one is no title's, even in a sentence of names ("Taking part In
                    # the meeting were ...")
                    # (the sentence's title case asked after the words around it, which are
                    # quicker to read and often decide alone)
                    excused = not (
                        _LOWER_PREVIOUS.search(text, max(0, m.start() - 30), m.start())
                        and _NEXT_LOWER.match(text, m.end())) and titles.is_titled(m.start()) \
                        and not _after_untitled_word(text, m, low) and not _before_untitled_word(text, m, low)
                else:
                    excused = not named_verb and not _amid_lowercase_words(text, m) and titles.is_titled(m.start()) \
                        and not _after_untitled_word(text, m, low) and not _before_untitled_word(text, m, low)
                if excused or _in_quoted_title(text, m.start(), m.end()):
                    continue
                # (asked last, where it decides: it finds the word's sentence)
                if _in_defined_title(doc, m):
                    continue  # "Only Human is the debut album": the title a sentence defines
                yield self._diagnostic(m, word)

    def _diagnostic(self, m: regex.Match, word: str) -> Diagnostic:
        s = m.start()
        fix = Fix.replace(s, s + 1, word[0].lower(), Applicability.UNSAFE,
                          title=f"Write '{word.lower()}'")
        return self.diagnostic(s, m.end(W), f"'{word}' is capitalised in mid-sentence", fix)

    @staticmethod
    def _in_name(text: str, start: int, end: int, casing: Casing, function_word: bool, written: _Written) -> bool:
        """Whether the word at ``[start, end)`` is part of a name, a title or a reference:
        next to a name-like word (through connectors such as "of the"), a number or a
        bracket ("Order of Courage", "Article 8"), within the limits of grammar (no line
        break, no verb with its object, no quantity, see the module constants). A function
        word belongs to a name only between two capitalised words ("League Against Cruel
        Sports"), as an article or possessive before one ("The Times", "Our Lady") or in a
        title that capitalises every word; "of", "and", "or", "nor", "for" never do
        ("President Of Russia")."""
        # (the common case, a capitalised word before, is asked first by the caller: _settled_test)
        # A name does not run over a line break.
        line_start = text.rfind("\n", max(0, start - NAME_REACH), start) + 1
        tokens_before = _TokensBefore(text, max(0, start - NAME_REACH, line_start), start)
        near = tokens_before.near  # (the tokens read until the words after it are)
        previous = near[-1].group().lower() if near else ""
        if not function_word and _after_opening_article(text, near, start, end, written):
            return False  # "The Message reads": a sentence's article, not a title's
        # the common case, decided without the words after it
        left_asked = not function_word and previous != GREETING_ADJECTIVE and bool(near) \
            and not _is_number(near[-1].group()) and _judged_by_left(text[start:end])
        if left_asked and _name_like(near[::-1], text, casing, before=True):
            return True
        # (a function word's tests may read a title's words far back; the others NEAR_TOKENS at most)
        before = tokens_before.all() if function_word else near
        line_end = text.find("\n", end, end + NAME_REACH)
        after = _tokens(text, end, min(len(text), end + NAME_REACH) if line_end < 0 else line_end)
        word = text[start:end].lower()
        title_word = not function_word or word not in PLACE_OR_PART and bool(after) \
            and after[0].group()[:1].isupper()  # "the medal For Courage", "a project Be Sporty"
        named = previous in wc.naming_participles() or title_word and word not in wc.NAME_LIKE \
            and _after_naming_noun(before, word, after) and not _naming_noun_as_verb(before) \
            and not (word in ARTICLES and _run_after_lowercase_article(text, after, previous))
        # (a preposition of place or "of" after such a noun starts no name: "the summit In
        # Tashkent", "the lower houses Of the Parliament")
        if named or after and _before_naming_noun(word, after[0].group(),
                                                  before[-1].group() if before else "") \
                and not _everyday_adjective(word, written):
            # "the film In The Name Of The Father", "the band the Feeling", "Hazards
            # magazine" (not "The project")
            return True
        if not function_word:
            if previous == GREETING_ADJECTIVE and starts_sentence(text, before[-1].start()) \
                    and get_lexicon().pmi(GREETING_ADJECTIVE, word) is not None \
                    and not (after and after[0].group()[0].isupper()):
                return False  # a greeting, not a name: "Good Afternoon, colleagues"
            if after and (after[0].group()[0].isdigit() or after[0].group() in ("(", "[")):
                return True  # "Article 8", "the Fund (IMF)", "your Address [to the Federal Assembly]"
            if wc.number_word(text[start:end].lower()) and before and before[-1].group()[:1].isupper():
                return True  # a number that ends a name: "Part One", "Formula One"
            counted = False
            if before and _is_number(before[-1].group()) and not (
                    after and after[0].group()[0].islower() and after[0].group() not in FUNCTION_WORDS):
                # A number counts a quantity ("37 Countries.", "42 Percent in 2019"), unless a
                # name stands before it ("Radio 4 Today") or a noun after ("the 100 Books list").
                before = before[:-1]
                if not (before and before[-1].group()[:1].isupper()):
                    before, counted = [], True
            # (when left_asked, no name stands before it and no number was dropped)
            if not left_asked and _name_like(before[::-1], text, casing, before=True) \
                    and not _not_a_name_part(text[start:end], after):
                return True
            # "to Ensure Russia's security": a verb form and nothing else after "to", before a
            # word, is the infinitive, not the start of a name (a list of capitalised verbs is a
            # motto: "to Inform, Educate and Entertain")
            infinitive = previous == wc.INFINITIVE_MARKER and wc.only_verb(word) and bool(after) \
                and after[0].group()[:1].isalpha()
            # after a form of "be", a participle that is no noun is a verb ("the group that
            # was Operating in Bashkortostan"), not the start of a name ("was Governor of")
            participle = previous in wc.BE and _participle(word) and bool(after) \
                and not after[0].group()[:1].isupper()  # not "is Adapted Material" (a defined term)
            right = previous not in AUXILIARIES and not infinitive and not participle \
                and not _verb_after_subject_pronoun(previous, word, after) \
                and not _not_a_name_part(text[start:end], after) \
                and _name_like(after, text, casing, before=False, numbers=not counted,
                               lists=previous not in DETERMINERS)
            if right and _plain_common_noun(word, WEAK) and _common_complement(after):
                right = False  # "the Results of Mr Putin's official visit", "the Mechanism of Russia-NATO interaction"
            if right and _head_before_named_object(before, word, after, casing, written):
                right = False  # "the Situation in Syria": a common noun before a place's name
            if right and after[0].group() in ADJUNCT_PREPOSITIONS and before \
                    and before[-1].group().islower() and previous not in FUNCTION_WORDS:
                # "an assassination Attempt on President X", "his recent Trip to Kabul": after
                # a lowercase modifier, a word is not the start of a name that runs on through
                # a preposition of place or target
                right = False
            return right
        right = bool(after) and after[0].group()[:1].isupper()
        if text[end - 2:end] in ("'s", "’s"):
            return True  # a function word with a possessive is a title ("Get On's target")
        if _every_word_capitalised(before, after):
            # a title that capitalises every word has other capitalised function words
            # ("In The Name Of The Father", "How Green Was My Valley"); a name does not
            # ("President Of Russia")
            return True
        if word in ARTICLES:
            # "The Times", unless the document writes the same name after a lowercase
            # article elsewhere ("the Russian Federation"): then the article is not part of it
            run = _name_run(after)
            if run and _modifies_common_noun_after(after, len(run), after_word=previous.isalpha()):
                return False  # "examination on The Russian language": the article of "language"
            if after and _acronym(after[0].group()) and previous.isalpha() and previous.islower() \
                    and not (len(after) > 1 and after[1].group()[:1].isupper()):
                # "the presidency of The EU", "The CIS countries": an acronym's name holds no
                # article (but "The ITF Year", a title)
                return False
            if any(w.lower() in wc.bodies() for w in run) and previous not in wc.appositive_heads() \
                    and any(w in _words_after_lowercase_article(text) for w in run):
                # "passed by The State Assembly" in a text that writes "the State Assembly" or
                # "the Assembly" elsewhere: the article is not part of the name of a public body
                return False
            if previous.isalpha() and previous.islower() and _proper_modifiers_of_common_noun(after):
                return False  # "expressed by The Iranian voters", "crossed The Russian-Georgian border"
            if _article_inside_name_chain(text, before, after):
                return False  # "Director of The Federal Security Service" beside "the Kremlin"
            if previous.isalpha() and previous.islower() and _common_name_of_a_body(text, after, previous):
                return False  # "cooperation with The Federal Security Service" beside "the Kremlin"
            if _possessor_after_lowercase_article(text, after, previous):
                return False  # "I declare The Assembly’s session open" beside "the Assembly"
            if (previous == "," or previous.isalpha() and previous.islower()) \
                    and _titled_person_before_verb(text, after):
                return False  # "During the meeting, The President instructed" beside "President Vladimir Putin"
            return right and not _run_after_lowercase_article(text, after, previous)
        if word in POSSESSIVES:
            # a possessive before a capitalised common noun starts a title ("Our Lady",
            # "Your Majesty"), but it is no part of a name ("from Our Savitsky Museum")
            return right and casing.ratio(after[0].group()) is not None
        left = bool(before) and _name_like(before[::-1], text, casing, before=True)
        if not (left and right):
            return False
        if word in NEVER_TITLED or word in SHORT_PREPOSITIONS and _date_like(after[0].group()):
            # a short preposition before a month or a number is no part of a name ("the
            # Russian Federation In December", "Dushanbe On October 5"); before a word it may
            # be a title's ("The World At One", "Live At Bell's")
            return False
        # Between two capitalised words: a title ("In The Name Of The Father") unless the
        # document writes the same phrase with the function word in lowercase elsewhere.
        return not written.between(before[-1].group(), word, after[0].group())


#: A sentence's subject (its words from the start) and the "is a", "was the" that define it.
_DEFINED_SUBJECT = lazy_compile(
    r"[\"“‘'(]?((?:[\p{L}\p{M}\p{N}'’\-]+[ \u00a0]+(?:[/&][ \u00a0]+)?){1,7}?)"
    r"(?:" + "|".join(sorted(wc.FINITE_BE)) + r")[ \u00a0]+(?:" + "|".join(sorted(ARTICLES)) + r")[ \u00a0]")
#: Capitalised words that make a sentence's subject a title: two besides determiners.
TITLE_SUBJECT_CAPITALS = 2


def _in_defined_title(doc: Document, m: regex.Match) -> bool:
    """Whether the word at *m* is in the subject of a sentence that defines it ("Only Human is
    the debut album", "I Am Eleven is a 2012 documentary", "Real People / Wild East is a
    music album"): a subject in title case (every word capitalised but the small words title
    styles keep lowercase, :data:`textlint.wordclasses.TITLE_SMALL_WORDS`; at least two
    capitalised words besides determiners) before "is a", "was the" names what the sentence
    defines, as in encyclopedias and package descriptions. "This Law is the first" is no
    title (one capitalised word besides the determiner), nor "Among other Documents there was
    a" (lowercase words that titles capitalise)."""
    sentence = doc.sentence_at(m.start())
    if sentence is None:
        return False
    d = _DEFINED_SUBJECT.match(doc.text, sentence.start, sentence.end)
    if d is None or d.end(1) <= m.start():
        return False
    words = [w for w in d.group(1).split() if w not in "/&"]
    if any(w[0].islower() and w not in wc.TITLE_SMALL_WORDS for w in words):
        return False
    capitals = [w for w in words if w[0].isupper() and w.lower() not in DETERMINERS]
    return len(capitals) >= TITLE_SUBJECT_CAPITALS


#: A lowercase word straight after a word: the verb of a subject.
_VERB_AFTER = lazy_compile(r"[ \u00a0]+(\p{Ll}+)(?=[ \u00a0,.;:])")


def _bare_singular_subject(text: str, m: regex.Match, low: str, previous: str) -> bool:
    """Whether the word at *m* is a singular noun with no determiner that is the subject of
    a finite verb after it ("while Allied has", "retailers like Next rose", "In interviews,
    Plant expressed"): English gives a singular common noun a determiner as a subject, so the
    capital marks a name (a plural may stand bare: it stays judged). The word
    before it is a clause's punctuation, a preposition or a conjunction, not a modifier
    ("the new Government said"), and a preposition only where it may start a clause or a
    comparison ("after", "like"; after "of" a noun is an object), or a title in apposition
    (:func:`_title_noun_before`: "US retailer Gap said").
    The verb is a past form ("was", "had" too), a modal, or an -s form that is no plural
    noun: an adjective before a plural noun is no subject and its verb ("current and
    Practical issues", "Market prices")."""
    if m.end() != m.end(W) or "N" not in wc.tags(low) or low.endswith("s"):
        return False  # (a plural or an -s form: "sacrifices and Losses incurred")
    if previous and previous not in wc.CLAUSE_OPENERS and not _title_noun_before(text, m, previous):
        return False  # not "and": "resources and Personnel"
    verb = _VERB_AFTER.match(text, m.end())
    if verb is None:
        return False
    word = verb.group(1)
    tags = wc.tags(word)
    # a past form, or an -s form that is no plural noun ("Active contacts", "Market prices")
    return word in wc.MODALS or (word not in FUNCTION_WORDS or word in wc.BE | wc.HAVE) \
        and ("D" in tags or "Z" in tags and "N" not in tags)


def _title_noun_before(text: str, m: regex.Match, previous: str) -> bool:
    """Whether the word before *m* is a singular noun for a kind of person and no adjective,
    written in lowercase (WordNet's ``noun.person``: "retailer", "singer"; not "national",
    "rival"): a title before a name in apposition ("US retailer Gap said"), as no
    determiner introduces the capitalised word."""
    if previous not in wc.person_nouns() or _plural(previous) or "J" in wc.tags(previous):
        return False
    before = _PREVIOUS.search(text, max(0, m.start() - 30), m.start())
    return before is not None and before.group(1).islower()


#: A lowercase word and a comma straight before a word ("immediate, ").
_LOWER_COMMA_BEFORE = lazy_compile(r"(?r)(?<![\p{L}\p{M}\p{N}'’\-])\p{Ll}+,[ \u00a0]+$")


def _between_listed_modifier_and_noun(text: str, m: regex.Match) -> bool:
    """Whether the compound at *m* follows a lowercase word and a comma and precedes a lowercase
    word ("an immediate, Short-term effect", "19 percent, Extra-budgetary investment"): a
    compound of common English there starts no name, which would capitalise the word after it."""
    return _LOWER_COMMA_BEFORE.search(text, max(0, m.start() - 30), m.start()) is not None \
        and _NEXT_LOWER.match(text, m.end()) is not None


def _common_compound(written: _Written, low: str) -> bool:
    """Whether the hyphenated compound *low* (in lowercase) is a compound of common English:
    the document writes it in lowercase elsewhere ("visa-free travel"), or its first part is a
    word that the casing table calls lowercase, or a frequent word that it leaves out
    (:func:`_frequent_common_word`: "well-known"), not a letter, a name or a function word, and
    every two neighbouring parts make a set phrase of lowercase web text (wordsegment bigrams,
    log10 PMI at least COLLOCATION: "long-term", "cross-border", "fire-fighting"; not
    "Gram-negative", "Hang-dong", which name things)."""
    parts = low.split("-")
    ratio = get_casing().ratio(parts[0])
    lexicon = get_lexicon()
    lowercase = ratio <= WEAK if ratio is not None else _frequent_common_word(parts[0])
    if lowercase and (parts[0] not in FUNCTION_WORDS or parts[0] in wc.DEGREE_ADVERBS) \
            and all((lexicon.pmi(a, b) or -1.0) >= COLLOCATION for a, b in zip(parts, parts[1:])):
        return True
    return written.in_lowercase(low)


def _acronym(word: str) -> bool:
    """Whether *word* is an acronym or a code of capitals and digits ("EU", "CSTO", "G20")."""
    return len(word) > 1 and word.isupper() and word[:1].isalpha()


def _modifies_common_noun_after(after: list[regex.Match], n: int, after_word: bool = False) -> bool:
    """Whether the *n* capitalised words at the start of *after* modify the common noun after
    them ("The Russian language", "The Karabakh conflict", "The Japanese side", "The Russian
    capital"): a singular word that LanguageTool's dictionary knows as a common noun and perhaps
    as an adjective or a base verb, but not as a closed-class word, a proper noun or an inflected
    verb form, which would make it a verb of the name ("The Who played", "The Times reports",
    "The Feathered Serpent may"), and which names no kind of named thing (not "The Spectator
    magazine", "The Wright Stuff programme"). A noun that may be a verb too counts only *after_word*
    (the article follows a word, not a bracket or a list item's label, where a sentence may start:
    "(`string`) The IP address")."""
    if len(after) <= n:
        return False
    noun = after[n].group()
    tags = wc.tags(noun)
    if "V" in tags and not after_word:
        return False
    return noun.isalpha() and noun.islower() and "N" in tags and not set(tags) & _NOT_A_HEAD_NOUN \
        and not _plural(noun) and noun not in wc.appositive_heads() and noun not in FUNCTION_WORDS


def _verb_after_subject_pronoun(previous: str, word: str, after: list[regex.Match]) -> bool:
    """Whether *word* is the verb of a subject pronoun or of "to" before it: a base, -s or past form
    (LanguageTool's dictionary) after "we", "I", "they" ("we Consider India an important partner",
    "as far as I Know, Rosneft has"), or after "to" a base form that names no body, person or kind of
    named thing (:func:`_plain_common_noun`) before a determiner, its object ("to Request the
    Depositary"; "second to Venture in the Stakes" names a horse). A title capitalises the common word
    after its verb ("You Raise Me Up", "If I Recall Correctly")."""
    subject = previous in wc.SUBJECT_PRONOUNS
    if not subject and previous != wc.INFINITIVE_MARKER:
        return False  # (most words: asked first)
    if after and after[0].group()[:1].isupper() and get_casing().normally_lowercase(after[0].group()):
        return False  # a title: "You Raise Me Up"
    tags = wc.tags(word)
    if subject:
        return not _VERB_FORMS.isdisjoint(tags)
    return "V" in tags and bool(after) and after[0].group() in DETERMINERS and _plain_common_noun(word, WEAK)


#: The prepositions, with "for" (which the word classes keep among the coordinators).
COMPLEMENT_PREPOSITIONS = wc.PREPOSITIONS | wc.PREPOSITIONAL_COORDINATORS


def _common_complement(after: list[regex.Match]) -> bool:
    """Whether *after* starts with a preposition, perhaps "the", and capitalised words that modify a
    lowercase content word after them: a possessive ("of Mr Putin's official visit", "for Russia's
    entry") or names joined by hyphens ("of Russian-Indian cooperation", "in the Russia-Iran-Azerbaijan
    format"). The preposition's object is then a common noun phrase, so the noun before the
    preposition heads no name that runs through it. A possessor that is a noun for a body or a kind of
    named thing ends a name that may start with the noun ("the Freedom of Information Act's
    implementation")."""
    if len(after) < 3 or after[0].group() not in COMPLEMENT_PREPOSITIONS:
        return False
    i = 2 if after[1].group() in ARTICLES else 1
    owner = joined = False
    while i < len(after):
        word = after[i].group()
        if word in ("-", "\u2010") and i + 1 < len(after) and after[i + 1].group()[:1].isupper():
            joined, i = True, i + 1
        elif word[:1].isupper() and not owner:
            owner = word.endswith(("'s", "’s"))
            if owner and _names_kind(word[:-2].lower()):
                return False  # "the Freedom of Information Act's implementation": a name's end
            i += 1
        else:
            break
    return (owner or joined) and i < len(after) and after[i].group().isalpha() \
        and after[i].group().islower() and after[i].group() not in FUNCTION_WORDS


#: The prepositions whose object may follow a common noun that heads no name (all but "of",
#: which joins the parts of most names: "the Order of Lenin", "the Year of Russia in China").
OBJECT_PREPOSITIONS = COMPLEMENT_PREPOSITIONS - {wc.OF}


def _head_before_named_object(before: list[regex.Match], low: str, after: list[regex.Match],
                              casing: Casing, written: _Written) -> bool:
    """Whether the capitalised *low*, after a lowercase word, is a plain common noun
    (:func:`_plain_common_noun`; capitalised less rarely, when the document writes it in lowercase
    elsewhere) whose prepositional complement is a proper name that ends there ("the Situation in
    Syria", "their Talks in Moscow", "the Letter to the Indian Prime Minister"): every word of the
    object is a word of a proper name (:func:`_proper_name_word`), and a lowercase word or a mark
    follows it; or a name of a body or a place (:func:`_place_object`). Names of bodies, laws and
    works built on a preposition run on after their object or capitalise common nouns in it ("the
    Cruelty to Animals Act", "the Efficiency in Government Unit", "the Fashion in Film
    Festival", "my Address to the Federal Assembly")."""
    if not before or not before[-1].group().isalpha() or not before[-1].group().islower() \
            or len(after) < 3 or after[0].group() not in OBJECT_PREPOSITIONS:
        return False
    if not _plain_common_noun(low) and not (_plain_common_noun(low, WEAK) and written.in_lowercase(low)):
        return False
    return _named_object_end(after, casing) is not None or _place_object(before[-1].group(), low, after, written)


def _named_object_end(after: list[regex.Match], casing: Casing) -> int | None:
    """The index in *after* (a preposition, perhaps an article, then capitalised words) of the
    lowercase word or mark that ends the preposition's object, when every capitalised word of
    the object is a word of a proper name (:func:`_proper_name_word`); None otherwise, when
    the object may run on beyond *after*, or when a noun for a body or a kind of named thing
    follows it (the name's kind: "the Investing in Udmurtia project")."""
    i = 2 if after[1].group() in ARTICLES else 1
    start = i
    while i < len(after) and after[i].group()[:1].isupper():
        if not _proper_name_word(after[i].group(), casing):
            return None
        i += 1
    if i == start or i >= len(after):
        return None
    nxt = after[i].group()
    if nxt in _CLAUSE_ENDS or nxt.isalpha() and nxt.islower() and not _names_kind(nxt):
        return i
    return None  # "the Investing in Udmurtia project": a name that a noun for its kind follows


def _place_object(previous: str, low: str, after: list[regex.Match], written: _Written) -> bool:
    """Whether *low*, after a determiner and before a preposition of place ("in", "at", "on"),
    "the" and a capitalised name that ends there with a noun for a body or a kind of named thing
    or a word of a proper name ("the Situation in the Middle East", "the Situation in the
    Chechen Republic"), is the common noun that the document
    writes in lowercase elsewhere: names of bodies, laws and works built on a preposition
    take no article before their last part ("the Efficiency in Government Unit", "the Fashion in
    Film Festival") or join it with "to" ("my Address to the Federal Assembly")."""
    if previous not in DETERMINERS or after[0].group() not in wc.PLACE_PREPOSITIONS - {wc.INFINITIVE_MARKER} \
            or after[1].group() != wc.DEFINITE_ARTICLE or not written.in_lowercase(low):
        return False
    i = 2
    while i < len(after) and after[i].group()[:1].isupper() and after[i].group().isalpha():
        i += 1
    last = after[i - 1].group().lower() if i > 2 else ""
    if not last or i >= len(after) or not _names_kind(last) and not _proper_name_word(after[i - 1].group(), get_casing()):
        return False
    nxt = after[i].group()
    return nxt in _CLAUSE_ENDS or nxt.isalpha() and nxt.islower() and not (
        nxt in CONNECTORS and i + 1 < len(after) and after[i + 1].group()[:1].isupper())


def _proper_name_word(word: str, casing: Casing) -> bool:
    """Whether the capitalised *word* is a word of a proper name: not one that the casing table
    calls normally lowercase (WEAK), no possessive, no noun for a body or a kind of named thing
    ("Syria", "Putin"; not "Animals", "Assembly", "Republic"), and no acronym or camel case, which
    the table cannot judge (two words glued: "the FederalAssembly")."""
    low = word.lower()
    if not word.isalpha() or not word[1:].islower() or low in FUNCTION_WORDS:
        return False
    if low in wc.person_nouns():
        return True
    ratio = casing.ratio(low)
    return (ratio is None or ratio > WEAK) and not _names_kind(low) \
        and low not in wc.appositive_heads()


def _names_kind(low: str) -> bool:
    """Whether *low* is a noun for a body or a kind of thing that bears names, or a plural of one
    (WordNet's: "act", "council", "university")."""
    return any(low in nouns or _plural_of(low, nouns) for nouns in (wc.bodies(), wc.name_heads()))


#: LanguageTool's classes that keep a word from being the common noun that a name before it
#: modifies: closed class, proper noun, and the inflected verb forms (see wc.tags).
_NOT_A_HEAD_NOUN = frozenset("CPDEGZ")


def _participle(word: str) -> bool:
    """Whether LanguageTool's dictionary knows *word* as a participle (-ing or past) and not
    as a noun or a proper noun: "operating", "passed"; not "meeting", "acting"."""
    tags = set(wc.tags(word))
    return bool(tags & set("GE")) and not tags & set("NP")


def _plural(noun: str) -> bool:
    """Whether *noun* is a plural form (an -s form whose stem is a noun: "towns", "parties")."""
    stem = noun[:-3] + "y" if noun.endswith("ies") else noun[:-1]
    return noun.endswith("s") and not noun.endswith("ss") and wc.noun(stem)


def _date_like(word: str) -> bool:
    """A month, a day of the week or a number ("December", "1984")."""
    return word.lower() in wc.CALENDAR or word[:1].isdigit()


def _after_opening_article(text: str, before: list[regex.Match], start: int, end: int, written: _Written) -> bool:
    """Whether the word at ``[start, end)`` follows an article that starts its sentence, the
    document writes the word in lowercase elsewhere, and a verb form or a function word that
    joins no name follows it (not a noun, "of", "and": "The Station building", "The Public and
    Commercial Services Union"; a finite verb that agrees with the noun: "The Address reads"):
    "The Situation in Syria" beside "the situation" is a common
    noun after the sentence's article, not a title ("The Bosses is an album"). Before connectors
    and a lowercase content word ("The Decision to the effect", not "The Battle of Hastings") a
    noun that hardly ever heads a name (:func:`_plain_common_noun`) needs no lowercase copy. A
    number word before a lowercase word counts it ("The Two leaders"; "The Two Towers" is a
    title)."""
    if not before or before[-1].group().lower() not in ARTICLES \
            or not starts_sentence(text, before[-1].start(), openers=False):
        return False
    nxt = _NEXT_LOWER.match(text, end)
    if nxt is not None and wc.number_word(text[start:end].lower()) and nxt.group(1) not in FUNCTION_WORDS:
        return True  # "The Two leaders": a count of the noun after it
    if nxt is None:
        return False
    low = text[start:end].lower()
    if _lowercase_phrase_after(text, end):
        # "The Head of state", "The Decision to the effect": before common English
        return written.in_lowercase(low) or _plain_common_noun(low)
    verb = nxt.group(1)
    if _subject_of_lexical_verb(low, verb) or _adjective_of_common_noun(low, verb):
        return True  # "The Letter said", "The Message reads", "The Congratulatory message"
    return verb not in CONNECTORS \
        and (verb in FUNCTION_WORDS or wc.only_verb(verb) or _finite_verb_after(low, verb)) \
        and written.in_lowercase(low)


def _adjective_of_common_noun(low: str, noun: str) -> bool:
    """Whether *low*, after a sentence's article, is an adjective that modifies the lowercase common
    noun *noun* after it ("The Congratulatory message"): LanguageTool's dictionary knows it as an
    adjective and nothing else (not a noun, a verb or a proper noun: "The Game mode", "The
    Independent newspaper", "The Federal government"), the casing table finds it capitalised hardly ever (STRONG_FORM), and
    *noun* is a noun that introduces no name ("The Spectator magazine")."""
    ratio = get_casing().ratio(low)
    return wc.tags(low) == "J" and not wc.proper(low) and ratio is not None and ratio <= STRONG_FORM \
        and "N" in wc.tags(noun) and noun not in FUNCTION_WORDS and noun not in wc.appositive_heads()


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word before *start* starts its sentence."""
    previous = _PREVIOUS.search(text, max(0, start - 30), start)
    return previous is not None and starts_sentence(text, previous.start(1), openers=False)


def _subject_of_lexical_verb(low: str, verb: str) -> bool:
    """Whether the common noun *low*, after a sentence's article, is the subject of *verb*: a
    past or -s form of a verb that is no auxiliary, modal, "be" or function word (:func:`_finite_verb_after`:
    "The Letter said", "The Message reads"), when *low* is singular (not "The Times printed it"),
    names no body, person or kind of named thing and the casing table finds it capitalised rarely
    (THRESHOLD, :func:`_plain_common_noun`).
    Titles are described with "be" and a modal ("The Week is a weekly news magazine", "The Invasion
    may refer to:")."""
    return verb not in FUNCTION_WORDS and verb not in wc.BE and verb not in AUXILIARIES and verb not in wc.MODALS \
        and not _plural(low) and _finite_verb_after(low, verb) and _plain_common_noun(low, THRESHOLD)


@lru_cache(maxsize=WORDS_KEPT)
def _plain_common_noun(low: str, rarity: float = STRONG_FORM) -> bool:
    """Whether *low* is a common noun that hardly ever heads a name: the casing table finds it
    capitalised rarely (STRONG_FORM), LanguageTool's dictionary knows no proper noun of it, and
    WordNet calls it no body, person or kind of named thing ("decision", "implementation"; not
    "order", "house"). Asked at each copy of a word next to a name, so kept by word."""
    ratio = get_casing().ratio(low)
    return ratio is not None and ratio <= rarity and wc.noun(low) and not wc.proper(low) \
        and not any(low in nouns or _plural_of(low, nouns) for nouns in
                    (wc.bodies(), wc.name_heads(), wc.appositive_heads(), wc.person_nouns()))


def _lowercase_phrase_after(text: str, end: int) -> bool:
    """Whether one or two connectors follow *end* ("of", "of the", "and") and then a lowercase
    content word ("The Head of state", "The Perpetrators and masterminds"), not a name ("The
    Battle of Hastings", "The Lord of the Rings"): the phrase is common English, so the word
    before it is a common noun after the sentence's article."""
    words = text[end:end + 40].split()
    i = 0
    while i < len(words) and i < 2 and words[i] in CONNECTORS:
        i += 1
    return 0 < i < len(words) and words[i].isalpha() and words[i].islower() and words[i] not in FUNCTION_WORDS


def _finite_verb_after(low: str, verb: str) -> bool:
    """Whether *verb* may be the finite verb of the common noun *low* as its subject: a modal,
    a past form, or an -s form after a singular noun (LanguageTool's dictionary: "The Address
    reads", "The Negotiations ended", "The System will"; not "The Times reports", a plural
    name with a singular verb)."""
    tags = wc.tags(verb)
    return "N" in wc.tags(low) and (verb in wc.MODALS or "D" in tags or "Z" in tags and not _plural(low))


def _after_naming_noun(before: list[regex.Match], word: str, after: list[regex.Match]) -> bool:
    """Whether *word* follows a noun whose main sense is a kind of named thing
    (:func:`wc.appositive_heads`), perhaps with an article between, as that thing's name: "the
    union Unison", "the band the Feeling", "the Royal Fleet Auxiliary ship Diligence"; not a
    verb form before its object ("the draft Incorporates the latest"), which makes the noun
    the subject, nor a word that English pairs with the noun ("launch Vehicle")."""
    words = [t.group() for t in before[-3:]]
    article = bool(words) and words[-1].lower() in ARTICLES
    if article:
        words = words[:-1]
    if not words or words[-1] not in wc.appositive_heads() or _plural(words[-1]) \
            or _not_a_name_part(word, after):
        return False  # a plural names no one thing: "Belarusian companies Work in Russia"
    if get_casing().normally_lowercase(word, STRONG_FORM) \
            and (_plural(word) or word.endswith("ed") and _verb_form_no_noun(word)):
        # a strongly lowercase plural or -ed verb form is a common word after the noun: "the
        # forum Participants", "the summit Scheduled to be held"
        return False
    title = word in FUNCTION_WORDS  # a function word before a capital ("a project Be Sporty")
    if not article and not title and not (len(words) > 1 and (words[-2].lower() == wc.DEFINITE_ARTICLE or words[-2].lower() not in FUNCTION_WORDS)):
        return False  # "a state Visit", "the business Community": a compound of common nouns
    pmi = get_lexicon().pmi(words[-1], word)
    return pmi is None or pmi < COLLOCATION


def _verb_form_no_noun(word: str) -> bool:
    """Whether LanguageTool's dictionary knows *word* as a past form or participle, perhaps an
    adjective too, and not as a noun or a proper noun ("included", "worked", "scheduled")."""
    tags = wc.tags(word.lower())
    return bool(tags) and set(tags) <= set("DEJ") and bool(set(tags) & set("DE")) and not wc.proper(word)


def _before_naming_noun(word: str, nxt: str, previous: str) -> bool:
    """Whether *word* names the thing that the noun after it (:func:`wc.appositive_heads`)
    is a kind of: "Hazards magazine", "the Get On scheme", "the only Silly album". Not a
    determiner or a pronoun ("The project", "If You share"), and not a set phrase of English
    ("launch Vehicle")."""
    tags = wc.tags(word)
    if not (nxt.islower() and nxt in wc.appositive_heads()) or word in DETERMINERS \
            or word in wc.PRONOUNS or "J" in tags and _plural(nxt):
        return False  # an adjective before a plural: "Small towns", "Regional authorities"
    if _plural(nxt) and wc.tags(previous) and _plain_common_noun(word, THRESHOLD):
        # a common noun before a plural, after a word of English (not a file name's "usage.txt
        # Usage instructions"): "and Energy projects", "domestic Borrowing programmes"
        return False
    if "J" in tags and word not in FUNCTION_WORDS \
            and (tags == "J" or get_casing().normally_lowercase(word, STRONG_FORM)
                 or previous in wc.INDEFINITE_ARTICLES and _rarely_capitalised_adjective(word)) \
            and (previous in wc.INDEFINITE_ARTICLES or previous.islower()
                 and previous not in FUNCTION_WORDS and "J" in wc.tags(previous)):
        # after an indefinite article or a lowercase adjective, an adjective and nothing else,
        # or one that the casing table calls strongly lowercase, modifies the noun: "a
        # Bilateral meeting", "the extensive Cultural programme" (but "the only Silly album",
        # "the Greedy strategy")
        return False
    if word in FUNCTION_WORDS and not previous[:1].isupper():
        return False  # "the head Of state": a function word names nothing alone ("the Get On scheme")
    if _modifies_in_a_clause(word, tags, previous):
        return False  # "to solve Important social problems", "the presidents also Made press statements"
    pmi = get_lexicon().pmi(word, nxt)
    return pmi is None or pmi < COLLOCATION


def _rarely_capitalised_adjective(low: str) -> bool:
    """Whether *low* is an adjective that the casing table finds capitalised rarely (THRESHOLD)
    and whose capitalised form LanguageTool's dictionary does not know as a proper noun
    ("official", "old"; not "independent", a newspaper's name)."""
    ratio = get_casing().ratio(low)
    return ratio is not None and ratio <= THRESHOLD and not wc.proper(low)


def _everyday_adjective(low: str, written: _Written) -> bool:
    """Whether *low* is an adjective of everyday English that the document also writes in
    lowercase: LanguageTool's dictionary knows it as an adjective and not as a verb (a label: "under
    Test tab") or a proper noun,
    wordfreq finds it common (COMMON_ZIPF) and the casing table capitalised rarely (THRESHOLD)
    ("the Regional hospital", "the Current state", "an Additional resolution"). Before a noun that
    introduces names it modifies the noun; the adjectives that start named things are rarer
    words ("the Greedy strategy") or names ("the Conservative party")."""
    ratio = get_casing().ratio(low)
    tags = wc.tags(low)
    return "J" in tags and "V" not in tags and not wc.proper(low) and ratio is not None and ratio <= THRESHOLD \
        and get_lexicon().zipf(low) >= COMMON_ZIPF and written.in_lowercase(low)


def _modifies_in_a_clause(word: str, tags: str, previous: str) -> bool:
    """Whether *word*, before a noun that introduces names, belongs to the clause rather than to a
    name, judged by the lowercase word before it: an adjective and nothing else (LanguageTool's
    dictionary) after a lowercase word other than "the", a demonstrative, which may start a
    named thing ("the Greedy strategy", "this Silly album"), or a preposition, after which names
    stand without an article: "its Economic partnership", "a very
    Tough environment", "to solve Important social problems"; or a verb form and nothing else
    after a lowercase word ("the presidents also Made press statements")."""
    if not previous.isalpha() or not previous.islower() or previous == wc.DEFINITE_ARTICLE \
            or previous in wc.DEMONSTRATIVES or previous in wc.PREPOSITIONS:
        return False  # names stand bare after a preposition: "under Intelligent street lighting"
    return tags == "J" and word.lower() not in FUNCTION_WORDS or wc.only_verb(word)


def _ends_phrase(text: str, pos: int) -> bool:
    """Whether no word follows *pos* (after spaces): an adjective there ends its phrase, so a
    capital "A" before it is a letter ("in A minor"), not an article, which needs a noun ("was A
    major success", or a name: "signed A joint Russian-Armenian communique")."""
    return _NEXT_WORD_OR_COMPOUND.match(text, pos) is None and _NEXT_CAPITALISED.match(text, pos) is None


def _degree_before_word(text: str, pos: int, word: str) -> bool:
    """Whether *word*, a function word before *pos*, is an adverb or a quantifier (LanguageTool's
    dictionary, wordclasses.QUANTIFIERS) before a lowercase word: the article's noun phrase goes on
    ("is A very good figure", "in A few hours"); a letter that labels something stands before a
    preposition, a conjunction or a verb ("type A or B", "if A is")."""
    return ("R" in wc.tags(word) or word in wc.QUANTIFIERS) and _NEXT_WORD_OR_COMPOUND.match(text, pos) is not None


#: A lowercase word, perhaps hyphenated, straight after a word (" cross-section").
_NEXT_WORD_OR_COMPOUND = lazy_compile(r"[ \u00a0]+\p{Ll}+(?:[\-\u2010]\p{Ll}+)*(?![\p{L}\p{M}\p{N}\-\u2010'’])")


#: A capitalised word straight before a space ("Berlusconi ", "As ").
_CAPITALISED_WORD_BEFORE = lazy_compile(r"(?r)(?<![\p{L}\p{M}\p{N}\-\u2010.'’])\p{Lu}\p{Ll}+$")
#: A whole lowercase word after a space, perhaps hyphenated ("A new", "A cross-border").
_WORD_AFTER_SPACE = lazy_compile(r"[ \u00a0](\p{Ll}+)(?:[\-\u2010]\p{Ll}+)*(?![\p{L}\p{M}\p{N}\-\u2010'’])")


def _article_after_mark_or_capital(doc: Document, space: int, after_a: int) -> bool:
    """Whether the "A" before *after_a* (after the space at *space*) is the article after a comma or
    a capitalised word, where MidSentenceCapital._article_a does not look: a lowercase adjective or
    noun follows it, and its phrase goes on with a lowercase word. After a comma ("upheavals, A
    priority task", "Also, A new law") the word after is no function word and no verb form and
    nothing else ("B, A and C", ", A seems"); after a function word that starts the sentence ("As A
    result,") likewise, and a noun that is no adjective may end the phrase there (not "In A minor,"); after another capitalised word it is an adjective and nothing else
    (LanguageTool's dictionary), and that word is no noun that a letter labels ("wished Silvio
    Berlusconi A happy birthday"; not "Vitamin A rich foods")."""
    text = doc.text
    after = _WORD_AFTER_SPACE.match(text, after_a)
    if after is None:
        return False
    word, tags = after.group(1), wc.tags(after.group(1))
    if _NEXT_WORD_OR_COMPOUND.match(text, after.end()) is None \
            and not ("N" in tags and "J" not in tags and _PUNCTUATION_AFTER.match(text, after.end())):
        return False  # a noun may end the phrase ("As A result,"), an adjective not ("In A minor,")
    common = bool(set(tags) & set("NJ")) and word not in FUNCTION_WORDS and not wc.only_verb(word)
    if text[space - 1:space] == ",":
        return common
    before = _CAPITALISED_WORD_BEFORE.search(text, max(0, space - 40), space)
    if before is None:
        return False
    low = before.group().lower()
    if low in FUNCTION_WORDS and starts_sentence(doc.prose_text, before.start()):
        return common
    return tags == "J" and not _labels_letters(low) and not starts_sentence(doc.prose_text, before.start())


def _labels_letters(word: str) -> bool:
    """Whether *word* may be a noun that a capital letter labels ("vitamin A", "envelope A",
    "hepatitis A"): LanguageTool's dictionary knows it as a noun, and not as a verb or a word
    of a closed class (after which "A" is the article: "make A huge", "in A year")."""
    tags = wc.tags(word)
    return "N" in tags and not set(tags) & set("VZDEGC")


_ADDRESS_BEFORE = lazy_compile(r"(?r)(?:,|(?<![\p{L}])and)[ \u00a0]+$")
_ADDRESS_AFTER = lazy_compile(r"[ \u00a0]*,|[ \u00a0]+and[ \u00a0]")
#: The most words of a salutation line ("Mr President, ladies and gentlemen, friends,").
ADDRESS_WORDS = 12


def _plural_of_a_group(word: str) -> bool:
    """Whether *word* has the form of a plural noun that :func:`_addressed_group` may find addressed."""
    return word.endswith(("s", "men"))


def _addressed_group(text: str, m: regex.Match) -> bool:
    """Whether the word at *m* is a group addressed in a salutation: a plural noun that is an
    item of its own, after a comma or "and", in a short line that ends with a comma ("Mr
    President, Friends,", "Mr President and Colleagues,"). English writes the nouns of a
    salutation in lowercase after its first word ("Mr President, ladies and gentlemen,
    friends,"); honorifics of one person ("Your Holiness", "Sir") are singular."""
    if m.end() != m.end(W) or not _plural_of_a_group(m.group(W)) \
            or not _ADDRESS_AFTER.match(text, m.end()) \
            or not _ADDRESS_BEFORE.search(text, max(0, m.start() - 6), m.start()):
        return False
    line_end = text.find("\n", m.end())
    line_end = len(text) if line_end < 0 else line_end
    start = max(text.rfind("\n", 0, m.start()), text.rfind(":", 0, m.start())) + 1
    line = text[start:line_end].rstrip()
    return line.endswith(",") and len(line.split()) <= ADDRESS_WORDS


def _not_a_name_part(word: str, after: list[regex.Match]) -> bool:
    """Whether the form of *word* shows that it cannot end a name: a past-tense verb with
    its object ("Mr Okuda Proposed a toast", "Aznar Invited Vladimir Putin": two words that
    the casing table does not know), a reporting
    verb before a comma, a full stop or a preposition ("the Chancellor Said."), a word that LanguageTool's dictionary knows
    only as a verb form before its object ("Mr Putin Discussed ways"), or an adverb before a
    lowercase word ("Issues of Successfully developing"). Only forms that the casing table
    calls strongly lowercase count: the -ed adjectives of names stand before a noun ("Armed
    Forces", "Serious Organised Crime"), and so do the -ly ones ("Mutually Assured")."""
    low = word.lower()
    ratio = _lowercase_ratio(low)
    if not after or ratio is None or ratio > STRONG_FORM:
        return False
    nxt = after[0].group()
    if low in wc.reporting_verbs() and (nxt in _CLAUSE_ENDS or nxt in wc.PREPOSITIONS
                                        or nxt in wc.SUBJECT_PRONOUNS - {"i"}):
        return True  # a reporting verb ends its clause: "the Chancellor Said.", "Putin Said at"
    if wc.only_verb(word) and "D" in wc.tags(low) and len(after) > 1 \
            and all(_unknown_name(t.group()) for t in after[:2]):
        # a verb form and nothing else before a person's name, its object ("Aznar Invited
        # Vladimir Putin"); the -ed adjectives of names stand before common words ("the
        # Commission on Monitoring Targeted Socioeconomic Development Indicators", "a
        # Generalized Poisson Bracket")
        return True
    if wc.only_verb(word) and (nxt in OBJECT_STARTS or nxt.isalpha() and nxt.islower()
                               and nxt not in FUNCTION_WORDS and nxt not in wc.NAME_LIKE
                               or nxt[0].isdigit()):
        # a verb form and nothing else, before its object: a noun phrase, a content word or a
        # number ("Mr Putin Discussed ways", "Answered 40 questions", "Thanked the troops");
        # not before a preposition or a verb, which titles hold ("Made in Denmark", "The Man
        # Who Awoke is a novel")
        return True
    if word.endswith("ed"):
        return nxt in OBJECT_STARTS
    if low in wc.MODALS:
        # a modal before its verb: "the Forum Will help", "the Championships Will be held"
        return nxt in wc.BE or nxt.isalpha() and nxt.islower() and "V" in wc.tags(nxt) \
            and nxt not in FUNCTION_WORDS
    return nxt[0].islower() and (_adverb(low) or wc.tags(low) == "R")


def _clause_word(low: str) -> bool:
    """Whether *low* is a modal or an adverb and nothing else (LanguageTool's dictionary:
    "always", "often"), whose place after a name :func:`_not_a_name_part` judges."""
    return low in wc.MODALS or wc.tags(low) == "R"


def _unknown_name(word: str) -> bool:
    """A capitalised word that the casing table does not know as a common word."""
    return word[:1].isupper() and word.isalpha() and get_casing().ratio(word) is None


#: Punctuation that ends a clause after a reporting verb (not a colon, which ends titles:
#: "Learning by Being Told: Acquiring Knowledge").
_CLAUSE_ENDS = frozenset(".,;!?")


#: British spellings that the casing table (estimated on mostly American web text) may lack:
#: "is" and one of these at the end of a word.
BRITISH_ENDINGS = ("e", "es", "ed", "ing", "ation", "ations", "er", "ers")
_BRITISH = lazy_compile(r"is(" + "|".join(BRITISH_ENDINGS) + ")$")
#: The same ends for ``str.endswith`` (quicker than a search of each capitalised word).
_BRITISH_ENDS = tuple("is" + ending for ending in BRITISH_ENDINGS)


@lru_cache(maxsize=WORDS_KEPT)
def _lowercase_ratio(low: str) -> float | None:
    """The casing table's ratio for *low* or, for a form the table lacks, for its American
    spelling ("harmonise": "harmonize") or, for a form that LanguageTool's dictionary knows
    only as a verb, its base form ("congratulated": "congratulate"), when that is strongly
    lowercase: the table leaves out rare forms it never saw capitalised. Kept per word (the
    process-wide tables alone decide it): the scan for candidates, the choice of the tests
    of a word's copies and the judgement of a copy each ask it of the same word."""
    casing = get_casing()
    ratio = casing.ratio(low)
    if ratio is not None:
        return ratio
    forms = [_BRITISH.sub(r"iz\1", low)] if _BRITISH.search(low) else []
    if wc.only_verb(low):
        if low.endswith("ied") or low.endswith("ies"):
            forms.append(low[:-3] + "y")
        elif low.endswith(("ed", "es")):
            forms += [low[:-1], low[:-2]]
        elif low.endswith("s"):
            forms.append(low[:-1])
    for form in forms + [_BRITISH.sub(r"iz\1", f) for f in forms if _BRITISH.search(f)]:
        ratio = casing.ratio(form)
        if ratio is not None and ratio <= STRONG:
            return ratio
    return None


def _adverb(word: str) -> bool:
    """An -ly adverb made from a common adjective (successfully, happily), not a noun that
    ends in -ly (family, assembly)."""
    if not word.endswith("ly"):
        return False
    stem = word[:-3] + "y" if word.endswith("ily") else word[:-2]
    return get_casing().ratio(stem) is not None  # a common lowercase word


def _every_word_capitalised(before: list[regex.Match], after: list[regex.Match]) -> bool:
    """Whether the capitalised words around a word include a capitalised function word
    other than the first one (a title written with every word capitalised)."""
    run = []
    for tok in reversed(before):
        if not tok.group()[:1].isupper():
            break
        run.insert(0, tok.group())
    for tok in after:
        if not tok.group()[:1].isupper():
            break
        run.append(tok.group())
    return any(w.lower() in FUNCTION_WORDS for w in run[1:])


#: The adjective of a greeting ("Good Afternoon, colleagues"): a capitalised word after it may
#: be a greeting's, not a name's (:meth:`MidSentenceCapital._in_name`).
GREETING_ADJECTIVE = "good"
#: How far :meth:`MidSentenceCapital._in_name` reads on either side of a word (within its line).
NAME_REACH = 60
#: A capitalised word of ASCII letters (with an apostrophe and more letters: "O'Neill") that ends
#: a window before white space, after white space and an ASCII letter: white space that
#: :func:`.prose.starts_sentence` skips back over (its ``_SPACE``), which no token holds.
_CAPITALISED_WORD_ENDING = lazy_compile(
    r"[A-Za-z][ \t\u00a0\u2009\u202f\u2007\r]+([A-Z][A-Za-z]*(?:['’][A-Za-z]+)?)[ \t\u00a0\u2009\u202f\u2007\r]+\Z",
    engine=re)


def _capitalised_word_ending(window: str) -> str | None:
    """The capitalised word that ends *window* (:data:`_CAPITALISED_WORD_ENDING`), or None."""
    m = _CAPITALISED_WORD_ENDING.search(window)
    return None if m is None else m[1]


def _capitalised_word_before_py(window: str) -> str | None:
    """The capitalised word that ends *window* (:func:`_capitalised_word_ending`), or that ends it
    before one or two connectors of letters (:func:`_without_connectors`), or None."""
    word = _capitalised_word_ending(window)
    if word is None:
        head = _without_connectors(window)
        if len(head) < len(window):
            word = _capitalised_word_ending(head)
    return word


#: The compiled twin of :func:`_capitalised_word_before_py` (native/src/capitals.rs), or None.
_CAPITALISED_WORD_BEFORE_NATIVE = native.function("capitalised_word_before")


def _after_capitalised_word(text: str, start: int) -> bool:
    """Whether a capitalised word that starts no sentence stands right before *start*, or before
    one or two connectors of letters before it ("Bank of the Word", :func:`_without_connectors`)
    (:func:`_capitalised_word_before_py`: after white space and an ASCII letter), other than "I"
    or the adjective of a greeting: the common case, which :meth:`MidSentenceCapital._in_name`
    decides by the last tokens before the word (:func:`_after_opening_article` finds no article
    that starts a sentence there, as a connector follows a letter; :func:`_name_like` skips the
    connectors and finds the capitalised word a name), answered without the tokens. Asked of the
    compiled twin only (False without it): in pure Python the search of the window costs more
    than the tokens it spares (about 3 % more instructions for the rule)."""
    if _CAPITALISED_WORD_BEFORE_NATIVE is None:
        return False
    window = text[max(0, start - NAME_REACH):start]
    word = _CAPITALISED_WORD_BEFORE_NATIVE(window, _LETTER_CONNECTORS, ARTICLES, _NEW_PHRASE_WORDS)
    return word is not None and word != "I" and word.lower() != GREETING_ADJECTIVE


def _settled_in_name_py(text: str, m: regex.Match | re.Match) -> bool:
    """Whether one of :meth:`MidSentenceCapital._in_name`'s two common cases places the copy *m*
    (of a word that is no function word) in a name: a capitalised word before it
    (:func:`_after_capitalised_word`) or after it (:func:`_before_capitalised_word_py`), with the
    word's form judged enough (:func:`_judged_by_left`, :func:`_judged_by_right`)."""
    return _after_capitalised_word(text, m.start()) and _judged_by_left(m.group()) \
        or _before_capitalised_word_py(text, m.start(), m.end()) and _judged_by_right(m.group())


def _found_by_twin(candidates: dict[str, tuple[list, int]]) -> bool:
    """Whether the matches of *candidates* (:func:`_mid_sentence_candidates`, not empty) are the
    Python twin's (``re``/``regex`` matches), not the compiled scan's (which carry what the scan
    worked out at each: ``settled_in_name``)."""
    first = next(iter(candidates.values()))[0][0]
    return isinstance(first, (re.Match, regex.Match))


#: :func:`_settled_in_name_py` of a match of the compiled scan, which worked it out as it found the
#: match (no window of the text and no call of Python code for each copy of a word).
_SETTLED_BY_SCAN = attrgetter("settled_in_name")


def _settled_test(candidates: dict[str, tuple[list, int]], text: str) -> Callable[[Any], bool]:
    """How :func:`_settled_in_name_py` is asked at the matches of *candidates*
    (:func:`_mid_sentence_candidates` of *text*, not empty): read off the compiled scan's
    matches, asked of the twin's."""
    return partial(_settled_in_name_py, text) if _found_by_twin(candidates) else _SETTLED_BY_SCAN


#: The words after which :meth:`MidSentenceCapital._in_name` may find a capitalised word before a
#: name a verb, not a name's word (auxiliaries, subject pronouns, "to"): words of ASCII letters.
_VERB_BEFORE = wc.AUXILIARIES | wc.SUBJECT_PRONOUNS | frozenset((wc.INFINITIVE_MARKER,))
#: The spaces :func:`_before_capitalised_word_py` reads past (white space to every token pattern).
_TOKEN_SPACES = " \t\u00a0"


def _before_capitalised_word_py(text: str, start: int, end: int) -> bool:
    """Whether the word at ``[start, end)`` (not a function word) is certainly part of a name
    (:meth:`MidSentenceCapital._in_name`'s other common case, decided by the words around it
    without tokens), once :func:`_judged_by_right` finds its form enough: a capitalised word of
    ASCII letters (its first token: a capital and a letter after spaces, within NAME_REACH)
    follows it, and the token before it (in its line) is not one of _VERB_BEFORE, after which
    the word may be a verb ("we Consider India", "to Request"), nor one that may be one (after
    a character other than ASCII that is no token space, or cut by NAME_REACH). Then _in_name's
    every test that may answer no is settled: no sentence's article before a lowercase word, no
    greeting, no infinitive or participle, :func:`_name_like` of the words after it (their
    first a name, no connector: :data:`CONNECTORS` holds no capitalised word), no preposition
    after it (those of :func:`_common_complement`, :func:`_head_before_named_object` and
    ADJUNCT_PREPOSITIONS are lowercase)."""
    after = end
    while after < len(text) and text[after] in _TOKEN_SPACES:
        after += 1
    if after + 1 >= min(len(text), end + NAME_REACH) or not ("A" <= text[after] <= "Z") \
            or not (text[after + 1].isascii() and text[after + 1].isalpha()):
        return False
    last = start  # (the end of the token before the word)
    while last > 0 and text[last - 1] in _TOKEN_SPACES:
        last -= 1
    if last == 0 or text[last - 1] == "\n":
        return True  # no token before it in its line
    if not text[last - 1].isascii() or text[last - 1].isspace():
        return False
    if not text[last - 1].isalpha():
        return True  # a mark or a digit: no word of _VERB_BEFORE
    first = last - 1
    while first > 0 and text[first - 1].isascii() and text[first - 1].isalpha():
        first -= 1
    if start - first > NAME_REACH or first > 0 and not text[first - 1].isascii() \
            and text[first - 1] not in _TOKEN_SPACES:
        return False  # (a token space before it ends the token: "of\u00a0the\u00a0State Duma")
    return text[first:last].lower() not in _VERB_BEFORE


#: The connectors :func:`_name_like` skips that are words of ASCII letters (a token of their own
#: between white space).
_LETTER_CONNECTORS = frozenset(c for c in CONNECTORS if c.isascii() and c.isalpha())
#: The white space :func:`.prose.starts_sentence` skips back over (see _CAPITALISED_WORD_ENDING).
_NAME_SPACE = " \t\u00a0\u2009\u202f\u2007\r"
#: Where :func:`_name_like`, having skipped these connectors (the nearest first), finds a new noun
#: phrase rather than a name ("the Olympic Games and the Examples").
_NEW_PHRASE_SKIPS = (["and"], ["or"])
#: The words of _NEW_PHRASE_SKIPS (one each), for the compiled twin of :func:`_without_connectors`.
_NEW_PHRASE_WORDS = frozenset(word for skip in _NEW_PHRASE_SKIPS for word in skip)
#: What :func:`_after_capitalised_word` asks of the compiled scan (_MID_SENTENCE_CANDIDATES) at
#: each match it gives: its word lists, its window's reach and the word it does not count, read
#: into Rust once (native/src/capitals.rs, ``NameWords``), or None without the module.
_NAME_WORDS = None if native.function("NameWords") is None else native.function("NameWords")(
    _LETTER_CONNECTORS, ARTICLES, _NEW_PHRASE_WORDS, NAME_REACH, GREETING_ADJECTIVE, _VERB_BEFORE)


def _without_connectors(window: str) -> str:
    """*window* without the connectors of letters (up to two, each before white space) that
    :func:`_name_like` skips at its end, or *window* itself; not without "the" after "and"
    (:data:`_NEW_PHRASE_SKIPS`), where no name runs on."""
    skipped: list[str] = []
    while len(skipped) < 2:
        head = window.rstrip(_NAME_SPACE)
        if len(head) == len(window):
            break
        cut = head.rstrip(string.ascii_letters)
        word = head[len(cut):]
        if word not in _LETTER_CONNECTORS or skipped[:1] and skipped[0] in ARTICLES and [word] in _NEW_PHRASE_SKIPS:
            break
        skipped.append(word)
        window = cut
    return window


class _TokensBefore:
    """The tokens (:data:`_WORDS`) of ``text[left:start]``, before a word, for
    :meth:`MidSentenceCapital._in_name`, which decides most words by the last few of them:
    :attr:`near` holds the last NEAR_TOKENS at least (or all), found from a space about
    NEAR_REACH characters before *start*, and :meth:`all` adds the others when asked. No token
    holds a space, so the tokens after a space are the same wherever the scan starts before it;
    a scan of a whole window costs about twice as much."""

    def __init__(self, text: str, left: int, start: int) -> None:
        self._text, self._left = text, left
        space = text.rfind(" ", left, max(left, start - NEAR_REACH))
        self._from = space + 1 if space >= 0 else left
        self.near = _tokens(text, self._from, start)
        if len(self.near) < NEAR_TOKENS and self._from > left:
            self.near[:0] = _tokens(text, left, self._from)
            self._from = left

    def all(self) -> list[regex.Match]:
        """Every token before the word."""
        if self._from == self._left:
            return self.near
        return _tokens(self._text, self._left, self._from) + self.near


#: The tokens before a word that :meth:`MidSentenceCapital._in_name` reads before the words after
#: it: the last one (:func:`_after_opening_article`), or up to three (:func:`_name_like`, which
#: skips an apostrophe and a connector, or two connectors, before the word that decides). Its
#: other tests of a word other than a function word read no more of them (:func:`_after_naming_noun`
#: and :func:`_naming_noun_as_verb` three, the others the last one or two).
NEAR_TOKENS = 3
#: How far before a word its last NEAR_TOKENS tokens are looked for first.
NEAR_REACH = 20


def _is_number(token: str) -> bool:
    """Digits, or an ordinal such as 225th."""
    return token[:1].isdigit() and (token.isdigit() or token[:-2].isdigit() and token[-2:] in ("st", "nd", "rd", "th"))


_LOWER_BEFORE = lazy_compile(r"(?r)(?<![\p{L}\p{M}'’])\p{Ll}+[ \u00a0]+$")
_LOWER_AFTER = lazy_compile(r"[ \u00a0]+\p{Ll}|[.,;!?]")


def _between_lowercase(text: str, m: regex.Match) -> bool:
    """Whether the word at *m* follows a lowercase word and precedes a lowercase word or a
    punctuation mark ("this is Total nonsense", "this is Good.")."""
    return (_LOWER_BEFORE.search(text, max(0, m.start() - 30), m.start()) is not None
            and _LOWER_AFTER.match(text, m.end()) is not None)


#: The shortest word that Title Case detection counts (:func:`.prose.is_titled`).
TITLE_WORD = 4


def _amid_lowercase_words(text: str, m: regex.Match) -> bool:
    """Whether the word at *m* stands between two lowercase words, one of which Title Case would
    capitalise (not a short preposition, conjunction or article: wordclasses.TITLE_SMALL_WORDS):
    that part of the sentence is no title, even when the names in the sentence make it look like
    one ("Taking part in the Meeting were First Deputy Prime Minister ...", "was Attended by").
    Only words of TITLE_WORD letters or more, which decide whether a sentence is a title
    (:func:`.prose.is_titled`), between words that LanguageTool's dictionary knows (not the
    debris of extracted text), and not before a noun, which a capitalised word may name
    ("the timelike Killing vector", "graded Lie algebras")."""
    if len(m.group(W)) < TITLE_WORD:
        return False
    before = _LOWER_PREVIOUS.search(text, max(0, m.start() - 30), m.start())
    after = _NEXT_LOWER.match(text, m.end()) if m.end() == m.end(W) else None
    if before is None or after is None:
        return False
    left, right = before.group().strip(" \u00a0"), after.group(1)
    if not wc.tags(left) or not wc.tags(right) or "N" in wc.tags(right) and right not in FUNCTION_WORDS:
        return False  # before a noun it may name the noun's kind: "the timelike Killing vector"
    return not {left, right} <= wc.TITLE_SMALL_WORDS


#: A letter or a digit and spaces straight before a word (not a label's mark: "_(Breaking)_ When").
_AFTER_A_WORD = lazy_compile(r"(?r)[\p{L}\p{N}][ \u00a0]+$")
#: One to three lowercase words straight after a word ("in the meeting").
_LOWER_WORDS_AFTER = lazy_compile(r"(?:[ \u00a0]+\p{Ll}+(?![\p{L}\p{M}\p{N}\-\u2010'’])){1,3}")


def _before_untitled_word(text: str, m: regex.Match, low: str) -> bool:
    """Whether the word at *m* comes before a lowercase word that Title Case would capitalise
    (TITLE_WORD letters or more, known to LanguageTool's dictionary, no short preposition,
    conjunction or article: wordclasses.TITLE_SMALL_WORDS), with one or two such small words
    between, or straight after it when it is a verb form and nothing else: that part of the
    sentence is no title, however many names the sentence holds ("Taking Part in the meeting were
    Prime Minister ...", "The President Discussed the situation in Vietnam with ...", "Took part in
    the meeting"), or a word of a closed class, straight before a word that is no noun ("Speech At
    the opening ceremony", "Russia Has participated"; not "the Chairman Left Behind exhibition"). A lowercase noun straight after a capitalised content word may be what it names
    ("the timelike Killing vector"), so the small words are needed there; a word of fewer than
    TITLE_WORD letters that is no function word may be a symbol ("with Fp a constant"). Only a word
    after a word is judged: after a label's marks a list item starts ("_(Breaking)_ When parsing")."""
    closed = _function_like(low)
    after = _LOWER_WORDS_AFTER.match(text, m.end()) \
        if m.end() == m.end(W) and (closed or len(low) >= TITLE_WORD) \
        and _AFTER_A_WORD.search(text, max(0, m.start() - 3), m.start()) else None
    if after is None:
        return False
    for i, word in enumerate(after.group().split()):
        if word not in wc.TITLE_SMALL_WORDS:
            tags = wc.tags(word)
            straight = wc.only_verb(low) or closed and "N" not in tags  # not "Left Behind exhibition"
            return len(word) >= TITLE_WORD and bool(tags) and (i > 0 or straight) \
                and _SAME_LINE_GOES_ON.match(text, after.end()) is not None
    return False


#: More of the line after a word: a heading's or a list's fragment ends its line ("and Definition
#: of rules" alone on a line of a paper's contents).
_SAME_LINE_GOES_ON = lazy_compile(r"[^\S\n]*[^\s]")


def _after_untitled_word(text: str, m: regex.Match, low: str) -> bool:
    """Whether the preposition *low* at *m* follows a lowercase word that Title Case would
    capitalise (LanguageTool's dictionary knows it, and it is no short preposition, conjunction
    or article: wordclasses.TITLE_SMALL_WORDS): that part of the sentence is no title, however
    many names the sentence holds ("the situation In Vietnam with Prime Minister ...", "was
    attended By Presidential Aide ...")."""
    if low not in wc.PREPOSITIONS:
        return False
    before = _LOWER_PREVIOUS.search(text, max(0, m.start() - 30), m.start())
    if before is None:
        return False
    left = before.group().strip(" \u00a0")
    return bool(wc.tags(left)) and left not in wc.TITLE_SMALL_WORDS


#: Words after which a verb form is the verb of its clause: a subject pronoun, a modal, "to".
_BEFORE_A_VERB = wc.SUBJECT_PRONOUNS | wc.MODALS | {wc.INFINITIVE_MARKER}
#: LanguageTool's tags of a finite verb form (see :func:`.wordclasses.tags`): base, -s, past.
_VERB_FORMS = frozenset("VZD")


def _enough_evidence(text: str, m: regex.Match, low: str, ratio: float, previous: str, written: _Written) -> bool:
    """Whether the casing table, the grammar and the document together show that the word at
    *m* is a common word. The rarer its capitalised form, the less evidence is needed; an
    adjective and nothing else before a lowercase common noun after a verb, preposition or
    conjunction, an adverb and nothing else between lowercase words, and a verb form after a
    subject pronoun, a modal or "to" are evidence enough (LanguageTool's dictionary). The
    document's lowercase uses count in its *prose* only: a link's target or code is no use of
    a word ("apache/arrow" beside "tools for Arrow integration")."""
    if _in_lowercase_list(text, m) or ratio <= THRESHOLD and _coordinated_with_lowercase_noun(text, m, low):
        return True  # "peace, stability, Security and prosperity", "courage and Heroism"
    if _coordinated_before_lowercase_word(text, m, low):
        # "the Security and stability", "to the Sovereignty and territorial integrity", "between
        # Federal and local authorities"
        return True
    nxt = _NEXT_LOWER.match(text, m.end()) if m.end() == m.end(W) else None
    if _adjective_before_lowercase_noun(text, m, low, previous):
        return True  # "at International forums"
    if wc.tags(low) == "R" and _between_lowercase(text, m):
        return True  # an adverb and nothing else names nothing: "can Realistically support"
    if ratio <= THRESHOLD and _adjective_after_determiner(text, m, low, previous):
        return True  # "a Bilateral meeting", "the Tireless efforts"
    if _noun_after_lowercase_adjective(text, m, low, previous):
        return True  # "computational Biology,", "the living Witnesses and"
    if previous in ARTICLES and _head_of_lowercase_complement(text, m, low):
        return True  # "headway in the Sphere of joint operations"
    if previous in ARTICLES and nxt is not None and _subject_of_lexical_verb(low, nxt.group(1)) \
            and _opens_sentence(text, m.start()):
        return True  # a sentence's article, a noun and its verb: "The Message reads"
    if previous in _BEFORE_A_VERB and not _VERB_FORMS.isdisjoint(wc.tags(low)) \
            and _NEXT_LOWER.match(text, m.end()):
        return True  # a verb after its subject, a modal or "to", before its object: "We Hope for"
    if _past_verb_before_object(text, m, low, previous):
        return True  # a past form and its object after a lowercase word: "and Noted the importance"
    between = _between_lowercase(text, m)
    # between lowercase words and after no article (where house styles capitalise a noun
    # alone: "the Universe"), a weaker association with a neighbour suffices
    association = WEAK_COLLOCATION if between and previous not in ARTICLES else COLLOCATION
    if ratio > THRESHOLD:  # often capitalised ("Good", "Total"): lowercase on both sides
        return between and (written.in_lowercase_prose(low)
                            or _collocates(text, m, low, previous, association)) \
            or _collocates(text, m, low, "")
    if ratio > STRONG:
        return previous in VERB_LIKE or written.in_lowercase_prose(low) \
            or _collocates(text, m, low, previous, association)
    return True


def _past_verb_before_object(text: str, m: regex.Match, low: str, previous: str) -> bool:
    """Whether the word at *m* is a past form that LanguageTool's dictionary knows as nothing but
    a verb form or an adjective (no noun, no proper noun: "noted", "piloted"; not "given",
    "united"), between a lowercase word that is no determiner and a determiner that starts its
    object ("and Noted the special importance", "even Piloted the plane"): a verb with its object
    is the predicate of a clause, not a name."""
    tags = wc.tags(low)
    if "D" not in tags or not set(tags) <= _PAST_OR_ADJECTIVE or wc.proper(low) \
            or previous in DETERMINERS or m.end() != m.end(W) \
            or _LOWER_PREVIOUS.search(text, max(0, m.start() - len(previous) - 3), m.start()) is None:
        return False
    nxt = _NEXT_LOWER.match(text, m.end())
    return nxt is not None and nxt.group(1) in DETERMINERS


#: LanguageTool's tags of a past form that is no noun: past tense, participle, adjective.
_PAST_OR_ADJECTIVE = frozenset("DEJ")


#: "of", perhaps "the", and a lowercase word straight after a word (" of joint").
_OF_LOWERCASE = lazy_compile(r"[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?(\p{Ll}+)(?![\p{L}\p{M}\p{N}\-\u2010'’])")


def _head_of_lowercase_complement(text: str, m: regex.Match, low: str) -> bool:
    """Whether the word at *m*, after an article, is a plain common noun (:func:`_plain_common_noun`
    at any rarity the rule judges) before "of" and a lowercase content word, and the document writes
    it capitalised nowhere else ("headway in the Sphere of joint counter-terrorist operations"): a
    name that starts with a noun and "of" goes on with capitals ("the Battle of Hastings"), and a
    word that the document capitalises elsewhere is its style ("A Kilo of Semtex ... a Kilo of
    plutonium")."""
    nxt = _OF_LOWERCASE.match(text, m.end()) if m.end() == m.end(W) else None
    if nxt is None or nxt.group(1) in FUNCTION_WORDS or not _plain_common_noun(low, WEAK):
        return False
    word = m.group(W)
    return sum(1 for _ in regex.finditer(r"(?<![\p{L}\p{M}])" + word + r"(?![\p{L}\p{M}])", text)) == 1


def _adjective_before_lowercase_noun(text: str, m: regex.Match, low: str, previous: str) -> bool:
    """Whether the word at *m* is an adjective and nothing else (LanguageTool's dictionary)
    between a lowercase word and a lowercase common noun that is no noun for a named kind of
    thing ("at International forums", "removing Administrative barriers"): it modifies that
    noun, and a name that ends in a lowercase common noun is no name. An adjective that is also a
    noun or an adverb ("modern", "acute", not a verb form or a proper noun) and one after a
    quantifier ("such Regional problems") count when the casing table finds them capitalised rarely
    (THRESHOLD); house styles capitalise adjectives of bodies, which it finds capitalised often ("each
    Parliamentary constituency"). A preposition that LanguageTool also tags as an adjective ("on")
    is no adjective before the word."""
    tags = wc.tags(low)
    rare = _rarely_capitalised_adjective(low)
    if not (tags == "J" or rare and "J" in tags and not set(tags) & _VERB_FORM_TAGS) \
            or not previous.isalpha() or not previous.islower() \
            or previous in DETERMINERS or previous in wc.QUANTIFIERS and not rare \
            or "J" in wc.tags(previous) and previous not in wc.PREPOSITIONS and previous not in wc.QUANTIFIERS:
        return False  # "a Parliamentary lunch", "each Parliamentary constituency": a house style
    nxt = _NEXT_LOWER.match(text, m.end()) if m.end() == m.end(W) else None
    if nxt is None:
        return False
    noun = nxt.group(1)
    if (tags != "J" or previous in wc.QUANTIFIERS) \
            and (_names_kind(noun) or _capitalised_mid_sentence(text, m.group(W), text) > 1):
        # the noun of a body may end a name, and a name the document gives elsewhere may be
        # shortened ("a member of Legislative assembly" beside "the Tamil Nadu Legislative Assembly")
        return False
    return "N" in wc.tags(noun) and noun not in FUNCTION_WORDS and noun not in wc.appositive_heads() \
        and not _plural_of(noun, wc.appositive_heads())


def _noun_after_lowercase_adjective(text: str, m: regex.Match, low: str, previous: str) -> bool:
    """Whether the word at *m* is a plain common noun (:func:`_plain_common_noun` at any rarity the
    rule judges: no body, person or kind of named thing) that ends its noun phrase after an adjective
    ("computational Biology,", "scientific Diplomacy also", "international Security and"): the
    adjective is one that the casing table calls lowercase (WEAK) and LanguageTool's dictionary knows
    as no proper noun and no verb form (not "asking Pepper to"), and a clause's punctuation, a
    function word or a word that is no noun follows; a noun that is also a verb may be a label of an
    interface ("each individual Dock to its own window") and is left alone. A lowercase adjective
    modifies a common noun;
    a name after it is a name's word ("the former Soviet Union") or an eponym that modifies the noun
    after it ("a standard Wiener process", "the right Ore condition")."""
    if m.end() != m.end(W) \
            or _LOWER_PREVIOUS.search(text, max(0, m.start() - len(previous) - 3), m.start()) is None:
        return False
    nxt = _NEXT_LOWER.match(text, m.end())
    if _PUNCTUATION_AFTER.match(text, m.end()) is None \
            and (nxt is None or nxt.group(1) not in FUNCTION_WORDS and "N" in wc.tags(nxt.group(1))):
        return False
    ratio = get_casing().ratio(previous)
    tags = wc.tags(previous)
    return "J" in tags and not set(tags) & _VERB_FORM_TAGS and previous not in FUNCTION_WORDS \
        and not wc.proper(previous) and ratio is not None and ratio <= WEAK and _plain_common_noun(low, WEAK) \
        and not set(wc.tags(low)) & _VERB_FORM_TAGS


#: The shortest word judged as an adjective before a noun (shorter ones are symbols or names).
SHORTEST_ADJECTIVE = 3


def _adjective_after_determiner(text: str, m: regex.Match, low: str, previous: str) -> bool:
    """Whether the word at *m* is an adjective that no proper noun spells (LanguageTool's
    dictionary) between a determiner and a lowercase common noun that introduces no name ("a
    Bilateral meeting", "the Tireless efforts", "a Collective system"), unless "and" or "or" and a
    capitalised word follow the noun, where the writer capitalises the items of a list ("the
    Chemical items and Homeopathic Medicines"). House styles capitalise adjectives of bodies there
    ("a Parliamentary lunch"), which the casing table finds capitalised often; the caller asks for a
    word that it finds capitalised rarely (THRESHOLD). An adjective that is also a verb form, or of
    fewer than three letters, is a name's word as often ("the Mainline version", "the Copyright
    file", "an Xv extension")."""
    tags = wc.tags(low)
    if previous not in DETERMINERS or "J" not in tags or set(tags) & _VERB_FORM_TAGS or wc.proper(low) \
            or len(low) < SHORTEST_ADJECTIVE or m.end() != m.end(W):
        return False
    nxt = _NEXT_LOWER.match(text, m.end())
    if nxt is None:
        return False
    noun = nxt.group(1)
    if _CAPITALISED_CONJUNCT.match(text, nxt.end()):
        return False  # "the Chemical items and Homeopathic Medicines": the writer capitalises the items
    return "N" in wc.tags(noun) and noun not in FUNCTION_WORDS and noun not in wc.appositive_heads() \
        and not _plural_of(noun, wc.appositive_heads())


#: "and" or "or" and a capitalised word straight after a word (" and Homeopathic").
_CAPITALISED_CONJUNCT = lazy_compile(r"[ \u00a0]+(?:and|or)[ \u00a0]+\p{Lu}")
#: LanguageTool's tags of verb forms (see :func:`.wordclasses.tags`): base, -s, past, participles.
_VERB_FORM_TAGS = frozenset("VZDEG")


#: The shortest word counted as an item of a list (shorter ones are symbols: "and Ai, j").
LIST_ITEM = 3
#: A lowercase item of a list and its comma straight before a word ("stability, ") ...
_LIST_BEFORE = lazy_compile(r"(?r)(?<![\p{L}\p{M}'’\-])\p{Ll}{3,},[ \u00a0]+$")
#: ... and after it, the next item: a comma or "and"/"or", then a lowercase word.
_LIST_AFTER = lazy_compile(
    r"(?:,[ \u00a0]+(?:and[ \u00a0]+|or[ \u00a0]+)?|[ \u00a0]+(?:and|or)[ \u00a0]+)"
    r"(\p{Ll}{3,})(?![\p{L}\p{M}'’\-])")


def _in_lowercase_list(text: str, m: regex.Match) -> bool:
    """Whether the word at *m* is an item of a list whose items around it are lowercase words
    ("peace, stability, Security and prosperity"): a name among common nouns would be an
    odd list."""
    if m.end() != m.end(W) or _LIST_BEFORE.search(text, max(0, m.start() - 30), m.start()) is None:
        return False
    nxt = _LIST_AFTER.match(text, m.end())
    return nxt is not None and nxt.group(1) not in FUNCTION_WORDS  # not "Fauna, with actor"


#: A lowercase word and "and" or "or" straight before a word ("courage and ").
_CONJUNCT_BEFORE = lazy_compile(r"(?r)(?<![\p{L}\p{M}\p{N}'’\-])(\p{Ll}+)[ \u00a0]+(?:and|or)[ \u00a0]+$")
#: A clause's punctuation straight after a word.
_PUNCTUATION_AFTER = lazy_compile(r"[.,;:!?]")


def _coordinated_with_lowercase_noun(text: str, m: regex.Match, low: str) -> bool:
    """Whether the noun *low* at *m* is the last item of a pair or list of lowercase common nouns,
    before a clause's punctuation or a function word ("peace and Security.", "courage and Heroism
    in"): a name
    among common nouns would be an odd list. Both are nouns of LanguageTool's dictionary of
    LIST_ITEM letters or more (not the symbol "Ai" in "the graph and Ai, j"), and the one before
    is one that the casing table calls lowercase."""
    nxt = _NEXT_LOWER.match(text, m.end())
    if m.end() != m.end(W) or len(low) < LIST_ITEM or not wc.noun(low) \
            or _PUNCTUATION_AFTER.match(text, m.end()) is None and (nxt is None or nxt.group(1) not in FUNCTION_WORDS):
        return False
    before = _CONJUNCT_BEFORE.search(text, max(0, m.start() - 40), m.start())
    if before is None:
        return False
    other = before.group(1)
    ratio = get_casing().ratio(other)
    return len(other) >= LIST_ITEM and wc.noun(other) and other not in FUNCTION_WORDS \
        and ratio is not None and ratio <= WEAK


#: "and" or "or" and one or two lowercase words straight after a word (" and territorial integrity").
_CONJUNCT_AFTER = lazy_compile(
    r"[ \u00a0]+(?:and|or)[ \u00a0]+(\p{Ll}+)(?:[ \u00a0]+(\p{Ll}+))?(?![\p{L}\p{M}\p{N}\-\u2010'’])")


def _coordinated_before_lowercase_word(text: str, m: regex.Match, low: str) -> bool:
    """Whether the word *low* at *m*, after a lowercase word, is the first of a pair whose second is
    lowercase and of its kind, and the pair's phrase has no capitalised word after it: two plain
    common nouns (:func:`_plain_common_noun` up to WEAK: no body, person or kind of named thing),
    the second perhaps after an adjective ("the Security and stability", "to the Sovereignty and
    territorial integrity"), or two adjectives (LanguageTool's dictionary), the second one that
    the casing table calls lowercase (WEAK) and no proper noun spells ("between Federal and local
    authorities"). A name does not pair with a common word; a writer who capitalises the items
    capitalises the second too ("of Biology and quantum field Physics")."""
    if m.end() != m.end(W) or len(low) < LIST_ITEM \
            or _LOWER_PREVIOUS.search(text, max(0, m.start() - 30), m.start()) is None:
        return False
    after = _CONJUNCT_AFTER.match(text, m.end())
    if after is None:
        return False
    other, end = after.group(1), after.end(1)
    if len(other) < LIST_ITEM or other in FUNCTION_WORDS or not _lowercase_phrase_ends(text, end):
        return False
    if "J" in wc.tags(low) and "J" in wc.tags(other):
        ratio = get_casing().ratio(other)
        return ratio is not None and ratio <= WEAK and not wc.proper(other)
    second = after.group(2)
    if second and "J" in wc.tags(other) and not set(wc.tags(other)) & _VERB_FORM_TAGS \
            and second not in FUNCTION_WORDS and "N" in wc.tags(second):
        other = second  # "and territorial integrity"
    return _plain_common_noun(low, WEAK) and _plain_common_noun(other, WEAK)


#: A lowercase word that is no function word straight after a word, or what ends a phrase of them.
_LOWER_CONTENT_NEXT = lazy_compile(r"[ \u00a0]+(\p{Ll}+)(?![\p{L}\p{M}\p{N}\-\u2010'’])")
_PHRASE_END = lazy_compile(r"[.,;:!?)]|[ \u00a0]+\p{Ll}|[ \u00a0]*$")


def _lowercase_phrase_ends(text: str, end: int) -> bool:
    """Whether the lowercase words from *end* on run to a clause's punctuation or a function word
    without a capitalised word ("and cooperation.", "and stability in"; not "and quantum field
    Physics", where the writer capitalises the items)."""
    for _ in range(3):
        nxt = _LOWER_CONTENT_NEXT.match(text, end)
        if nxt is None or nxt.group(1) in FUNCTION_WORDS:
            break
        end = nxt.end()
    return _PHRASE_END.match(text, end) is not None


def _collocates(text: str, m: regex.Match, low: str, previous: str,
                threshold: float = COLLOCATION) -> bool:
    """Whether the lowercase form of the word at *m* makes a set phrase of common English
    with the lowercase word before or after it ("countering Global economic crisis",
    "investors, Regardless of"): a name is not a common phrase of lowercase words, so
    web text rarely pairs them this strongly."""
    lexicon = get_lexicon()
    if previous and _LOWER_PREVIOUS.search(text, max(0, m.start() - len(previous) - 3), m.start()):
        pmi = lexicon.pmi(previous, low)
        if pmi is not None and pmi >= threshold:
            return True
    nxt = _NEXT_LOWER.match(text, m.end()) if m.end() == m.end(W) else None  # no possessive
    if nxt:
        pmi = lexicon.pmi(low, nxt.group(1))
        return pmi is not None and pmi >= threshold
    return False


def _written_between(text: str, left: str, low: str, right: str) -> bool:
    """Whether the document writes "<left> <low> <right>" with *low* in lowercase."""
    # looked for where *left* (a word, rarer than the function word *low*) is followed by one
    # to three spaces, *low*, one to three spaces and *right*: the head and tail below hold only
    # there. No word holds a space, so each *right* ends one such phrase at most: each is found
    # by str.find (a few times quicker than a scan for a pattern; a capitalised word is rarer than
    # most words *left* may be) and the phrase looked for before it.
    phrase = re.compile(re.escape(left) + r"(\s{1,3})" + re.escape(low) + r"\s{1,3}" + re.escape(right) + r"\Z")
    reach = len(left) + len(low) + 6
    for at in occurrences(text, right):
        m = phrase.search(text, max(0, at - reach), at + len(right))
        if m is not None:
            i = m.end(1)
            end = i + len(low)
            head, tail = text[max(0, i - len(left) - 3):i].rstrip(), text[end:end + len(right) + 3].lstrip()
            if head.endswith(left) and tail.startswith(right) and text[i - 1:i].isspace() \
                    and text[end:end + 1].isspace() and not tail[len(right):len(right) + 1].isalpha():
                return True
    return False


_ARTICLE_RUN = lazy_compile(
    r"(?<![\p{L}\p{M}\p{N}])(?:" + "|".join(sorted(ARTICLES)) + r")"
    r"[ \u00a0]+(\p{Lu}[\p{L}\p{M}]*(?:[ \u00a0]+\p{Lu}[\p{L}\p{M}]*)*)(?:['’]s)?"
    r"(?![\p{L}\p{M}\p{N}\-\u2010'’])")


#: How often a document must write "the" in lowercase before a capitalised word for its house
#: style to lowercase the article of every name (see :func:`_common_name_of_a_body`).
LOWERCASE_ARTICLES = 3
#: "The" and a capitalised word where no sentence starts: after a lowercase word or a comma (the
#: look-behind first, so that ``regex`` looks for the literal "The").
_CAPITAL_ARTICLE = lazy_compile(r"(?<=(?:\p{Ll}|,)[ \u00a0]+)The[ \u00a0]+\p{Lu}")


def _common_name_of_a_body(text: str, after: list[regex.Match], previous: str) -> bool:
    """Whether "The" before *after*, after the lowercase word *previous*, is the article of a
    singular noun for a body or a person (WordNet's) that stands alone as a short name ("with The
    Cabinet", "greetings to The President", "The Cabinet’s economic block"), in a document whose
    house style lowercases the article of names: it writes "the" before a capitalised word
    LOWERCASE_ARTICLES times and "The" where no sentence starts nowhere else. Names that keep
    their article are longer ("The Danish National Research Foundation", "The Prince's Trust"),
    plural ("The Archers", "The Four Lads"), the titles of papers after a reporting verb ("told
    The Guardian") or before a noun that introduces names ("The Spectator magazine")."""
    run = _common_words(after)
    if len(run) != 1 or previous in wc.reporting_verbs():
        return False
    head = run[0].lower()
    if head not in wc.bodies() and head not in wc.person_nouns():
        return False
    nxt = after[1].group() if len(after) > 1 else ""
    if nxt in wc.appositive_heads() or nxt[:1].isupper():
        return False  # "The Spectator magazine", "The Prince's Trust"
    return _lowercases_name_articles(text)


@lru_cache(maxsize=4)
def _lowercases_name_articles(text: str) -> bool:
    """Whether the document's house style lowercases the article of names: it writes "the"
    before a capitalised word LOWERCASE_ARTICLES times, and "The" and a capitalised word where
    no sentence starts once at most (judged once per document)."""
    return sum(_runs_after_lowercase_article(text).values()) >= LOWERCASE_ARTICLES \
        and sum(1 for _ in _CAPITAL_ARTICLE.finditer(text)) <= 1


def _proper_modifiers_of_common_noun(after: list[regex.Match]) -> bool:
    """Whether *after* starts with adjectives made from names (LanguageTool's dictionary: adjective
    and proper noun, "Russian", "Iranian") or names joined by hyphens ("Russia-Iran-Azerbaijan",
    "Russian-Georgian"), then a lowercase content word: they modify a common noun phrase ("The
    Iranian voters", "The Russian presidential election", "The Russian-Georgian border"), whose
    article is no part of a name. A name of one word before a lowercase one ("The Hague tribunal")
    is no such modifier."""
    i = joined = 0
    adjectives = True
    while i < len(after) and after[i].group()[:1].isupper() and after[i].group().isalpha():
        tags = wc.tags(after[i].group())
        if "P" not in tags:
            return False
        adjectives = adjectives and "J" in tags and after[i].group().lower() not in wc.CALENDAR
        i += 1
        if i + 1 < len(after) and after[i].group() in ("-", "\u2010") and after[i + 1].group()[:1].isupper():
            joined, i = joined + 1, i + 1
    if i == 0 or not (adjectives or joined) or i >= len(after):
        return False
    nxt = after[i].group()
    return nxt.isalpha() and nxt.islower() and nxt not in FUNCTION_WORDS


def _article_inside_name_chain(text: str, before: list[regex.Match], after: list[regex.Match]) -> bool:
    """Whether "The" before *after* joins two names through a preposition ("Director of The Federal
    Security Service", "President of The Islamic Republic of Iran", "the Convention for The
    Protection of Human Rights"): a capitalised word and a lowercase preposition stand before it, and
    the name after it holds two common words or more, a noun for a body (WordNet's), or a plain
    singular noun (:func:`_plain_common_noun`) before "of" and a capitalised word (not "the opening of
    The Treasures of Nukus exhibition"), in a document whose house style lowercases the article of names
    (as :func:`_common_name_of_a_body`: "the" before a capitalised word LOWERCASE_ARTICLES times,
    "The" where no sentence starts nowhere else). Every title style writes an article inside a name
    in lowercase; names that keep their capital article stand after a common word ("a fellow of The
    Litigation Counsel of America", "events for The Prince's Trust")."""
    if len(before) < 2 or before[-1].group() not in COMPLEMENT_PREPOSITIONS \
            or not before[-2].group()[:1].isupper() or not before[-2].group().isalpha():
        return False
    common = _common_words(after)
    if not common:
        return False
    goes_on = len(common) == 1 and not _plural(common[0].lower()) and _plain_common_noun(common[0].lower(), WEAK) \
        and len(after) > 2 and after[1].group() == wc.OF and after[2].group()[:1].isupper()
    # "The Protection of Human Rights" (not a plural: "the opening of The Treasures of Nukus exhibition")
    if len(common) < 2 and not goes_on and not any(w.lower() in wc.bodies() for w in common):
        return False
    return _lowercases_name_articles(text)


#: LanguageTool's classes of the words that common names of bodies are made of: noun, adjective.
_COMMON_WORD = frozenset("NJ")


def _common_words(after: list[regex.Match]) -> list[str]:
    """The capitalised words at the start of *after* that LanguageTool's dictionary knows as
    nouns or adjectives, as written or in lowercase ("Russian", "Federal"; not "Bronte"), up to a
    possessive, which ends them ("Assembly’s")."""
    run = []
    for tok in after:
        word = tok.group()
        core = _POSSESSIVE_END.sub("", word)
        if not core[:1].isupper() or not core.isalpha() \
                or not set(wc.tags(core) + wc.tags(core.lower())) & _COMMON_WORD:
            break
        run.append(core)
        if core != word:
            break
    return run


def _run_after_lowercase_article(text: str, after: list[regex.Match], previous: str) -> bool:
    """Whether the document writes the capitalised words at the start of *after* (:func:`_name_run`)
    after a lowercase article elsewhere ("the Russian Federation"): then the article before them is
    not part of their name. Once is enough, twice after a reporting verb, where a source's name
    stands ("Mr Clarke told The Times" in an article that writes "the Times" once elsewhere)."""
    run = _name_run(after)
    return bool(run) and _written_after_lowercase_article(text, run, previous)


def _written_after_lowercase_article(text: str, run: tuple[str, ...], previous: str) -> bool:
    """Whether the document writes *run* after a lowercase article often enough for the capital
    article after *previous* to be no part of it (see :func:`_run_after_lowercase_article`)."""
    lowercase_copies = 1 if previous not in wc.reporting_verbs() else 2
    return _runs_after_lowercase_article(text)[run] >= lowercase_copies


def _possessor_after_lowercase_article(text: str, after: list[regex.Match], previous: str) -> bool:
    """Whether *after* starts with capitalised words whose last one holds a possessive before a
    lowercase word or a number ("The Assembly’s 137th session", "The RSPP’s board", "The Moscow
    Patriarchate’s dialogue"), and the document writes those words after a lowercase article
    elsewhere (:func:`_run_after_lowercase_article`): the possessive ends the name, so the article
    belongs to the noun after it. A capitalised word after the possessive goes on with the name
    ("The Prince's Trust")."""
    run = _name_run(after)
    i = len(run)
    if i >= len(after) or not _POSSESSIVE_END.search(after[i].group()):
        return False
    core = _POSSESSIVE_END.sub("", after[i].group())
    if not core[:1].isupper() or not core.isalpha() or i + 1 >= len(after) \
            or not (after[i + 1].group()[:1].islower() or after[i + 1].group()[:1].isdigit()):
        return False
    return _written_after_lowercase_article(text, run + (core,), previous)


#: A finite verb form (LanguageTool's tags: past tense, -s form) with no noun reading.
_FINITE_TAGS = frozenset("DZ")


def _titled_person_before_verb(text: str, after: list[regex.Match]) -> bool:
    """Whether *after* starts with a singular noun for a person (WordNet's), capitalised, and a
    lowercase finite verb form that is no noun ("The President instructed", "The President
    stressed"), and the document writes that noun elsewhere as a title before a capitalised word
    ("President Vladimir Putin"): the noun is then the document's title for a person, the subject
    of the verb, and the capital article is no part of a name. Names and titles of works that keep
    their article and start with such a noun ("The Guardian reported", "The Graduate won") are not
    written as a title before a name."""
    if len(after) < 2:
        return False
    noun, verb = after[0].group(), after[1].group()
    low = noun.lower()
    if not noun[:1].isupper() or not noun.isalpha() or low not in wc.person_nouns() or _plural(low) \
            or not verb.isalpha() or not verb.islower():
        return False
    tags = wc.tags(verb)
    if not set(tags) & _FINITE_TAGS or "N" in tags:
        return False
    return _written_before_capital(text, noun, after[0].start())


def _written_before_capital(text: str, word: str, skip: int) -> bool:
    """Whether the document writes *word* as a whole word, elsewhere than at *skip*, before a space
    and a capitalised word ("President Vladimir Putin")."""
    i = text.find(word)
    while i >= 0:
        end = next_word = i + len(word)
        while text[next_word:next_word + 1] in (" ", "\u00a0"):
            next_word += 1
        if i != skip and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "-")) \
                and next_word > end and text[next_word:next_word + 1].isupper():
            return True
        i = text.find(word, end)
    return False


def _naming_noun_as_verb(before: list[regex.Match]) -> bool:
    """Whether the noun that ends *before*, perhaps before an article (:func:`_after_naming_noun`),
    is a verb there: a word that LanguageTool's dictionary also knows as a verb's base form, after
    "to", a modal, an auxiliary, a negation or a subject pronoun ("to resolve the Existing
    problems", "to draft an Additional resolution", "did not launch The Arctic clean-up"). A verb
    before its object introduces no name, as the noun does in "the band The Feeling"."""
    words = [t.group().lower() for t in before[-3:]]
    if words[-1:] and words[-1] in ARTICLES:
        words = words[:-1]
    return len(words) > 1 and "V" in wc.tags(words[-1]) \
        and (words[-2] in _BEFORE_A_VERB or words[-2] in AUXILIARIES)


def _name_run(after: list[regex.Match]) -> tuple[str, ...]:
    """The capitalised words at the start of *after*."""
    run = []
    for tok in after:
        if not tok.group()[:1].isupper() or not tok.group().isalpha():
            break
        run.append(tok.group())
    return tuple(run)


@lru_cache(maxsize=4)
def _runs_after_lowercase_article(text: str) -> Counter[tuple[str, ...]]:
    """How often the document writes each run of capitalised words after a lowercase
    article ("the Russian Federation", "the President’s" without its possessive): names whose
    article is not part of them. (_ARTICLE_RUN reads a no-break space as a space, and ``str.split``
    splits at both: the runs are looked for with spaces, so that the ASCII stretches between full
    stops are not cut at each no-break space, which news text may hold hundreds of.)"""
    return Counter(tuple(m.group(1).split()) for m in _article_runs(text.replace("\u00a0", " ")))


#: Where a match of _ARTICLE_RUN can start: an article, spaces and a character that is no
#: lowercase ASCII letter (every capital is one), one pattern for each article. A ``re`` scan
#: finds these places several times faster than ``regex`` tries the pattern at every position,
#: and a scan for each article's letters twice as fast as one for their alternation (which is
#: tried at every "a" and "t").
_ARTICLE_RUN_AT = tuple(lazy_compile(article + r"[ \u00a0]+(?=[^a-z \u00a0])", engine=re)
                        for article in sorted(ARTICLES))


#: _ARTICLE_RUN on ASCII text after each article, for ``re`` (see :func:`_article_runs`): ASCII's
#: letters are A-Z and a-z, it has no marks, no "’", no "\u2010" and no no-break space. Each
#: starts with its article and a space, which ``re`` looks for as literal text (a few times
#: quicker than the places of :data:`_ARTICLE_RUN_AT` and a try of ``regex`` at each), and the
#: look-behind that reads the character before the article follows them.
_ASCII_ARTICLE_RUNS = tuple(
    lazy_compile(article + r" (?<![A-Za-z0-9]" + article + r" ) *([A-Z][A-Za-z]*(?: +[A-Z][A-Za-z]*)*)(?:'s)?"
                 r"(?![A-Za-z0-9'\-])", engine=re)
    for article in sorted(ARTICLES))


def _article_runs(text: str) -> Iterator[regex.Match | re.Match]:
    """``_ARTICLE_RUN.finditer(text)`` (the same groups): each article's ASCII twin
    (:data:`_ASCII_ARTICLE_RUNS`) found in the whole text, its matches kept in the ASCII
    stretches between full stops (no match holds one; the look-arounds read one character on
    each side), and the pattern tried in the other stretches (:func:`_ascii_stretches`,
    :func:`_article_runs_at_places`). No match starts inside another, whose words are
    capitalised, so the matches in order are the pattern's."""
    others = [(start, end) for start, end, ascii in _ascii_stretches(text, ".") if not ascii]
    starts = [start for start, _ in others]
    in_ascii = ((m for m in run.finditer(text) if not _inside(others, starts, m.start()))
                for run in _ASCII_ARTICLE_RUNS)
    elsewhere = (m for start, end in others for m in _article_runs_at_places(text, start, end))
    return in_text_order(*in_ascii, elsewhere)


def _inside(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    """Whether *pos* is inside one of *spans* (in order, apart; *starts*: their starts)."""
    i = bisect_right(starts, pos) - 1
    return i >= 0 and pos < spans[i][1]


def _article_runs_at_places(text: str, pos: int, endpos: int) -> Iterator[regex.Match]:
    """``_ARTICLE_RUN.finditer(text, pos, endpos)``: the pattern tried where :data:`_ARTICLE_RUN_AT`
    finds it may start, in the text's order. (No match starts inside a place found, which holds an
    article's letters and spaces only, so none is skipped; a match is taken only from the end of
    the last one.)"""
    done = pos
    for start in sorted(place.start() for at in _ARTICLE_RUN_AT for place in at.finditer(text, pos, endpos)):
        if start < done:
            continue
        m = _ARTICLE_RUN.match(text, start, endpos)
        if m is not None:
            yield m
            done = m.end()


@lru_cache(maxsize=4)
def _words_after_lowercase_article(text: str) -> frozenset[str]:
    """The capitalised words of the runs that the document writes after a lowercase article."""
    return frozenset(w for run in _runs_after_lowercase_article(text) for w in run)


#: Two lowercase words, then "the" and spaces, straight before a word.
_BEFORE_THE = lazy_compile(
    r"(?:(?<![\p{L}\p{M}\p{N}'’\-])(\p{Ll}+)[ \u00a0]+)?(?<![\p{L}\p{M}\p{N}'’\-])(\p{Ll}+)"
    r"[ \u00a0]+the[ \u00a0]+$")


def _source_of_report(text: str, start: int) -> bool:
    """Whether a reporting verb and "the" stand before *start*, perhaps with a preposition
    between them ("told the Times", "says the Independent", "wrote for the Times"): what is
    told or says something there is a person or a body, and a capitalised noun in that place
    is its name."""
    before = _BEFORE_THE.search(text, max(0, start - 40), start)
    if before is None:
        return False
    verb, last = before.group(1), before.group(2)
    return last in wc.reporting_verbs() or verb in wc.reporting_verbs() \
        and last in wc.PREPOSITIONS | wc.COORDINATORS


def _short_name_of_a_body(low: str, previous: str, casing: Casing) -> bool:
    """Whether a capitalised *low* after *previous* is the short name of a body: a noun for a
    body (WordNet's) that the casing table finds capitalised often (BODY_NAME), after "the" or
    a possessive ("the Commission", "your Committee")."""
    ratio = casing.ratio(low)
    return (previous == wc.DEFINITE_ARTICLE or previous in POSSESSIVES) and low in wc.bodies() \
        and ratio is not None and ratio >= BODY_NAME


def _bare_body(text: str, m: regex.Match, low: str, previous: str, casing: Casing) -> bool:
    """Whether the capitalised *low* at *m*, after *previous*, names a body without an article: a
    singular noun for a body (WordNet's) that the casing table finds capitalised often
    (BODY_NAME), straight after a preposition or a past tense ("in Cabinet", "under Government
    guidance", "saw Town win"). A singular count noun with no determiner there is a proper noun
    or a mass noun, and a body is no mass. A body that WordNet also lists as an adjective does not count
    before a lowercase word: it modifies that word ("in Military cooperation"); one that is no
    adjective names the body there too ("from Cabinet allies", "because of Cabinet disunity")."""
    ratio = casing.ratio(low)
    if previous not in wc.PREPOSITIONS and not _past_tense(previous) or low not in wc.bodies() \
            or _plural_of(low, wc.bodies()) or ratio is None or ratio < BODY_NAME \
            or _completes_common_noun(text, m, previous, low):
        return False
    return not (low in wc.body_adjectives() and _NEXT_LOWER.match(text, m.end()))


def _past_tense(word: str) -> bool:
    """Whether LanguageTool's dictionary knows *word* as a past tense ("saw", "joined"), not a
    function word."""
    return "D" in wc.tags(word) and word not in FUNCTION_WORDS


#: The word before a preposition and the spaces after it ("heads of ").
_HEAD_BEFORE = lazy_compile(r"(?<![\p{L}\p{M}\p{N}'’\-])(\p{Ll}+)[ \u00a0]+\p{Ll}+[ \u00a0]+$")


def _completes_common_noun(text: str, m: regex.Match, previous: str, low: str) -> bool:
    """Whether *low* at *m*, after the preposition *previous*, ends a common noun of WordNet's
    with the word before the preposition ("heads of State": "head of state"): there the body
    is the complement of another noun, not a name."""
    head = _HEAD_BEFORE.search(text, max(0, m.start() - 40), m.start())
    return head is not None and any(f"{one}_{previous}_{low}" in wc.body_complement_compounds()
                                    for one in (head.group(1), *_singulars(head.group(1))))


def _short_name_of_a_kind(low: str, previous: str, casing: Casing) -> bool:
    """Whether a capitalised *low* after *previous* is the short name of one thing of a kind
    that bears names (WordNet's class H: treaties, acts, reports, projects, magazines, hotels)
    that the casing table finds capitalised often (at least THRESHOLD: about 12 % of its uses),
    after "the" ("approve the Treaty establishing a Constitution"). Like the short name of a
    body, with the casing bar of the words the rule calls often capitalised."""
    ratio = casing.ratio(low)
    return previous == wc.DEFINITE_ARTICLE and low in wc.name_heads() and ratio is not None and ratio >= THRESHOLD


#: "the" and a word straight before a word ("the two ").
_COUNT_BEFORE = lazy_compile(r"(?r)(?<![\p{L}\p{M}\p{N}'’\-])the[ \u00a0]+(\p{Ll}+)[ \u00a0]+$")


def _counted_bodies(text: str, m: regex.Match, low: str, casing: Casing) -> bool:
    """Whether the capitalised *low* at *m* is the plural of a noun for a body (WordNet's) that
    the casing table finds capitalised often (BODY_NAME), after "the" and a number written as a
    word ("the two Houses", "the three Services"): a count of named bodies that the reader
    knows, like the short name of one ("the House")."""
    count = _COUNT_BEFORE.search(text, max(0, m.start() - 30), m.start())
    if count is None or not wc.number_word(count.group(1)):
        return False
    return any(one in wc.bodies() and (casing.ratio(one) or BODY_NAME - 1) >= BODY_NAME
               for one in _singulars(low))


def _short_name_after_full_name(text: str, m: regex.Match, word: str, low: str, previous: str,
                                written: _Written) -> bool:
    """Whether the capitalised *word* at *m*, after "the", is the short form of a name that the
    document gives in full before it and that it never writes in lowercase: the full name holds
    *word* after another capitalised word ("the Global Fund", "Airborne Regiment of the
    Guards") or before "of" or "for" and a capitalised word ("the Treaty of Rome"). "The Fund"
    after such a name refers to it again; a slip capitalises a word that the document also
    writes in lowercase."""
    if _unglued(previous) != wc.DEFINITE_ARTICLE or written.in_lowercase(low):
        return False
    i = text.find(word)
    while 0 <= i < m.start():
        end = i + len(word)
        if not (i and text[i - 1].isalpha()) and not (end < len(text) and text[end].isalpha()):
            before = _FULL_NAME_BEFORE.search(text, max(0, i - 40), i)
            if before and before.group(1).lower() not in FUNCTION_WORDS \
                    or _FULL_NAME_AFTER.match(text, end):
                return True
        i = text.find(word, end)
    return False


#: A capitalised word before a word, perhaps joined to it by a word that joins the parts of names
#: (wordclasses.NEVER_TITLED: "of", "for", "and") and "the" ("Global
#: ", "Regiment of the "; in any case, so that a slip inside the full name, "Regiment Of the",
#: does not hide it): the word ends a full name.
_FULL_NAME_BEFORE = lazy_compile(
    r"(?<![\p{L}\p{M}\p{N}'’\-])(\p{Lu}[\p{L}\p{M}]+)[ \u00a0]+"
    r"(?:(?i:" + "|".join(sorted(wc.NEVER_TITLED)) + r")[ \u00a0]+(?:(?i:the)[ \u00a0]+)?)?$")
#: A word that joins the parts of names and a capitalised word after a word (" of Rome"): the
#: word heads a full name.
_FULL_NAME_AFTER = lazy_compile(
    r"[ \u00a0]+(?i:" + "|".join(sorted(wc.NEVER_TITLED)) + r")[ \u00a0]+(?:(?i:the)[ \u00a0]+)?\p{Lu}")


def _unglued(previous: str) -> str:
    """*previous*, or "the" when it is a word glued to the article by extraction: an unknown word
    that ends in "the" ("instructedthe") or a function word and "the" ("thatthe", "ofthe": no
    English word is one, though web counts hold the glued forms)."""
    if len(previous) > 3 and previous.endswith(wc.DEFINITE_ARTICLE) \
            and (previous not in get_lexicon() or previous[:-len(wc.DEFINITE_ARTICLE)] in FUNCTION_WORDS):
        return wc.DEFINITE_ARTICLE
    return previous


#: A number sign or "No." and a digit after a word: the word labels a numbered item.
_NUMBER_LABEL = lazy_compile(r"[ \u00a0]+(?:#|No\.?[ \u00a0]*)\p{N}|\.\p{N}")


def _labelled(text: str, m: regex.Match) -> bool:
    """Whether the capitalised word at *m* labels a numbered item ("refund Order #5698656",
    "Invoice No. 12", "Para.1", a clipped label glued to its number by a full stop): like
    "Article 8", a label before its number."""
    return m.end() == m.end(W) and _NUMBER_LABEL.match(text, m.end()) is not None


#: A word (the determiner) and a year straight before a word ("the 2012 ").
_YEAR_BEFORE = lazy_compile(
    r"(?r)(?<![\p{L}\p{M}\p{N}'’\-])(\p{Ll}+)[ \u00a0]+[12]\p{N}{3}[ \u00a0]+$")


def _after_a_year(text: str, m: regex.Match) -> bool:
    """Whether the capitalised noun at *m* follows "the" or a possessive and a year ("the 2012
    Games", "its 2005 Budget"): a year between a determiner and a noun picks one edition of a
    recurring thing, and a capital there names that edition. A number that is no year counts a
    quantity ("the 37 Countries")."""
    before = _YEAR_BEFORE.search(text, max(0, m.start() - 30), m.start())
    return before is not None and wc.noun(m.group(W)) \
        and (before.group(1) == wc.DEFINITE_ARTICLE or before.group(1) in POSSESSIVES)


#: A lowercase letter and a capitalised word glued to it, straight before a word ("meritFor ").
_GLUED_CAPITAL_BEFORE = lazy_compile(r"(?r)\p{Ll}\p{Lu}\p{Ll}*[ \u00a0]+$")


def _after_glued_capital(text: str, m: regex.Match) -> bool:
    """Whether the word before the capitalised word at *m* ends in a capitalised word glued to a
    lowercase one ("the badge of meritFor Mentorship"): the capitalised word after a lost space
    starts a run of capitalised words that the word at *m* continues, as after any capitalised
    word (spacing.RunOnWord reports the lost space)."""
    return _GLUED_CAPITAL_BEFORE.search(text, max(0, m.start() - 30), m.start()) is not None


#: The words from a word to an acronym in brackets on the same line ("in Energy and
#: Environmental Design (LEED)").
_TO_ACRONYM = lazy_compile(r"[^\n()]{0,80}?\((\p{Lu}{2,})\)")
_CAPITALISED_WORD = lazy_compile(r"(?<![\p{L}\p{M}\p{N}'’])\p{Lu}")


def _spelt_by_acronym(text: str, m: regex.Match) -> bool:
    """Whether the capitalised word at *m* and the capitalised words after it up to an acronym
    in brackets give the acronym's last letters ("Leadership in Energy and Environmental Design
    (LEED)"): the words are the name that the acronym abbreviates."""
    after = _TO_ACRONYM.match(text, m.start())
    if after is None:
        return False
    initials = "".join(c.group() for c in _CAPITALISED_WORD.finditer(text, m.start(), after.start(1) - 1))
    return len(initials) > 1 and after.group(1).endswith(initials)


def _house_style(capitalised: _CapitalisedWords, word: str, low: str) -> bool:
    """Whether *word* is a noun for a body or a kind of thing that bears names (WordNet's classes
    B and H) that the document writes capitalised at least HOUSE_STYLE_CAPITALS times, alone or at
    the end of a name ("the Labour Party", "the Party"): its house style there, not a slip. The
    slip capitalises one copy of a word; a house style capitalises every copy."""
    if low not in wc.bodies() and low not in wc.name_heads():
        return False
    return capitalised.uses(word) >= HOUSE_STYLE_CAPITALS


def _house_style_by_copies(low: str, last_word_copies: int) -> bool:
    """Whether a capitalised word (as *low*) is the document's house style by :func:`_house_style`
    as its own copies show it: each of its copies (matches of ``_TITLE``) that no capitalised
    word follows, *last_word_copies* of them (:func:`_last_word_copies`), is one of the uses that
    function counts (which also counts copies ``_TITLE`` leaves out, such as "Party-goers"), so
    enough of them answer without a search of the text; too few answer nothing."""
    return low in _house_nouns() and last_word_copies >= HOUSE_STYLE_CAPITALS


class _CapitalisedWords:
    """Where a text writes each capitalised word as a word of its own (a whole run of letters:
    ``str.isalpha`` on neither side). The first :data:`SEARCHES` words asked are searched for;
    a text asked about more (a long one) is indexed in one scan instead of searched again for
    each word."""

    #: Words searched for before the text is indexed.
    SEARCHES = 32

    def __init__(self, text: str) -> None:
        self.text = text
        self._asked = 0
        self._ends: dict[str, list[int]] | None = None

    def _index(self) -> dict[str, list[int]]:
        text, ends = self.text, {}
        for m in _UNLESS_LOWER_ASCII.finditer(text):
            run, start = m.group(), m.start()
            if run.isalpha():
                if run[0].isupper() and not (start and text[start - 1].isalpha()):
                    ends.setdefault(run, []).append(m.end())
                continue
            for piece, end in _letter_runs(run):  # (rare) other alphanumerics inside: "Party²"
                if piece[0].isupper() and not (end == len(piece) and start and text[start - 1].isalpha()):
                    ends.setdefault(piece, []).append(start + end)
        return ends

    def _search(self, word: str) -> Iterator[int]:
        text = self.text
        i = text.find(word)
        while i >= 0:
            end = i + len(word)
            if not (i and text[i - 1].isalpha()) and not (end < len(text) and text[end].isalpha()):
                yield end
            i = text.find(word, end)

    def uses(self, word: str) -> int:
        """How often the text holds *word* (capitalised) as a word of its own that no capitalised
        word follows ("the Party", "Labour Party", not "State Duma"), up to HOUSE_STYLE_CAPITALS."""
        self._asked += 1
        if self._ends is None and self._asked > self.SEARCHES:
            self._ends = self._index()
        n = 0
        for end in self._search(word) if self._ends is None else self._ends.get(word, ()):
            if not _NEXT_CAPITALISED.match(self.text, end):
                n += 1
                if n == HOUSE_STYLE_CAPITALS:
                    break
        return n


#: A run of letters and of the other alphanumerics but digits ("Party²") from any of them but an
#: ASCII lowercase letter: every capitalised word starts one, or is inside one (``re``'s classes
#: are Python's own, as ``str.isalpha`` is).
_UNLESS_LOWER_ASCII = lazy_compile(r"[^\W\d_a-z][^\W\d_]*", engine=re)


#: A run of letters and of the other alphanumerics but digits ("Party²"): each run of letters
#: (``str.isalpha``) is one or is inside one.
_LETTERS_AND_NUMERALS = lazy_compile(r"[^\W\d_]+", engine=re)


def _letter_runs(run: str) -> Iterator[tuple[str, int]]:
    """The runs of letters (``str.isalpha``) of *run*, each with its end."""
    pos = 0
    for alpha, chars in groupby(run, str.isalpha):
        pos += len(piece := "".join(chars))
        if alpha:
            yield piece, pos


def _runs_of_letters(piece: str) -> Iterable[str]:
    """The runs of letters of *piece* (:func:`_letter_runs`): itself, at once, when it is all
    letters."""
    return (piece,) if piece.isalpha() else (run for run, _ in _letter_runs(piece))


def _names_a_body(text: str, m: regex.Match, low: str) -> bool:
    """Whether the capitalised word at *m* stands straight before a lowercase noun for a person
    or, known to LanguageTool's dictionary as a proper noun, before one for a body (WordNet's
    classes): the body that the person serves ("the former Sun editor", "Cabinet colleagues")
    or the faction that the body is ("the Conservative party", not "Small towns"). A number
    word counts the persons instead ("the Two men")."""
    nxt = _NEXT_LOWER.match(text, m.end()) if m.end() == m.end(W) else None  # no possessive
    if nxt is None:
        return False
    after = nxt.group(1)
    return after in wc.person_nouns() and wc.noun(low) and not wc.number_word(low) \
        or after in wc.bodies() and wc.proper(low) and not _plural_of(after, wc.bodies())


def _plural_of(word: str, nouns: frozenset[str]) -> bool:
    """Whether *word* is the plural of one of *nouns* ("towns", "parties"): one of its
    :func:`_singulars` is (written out: asked a thousand times a pass)."""
    return word.endswith("s") and (word[:-1] in nouns or word.endswith("es") and (
        word[:-2] in nouns or word.endswith("ies") and word[:-3] + "y" in nouns))


def _singulars(word: str) -> Iterator[str]:
    """The singulars that *word* may be the regular plural of ("parties": "party")."""
    for end, add in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(end):
            yield word[:-len(end)] + add


def _written_in_lowercase(text: str, low: str) -> bool:
    """Whether the document writes *low* in lowercase as a word of its own."""
    i = text.find(low)
    while i >= 0:
        end = i + len(low)
        if not (i and text[i - 1].isalpha()) and not (end < len(text) and text[end].isalpha()):
            return True
        i = text.find(low, end)
    return False


class _Written:
    """What a document writes, for the judgements that search all of it: whether it writes a word
    in lowercase as a word of its own (:func:`_written_in_lowercase`), in its text or in its prose
    (the text with its non-prose spans blanked), and a function word in lowercase between two
    words (:func:`_written_between`: asked again at each copy of a name, so kept).

    A search of a long text for a word that it does not write reads all of it, and that is the
    common answer. After MISSES of them, the runs of letters that the document writes answer
    first (:meth:`_runs`): a word that holds a run of letters not among them is not written; a
    word whose runs all are is searched for."""

    #: Searches that find nothing before the runs of letters are gathered.
    MISSES = 4

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._misses = 0
        self._prose_runs: set[str] | None = None
        self._text_runs: set[str] | None = None
        self._between: dict[tuple[str, str, str], bool] = {}

    def in_lowercase(self, low: str) -> bool:
        """Whether the text writes *low* as a word of its own."""
        return self._written(self._doc.text, low)

    def in_lowercase_prose(self, low: str) -> bool:
        """Whether the prose writes *low* as a word of its own (code and links count for nothing)."""
        return self._written(self._doc.prose_text, low)

    def between(self, left: str, low: str, right: str) -> bool:
        """:func:`_written_between` of the text."""
        key = (left, low, right)
        found = self._between.get(key)
        if found is None:
            found = self._between[key] = _written_between(self._doc.text, left, low, right)
        return found

    def _written(self, text: str, low: str) -> bool:
        if self._misses >= self.MISSES:
            runs = self._runs(text is self._doc.prose_text)
            if not all(run in runs for run in _runs_of_letters(low)):
                return False
        found = _written_in_lowercase(text, low)
        self._misses += not found
        return found

    def _runs(self, prose: bool) -> set[str]:
        """Every run of letters (``str.isalpha``) that the prose, or the text, writes, and perhaps
        others. Each run of letters of the prose is a word of the document's vocabulary
        (:attr:`Document.vocabulary`, which the spacing checks count too) or a run of letters of
        one ("well" of "well-known", "ku" of "kita-ku"); the vocabulary also holds the words of
        file names, which the prose blanks. A run of the text that is not one of the prose is
        next to or inside a non-prose span: the runs of the text from the letters before each
        such span to the letters after it add those."""
        if self._prose_runs is None:
            words = self._doc.vocabulary
            runs = set(filter(str.isalpha, words))
            for piece in _LETTERS_AND_NUMERALS.findall(" ".join(w for w in words if not w.isalpha())):
                runs.update(_runs_of_letters(piece))
            self._prose_runs = runs
        if prose or not self._doc.ignored:
            return self._prose_runs
        if self._text_runs is None:
            text, runs = self._doc.text, set(self._prose_runs)
            for span in self._doc.ignored:
                start, end = span.start, span.end
                while start and text[start - 1].isalpha():
                    start -= 1
                while end < len(text) and text[end].isalpha():
                    end += 1
                for piece in _LETTERS_AND_NUMERALS.findall(text, start, end):
                    runs.update(_runs_of_letters(piece))
            self._text_runs = runs
        return self._text_runs


def _phrase(text: str, m: regex.Match) -> tuple[str, ...]:
    """The word at *m* and the word after it, without punctuation ("The Times:", "The Times,")."""
    return tuple(t.group() for t in _WORDS.finditer(text, m.start(), m.end() + 30) if t.group()[:1].isalnum())[:2]


def _previous_word(text: str, pos: int) -> str:
    """The word before *pos* in lowercase, if only spaces separate them."""
    m = _PREVIOUS.search(text, max(0, pos - 30), pos)
    return m.group(1).lower() if m else ""


def _name_like(tokens: list[regex.Match], text: str, casing: Casing, before: bool,
               numbers: bool = True, lists: bool = True) -> bool:
    """Whether the first content word among *tokens* (skipping a possessive apostrophe and
    up to two lowercase connectors) is a name: a word with digits, an acronym, CamelCase,
    or a capitalised word that is not at a sentence start or is not normally lowercase.
    *tokens* are matches in reading order away from the word. Without *numbers*, a number
    after a connector is no evidence ("42 Percent in 2019"); without *lists*, a comma ends
    the name ("before the Visit, President Putin said"). With *before*, it reads NEAR_TOKENS
    tokens at most (:class:`_TokensBefore`)."""
    skipped: list[str] = []
    for i, tok in enumerate(tokens):
        word = tok.group()
        if skipped[-1:] == [","] and not lists and word not in ARTICLES:
            return False  # "the Visit, President Putin", but "the Shapes, the Adicts"
        if (word in CONNECTORS or word == "," and not before) and len(skipped) < 2 \
                or word in ("'", "’") and not skipped:
            skipped.append(word)
            continue
        if before and skipped[:1] and skipped[0] in ARTICLES and skipped[1:] in _NEW_PHRASE_SKIPS:
            return False  # "the Olympic Games and the Examples": a new noun phrase
        if not word.isalpha() and any(c.isdigit() for c in word):
            # "Radio 4's Today", "G8 Summit", "the Round of 16", "Lane in 1965"; a comma
            # before a number ends a name ("At the same Time, 19 gunmen"); a code after "of
            # the" that modifies a noun is no name ("the Framework of the G8 summit")
            return "," not in skipped and (numbers or not skipped) \
                and not _modifies_common_noun(tokens, i, before, skipped)
        if not word[0].isalpha() or not word[0].isupper() or word == "I":
            return False
        if len(word) > 1 and not word[1:].islower() and (word.isupper() or any(c.isupper() for c in word[1:])):
            # acronym or CamelCase, unless it modifies a noun after "of the" ("the EU states")
            return not _modifies_common_noun(tokens, i, before, skipped)
        if not before and skipped and _proper_adjective_before_noun(tokens, i):
            return False  # "the Interests of the Palestinian people": a common noun's modifier
        if not before or not starts_sentence(text, tok.start(), openers=False):
            return True
        # A capitalised sentence start is a name unless it is a function word or a word
        # that is hardly ever capitalised elsewhere ("Flexible Solutions are needed"); an
        # article there starts a title ("The Bosses is an album").
        if word.lower() in ARTICLES:
            return True
        core = _APOSTROPHE.split(word)[0].lower()  # "That's": the word before a contraction
        return core not in FUNCTION_WORDS and not wc.number_word(core) \
            and (bool(skipped) or not casing.normally_lowercase(core, STRONG_FORM))
    return False


def _modifies_common_noun(tokens: list[regex.Match], i: int, before: bool, skipped: list[str]) -> bool:
    """Whether the code or acronym ``tokens[i]``, reached after the word through a connector
    ("of the"), stands before a lowercase content word: it modifies a common noun ("the G8
    summit", "the EU states") and ends no name."""
    if before or not skipped or skipped[0] not in CONNECTORS or i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1].group()
    return nxt.isalpha() and nxt.islower() and nxt not in FUNCTION_WORDS


def _proper_adjective_before_noun(tokens: list[regex.Match], i: int) -> bool:
    """Whether ``tokens[i]``, reached after the word through a connector ("of the"), is an
    adjective made from a name (LanguageTool's dictionary: an adjective and a proper noun,
    "Russian", "Palestinian"; not a day, "the Independent on Sunday found") straight before a
    lowercase content word: it modifies a common
    noun ("the Interests of the Palestinian people", "the History of Russian railways"), so no
    name runs from the word through it."""
    tags = wc.tags(tokens[i].group())
    if "J" not in tags or "P" not in tags or tokens[i].group().lower() in wc.CALENDAR or i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1].group()
    return nxt.isalpha() and nxt.islower() and nxt not in FUNCTION_WORDS


def _in_quoted_title(text: str, start: int, end: int) -> bool:
    """Whether the word is inside a short quotation (a title or a slogan: "Britain is Working")."""
    left = text[max(0, start - 50):start]
    right = text[end:end + 50]
    for open_, close in (('"', '"'), ("“", "”"), ("‘", "’"), ("'", "'")):
        i = left.rfind(open_)
        if i < 0 or close in left[i + 1:] or (open_ == close and left[i + 1:i + 2].isspace()):
            continue
        j = right.find(close)
        if j >= 0 and (j + 1 >= len(right) or not right[j + 1].isalpha()):
            return True
    return False



#: A lowercase word after a capitalised one (not part of a hyphenated or dotted token).
_NEXT_WORD = lazy_compile(r"[ \u00a0]+(\p{Ll}+)(?![\p{L}\p{M}\p{N}\-\u2010'’.]\p{L})")


#: Spaces and a lowercase letter: a lowercase word after a word.
_SPACED_LOWER = lazy_compile(r"[ \u00a0]+\p{Ll}")


def _common_word_in_name(text: str, m: regex.Match, low: str, prose: str, casing: Casing, once: bool) -> bool:
    """Whether the capitalised word at *m*, which :meth:`MidSentenceCapital._in_name` finds next to
    a name, is a common word of the clause all the same (the judgements below, in turn). All of
    them but the last ask that the document capitalise the word nowhere else in mid-sentence
    (:func:`_capitalised_mid_sentence`); *once* is False when the word's own capitalised copies
    outside sentence starts are two or more, which answers that for every copy without searching
    the text again (a word inside a recurring name: "New", "Liberal"). Before another capitalised
    word (most words of a name) only the last can: each of the others asks for a lowercase word or
    a mark after the word, or (after a possessor) for no capitalised word; and before neither (a
    mark) only the two that ask for no lowercase word after it."""
    if _NEXT_CAPITALISED.match(text, m.end()):
        return _adjective_before_proper_modifier(text, m, low, casing)
    if not _SPACED_LOWER.match(text, m.end()):
        return once and (_common_noun_after_possessor(text, m, low, prose, casing)
                         or _common_noun_after_proper_adjective(text, m, low, prose, casing))
    return once and (_common_word_after_name(text, m, low, prose, casing)
                     or _common_noun_after_possessor(text, m, low, prose, casing)
                     or _verb_after_complete_name(text, m, low, prose, casing)
                     or _past_verb_of_named_subject(text, m, low, prose, casing)
                     or _adjective_after_possessor(text, m, low, prose, casing)
                     or _adjective_after_proper_adjective(text, m, low, prose, casing)
                     or _common_noun_after_proper_adjective(text, m, low, prose, casing)) \
        or _adjective_before_proper_modifier(text, m, low, casing)


def _may_be_common_word_in_name(low: str, once: bool) -> bool:
    """Whether :func:`_common_word_in_name` (with *once*) can find the word *low* a common word at
    any of its copies: each of its judgements asks that the casing table find the word capitalised
    rarely (THRESHOLD; for a verb form, :func:`_lowercase_ratio`) or that LanguageTool's dictionary
    know a past tense of it, and the one asked when *once* is False an adjective and nothing else
    capitalised hardly ever (STRONG_FORM). Asked once per word, so that the copies of a word that
    none of them can judge ("New", "Home", most of a name's words) are not judged one by one."""
    ratio = _lowercase_ratio(low)
    rare = ratio is not None and ratio <= THRESHOLD
    if once and (rare or "D" in wc.tags(low)):
        return True
    return rare and ratio <= STRONG_FORM and wc.tags(low) == "J"


def _common_word_after_name(text: str, m: regex.Match, low: str, prose: str, casing: Casing) -> bool:
    """Whether the capitalised word at *m*, which a name precedes, is a common word of the
    clause rather than the last word of the name: a verb whose subject the name is, before its
    object ("Mr Putin Said some deputies", "the Executive Office Take a tough line"), or an
    adjective that
    modifies the lowercase noun after it ("Russian Foreign policy", "Iran's Nuclear programme").
    Names end in common words ("Court of Appeal", "Comic Relief day", "Friends Reunited"), so
    the grammar is not enough alone: the casing table must find the word capitalised rarely
    (THRESHOLD), and the document must write it in lowercase elsewhere and capitalised nowhere else
    in mid-sentence (a name's words recur capitalised; the slip capitalises one copy)."""
    if m.end() != m.end(W):
        return False  # a possessive: "Toyota Motor Corporation's"
    ratio = casing.ratio(low)
    if ratio is None or ratio > THRESHOLD or wc.proper(low) or "#" in wc.tags(low):
        return False
    nxt = _NEXT_WORD.match(text, m.end())
    if nxt is None:
        return False
    after = nxt.group(1)
    if not (_verb_before_object(low, after) or _adjective_before_noun(low, after)):
        return False
    return _after_name_word(text, m.start()) and _written_in_lowercase(prose, low) \
        and _capitalised_mid_sentence(text, m.group(W), prose) == 1


#: A capitalised word that is no function word, then spaces, before a word.
_NAME_WORD_BEFORE = lazy_compile(r"(?r)(?<![\p{L}\p{M}\p{N}\-\u2010.])(\p{Lu}[\p{L}\p{M}\p{N}]*(?:['’]s)?)[ \u00a0]+$")


def _after_name_word(text: str, start: int) -> bool:
    """Whether a name's word stands straight before *start*: a capitalised word other than a
    function word, and not a word of the casing table that starts its sentence ("Putin Said", "Russian
    Foreign", "Iran’s Nuclear"; not "the Commercial", "In the Budgets", "1. Introduction
    Various aspects"), or an article that starts its sentence ("The Last time")."""
    before = _NAME_WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is None:
        return False
    word = _APOSTROPHE.split(before.group(1))[0]
    if word.lower() in ARTICLES:
        return starts_sentence(text, before.start(1), openers=False)  # "The Last time we met"
    if starts_sentence(text, before.start(1), openers=False) and get_casing().ratio(word) is not None:
        return False  # a common word that starts a sentence: "1. Introduction Various aspects"
    return not _function_like(word.lower())


def _verb_before_object(low: str, after: str) -> bool:
    """Whether *low* is a finite verb form (LanguageTool's dictionary: base, -s or past form)
    before the start of its object: a determiner, an object pronoun, or a content word that is
    no preposition ("needs peace", "said some", "made press statements"). A noun reading needs a
    determiner or pronoun after it ("the State Duma Plans for": a noun before a preposition)."""
    tags = wc.tags(low)
    if not set(tags) & set("VZD") or after in CONNECTORS or after in wc.PREPOSITIONS:
        return False
    if after in OBJECT_STARTS or after in wc.QUANTIFIERS:
        return True
    return not set(tags) & set("NJ") and after not in FUNCTION_WORDS


def _adjective_before_noun(low: str, after: str) -> bool:
    """Whether *low* is an adjective and nothing else (LanguageTool's dictionary) before a word
    that is a noun and no adjective or verb form: it modifies that noun ("Foreign policy",
    "Nuclear programme")."""
    tags, noun = wc.tags(low), wc.tags(after)
    return "J" in tags and not set(tags) & set("VZDEGPR") and "N" in noun \
        and not set(noun) & set("JZDEG") and after not in FUNCTION_WORDS


def _capitalised_mid_sentence(text: str, word: str, prose: str) -> int:
    """How often *text* writes *word* (capitalised) as a word of its own where no sentence
    starts (counting up to 2)."""
    n = 0
    i = text.find(word)
    while i >= 0 and n < 2:
        end = i + len(word)
        if not (i and text[i - 1].isalpha()) and not (end < len(text) and text[end].isalpha()) \
                and not starts_sentence(prose, i):
            n += 1
        i = text.find(word, end)
    return n


#: How common (Zipf, wordfreq) a word that the casing table leaves out must be for
#: :func:`_in_set_phrase` to judge it: a word of everyday English, not a rare name.
COMMON_ZIPF = 4.0


def _frequent_common_word(low: str) -> bool:
    """Whether *low*, which the casing table leaves out (a web corpus capitalises it too often
    for the table: "well", "thank", "summit", "national"), is a frequent word of English that
    names no kind of person, body or named thing and that LanguageTool's dictionary does not
    know as a proper noun: worth judging by :func:`_in_set_phrase`."""
    return low.isalpha() and wc.tags(low) != "" and get_lexicon().zipf(low) >= COMMON_ZIPF \
        and not wc.proper(low) and low not in wc.person_nouns() and low not in wc.bodies() \
        and low not in wc.name_heads() and low not in wc.CALENDAR \
        and not any(_plural_of(low, nouns) for nouns in (wc.person_nouns(), wc.bodies(), wc.name_heads()))


def _in_set_phrase(text: str, m: regex.Match, low: str, previous: str, written: _Written) -> bool:
    """Whether a word that the casing table cannot judge (:func:`_frequent_common_word`) stands
    between lowercase words inside a set phrase of lowercase English (web bigrams: log10 PMI at
    least WEAK_COLLOCATION with the word before or after, COLLOCATION after an article: "as Well
    as"), or a verb form and nothing else after "to", a modal or a subject pronoun ("to Thank
    them"), and the document writes it in lowercase elsewhere; or inside a set phrase on both
    sides without the lowercase copy (:func:`_inside_set_phrase`); or, after a comma, is a verb
    form and nothing else in a set phrase (COLLOCATION) with the lowercase word after it ("Mr
    President, Thank you for"). Without the table's word, only the phrase and the document show
    that the capital is out of place."""
    if _COMMA_BEFORE.search(text, max(0, m.start() - 3), m.start()) and wc.only_verb(low):
        nxt = _NEXT_LOWER.match(text, m.end()) if m.end() == m.end(W) else None
        pmi = get_lexicon().pmi(low, nxt.group(1)) if nxt else None
        return pmi is not None and pmi >= COLLOCATION  # "Mr President, Thank you"
    if not _between_lowercase(text, m):
        return False
    if not written.in_lowercase(low):
        return _inside_set_phrase(text, m, low, previous)
    if previous in VERB_LIKE and wc.only_verb(low):
        return True  # a verb and nothing else after "to", a modal or a subject: "to Thank them"
    return _collocates(text, m, low, previous, WEAK_COLLOCATION if previous not in ARTICLES else COLLOCATION)


#: A comma and spaces straight before a word.
_COMMA_BEFORE = lazy_compile(r"(?r),[ \u00a0]+$")


def _inside_set_phrase(text: str, m: regex.Match, low: str, previous: str) -> bool:
    """Whether the lowercase form of the word at *m* makes a set phrase of web text with the
    lowercase word on each side, at least WEAK_COLLOCATION with both and COLLOCATION with one
    ("as Well as", "to Thank you"): a phrase of common English on both sides holds no name."""
    lexicon = get_lexicon()
    nxt = _NEXT_LOWER.match(text, m.end()) if m.end() == m.end(W) else None
    if nxt is None or _LOWER_PREVIOUS.search(text, max(0, m.start() - len(previous) - 3), m.start()) is None:
        return False
    left, right = lexicon.pmi(previous, low), lexicon.pmi(low, nxt.group(1))
    return left is not None and right is not None and min(left, right) >= WEAK_COLLOCATION \
        and max(left, right) >= COLLOCATION


#: A capitalised word, perhaps hyphenated or with digits ("Russian", "Russian-American", "G20"),
#: straight before a word, after a lowercase word, a sentence's start or its punctuation.
_MODIFIER_BEFORE = lazy_compile(
    r"(?r)(?<![\p{L}\p{M}\p{N}\-\u2010.'’])(\p{Lu}[\p{L}\p{M}\p{N}]*(?:[\-\u2010]\p{Lu}[\p{L}\p{M}\p{N}]*)*)[ \u00a0]+$")


_HYPHEN = lazy_compile("[-\u2010]")


def _proper_modifier(word: str) -> bool:
    """Whether *word* is an adjective made from a name or an acronym: LanguageTool's dictionary
    knows its capitalised form as an adjective and its lowercase form as none ("Russian",
    "Austrian", "Islamic"; not "Federal", "Foreign"), or it is written in capitals ("EU", "G20");
    in a hyphenated compound every part is one or a proper noun ("Russian-American", "Asia-Pacific")."""
    parts = _HYPHEN.split(word)
    if len(parts) > 1:
        return all(_proper_modifier(p) or wc.proper(p) and wc.tags(p.lower()) == "" for p in parts)
    if word.isupper() and len(word) > 1 or word[:1].isalpha() and word[1:].isupper() and any(c.isdigit() for c in word):
        return True
    return "J" in wc.tags(word) and "J" not in wc.tags(word.lower())


#: A capitalised word straight before a position.
_CAPITALISED_BEFORE = lazy_compile(r"(?r)(?<![\p{L}\p{M}\p{N}])\p{Lu}[\p{L}\p{M}\p{N}]*[ \u00a0]+$")


def _noun_after(word: str) -> bool:
    """Whether LanguageTool's dictionary knows *word* as a noun and not as a finite verb form
    (past or -s form) or a function word: a noun after a noun makes a compound ("the PCI
    Interface board"), a finite verb ends the subject ("Russian Companies have")."""
    tags = wc.tags(word)
    return "N" in tags and not set(tags) & set("ZDC") and word not in FUNCTION_WORDS


def _common_noun_after_proper_adjective(text: str, m: regex.Match, low: str, prose: str, casing: Casing) -> bool:
    """Whether the capitalised word at *m* is a common noun that an adjective made from a name
    modifies (:func:`_proper_modifier`, not an acronym, which starts products' names: "GNOME
    Extensions handles", "a GNU Maintainer."; "the Russian-American Talks were"), not the last
    word of a name that starts with one ("the Russian Federation", "British Airways", "Scottish Water"): a noun that names no body, person or kind of named thing
    and that the casing table finds capitalised rarely (:func:`_plain_common_noun`: STRONG for a
    plural, STRONG_FORM for a singular, which may be a term: "the Cambrian Period"), before a
    clause's punctuation or a lowercase word that is no connector ("the SCO Heads of State") and
    no noun ("the PCI Interface board"), after a modifier that no other capitalised word precedes
    ("by The ITF Year"); the document must write the noun in lowercase elsewhere, capitalise it
    nowhere else in mid-sentence and write the pair only here."""
    if m.end() != m.end(W) or not _plain_common_noun(low, STRONG if _plural(low) else STRONG_FORM) \
            or wc.number_word(low) or not _NAME_ENDS_AT.match(text, m.end()):
        return False
    before = _MODIFIER_BEFORE.search(text, max(0, m.start() - 40), m.start())
    nxt = _NEXT_LOWER.match(text, m.end())
    if before is None or _acronym(before.group(1)) \
            or nxt is not None and (nxt.group(1) in CONNECTORS or _noun_after(nxt.group(1))) \
            or not _proper_modifier(before.group(1)):
        return False
    if _CAPITALISED_BEFORE.search(text, max(0, before.start(1) - 40), before.start(1)) \
            and not starts_sentence(prose, before.start(1)):
        return False  # a longer name: "replaced by The ITF Year"
    return _written_in_lowercase(prose, low) and _capitalised_mid_sentence(text, m.group(W), prose) == 1 \
        and _pair_written_once(text, before.group(1), m.group(W))


def _pair_written_once(text: str, first: str, second: str) -> bool:
    """Whether *text* writes the word *first*, spaces and *second* once only."""
    pair = regex.compile(r"(?<![\p{L}\p{M}\p{N}])" + regex.escape(first) + r"[ \u00a0]+" + regex.escape(second))
    return len(pair.findall(text)) == 1


#: A capitalised word, perhaps hyphenated or with digits, then spaces and a lowercase word.
_MODIFIER_AFTER = lazy_compile(
    r"[ \u00a0]+(\p{Lu}[\p{L}\p{M}\p{N}]*(?:[\-\u2010]\p{Lu}[\p{L}\p{M}\p{N}]*)*)[ \u00a0]+\p{Ll}")


def _adjective_before_proper_modifier(text: str, m: regex.Match, low: str, casing: Casing) -> bool:
    """Whether the capitalised word at *m*, after a lowercase word, is an adjective and nothing
    else (LanguageTool's dictionary) that the casing table finds capitalised hardly ever
    (STRONG_FORM), before an adjective made from a name or an acronym that a lowercase word
    follows (:func:`_proper_modifier`): it modifies a common noun phrase ("with Prominent German
    politicians", "the Upcoming G8 and G20 summits"), and no name starts with it (the adjectives
    of language names are capitalised more often: "Old English", "Vulgar Latin")."""
    ratio = casing.ratio(low)
    if m.end() != m.end(W) or wc.tags(low) != "J" or ratio is None or ratio > STRONG_FORM \
            or not _LOWER_PREVIOUS.search(text, max(0, m.start() - 30), m.start()):
        return False
    after = _MODIFIER_AFTER.match(text, m.end())
    return after is not None and _proper_modifier(after.group(1))


#: A name's possessive straight before a word: "Finland’s ", "Mr Putin's ".
_POSSESSOR_BEFORE = lazy_compile(r"(?r)(?<![\p{L}\p{M}\p{N}\-\u2010.])(\p{Lu}\p{L}*)['’]s[ \u00a0]+$")


def _common_noun_after_possessor(text: str, m: regex.Match, low: str, prose: str, casing: Casing) -> bool:
    """Whether the capitalised word at *m* is a common noun after a person's or a place's
    possessive ("Finland’s Involvement in", "Mr Putin’s Talk to"), not the second word of a name
    that holds a possessive: those possess with a common noun ("Prime Minister's Questions", "the
    Queen's Speech", "Valentine's Day", "Women's Institute"). The possessor must be a word that
    LanguageTool's dictionary knows as a proper noun and not as a common one; the word must be
    capitalised hardly ever in the casing table (STRONG), no capitalised word or number may follow
    it, and the document must write it in lowercase elsewhere and capitalised nowhere else in
    mid-sentence."""
    ratio = casing.ratio(low)
    if m.end() != m.end(W) or ratio is None or ratio > STRONG:
        return False
    before = _POSSESSOR_BEFORE.search(text, max(0, m.start() - 40), m.start())
    if before is None:
        return False
    owner = before.group(1)
    if not wc.proper(owner) or wc.noun(owner) or _NEXT_CAPITALISED.match(text, m.end()) \
            or _SPACED_NUMBER.match(text[m.end():m.end() + 3]):
        return False
    return _written_in_lowercase(prose, low) and _capitalised_mid_sentence(text, m.group(W), prose) == 1


#: The forms of a finite verb with no noun reading (LanguageTool's classes, see wc.tags): past
#: tense and -s form.
_FINITE_FORMS = frozenset("DZ")
#: A name's last word written before a lowercase word or a clause's punctuation: the name ends
#: there ("Putin said", "Putin,").
_NAME_ENDS = "[ \u00a0]+\\p{Ll}|[,.;:]"
_NAME_ENDS_AT = lazy_compile(_NAME_ENDS)


def _verb_after_complete_name(text: str, m: regex.Match, low: str, prose: str, casing: Casing) -> bool:
    """Whether the capitalised word at *m*, after a name's word, is the verb of that name: a past
    tense or an -s form with no noun reading (LanguageTool's dictionary: "met", "talked",
    "continues"; not "left", "saw") that the casing table finds capitalised rarely (STRONG),
    before a lowercase word other than an auxiliary or a form of "be" ("Mr Putin Met with", "Peter Stayed for",
    "Rostec Took over"; not "Ouled Said is a town"), where the name's word is one that the casing
    table does not know as a common word ("Putin", "Rostec") or one that the document writes before
    a lowercase word or a comma elsewhere, so that the name ends there ("the President said"), and
    the document capitalises the verb nowhere else in mid-sentence. Titles that hold a verb
    capitalise the word after it ("When Harry Met Sally")."""
    tags = wc.tags(low)
    if _FINITE_FORMS.isdisjoint(tags) or "N" in tags or "P" in tags or low in FUNCTION_WORDS:
        return False
    ratio = _lowercase_ratio(low)
    if ratio is None or ratio > STRONG:
        return False
    nxt = _NEXT_LOWER.match(text, m.end()) if m.end() == m.end(W) else None
    if nxt is None or nxt.group(1) in AUXILIARIES or nxt.group(1) in wc.BE:
        return False  # a finite verb has no auxiliary after it: "Ouled Said is a town"
    before = _NAME_WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
    if before is None or not _after_name_word(text, m.start()):
        return False
    name = before.group(1)
    return (casing.ratio(name) is None or _name_ends_elsewhere(text, name, before.start(1))) \
        and _capitalised_mid_sentence(text, m.group(W), prose) == 1


def _name_ends_elsewhere(text: str, name: str, start: int) -> bool:
    """Whether *text* ends a name with the word *name* (:data:`_NAME_ENDS`) somewhere other than
    at *start*."""
    ends = regex.compile(r"(?<![\p{L}\p{M}\p{N}])" + regex.escape(name) + r"(?:" + _NAME_ENDS + ")")
    return any(e.start() != start for e in ends.finditer(text))


#: Words after which a name starts a clause as its subject: a clause's opener, a coordinator or
#: "that" ("said that Mr Putin ...", "and Mr Putin ...").
_SUBJECT_OPENERS = wc.CLAUSE_OPENERS | wc.COORDINATORS | frozenset((wc.COMPLEMENTIZER,))
#: A lowercase word straight after a word (the object's first word) and the word after it.
_OBJECT_AFTER = lazy_compile(r"[ \u00a0]+(\p{Ll}+)[ \u00a0]+(\S)")


def _past_verb_of_named_subject(text: str, m: regex.Match, low: str, prose: str, casing: Casing) -> bool:
    """Whether the capitalised word at *m* is the past-tense verb of a name that opens its clause,
    before the start of its object ("Mr Putin Saw the main attractions", "The Russian President
    Confirmed his invitation", "Mr Rakhmonov Noted that"): a past tense in LanguageTool's
    dictionary, whatever its other readings ("Saw", "Noted"), but no proper noun; after a run of
    capitalised words and connectors that starts a sentence or follows a comma, a clause's opener,
    a coordinator or "that" (a subject, not an object: "beat Leeds United the next week"), whose
    last word ends a name elsewhere in the document or is unknown to the casing table (as in
    :func:`_verb_after_complete_name`); before a lowercase determiner or object pronoun, which
    every title style capitalises (but an article, so an article must be followed by a lowercase
    word: not "Saw the Light"). The document must capitalise the word nowhere else in
    mid-sentence."""
    if m.end() != m.end(W) or low in FUNCTION_WORDS:
        return False
    tags = wc.tags(low)
    if "D" not in tags or "P" in tags:
        return False
    if not _object_after(text, m.end()):
        return False
    before = _NAME_WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
    if before is None or not _after_name_word(text, m.start()):
        return False
    name = before.group(1)
    if not (casing.ratio(name) is None or _name_ends_elsewhere(text, name, before.start(1))):
        return False
    return _opens_clause(text, prose, before.start(1)) \
        and _capitalised_mid_sentence(text, m.group(W), prose) == 1


#: The word before a position: a word of letters (perhaps with a possessive) or one character.
_TOKEN_BEFORE = lazy_compile(r"(?r)([\p{L}\p{M}\p{N}]+(?:['’]\p{L}+)?|[^\s\p{L}\p{M}\p{N}])[ \u00a0]*$")


def _object_after(text: str, end: int) -> bool:
    """Whether a verb's object starts at *end* in a way no title writes it: a lowercase
    determiner or object pronoun, and after an article a lowercase word too ("Saw the main
    attractions", not "Saw the Light"). (Capitalised words after the verb may go on with a name:
    "Vladimir Putin Congratulated Cabinet members".)"""
    obj = _OBJECT_AFTER.match(text, end)
    return obj is not None and obj.group(1) in OBJECT_STARTS \
        and (obj.group(1) not in ARTICLES or obj.group(2).islower())


#: The most words (and connectors) a name that opens a clause is looked through for its start.
LONGEST_NAME = 10


def _opens_clause(text: str, prose: str, start: int) -> bool:
    """Whether the name whose last word starts at *start* (capitalised words and connectors back
    to its first word, at most LONGEST_NAME) opens a clause: it starts a sentence or follows a
    comma, a clause's opener, a coordinator or "that"."""
    first = start
    for _ in range(LONGEST_NAME):
        if starts_sentence(prose, first, openers=False):
            return True
        tok = _TOKEN_BEFORE.search(text, max(0, first - 40), first)
        if tok is None:
            return False
        word = tok.group(1)
        if word[:1].isupper() or word in CONNECTORS and word not in wc.PLACE_PREPOSITIONS:
            first = tok.start(1)
            continue
        return word == "," or word in _SUBJECT_OPENERS
    return False


def _adjective_after_possessor(text: str, m: regex.Match, low: str, prose: str, casing: Casing) -> bool:
    """Whether the capitalised word at *m* is an adjective that modifies a common noun after a
    name's possessive ("Russia’s Recent efforts", "the President’s Upcoming international
    contacts"): an adjective and nothing else in LanguageTool's dictionary, as written in lowercase
    and capitalised (not "Catholic", "New"), that the casing table finds capitalised hardly ever
    (STRONG), before a lowercase noun or adjective that is no function word. Names that hold a
    possessive go on with a noun ("Sophie’s Choice", "Christie’s Old Masters sale"), not with an
    adjective before a lowercase word. The document must capitalise the word nowhere else in
    mid-sentence."""
    if m.end() != m.end(W) or wc.tags(low) != "J" or wc.tags(m.group(W)) not in ("", "J"):
        return False
    ratio = casing.ratio(low)
    if ratio is None or ratio > STRONG or _POSSESSOR_BEFORE.search(text, max(0, m.start() - 40), m.start()) is None:
        return False
    nxt = _NEXT_LOWER.match(text, m.end())
    if nxt is None or nxt.group(1) in FUNCTION_WORDS or not set(wc.tags(nxt.group(1))) & _COMMON_WORD:
        return False
    return _capitalised_mid_sentence(text, m.group(W), prose) == 1


def _adjective_after_proper_adjective(text: str, m: regex.Match, low: str, prose: str, casing: Casing) -> bool:
    """Whether the capitalised word at *m* is a common adjective between an adjective made from a
    name (:func:`_proper_modifier`, not an acronym) and the lowercase noun that both modify
    ("Russian Diplomatic missions", "the Russian Military base"): an adjective in LanguageTool's
    dictionary whose capitalised form is no proper noun, that the casing table finds capitalised
    hardly ever (STRONG) and that names no body, person or kind of named thing, before a
    lowercase noun that is no function word and no verb form; no capitalised word precedes the
    modifier (a day's name is none), the noun introduces no name ("programme"), and the document
    capitalises the word nowhere else in mid-sentence. A name that holds such an adjective
    capitalises the noun after it too ("the Russian Military Historical Society")."""
    if m.end() != m.end(W) or "J" not in wc.tags(low) or wc.proper(low) or not _plain_common_noun_or_adjective(low):
        return False
    ratio = casing.ratio(low)
    if ratio is None or ratio > STRONG:
        return False
    before = _MODIFIER_BEFORE.search(text, max(0, m.start() - 40), m.start())
    if before is None or _acronym(before.group(1)) or not _proper_modifier(before.group(1)):
        return False
    nxt = _NEXT_LOWER.match(text, m.end())
    if nxt is None or nxt.group(1) in FUNCTION_WORDS or "N" not in wc.tags(nxt.group(1)) \
            or not _FINITE_FORMS.isdisjoint(wc.tags(nxt.group(1))) or nxt.group(1) in wc.appositive_heads():
        return False  # not before a noun that introduces a name: "Sunday Live programme"
    if before.group(1).lower() in wc.CALENDAR or _NAME_WORD_BEFORE.search(text, max(0, before.start(1) - 40), before.start(1)) \
            and not starts_sentence(prose, before.start(1)):
        return False  # a longer name: "BBC Radio Scotland's Sunday Live programme"
    return _capitalised_mid_sentence(text, m.group(W), prose) == 1


def _plain_common_noun_or_adjective(low: str) -> bool:
    """Whether *low* names no body, person or kind of named thing (WordNet's classes)."""
    return low not in wc.bodies() and low not in wc.person_nouns() and low not in wc.name_heads()
