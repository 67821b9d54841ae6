"""Run-ons whose two words make a phrase and never a closed compound: "deplorableindeed",
"usuallyattained", "nowmust", "Johnsonjustly".

A token that no dictionary knows and that cuts into two dictionary words is either a run-on
or a closed compound that the dictionaries lack ("worldvolume", "catshark", "landingpad"):
the lattice (:mod:`.model`) weighs the two readings by word statistics, and two words with no
pair in the web counts score about as well as the unknown token. Word classes tell them apart:
a closed compound joins nouns, adjectives and verb stems, while an adverb ("indeed",
"usually"), a closed-class word ("nor", "must") or an inflected verb form with no noun or stem
reading ("attained", "busied", "said") makes phrases, and is written apart. On the four
wsc-dev sets, such tokens are run-ons some hundred times as often as words (the exceptions: a
prefix or a suffix with a word, "de|correlated", "west|most"; typos of another word).

The evidence is data, no list of words: LanguageTool's tagger dictionary
(:func:`.wordclasses.tags`), its hyphenated compounds (:func:`.wordclasses.compound_ends`:
"hand-made", "home-grown": a participle that ends compounds), the closed classes of
:mod:`.wordclasses`, the lexicon and SCOWL's closed compounds (:func:`.model.closed_compounds`).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Collection, Container, Iterator
from itertools import compress, filterfalse

from ... import native, wordclasses as wc
from ...document import Document
from ...patterns import lazy_compile
from ...wordclasses import FUNCTION_WORDS
from .model import LETTER_WORDS, MAX_TOKEN, PLAIN, PREFIXES, SUFFIXES, Change, Model, closed_compounds

#: Word classes (LanguageTool's tags) of adverbs and closed-class words, and of inflected verb
#: forms (past, past participle, -s, -ing), which may also be adjectives ("J").
PHRASE_TAGS = frozenset("CR")
INFLECTED_TAGS = frozenset("DEGZ")
PARTICIPLE_TAGS = INFLECTED_TAGS | frozenset("J")
#: Closed-class words other than auxiliaries and modals: a right piece that is one makes a
#: compound ("west|most"), where an auxiliary or a modal makes a phrase ("now|must").
COMPOUNDING_CLOSED = FUNCTION_WORDS - wc.AUXILIARIES - wc.MODALS
#: Shorter tokens are not judged (a short unknown token is a fragment or a typo more often).
MIN_TOKEN = 6
#: A word either side of a token with only spaces between (the lattice's context words).
_WORD_BEFORE = lazy_compile(r"(?r)(?<![\p{L}\p{M}\p{N}'’_\-./@])(\p{L}+)[ ]+$")
_WORD_AFTER = lazy_compile(r"[ ]+(\p{L}+)(?![\p{L}\p{M}\p{N}'’_\-@/])")
#: A chunk with more marks around its letters than this is no plain word.
MARKS = 12
#: Up to this many words are looked for one by one (:func:`_occurrences`).
FIND_ONE_BY_ONE = 20
#: In a text of up to this many characters, a token's free occurrence is looked for before
#: it is cut (:func:`phrase_runons`).
FIND_BEFORE_CUTTING = 10_000
#: A run of letters (``re``: far faster than ``regex`` over a whole text).
_LETTERS = re.compile(r"[^\W\d_]+")


def phrase_runons(doc: Document, model: Model, taken: Callable[[int, int], bool]) -> Iterator[Change]:
    """Each occurrence of a token of the document that :func:`phrase_cut` cuts, as a change
    scored by the model in its context (:func:`_change`), in the order of the text, but those
    whose span [start, end) is *taken* (overlaps a change found already, which the caller
    keeps instead); none in technical writing (:attr:`.Document.technical`), which names
    commands and identifiers with words glued ("whatchanged", "mustcall": the lattice's cuts
    there need the safe margin and are never safe)."""
    if doc.technical:
        return  # its compounds and identifiers glue function words: "mustcall", "whatchanged"
    table = model.table("phrase_cuts")
    text = doc.text
    cuts: dict[str, int] = {}
    # (in a short text, a token is found for less than its cut costs, and most tokens are
    # only where the line loop found a run-on: a token with no free occurrence is not cut)
    find_first = len(text) <= FIND_BEFORE_CUTTING
    # (a word the lexicon knows is cut by none: the words long enough are asked of the lexicon
    # all at once, compiled or in C, before a step of Python for each of the few others)
    for word in _unknown_long_words(doc.vocabulary, MIN_TOKEN, model.lex.zipf_table().get):
        if not word[1:].islower() or not word.isalpha():
            continue
        cut = table.get(word, False)
        if cut is False:
            if find_first and not _free_somewhere(text, word, taken):
                continue
            cut = table[word] = phrase_cut(model, word)
        if cut is not None:
            cuts[word] = cut
    for start in sorted(_occurrences(text, cuts)):
        word = _LETTERS.match(text, start).group()
        if not taken(start, start + len(word)):
            yield _change(model, text, start, word, cuts[word])


def _unknown_long_words_py(words: Collection[str], min_length: int, zipf: Callable[[str], int | None]) -> list[str]:
    """Those of *words* (in order) of *min_length* characters or more that the lexicon does not
    know (*zipf*: the get of its table, whose keys are lowercase), asked in C: the length first
    (half the words fail it, in a fraction of the time of a look-up), then as they are written,
    which answers for the words written in lowercase, as most are, then in lowercase for the
    others. (:func:`_unknown_long_words` is this function, or its compiled twin.)"""
    long_words = [w for w in words if len(w) >= min_length]
    unknown_as_written = list(filterfalse(zipf, long_words))
    return list(compress(unknown_as_written, map(operator.not_, map(zipf, map(str.lower, unknown_as_written)))))


#: :func:`_unknown_long_words_py`, compiled (native/src/unknown.rs) when the module has it.
_unknown_long_words = native.function("unknown_long_words") or _unknown_long_words_py


def _occurrences(text: str, words: Collection[str]) -> Iterator[int]:
    """Where one of *words* (runs of letters) is the core of a chunk of *text* that the
    lattice reads as a word (:data:`.model.PLAIN`: marks around letters; not "eachresult()"
    nor "verylongname.foobar"). A few words are looked for one by one; many in one pass over
    the runs of letters of the text."""
    if len(words) > FIND_ONE_BY_ONE:
        yield from (m.start() for m in _LETTERS.finditer(text) if m.group() in words and _plain(text, *m.span()))
        return
    for word in words:
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if _plain(text, at, end):
                yield at
            at = text.find(word, end)


def _free_somewhere(text: str, word: str, taken: Callable[[int, int], bool]) -> bool:
    """Whether *word* (a run of letters) is the core of a chunk of *text* that the lattice
    reads as a word (as :func:`_occurrences` finds) somewhere its span is not *taken*."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if not taken(at, end) and _plain(text, at, end):
            return True
        at = text.find(word, end)
    return False


def _plain(text: str, start: int, end: int) -> bool:
    """Whether the letters at [start, end) are the core of their whitespace-delimited chunk."""
    a, b = start, end
    while a > 0 and start - a < MARKS and not text[a - 1].isspace():
        a -= 1
    while b < len(text) and b - end < MARKS and not text[b].isspace():
        b += 1
    if a and not text[a - 1].isspace() or b < len(text) and not text[b].isspace():
        return False
    m = PLAIN.fullmatch(text, a, b)
    return m is not None and m.span(2) == (start, end)


def phrase_cut(model: Model, word: str) -> int | None:
    """Where a token that no dictionary knows (the lexicon, LanguageTool's tagger dictionary,
    SCOWL's closed compounds), lowercase or capitalised, cuts into two words that make a
    phrase and never a closed compound (:func:`_phrase_pair`) and are its likeliest two words
    (:func:`_likeliest_cut`), None when it does not or when it may be a word still: a prefix
    or a suffix with a word ("de|correlated", "sign|less"), an inflection of a word of the
    lexicon ("formatter|s", not "for|matters"), or a typo of another word
    (:meth:`.Model.typo_of_word`)."""
    lex, lower = model.lex, word.lower()
    if len(lower) > MAX_TOKEN and len(lower) > 2 * lex.longest_word:
        return None  # no two words of the lexicon make it (a sequence or a code: its cuts take quadratic time)
    # (most tokens have no phrase pair, told before the affixes, which are asked of the few that have one)
    phrases = _phrase_cuts_of(model, word)
    if len(phrases) != 1:
        return None
    cuts = range(2, len(lower) - 1)
    if any(lower[:k] in PREFIXES and lex.zipf(lower[k:]) > 0.0 or lower[k:] in SUFFIXES and lex.zipf(lower[:k]) > 0.0
           for k in cuts) or any(lower.endswith(e) and lex.zipf(lower[:-len(e)]) > 0.0 for e in wc.INFLECTIONS):
        return None
    if _likeliest_cut(model, lower) != phrases[0] or model.typo_of_word(
            lower, [lower[:phrases[0]], lower[phrases[0]:]]):
        return None
    return phrases[0]


def _likeliest_cut(model: Model, word: str) -> int | None:
    """:func:`_likeliest_cut_py` of *word* with the model's lexicon, compiled when the module has
    it and *word* is ASCII."""
    args = (word, model.lex.zipf_table().get, model.lex.pmi_table().get, LETTER_WORDS)
    return _likeliest_cut_compiled(*args) if _likeliest_cut_compiled is not None and word.isascii() \
        else _likeliest_cut_py(*args)


def _likeliest_cut_py(word: str, zipf: Callable[..., int], pmi: Callable[[str], int | None],
                      letter_words: Container[str]) -> int | None:
    """Where *word* cuts into the likeliest two words of the lexicon (Zipf of both, from *zipf*,
    the get of its word table, whose keys are lowercase, a word's Zipf * 100, and their pair's
    PMI, from *pmi*, the get of its pair table; a piece of one letter only when it is one of
    *letter_words*, "a"): "he|released", not the phrase "here|leased", and "to|return", not
    "tore|turn", which the lattice weighs. (As :meth:`.Lexicon.zipf` and :meth:`.Lexicon.pmi`
    ask the tables; the first of the best cuts.)"""
    best, where = None, None
    for k in range(1, len(word)):
        left, right = word[:k], word[k:]
        if len(left) == 1 and left not in letter_words or len(right) == 1 and right not in letter_words:
            continue
        za, zb = zipf(left.lower(), 0) / 100, zipf(right.lower(), 0) / 100
        if za and zb:
            v = pmi(f"{left.lower()} {right.lower()}")
            score = za + zb + ((None if v is None else v / 100) or 0.0)
            if best is None or score > best:
                best, where = score, k
    return where


#: The compiled twin of :func:`_likeliest_cut_py` (native/src/phrases.rs), of an ASCII word; None
#: without the module.
_likeliest_cut_compiled = native.function("likeliest_cut")


def _phrase_cuts_of(model: Model, word: str) -> list[int]:
    """:func:`_phrase_cuts_py` of *word* with the model's lexicon and weights, compiled when the
    module has it and *word* is ASCII."""
    p = model.p
    args = (word, model.lex.zipf_table().get, wc.tags_lookup(), closed_compounds(), FUNCTION_WORDS,
            wc.compound_ends(), COMPOUNDING_CLOSED, p.phrase_piece_zipf, p.solid_zipf, p.frequent_zipf)
    cuts = _phrase_cuts(*args) if _phrase_cuts is not None else None
    return _phrase_cuts_py(*args) if cuts is None else cuts


def _phrase_cuts_py(word: str, zipf: Callable[..., int], tags: Callable[..., str], closed: Container[str],
                    function_words: Container[str], compound_ends: Container[str],
                    compounding_closed: Container[str], phrase_piece_zipf: float, solid_zipf: float,
                    frequent_zipf: float) -> list[int]:
    """The cuts of a token that make two words of a phrase (:func:`_phrase_pair`), in order;
    none when a dictionary knows the token: the lexicon (*zipf*: the get of its table, whose
    keys are lowercase, a word's Zipf * 100), LanguageTool's tagger dictionary (*tags*: the get
    of its table) as written or in lowercase, SCOWL's closed compounds (*closed*). Only the
    cuts of pieces of three letters or more as common as the lowest floor are asked of
    :func:`_phrase_pair` (most cuts fail that, told by two look-ups). (:func:`_phrase_cuts` is
    this function's compiled twin, for ASCII tokens.)"""
    lower = word.lower()
    if zipf(lower, 0) / 100 > 0.0 or tags(word, "") or tags(lower, "") or lower in closed:
        return []
    lowest = min(phrase_piece_zipf, solid_zipf, frequent_zipf)
    floors = (phrase_piece_zipf, solid_zipf, frequent_zipf)
    capital = word[:1].isupper()
    return [k for k in range(3, len(lower) - 2)
            if zipf(lower[:k], 0) / 100 >= lowest and zipf(lower[k:], 0) / 100 >= lowest
            and _phrase_pair(word[:k], lower[k:], capital, zipf, tags, function_words, compound_ends,
                             compounding_closed, floors)]


#: The compiled twin of :func:`_phrase_cuts_py` (native/src/phrases.rs), which answers None for
#: a token beyond ASCII; None without the module.
_phrase_cuts = native.function("phrase_cuts")


def _phrase_pair(left: str, right: str, capital: bool, zipf: Callable[..., int], tags: Callable[..., str],
                 function_words: Container[str], compound_ends: Container[str],
                 compounding_closed: Container[str], floors: tuple[float, float, float]) -> bool:
    """Whether two words of the dictionary, each of three letters or more (the caller cuts
    no shorter piece), make a phrase that no closed compound is: each as common as a word
    (the first of *floors*, ``Params.phrase_piece_zipf``, from five letters; a short rare piece
    is a fragment more often: "con|tuned"); the left one a :func:`_phrase_word` (not when
    *capital*: a capitalised piece may be a name), or the right one a phrase word that ends no
    hyphenated compound of the dictionary (*compound_ends*, :func:`.wordclasses.compound_ends`:
    "hand-made", "home-grown") nor is a closed-class word other than an auxiliary or a modal
    (*compounding_closed*: "now|must" is a phrase, "west|most" a compound)."""
    phrase_piece_zipf, solid_zipf, frequent_zipf = floors
    for w in (left, right):
        floor = phrase_piece_zipf if len(w) > 4 else solid_zipf if len(w) > 3 or w in function_words \
            else frequent_zipf
        if not (tags(w, "") or tags(w.lower(), "")) or zipf(w.lower(), 0) / 100 < floor:
            return False
    if not capital and _phrase_word(left, tags, function_words):
        return True
    return _phrase_word(right, tags, function_words) and right not in compound_ends \
        and right not in compounding_closed


def _phrase_word(word: str, tags: Callable[..., str], function_words: Container[str]) -> bool:
    """Whether *word* is of a class that makes phrases, not closed compounds: a closed-class
    word, an adverb only, or an inflected verb form with no noun or verb-stem reading
    ("indeed", "usually", "busied", "said"; not "landing", which is also a noun)."""
    if word in function_words:
        return True
    t = set(tags(word, ""))
    return bool(t) and (t <= PHRASE_TAGS or t <= PARTICIPLE_TAGS and bool(t & INFLECTED_TAGS))


def _change(model: Model, text: str, start: int, word: str, cut: int) -> Change:
    """The split of *word* at *cut*, with its gain over the token: the model's score of the
    two words against the token's between the same context words, less the cost of a new
    space, plus the evidence of the word classes (``Params.phrase_glued_cost``). The lattice's
    cost of cutting a compound (an author's "power|series") does not apply: the classes say it
    is none. Never safe: a token that no dictionary knows may be a term the text coins from
    a name it does not define (a manual's "allboxed tables", after a program's option
    "allbox"), which two words would change."""
    end = start + len(word)
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    after = _WORD_AFTER.match(text, end)
    left = before.group(1) if before else None
    right = after.group(1) if after else None
    words = [word[:cut], word[cut:]]
    gain = (model.score(words, left, right, {word}) - model.score([word], left, right, {word})
            - model.p.ins_cost + model.p.phrase_glued_cost)
    change = Change(start, end, word, " ".join(words), inserts=[start + cut], gain=gain)
    change.certain = change.sure = False  # a word nobody defined may be jargon: never safe
    return change
