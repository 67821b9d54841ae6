"""What an existence or substitution rule needs to find in a document before its pattern
can match there: a test, far quicker than the scan, that lets the rule skip a document
that holds none of its tokens.

A rule's pattern is an alternation of its tokens; it can match only where one of them
can. What a token cannot match without:

- a literal token (plain text, :func:`base.is_literal`): each of its words that the
  match bounds on both sides (by a non-word character of the token, or by the word
  boundary the rule puts around its tokens) is a whole word of the document, and two
  such words of the token that follow each other are neighbours in the document;
- a pattern: what one of its variants needs (``variants``: its groups of alternatives,
  optional parts and small character classes spelled out), a variant that is literal
  text as a literal token, another one each run of plain characters it must match
  (outside groups and character classes, not made optional by a quantifier) in the
  document's text. A variant that sets a flag, or escapes what :func:`required_text`
  does not read needs nothing, and then neither does the pattern (it is always scanned).

A rule with a token that needs nothing is always scanned; so is one with a pattern that
sets a flag (in ``regex``'s version 0 a flag set anywhere applies to the whole pattern).

The document's text is its source and the text of each of its blocks as Vale reads them
(``view``): every unit a rule scans is part of one of them. Case: a rule with
``ignorecase`` compares ASCII text, folded to lower case, where the ``regex`` module's
case-insensitive matching maps four non-ASCII letters to ASCII ones (:data:`CASE_PARTNERS`);
a word or run with other non-ASCII characters is not required (it is not looked for).
"""

from __future__ import annotations

import os.path
from typing import AbstractSet, Any, Iterable, Iterator

from .. import native
from ..cachedattr import cached_property
from ..dataclass import dataclass
from ..patterns import lazy_compile
from .kept import kept
from .variants import class_end, variants, widened

#: The non-ASCII letters that ``regex`` matches, without case, to an ASCII letter (Kelvin
#: sign, long s, dotted capital I, dotless small i; tests/test_yaml_needs.py checks the
#: list against the engine), each with the lowercase ASCII letter it is read as.
CASE_PARTNERS = {"\u212a": "k", "\u017f": "s", "\u0130": "i", "\u0131": "i"}

_WORD = lazy_compile(r"\w+")
#: A group that sets a flag or refers to a group by name (``(?i)``, ``(?i:``, ``(?P=n)``).
_FLAG_GROUP = lazy_compile(r"\(\?(?!P<)[a-zA-Z^-]")
#: Escapes that stand for no literal character: a run of plain characters ends there.
_CLASS_ESCAPES = frozenset("bBsSwWdDAZzGntrfvmM")
_QUANTIFIERS = frozenset("?*+{")


#: Characters that make a token a pattern rather than literal text.
_PATTERN_CHARACTERS = frozenset("\\^$.|?*+()[]{}")


def is_literal(token: str) -> bool:
    """Whether *token* is text, with no character that makes it a pattern."""
    return bool(token) and _PATTERN_CHARACTERS.isdisjoint(token)


def fold(text: str) -> str:
    """*text* as an ``ignorecase`` rule's requirements are compared: lower case, the
    :data:`CASE_PARTNERS` read as their ASCII letters."""
    return (text if text.isascii() else _partners_as_ascii(text)).lower()


def _partners_as_ascii(text: str) -> str:
    """*text* with the :data:`CASE_PARTNERS` read as their ASCII letters."""
    for letter, partner in CASE_PARTNERS.items():
        if letter in text:
            text = text.replace(letter, partner)
    return text


def fold_text(text: str) -> str:
    """:func:`fold` of a document's *text* as far as the tests read it (:class:`TextIndex`): the
    same ASCII characters in the same places, the other characters kept as written, where
    :func:`fold` lowers them too. The tests of an ``ignorecase`` rule look for ASCII alone
    (``_kept``), and lowering a character beyond ASCII leaves it beyond ASCII (but for the
    :data:`CASE_PARTNERS`, read here as there), one character (but for U+0130, a partner) and a
    word character (``\\w``) or not as it was (tests/test_yaml_needs.py checks it): the words and
    runs the tests find are the same. Lowering the ASCII letters of the text's UTF-8 costs
    half of ``str.lower`` beyond ASCII, which looks up every character's case."""
    if text.isascii():
        return text.lower()
    return _partners_as_ascii(text).encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


def required_text(pattern: str) -> list[str] | None:
    """The runs of plain characters that every match of *pattern* contains, or None when
    the pattern is not read (a flag, a top-level alternation, an escape such as ``\\x41``,
    a POSIX class): then it may match anything. A Unicode property (``\\p{L}``) is read as
    a character class; a character (or a class of one: ``[ ]``) repeated at least *m* times
    puts *m* of it in the run."""
    if _FLAG_GROUP.search(pattern):
        return None
    runs: list[str] = []
    run: list[str] = []
    depth = 0
    i = 0

    def end_run() -> None:
        if run:
            runs.append("".join(run))
            run.clear()

    def literal(c: str, at: int) -> int:
        """Reads the character *c* that the pattern matches at depth 0 and the quantifier at
        *at*, if any, into the run; returns where reading goes on."""
        least, exact, after = _repeat(pattern, at)
        if least:
            run.append(c * least)
        if not exact:
            end_run()
        return after

    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            escaped = pattern[i + 1:i + 2]
            if escaped in ("p", "P"):  # a Unicode property (\p{L}, \pL): a class of characters
                close = pattern.find("}", i) if pattern[i + 2:i + 3] == "{" else i + 2
                if close < 0:
                    return None
                end_run()
                i = close + 1
                continue
            if not escaped or escaped.isalnum() and escaped not in _CLASS_ESCAPES:
                return None
            i += 2
            if depth or escaped.isalnum():
                end_run()
            else:
                i = literal(escaped, i)
            continue
        if c == "[":
            end = class_end(pattern, i)
            if end is None:
                return None
            one = _single_character(pattern[i + 1:end - 1])
            if depth or one is None:
                end_run()
                i = end
            else:
                i = literal(one, end)  # "[ ]{2,3}": two spaces
            continue
        if c in _QUANTIFIERS:  # (after a group or a class: what it repeats was not put in the run)
            end_run()
            if c == "{":
                close = pattern.find("}", i)
                i = close + 1 if close > 0 else i + 1
            else:
                i += 1
            continue
        i += 1
        if c == "(":
            depth += 1
            end_run()
        elif c == ")":
            depth -= 1
        elif c == "|":
            if depth == 0:
                return None
        elif c in ".^$":
            end_run()
        elif depth == 0:
            i = literal(c, i)
        else:
            end_run()
    end_run()
    return runs


#: A counted repeat: ``{m}``, ``{m,}`` or ``{m,n}``.
_COUNTED = lazy_compile(r"\{(\d+)(,\d*)?\}")


def _repeat(pattern: str, at: int) -> tuple[int, bool, int]:
    """The quantifier at *at* of *pattern*, after a character: the fewest times it repeats the
    character, whether exactly that many (so a run of plain characters goes on after it), and
    where the pattern goes on. No quantifier: once, exactly."""
    q = pattern[at:at + 1]
    if q in ("?", "*"):
        return 0, False, at + 1
    if q == "+":
        return 1, False, at + 1
    if q == "{":
        m = _COUNTED.match(pattern, at)
        if m is None:  # (read as a quantifier all the same, as before: nothing is required)
            close = pattern.find("}", at)
            return 0, False, close + 1 if close > 0 else at + 1
        return int(m.group(1)), m.group(2) is None, m.end()
    return 1, True, at


def _single_character(members: str) -> str | None:
    """The one character a character class (its *members*, between the brackets) matches,
    when it is written as one plain character (``[ ]``, ``[.]``); else None."""
    if len(members) == 1 and members not in "^\\[]-":
        return members
    return None


#: ASCII characters that are no word characters (``\\w`` is ``[A-Za-z0-9_]`` in ASCII), as spaces.
_ASCII_BREAKS = bytes.maketrans(
    bytes(c for c in range(128) if not (chr(c).isalnum() or chr(c) == "_")),
    b" " * sum(1 for c in range(128) if not (chr(c).isalnum() or chr(c) == "_")))


def words_of(text: str) -> list[bytes]:
    """The runs of word characters of *text* (``regex``'s ``\\w+``), in order, in UTF-8:
    the ASCII ones by a byte translation and split (the pattern costs several times more),
    a piece with non-ASCII characters by the pattern."""
    pieces = text.encode("utf-8").translate(_ASCII_BREAKS).split()
    if text.isascii():
        return pieces
    out: list[bytes] = []
    for p in pieces:
        if p.isascii():
            out.append(p)
        else:
            out += (w.encode("utf-8") for w in _WORD.findall(p.decode("utf-8")))
    return out


#: Texts longer than this (characters) get no index of words: only their text is looked at
#: (:meth:`Needs.met`). An index holds every word and every pair of neighbouring words, which
#: on a text of megabytes costs more memory than the scans it saves cost time (issue 14's
#: memory bounds), and a long text holds most rules' tokens anyway.
MAX_INDEXED_CHARS = 200_000
#: The most pieces (words and runs) a rule's test looks for in a text too long to index:
#: each is a search of the whole text (~1 ms a megabyte), and a rule with more is scanned
#: (a scan of a rule's pattern costs tens of milliseconds a megabyte).
MOST_PIECES_UNINDEXED = 32
#: The size of the parts in which a text is folded (:func:`fold_in_parts`).
FOLDED_PART = 1 << 16
#: A text too long to index but at most this long (characters) is joined (and folded, for the
#: ``ignorecase`` rules) once for the tests of all rules (:attr:`TextIndex.text`, kept with the
#: document: a few megabytes at most); a longer one is read text by text for each test, folded
#: part by part, and no joined copy is kept.
MAX_FOLDED_KEPT = 1 << 21


def fold_in_parts(text: str) -> str:
    """:func:`fold_text` of *text*, part by part (:data:`FOLDED_PART` characters): folding a whole
    text takes several times its size while it runs. It gives the same ASCII letters as
    folding the whole, in the same places, and an ``ignorecase`` rule's tests look for no
    other (``_kept``)."""
    return "".join(fold_text(text[start:start + FOLDED_PART]) for start in range(0, len(text), FOLDED_PART))


class TextIndex:
    """What a document holds, for the tests: its text, its words and each pair of
    neighbouring words (folded for ``ignorecase`` rules), each found when first asked.
    *indexed* is false for a text too long to index (:data:`MAX_INDEXED_CHARS`): the tests
    then read its text only."""

    def __init__(self, texts: list[str], folded: bool) -> None:
        self._texts, self._folded = texts, folded
        self.indexed = sum(map(len, texts)) <= MAX_INDEXED_CHARS
        #: :meth:`holding`'s answers, by its question: a rule asks again for its scan's pattern.
        self._held: dict[tuple[frozenset[str], frozenset[str]], tuple[set[str], set[str]]] = {}

    @cached_property
    def text(self) -> str:
        text = "\n".join(self._texts)
        return fold_in_parts(text) if self._folded else text

    def holding(self, pieces: set[str], words: AbstractSet[str] = frozenset()) -> tuple[set[str], set[str]]:
        """Which of *pieces* the texts hold (as :attr:`text` has them), and which of *words* they
        hold as words of their own (runs of ``\\w``, as :func:`words_of` cuts them), for a text too
        long to index: looked for in :attr:`text` (the texts joined: a Markdown table's
        thousands of cells are read in one search a piece, not one each), or, in texts longer
        than :data:`MAX_FOLDED_KEPT`, in each text, and for an ``ignorecase`` rule in parts of
        :data:`FOLDED_PART` characters that overlap by the longest piece less one, each folded
        (:func:`fold_in_parts`), so that no joined or folded copy of them is made. (The
        joined text may hold a piece across the newline between two texts: the rule is then
        scanned, and finds what it finds.)"""
        question = (frozenset(pieces), frozenset(words))
        if question not in self._held:
            self._held[question] = self._holding(pieces, words)
        return self._held[question]

    def _holding(self, pieces: set[str], words: AbstractSet[str]) -> tuple[set[str], set[str]]:
        if sum(map(len, self._texts)) <= MAX_FOLDED_KEPT:
            text = self.text  # joined (and folded) once for every rule that asks
            return held_pieces(pieces, text), {w for w in words if _holds_word(text, w, "", "")}
        found: set[str] = set()
        whole: set[str] = set()
        overlap = max(map(len, pieces | words), default=1) - 1
        for text in self._texts:
            if not self._folded:
                found.update(held_pieces(pieces, text))
                whole.update(w for w in words if _holds_word(text, w, "", ""))
                continue
            for start in range(0, len(text), FOLDED_PART):
                end = start + FOLDED_PART + overlap
                part = fold_text(text[start:end])
                found.update(held_pieces(pieces - found, part))
                around = text[start - 1:start], text[end:end + 1]
                whole.update(w for w in words - whole if _holds_word(part, w, *around))
                if len(found) == len(pieces) and len(whole) == len(words):
                    return found, whole
        return found, whole

    @cached_property
    def _word_list(self) -> list[bytes]:
        return words_of(self.text)

    @cached_property
    def words(self) -> frozenset[bytes]:
        return frozenset(self._word_list)

    @property
    def has_words(self) -> bool:
        """Whether :attr:`words` was computed already."""
        return "words" in self.__dict__

    @cached_property
    def pairs(self) -> frozenset[tuple[bytes, bytes]]:
        words = self._word_list
        return frozenset(zip(words, words[1:]))


@dataclass(slots=True)
class _Token:
    """What one token (or variant of a token) needs; never changed once made. Not frozen: a
    long list's tests are made again from the kept data on every run, and a frozen
    dataclass sets each field through ``object.__setattr__`` (2.4 times as slow)."""

    words: tuple[bytes, ...]  # in UTF-8, as the index has them
    pairs: tuple[tuple[bytes, bytes], ...]
    text: tuple[str, ...]

    def possible(self, index: TextIndex) -> bool:
        return (all(t in index.text for t in self.text) and all(w in index.words for w in self.words)
                and all(p in index.pairs for p in self.pairs))


#: A rule with at most this many one-word tokens looks for each in the text before the
#: document is cut into words (:meth:`Needs._words_in`), and one with at most this many
#: tokens of several words tries their runs first (:meth:`Needs._others_to_try`).
FEW_WORDS = 16
#: A pattern with at most this many variants is tested by each variant's runs of text, not by
#: the runs of the pattern as written (:func:`_variant_needs`).
FEW_VARIANTS = 8


@dataclass(frozen=True)
class Needs:
    """A rule's test: some token possible, and all of *also* (the runs of an existence
    rule's ``raw`` pattern) in the text. *words*: the tokens that need one word and nothing
    else (most of a long word list), by that word, looked up at once; *others*: the other
    tokens, by their place in the rule's list. *complete*: every token has its test (else
    a token that needs nothing leaves only *also*)."""

    words: dict[bytes, tuple[int, ...]]
    others: tuple[tuple[int, _Token], ...]
    also: tuple[str, ...]
    folded: bool
    complete: bool

    @cached_property
    def _by_key(self) -> dict[bytes, tuple[int, ...]]:
        """The places in :attr:`others` of the tokens that need words, by the longest of them
        (a token is tried only when the document holds that word; a longer word is rarer,
        so fewer tokens are tried than by their first words, often "a" or "the")."""
        by_key: dict[bytes, tuple[int, ...]] = {}
        for k, (_, token) in enumerate(self.others):
            if token.words:
                key = max(token.words, key=len)
                by_key[key] = by_key.get(key, ()) + (k,)
        return by_key

    @cached_property
    def _word_list(self) -> tuple[bytes, ...]:
        """The words of :attr:`words`, in order."""
        return tuple(self.words)

    @cached_property
    def _word_groups(self) -> tuple[tuple[str, tuple[tuple[int, tuple[str, ...]], ...]], ...]:
        """The words of :attr:`_word_list` as groups of :func:`tokens_held`, a group a word (its
        token: its place in the list, no runs): all looked for in a text in one call."""
        return tuple((w.decode("utf-8"), ((k, ()),)) for k, w in enumerate(self._word_list))

    @cached_property
    def _runs(self) -> tuple[tuple[int, str], ...]:
        """The tokens of :attr:`others` that need one run of text and nothing else (most tokens
        without words: "could of", "ﬁ"), as (place in the rule's list, run): looked for by their
        runs, a group at a time (:attr:`_run_groups`), not token by token (:meth:`_Token.possible`)."""
        return tuple((i, token.text[0]) for i, token in self.others
                     if not token.words and len(token.text) == 1)

    @cached_property
    def _run_groups(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """The runs of :attr:`_runs` in groups that begin alike, each with its common beginning
        (:func:`alike`): a text without that beginning, as most are, holds none of its runs
        ("return back", "returned back", ...: one search for "return"). A run that holds another
        one is left out: a text that holds it holds the other ("   " and "  ")."""
        return tuple((shared, tuple(runs)) for shared, runs in alike(_shortest({run for _, run in self._runs})))

    @cached_property
    def _ascii_run_groups(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """The groups of :attr:`_run_groups` that an ASCII text may hold: those whose shared
        beginning is ASCII (``str.isascii`` is known without reading the text; most runs of
        the lists of ligatures and invisible characters are not ASCII)."""
        return tuple(group for group in self._run_groups if group[0].isascii())

    @cached_property
    def _wordless(self) -> tuple[int, ...]:
        """The places in :attr:`others` of the tokens that need no word and more than one run of
        text (those of one run are :attr:`_runs`)."""
        return tuple(k for k, (_, token) in enumerate(self.others) if not token.words and len(token.text) != 1)

    @cached_property
    def _worded(self) -> tuple[tuple[int, tuple[str, ...]], ...]:
        """The places in :attr:`others` of the tokens that need words, each with its runs of text."""
        return tuple((k, token.text) for k, (_, token) in enumerate(self.others) if token.words)

    @cached_property
    def _worded_groups(self) -> tuple[tuple[str, tuple[tuple[int, tuple[str, ...]], ...]], ...]:
        """The tokens of :attr:`_worded` by their first run, in groups whose first runs begin alike,
        each with its common beginning (:func:`alike`): as :attr:`_run_groups`, one search rules
        out a group ("emphasise on", "emphasized on", ...: "emphasi"). A token without runs
        (a group of its own) begins with "", which every text holds."""
        return _groups_by_first_run(self._worded)

    @cached_property
    def _wordless_groups(self) -> tuple[tuple[str, tuple[tuple[int, tuple[str, ...]], ...]], ...]:
        """The tokens of :attr:`_wordless` as groups of :func:`tokens_held` (as
        :attr:`_worded_groups`): such a token is possible exactly where the text holds its runs."""
        return _groups_by_first_run(tuple((k, self.others[k][1].text) for k in self._wordless))

    @cached_property
    def _runs_only(self) -> bool:
        """Whether the test is :attr:`_run_groups` alone (every token needs one run of text, as
        in most short lists): :meth:`met` asks nothing else of an indexed text."""
        return self.complete and not self.also and not self.words and len(self._runs) == len(self.others)

    @cached_property
    def piece_test(self) -> PieceTest:
        """What :meth:`met` asks of an indexed text, as pieces of it (:func:`_tests_held_py`):
        looser, never stricter (a word of the text is a piece of it; neighbours are not
        checked): a text that fails it fails :meth:`met`."""
        if not self.complete:
            return self.folded, self.also, None
        tokens = [(w.decode("utf-8"),) for w in self.words]
        tokens += (tuple(dict.fromkeys((*t.text, *(w.decode("utf-8") for w in t.words)))) for _, t in self.others)
        return self.folded, self.also, tuple(tokens)

    def met(self, index: TextIndex) -> bool:
        if not index.indexed:
            return self._in_text(index)
        text = index.text
        groups = self._ascii_run_groups if text.isascii() else self._run_groups
        if self._runs_only:
            return bool(groups) and any_run_held(text, groups)
        if self.also and not all(map(text.__contains__, self.also)):
            return False
        if not self.complete:
            return True
        return any_run_held(text, groups) \
            or bool(self.words and self._words_in(index)) \
            or any(self.others[k][1].possible(index) for k in self._others_to_try(index))

    def _in_text(self, index: TextIndex) -> bool:
        """The test of a text too long to index: what it asks of words and runs, looked for in
        the text (a word as a word of its own, a run as a piece of it; neighbours are not
        checked), when that is at most :data:`MOST_PIECES_UNINDEXED` searches; else the rule
        may match."""
        held = self._held_in_text(index)
        if held is None:
            return True
        also, possible = held
        return also and (not self.complete or bool(possible))

    def _held_in_text(self, index: TextIndex) -> tuple[bool, set[int]] | None:
        """For :meth:`_in_text`: whether the text holds every run of *also*, and the places in
        the rule's list of the tokens it may hold; None when that takes too many searches."""
        tokens = [(self.words[w], [w.decode("utf-8")], []) for w in self.words] \
            + [((i,), *_pieces(t)) for i, t in self.others]
        words = {w for _, needed, _ in tokens for w in needed}
        runs = {*self.also, *(r for _, _, needed in tokens for r in needed)}
        if len(words) + len(runs) > MOST_PIECES_UNINDEXED:
            return None
        found, whole = index.holding(runs, words)
        return found.issuperset(self.also), {
            i for places, w, r in tokens if whole.issuperset(w) and found.issuperset(r) for i in places}

    def _others_to_try(self, index: TextIndex) -> Iterator[int]:
        """The places in :attr:`others` of the tokens that may be possible in the document, but
        for those of :attr:`_runs`: those without words, and those whose longest word it holds
        (the others are not)."""
        if self._wordless:
            yield from tokens_held(index.text, self._wordless_groups)
        if not self._by_key:
            return
        if not index.has_words and len(self._worded) <= FEW_WORDS:
            # a few tokens: those whose runs (a literal token's whole text) are in the text;
            # the text is cut into words only for them
            yield from tokens_held(index.text, self._worded_groups)
            return
        for word in _shared(self._by_key, index.words):
            yield from self._by_key[word]

    def _words_in(self, index: TextIndex) -> set[bytes]:
        """The words of :attr:`words` that are words of the document. A handful of them is
        first looked for in its text (a word of the text is a piece of it): most documents
        hold none, and then the text is never cut into words (unless another rule had it cut:
        then its words are looked up)."""
        if len(self.words) <= FEW_WORDS and not index.has_words:
            maybe = [self._word_list[k] for k in tokens_held(index.text, self._word_groups)]
            return index.words.intersection(maybe) if maybe else set()
        return _shared(self.words, index.words)

    def which(self, index: TextIndex, most: int) -> list[int] | None:
        """The places in the rule's list of the tokens that may match in the document (in
        order), when there are at most *most*; else None, as when the test does not tell
        (not :attr:`complete`)."""
        if not self.complete:
            return None
        if not index.indexed:
            held = self._held_in_text(index)
            if held is None:
                return None
            found = held[1] if held[0] else set()
            return sorted(found) if len(found) <= most else None
        found = {i for w in self._words_in(index) for i in self.words[w]}
        found.update(i for i, run in self._runs if run in index.text)
        for k in self._others_to_try(index):
            if len(found) > most:
                return None
            i, token = self.others[k]
            if token.possible(index):
                found.add(i)
        return sorted(found) if len(found) <= most else None


def _groups_by_first_run(tokens: tuple[tuple[int, tuple[str, ...]], ...]) -> tuple[tuple[str, tuple[tuple[int, tuple[str, ...]], ...]], ...]:
    """*tokens* ((place, runs) pairs) as groups of :func:`tokens_held`, by their first run, in
    groups whose first runs begin alike, each with its common beginning (:func:`alike`; a token
    without runs begins with "", which every text holds)."""
    by_first: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for k, runs in tokens:
        by_first.setdefault(runs[0] if runs else "", []).append((k, runs))
    return tuple((shared, tuple(token for first in firsts for token in by_first[first]))
                 for shared, firsts in alike(by_first))


def _any_run_held_py(text: str, groups: tuple[tuple[str, tuple[str, ...]], ...]) -> bool:
    """Whether *text* holds the shared beginning of one of *groups* ((shared, runs) pairs:
    :attr:`Needs._run_groups`) and one of its runs."""
    return any(shared in text and any(map(text.__contains__, runs)) for shared, runs in groups)


def _tokens_held_py(text: str, groups: tuple[tuple[str, tuple[tuple[int, tuple[str, ...]], ...]], ...]) -> Iterator[int]:
    """The places, in order, of the tokens of *groups* ((shared, tokens) pairs, a token being
    (place, runs): :attr:`Needs._worded_groups`) whose group's shared beginning and every run
    *text* holds (one at a time: the first may be all that is asked)."""
    return (k for shared, tokens in groups if shared in text
            for k, runs in tokens if all(map(text.__contains__, runs)))


#: The compiled twins of :func:`_any_run_held_py` and :func:`_tokens_held_py`
#: (native/src/pieces.rs: Rust's search of a piece reads a text of English several times as
#: fast as ``in``, which mostly steps a character at a time there), or None. Each answers None
#: for a string without UTF-8 (a lone surrogate): the twin answers then.
_ANY_RUN_HELD = native.function("any_run_held")
_TOKENS_HELD = native.function("tokens_held")


def any_run_held(text: str, groups: tuple[tuple[str, tuple[str, ...]], ...]) -> bool:
    """:func:`_any_run_held_py`, by its compiled twin when there is one."""
    held = _ANY_RUN_HELD(text, groups) if _ANY_RUN_HELD is not None else None
    return _any_run_held_py(text, groups) if held is None else held


def tokens_held(text: str, groups: tuple[tuple[str, tuple[tuple[int, tuple[str, ...]], ...]], ...]) -> Iterable[int]:
    """:func:`_tokens_held_py`, by its compiled twin when there is one."""
    held = _TOKENS_HELD(text, groups) if _TOKENS_HELD is not None else None
    return _tokens_held_py(text, groups) if held is None else held


#: A rule's test as pieces of text (:attr:`Needs.piece_test`): whether it reads the text folded
#: (:func:`fold_text`), the pieces the text must hold, and the tokens (each its pieces) one of
#: which it must hold whole (None: no token is asked for).
PieceTest = tuple[bool, tuple[str, ...], "tuple[tuple[str, ...], ...] | None"]


def _tests_held_py(text: str, tests: tuple[PieceTest, ...]) -> list[bool]:
    """Whether *text* (folded by :func:`fold_text` for a folded test) holds what each of *tests*
    asks (:attr:`Needs.piece_test`)."""
    folded: str | None = None
    out = []
    for is_folded, also, tokens in tests:
        if is_folded and folded is None:
            folded = fold_text(text)
        read = folded if is_folded else text
        out.append(all(map(read.__contains__, also)) and (
            tokens is None or any(all(map(read.__contains__, token)) for token in tokens)))
    return out


#: The compiled twin of :func:`_tests_held_py` (native/src/pieces.rs: the tests read into Rust
#: once, asked of a text in one call), or None.
_PIECE_TESTS = native.function("PieceTests")
PIECE_TESTS_COMPILED = _PIECE_TESTS is not None


class PieceTests:
    """Several rules' tests (:attr:`Needs.piece_test`), asked of a text at once."""

    def __init__(self, tests: tuple[PieceTest, ...]) -> None:
        self._tests = tests
        self._compiled = _PIECE_TESTS(tests) if _PIECE_TESTS is not None else None

    def held(self, text: str) -> list[bool]:
        """:func:`_tests_held_py` of *text*, by its compiled twin when there is one."""
        held = self._compiled.held(text) if self._compiled is not None else None
        return _tests_held_py(text, self._tests) if held is None else held


def _shortest(runs: set[str]) -> set[str]:
    """Those of *runs* that hold none of the others."""
    return {run for run in runs if not any(other != run and other in run for other in runs)}


def _pieces(token: _Token) -> tuple[list[str], list[str]]:
    """What a text too long to index must hold for *token*: those of its words that none of its
    runs of text holds (a literal token's text holds its words), and its runs."""
    words = (w.decode("utf-8") for w in token.words)
    return [w for w in words if not any(w in t for t in token.text)], list(token.text)


#: Pieces that begin with at least this many characters in common are looked for together
#: (:func:`held_pieces`).
SHARED_START = 3
#: The most places of their common beginning at which such pieces are looked for; past them,
#: each is looked for in the rest of the text on its own.
MOST_PLACES = 200


def held_pieces(pieces: AbstractSet[str], text: str) -> set[str]:
    """The pieces that *text* holds. Each is a search of the whole text when it is missing, as
    most are; pieces that begin alike ("emphasise on", "emphasizing on", ...) are looked for
    together, at the places of their common beginning ("emphasi"): one search of the text."""
    held: set[str] = set()
    for shared, group in alike(pieces):
        if len(group) == 1:
            held.update(p for p in group if p in text)
        else:
            held.update(_held_at(shared, group, text))
    return held


def alike(pieces: Iterable[str]) -> list[tuple[str, list[str]]]:
    """*pieces*, sorted, in groups that begin with at least :data:`SHARED_START` characters in
    common, each with that common beginning (a piece alone: the piece)."""
    groups: list[tuple[str, list[str]]] = []
    ordered = sorted(pieces)
    i = 0
    while i < len(ordered):
        shared, j = ordered[i], i + 1  # the run ordered[i:j] begins with *shared*
        while j < len(ordered):
            common = os.path.commonprefix((shared, ordered[j]))
            if len(common) < SHARED_START:
                break
            shared, j = common, j + 1
        groups.append((shared, ordered[i:j]))
        i = j
    return groups


def _held_at(shared: str, pieces: list[str], text: str) -> Iterator[str]:
    """Those of *pieces*, which all begin with *shared*, that *text* holds: read at the places of
    *shared* (:data:`MOST_PLACES` of them, then looked for one by one after the last)."""
    left = list(pieces)
    at, places = text.find(shared), 0
    while at >= 0 and left:
        places += 1
        if places > MOST_PLACES:
            yield from (p for p in left if text.find(p, at) >= 0)
            return
        found = [p for p in left if text.startswith(p, at)]
        if found:
            yield from found
            left = [p for p in left if p not in found]
        at = text.find(shared, at + 1)


def _holds_word(text: str, word: str, before: str, after: str) -> bool:
    """Whether *text* holds *word* with no word character (``\\w``) next to it; *before* and
    *after* are the characters around *text* ("" where it is not part of a longer text)."""
    i = text.find(word)
    while i >= 0:
        end = i + len(word)
        if not _is_word_character(text[i - 1] if i else before) \
                and not _is_word_character(text[end] if end < len(text) else after):
            return True
        i = text.find(word, i + 1)
    return False


def _is_word_character(c: str) -> bool:
    return c != "" and _WORD.match(c) is not None


def _shared(keys: dict[bytes, Any], words: frozenset[bytes]) -> AbstractSet[bytes]:
    """The keys of *keys* that are in *words*, going through the smaller of the two (``&``
    between a dict's keys and a frozenset goes through the frozenset)."""
    return words.intersection(keys) if len(keys) <= len(words) else keys.keys() & words


def needs_of(tokens: list[str], ignorecase: bool, bounded: bool, raw: str = "") -> Needs | None:
    """The test for a rule whose pattern is *raw* followed (or preceded) by the alternation
    of *tokens* (wrapped in word boundaries when *bounded*); None when the rule must always
    be scanned. The test is kept between runs (``kept``)."""
    return kept(("needs", repr(tokens), ignorecase, bounded, raw),
                lambda: _needs_of(tokens, ignorecase, bounded, raw), _as_data, _from_data)


def _as_data(needs: Needs | None) -> tuple | None:
    if needs is None:
        return None
    others = tuple((i, t.words, t.pairs, t.text) for i, t in needs.others)
    return (needs.words, others, needs.also, needs.folded, needs.complete)


def _from_data(data: tuple | None) -> Needs | None:
    """The :class:`Needs` of :func:`_as_data`'s *data*; ``TypeError`` or ``ValueError`` on data
    of another shape."""
    if data is None:
        return None
    words, others, also, folded, complete = data
    if not (isinstance(words, dict) and isinstance(others, tuple) and isinstance(also, tuple)):
        raise TypeError("not a rule's test")
    return Needs(words, tuple((i, _Token(w, p, t)) for i, w, p, t in others), also, bool(folded),
                 bool(complete))


def _needs_of(tokens: list[str], ignorecase: bool, bounded: bool, raw: str) -> Needs | None:
    if any("(?" in t and _FLAG_GROUP.search(t) for t in [raw, *tokens]):
        return None
    also: tuple[str, ...] = ()
    if raw:
        runs = required_text(raw)
        also = tuple(_kept(runs or [], ignorecase))
    needed = [_variant_needs(token, ignorecase, bounded) for token in tokens]
    complete = bool(tokens) and all(need is not None for need in needed)
    if not complete and not also:
        return None
    words: dict[bytes, tuple[int, ...]] = {}
    others: list[tuple[int, _Token]] = []
    for i, variant_needs in enumerate(needed if complete else []):
        for need in variant_needs:
            if len(need.words) == 1 and not need.pairs and not need.text:
                if i not in words.get(need.words[0], ()):
                    words[need.words[0]] = words.get(need.words[0], ()) + (i,)
            else:
                others.append((i, need))
    return Needs(words, tuple(others), also, ignorecase, complete)


def _variant_needs(token: str, ignorecase: bool, bounded: bool) -> list[_Token] | None:
    """The tests of *token*, any one of which a document passes where the token may match;
    None when it may match anywhere. A pattern is spelled out into its variants
    (``variants``) when each of them needs words (looked up in a set), when they are at most
    :data:`FEW_VARIANTS`, or when the pattern on its own needs nothing: a variant that needs
    only text costs a search of the whole text, so a pattern with many variants whose own
    runs of text give a test keeps that one test. (A few searches cost far less than a scan:
    "(could|would|...) of" is tested by "could of", "would of", ..., not by " of", which
    every document holds.)"""
    whole = _token_needs(token, ignorecase, bounded)
    if is_literal(token):
        return None if whole is None else [whole]
    spelled = [_token_needs(variant, ignorecase, bounded) for variant in variants(token)]
    if any(need is None for need in spelled):
        return None if whole is None else [whole]
    if whole is None or len(spelled) <= FEW_VARIANTS or all(need.words for need in spelled):
        return spelled
    return _widened_needs(token, ignorecase, bounded) or [whole]


def _widened_needs(token: str, ignorecase: bool, bounded: bool) -> list[_Token] | None:
    """The tests of the variants of *token* with its largest group read as matching anything
    (:func:`variants.widened`), when they are at most :data:`FEW_VARIANTS` and each needs
    something: a few searches that rule out more documents than the runs of the token as
    written (its groups' text is no run there)."""
    wide = widened(token)
    if wide is None:
        return None
    spelled = [_token_needs(variant, ignorecase, bounded) for variant in variants(wide)]
    if len(spelled) > FEW_VARIANTS or any(need is None for need in spelled):
        return None
    return spelled  # type: ignore[return-value]


def _kept(runs: list[str], ignorecase: bool) -> list[str]:
    """The runs a test looks for: folded for *ignorecase* (where only ASCII is compared)."""
    if not ignorecase:
        return [r for r in runs if r]
    return [fold(r) for r in runs if r and r.isascii()]


def _token_needs(token: str, ignorecase: bool, bounded: bool) -> _Token | None:
    if not is_literal(token):
        kept = _kept(required_text(token) or [], ignorecase)
        return _Token((), (), tuple(kept)) if kept else None
    text = fold(token) if ignorecase else token
    if bounded and text.isascii() and text.isalnum():  # one word (most tokens)
        return _Token((text.encode("ascii"),), (), ())
    found = words_of(text)
    if not found:
        return _Token((), (), (text,)) if text.isascii() or not ignorecase else None
    # a word at an edge of the token is whole only inside the rule's word boundaries
    words: list[bytes | None] = list(found)  # None: a word that is not required
    if not bounded and text.encode("utf-8").startswith(found[0]):
        words[0] = None
    if not bounded and text.encode("utf-8").endswith(found[-1]):
        words[-1] = None
    if ignorecase:
        words = [w if w is not None and w.isascii() else None for w in words]
    pairs = tuple((a, b) for a, b in zip(words, words[1:]) if a is not None and b is not None)
    required = tuple(dict.fromkeys(w for w in words if w is not None))
    whole = (text,) if text.isascii() or not ignorecase else ()  # a match holds the token's text
    if required:
        return _Token(required, pairs, whole)
    return _Token((), (), whole) if whole else None
