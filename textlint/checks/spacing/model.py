"""The decision model of the spacing checks: where the spaces of a line most likely belong.

A line is cut into whitespace-delimited chunks. A chunk whose core is plain letters
(``"Putinin``, ``successfullyas,``) may be split or joined; anything else (numbers,
acronyms, identifiers, hyphenated compounds, URLs, words with apostrophes) is left
as it is. Around every *suspicious* token (unknown or rare, glued at a capital, a
stray letter, or joinable with its neighbour into a word) a small window of tokens
is re-segmented by a Viterbi search over a lattice of candidate words:

- score = Σ log10 P(word) + Σ PMI(previous word, word) − costs of changed spaces;
- P(word) from the lexicon (wordfreq), raised by the word's own frequency in the
  document; unknown words (names, typos, technical terms) get a probability that
  falls with their length, so "Marrufo" is not cut into "Marr ufo";
- PMI from Google web word-pair counts; a pair of frequent words that is absent
  from the pair list is penalised (its count is below the list's floor);
- inserting a space costs more than inserting one at a lowercase→uppercase seam
  ("CubaPutin"), deleting one has its own cost.

The best segmentation is compared with the author's; each independent change is
kept when it beats the original by a margin (``safe``) or a smaller one (``unsafe``).
"""

from __future__ import annotations

import gzip
import math
from bisect import bisect_right
from collections import Counter
from dataclasses import field
from functools import lru_cache, partial
from itertools import accumulate, chain, compress, repeat
from operator import is_, itemgetter
from pathlib import Path
from typing import Callable, Collection, Iterator, NamedTuple, Sequence

from ...dataclass import dataclass
from ...document import Document
from ...casing import get_casing
from ...lexicon import BEGINS_PAIR, ENDS_PAIR, Lexicon, reach_in, words_starting_in
from ... import native, wordclasses as wc
from ...untracked import untracked_set
from ...patterns import lazy_compile
from ...wordclasses import FUNCTION_WORDS
#: Every word of the closed classes, also those that are names too ("It", "Will", "May"): a
#: token made of two of them is split whatever the capital means ("Itwould").
CLOSED_WORDS = FUNCTION_WORDS | wc.NAME_LIKE

#: A chunk whose core may be split or joined: optional opening marks, letters, closing marks.
PLAIN = lazy_compile(r"([\"'“‘«(\[{¿¡]*)(\p{L}[\p{L}\p{M}]*)((?:['’]s)?[\"”’»)\]}.,;:!?…]*)")
#: The opening and the closing marks of :data:`PLAIN` (no letter, no combining mark, no "s").
OPENING_MARKS = "\"'“‘«([{¿¡"
CLOSING_MARKS = "\"”’»)]}.,;:!?…"
#: Fragments that may form an unknown word are in the Latin script.
LATIN = lazy_compile(r"[\p{Latin}\p{M}]+")
#: Single letters that a split may create.
LETTER_WORDS = frozenset("aAI")
#: The most that context words can add to a split (two strong word pairs).
CONTEXT_BOUND = 3.0
#: Pieces a word is not cut into: prefixes and suffixes that form compounds with words.
PREFIXES = wc.PREFIXES
SUFFIXES = wc.SUFFIXES
#: Both: a piece that is neither, at no seam, is a plausible word (:meth:`Model._piece_ok`).
AFFIXES = PREFIXES | SUFFIXES
#: The longest of them: a longer piece, at no seam, is no bare prefix or suffix (a lowercase
#: form is never shorter).
AFFIX_MAX = max(map(len, AFFIXES))
#: Two-letter prefixes that stay glued to a capitalised word ("biLipschitz", "reEnter").
PREFIXES_SHORT = frozenset(p for p in PREFIXES if len(p) == 2 and p != "in")
#: Two-letter titles glued to a name at a camel seam ("MrPutin", "DrWho").
TITLES = frozenset(h.capitalize() for h in wc.HONORIFICS if len(h) == 2)
#: Longer letter strings are no run-on of words (gene sequences, codes, hashes).
#: Two function words glued into a capitalised token this long are no name (shorter ones may
#: be: "Bethe", "Ashe").
MIN_FUNCTION_PAIR = 6

MAX_TOKEN = 40
#: Longest word the lattice considers (original tokens may be longer).
MAX_WORD = 24


#: The compiled twin of :meth:`Model._suspicious_core` (native/src/suspicious.rs), made for a
#: model as ``SuspiciousCore(model, CONTEXT_BOUND, LETTER_WORDS, BEGINS_PAIR, ENDS_PAIR)`` and
#: called as ``judge(model, core)``; None without the compiled module: the method runs.
SUSPICIOUS_CORE = native.function("SuspiciousCore")
#: The compiled twin of :meth:`Model._search` (native/src/search.rs: the same cut points, the
#: same document words recorded, the same memo entries written), made for a model as
#: ``Search(model, BEGINS_PAIR, ENDS_PAIR)`` and called as ``search(model, cores, left, right)``;
#: None without the compiled module: the method runs.
SEARCH = native.function("Search")


GLUED_FORMS = Path(__file__).resolve().parent.parent.parent / "data" / "glued_forms.txt.gz"


def _word_table(path: Path) -> frozenset[str]:
    """The words of a table of ``textlint/data`` (comment lines, then one word a line), read
    at once, without a Python step per word: GzipFile's line by line read and a filter of
    each line took 1.5 ms of every run."""
    text = gzip.decompress(path.read_bytes()).decode("utf-8")
    while text.startswith("#"):
        text = text.partition("\n")[2]
    return frozenset(text.split())


@lru_cache(maxsize=1)
def glued_forms() -> frozenset[str]:
    """Web words that SCOWL's edited word lists lack but that are two of their words glued
    ("infact", "eachother"; built by scripts/build_glued_forms.py)."""
    return _word_table(GLUED_FORMS)


CLOSED_COMPOUNDS = GLUED_FORMS.with_name("closed_compounds.txt.gz")


@lru_cache(maxsize=1)
def closed_compounds() -> dict[str, None]:
    """Words of SCOWL's edited word lists that the lexicon does not know but could read as
    two of its words ("spellchecking", "analphabetic"; built by
    scripts/build_closed_compounds.py); ask it ``in`` (:func:`.untracked_set`)."""
    return untracked_set(_word_table(CLOSED_COMPOUNDS))


@dataclass(frozen=True)
class Params:
    """Weights of the model (log10 units); tuned on the dev sets, see docs/spacing.md."""

    unk_base: float = -6.0
    unk_cap_base: float = -6.0
    unk_per_char: float = 0.35
    ins_cost: float = 1.5
    camel_cost: float = -2.5
    del_cost: float = 1.5
    letter_join_cost: float = 3.0
    unk_join_cost: float = 1.0
    split_known_cost: float = 1.0
    seam_known_cost: float = 3.0
    known_split_zipf: float = 5.0
    frequent_zipf: float = 5.0
    frequent_join_cost: float = 2.0
    compound_cost: float = 1.0
    function_zipf: float = 5.5
    letter_join_zipf: float = 6.6
    bigram_weight: float = 1.0
    absent_weight: float = 1.0
    doc_weight: float = 1.0
    check_zipf: float = 4.0
    solid_zipf: float = 3.0
    #: two words (each of Zipf >= ``solid_zipf``) joined into a word rarer than this and than
    #: each of them are more likely the two words the author wrote: "tic tac" (no safe join)
    rare_join_zipf: float = 2.0
    #: a suffix that is a frequent word ("like", "able", "less", "ways") is cut off only
    #: after a word it forms a pair this strong with (log10 PMI): "would|like", "be|able"
    suffix_pair_pmi: float = 1.5
    #: a rare lexicon word is a glued pair (:meth:`Model.glued`) when the pair is this
    #: strong (log10 PMI) and this much more frequent written apart (log10)
    glued_pair_pmi: float = 1.0
    glued_ratio: float = 2.5
    #: the same for a word that no edited dictionary has (:func:`glued_forms`), whose own
    #: probability counts ``glued_form_discount`` (log10) less
    glued_form_pmi: float = 0.4
    glued_form_ratio: float = 1.2
    glued_form_discount: float = 1.0
    #: log10 odds for a lost space in a token that no dictionary knows when its two words make
    #: a phrase, not a compound (:mod:`.phrases`: "deplorableindeed"), and the Zipf from which
    #: a word of five letters or more of the tagger dictionary is a piece of one
    #: ("energy|busied", "Johnson|justly"; shorter ones need ``solid_zipf`` or, but for
    #: function words, ``frequent_zipf``: "now", not the "con" of "con|tuned")
    phrase_glued_cost: float = 2.0
    phrase_piece_zipf: float = 2.0
    safe_margin: float = 0.5
    #: a token the lexicon knows is cut safely only when its two words are written apart at
    #: least this much more often (log10): "upthe", "canbe", not "seeme"
    safe_glued_ratio: float = 3.0
    unsafe_margin: float = 0.0
    #: the document's rate of clear run-ons (gain >= strong_gain) per word that the margins
    #: assume, the weight of that assumption in words, and the bounds of the shift
    prior_rate: float = 0.01
    prior_words: float = 1000.0
    strong_gain: float = 3.0
    min_shift: float = -0.5
    max_shift: float = 2.5


@dataclass(slots=True)
class Token:
    start: int  # document offset of the core
    core: str
    trail: str
    lead: str


@dataclass(slots=True)
class Change:
    """One repair: the text of [start, end) becomes *new* by space edits only."""

    start: int
    end: int
    old: str
    new: str
    inserts: list[int] = field(default_factory=list)  # offsets where a space goes in
    deletes: list[tuple[int, int]] = field(default_factory=list)  # gaps that go
    gain: float = 0.0
    certain: bool = True  # False: a safe fix is never offered
    #: the evidence excludes every other reading (:meth:`Model.plain_glued`): safe at the
    #: margin that reports a change, not only at the wider safe one; None: not judged yet
    #: (:meth:`Model.sure` judges it where a fix's safety hangs on it, a few changes in a hundred)
    sure: bool | None = False

    @property
    def kind(self) -> str:
        return "split" if len(self.deletes) > len(self.inserts) else "runon"


#: A :class:`Change` as a memo keeps it (:func:`change_record`): its fields, the offsets in
#: tuples. A tuple of strings and numbers is one the cyclic collector stops walking, where a
#: Change and its two lists stay tracked for good (the line memo of a pass over
#: ``bench/cleanup.py``'s articles kept ~7,000 such objects that every full collection walked).
ChangeRecord = tuple[int, int, str, str, tuple[int, ...], tuple[tuple[int, int], ...], float, bool, bool | None]


def change_record(change: Change) -> ChangeRecord:
    """*change* as a memo keeps it (:func:`change_at` makes it again)."""
    return (change.start, change.end, change.old, change.new, tuple(change.inserts), tuple(change.deletes),
            change.gain, change.certain, change.sure)


def change_at(record: ChangeRecord, delta: int) -> Change:
    """The change that *record* keeps (:func:`change_record`), *delta* code points further on."""
    start, end, old, new, inserts, deletes, gain, certain, sure = record
    return Change(start + delta, end + delta, old, new, [p + delta for p in inserts],
                  [(a + delta, b + delta) for a, b in deletes], gain, certain, sure)


def plain_parts(chunk: str) -> tuple[str, str, str] | None:
    """The groups of :data:`PLAIN` in *chunk* (opening marks, letters, closing marks), None when
    it does not match the whole chunk. Most chunks are letters between marks, which string
    methods split as the pattern does (the marks are no letters, and the letters no marks):
    the pattern (1.4 µs a call) reads the others only ("Putin's", "re-elect", "1990s"). (Most
    chunks of all are letters alone, which :meth:`Model.chunk` tells without a call.)"""
    rest = chunk.lstrip(OPENING_MARKS)
    core = rest.rstrip(CLOSING_MARKS)
    if core.isalpha():  # (the letters of PLAIN's \p{L}, as str.isalpha tells them)
        return chunk[:len(chunk) - len(rest)], core, rest[len(core):]
    m = PLAIN.fullmatch(chunk)
    return None if m is None else m.group(1, 2, 3)


def camel_seam(s: str, p: int) -> bool:
    """Whether position *p* of *s* is a lowercase→uppercase seam ("CubaPutin", "UNSecurity")."""
    if not (0 < p < len(s)) or not s[p].isupper():
        return False
    return s[p - 1].islower() or (s[p - 1].isupper() and p + 1 < len(s) and s[p + 1].islower()
                                  and any(c.isupper() for c in s[:p - 1] or s[p - 1]))


#: Memo tables shared by every document of the process, per lexicon and weights. An entry
#: is (value, deps): the document words whose counts swayed the value, with those counts
#: ("" stands for the document's word total), so that it holds for any document (or a
#: later fix round of the same one) where they are unchanged.
_SHARED: dict[tuple[Lexicon, Params], dict[str, dict]] = {}
#: Entries of all the tables of a lexicon and weights beyond which they start afresh (a
#: long-running process or a run over many files: memory stays bounded).
SHARED_CACHE_SIZE = 2_000_000
#: The deps of a memo entry: the dict of words and counts that its computation filled, kept as
#: it is (:meth:`Model.memo`; a flat tuple of it cost ~1.3 % of a run to build and read). A dict
#: of strings and numbers is one that the cyclic garbage collector never tracks (the entry that
#: holds it is one tracked tuple).
Deps = dict[str, int]
#: :meth:`Model.chunk`'s answer: lead, core, trail, suspicious, firm, starts, ends, no_word.
ChunkInfo = tuple[str, str, str, bool, bool, bool, bool, bool]
#: A token may be no word when the lexicon gives it less than this (Zipf) and the tagger
#: dictionary does not know it (:meth:`Model.may_be_no_word`).
NO_WORD_ZIPF = 2.5
#: The flags of a chunk's answer that the same chunk with marks around it shares: suspicious,
#: firm, no_word.
_CORE_FLAGS = itemgetter(3, 4, 7)


def clear_shared_caches() -> None:
    """Forget what earlier documents taught this process (benchmarks time cold passes)."""
    _SHARED.clear()


def shared_tables(lexicon: Lexicon, params: Params) -> dict[str, dict]:
    """The process-wide memo tables for this lexicon and these weights, by name; all of them
    start afresh once they hold more than :data:`SHARED_CACHE_SIZE` entries (a table taken
    before stays as it is for whoever holds it). (The key hashes the weights, ~40 numbers:
    a model takes the tables once, not once per table.)"""
    tables = _SHARED.setdefault((lexicon, params), {})
    if sum(map(len, tables.values())) > SHARED_CACHE_SIZE:
        tables.clear()
    return tables


def shared_table(lexicon: Lexicon, params: Params, name: str) -> dict:
    """The process-wide memo table *name* for this lexicon and these weights (:func:`shared_tables`)."""
    return shared_tables(lexicon, params).setdefault(name, {})


#: The compiled table of quiet chunks (``native/src/quiet.rs``: a dict's ``get``, ``[]``, ``in``,
#: ``len`` and ``items``, keyed in Rust by a chunk's UTF-8, which the compiled :func:`judge_line`
#: reads without a Python str each), or None without ``textlint_native``
QUIET_CHUNKS = native.function("QuietChunks")

#: ``(value, deps)``, a memo entry (:meth:`Model.memo`), made untracked by the cyclic collector
#: where no cycle can pass through it (:func:`.untracked.memo_entry_py`); None without
#: ``textlint_native`` (the tuple is made in place)
MEMO_ENTRY = native.function("memo_entry")

#: The class of the chunks of a line that the compiled :func:`judge_line` hands back
#: (``native/src/linechunks.rs``: a sequence of str, each made when asked), or None
LINE_CHUNKS = native.function("LineChunks")


def quiet_table() -> dict:
    """A new table of the chunks quiet in every document (:attr:`Model._quiet`): compiled when
    ``textlint_native`` has it (its :func:`judge_line` requires it), else a dict."""
    return {} if QUIET_CHUNKS is None else QUIET_CHUNKS()


def vocabulary_of(doc: Document) -> Counter[str]:
    """How often each word occurs in the prose of *doc* (code and URLs do not vouch for a word)."""
    return doc.vocabulary


def margin_shift(changes: list[Change], words: int, p: Params) -> float:
    """How far a document's own rate of clear run-ons moves the margins (log10 odds).

    A lost space is likelier in a text that has lost many: the margins assume
    ``p.prior_rate`` clear run-ons per word and move by log10(prior rate / the
    document's rate), the posterior mean with the prior worth ``p.prior_words``
    words. A long text with hardly any clear run-on (clean prose, a paper whose rare
    compounds are its authors': "worldvolume", "lengthscale") asks more of every change;
    a short one stays near the prior; a heavily corrupted one asks less. A change that
    joins a letter alone ("M onotone", "E i") does not count: in a paper it is as
    likely a formula's spacing as a lost one."""
    strong = sum(1 for c in changes if c.gain >= p.strong_gain and min(map(len, c.old.split())) > 1)
    rate = (strong + p.prior_rate * p.prior_words) / (words + p.prior_words)
    return min(p.max_shift, max(p.min_shift, math.log10(p.prior_rate / rate)))


class Model:
    """Scores segmentations of token windows with a lexicon and a document vocabulary."""

    def __init__(self, lexicon: Lexicon, vocabulary: dict[str, int], total_words: int,
                 params: Params | None = None) -> None:
        self.lex = lexicon
        self.vocab = vocabulary
        # in steps of ~9 %, so that a fix round that adds a few words keeps every memo valid
        self.total = round(2 ** (round(math.log2(max(total_words, 1)) * 8) / 8))
        self.p = params or Params()
        self._shared = shared_tables(lexicon, self.p)
        table = self.table
        self._lex_logp: dict[str, float | None] = table("logp")
        self._zipf_get = lexicon.zipf_table().get
        self._pmi_get = lexicon.pmi_table().get
        self._sides_get = lexicon.pair_sides_table().get
        self._glued_forms = glued_forms()
        self._lex_words: dict[str, tuple[str, float, bool, bool] | None] = table("words")
        self._pairs: dict[tuple[str, str], float] = table("pairs")
        self._chunks: dict[str, tuple] = table("chunks")
        #: chunks that are no word, or a firm word that is not suspicious, in any document, with
        #: their :meth:`chunk` answer: a line of them needs nothing more
        self._quiet: dict[str, tuple | None] = self._shared.setdefault("quiet", quiet_table())
        self._joinable: dict[tuple[str, str], tuple] = table("joinable")
        self._best: dict[tuple, tuple] = table("best")
        self._features: dict[str, tuple] = table("features")
        self._doc_logp: dict[tuple[str, bool, int], float | None] = {}
        #: chunks whose :meth:`chunk` entry some document word swayed, as validated in this
        #: document (whose words keep their counts): read without :meth:`valid`
        self._judged: dict[str, tuple] = {}
        #: the document words that swayed the value being computed (see :meth:`memo`); outside
        #: every memo, those of no value: what is asked there is recorded here and goes no further
        self._hits: dict[str, int] = {}
        self._root_hits = self._hits
        #: :meth:`_suspicious_core` compiled for this model (:data:`SUSPICIOUS_CORE`), or None
        self._suspicious_native = None if SUSPICIOUS_CORE is None else SUSPICIOUS_CORE(
            self, CONTEXT_BOUND, LETTER_WORDS, BEGINS_PAIR, ENDS_PAIR)
        #: :meth:`_search` as :meth:`best` runs it: compiled for this model (:data:`SEARCH`)
        #: when the module has it, called as ``search(model, cores, left, right)``
        self._searcher = Model._search if SEARCH is None else SEARCH(self, BEGINS_PAIR, ENDS_PAIR)

    # memos -----------------------------------------------------------------------
    def table(self, name: str) -> dict:
        """The process-wide memo table *name* of this model's lexicon and weights
        (:func:`shared_tables`)."""
        return self._shared.setdefault(name, {})

    def valid(self, deps: Deps) -> bool:
        """Whether the document words *deps* have the counts they had (see :meth:`memo`)."""
        get, total = self.vocab.get, self.total
        for w, c in deps.items():
            if (get(w, 0) if w else total) != c:
                return False
        return True

    def memo(self, table: dict, key, compute, *args):
        """``compute(*args)``, remembered in *table* under *key* with the document words
        that swayed it; a later call (in any document) reuses it while their counts hold.
        (A method passed as a function with the model among *args*, ``Model._chunk, self,
        chunk``, makes no bound method object at every call, as ``self._chunk`` does.) The
        entry's deps are the dict the computation filled, which nothing writes once it returns;
        they go to the value being computed around this one, if any."""
        entry = table.get(key)
        if entry is not None:
            value, deps = entry
            if not deps:
                return value
            if self.valid(deps):
                self._hits.update(deps)
                return value
        outer = self._hits
        hits = self._hits = {}
        try:
            value = compute(*args)
        finally:
            self._hits = outer
        if hits:
            if outer is not self._root_hits:  # (no value encloses an outermost one)
                outer.update(hits)
        else:
            hits = ()
        table[key] = (value, hits) if MEMO_ENTRY is None else MEMO_ENTRY(value, hits)
        return value

    def document_count(self, word: str) -> int:
        """How often the document writes *word* (a dependency of the value being computed, as
        :meth:`known` records it: see :meth:`memo`)."""
        count = self._hits[word] = self.vocab.get(word, 0)
        return count

    # word scores ---------------------------------------------------------------
    def known(self, word: str, original: bool = False, joined: bool = False) -> float | None:
        """log10 P(word) when the lexicon or the document knows it, else None.

        The document counts when the word occurs elsewhere in it (*original*: this
        occurrence is in the text and does not count), except for a word made by
        *joining* tokens: a corrupt text repeats its own run-ons."""
        lp = self._lex_logp.get(word, False)  # lex_logp(word), its memo read inline
        if lp is False:
            lp = self.lex_logp(word)
        if joined or len(word) < 3 or lp is not None and not word[0].isupper():
            return lp
        raw = self.vocab.get(word, 0)
        count = raw - original
        hits = self._hits
        hits[word] = raw  # an absent word sways the value too: it must stay absent
        if count > 0:
            hits[""] = self.total
            key = (word, original, count)
            v = self._doc_logp.get(key, False)
            if v is False:
                v = self._doc_logp[key] = self._with_document(word, lp, count, original)
            return v
        return lp

    def lex_logp(self, word: str) -> float | None:
        """log10 P(word) by the lexicon alone (memo). A glued form that no dictionary has
        (:func:`glued_forms`, :meth:`glued`) counts ``Params.glued_form_discount`` less: much
        of its web frequency is the pair written without its space."""
        lp = self._lex_logp.get(word, False)
        if lp is False:
            lower = word.lower()
            lp = self._lexicon_logp(word, lower, self._zipf_get(lower, 0))  # Lexicon.zipf
        return lp

    def _lexicon_logp(self, word: str, lower: str, zipf: int) -> float | None:
        """:meth:`lex_logp` of *word*, whose lowercase form *lower* has Zipf * 100 *zipf* in
        the lexicon's word table (0: none), remembered."""
        lp = zipf / 100 - 9 if zipf > 0 else None
        # (the glued forms are lowercase: a word whose lowercase form is none is none)
        if lp is not None and lower in self._glued_forms and self._glued_form(word, lp):
            lp -= self.p.glued_form_discount
        self._lex_logp[word] = lp
        return lp

    def known_above(self, word: str, floor: float, original: bool = False) -> bool:
        """Whether :meth:`known` gives *word* at least *floor*. The document only raises a
        word's probability, so the lexicon answers first and no document word sways a yes."""
        lp = self.lex_logp(word)
        if lp is not None and lp >= floor:
            return True
        lp = self.known(word, original)
        return lp is not None and lp >= floor

    def _with_document(self, word: str, lp: float | None, count: int, original: bool) -> float | None:
        # (a seam is a capital after the first letter: none in "Blunkett", whose rest is lowercase)
        if original and not word[1:].islower() and any(camel_seam(word, q) for q in range(1, len(word))):
            return lp  # a run-on glued at a capital repeats in a corrupt text: "VladimirPutin:"
        if original and lp is None and self._function_glued(word):
            return lp  # and so does a word glued to a function word: "Americato" twice
        doc = math.log10(count * self.p.doc_weight / self.total)
        return doc if lp is None else max(lp, doc)

    def _function_glued(self, word: str) -> bool:
        """Whether *word* is a word the lexicon knows well (Zipf >= ``solid_zipf``) glued to a
        lowercase function word of two letters or more ("Americato", "Putinin", "ofRussia"):
        the document's own count of such a token, when the lexicon does not know it, vouches
        for nothing ("Kashmiris" is a word the lexicon knows)."""
        solid = self.p.solid_zipf
        for k in range(2, len(word) - 1):
            head, tail = word[:k], word[k:]
            if (tail.islower() and tail in FUNCTION_WORDS and len(head) > 2 and self.lex.zipf(head) >= solid
                    or head.islower() and head in FUNCTION_WORDS and len(tail) > 2 and self.lex.zipf(tail) >= solid):
                return True
        return False

    def unknown(self, word: str) -> float:
        base = self.p.unk_cap_base if word[0].isupper() else self.p.unk_base
        return base - self.p.unk_per_char * len(word)

    def logp(self, word: str, original: bool = False) -> float:
        lp = self.known(word, original)
        return self.unknown(word) if lp is None else lp

    def pair(self, first: str | None, second: str | None) -> float:
        """Association of two adjacent words (0 when unknown or at a window edge)."""
        if first is None or second is None:
            return 0.0
        key = (first, second)
        v = self._pairs.get(key)
        if v is None:
            v = self._pairs[key] = self.pair_of(self.lex_word(first), self.lex_word(second))
        return v

    def lex_word(self, word: str) -> tuple[str, float, bool, bool] | None:
        """(lowercase form, log10 P, whether it begins a pair of the list, whether it ends one)
        of a word the lexicon knows, else None (memo)."""
        v = self._lex_words.get(word, False)
        if v is False:
            lp = self.known(word, joined=True)
            v = self._lex_words[word] = None if lp is None else self._lexicon_word(word, lp)
        return v

    def _lexicon_word(self, word: str, lp: float) -> tuple[str, float, bool, bool]:
        """:meth:`lex_word` of a word the lexicon gives log10 P *lp* (not remembered)."""
        lower = word.lower()
        sides = self._sides_get(lower, 0)  # Lexicon.pair_sides
        return lower, lp, bool(sides & BEGINS_PAIR), bool(sides & ENDS_PAIR)

    def pmi_of(self, first: tuple[str, float, bool, bool], second: tuple[str, float, bool, bool]) -> int | None:
        """PMI * 100 of two :meth:`lex_word` results, None when the pair is not in the list:
        looked up only when the first word begins a pair of the list and the second ends one
        (most pairs of the lattice fail that test; the search has this inline)."""
        return self._pmi_get(f"{first[0]} {second[0]}") if first[2] and second[3] else None

    def pair_of(self, first: tuple[str, float, bool, bool] | None,
                second: tuple[str, float, bool, bool] | None) -> float:
        """:meth:`pair` of two :meth:`lex_word` results; the pair list holds known words only
        (the lattice search has this inline)."""
        if first is None or second is None:
            return 0.0
        pmi = self.pmi_of(first, second)
        if pmi is not None:
            return self.p.bigram_weight * (pmi / 100)
        return self.p.absent_weight * min(0.0, self.lex.bigram_floor - first[1] - second[1])

    def score(self, words: list[str], left: str | None, right: str | None,
              originals: set[str] = frozenset()) -> float:
        """Score of *words* between the context words; *originals* are the window's tokens. (The
        usual answers are read inline: :meth:`logp` of a word the lexicon has that is not
        capitalised, which is its remembered :meth:`lex_logp`, and a :meth:`pair` remembered.)"""
        lex_logp_get, pairs_get = self._lex_logp.get, self._pairs.get
        total, prev = 0.0, left
        for w in words:
            lp = lex_logp_get(w)
            if lp is None or w[0].isupper():
                lp = self.logp(w, w in originals)
            if prev is None:
                pair = 0.0
            else:
                pair = pairs_get((prev, w))
                if pair is None:
                    pair = self.pair(prev, w)
            total += lp + pair
            prev = w
        return total + self.pair(prev, right)

    def certain_cut(self, s: str, q: int, words: list[str], token: str) -> bool:
        """Whether a new space at *q* (inside *token*) may be fixed safely: right in every
        context (docs/safe-fixes.md). Not between two capitals: camel-case names
        ("DoubleClick", "AllMusic", "PaperRank") cannot be told from glued names ("CubaPutin")
        by a lexicon; a lowercase word glued to a capitalised one only when the left piece is
        a function word, or a word of the dictionary and the right one a name ("inChina",
        "performerNina"; identifiers glue common words: "onClick", "backgroundColor"; a
        stylised name glues letters: "tyPoland"). Not in a capitalised token, which may be
        a name ("Goodricksaid"), unless one piece is a function word and the other a word (no
        name ends or starts with a function word glued to it: "Americato", "Thealbum"; "Bethe"
        is two function words). A token the lexicon knows is cut safely only when its two
        words are written apart far more often (``Params.safe_glued_ratio``): "upthe", "canbe"
        are run-ons, but "seeme" is a period spelling of "seem" and "ofa" may be a typo of "of"."""
        pos, k = 0, 0
        while pos + len(words[k]) < q:
            pos += len(words[k])
            k += 1
        left, right = words[k], words[k + 1]
        if camel_seam(s, q):
            # a lowercase word glued to a name ("inChina", "performerNina"); identifiers glue
            # common words ("onClick", "toString", "backgroundColor") and stay unsafe
            # ("tyPoland" is a stylised name: its left piece is no word of the dictionary)
            return left.islower() and (left in FUNCTION_WORDS or bool(wc.tags(left))
                                       and not get_casing().normally_lowercase(right))
        if token[0].isupper() and not (self._word_and_function_word(left, right)
                                       or self._function_words_glued(token, left, right)):
            return False  # "Goodricksaid", "Clearskies", "Bethe" (a name of two function words)
        zipf = self.lex.zipf(token)
        if zipf == 0.0:
            return True
        apart = self._apart(token, left, right)
        return apart is not None and apart >= self.p.safe_glued_ratio

    def _apart(self, token: str, left: str, right: str) -> float | None:
        """log10 of how much more often *left* and *right* are written apart than as *token*
        (None when they form no pair of the web counts)."""
        pmi = self.lex.pmi(left, right)
        if pmi is None:
            return None
        return self.lex.zipf(left) + self.lex.zipf(right) - 9 + pmi - self.lex.zipf(token)

    def sure(self, change: Change) -> bool:
        """:attr:`Change.sure`, judged (once) when still unknown."""
        if change.sure is None:
            change.sure = self.plain_glued(change.old, change.new)
        return change.sure

    def plain_glued(self, old: str, new: str) -> bool:
        """Whether a split of a lowercase token into a function word and a word (``old`` ->
        ``new``) has no other reading: the token is no word (the lexicon and LanguageTool's
        tagger dictionary do not know it) while the other piece is one (of three letters or
        more, in the dictionary), it cannot be a name (lowercase, and no name starts or ends
        with a function word), and it is no typo of a word (no word of Zipf >=
        ``solid_zipf`` but its two pieces is one edit away: "socity" may be "society",
        "onmy" "only", "broadcastin" "broadcasting"). Such a split ("usageswould",
        "accentbeing", "theobserver") is safe at the margin that reports it."""
        words = new.split(" ")
        if len(words) != 2 or " " in old or not (old.isalpha() and old.islower()):
            return False
        if self.lex.zipf(old) > 0.0 or wc.tags(old):
            return False
        closed = [w in FUNCTION_WORDS for w in words]
        if closed[0] == closed[1]:
            return False
        word = words[closed.index(False)]
        return len(word) > 2 and bool(wc.tags(word)) and not self.typo_of_word(old, words)

    def typo_of_word(self, token: str, pieces: list[str]) -> bool:
        """Whether a word the lexicon knows well (Zipf >= ``solid_zipf``), other than
        *pieces*, is one edit (a deletion, insertion, substitution or transposition of
        letters) away from *token*."""
        if token.isascii():  # (its strings are asked as they are written)
            # (only the edits that may make such a word: those within the reach of its ends into them)
            ordered = self.lex.ordered_words_from(self.p.solid_zipf)
            if ordered is None:
                return not self._solid_among(list(one_edit_strings(token))).issubset(pieces)
            return _typo_of_ascii_word(token, pieces, self.lex.words_from(self.p.solid_zipf, 0), *ordered)
        candidates = {w.lower() for w in one_edit(token).difference(pieces)}  # (Lexicon.zipf's key)
        return bool(self._solid_among(candidates))

    def _solid_among(self, strings: Collection[str]) -> set[str]:
        """Those of *strings* that are words of Zipf >= ``solid_zipf``: asked of the set of such
        words once the run has asked enough strings to make it pay (:meth:`.Lexicon.words_from`),
        else of the table."""
        solid = self.lex.words_from(self.p.solid_zipf, len(strings))
        if solid is not None:
            return solid.keys() & strings
        zipf_get, floor = self._zipf_get, self.p.solid_zipf
        return {s for s in strings if zipf_get(s, 0) / 100 >= floor}

    def _word_and_function_word(self, left: str, right: str) -> bool:
        """Whether one piece is a function word and the other a word of three letters or more
        that is none ("America|to", "The|album"; not "Be|the", "Goodrick|said")."""
        a, b = left.lower() in FUNCTION_WORDS, right.lower() in FUNCTION_WORDS
        other = right if a else left
        return a != b and len(other) > 2 and self.lex.zipf(other) >= self.p.solid_zipf

    def _function_words_glued(self, token: str, left: str, right: str) -> bool:
        """Whether *token* is two closed-class words of two letters or more glued, six letters
        or more, and no word or name: the lexicon does not know it, or LanguageTool's tagger
        dictionary has it in no case and the two words are written apart far more often
        (``Params.safe_glued_ratio``): "Sincethis", "Whenshe", "Itwould" (the names vouch for
        the short and the known ones: "Bethe", "Asher", "Willis")."""
        if not (left + right == token and len(token) >= MIN_FUNCTION_PAIR and len(left) > 1
                and len(right) > 1 and left.lower() in CLOSED_WORDS and right in CLOSED_WORDS):
            return False
        if self.lex.zipf(token.lower()) == 0.0:
            return True
        if wc.tags(token) or wc.tags(token.lower()):
            return False
        apart = self._apart(token.lower(), left.lower(), right)
        return apart is not None and apart >= self.p.safe_glued_ratio

    def certain_join(self, word: str, pieces: list[str]) -> bool:
        """Whether joining *pieces* into *word* may be fixed safely: never when each piece is a
        word by itself (:meth:`lex_frequent`, or a two-letter word as frequent as a function
        word: "re ally", "be en", "Robins on": the author may mean two words), nor when each
        piece is a word by its length and frequency (:meth:`_rarer_than_pieces`) and the joined
        word is rarer than every piece ("tic tac" is no "tictac"; a split word is commoner
        than its fragments: "detect ive", "pres ent"), nor when two make a short rare word, more
        likely letters of a formula ("c a", "k b", "ef f") than a word; letter-spaced text
        joins three or more ("a r c")."""
        if all(self.lex_frequent(p) or len(p) == 2 and self.lex.zipf(p) >= self.p.function_zipf
               for p in pieces):
            return False
        if self._rarer_than_pieces(word, pieces):
            return False
        return len(word) > 3 or len(pieces) > 2 or self.lex.zipf(word) >= self.p.frequent_zipf

    def _rarer_than_pieces(self, word: str, pieces: list[str]) -> bool:
        """Whether each piece is of three letters or more and as common as a word (Zipf >=
        ``solid_zipf``) and *word* is a rare word (Zipf < ``rare_join_zipf``), rarer than each
        of them ("tictac", "foobar"; an ending split off is no word by itself: "railway s",
        "paths diverge d"; a rare name split into common fragments is a word still:
        "Imo gen", "Mer ion")."""
        if min(map(len, pieces)) < 3:
            return False
        zipf = self.lex.zipf(word)
        return zipf < self.p.rare_join_zipf and all(zipf < self.lex.zipf(p) and self.lex.zipf(p) >= self.p.solid_zipf
                                                     for p in pieces)

    def cost(self, s: str, changed: list[int], old: set[int]) -> float:
        """The cost of changing the spaces at *changed* positions of the window string."""
        total = 0.0
        for q in changed:
            if q in old:
                total += self.p.del_cost
            elif camel_seam(s, q):
                total += self.p.camel_cost
            else:
                total += self.p.ins_cost
        return total

    # suspicion -------------------------------------------------------------------
    def chunk(self, chunk: str) -> ChunkInfo | None:
        """(lead, core, trail, suspicious, firm, starts, ends, no_word) of a plain chunk, None
        for any other (cached); *firm*: :meth:`lex_frequent`, so that two firm words are no pair
        to join; *starts*, *ends*: whether the chunk may be the first, the second of a pair that
        joins (:func:`_joinable_pairs`): no marks on that side, and neither all capitals but a
        letter word ("UN", not "I") first nor a capital second ("the McLetchie"); *no_word*:
        whether the chunk, its marks stripped, :meth:`may_be_no_word` (where
        :func:`.moved.moved_spaces` may move a space: :attr:`JudgedLine.no_words`)."""
        entry = self._chunks.get(chunk)
        if entry is not None and not entry[1]:
            return entry[0]
        return self.memo(self._chunks, chunk, Model._chunk, self, chunk)

    def _chunk(self, chunk: str) -> ChunkInfo | None:
        # a word without marks, most chunks (no mark is a letter), else plain_parts
        parts = ("", chunk, "") if chunk.isalpha() else plain_parts(chunk)
        if parts is None:
            return None  # not a word
        lead, core, trail = parts
        if len(core) > MAX_TOKEN:
            return None  # a sequence, a code, a hash
        if core != chunk:  # the core's own entry: punctuation aside, the same word
            suspicious, firm, no_word = _CORE_FLAGS(self.chunk(core))
            # (but for a possessive: "xqv's" stripped of its marks keeps its "'s")
            no_word = no_word and "s" not in trail
        else:
            suspicious, firm, no_word = self.suspicious(core), self.lex_frequent(core), self.may_be_no_word(core)
        return (lead, core, trail, suspicious, firm,
                not trail and not (core.isupper() and core not in LETTER_WORDS),
                not lead and not core[0].isupper(), no_word)

    def may_be_no_word(self, core: str) -> bool:
        """Whether *core* is two ASCII letters or more, only its first letter may be a capital,
        rare in the lexicon (below :data:`NO_WORD_ZIPF`) and unknown to the tagger dictionary in
        any case: a token that may be no word (its shape first: most cores of the wrong shape or
        as common as a word cost no lookup of the dictionary)."""
        return (len(core) >= 2 and core.isascii() and core.isalpha() and core[1:].islower()
                and self._zipf_get(lower := core.lower(), 0) / 100 < NO_WORD_ZIPF and not wc.known_in_any_case(core, lower))

    def pair_joinable(self, first: str, second: str) -> bool:
        """:meth:`joinable`, cached."""
        key = (first, second)
        entry = self._joinable.get(key)
        if entry is not None and not entry[1]:
            return entry[0]
        return self.memo(self._joinable, key, Model.joinable, self, first, second)

    def lex_frequent(self, core: str) -> bool:
        """:meth:`frequent_word` by the lexicon alone (true in every document)."""
        return len(core) > 2 and self._zipf_get(core.lower(), 0) / 100 >= (  # Lexicon.zipf
            self.p.solid_zipf if len(core) > 3 else 4.5)

    def suspicious(self, core: str) -> bool:
        """Whether a token may need a space inside it: cheap bounds before the lattice
        (remembered with the core's :meth:`chunk`)."""
        if len(core) == 1:
            return core not in LETTER_WORDS
        judge = self._suspicious_native
        return self._suspicious_core(core) if judge is None else judge(self, core)

    def _suspicious_core(self, core: str) -> bool:
        """Whether the best cut of *core* in two, without context, comes within what
        context can add (:data:`CONTEXT_BOUND`) of beating it: an upper bound of what the
        lattice can find inside the token."""
        p = self.p
        frequent = p.check_zipf - 9
        lp = self._lex_logp.get(core, False)  # known_above(core, frequent, True), inline
        if lp is False:
            lp = self.lex_logp(core)
        if lp is not None and lp >= frequent:
            return False  # frequent words are left alone
        if lp is None or core[0].isupper():  # (else known() is the lexicon's answer)
            lp = self.known(core, True)
            if lp is not None and lp >= frequent:
                return False
        need = (self.unknown(core) if lp is None else lp) + p.unsafe_margin - CONTEXT_BOUND
        pair_max = max(0.0, p.bigram_weight * self.lex.pmi_max)
        lex_get = self._lex_logp.get  # (lex_logp and known, asked less often, are called as
        # methods: a bound method kept here would be made at every judgment)
        # known()'s document lookups, inline: nothing in the loop runs a memo, so the
        # dependencies go to the table of this judgment
        vocab_get, hits = self.vocab.get, self._hits
        n, capital, lowercase = len(core), core[0].isupper(), core.islower()
        pmi_get, sides_get, floor = self._pmi_get, self._sides_get, self.lex.bigram_floor
        zipf_get = self._zipf_get
        bigram_weight, absent_weight = p.bigram_weight, p.absent_weight
        left_unknown = p.unk_cap_base if capital else p.unk_base  # unknown(left) less its length
        per_char = p.unk_per_char
        # a cut leaves no letter alone but a word ("a", "I")
        first = 1 if core[0] in LETTER_WORDS else 2
        last = n - 1 if core[-1] in LETTER_WORDS else n - 2
        seam = False  # (a lowercase core has none)
        for c in range(first, last + 1):
            if not lowercase:
                seam = core[c].isupper() and camel_seam(core, c)
                if (core[c - 1].isupper() or core[c].isupper()) and not seam:
                    continue  # (so the right piece is capitalised at a seam only)
            left, right = core[:c], core[c:]
            # the lexicon's log10 P of each piece, then :meth:`known` where the document may
            # raise it: a piece of three letters or more that the lexicon lacks, or that is
            # capitalised, is looked up in the document (a dependency even when absent)
            # (a piece the lexicon lacks, as most are, is answered by the word table alone:
            # lex_logp is None for it, and its memo is left to the pieces that are words,
            # remembered from the table's answer: lex_logp would ask it again)
            ll, rl = lex_get(left, False), lex_get(right, False)
            if ll is False:
                lower = left if lowercase else left.lower()
                z = zipf_get(lower, 0)
                ll = self._lexicon_logp(left, lower, z) if z > 0 else None
            if rl is False:
                lower = right if lowercase else right.lower()
                z = zipf_get(lower, 0)
                rl = self._lexicon_logp(right, lower, z) if z > 0 else None
            lk, rk = ll, rl
            if c > 2 and (ll is None or capital):
                count = hits[left] = vocab_get(left, 0)
                if count > 0:
                    lk = self.known(left)
            if n - c > 2 and (rl is None or seam):
                count = hits[right] = vocab_get(right, 0)
                if count > 0:
                    rk = self.known(right)
            if lk is None and rk is None:
                continue
            score = ((left_unknown - per_char * c if lk is None else lk)
                     + ((p.unk_cap_base if seam else p.unk_base) - per_char * (n - c) if rk is None else rk)
                     - (p.camel_cost if seam else p.ins_cost))
            if ll is None or rl is None:
                if score >= need:  # the pair list holds lexicon words only (:meth:`pair_of`)
                    return True
            elif score + pair_max >= need:
                # pair_of(lex_word(left), lex_word(right)), inline
                if not lowercase:
                    left, right = left.lower(), right.lower()  # (as the pair list writes them)
                pmi = pmi_get(f"{left} {right}") if sides_get(left, 0) & BEGINS_PAIR and \
                    sides_get(right, 0) & ENDS_PAIR else None
                if pmi is not None:
                    score += bigram_weight * (pmi / 100)
                else:  # below the list's floor: min(0.0, gap), without the cost of a call
                    gap = floor - ll - rl
                    score += absent_weight * (gap if gap < 0.0 else 0.0)
                if score >= need:
                    return True
        return False

    def joinable(self, first: str, second: str) -> bool:
        """Whether two neighbouring tokens may be one word: together they are a word
        that beats the two ("gov ernment"), or neither is a word by itself and they
        look like fragments ("evergr een", "f amiliy"). The joined word is asked first:
        most pairs make no word, and the shape of fragments is cheaper to test than
        whether a token is a word (a frequent word is one)."""
        if second[0].isupper() or first.isupper() and first not in LETTER_WORDS:
            return False
        joined = self.known(first + second, joined=True)
        if joined is None:
            return self._unknown_join([first, second]) and not (self.solid(first) or self.solid(second))
        if self.frequent_word(first) and self.frequent_word(second):
            return False
        apart = self.logp(first, True) + self.logp(second, True) + self.pair(first, second)
        return joined - self.p.del_cost - apart + CONTEXT_BOUND >= self.p.unsafe_margin

    def solid(self, core: str) -> bool:
        """A token that is a word by itself, known to the lexicon or the document (never
        part of an unknown word); a capital letter alone is an initial or a variable."""
        return self._lexicon_solid(core) or len(core) > 1 and self.known(core, True) is not None

    def _lexicon_solid(self, core: str) -> bool:
        """:meth:`solid` by the lexicon alone (true in every document)."""
        if len(core) == 1:
            return core.isupper() or core in LETTER_WORDS
        return self.lex_logp(core) is not None

    def may_be_fragments(self, first: str, second: str) -> bool:
        """Whether two tokens that make no lexicon word together may join in some document
        (:meth:`joinable`): they have the shape of fragments (:meth:`_unknown_join`) and
        neither is a word by the lexicon alone (else :meth:`solid` in every document)."""
        return self._unknown_join([first, second]) and not (
            self._lexicon_solid(first) or self._lexicon_solid(second))

    def frequent_word(self, core: str) -> bool:
        """A word common enough that two of them stay two words ("song writer");
        rare forms in the lexicon ("evid", "ence") are often fragments."""
        if len(core) < 3:
            return False
        return self.known_above(core, (self.p.solid_zipf if len(core) > 3 else 4.5) - 9, True)

    def content(self, word: str | None) -> bool:
        """A long word that is not among the most frequent (function) words."""
        return word is not None and len(word) > 3 and self.lex.zipf(word) < self.p.function_zipf

    def cuttable(self, core: str) -> bool:
        """Whether a token may be cut: not a frequent word, not all capitals, not an
        identifier ("parseHTTPResponse", "getElementById": lowercase, then capitals), in
        the Latin script."""
        if core.isupper() or core[0].islower() and not core.islower() and sum(c.isupper() for c in core) > 1:
            return False  # (a lowercase word has no capital to count)
        if not (core.isascii() or LATIN.fullmatch(core)):  # (ASCII letters are Latin)
            return False  # the lexicon is English: other scripts are left as they are
        return not self.known_above(core, self.p.check_zipf - 9, True)

    @staticmethod
    def _piece_ok(w: str, starts_token: bool, ends_token: bool, seam_before: bool,
                  seam_after: bool) -> bool:
        """Whether a word cut out of a token is a plausible word: not a bare prefix or
        suffix ("ultra|low", "light|like", "selection|al"), and no sliver of a camel-case
        name ("In|As")."""
        lower = w.lower()
        if starts_token and not ends_token and not seam_after and lower in PREFIXES:
            return False
        if ends_token and not starts_token and not seam_before and lower in SUFFIXES:
            return False
        if seam_before and len(w) < 3 and w not in LETTER_WORDS:
            return False
        if seam_after and len(w) < 3 and not (len(w) == 2 and (w.isupper() or w in TITLES or (
                w.islower() and w not in PREFIXES_SHORT)) or w in LETTER_WORDS):
            return False  # "inChina", "UNSecurity", "MrPutin", "aUsenet"; not "InAs", "eBay", "biLipschitz"
        return True

    @staticmethod
    def _unknown_join(pieces: list[str]) -> bool:
        """Whether fragments may form an unknown word: Latin letters, a short piece among
        them, two pieces ("evergr een", "Sokołó w"; not "ξ κ", "Kassina cassinoides")."""
        if len(pieces) != 2:
            return False
        a, b = pieces
        return min(len(a), len(b)) <= 3 <= max(len(a), len(b)) and all(
            x.isascii() or LATIN.fullmatch(x) for x in pieces)  # (ASCII letters are Latin)

    # search ------------------------------------------------------------------------
    def best(self, cores: list[str], left: str | None, right: str | None) -> tuple[int, ...]:
        """Cut points of the best segmentation of ''.join(cores) (positions in the string; a
        tuple of numbers, which the garbage collector stops tracking, as it does the entry)."""
        return self.memo(self._best, (*cores, left, right), self._searcher, self, cores, left, right)

    def _token_features(self, core: str) -> tuple[bool, ...]:
        """What the lattice asks of a token of a window: whether it is *solid* (a word by
        itself: never glued into an unknown word), a *long word* (two stay two words), a
        *content* word, *frequent*, *cuttable* (frequent words and names frequent in the
        document are never cut), *in the lexicon*, and whether nothing joins after it (an
        acronym: "IR radiation"; a capital letter alone joins only as the vetoes of the
        search allow: "T op", "F ebruary", not "H and", "B were"), and whether it is a glued
        pair (:meth:`glued`: "infact" is cut at "in", which elsewhere is a prefix)."""
        p = self.p
        glued = self.glued(core)
        z = self._zipf_get(core.lower())  # the lexicon's Zipf * 100 of the core, None when it lacks it
        zipf = 0.0 if z is None else z / 100  # Lexicon.zipf
        return (self.solid(core), self.frequent_word(core),
                z is not None and len(core) > 3 and zipf < p.function_zipf,  # in the lexicon and content()
                len(core) > 1 and zipf >= p.frequent_zipf, self.cuttable(core),
                len(core) > 1 and z is not None and not glued,
                core.isupper() and len(core) > 1, glued)

    def glued(self, core: str) -> bool:
        """Whether a rare lexicon word is the glued form of a word pair: lowercase, below
        :attr:`Params.check_zipf`, and cut into two words that form a strong pair (log10
        PMI >= ``glued_pair_pmi``) written apart far more often (``glued_ratio``, log10)
        than together: "lawenforcement", "wellknown", "needto" (web text glues words too).
        A word that no edited dictionary has (:func:`glued_forms`: "infact", "eachother",
        "infront") needs less: a pair (``glued_form_pmi``) written apart more often
        (``glued_form_ratio``). Such a token is cut like an unknown one."""
        p = self.p
        if len(core) < 4:
            return False
        if not core.islower():
            # a capitalised form may be a name ("Herson"), unless it is a common word's
            lower = core.lower()
            return lower.islower() and self.glued(lower) and self.common_capitalised(core)
        lp = self.lex_logp(core)
        if lp is None or lp >= p.check_zipf - 9:
            return False
        if core in glued_forms():
            return self._glued_pair(core, self._zipf_get(core, 0) / 100 - 9, True)
        return len(core) > 4 and self._glued_pair(core, lp, False)

    def _glued_form(self, word: str, lp: float) -> bool:
        """Whether *word* (log10 P *lp*) is a glued form that no dictionary has
        (:func:`glued_forms`) and cuts into a pair :meth:`glued` accepts, as written or
        capitalised (:meth:`common_capitalised`: "Afterall", "Eachother")."""
        forms = glued_forms()
        if word in forms:
            return self._glued_pair(word, lp, True)
        return word[:1].isupper() and word.lower() in forms and self._glued_pair(
            word.lower(), lp, True) and self.common_capitalised(word)

    def common_capitalised(self, core: str) -> bool:
        """Whether a capitalised token ("Afterall", "Eachother", "Icecream") is a common word's
        capitalised form rather than a name: only its first letter a capital, no proper noun in
        LanguageTool's tagger dictionary, and either normally lowercase in the casing table or
        two closed-class words glued, six letters or more ("after|all", "each|other"; shorter
        pairs are names: "Hasan", "Foran", "Ashis")."""
        if not (core[0].isupper() and core[1:].islower()):
            return False
        lower = core.lower()
        closed = len(lower) >= MIN_FUNCTION_PAIR and any(
            lower[:k] in CLOSED_WORDS and lower[k:] in CLOSED_WORDS for k in range(2, len(lower) - 1))
        return (closed or get_casing().normally_lowercase(lower)) and not wc.proper(core)

    def _glued_pair(self, core: str, lp: float, dictionary_gap: bool) -> bool:
        """Whether *core* (log10 P *lp* by the lexicon) cuts into a pair that :meth:`glued`
        accepts; a word no dictionary has may lose its article ("alot"), and is a glued pair
        whatever its PMI when written apart as often as a safe cut asks ("ofsome"). (*core* is
        lowercase, as the tables' keys are.)"""
        p = self.p
        pmi_floor, ratio = (p.glued_form_pmi, p.glued_form_ratio) if dictionary_gap else (
            p.glued_pair_pmi, p.glued_ratio)
        zipf_get, sides_get = self._zipf_get, self._sides_get
        for c in range(1 if dictionary_gap and core[0] == "a" else 2, len(core) - 1):
            first, second = core[:c], core[c:]
            # Lexicon.pmi(first, second) is None unless the pair list has both sides
            # (Lexicon.pair_sides): most cuts end there, before the words' Zipf
            if not (sides_get(first, 0) & BEGINS_PAIR and sides_get(second, 0) & ENDS_PAIR):
                continue
            za, zb = zipf_get(first, 0) / 100, zipf_get(second, 0) / 100
            if not (za and zb):
                continue
            pmi = self.lex.pmi(first, second)
            if pmi is None:
                continue
            apart = za - 9 + zb - 9 + pmi - lp  # log10: how much more often written apart
            if pmi >= pmi_floor and apart >= ratio or dictionary_gap and apart >= p.safe_glued_ratio:
                return True
        return False

    @staticmethod
    def _lattice_places(s: str, cores: list[str], bounds: list[int],
                        cuttable: tuple[bool, ...]) -> list[tuple[int, int, bool, bool, dict]]:
        """The places of window string *s* where a word of the lattice may end, in order, each as
        (position, the token it ends in, whether it is the token's end, whether it is a camel
        seam, the search's states there): the end of every token, and inside a token that may be
        cut every place but one before a capital that is no seam (no word starts there either)."""
        places: list[tuple[int, int, bool, bool, dict]] = []
        for k, core in enumerate(cores):
            a, b = bounds[k], bounds[k + 1]
            if cuttable[k]:
                if core[1:].islower():  # (a core is letters: no capital inside)
                    places.extend([(i, k, False, False, {}) for i in range(a + 1, b)])
                else:
                    for i in range(a + 1, b):
                        seam = camel_seam(s, i)
                        if seam or not s[i].isupper():
                            places.append((i, k, False, seam, {}))
            places.append((b, k, True, False, {}))
        return places

    def _search(self, cores: list[str], left: str | None, right: str | None) -> tuple[int, ...]:
        s = "".join(cores)
        n = len(s)
        lowercase = s.islower()  # then every piece is its own lowercase form
        bounds = list(accumulate(map(len, cores), initial=0))
        p = self.p
        features = self._features
        solid, long_word, content, frequent, cuttable, in_lexicon, no_join_after, glued = zip(*(
            entry[0] if (entry := features.get(c)) is not None and not entry[1]
            else self.memo(features, c, self._token_features, c) for c in cores))
        known, pair, vocab_get, hits = self.known, self.pair, self.vocab.get, self._hits
        lex_word, piece_ok = self.lex_word, self._piece_ok
        # places[x]: (position, token, token's end, seam, states: last word -> (score, the place
        # where the word starts, previous word, lex_word(last word)))
        places = [(0, 0, True, False, {left: (0.0, -1, None, None if left is None else lex_word(left))}),
                  *self._lattice_places(s, cores, bounds, cuttable)]
        last = len(places) - 1
        pmi_get, floor, bigram_weight, absent_weight = (
            self._pmi_get, self.lex.bigram_floor, p.bigram_weight, p.absent_weight)
        lex_logp_get, lex_logp = self._lex_logp.get, self.lex_logp
        lex_words, lexicon_word_of = self._lex_words, self._lexicon_word
        lex_words_get = lex_words.get
        zipf_get, lexicon_logp = self._zipf_get, self._lexicon_logp
        function_lp, known_split_lp = p.function_zipf - 9, p.known_split_zipf - 9
        per_char = p.unk_per_char
        suffix_word_lp, suffix_pair_pmi = p.frequent_zipf - 9, round(p.suffix_pair_pmi * 100)
        prefix_cut: dict[int, set[str]] = {}  # end -> prefixes cut off a token's start there
        position = itemgetter(0)  # of a place
        for x in range(last):
            j, _, at_start, seam_j, here = places[x]  # (a seam is no bound)
            if not here:
                continue
            # (the next place is in the token of letter j; a place inside a token is one of a
            # token that may be cut, and no capital but at a seam)
            _, k0, next_end, _, _ = after = places[x + 1]
            capital = s[j].isupper()
            unknown_base = p.unk_cap_base if capital else p.unk_base  # unknown(w) less its length
            after_prefix = prefix_cut.get(j) if prefix_cut else None
            mid_word = not (at_start or seam_j)  # a long word starting here may cut a compound
            if at_start:
                entry = 0.0
            elif seam_j:
                entry = -p.camel_cost
            else:
                entry = -p.ins_cost
            if not at_start and in_lexicon[k0]:
                # camel-case names the lexicon knows ("PlayStation") are kept firmly
                entry -= p.seam_known_cost if seam_j else p.split_known_cost
            limit = j + MAX_WORD if j + MAX_WORD < n else n  # (min() parses its arguments: slower)
            if at_start and bounds[k0 + 1] > limit:
                limit = bounds[k0 + 1]
            inner, reach = 0, k0  # the spaces the word deletes, the token it reaches into
            # a word that joins two long words, or a letter word and a long word, is never made
            longs = long_word[k0]
            # the places after j, each in the same token as the one before or the next token:
            # the word reaches into token k1 at the first place in it; a letter inside a token is
            # no word but "a", "I" (see below), so a word starting inside one ends no sooner
            first = x + 1 if at_start or next_end or after[0] > j + 1 or s[j] in LETTER_WORDS else x + 2
            for i, k1, at_end, seam_i, there in places[first:] if limit == n else places[
                    first:bisect_right(places, limit, first, key=position)]:
                if k1 != reach:
                    if not s[bounds[k1]].islower() or no_join_after[k1 - 1]:
                        break  # no join before a capital or after an initial
                    inner, reach = inner + 1, k1
                    longs += long_word[k1]
                    if longs >= 2 or inner == 1 and long_word[k1] and cores[k0] in LETTER_WORDS:
                        break  # "song writer", "a void": see the joins' vetoes below
                w = s[j:i]
                lp = lex_logp_get(w, False)  # known(w, original, inner > 0), the usual answers inline
                if lp is False:  # lex_logp(w): a word the lexicon lacks, as most are, is not remembered
                    lower = w if lowercase else w.lower()
                    z = zipf_get(lower, 0)  # Lexicon.zipf
                    lp = lexicon_logp(w, lower, z) if z > 0 else None
                lexicon_word = lp is not None
                whole = at_start and at_end
                if inner:
                    if not (lexicon_word or whole):
                        continue  # an unknown word joins whole tokens only (see below)
                elif i - j > 2 and (capital or not lexicon_word):
                    count = hits[w] = vocab_get(w, 0)  # known()'s dependency, inline
                    if count > whole:  # (the token's own occurrence does not count)
                        lp = known(w, whole)  # the document knows the word
                if lp is None:
                    if not (at_start or at_end):
                        continue  # an unknown word is made only at a token's edge
                elif i - j == 1 and not whole and w not in LETTER_WORDS:
                    continue  # a letter cut out of a token is a word only as "a", "I"
                suffix_word = False  # a suffix that is a word: only after a word it pairs with
                if not whole:
                    # (at no seam, a piece that is no prefix or suffix is one piece_ok accepts)
                    if (seam_j or seam_i or (at_start or at_end) and i - j <= AFFIX_MAX and (
                            w if lowercase else w.lower()) in AFFIXES) and not piece_ok(
                            w, at_start, at_end, seam_j, seam_i):
                        if at_end and not seam_j and lp is not None and lp >= suffix_word_lp:
                            suffix_word = not glued[k0]  # "hand|some", but "of|some" glued
                        elif at_start and not seam_i and lp is not None and lp >= function_lp:
                            # a preposition ("out", "over", "in"): only before a function word
                            prefix_cut.setdefault(i, set()).add(w)
                        else:
                            continue
                    if in_lexicon[k1 if at_start else k0] and (lp is None or lp < known_split_lp) and not (
                            seam_j or seam_i):
                        continue  # a known word is cut only into frequent words ("ofthe") or at a seam
                if lp is None:
                    if not inner:
                        lp = unknown_base - per_char * (i - j)  # unknown(w), inline
                    elif any(solid[k0:k1 + 1]) or not self._unknown_join(cores[k0:k1 + 1]):
                        continue  # (of whole tokens: see above)
                    else:
                        lp = unknown_base - per_char * (i - j) - p.unk_join_cost
                base = lp + entry
                if inner:
                    base -= p.del_cost * inner  # the spaces the word deletes
                    if sum(long_word[k0:k1 + 1]) >= 2:
                        continue  # two words stay two words ("song writer", "bench mark")
                    if sum(content[k0:k1 + 1]) >= 2:
                        base -= p.compound_cost  # "beam splitter": an author's choice
                    if cores[k0] in LETTER_WORDS and long_word[k0 + 1]:
                        continue  # "a void", "a round": an article and a word
                    if cores[k0].lower() in PREFIXES and solid[k0 + 1] and not (
                            lp >= suffix_word_lp and (lex_logp(cores[k0]) or 0.0) < function_lp):
                        continue  # "non trivial", "sub populations": the author's choice; not "re sult"
                    # a lowercase letter that ends a content word: "diverge d", "railway s"
                    ending = k1 == k0 + 1 and content[k0] and len(cores[k1]) == 1 and cores[k1].islower()
                    if any(frequent[k0:k1 + 1]):
                        if not ending and any(len(c) == 1 for c in cores[k0:k1 + 1]) and (
                                lp < p.letter_join_zipf - 9 or cores[k0] in LETTER_WORDS):
                            continue  # "b are", "l and", "a void": a variable and a word; not "t he"
                        base -= p.frequent_join_cost  # a frequent word is rarely a fragment
                    if len(cores[k1]) == 1 and solid[k0] and not ending and lp < p.letter_join_zipf - 9:
                        base -= p.letter_join_cost  # "of f", "the n": a variable; not "an d", "wa s"
                lw = lex_words_get(w, False) if lexicon_word else None  # lex_word(w), inline
                if lw is False:  # (a word of the lexicon: lex_logp has remembered its log10 P)
                    lw = lex_words[w] = lexicon_word_of(w, lex_logp_get(w))
                # content(w): a long word that is not among the most frequent ones
                cut_compound = mid_word and i - j > 3 and (
                    lw is None or lw[1] < function_lp)
                # the best previous word: w ends at i only when it starts at j, so no other
                # state of position i holds it yet
                top, top_prev = None, None
                for prev, (sc, _, _, lprev) in here.items():
                    if after_prefix and prev in after_prefix and not glued[k0] and (
                            lw is None or lw[1] < function_lp):
                        continue  # "out|the", "up|of"; not "over|load", "in|put"
                    if lw is None or lprev is None:
                        if suffix_word:
                            continue
                        cand = sc + base  # the pair list holds known words only (pair_of)
                    else:
                        pmi = pmi_get(f"{lprev[0]} {lw[0]}") if lprev[2] and lw[3] else None  # (pmi_of)
                        if suffix_word and (pmi is None or pmi < suffix_pair_pmi):
                            continue  # "would|like", "be|able"; not "light|like"
                        if pmi is not None:
                            cand = sc + base + bigram_weight * (pmi / 100)
                        else:  # below the list's floor: min(0.0, gap), without the cost of a call
                            gap = floor - lprev[1] - lw[1]
                            cand = sc + base + absent_weight * (gap if gap < 0.0 else 0.0)
                    if cut_compound and prev is not None and len(prev) > 3 and (
                            lprev is None or lprev[1] < function_lp):  # content(prev)
                        cand -= p.compound_cost  # "power|series": an author's compound
                    if top is None or cand > top:
                        top, top_prev = cand, prev
                if top is not None:
                    there[w] = (top, x, top_prev, lw)
        final = places[last][4]
        if not final:
            return tuple(bounds[1:-1])
        w = max(final, key=lambda x: final[x][0] + pair(x, right)) if len(final) > 1 else next(iter(final))
        cuts = []
        while last > 0:
            _, x, prev, _ = places[last][4][w]
            if x > 0:
                cuts.append(places[x][0])
            last, w = x, prev
        return tuple(sorted(cuts))


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def one_edit(word: str) -> set[str]:
    """The strings one edit of a lowercase letter away from *word* (a deletion, transposition,
    insertion or substitution)."""
    return set(one_edit_strings(word))


def one_edit_strings(word: str, starts: int | None = None, ends: int | None = None) -> Iterator[str]:
    """The strings of :func:`one_edit`, some of them more than once. With *starts* and *ends*
    (how many first and last letters of *word* start and end some word of a set), only those
    that may be such a word: an edit keeps the letters before it, which must start the word,
    and those after the letters it takes (none to insert, one to delete or replace, two to
    swap), which must end it (:func:`_edit_places`). Insertions and substitutions, most of them,
    are made in C: ``c.join((head, tail))`` is ``head + c + tail``."""
    n = len(word)
    return chain(
        _deletions_and_swaps(word, starts, ends),
        *[map(str.join, _LETTERS, repeat((word[:i], word[i:]))) for i in _edit_places(n, 0, starts, ends)],
        *[map(str.join, _LETTERS.replace(word[i], ""), repeat((word[:i], word[i + 1:])))
          for i in _edit_places(n, 1, starts, ends)])


def one_edit_words(word: str, starts: int, ends: int,
                   starting: Callable[[str, int], Sequence[str] | None]) -> Iterator[str]:
    """The strings of :func:`one_edit_strings` (*word*, *starts*, *ends*) that are words of the
    set, with others that are not: *starting* (a start, at most) gives the words of the set (ASCII)
    that start with the start, when at most that many, else None. Where fewer words than letters
    start with the letters before an insertion or a substitution, the words that it makes are
    read off them, in place of a string for each letter."""
    n = len(word)
    yield from _deletions_and_swaps(word, starts, ends)
    inserts, replaces = _edit_places(n, 0, starts, ends), _edit_places(n, 1, starts, ends)
    for i in range(min(inserts.start, replaces.start), max(inserts.stop, replaces.stop)):
        words = starting(word[:i], len(_LETTERS))
        if i in inserts:
            yield from (map(str.join, _LETTERS, repeat((word[:i], word[i:]))) if words is None else
                        (w for w in words if len(w) == n + 1 and w[i] in _LETTERS and w[i + 1:] == word[i:]))
        if i in replaces:
            yield from (map(str.join, _LETTERS.replace(word[i], ""), repeat((word[:i], word[i + 1:]))) if words is None
                        else (w for w in words if len(w) == n and w[i] != word[i] and w[i] in _LETTERS
                              and w[i + 1:] == word[i + 1:]))


def _edit_places(n: int, taken: int, starts: int | None, ends: int | None) -> range:
    """Where an edit that takes *taken* letters of a word of *n* letters may be (see
    :func:`one_edit_strings`)."""
    first = 0 if ends is None else max(n - taken - ends, 0)
    return range(first, min(n if starts is None else starts, n - taken) + 1)


def _deletions_and_swaps(word: str, starts: int | None, ends: int | None) -> list[str]:
    """The deletions and transpositions of :func:`one_edit_strings`."""
    n = len(word)
    return [*[word[:i] + word[i + 1:] for i in _edit_places(n, 1, starts, ends)],
            *[word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in _edit_places(n, 2, starts, ends)]]


def _typo_of_ascii_word_py(token: str, pieces: list[str], solid: dict[str, None], forwards: tuple[str, ...],
                           backwards: tuple[str, ...]) -> bool:
    """Whether a word of *solid* other than *pieces* is one edit of a lowercase letter away
    from the ASCII *token* (:meth:`Model.typo_of_word`): *forwards* and *backwards* are the
    ASCII words of *solid* sorted, and each of them reversed, sorted
    (:meth:`.Lexicon.ordered_words_from`), which the edits that may make such a word are
    read off (:func:`one_edit_words`). (:func:`_typo_of_ascii_word` is this function, or its
    compiled twin.)"""
    reach = reach_in(forwards, backwards, token)
    found = solid.keys() & list(one_edit_words(token, *reach, partial(words_starting_in, forwards)))
    return not found.issubset(pieces)


#: :func:`_typo_of_ascii_word_py`, compiled (native/src/typos.rs) when the module has it.
_typo_of_ascii_word = native.function("typo_of_ascii_word") or _typo_of_ascii_word_py


def segments(s: str, cuts: list[int]) -> list[str]:
    edges = [0, *cuts, len(s)]
    return [s[a:b] for a, b in zip(edges, edges[1:])]


#: Stands for a chunk that is not quiet in :func:`judge_line`'s list of chunk answers.
_LOUD = object()


class JudgedLine(NamedTuple):
    """The chunks of a line with their :meth:`Model.chunk` answers, after one pass over them:
    the positions of the chunks that are not quiet (*loud*), and of the suspicious ones. A
    chunk that is no word, or a firm word that is not suspicious, is quiet also when document
    words swayed its answer (then in this document only): two such chunks never join, and it
    is no candidate of a moved space (a firm word is frequent)."""

    #: (from the compiled :func:`judge_line`, a sequence that makes each str when asked)
    chunks: Sequence[str]
    infos: list
    loud: list[int]
    suspicious: list[int]
    #: the cores of the loud chunks that may be no word (their *no_word*), in order, repeats kept
    no_words: list[str]
    #: whether a space may move by one letter at one of *no_words* (:func:`.moved.may_move_in`)
    may_move: bool


def judge_line_py(model: Model, line: str) -> JudgedLine | None:
    """The chunks of *line* judged (from caches first), None when every chunk is quiet: then
    the line has nothing to repair. The line's repairs (:func:`analyse_line`) and its moved
    spaces (:func:`.moved.moved_spaces`) both start from this pass. (:func:`judge_line` is this
    function, or its compiled twin.)"""
    chunks = line.split()
    quiet = model._quiet
    # each chunk's Model.chunk answer where it is quiet, else _LOUD: one lookup a chunk
    infos = list(map(quiet.get, chunks, repeat(_LOUD)))
    if _LOUD not in infos:
        return None
    # a cached answer that no document word swayed, else one this document has judged, else
    # the model's
    table, judged, hits = model._chunks, model._judged, model._hits
    suspicious, loud, no_words = [], [], []
    for k in compress(range(len(chunks)), map(is_, infos, repeat(_LOUD))):
        chunk = chunks[k]
        e = table.get(chunk)
        if e is None or e[1]:
            e = judged.get(chunk)
            if e is None:
                model.memo(table, chunk, Model._chunk, model, chunk)  # Model.chunk
                e = table[chunk]
                if e[1]:
                    judged[chunk] = e
            else:
                hits.update(e[1])  # (what Model.memo records of a valid entry)
        info = infos[k] = e[0]
        if info is None or info[4] and not info[3]:
            if not e[1]:  # quiet in every document
                quiet[chunk] = info  # (also a word first met as the core of another chunk: "people,")
        else:
            loud.append(k)
            if info[3]:
                suspicious.append(k)
            if info[7]:
                no_words.append(info[1])
    return JudgedLine(chunks, infos, loud, suspicious, no_words, bool(no_words) and _may_move_in(line, model, no_words))


def _may_move_in(line: str, model: Model, no_words: list[str]) -> bool:
    """:func:`.moved.may_move_in` (moved.py imports this module)."""
    from .moved import may_move_in
    return may_move_in(line, model, no_words)


def analyse_line_py(model: Model, line: str, judged: JudgedLine) -> list[Change]:
    """The space repairs of one line (which holds no newline), its chunks judged by
    :func:`judge_line`: only the tokens around something suspicious, or around a pair of
    chunks that may join, are positioned and searched; only the windows whose best cuts are
    not the author's (:func:`_line_windows`) are scored and made changes of. (A list: most
    lines have no window that changes, and a generator for each cost more than the list.)
    (:func:`analyse_line` is this function, or its compiled twin: one call a line.)"""
    return [change for window, left, right, new in _line_windows(model, line, judged)
            for change in _changes_of_window(model, line, window, left, right, new)]


def _line_windows_py(model: Model, line: str,
                     judged: JudgedLine) -> list[tuple[list[Token], str | None, str | None, tuple[int, ...]]]:
    """The windows of *line* (its chunks *judged*) whose best cuts are not the author's
    (:func:`_changed_windows_py`), of its pairs that may join (:func:`_joinable_pairs_py`).
    (:func:`_line_windows` is this function, or its compiled twin: one call for the pairs and
    the windows of a line.)"""
    return _changed_windows_py(model, line, judged, _joinable_pairs_py(model, judged.infos, judged.loud))


def _changed_windows_py(model: Model, line: str, judged: JudgedLine,
                        pairs: list[int]) -> list[tuple[list[Token], str | None, str | None, tuple[int, ...]]]:
    """The windows of *line* (its chunks *judged*, its chunks *k* that join chunk *k + 1* in
    *pairs*: :func:`_joinable_pairs`) whose best cuts (:meth:`Model.best`) are not those of its
    tokens, in order, each as (its tokens positioned, the context words either side, the best
    cuts). Every window is searched (from the memo first); most keep the author's cuts.
    (The compiled :func:`_line_windows` hands a line that is no UTF-8 to this function.)"""
    chunks, infos, _, suspicious, _, _ = judged
    if not (suspicious or pairs):
        return []
    tokens = _Tokens(line, chunks, infos)
    marked = set(suspicious)
    for k in pairs:
        if tokens.joinable(k):
            marked.update((k, k + 1))
    # windows: each suspicious token with its joinable neighbours; overlapping ones merge
    windows: list[list[int]] = []
    for k in sorted(marked):
        a = k - 1 if k and tokens.joinable(k - 1) else k
        b = k + 1 if tokens.joinable(k) else k
        if windows and a <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], b)
        else:
            windows.append([a, b])
    changed = []
    for a, b in windows:
        # the window's context words: the cores of the chunks joinable with its ends
        left = infos[a - 1][1] if tokens.joinable(a - 1) else None
        right = infos[b + 1][1] if tokens.joinable(b) else None
        window = [tokens.token(k) for k in range(a, b + 1)]
        new = model.best([t.core for t in window], left, right)
        if set(new) != set(accumulate(len(t.core) for t in window[:-1])):  # (the author's cuts)
            changed.append((window, left, right, new))
    return changed


def _joinable_pairs_py(model: Model, infos: list, loud: list[int]) -> list[int]:
    """The chunks *k* of a line (in order) that :meth:`Model.pair_joinable` joins with chunk
    *k + 1*, of the pairs with a loud chunk in them (two quiet chunks never join). A loud chunk
    that cannot start a pair or end one (the *starts* and *ends* of its :meth:`Model.chunk`
    answer) is no part of the pair on that side, which is not looked at. Most pairs looked at
    are remembered as :data:`_APART`, told by identity before the memo entry is read; a pair
    with a firm chunk that makes no lexicon word never joins (:func:`_joins`) and is told
    before the memo is asked. (:func:`_joinable_pairs` is this function, or its compiled twin.)"""
    pairs = []
    last = len(infos) - 1
    # the loud chunk before k: when it is k - 1, the pair (k - 1, k) was looked at from there (or it
    # cannot start one); -1: chunk 0 has no pair before it
    before = -1
    for k in loud:
        info = infos[k]
        if info[6] and k - 1 != before:
            x = infos[k - 1]
            if x is not None and x[5] and _pair_joins(model, x, info):
                pairs.append(k - 1)
        before = k
        if info[5] and k < last:
            y = infos[k + 1]
            if y is not None and y[6] and _pair_joins(model, info, y):
                pairs.append(k)
    return pairs


def _pair_joins(model: Model, x: ChunkInfo, y: ChunkInfo) -> bool:
    """Whether the chunks of answers *x* (one that may start a pair) and *y* (one that may end
    it) join, as :func:`_joinable_pairs_py` tells it: never when both are firm, nor when one is
    and the two make no lexicon word (asked before the memo); else the pair's memo entry when no
    document word swayed it (:data:`_APART` by identity), else :func:`_joins`. (The compiled
    twin's ``Judge::pair_joins``.)"""
    if x[4] and y[4] or (x[4] or y[4]) and model._zipf_get((x[1] + y[1]).lower(), 0) <= 0:
        return False
    e = model._joinable.get((x[1], y[1]))  # an answer no document word swayed, inline
    return e is not _APART and (e[0] if e is not None and not e[1] else _joins(model, e, x, y))


#: :meth:`Model.pair_joinable`'s memo entry of a pair that joins in no document.
_APART = (False, ())


def _joins(model: Model, entry: tuple | None, x: ChunkInfo, y: ChunkInfo) -> bool:
    """Whether the chunks of :meth:`Model.chunk` answers *x* and *y* may join side by side
    (:meth:`Model.pair_joinable`), *x* one that may start a pair, *y* one that may end it, not
    both firm, and making a lexicon word when one is firm (:func:`_joinable_pairs` tells the
    others apart: two chunks that make no lexicon word join only as fragments of an unknown word
    (:meth:`Model.joinable`), which a firm word never is (it is solid), in every document);
    *entry* is the pair's memo entry as :func:`_joinable_pairs` read it: none yet, or one that
    document words swayed (it reads an answer that none swayed itself)."""
    if entry is None and not (x[4] or y[4]) and model._zipf_get((x[1] + y[1]).lower(), 0) <= 0 and (
            not model.may_be_fragments(x[1], y[1])):
        # a pair that makes no lexicon word and cannot be fragments of one joins in no
        # document: remembered as Model.memo would, without the dependencies of either word (no
        # count of them can make the pair join)
        model._joinable[(x[1], y[1])] = _APART
        return False
    return model.pair_joinable(x[1], y[1])


#: The compiled twins of :func:`judge_line_py` and :func:`_joinable_pairs_py`
#: (``native/src/judge.rs``), given the objects of this module that they hand back or pass on,
#: and :meth:`Model.suspicious` (a model whose class has it is judged without calling it);
#: None without ``textlint_native``
_Judge = native.function("Judge")
_JUDGE = None if _Judge is None else _Judge(JudgedLine, _APART, Model.suspicious)
#: The per-line judgement: compiled when ``textlint_native`` has it, else in Python
judge_line = judge_line_py if _JUDGE is None else _JUDGE.judge_line
#: The pairs of chunks of a line that may join: compiled when ``textlint_native`` has it, else in Python
_joinable_pairs = _joinable_pairs_py if _JUDGE is None else _JUDGE.joinable_pairs


class _Tokens:
    """The chunks of a line as tokens: which join their neighbours, and the positioned tokens
    of a window (most of a line is never looked at)."""

    def __init__(self, line: str, chunks: list[str], infos: list) -> None:
        self.text, self.chunks, self.infos = line, chunks, infos
        self.ends = list(accumulate(map(len, chunks)))
        #: where each chunk starts; None: one whitespace character between chunks (the usual line)
        self.offsets: list[int] | None = None
        if self.ends and len(line) != self.ends[-1] + len(chunks) - 1:
            self.offsets, pos = [], 0
            for c in chunks:
                pos = line.find(c, pos)
                self.offsets.append(pos)
                pos += len(c)

    def start(self, k: int) -> int:
        """Where chunk *k* starts in the line."""
        return self.ends[k] - len(self.chunks[k]) + k if self.offsets is None else self.offsets[k]

    def token(self, k: int) -> Token:
        """Token *k*, positioned (a plain chunk: one whose :meth:`Model.chunk` answer is not None)."""
        lead, core, trail = self.infos[k][:3]
        return Token(self.start(k) + len(lead), core, trail, lead)

    def joinable(self, k: int) -> bool:
        """Whether token *k* is joinable with the next one: both plain chunks, no marks between
        them, and plain spaces only."""
        if not 0 <= k < len(self.chunks) - 1:
            return False
        x, y = self.infos[k], self.infos[k + 1]
        if x is None or y is None or x[2] or y[0]:
            return False
        if self.offsets is None:  # one whitespace character between chunks: a space?
            return self.text[self.ends[k] + k] == " "
        return not self.text[self.offsets[k] + len(self.chunks[k]):self.offsets[k + 1]].strip(" ")


def _window_changes(model: Model, text: str, window: list[Token], left: str | None, right: str | None,
                    best: tuple[int, ...]) -> Iterator[Change]:
    """The repairs of the tokens of *window*, between the context words *left* and *right*
    (None: none joinable), whose best cuts (:meth:`Model.best`) are *best*, which are not the
    tokens' own."""
    cores = [t.core for t in window]
    s = "".join(cores)
    edges = [0, *accumulate(map(len, cores))]  # token k spans edges[k]..edges[k+1] of s
    old = set(edges[1:-1])
    new = set(best)  # (not *old*: :func:`_line_windows` hands back no other window)
    originals = set(cores)
    score = _window_score(model)
    base = score(cores, left, right, originals)
    for g in _cut_groups(old, new):
        words = segments(s, sorted(old.symmetric_difference(g)))  # (each cut of *g* toggled)
        gain = score(words, left, right, originals) - base - model.cost(s, g, old)
        change = _change(text, window, edges, g, old, gain)
        change.certain = _certain(model, s, words, cores, edges, old, g)
        change.sure = None if change.certain else False
        yield change


def _window_score(model: Model) -> Callable[[list[str], str | None, str | None, set[str]], float]:
    """:meth:`Model.score` of *model* as :func:`_window_changes` asks it: compiled (``Search.score``,
    which works out the lexicon's answers from its tables without filling their memos) when the
    model's search is, else the method."""
    search = model._searcher
    return model.score if search is Model._search else partial(search.score, model)


def _cut_groups(old: set[int], new: set[int]) -> list[list[int]]:
    """The cuts that differ between *old* and *new*, in order, in groups that no cut of both
    separates."""
    differ = sorted(old ^ new)
    if len(differ) == 1:
        return [differ]  # (most windows: one space in or out)
    kept = old & new
    groups: list[list[int]] = []
    for d in differ:
        if groups and not any(groups[-1][-1] < c < d for c in kept):
            groups[-1].append(d)
        else:
            groups.append([d])
    return groups


def _certain(model: Model, s: str, words: list[str], cores: list[str], edges: list[int],
             old: set[int], group: list[int]) -> bool:
    """Whether the change of the cuts of *group* (making *words* of the window string *s*, whose
    tokens *cores* span *edges*) may be fixed safely: each new space (:meth:`Model.certain_cut`)
    in its token, then each word that joins tokens (:meth:`Model.certain_join`)."""
    for q in group:
        if q not in old and not model.certain_cut(s, q, words, cores[_token_at(edges, q)]):
            return False
    if old.isdisjoint(group):
        return True  # no space deleted: no word joins tokens
    return all(model.certain_join(w, pieces) for w, pieces in _joined_words(words, old, group))


def _joined_words(words: list[str], old: set[int], group: list[int]) -> Iterator[tuple[str, list[str]]]:
    """The words of a segmentation that span a deleted space of *group*, with the tokens
    (pieces) each joins."""
    deleted = [q for q in group if q in old]
    pos = 0
    for w in words:
        if any(pos < q < pos + len(w) for q in deleted):
            cuts = [q - pos for q in sorted(old) if pos < q < pos + len(w)]
            yield w, [w[a:b] for a, b in zip([0, *cuts], [*cuts, len(w)])]
        pos += len(w)


def _token_at(edges: list[int], p: int) -> int:
    """Index of the token that holds position *p* of the window string (p inside it)."""
    return bisect_right(edges, p) - 1


def _change(text: str, window: list[Token], edges: list[int], group: list[int],
            old: set[int], gain: float) -> Change:
    """The document edits of one group of differing cuts of the window string (the cuts in
    order: their edits are in the text's order, each in the token or the gap of its cut)."""
    inserts, deletes, out = [], [], []
    start = pos = -1
    for p in group:
        if p in old:
            k = edges.index(p)  # the gap between tokens k-1 and k
            first = window[k - 1]
            x, y, edit = first.start + len(first.core), window[k].start, ""
            deletes.append((x, y))
        else:
            k = _token_at(edges, p)
            first = window[k]
            x = y = first.start + p - edges[k]
            edit = " "
            inserts.append(x)
        if start < 0:
            start = pos = first.start
        out += (text[pos:x], edit)
        pos = y
    end = window[k].start + len(window[k].core)
    out.append(text[pos:end])
    return Change(start, end, text[start:end], "".join(out), inserts, deletes, gain)


#: The compiled twins of :func:`_line_windows_py` and of :func:`_window_changes`
#: (``native/src/windows.rs``, ``native/src/changes.rs``), given the classes and the functions of
#: this module they make objects of or hand a line or a window back to, and the compiled judge
#: that finds the line's pairs; None without ``textlint_native``
_Windows = native.function("Windows")
_WINDOWS = None if _Windows is None else _Windows(Token, _changed_windows_py, _JUDGE, Change, _window_changes)
#: The windows of a line whose best cuts are not the author's, its pairs found first: compiled
#: when ``textlint_native`` has it, else in Python
_line_windows = _line_windows_py if _WINDOWS is None else _WINDOWS.line_windows
#: The repairs of such a window: compiled (a list) when ``textlint_native`` has it, else in Python
_changes_of_window = _window_changes if _WINDOWS is None else _WINDOWS.window_changes
#: The repairs of a judged line, its windows and theirs in one call: compiled when
#: ``textlint_native`` has it, else in Python
analyse_line = analyse_line_py if _WINDOWS is None else _WINDOWS.analyse_line
