"""Hyphens out of place: cleanup.StrayHyphen, a hyphen glued to the front of a word ("-Military
with", "Russian -Chinese"), and cleanup.BrokenHyphenation, a word hyphenated at a line end that
kept its hyphen after the line was joined ("develop- ment")."""

from __future__ import annotations

from typing import Iterator

from .. import wordclasses as wc
from ..anchored import finditer_at_characters
from ..diagnostics import Applicability, Diagnostic, Fix
from ..document import Document
from ..lexicon import get_lexicon
from ..patterns import lazy_compile
from ..rule import FixAvailability
from .base import Check
from .prose import CLOSERS, previous_char, starts_sentence

#: The hyphen-minus and U+2010 hyphen: every match of :data:`_STRAY` and :data:`_BROKEN` starts at
#: one, and each is tried only there (:func:`.anchored.finditer_at_characters`).
HYPHENS = "-\u2010"
#: A hyphen-minus (or U+2010 hyphen) after a space or a line start, glued to a word of
#: two letters or more (or "I", "A"), perhaps a compound ("-Russian-Italian", "-to-one"),
#: that does not itself end in a hyphen ("-word-" is an aside) and is not followed by what
#: options carry ("-Wl,-rpath", "-no\\_rand", "-o=x").
_STRAY = lazy_compile(
    r"(?<![^\s])(?P<h>[-\u2010])(?P<w>(?:\p{L}[\p{L}\p{M}]+|[IA](?=\s|['’]\p{L}))"
    r"(?:[-\u2010]\p{L}[\p{L}\p{M}]*)*(?:['’]\p{L}+)?)"
    r"(?![\p{L}\p{M}\p{N}\-\u2010_/=\\]|[.,:]\S)"
)
#: A line that starts with a hyphen: a list item when the line next to it does too.
_ITEM = lazy_compile(r"[^\S\n]*[-\u2010]")
_LAST_WORD = lazy_compile(r"(?r)[\p{L}\p{M}]+$")
#: How common (Zipf) each part of a hyphenated word after a stray hyphen must be, and a rare
#: word after a compound's head: options and codes are rarer ("-Wno-universal-initializer").
COMPOUND_ZIPF = 2.0
#: Two lowercase words joined by a stray hyphen form a compound surely when they form a pair
#: this strong (log10 PMI in wordsegment's bigrams): "long term", "high tech", "self government".
COMPOUND_PMI = 1.0
#: A hyphenated compound before the space ("Commander-in", "one-on", "fuel-and"), or a bound
#: prefix ("multi", "de": :data:`wordclasses.PREFIXES`): the word after the hyphen continues it.
_COMPOUND_HEAD = lazy_compile(
    r"(?<![^\s])(?:\p{L}[\p{L}\p{M}]*[-\u2010])+\p{L}[\p{L}\p{M}]*$"
    r"|(?<![^\s])(?P<prefix>\p{L}+)$")
#: The apostrophe of a contraction or possessive, and the hyphens between compound parts.
_APOSTROPHE = lazy_compile(r"['’]")
_PARTS = lazy_compile(r"[-\u2010]")
#: A capitalised word of three letters or more, written like a name ("Krasnogorsk").
_NAME = lazy_compile(r"\p{Lu}\p{Ll}{2,}")
#: A word, a hyphen and a space, then a lowercase word: a line-end hyphenation left in running text.
#: (The match starts at the hyphen, where it is tried: :data:`HYPHENS`; the word before it is
#: read with _LEFT_HALF.)
_BROKEN = lazy_compile(r"(?<=[\p{L}\p{M}]{2})[-\u2010][ \u00a0]+(?P<r>\p{Ll}[\p{L}\p{M}]+)(?![\p{L}\p{M}\p{N}\-\u2010])")
_LEFT_HALF = lazy_compile(r"(?r)(?<![\p{L}\p{M}\p{N}\-\u2010])\p{L}[\p{L}\p{M}]+$")
#: Words after a suspended hyphen ("pre- and post-war", "two- to three-fold"): no broken word.
SUSPENDED = wc.COORDINATORS | wc.RANGE_WORDS
#: The Zipf frequency that makes the joined halves a word.
MIN_JOINED_ZIPF = 3.0
#: Words that never start a compound: a hyphen after them is not a split compound.
#: (Not "so" and "yet", adverbs that start compounds: "so-called", "yet-to-be-named".)
FUNCTION_WORDS = (wc.ARTICLES | wc.COORDINATORS - wc.FUNCTION_ADVERBS | wc.PREPOSITIONS | wc.BE
                  | wc.HAVE | wc.MODALS | wc.DEMONSTRATIVES | wc.POSSESSIVES | wc.PRONOUNS)
#: Bound prefixes that are no function word ("multi", "de", but not "in" or "over").
PREFIXES = wc.PREFIXES - FUNCTION_WORDS
#: The marks that end a sentence (a colon or semicolon may start a list of values instead).
SENTENCE_ENDS = frozenset(".!?…")


def rejoin(left: str, right: str, doc: Document) -> tuple[str, Applicability] | None:
    """How to join *left* and *right* of a word hyphenated at a line end: the text between
    them ("" for one word, "-" for a compound) and how sure that is; None when the hyphen is
    a suspended one or the halves make no word."""
    if right.lower() in SUSPENDED:
        return None
    joined = left + right
    vocabulary = doc.vocabulary
    if vocabulary[joined] or vocabulary[joined.lower()]:
        return "", Applicability.SAFE
    if vocabulary[f"{left}-{right}"]:
        return "-", Applicability.SAFE
    lexicon = get_lexicon()
    zipf = lexicon.zipf(joined)
    if zipf < MIN_JOINED_ZIPF:
        return None
    # Both halves more frequent than the whole ("co-operation") may be a real compound.
    sure = zipf >= min(lexicon.zipf(left), lexicon.zipf(right))
    return "", Applicability.SAFE if sure else Applicability.UNSAFE


class StrayHyphen(Check):
    ID = "cleanup.StrayHyphen"
    CATEGORY = "cleanup"
    DESCRIPTION = (
        "A word with a hyphen glued to its front: at the start of a sentence (\"countries. "
        "-Military with\") or inside one, the second half of a split compound (\"Russian "
        "-Chinese\", \"long -term\")."
    )
    RATIONALE = (
        "Scrapers and PDF extraction break hyphenated compounds at line ends and leave the "
        "hyphen on the wrong side of the space; list markers lose their space. A minus "
        "sign before a number, a dash used as punctuation (\" - \", \"–\"), a list whose "
        "lines all start with a hyphen, command-line options (\"git add -A\", \"-Wl,-rpath\", "
        "and in technical writing every hyphen before a word not written like a name) and "
        "rare or unknown words are left alone, except a name at a sentence start "
        "(\"-Krasnogorsk does not\"); after a capitalised word, a lowercase word is the "
        "second half of a compound only when it is a participle, a word that ends hyphenated "
        "compounds in LanguageTool's dictionary or makes a word pair with the first (\"Kremlin "
        "-backed\", \"English -speaking\", \"Europe -wide\"; \"the Ward -little known\" is a "
        "dash). Compounds count whole on either side of the hyphen "
        "(\"Commander-in -Chief\", \"-Thirty-six\"), and after a bound prefix (\"multi "
        "-faceted\") a less common word is enough."
    )
    FIX = Applicability.SAFE
    FIX_AVAILABILITY = FixAvailability.ALWAYS
    FIX_SAFETY = (
        "At a sentence start the fix deletes the hyphen: safe after a sentence end, a blank line "
        "or nothing, unsafe after a colon or semicolon or at the start of a line that goes on "
        "from the one before, where a hyphen may be a sign (\"strings: -Infinity, Infinity\"), "
        "and in technical writing, where it may start an option (\"-Max can be useful\"); "
        "inside a sentence it joins the "
        "word to the one before (\"long-term\"), which is safe only for two lowercase words that "
        "form a strong word pair: next to a capitalised word (\"Russian -Chinese\", \"Kremlin "
        "-backed\") the hyphen may be a dash typed short, and the join is unsafe."
    )
    FLAG = [
        ("It coordinates cooperation. -Military with foreign countries.",
         "It coordinates cooperation. Military with foreign countries."),
        ("the High-Level Russian -Turkish Cooperation Council",
         "the High-Level Russian-Turkish Cooperation Council"),
        ("Both countries share long -term interests.", "Both countries share long-term interests."),
        ("-The meeting was attended by aides.", "The meeting was attended by aides."),
    ]
    OK = [
        "Temperatures fell to -5 degrees.",
        "He left - and never came back.",
        "The talks – long and hard – ended.",
        "Shopping list:\n-bread\n-milk\n-eggs",
        "To use another VM, run\n\n\tjava -zero\n\nor list the files with\n\n   find directory -name filename",
        "Run the tool with -verbose to see more.",
        "Run it with -help to see more.",
        "It was a -xyzzy token.",
        "He was a member for the Ward -little known in public life.",
    ]

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        if "-" not in text and "\u2010" not in text:
            return
        lexicon = get_lexicon()
        technical = doc.technical
        for m in finditer_at_characters(_STRAY, HYPHENS, text):
            word = m.group("w")
            parts = _PARTS.split(_APOSTROPHE.split(word)[0])
            stem = parts[0]  # the first part decides
            h = m.start("h")
            name = _NAME.fullmatch(stem) is not None
            if technical and not name:
                continue  # command-line options: "git add -A", "pass -municode"
            if len(parts) > 1 and min(lexicon.zipf(p) for p in parts) < COMPOUND_ZIPF:
                continue  # "-Wno-universal-initializer": an option, not a compound
            compound = _COMPOUND_HEAD.search(text, max(0, h - 60), h - 1) if text[h - 1:h] == " " else None
            if compound and compound.group("prefix") and compound.group("prefix").lower() not in PREFIXES:
                compound = None  # a word, not a bound prefix
            floor = COMPOUND_ZIPF if compound else 3.0  # "multi -faceted": the compound shows the word
            known = len(stem) == 1 or stem.lower() in lexicon and not (
                stem.islower() and lexicon.zipf(stem) < floor)
            if not known and not (name and starts_sentence(text, h)):
                continue  # options and rare words; a name may start a sentence ("-Krasnogorsk does")
            lo = max(0, h - 200)  # windows, not prefixes: no quadratic work on huge lines
            newline = text.rfind("\n", lo, h)
            line_start = newline + 1 if newline >= 0 else (0 if lo == 0 else -1)
            if line_start >= 0 and text[line_start:line_start + 1] in (" ", "\t"):
                continue  # an indented line: a command ("\tjava -zero"), code or a table
            at_line_start = line_start >= 0 and not text[line_start:h].strip()
            if at_line_start and self._in_list(text, line_start):
                continue
            if starts_sentence(text, h):
                # in technical writing a capitalised word after a hyphen may be an option ("-Max
                # can be especially useful", "-HUP"): the deletion is unsafe there
                fix = Fix.replace(h, h + 1, "", Applicability.SAFE if _after_sentence_end(text, h)
                                  and not technical else Applicability.UNSAFE, title="Delete the hyphen")
                yield self.diagnostic(h, m.end(), f"Stray hyphen before '{word}'", fix)
                continue
            head = text[max(0, h - 100):h]
            prev = head.rstrip(" \u00a0\t")
            gap = head[len(prev):]
            if not prev or not prev[-1].isalpha() or len(gap) != 1 or "\n" in gap:
                continue
            word_before = _LAST_WORD.search(prev)
            if word_before is None or len(stem) == 1:
                continue  # "git add -A" is an option, not a split compound
            if (word_before.group().lower() in FUNCTION_WORDS or stem.lower() in FUNCTION_WORDS
                    and stem.lower() not in wc.SUFFIXES and len(parts) == 1) and not compound:
                # "with -verbose", "emission -at longer wavelengths-" (an aside); but
                # "Commander-in -Chief", "one -to-one", and a suffix ("partner -like")
                continue
            if not compound and len(parts) == 1 and _dash_after_name(word_before.group(), stem, lexicon):
                continue  # "the Ward -little known": a dash typed short, no "Ward-little"
            first = compound or word_before  # "Commander-in" or "Russian"
            start = first.start() if compound else h - len(head) + word_before.start()
            fix = Fix.replace(h - 1, h, "", _join_safety(first.group(), stem, lexicon,
                                                             compound is not None or len(parts) > 1),
                              title="Join the compound")
            yield self.diagnostic(start, m.end(), f"Split compound: '{first.group()} -{word}'", fix)

    @staticmethod
    def _in_list(text: str, line_start: int) -> bool:
        """Whether the line before or after the one at *line_start* also starts with a hyphen."""
        prev_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1
        if line_start > 0 and _ITEM.match(text, prev_start):
            return True
        nxt = text.find("\n", line_start)
        return nxt >= 0 and _ITEM.match(text, nxt + 1) is not None


def _after_sentence_end(text: str, h: int) -> bool:
    """Whether the hyphen at *h* follows a sentence end (". ", "?” "), a blank line or
    nothing: where no sentence starts with a hyphen. After a colon or semicolon, or at the
    start of a line that goes on from the one before, a hyphen may be a sign ("strings:
    -Infinity, Infinity, NaN") or a marker, and deleting it is unsafe."""
    ch, i = previous_char(text, h)
    while ch in CLOSERS:
        ch, i = previous_char(text, i)
    if ch == "\n":
        ch, i = previous_char(text, i)
        return ch in ("", "\n")
    return ch == "" or ch in SENTENCE_ENDS


def _dash_after_name(left: str, right: str, lexicon) -> bool:
    """Whether " -" between capitalised *left* and lowercase *right* is a dash typed short
    rather than a split compound: a name forms compounds with participles ("Kremlin -backed",
    "US -led", "English -speaking"; LanguageTool's tags E and G), with words that end
    hyphenated compounds in LanguageTool's dictionary (:func:`wc.compound_ends`: "Europe
    -wide", "Western -style") and with words it makes a pair with in web text (wordsegment's
    bigrams); before any other word ("in the Ward -little known") the hyphen opens an aside."""
    if not (left[:1].isupper() and right.islower()):
        return False
    if set(wc.tags(right)) & set("EG") or right in wc.compound_ends():
        return False
    pmi = lexicon.pmi(left.lower(), right)
    return pmi is None or pmi < 0


def _join_safety(left: str, right: str, lexicon, compound: bool) -> Applicability:
    """How sure joining "left -right" into a compound is: safe after a compound or a bound
    prefix ("one -to-one", "multi -faceted") and for two lowercase words that form a strong
    pair ("long -term", "high -tech"); next to a capitalised word the hyphen may be a dash
    typed short or a name may be meant ("Russian -Chinese"), so that join is unsafe."""
    if not (left.islower() and right.islower()):
        return Applicability.UNSAFE
    if compound:
        return Applicability.SAFE
    pmi = lexicon.pmi(left, right)
    return Applicability.SAFE if pmi is not None and pmi >= COMPOUND_PMI else Applicability.UNSAFE


class BrokenHyphenation(Check):
    ID = "cleanup.BrokenHyphenation"
    CATEGORY = "cleanup"
    DESCRIPTION = (
        "A word hyphenated at the end of a line in the source, joined back into running text "
        "with its hyphen and a space (\"the develop- ment of\", \"inter- national\")."
    )
    RATIONALE = (
        "PDF and OCR extraction keep the hyphens that typesetting put at line ends; when the "
        "lines are joined the word stays broken. A suspended hyphen (\"pre- and post-war\", "
        "\"two- to three-fold\"), a dash written as a hyphen (\"troops- especially\") and "
        "halves that make no known word are left alone."
    )
    FIX = Applicability.SAFE
    FIX_AVAILABILITY = FixAvailability.SOMETIMES
    FIX_SAFETY = (
        "The fix joins the halves into one word. It is safe when the document uses the joined "
        "word, or the lexicon knows it better than at least one half; when both halves are "
        "more frequent words than the whole (\"co- operation\") the hyphenated compound may be "
        "meant and the fix is unsafe."
    )
    FLAG = [
        ("The develop- ment of the region was discussed.",
         "The development of the region was discussed."),
        ("a new inter- national programme", "a new international programme"),
    ]
    OK = [
        "We now have both long- and short-range aircraft.",
        "a five- to nine-segmented body",
        "one key point- al-Qaeda attacks",
        "Indian troops- especially in Europe- and among the civilians",
        "including counter- proliferation work",
        "the prefix re- is common",
    ]

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        if "- " not in text and "-\u00a0" not in text and "\u2010" not in text:
            return
        for m in finditer_at_characters(_BROKEN, HYPHENS, text):
            half = _LEFT_HALF.search(text, max(0, m.start() - 40), m.start())
            if half is None:
                continue
            left, right = half.group(), m.group("r")
            join = rejoin(left, right, doc)
            if join is None:
                continue
            content, applicability = join
            fix = Fix.replace(m.start(), m.start("r"), content, applicability,
                              title="Join the word")
            yield self.diagnostic(half.start(), m.end(),
                                  f"'{left}- {right}' looks like '{left}{content}{right}' "
                                  "broken at a line end", fix)
