"""cleanup.DoubledWord: a word written twice in a row, also when only the case differs."""

from __future__ import annotations

import re
from itertools import chain
from typing import Iterable, Iterator

import regex

from ..casing import get_casing
from ..lexicon import get_lexicon
from ..diagnostics import Applicability, Diagnostic, Fix, Severity
from ..document import Document
from ..patterns import lazy_compile
from ..rule import FixAvailability
from .base import Check
from ..wordclasses import (ARTICLES, COORDINATORS, DEGREE_ADVERBS, DEMONSTRATIVES, DETERMINERS, FUNCTION_WORDS,
                           HAVE, HONORIFICS,
                           OBJECT_STARTS, POSSESSIVES, PREPOSITIONS, PRONOUNS, QUANTIFIERS, SUBORDINATORS,
                           VERB_LIKE,
                           interjections, number_word, tags)
from .prose import CLOSERS, OPENERS, starts_sentence
from ..anchored import matches_at, merged
from .. import native

#: A word, whitespace and the same word in any case (filtered further in Python: the few
#: matches are cheap to check, and a plain pattern scans the text fastest).
_DOUBLED = lazy_compile(r"\b(?P<a>\p{L}[\p{L}\p{M}]*)(?P<sep>\s+)(?P<b>(?P=a))\b", regex.IGNORECASE)
#: Punctuation marks and currency signs that are no word characters for ``regex`` (general
#: punctuation but for its connectors: quotation marks, dashes, the ellipsis; currency signs).
_MARK_RANGES = r"\u2010-\u2027\u2030-\u203e\u2041-\u2053\u2055-\u205e\u20a0-\u20c0"
#: A block of plain text (:func:`_doubled_words`) holds Latin-1 characters and the marks of
#: :data:`_MARK_RANGES` only: ``regex`` takes two Latin-1 letters for the same letter in any
#: case exactly when their ``str.lower()`` is the same, its letters (\p{L}) are those of
#: ``str.isalpha()``, and none is a mark (``tests/test_doubled.py`` checks each character).
_NOT_PLAIN = lazy_compile(rf"[^\x00-\xff{_MARK_RANGES}]", engine=re)
#: Latin-1: each letter in lowercase (a Latin-1 letter too), each byte that is no letter made a
#: space.
_LOWER_LETTERS_ONLY = bytes(ord(chr(c).lower()) if chr(c).isalpha() else 0x20 for c in range(256))
#: A text that is not plain is searched for doubled words in blocks of about this many
#: characters.
BLOCK = 512
#: In :data:`_LOWER_LETTERS_ONLY` bytes after a space: a run of letters (after the space) that the
#: next run repeats (each run whole: possessive quantifiers; a look-ahead finds overlapping repeats).
_REPEATED_RUN = lazy_compile(rb" (?=([^ ]++) ++\1(?![^ ]))", engine=re)
#: The hyphen or apostrophe inside a compound or possessive ("hi-tech", "Federation’s"):
#: such words are rare, so they are compared with the next word in Python, which keeps the
#: pattern above simple and fast.
_JOINER = r"(?<=[\p{L}\p{M}])(?P<c>[-\u2010’'])(?=[\p{L}\p{M}])|(?<=s)(?P<c>[’'])(?=\s)"
#: The characters of :data:`_JOINER`.
_JOINER_CHARACTERS = "-\u2010’'"
#: A joiner's character, the rest of its token (up to a character that ``str.isspace`` calls
#: whitespace: ``\s`` and the separators \x1c-\x1f) and the next token (after ``\s``) up to the
#: same character again, one pattern per character, each led by it: a compound repeated is a
#: token whose repeat holds the same joiners (no letter's lowercase is one); most joiners have
#: none there ("long-term plans", "Russia’s army"). Each part is read once, whatever the
#: token's length.
_JOINER_AGAIN = tuple(lazy_compile(rf"{c}(?=[^\s\x1c-\x1f]*\s+\S*?{c})") for c in _JOINER_CHARACTERS)
#: A joiner and the rest of its token.
_JOINER_AHEAD = lazy_compile(rf"(?:{_JOINER})(?=(?P<rest>[^\s\x1c-\x1f]*))")
_COMPOUND = lazy_compile(r"\p{L}[\p{L}\p{M}]*(?:[-\u2010]\p{L}[\p{L}\p{M}]*)*(?:['’]s|(?<=s)['’])?")
_NEXT_WORD = lazy_compile(r"(?P<sep>\s+)(?P<b>[^\s.,;:!?)\]”\"]+)")
_INSIDE_TOKEN_BEFORE = set("'’-.@/\u2010")
_INSIDE_TOKEN_AFTER = set("-@/=\u2010")

#: Words that cannot follow "that that" when the second "that" is a pronoun or determiner
#: ("that that is", "that that service"): "that that we will support", "that that at the end".
NOT_AFTER_THAT = PRONOUNS | DETERMINERS | QUANTIFIERS | PREPOSITIONS | COORDINATORS | SUBORDINATORS
_NEXT = lazy_compile(r"[ \u00a0]+(\p{L}+)")
_NEXT_TOKEN = lazy_compile(r"[ \u00a0]+(\S+)")
_PREVIOUS = lazy_compile(r"(?r)(\p{L}+)[ \u00a0]+$")
#: The parts of speech (:func:`textlint.wordclasses.tags`) of the words that a stranded or
#: elliptical "to" follows ("applied to", "have to", "used to"): verb forms and adjectives.
_TAKES_TO = frozenset("VZDEGJ")
#: Words that only come before a noun: after one, a modal is a noun ("the can", "his will").
_NOUN_MARKERS = ARTICLES | POSSESSIVES

#: log10 PMI of a word with itself from which a repeat is English on purpose: the web writes
#: "had had", "very very", "bye bye" at least as often as chance would put the word twice
#: (wordsegment's Google pair counts); slips ("the the", "of of", "he he") are rarer.
INTENDED_PMI = 0.0
#: log10 of the share of a word's uses that the web writes doubled below which a capitalised
#: repeat is no reduplicated name (:func:`_seldom_doubled`): one in a hundred.
NAME_SHARE = -2.0
#: The longest word that a reduplicated name repeats ("Walla Walla", "Duran Duran").
SHORT_NAME = 5
#: The parts of speech (:func:`textlint.wordclasses.tags`) of the words English repeats on
#: purpose: interjections and other closed-class words ("yeah yeah", "many many") and
#: adverbs ("very very", "far far"). Web pages repeat nouns, verbs and adjectives too
#: ("hotel hotel", "download download", "test test": menus and keyword lists), but in prose
#: such a repeat is a slip.
_MODIFIERS = frozenset("CR")


class DoubledWord(Check):
    ID = "cleanup.DoubledWord"
    CATEGORY = "cleanup"
    SEVERITY = Severity.ERROR
    DESCRIPTION = (
        "A word written twice in a row within a sentence, also when only the case differs "
        "(\"the The Kremlin\", \"in In turn\"), across a single line break too."
    )
    RATIONALE = (
        "Scrapers that join a headline or a caption to the text, and editors who retype a "
        "phrase, leave doubled words. Each word on its own is correct, so spell checkers "
        "miss them. Repeats that English uses on purpose are not flagged: \"had had\", "
        "\"that that is\", a degree adverb before what it intensifies (\"too too nice\"), and "
        "adverbs and interjections that web text writes twice more often than chance "
        "(\"very very\", \"yeah yeah\"), or rarer interjections said twice on their own (\"The cat "
        "does meow meow\"); nor is a reduplicated name that stands alone (\"flew to "
        "Bora Bora\") or a repeat the document writes twice; "
        "a title before a name (\"law lord Lord Bingham\") is not either. Hyphenated "
        "compounds and possessives count as one word (\"hi-tech hi-tech\", \"Federation’s "
        "Federation’s\"); a doubled honorific (\"Mr Mr Putin\") is always a slip, and so is \"that that\" "
        "before a pronoun, article or preposition (\"hope that that we\"; not \"that that is\", "
        "\"that that service\"); deliberate repeats are lowercase (\"This This\" is a slip). "
        "Grammar allows a few more: \"to to\" before an infinitive (\"the office I applied to "
        "to ask\"), a modal after a determiner (\"The can can hold\"), and a lowercase word "
        "before the name its capitalised copy starts (\"how long Long Island is\")."
    )
    FIX = Applicability.SAFE
    FIX_AVAILABILITY = FixAvailability.ALWAYS
    FIX_SAFETY = (
        "The fix deletes the second word and the space before it. It is safe only for a "
        "doubled article (\"the the\", \"an an\"), which no context makes grammatical; every "
        "other repeat may be grammatical or part of a name (\"had had\", \"in in 1990\", "
        "\"Aung Aung\", \"Will Will\"), so its fix is unsafe (docs/safe-fixes.md)."
    )
    FLAG = [
        ("In December 2021 the The Kremlin announced it.", "In December 2021 the Kremlin announced it."),
        ("They met in in Havana.", "They met in Havana."),
        ("The The message said so.", "The message said so."),
        ("Deputy Secretary General General of the organisation", "Deputy Secretary General of the organisation"),
        ("Foreign Minister Igor Ivanov Ivanov arrived.", "Foreign Minister Igor Ivanov arrived."),
        ("It is\nis conducted yearly.", "It is conducted yearly."),
        ("Mr Mr Putin spoke of hi-tech hi-tech industries.", "Mr Putin spoke of hi-tech industries."),
    ]
    OK = [
        "He had had enough.",
        "To build it, run:\n\n    make\n    make check",
        "Compile it with g++ -o const\nconst.cc: In function 'int main()'",
        "She said that that was wrong.",
        "They flew to Bora Bora last year.",
        "She was on Koh Phi Phi with friends.",
        "Add to this this new legislation.",
        "Senior law lord Lord Bingham said so.",
        "Tories unveil plans\n\nPlans to abolish quangos were announced.",
        "It is very very useful.",
        "The cat does meow meow.",
        "Do what you have to to get the permit.",
        "The can can hold two litres.",
        "We saw how long Long Island really is.",
        "DURAN Duran played.",
        "The word \"the the\" is a typing slip.",
    ]

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        casing = get_casing()
        repeats: dict[str, int] = {}  # how often the document writes each repeat
        plain = _plain(doc.characters_beyond_latin1)  # (Latin-1 is plain)
        pairs = ((m.start(), m.group("a"), m.group("sep"), m.group("b")) for m in _doubled_words(text, plain))
        for start, a, sep, b in merged(pairs, _compound_pairs(text)):  # both in text order
            a_end = start + len(a)
            end = a_end + len(sep) + len(b)
            if (sep.count("\n") > 1 or text[start - 1:start] in _INSIDE_TOKEN_BEFORE
                    or self._continues(text, end) or _mentioned(text, start, end)
                    or _line_of_its_own(text, start, sep) or _new_block(text, start, sep)):
                continue
            if _on_purpose(text, start, end, a, b) or _allowed(text, start, end, a, b) \
                    or not self._doubled(doc, start, end, a, sep, b, casing, repeats) \
                    or _written_again(doc, start, end, a, sep, b, repeats):
                continue
            applicability = Applicability.SAFE if _never_grammatical(text, start, a, b) else Applicability.UNSAFE
            fix = Fix.replace(a_end, end, "", applicability, title=f"Remove the repeated '{b}'")
            yield self.diagnostic(start, end, f"'{a}' is repeated", fix)

    @staticmethod
    def _continues(text: str, end: int) -> bool:
        """Whether the second word goes on as part of a compound or a contraction."""
        nxt = text[end:end + 2]
        return (nxt[:1] in _INSIDE_TOKEN_AFTER or (nxt[:1] in ("'", "’") and nxt[1:2].isalpha())
                or (nxt[:1] == "." and nxt[1:2].islower()))  # a file or domain name: "const.cc"

    @staticmethod
    def _doubled(doc: Document, start: int, end: int, a: str, sep: str, b: str, casing,
                 repeats: dict[str, int]) -> bool:
        """Whether ``a b`` is an accident rather than a name, a title or a deliberate repeat."""
        text = doc.text
        if a.lower() in HONORIFICS and b[:1].isupper():
            return True  # "Mr Mr Putin"
        if a == b == "A":
            # initials ("A A Milne") or list letters, unless the article starts a phrase: "A A special"
            nxt = _NEXT.match(text, end)
            return nxt is not None and nxt.group(1).islower() and nxt.group(1) not in FUNCTION_WORDS
        if len(a) == 1 and a not in ("a", "I"):
            return False  # initials and list letters: "B B", "x x"
        if a == b and a[0].isupper() and not a.isupper():
            # Both capitalised: a doubled sentence start ("The The"), a doubled common word
            # ("General General"), a doubled name inside a longer one ("Igor Ivanov Ivanov",
            # "Vladimir Vladimir Putin"), or a reduplicated name that stands alone ("flew to
            # Bora Bora last year", "Duran Duran is"); a document that writes it twice
            # vouches for it too (:func:`_written_again`).
            if casing.normally_lowercase(a, -1.0):
                return True
            if _name_alone(doc, start, end, a, sep, repeats):
                return False
            return starts_sentence(text, start) or len(a) >= 4
        if a.islower() and b[0].isupper() and a not in FUNCTION_WORDS and not a.endswith(("ed", "ing")) \
                and not casing.normally_lowercase(a, -2.0):
            # "lord Lord Bingham": a title word before a name, capitalised as part of it.
            nxt = text[end:end + 3].lstrip(" \u00a0")
            return not (nxt[:1].isupper())
        return True


def _doubled_words(text: str, plain: bool) -> Iterator[regex.Match]:
    """``_DOUBLED.finditer(text)``, tried only where it may match. In plain text
    (:data:`_NOT_PLAIN`), as most is, a match is a whole run of letters, whitespace and the same
    run in any case: it starts where two runs of letters in a row are the same in lowercase
    (:func:`_repeated_runs`, a few places in a text). A text that is not plain is cut before a
    period every :data:`BLOCK` characters or so (no match holds a period, so the matches of the
    blocks are those of the whole text) and each block that is not plain is scanned whole.
    *plain* tells whether the whole text is plain."""
    if plain:
        return matches_at(_DOUBLED, _repeated_runs(text, 0, len(text)), text)
    return chain.from_iterable(_block_matches(text, start, end) for start, end in _blocks(text))


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """The (start, end) of the blocks of *text*: each cut before a period after :data:`BLOCK`
    characters (a stretch without a period is one block)."""
    start, size = 0, len(text)
    while start < size:
        end = text.find(".", start + BLOCK)
        if end < 0:
            end = size
        yield start, end
        start = end


def _block_matches(text: str, start: int, end: int) -> Iterator[regex.Match]:
    """The matches of :data:`_DOUBLED` in the block ``text[start:end]`` (:func:`_doubled_words`)."""
    if not _plain(text[start:end]):
        return _DOUBLED.finditer(text, start, end)
    return matches_at(_DOUBLED, _repeated_runs(text, start, end), text)


def _plain(text: str) -> bool:
    """Whether *text* is plain (:data:`_NOT_PLAIN`): ``str.isascii`` answers at once for ASCII."""
    return text.isascii() or _NOT_PLAIN.search(text) is None


def _repeated_runs(text: str, start: int, end: int) -> Iterator[int]:
    """The offsets in plain text (:data:`_NOT_PLAIN`) ``text[start:end]`` of the runs of letters
    that the next run (after non-letters alone) repeats in lowercase, by the compiled
    ``repeated_runs`` when it is built, else by :func:`_repeated_runs_py`. One at a time: a text
    of one word repeated has as many as it has words."""
    piece = text if start == 0 and end == len(text) else text[start:end]
    found = _REPEATED_RUNS(piece) if _REPEATED_RUNS is not None else None
    if found is None:
        found = _repeated_runs_py(piece)
    return found if start == 0 else (start + p for p in found)


def _repeated_runs_py(text: str) -> Iterator[int]:
    """The offsets of the runs of letters of *text* that the next run repeats in lowercase, told
    by a ``re`` pattern on ``bytes`` (:data:`_REPEATED_RUN`: a character beyond Latin-1 is
    encoded as "?", no letter; each non-letter is a space there), in order."""
    runs = b" " + text.encode("latin-1", "replace").translate(_LOWER_LETTERS_ONLY)
    return (m.start() for m in _REPEATED_RUN.finditer(runs))


#: The compiled twin of :func:`_repeated_runs_py` (native/src/doubled.rs: one pass over the str's
#: characters, without the bytes), which gives them one at a time too, or None.
_REPEATED_RUNS = native.function("repeated_runs")


def _line_of_its_own(text: str, start: int, sep: str) -> bool:
    """Whether the first word is a line of its own and the repeat starts the next: lines of
    commands or a column of values ("make\nmake check"), not a sentence."""
    return "\n" in sep and not text[text.rfind("\n", 0, start) + 1:start].strip()


def _new_block(text: str, start: int, sep: str) -> bool:
    """Whether the repeat starts a line indented otherwise than the line of the first word: a
    new block (a list entry's description, code: "kind : str\n    Str of ..."), not the
    same sentence going on. A paragraph whose first line alone is indented goes on at the
    margin ("    They met in\nin Havana"): that is the same sentence."""
    if "\n" not in sep:
        return False
    line = text.rfind("\n", 0, start) + 1
    indent = len(text[line:start]) - len(text[line:start].lstrip(" \t"))
    next_indent = len(sep) - sep.rfind("\n") - 1
    return next_indent != indent and not (next_indent == 0 and _starts_paragraph(text, line))


def _starts_paragraph(text: str, line: int) -> bool:
    """Whether the line that starts at *line* is the first of its paragraph: the text's first
    line, or one after a blank line."""
    return line == 0 or not text[text.rfind("\n", 0, line - 1) + 1:line].strip()


def _compound_pairs(text: str) -> list[tuple[int, str, str, str]]:
    """Hyphenated compounds and possessives followed by the same word in any case
    ("hi-tech hi-tech", "Federation’s Federation’s"), as (start, word, space, repeat)."""
    pairs = []
    done = -1
    # (a pattern led by each joiner's character, or one compiled pass for all: a scan of their
    # class costs more. A token is looked at when one of its joiners is in the next token too:
    # a repeat holds them all)
    for p in _joiner_repeats(text):
        if p < done:
            continue  # another joiner of a token already looked at: the same word, the same answer
        j = _JOINER_AHEAD.match(text, p)
        if j is None:
            continue
        done = j.end("rest")
        start = j.start()
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        word = _COMPOUND.match(text, start)
        if word is None:
            continue
        nxt = _NEXT_WORD.match(text, word.end())
        if nxt and nxt.group("b").lower() == word.group().lower():
            pairs.append((start, word.group(), nxt.group("sep"), nxt.group("b")))
    return pairs


def _joiner_repeats_py(text: str) -> Iterator[int]:
    """The offsets of the joiners of *text* whose next token holds the same joiner (the matches
    of :data:`_JOINER_AGAIN`), in order."""
    return merged(*((m.start() for m in again.finditer(text)) for again in _JOINER_AGAIN))


#: The compiled twin of :func:`_joiner_repeats_py` (native/src/doubled.rs: one pass over the text
#: for the four joiners, where the twin scans it once for each), or None.
_JOINER_REPEATS = native.function("joiner_repeats")


def _joiner_repeats(text: str) -> Iterable[int]:
    """:func:`_joiner_repeats_py`, by its compiled twin when it is built."""
    found = _JOINER_REPEATS(text) if _JOINER_REPEATS is not None else None
    return _joiner_repeats_py(text) if found is None else found


def _on_purpose(text: str, start: int, end: int, a: str, b: str) -> bool:
    """Whether the repeat is one that English makes on purpose: the word written twice as
    written once (or capitalised at a sentence start: "Bye bye"), and either the perfect of
    "have" ("had had"), a degree adverb before an adjective, adverb or quantifier it
    intensifies ("too too nice", "so so much") or, by the evidence of web word pairs, an
    adverb or interjection (:data:`_MODIFIERS`) written in lowercase that the web writes
    twice at least as often as chance would (log10 PMI >= :data:`INTENDED_PMI`: "very very",
    "yeah yeah", "blah blah"; not "the the", "so so", "he he", "test test"). A demonstrative repeated is a pronoun before a determiner ("that that
    is", "add to this this law") unless a word follows that neither can precede
    (:func:`_slip_of_that`) or it is capitalised ("This This Treaty"). Nothing deliberate is written three times ("that that that")."""
    lower = a.lower()
    if not b.islower() or not (a == b or a[1:] == b[1:] and starts_sentence(text, start)) \
            or _tripled(text, lower, end):
        return False  # deliberate repeats are lowercase: "This This Treaty", "Very Very well"
    if lower in DEMONSTRATIVES:
        return not _slip_of_that(text, lower, end)
    if lower in HAVE and "E" in tags(lower):
        return True  # the perfect of "have": "she had had enough"
    if lower in DEGREE_ADVERBS:  # intensified: "too too nice", "much much more"; not "so so."
        nxt = _NEXT.match(text, end)
        return nxt is not None and (bool(set(tags(nxt.group(1).lower())) & set("JR"))
                                    or nxt.group(1).lower() in QUANTIFIERS)
    pmi = get_lexicon().pmi(lower, lower)
    if pmi is None:
        return _reduplicated_interjection(text, lower, end)
    return pmi >= INTENDED_PMI and bool(set(tags(lower)) & _MODIFIERS)


def _reduplicated_interjection(text: str, lower: str, end: int) -> bool:
    """Whether a repeat that web word pairs cannot judge (the pair is rarer than the list's
    floor) is an interjection said twice as an utterance of its own ("The cat does meow
    meow", "Hush hush, she said"): a word LanguageTool tags as an interjection
    (:func:`textlint.wordclasses.interjections`), rare enough that the pair list could miss its
    doubled use (:func:`_seldom_doubled` finds no evidence against it: "help help" and "wow
    wow" are slips), and followed by punctuation, a line end or the end of the text, not by
    a word it would modify ("the timber timber industry")."""
    if lower not in interjections() or _seldom_doubled(lower):
        return False
    rest = text[end:end + 2].lstrip(" \u00a0")
    return not rest or not rest[0].isalnum()


def _written_again(doc: Document, start: int, end: int, a: str, sep: str, b: str,
                   repeats: dict[str, int]) -> bool:
    """Whether the document writes the same repeat, as written, once more, and its words
    nowhere else: a name or a phrase of the author's ("Walla Walla", "Knock knock" twice). A
    corrupt text repeats its slips too, but then mostly beside the single word ("Vladimir
    Vladimir Putin:" in an interview that labels "Vladimir Putin:" elsewhere). Not for
    function words, whose doubling is never a name ("the the" twice is two slips), nor for a
    run of the word ("word word word")."""
    if a.lower() in FUNCTION_WORDS or not (a.isalpha() and b.isalpha()) or _in_run(doc.text, start, end, a):
        return False
    return _only_repeated(doc, a, sep, b, 2, repeats)


def _in_run(text: str, start: int, end: int, word: str) -> bool:
    """Whether the repeat is part of a run of the word, three times or more."""
    before = _PREVIOUS.search(text, max(0, start - 40), start)
    return _tripled(text, word.lower(), end) or before is not None and before.group(1).lower() == word.lower()


def _only_repeated(doc: Document, a: str, sep: str, b: str, times: int, repeats: dict[str, int]) -> bool:
    """Whether the document writes the repeat at least *times* times and its words nowhere
    else (*repeats* remembers the counts of the document's repeats)."""
    repeat = f"{a}{sep}{b}"
    count = repeats.get(repeat)
    if count is None:
        count = repeats[repeat] = doc.text.count(repeat)
    if count < times:
        return False
    vocabulary = doc.vocabulary
    if a == b:
        return vocabulary[a] == 2 * count
    return vocabulary[a] == count and vocabulary[b] == count


def _name_alone(doc: Document, start: int, end: int, word: str, sep: str, repeats: dict[str, int]) -> bool:
    """Whether a capitalised repeat is a reduplicated name by itself ("flew to Bora Bora and",
    "Duran Duran is"): a short plain word (reduplication makes names of short words: at most
    :data:`SHORT_NAME` letters; "Havana Havana", "Chechnya Chechnya" are slips) that LanguageTool's tagger dictionary knows as no common
    word in lowercase nor as an adjective ("Russian Russian territory", "Thank Thank you"
    are slips), that the document writes nowhere alone ("relations between Russia Russia and
    Austria" in an article about Russia is a slip), and neither the word before it (unless
    it starts the sentence) nor the token after it is capitalised: a slip doubles a part of
    a longer name ("Igor Ivanov Ivanov", "Deir Deir ez-Zor"), and a word that the web seldom
    writes twice (:func:`_seldom_doubled`: "Russia Russia", "Europe Europe") is no
    reduplicated name either."""
    text = doc.text
    if not (word.isalpha() and len(word) <= SHORT_NAME) or tags(word.lower()) or "J" in tags(word) \
            or _seldom_doubled(word) \
            or _in_run(text, start, end, word) or not _only_repeated(doc, word, sep, word, 1, repeats):
        return False
    before = _PREVIOUS.search(text, max(0, start - 40), start)
    if before is not None and before.group(1)[0].isupper() and not starts_sentence(text, start):
        return False
    nxt = _NEXT_TOKEN.match(text, end)
    return nxt is None or not any(c.isupper() for c in nxt.group(1))


def _seldom_doubled(word: str) -> bool:
    """Whether the web writes *word* twice in a row in fewer than one of every
    10**-:data:`NAME_SHARE` of its uses: log10 P(w w) / P(w), from wordsegment's Google pair
    counts and wordfreq's frequency, or its upper bound when the pair is rarer than the pair
    list's floor. A reduplicated name is mostly written doubled ("Walla Walla", "Duran
    Duran": the bound says nothing against them); a name as frequent as "Russia" or
    "December" that the web never doubles is no such name."""
    lexicon = get_lexicon()
    lower = word.lower()
    zipf = lexicon.zipf(lower)
    if zipf == 0.0:
        return False
    pmi = lexicon.pmi(lower, lower)
    share = pmi + zipf - 9 if pmi is not None else lexicon.bigram_floor - (zipf - 9)
    return share < NAME_SHARE


def _slip_of_that(text: str, a: str, end: int) -> bool:
    """Whether a repeated demonstrative is a slip: the word after it cannot follow the
    pronoun or determiner that the second word would be ("that that we", "this this to";
    but "that that is", "that that service", "add to this this law")."""
    nxt = _NEXT.match(text, end)
    if nxt is None:
        return True
    word = nxt.group(1).lower()
    return word in NOT_AFTER_THAT if a == "that" else word in FUNCTION_WORDS


def _tripled(text: str, word: str, end: int) -> bool:
    """Whether the word comes a third time: no deliberate repeat is written thrice ("that that
    that was wrong")."""
    nxt = _NEXT.match(text, end)
    return nxt is not None and nxt.group(1).lower() == word


def _mentioned(text: str, start: int, end: int) -> bool:
    """Whether the repeat stands alone in quotation marks: a mention ("'the the' is a slip")."""
    return text[start - 1:start] in OPENERS and text[end:end + 1] in CLOSERS


def _allowed(text: str, start: int, end: int, a: str, b: str) -> bool:
    """Repeats that grammar allows, decided from closed word classes and the words around:

    - "to to" before a lowercase content word: a stranded preposition or an elliptical
      infinitive before an infinitive ("the office I applied to to ask", "do what you have
      to to get it", "applying to to be"), after a verb or an adjective that takes "to"
      (LanguageTool's tags; after a noun it is a slip: "the way to to do"); before the start
      of an object (an article, a determiner, a pronoun), a name or a number it is a slip
      ("to to the", "to to two");
    - an auxiliary or modal written twice after an article or possessive or, as a name, at a sentence
      start: the first is a noun ("The can can hold", "the will will be read", "May may be");
    - a lowercase word before its capitalised copy that starts a run of capitalised words: the
      copy begins a name ("how long Long Island is"), unless it is a verb form ("congratulated
      Congratulated Recep Tayyip Erdogan");
    - a word written in capitals before its capitalised copy: a name in two styles ("DURAN
      Duran"); slips repeat a word as typed or capitalise the copy.
    """
    lower = a.lower()
    if a.isupper() and len(a) > 1 and b[0].isupper() and not b.isupper():
        return True
    nxt = _NEXT.match(text, end)
    if lower == "to" and a == b and nxt is not None:
        word = nxt.group(1)
        before = _PREVIOUS.search(text, max(0, start - 30), start)
        return word.islower() and word not in OBJECT_STARTS and not number_word(word) \
            and before is not None and bool(set(tags(before.group(1).lower())) & _TAKES_TO)
    if lower in VERB_LIKE and a.lower() == b:
        before = _PREVIOUS.search(text, max(0, start - 30), start)
        if before is not None and before.group(1).lower() in _NOUN_MARKERS:
            return True  # "The can can hold"
        if a[0].isupper() and lower not in FUNCTION_WORDS and starts_sentence(text, start):
            return True  # "May may be", a month or a name before the modal
    if a.islower() and b[0].isupper() and lower not in FUNCTION_WORDS and nxt is not None \
            and not lower.endswith(("ed", "ing")):
        return nxt.group(1)[0].isupper()  # "long Long Island"; a verb starts no name
    return False


def _never_grammatical(text: str, start: int, a: str, b: str) -> bool:
    """Whether removing the repeat is right in every context (docs/safe-fixes.md): an article
    of two letters or more ("the the", "The the", "an an"), written in lowercase but for a
    sentence start. A single letter may be a variable ("a a^T"); other repeats may be
    grammatical or a name ("had had", "to to", "Aung Aung")."""
    if a.lower() not in ARTICLES or len(a) < 2 or not b.islower():
        return False
    return a.islower() or (a[1:].islower() and starts_sentence(text, start))
