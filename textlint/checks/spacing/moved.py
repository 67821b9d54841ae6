"""A space moved by one letter: "look sfor" (looks for), "spac eis" (space is), "Thec at"
(The cat). OCR and hand typing put a space one letter early or late; neither the lattice of
:mod:`.model` (which joins a token to its neighbour only into a word, or when both are
fragments) nor a split of one token finds it, since the letter belongs to the other word.

The evidence is the lexicon and the tagger dictionary, no list of words: one of the two tokens
is no word (rare in ``wordfreq``, unknown to LanguageTool's tagger dictionary, not repeated in
the document, and no typo of a word: "iput" may be "input"), moving the space by one letter
makes two frequent words that both know, and the model
of :mod:`.model` scores the two new words (their frequencies and their pair, with the words
around them) above the two old ones by more than the cost of the two changed spaces, and above
reading the pair as one word split in two ("snakeb ird") or the token as a typo of a word. The fix is unsafe, unless both tokens are lowercase and
one of them is unknown to the lexicon at all (:func:`_certain`): a rare token may be a name
or a word of another language.
"""

from __future__ import annotations

import math
import re
from typing import Iterator

from ... import wordclasses as wc
from ...anchored import occurrences
from ...lexicon import Table
from ...patterns import lazy_compile
from .model import LETTER_WORDS, Change, Model, one_edit

#: Each word the moved space makes is at least this frequent (Zipf) and in the dictionary.
WORD_ZIPF = 4.0
_WORD_ZIPF_100 = round(WORD_ZIPF * 100)
#: A run of letters is a whole token: no letter, digit, apostrophe, hyphen or path character
#: before or after it (a period may end a sentence after it, not before it).
_WHOLE = lazy_compile(r"(?<![\w'’\-./@])[A-Za-z]+(?![\w'’\-@/])", engine=re)
#: Two words of ASCII letters, one space apart, the second at the match's end; the first is a
#: whole token (no letter, digit, mark or path character before it) and so is the second.
_PAIR_BEFORE = lazy_compile(r"(?<![\w'’\-./@])([A-Za-z]+) $", engine=re)
_PAIR_AFTER = lazy_compile(r" ([A-Za-z]+)(?![\w'’\-@/])", engine=re)
#: A word as the context of a pair: the word before it, or the word after it.
_WORD_BEFORE = lazy_compile(r"([A-Za-z]+) $", engine=re)
_WORD_AFTER = lazy_compile(r" ([A-Za-z]+)", engine=re)


def moved_spaces(line: str, model: Model, no_words: list[str]) -> Iterator[Change]:
    """Pairs of tokens of *line* whose space is one letter off, each as a change (offsets in
    the line) whose gain is the model's score of the moved space. Only *no_words*, the cores of
    the line's loud chunks that may be no word (:attr:`.model.JudgedLine.no_words`, which
    :func:`.model.judge_line` tells from each chunk's answer: :meth:`.Model.may_be_no_word` of
    the chunk stripped of its marks), may be the token that is no word."""
    if not no_words:
        return  # (most lines: no token of theirs is no word)
    zipf = model.lex.zipf_table()
    for core in sorted({c for c in no_words if model.document_count(c) <= 1}):
        for at in occurrences(line, core):
            if not _may_move(line, at, core, zipf):
                continue  # (most tokens: no move of one letter makes a frequent word of them)
            whole = _WHOLE.match(line, at)
            if whole is not None and whole.end() == at + len(core):
                yield from _around(line, at, whole.end(), model)


def may_move_in(line: str, model: Model, no_words: list[str]) -> bool:
    """Whether :func:`moved_spaces` may find a moved space in *line*: some occurrence of one of
    *no_words* passes :func:`_may_move`, which reads the line and the lexicon alone. Asked before
    :meth:`.Model.document_count` records any word: a line where none passes yields nothing in
    any document, so its repairs depend on no count of its tokens (most lines with a token that
    is no word); a line where one passes is left to :func:`moved_spaces`, which records what it
    always did."""
    zipf = model.lex.zipf_table()
    for core in set(no_words):
        at = line.find(core)
        while at >= 0:
            if _may_move(line, at, core, zipf):
                return True
            at = line.find(core, at + 1)
    return False


def _may_move(text: str, start: int, token: str, zipf: dict[str, int] | Table) -> bool:
    """Whether :func:`_around` may find a moved space at *token*, found at *start* in *text*:
    a necessary condition read off the token and the letter beside it, before any pattern is
    tried. A move makes of the token, with the neighbour's last or first letter or without its
    own first or last, a word that :func:`_word` takes: a frequent one (:func:`_frequent`)."""
    if start >= 2 and token[0].islower():
        space = text[start - 1]
        if space == "\n":
            return True  # (the pattern's ``$`` before a line break: left to :func:`_around`)
        if space == " " and (_frequent(token[1:], zipf) or _frequent(text[start - 2] + token, zipf)):
            return True
    end = start + len(token)
    after = text[end + 1:end + 2]
    return "a" <= after <= "z" and (_frequent(token + after, zipf) or _frequent(token[:-1], zipf))


def _frequent(w: str, zipf: dict[str, int] | Table) -> bool:
    """What :func:`_word` asks first: a word of :data:`LETTER_WORDS`, or one of Zipf >=
    ``WORD_ZIPF`` in *zipf*, the lexicon's word table (of lowercase words)."""
    return w in LETTER_WORDS if len(w) < 2 else zipf.get(w.lower(), 0) >= _WORD_ZIPF_100


def _unknown_in(token: str, model: Model, table: dict[str, bool]) -> bool:
    """:meth:`.Model.may_be_no_word`, asked once per process: *table* is the model's shared table of the
    answers."""
    unknown = table.get(token)
    if unknown is None:
        unknown = table[token] = model.may_be_no_word(token)
    return unknown


def _no_word(token: str, model: Model) -> bool:
    """Whether *token* is no word: :meth:`.Model.may_be_no_word` by the lexicon and the dictionary (asked
    once per process: :func:`_unknown_in`), and not repeated in the document (a token the
    document repeats is one of its words)."""
    return _unknown_in(token, model, model.table("unknown")) and model.document_count(token) <= 1


def _word(w: str, model: Model) -> bool:
    """Whether a token the moved space makes is a word: frequent enough, in the dictionary."""
    return _frequent(w, model.lex.zipf_table()) and (len(w) < 2 or wc.known_in_any_case(w, w.lower()))


def _around(text: str, start: int, end: int, model: Model) -> Iterator[Change]:
    """The moved spaces between the token *text[start:end]* and the word before or after it
    (not before a capital: :func:`_moved`)."""
    before = _search_before(_PAIR_BEFORE, text, start) if text[start].islower() else None
    if before is not None:
        change = _moved(text, before.start(1), start - 1, end, model)
        if change is not None:
            yield change
    # (a capital after the space keeps it: :func:`_moved`; told before the pattern is tried)
    after = _PAIR_AFTER.match(text, end) if "a" <= text[end + 1:end + 2] <= "z" else None
    if after is not None:
        change = _moved(text, start, end, after.end(1), model)
        if change is not None:
            yield change


def _search_before(pattern: re.Pattern, text: str, end: int) -> re.Match | None:
    """``pattern.search(text, max(0, end - 40), end)`` of a pattern of letters and a space that
    ends the text searched (:data:`_PAIR_BEFORE`, :data:`_WORD_BEFORE`), tried only where it may
    match: nowhere unless a space (or a line break, before which ``$`` matches) ends that text,
    and from past the space before that one, as the letters of a match hold none (a search from
    each of 40 characters reads the letters after each)."""
    start = max(0, end - 40)
    last = text[end - 1:end] if end else ""
    if last != " ":
        return pattern.search(text, start, end) if last == "\n" else None
    return pattern.search(text, max(start, text.rfind(" ", start, end - 1) + 1), end)


def _moved(text: str, a: int, gap: int, b: int, model: Model) -> Change | None:
    """The best move of the space at *gap* between the tokens ``text[a:gap]`` and
    ``text[gap + 1:b]`` by one letter, as a change, when it beats the two tokens."""
    first, second = text[a:gap], text[gap + 1:b]
    if not second[0].islower():
        return None  # a capital starts a word: the space before it is the author's
    moves = [(new_first, new_second) for new_first, new_second in (
        (first + second[0], second[1:]), (first[:-1], first[-1] + second))
        if new_first and new_second and new_second.islower() and _word(new_first, model) and _word(new_second, model)]
    if not moves:
        return None  # (the context is read only for a move that makes two words)
    left = _search_before(_WORD_BEFORE, text, a)
    right = _WORD_AFTER.match(text, b)
    context = (left.group(1) if left else None, right.group(1) if right else None)
    base = model.score([first, second], *context, originals={first, second})
    cost = model.p.ins_cost + model.p.del_cost
    best = None
    for new_first, new_second in moves:
        gain = model.score([new_first, new_second], *context) - base - cost
        if best is None or gain > best[0]:
            best = (gain, new_first, new_second)
    if best is None or best[0] <= 0:
        return None
    gain, new_first, new_second = best
    if gain <= _join_gain(first, second, context, base, model) or gain <= _typo_gain(
            first, second, context, base, cost, [new_first.lower(), new_second.lower()], model):
        return None  # a split word ("snakeb ird"), or one typo explains the pair: "an iput" (input)
    moved_to = gap + 2 if len(new_first) > len(first) else gap - 1  # (offsets of the text as it is)
    return Change(a, b, text[a:b], f"{new_first} {new_second}", inserts=[moved_to],
                  deletes=[(gap, gap + 1)], gain=gain, certain=_certain(first, second, model))


def _certain(first: str, second: str, model: Model) -> bool:
    """Whether a moved space may be fixed safely (at the safe margin): both tokens lowercase
    (a capitalised one may be a name: "Hopea"), and one of them no word at all, unknown to
    the lexicon in any frequency ("whichw ere", "an dpreviously"), not a rare word or a name
    that the web writes ("byt", "nof")."""
    return first.islower() and second.islower() and any(
        _no_word(w, model) and model.lex.zipf(w) == 0.0 for w in (first, second))


def _join_gain(first: str, second: str, context: tuple, base: float, model: Model) -> float:
    """The gain of reading the pair as one word split by a spurious space ("snakeb ird",
    "foo tball"), scored as the lattice scores a join."""
    return model.score([first + second], *context) - base - model.p.del_cost


def _typo_gain(first: str, second: str, context: tuple, base: float, cost: float, pieces: list[str],
               model: Model) -> float:
    """The best gain of reading one token of the pair that is no word as a typo of a word one
    edit away (Zipf >= ``Params.solid_zipf``, not one of the moved space's *pieces*), an edit
    costing *cost* as the moved space does; minus infinity when there is none."""
    best = -math.inf
    for k, token in enumerate((first, second)):
        if not _no_word(token, model):
            continue
        for word in one_edit(token.lower()).difference(pieces):
            if model.lex.zipf(word) < model.p.solid_zipf:
                continue
            if token[0].isupper():
                word = word.capitalize()
            pair = [word, second] if k == 0 else [first, word]
            best = max(best, model.score(pair, *context, originals={first, second}) - base - cost)
    return best
