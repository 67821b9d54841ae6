"""Spacing checks: lost spaces between words and after punctuation, spurious spaces inside words.

All three rules share one analysis per document (:func:`analysis`): the line-by-line
decision model of :mod:`.model` for words, and :mod:`.punctuation` for marks.
Every fix changes spaces only and never crosses a line break.
"""

from __future__ import annotations

import gc
import weakref
from bisect import bisect_left
from itertools import accumulate, islice
from typing import Collection, Iterable, Iterator, NamedTuple

from ...diagnostics import Applicability, Diagnostic, Edit, Fix
from ...casing import get_casing
from ...document import Document
from ...lexicon import get_lexicon
from ...patterns import lazy_compile
from ...rule import FixAvailability
from ...wordclasses import ARTICLES, BE, DETERMINERS, FUNCTION_WORDS, INDEFINITE_ARTICLES, QUANTIFIERS
from ..base import Check
from ..prose import enclosed, starts_sentence
from .model import (Change, ChangeRecord, Model, Params, analyse_line, camel_seam, change_at, change_record,
                    closed_compounds, glued_forms, judge_line, margin_shift, shared_table, vocabulary_of)
from .glued import glued_runons, pronoun_runons
from .slots import verb_slot_runons
from .phrases import phrase_runons
from .moved import moved_spaces
from .punctuation import glued_punctuation, space_before_punctuation

PARAMS = Params()
#: Words that start a noun phrase, which may be the subject of "is a".
NOUN_PHRASE_STARTS = DETERMINERS | QUANTIFIERS


class Analysis(NamedTuple):
    """The word-space repairs of a document, how far its own rate of clear run-ons moves
    the margins (:func:`.model.margin_shift`), and the model that judged them."""

    changes: list[Change]
    shift: float
    model: Model


_ANALYSES: weakref.WeakKeyDictionary[Document, Analysis] = weakref.WeakKeyDictionary()


def analysis(doc: Document) -> Analysis:
    """The word-space repairs of *doc* (computed once per document)."""
    found = _ANALYSES.get(doc)
    if found is None:
        # the analysis makes no reference cycles, but many small objects (memo entries):
        # the cyclic collector would walk the growing memo tables again and again. Its first
        # pass after the analysis walks them once; made of strings and numbers, most stop
        # being tracked there (and their deps, model.Deps, never are)
        collecting = gc.isenabled()
        gc.disable()
        try:
            found = _ANALYSES[doc] = _analyse(doc)
        finally:
            if collecting:
                gc.enable()
    return found


def _analyse(doc: Document) -> Analysis:
    vocabulary = vocabulary_of(doc)
    words = doc.word_count
    expect_questions(doc)  # before the model takes the tables' lookups
    model = Model(get_lexicon(), vocabulary, words, PARAMS)
    # the repairs of a line hold in every document and fix round of the process where
    # the document words that swayed them keep their counts
    lines = model.table("lines")
    found, text, pos = [], doc.text, 0
    for line in text.split("\n"):
        for offset, piece in line_pieces(line):
            changes = model.memo(lines, piece, _line_changes, model, piece)
            if changes:  # (most lines have none: a generator of none cost 0.4 % of a run)
                found.extend(change_at(record, pos + offset) for record in changes)
        pos += len(line) + 1
    text_words = _text_words(doc)
    unlettered = None if text_words is None else doc.unlettered_words
    found.extend(glued_runons(text, model.lex, PARAMS.function_zipf, PARAMS.solid_zipf, unlettered))
    shift = margin_shift(found, words, PARAMS)
    taken = {c.start for c in found}
    found.extend(c for c in verb_slot_runons(text, model.lex, text_words) if c.start not in taken)
    titled = None if text_words is None else doc.titled_words
    found.extend(c for c in pronoun_runons(text, model.lex, titled) if c.start not in taken)
    taken_spans = _Spans(found)
    found.extend(_apart_from_sorted(
        (c for c in phrase_runons(doc, model, taken_spans.overlap) if c.gain >= PARAMS.unsafe_margin), taken_spans))
    found.sort(key=lambda c: c.start)
    return Analysis(_without_contradictions(found), shift, model)


def _text_words(doc: Document) -> Collection[str] | None:
    """Every word of *doc*'s text (each match of :data:`.document.WORD`, and more), when its
    prose is all its text: :attr:`.Document.vocabulary`, the words of the prose; None when the
    text has spans that are not prose (code, URLs). A scan of the text for tokens of a kind
    can first look for them among these few words."""
    return None if doc.ignored else doc.vocabulary


def expect_questions(doc: Document) -> None:
    """Get the lexicon ready for the questions the checks ask about *doc*'s words
    (:meth:`.Lexicon.expect`: a long document builds the dicts it asks most)."""
    get_lexicon().expect(doc.word_count)


def _apart_from(changes: Iterator[Change], found: list[Change]) -> list[Change]:
    """*changes* that overlap none of *found* nor each other (the first of two is kept)."""
    kept: list[Change] = []
    for c in changes:
        if not any(c.start < o.end and o.start < c.end for o in (*found, *kept)):
            kept.append(c)
    return kept


class _Spans:
    """The spans of changes, looked up by offset."""

    def __init__(self, changes: list[Change]) -> None:
        spans = sorted((c.start, c.end) for c in changes)
        self._starts = [a for a, _ in spans]
        self._reach = list(accumulate((b for _, b in spans), max))

    def overlap(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps one of the spans."""
        k = bisect_left(self._starts, end)  # the spans that start before it ends
        return k > 0 and self._reach[k - 1] > start


def _apart_from_sorted(changes: Iterator[Change], found: _Spans) -> list[Change]:
    """*changes* that overlap none of *found* (the spans of the changes found) nor each other
    (:func:`_apart_from` for a long list)."""
    kept: list[Change] = []
    for c in sorted(changes, key=lambda c: c.start):
        if not (found.overlap(c.start, c.end) or kept and kept[-1].end > c.start):
            kept.append(c)
    return kept


def _line_memo() -> dict | None:
    """The process's memo of line repairs (see :func:`_analyse`); None before the lexicon loads."""
    return shared_table(get_lexicon(), PARAMS, "lines") if get_lexicon.cache_info().currsize else None


def learn_line_repairs(entries: list[tuple[str, tuple]]) -> int:
    """Take the line repairs another worker process worked out (:func:`line_repairs_since`),
    keeping any this process has; returns the memo's position after them. A repair holds in
    any document where the words that swayed it have the counts it records, whichever
    process found it, so a line of a run is analysed once, not once per worker."""
    memo = _line_memo()
    if memo is None:
        return 0
    for key, entry in entries:
        memo.setdefault(key, entry)
    return len(memo)


def line_repairs_since(position: int) -> list[tuple[str, tuple]]:
    """The line repairs this process added to its memo after *position* (in order)."""
    memo = _line_memo()
    if memo is None:
        return []
    return list(islice(memo.items(), position if position <= len(memo) else 0, None))


def _without_contradictions(changes: list[Change]) -> list[Change]:
    """*changes* less the pairs that undo each other: a document that writes both "Kowalczyk"
    and "Kow alczyk" vouches for the split with one and for the join with the other, so
    neither is evidence (and fixing both would only swap the two spellings)."""
    pairs = {(c.old, c.new) for c in changes}
    return [c for c in changes if (c.new, c.old) not in pairs]


#: A line longer than this is analysed in pieces (memory and memo keys stay bounded).
PIECE = 10_000
#: A piece is cut at a barrier (below) within this many characters past ``PIECE``, else at a space.
PIECE_REACH = 40_000
#: A space after a chunk that ends in one of these: its token has trailing punctuation (or is
#: no plain word), so no window of :func:`.model.analyse_line` joins or reads across it.
_BARRIER = lazy_compile(r"[.,;:!?)\]}\"”’»…] ")
_SPACE = lazy_compile(r" ")


def line_pieces(line: str) -> Iterable[tuple[int, str]]:
    """*line* as (offset, piece) pieces of about :data:`PIECE` characters, the whole line when
    it is no longer (in a tuple: a generator for every line of a document cost 0.1 % of a
    run)."""
    return _long_line_pieces(line) if len(line) > PIECE else ((0, line),)


def _long_line_pieces(line: str) -> Iterator[tuple[int, str]]:
    """The pieces of :func:`line_pieces` of a line longer than :data:`PIECE`. A piece ends at
    a barrier, where cutting changes no repair; a line without one for :data:`PIECE_REACH`
    characters (no prose: "word word ...") is cut at a space."""
    start = 0
    while len(line) - start > PIECE:
        m = _BARRIER.search(line, start + PIECE, start + PIECE + PIECE_REACH) or _SPACE.search(
            line, start + PIECE + PIECE_REACH)
        if m is None:
            break
        cut = m.end() - 1  # before the space
        yield start, line[start:cut]
        start = cut
    yield start, line[start:]


def _line_changes(model: Model, line: str) -> tuple[ChangeRecord, ...]:
    """The repairs of one line, offsets from its start: the lattice's, then the spaces moved
    by one letter that overlap none of them, as the line memo keeps them (tuples of strings
    and numbers, which the garbage collector stops walking, as it does the memo entry)."""
    judged = judge_line(model, line)
    if judged is None:
        return ()  # every chunk quiet: nothing to repair, no token that is no word
    changes = [c for c in analyse_line(model, line, judged) if c.gain >= PARAMS.unsafe_margin]
    if judged.may_move:  # (few lines: a token may move)
        changes += _apart_from(moved_spaces(line, model, judged.no_words), changes)
    return tuple(map(change_record, changes))


def _fix(change: Change, safe: bool) -> Fix:
    edits = [Edit(p, p, " ") for p in change.inserts] + [Edit(a, b, "") for a, b in change.deletes]
    return Fix(tuple(edits), Applicability.SAFE if safe else Applicability.UNSAFE,
               f"Change to '{change.new}'")


class _WordSpacing(Check):
    CATEGORY = "spacing"
    FIX = Applicability.SAFE
    FIX_AVAILABILITY = FixAvailability.ALWAYS
    FIX_SAFETY = (
        "The fix changes spaces only. It is safe when the repaired words beat the "
        "original by a wide margin of the model's score (word frequencies, word-pair "
        "evidence, the document's own words, a cost for every changed space), or by the "
        "reporting margin when no other reading is left (a lowercase token that is no word "
        "and no typo of one, cut into a function word and a word: 'usageswould'), and "
        "unsafe (applied with `--unsafe-fixes`) when the margin is narrower, when it "
        "cuts a word the lexicon knows ('ofa' may be a typo of 'of') or a word of an edited "
        "dictionary that the lexicon lacks ('spellchecking', 'analphabetic'), a token the "
        "document writes three times or more the same way and never apart ('whatis searches', 'causes "
        "whatis to be'), a token no dictionary knows that is cut only because its two words "
        "make a phrase ('deplorableindeed': it may be a term coined from an undefined name, "
        "a manual's 'allboxed tables'), and always in "
        "technical writing, which closes compounds that no dictionary has ('testcase', "
        "'formatters' is no 'for matters') and cites user names.")
    KIND = ""

    def prepare(self, doc: Document) -> None:
        expect_questions(doc)  # (the checks that run before this one ask the lexicon too)

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        changes, shift, model = analysis(doc)
        report, safe = PARAMS.unsafe_margin + max(shift, 0.0), PARAMS.safe_margin + shift
        if doc.technical:
            report = max(report, safe)  # its closed compounds and user names: only wide margins
        # Camel case written in code too ("EventEmitter") is an identifier, and so is any
        # camel case in technical writing: it names things so. Technical writing also
        # closes compounds that no dictionary has ("keepalive", "testcase", "formatters"),
        # names things with function words glued ("mustcall", "oncreate") and cites user
        # names ("anoff"): there no change of spaces is safe.
        identifiers = doc.code_words
        technical = doc.technical
        for c in changes:
            if c.kind == self.KIND and c.gain >= report and not (
                    (technical or c.old in identifiers) and not c.old.islower()) \
                    and not _code_name(c, doc.code_span_words) \
                    and not _repeated_name(doc, c) \
                    and not _coined_name(doc, c) \
                    and not _defined_name(doc, c) \
                    and not (technical and c.old in glued_forms()) and not _name_after_acronym(doc.text, c) \
                    and not _quoted_words(doc.text, c) and not _reduplication(c):
                yield self.diagnostic(c.start, c.end, f"'{c.old}' looks like '{c.new}'",
                                      _fix(c, c.certain and not technical and (c.gain >= safe or model.sure(c))
                                           and not _dictionary_word(c) and not _named(doc, c)
                                           and not _kept_glued(doc, c)
                                           and not (c.kind == RunOnWord.KIND and _quotation(doc.text, c))))


def _code_name(change: Change, identifiers: frozenset[str]) -> bool:
    """Whether a change cuts a token that the document writes in its code spans or blocks, or
    joins a letter that they name: an identifier, not a defect ("nospace" beside
    ``{{ nospace "a b" }}``, "the string s" beside ``trim(s string)``). (A URL or front matter
    is no such evidence: a web address glues words as it pleases.)"""
    words = change.old.split()
    if len(words) == 1:
        return change.old in identifiers
    return any(len(w) == 1 and w in identifiers for w in words)


def _dictionary_word(change: Change) -> bool:
    """Whether a cut token is a word of an edited dictionary that the lexicon lacks
    ("spellchecking", "analphabetic"): a word, so no cut of it is safe."""
    return change.kind == RunOnWord.KIND and change.old.lower() in closed_compounds()


#: How often a document writes a glued token, and never its words apart, from which the
#: token is a term of its own: a long corrupt text glues a pair twice by chance ("hasidentified",
#: "fromoutside" twice each in the 10,000 sentences of wsc-dev's Wiki set), seldom three times.
KEPT_GLUED = 3


def _kept_glued(doc: Document, change: Change) -> bool:
    """Whether the document writes the cut token again and again (:data:`KEPT_GLUED` times),
    the same way, and never as the words of the cut: a term of its own ("whatis searches",
    "causes whatis to be", "smallover" five times in a manual), so that no cut of it is safe.
    The cut is still reported, unsafe."""
    return change.kind == RunOnWord.KIND and doc.vocabulary[change.old] >= KEPT_GLUED \
        and change.new not in doc.text


#: What follows a name a sentence introduces: a form of "be" and an indefinite article ("X is a ...").
_DEFINITION = lazy_compile(r"[ ]+(\w+)[ ]+(\w+)\b")


def _defined_name(doc: Document, change: Change) -> bool:
    """Whether a camel-case token is a name that its sentence introduces (:func:`_defines`):
    "PianoBooster is a fun way ...", "KMyMoney is a personal finance manager"."""
    return _camel_case(change.old) and _defines(doc, change)


def _named(doc: Document, change: Change) -> bool:
    """Whether the document gives a capitalised token that a change would cut the evidence
    of a name, so that no cut of it is right in every context: its sentence defines it
    ("Notmuch is a system for indexing"; a glued pair of words does not define itself, unless
    it starts with a determiner: "Thefollowing is a list"), or it
    starts with a function word where no sentence starts ("with Notmuch you"; a function word
    takes a capital at a sentence start only: "Thealbum was"). The change is still reported,
    unsafe. (How often the document writes the token is no such evidence: a long corrupt
    text glues "Universityof" or "Thefilm" more than once.)"""
    if not change.old[:1].isupper() or change.kind != RunOnWord.KIND:
        return False
    first = change.new.split(" ", 1)[0].lower()
    if first in FUNCTION_WORDS and not starts_sentence(doc.text, change.start):
        return True
    # a determiner starts a noun phrase that may be the subject: "Thefollowing is a list"
    return first not in NOUN_PHRASE_STARTS and _defines(doc, change)


def _defines(doc: Document, change: Change) -> bool:
    """Whether the token of *change* starts its sentence as the subject of "is a", "was an":
    a name the sentence introduces."""
    sentence = doc.sentence_at(change.start)
    if sentence is None or doc.text[sentence.start:change.start].strip(" \"“‘'(*-•\t"):
        return False
    m = _DEFINITION.match(doc.text, change.end)
    return bool(m) and m.group(1).lower() in BE and m.group(2).lower() in INDEFINITE_ARTICLES


def _repeated_name(doc: Document, change: Change) -> bool:
    """Whether a camel-case token is a name by the document's evidence: written the same way
    at least twice, and its parts never written apart ("TimeWarner" six times in an article;
    but "VladimirPutin:" beside "Vladimir Putin")."""
    old = change.old
    if doc.vocabulary[old] < 2 or not _camel_case(old):  # (the count first: most tokens occur once)
        return False
    return change.new not in doc.text


def _camel_case(token: str) -> bool:
    """Whether *token* has a camel-case seam (:func:`.model.camel_seam`): none when no
    capital follows its first letter, as a string method tells (most tokens)."""
    return not token[1:].islower() and any(camel_seam(token, q) for q in range(1, len(token)))


#: Log10 PMI of a word pair from which the web writes it as a set phrase ("Armed Forces",
#: "Federal Law"): such a pair glued is a name that lost its space, not one coined so.
SET_PHRASE_PMI = 1.0
#: A word either side of a token (an optional bracket or quotation mark before it).
_WORD_BEFORE = lazy_compile(r"(?r)(\p{L}(?:[\p{L}\p{M}'’\-]*[\p{L}\p{M}])?)[\"“‘'(]?[ \u00a0]+$")
_WORD_AFTER = lazy_compile(r"[\"”’')]?[ \u00a0]+(\p{L}+)")


def _coined_name(doc: Document, change: Change) -> bool:
    """Whether a camel-case token of two capitalised common words is a name coined so
    ("AllMusic", "NoiseTrade", "DoubleClick"; not "CubaPutin": names glued), by the
    casing table (both parts are words written mostly in lowercase) and the document's
    evidence: it stands among lowercase words (a lost space inside a longer name leaves
    capitalised words beside it: "the Siberian MilitaryDistrict", "the WorldEnergy
    Congress") with no article before it (a trade name stands bare, "on AllMusic"; "the
    FederalAssembly" is a description that English writes apart), the document writes neither
    part as a word of its own nor the two apart ("VladimirPutin" in an article that
    names Putin), and the web writes the pair as no set phrase ("ArmedForces")."""
    old, parts = change.old, change.new.split()
    if len(parts) != 2 or "".join(parts) != old or not all(p[:1].isupper() and p[1:].islower() for p in parts):
        return False
    casing, text, vocabulary = get_casing(), doc.text, doc.vocabulary
    if any(casing.ratio(p) is None or vocabulary[p] for p in parts) or change.new in text:
        return False
    sentence = doc.sentence_at(change.start)
    opening = max(change.start - 40, sentence.start if sentence else 0, 0)
    if ARTICLES & {w.strip("\"“‘'(").lower() for w in text[opening:change.start].split()[-2:]}:
        return False  # "the Federal Assembly", "the national Volunteer Day": a description's name
    before = _WORD_BEFORE.search(text, max(0, change.start - 40), change.start)
    after = _WORD_AFTER.match(text, change.end)
    if before and before.group(1)[:1].isupper() and not starts_sentence(text, before.start(1)) \
            or after and after.group(1)[:1].isupper():
        return False
    pmi = get_lexicon().pmi(parts[0].lower(), parts[1].lower())
    return pmi is None or pmi < SET_PHRASE_PMI


class RunOnWord(_WordSpacing):
    ID = "spacing.RunOnWord"
    KIND = "runon"
    DESCRIPTION = (
        "Two words glued together by a lost space: 'successfullyas', 'Latin Americato', "
        "'Putinin', glued capitalised words ('CubaPutin', 'OrthodoxChurch'), words glued "
        "where a line break was lost, a function word glued to a number ('was960', "
        "'in1984'), a possessive glued to a word ('Putin’smessage'), a closed compound that no "
        "dictionary has where only a verb can stand ('to backout the change', 'can checkin'), two "
        "words whose classes make a phrase and never a closed compound in a token no dictionary "
        "has ('deplorableindeed', 'usuallyattained') and a space moved by one letter "
        "('an dpreviously', 'look sfor').")
    RATIONALE = (
        "Scrapers, PDF extraction and OCR drop spaces. Spell checkers call the result a "
        "misspelling and offer nothing useful; word segmenters split correct words "
        "('multipolar' → 'multi polar'). This check splits a token only when two words "
        "explain it far better than the token itself, with the words around it as "
        "evidence, and never splits known words, names that recur in the document or that "
        "their sentence defines ('PianoBooster is a ...'), trade names coined from two common "
        "words that stand bare among lowercase words and that the document never writes apart "
        "('rated on AllMusic'), a "
        "capitalised word after an acronym ('HACAN Clearskies'), acronyms, identifiers, numbers, "
        "URLs or hyphenated compounds.")
    FLAG = [("Cooperation is developing successfullyas agreed.",
             "Cooperation is developing successfully as agreed."),
            ("out of CubaPutin said in an interview", "out of Cuba Putin said in an interview"),
            ("President Vladimir Putinin his capacity as head of state",
             "President Vladimir Putin in his capacity as head of state"),
            ("The population was960 at the 2010 census.", "The population was 960 at the 2010 census."),
            ("Mr Putin’smessage of congratulations", "Mr Putin’s message of congratulations"),
            ("Please remember to backout the change.", "Please remember to back out the change."),
            ("She can checkin tomorrow.", "She can check in tomorrow."),
            ("the first an dpreviously unknown book", "the first and previously unknown book")]
    OK = ["a multipolar world order", "his Cuban counterpart", "nowhere to be seen",
          "we cannot stay together", "the Commander-in-Chief of the Armed Forces",
          "Lavrov met Miguel Díaz-Canel and Celac officials", "NATO and the iPhone",
          "a base85 string, mp3 files, utf8 text and 5km of road",
          "The backout plan came with the release.", "It takes two days from check to rollout.",
          "The album got a good rating on AllMusic, where it was praised."]


class SplitWord(_WordSpacing):
    ID = "spacing.SplitWord"
    KIND = "split"
    DESCRIPTION = "A spurious space inside a word: 'gov ernment', 'Abst rac t', 'evergr een'."
    RATIONALE = (
        "PDF extraction and OCR insert spaces inside words. The check joins pieces only "
        "when the joined word is far more likely than the pieces in their context, and "
        "never joins two words that stand on their own ('every one', 'can not' are left "
        "to the author, a word and its copy is a reduplication: 'yum yum', and so are two words that make up a whole quotation: '\"odd balls\"').")
    FLAG = [("the federal gov ernment said", "the federal government said"),
            ("Abst rac t", "Abstract")]
    OK = ["They met every one of them.", "It is there in to the evening.", "We had a boo boo."]


class GluedPunctuation(Check):
    ID = "spacing.GluedPunctuation"
    CATEGORY = "spacing"
    DEFAULT = False  # default runs have cleanup.MissingSpaceAfterPunctuation (safe fix)
    FIX_AVAILABILITY = FixAvailability.ALWAYS
    DESCRIPTION = (
        "A lost space after a sentence mark, comma, semicolon or colon between two words: "
        "'Russia.Months ago', 'cruiser,Admiral', 'Chemezov:Mr'. Off by default (the "
        "cleanup pack's MissingSpaceAfterPunctuation covers default runs); `--select spacing` "
        "enables it.")
    RATIONALE = (
        "Line joins in scraped text and OCR drop the space after punctuation. Numbers "
        "(1,000, 3.5, 10:30), abbreviations (e.g., U.S., Ph.D.), initials, file and "
        "domain names (example.com, Node.js) are left alone.")
    FIX = Applicability.SAFE
    FIX_SAFETY = ("The fix inserts one space. It is safe for a comma or semicolon between two "
                  "common words of two letters or more ('icons,such', 'However,they'; Zipf "
                  "3.0 or more, the first word three letters or more) and unsafe otherwise: names, "
                  "abbreviations and formulas glue marks on purpose ('Phys.Rev', '(Ga,Mn)As', "
                  "'AllMusic.com'), and on the Wikipedia and arXiv benchmarks a quarter of the "
                  "glued marks are the authors'. The finding is reported either way.")
    FLAG = [("near Russia.Months ago", "near Russia. Months ago"),
            ("aboard the cruiser,Admiral Kuznetsov", "aboard the cruiser, Admiral Kuznetsov"),
            ("the icons,such as the flag", "the icons, such as the flag")]
    OK = ["It costs 1,000 roubles, or 3.5 per cent more.", "See e.g. the U.S. report by Ph.D. students.",
          "Visit example.com or Node.js today.", "The meeting starts at 10:30.",
          "Na,K-ATPase and F(R,T) gravity"]

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for start, end, offset, old, new, sure in glued_punctuation(doc):
            fix = Fix((Edit(offset, offset, " "),),
                      Applicability.SAFE if sure else Applicability.UNSAFE, f"Change to '{new}'")
            yield self.diagnostic(start, end, f"'{old}' looks like '{new}'", fix)


class SpaceBeforePunctuation(Check):
    ID = "spacing.SpaceBeforePunctuation"
    CATEGORY = "spacing"
    DEFAULT = False  # default runs have cleanup.SpaceBeforePunctuation
    FIX = Applicability.SAFE
    FIX_AVAILABILITY = FixAvailability.ALWAYS
    DESCRIPTION = (
        "A spurious space between a word and the comma, period or semicolon after it "
        "('nautiloids .', 'javelin , women'), or before the closing parenthesis of an "
        "unspaced opening one ('(DCEH )'). Off by default (the cleanup pack's "
        "SpaceBeforePunctuation covers default runs); `--select spacing` enables it.")
    RATIONALE = (
        "Tokenizers and PDF extraction put spaces before punctuation. Only a space after a "
        "word of letters is removed: in formulas ('= 0 .', 'f (x) ,') spacing is the "
        "author's, and a space before a colon is a typographic style. After a word that "
        "ends no phrase ('the', 'and', 'of') the space marks something the extraction "
        "dropped ('J. Samson and , S. Kahlil') and stays.")
    FIX_SAFETY = "The fix removes the spaces only; it is safe."
    FLAG = [("an extinct genus of prehistoric nautiloids .", "an extinct genus of prehistoric nautiloids."),
            ("women's javelin , women's relay", "women's javelin, women's relay"),
            ("by Dream Center Holdings (DCEH ), a company", "by Dream Center Holdings (DCEH), a company")]
    OK = ["He paused ... and went on.", "which is correct to O(q2) . Then", "Proof : see above.",
          "the set ( a , b ) as written", "Vl = Vsl = 0 .",
          "We thank J. Samson and , S. Kahlil for comments."]

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for start, end, mark in space_before_punctuation(doc):
            fix = Fix((Edit(start, end, mark),), Applicability.SAFE, f"Remove the space before '{mark}'")
            yield self.diagnostic(start, end, f"Remove the space before '{mark}'", fix)


SPACING_CHECKS = [RunOnWord, SplitWord, GluedPunctuation, SpaceBeforePunctuation]


#: An acronym (two capitals or more) and the spaces after it, straight before a token.
_ACRONYM_BEFORE = lazy_compile(r"(?r)(?<![\p{L}\p{M}\p{N}'’\-.])\p{Lu}{2,}[ \u00a0]+$")


def _name_after_acronym(text: str, change: Change) -> bool:
    """Whether a run-on repair would cut a capitalised token that is no camel case straight after
    an acronym ("the campaigners HACAN Clearskies"): a capitalised word beside a name is part of
    that name (as cleanup.MidSentenceCapital reads it), and a name is spelt as its bearer spells
    it. Camel-case and lowercase tokens after an acronym stay judged ("UN SecurityCouncil",
    "EU foreignministers")."""
    old = change.old
    return change.kind == RunOnWord.KIND and old.isalpha() and old[:1].isupper() and old[1:].islower() \
        and _ACRONYM_BEFORE.search(text, max(0, change.start - 20), change.start) is not None


def _reduplication(change: Change) -> bool:
    """Whether a split repair would join a word to its own copy, a word that stands on its own
    (Zipf at least ``Params.solid_zipf``): a reduplication, which English writes apart ("yum
    yum", "boo boo", "ta ta"; cleanup.DoubledWord judges the repeat), not the halves of a
    word split by a space ("mur mur" stays joined: "mur" is no word of its own)."""
    pieces = change.old.lower().split()
    return change.kind == SplitWord.KIND and len(pieces) == 2 and pieces[0] == pieces[1] \
        and get_lexicon().zipf(pieces[0]) >= PARAMS.solid_zipf


#: Quotation marks that may open and close a quoted phrase.
_OPENING_QUOTES = frozenset("\"“‘'«")
_CLOSING_QUOTES = frozenset("\"”’'»")


def _quotation(text: str, change: Change) -> bool:
    """Whether the text of a change is a whole quotation: a mention, spelt as its source
    spelt it. A quoted token is not cut safely ('the touchscreen version "kookbooktouch"');
    quoted fragments are still joined ('"cher ry"', :func:`_quoted_words`)."""
    return enclosed(text, change.start, change.end, _OPENING_QUOTES, _CLOSING_QUOTES)


def _quoted_words(text: str, change: Change) -> bool:
    """Whether a split repair would join words that each stand on their own (frequent enough,
    ``Params.check_zipf``, that the model never cuts them) and that make up a whole quotation
    ('Westminster has its share of "odd balls"'): a quoted phrase is a mention, spelt as its
    source spelt it, and two words that stand on their own are left to the author (as "every
    one" is). Fragments in quotation marks are joined ('"cher ry"', '"Aca cia"')."""
    if change.kind != SplitWord.KIND or not _quotation(text, change):
        return False
    lexicon = get_lexicon()
    return all(lexicon.zipf(piece.lower()) >= PARAMS.check_zipf for piece in change.old.split())

