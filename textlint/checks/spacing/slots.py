"""Run-ons that syntax gives away: a closed compound that no edited dictionary has, standing
where only a verb can ("to backout the change", "she can checkin tomorrow", "we can rollout
the feature"). The nouns "backout", "checkin" and "rollout" are web spellings; the verbs are
always written apart ("back out", "check in", "roll out").

The evidence is data and grammar, no list of words: the token is one of the glued forms of
:func:`.model.glued_forms` (lowercase ``wordfreq`` words that Debian's SCOWL-70 lists lack but
that are two of their words glued), and the word before it opens a verb phrase — a modal or
"do", a subject pronoun, or "to" when a determiner or an object pronoun follows the token
(after "from check to rollout." the token is a noun). The lexicon's word-pair statistics
alone leave these forms alone (the particle is too frequent for a strong pair), and the same
tokens as nouns ("the backout plan", "two days to rollout") stay unflagged.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Collection, Iterator

import regex

from ...anchored import occurrences
from ...document import text_pieces
from ...lexicon import Lexicon
from ...patterns import lazy_compile
from ...wordclasses import DO, MODALS, OBJECT_STARTS, SUBJECT_PRONOUNS
from .model import Change, glued_forms

#: Words after which the next word is a verb: the modals, "do" and the subject pronouns ("to"
#: needs an object after the verb, see :func:`_verb_slot`).
VERB_OPENERS = MODALS | DO | SUBJECT_PRONOUNS
#: A lowercase token of five letters or more.
_TOKEN = lazy_compile(r"(?<![\p{L}\p{M}\p{N}'’_\-./@])\p{Ll}{5,}(?![\p{L}\p{M}\p{N}'’_\-@/])")
#: The bytes of a text as :func:`_tokens_in` reads its runs of ASCII lowercase letters: those
#: letters stay, a capital becomes "A" (a run after it, "ather" in "Father", starts no token),
#: any other byte a space (a UTF-8 byte of another character too).
_RUN_BYTES = bytes(c if 97 <= c <= 122 else 65 if 65 <= c <= 90 else 32 for c in range(256))
#: The word before a token (and the spaces between them).
_BEFORE = lazy_compile(r"(?r)(?<![\p{L}\p{M}\p{N}'’_\-./@])\p{L}+[ \u00a0]+$")
#: What follows a token: the next word, or a punctuation mark.
_AFTER = lazy_compile(r"[ \u00a0]+\p{L}+|[,.;:!?]?")
#: A piece of a glued form is a word at least this frequent (Zipf).
PIECE_ZIPF = 3.0


def verb_slot_runons(text: str, lexicon: Lexicon, words: Collection[str] | None = None) -> Iterator[Change]:
    """Glued forms in a verb's place, each as an unsafe change (the split is certain to be a
    space, but which split the author meant is the lexicon's best guess). *words*, when
    given, holds every word of *text* (see :func:`_tokens_in`)."""
    forms = glued_forms()
    for m in _tokens_in(text, forms, words):
        token = m.group()
        before = _BEFORE.search(text, max(0, m.start() - 20), m.start())
        if before is None or not _verb_slot(text, before.group().rstrip(" \u00a0"), before.start(),
                                            _AFTER.match(text, m.end()).group().strip(" \u00a0")):
            continue
        cut = _best_cut(token, lexicon)
        if cut is None:
            continue
        start = m.start()
        yield Change(start, m.end(), token, f"{token[:cut]} {token[cut:]}",
                     inserts=[start + cut], gain=float("inf"), certain=False)


def _tokens_in(text: str, forms: frozenset[str], words: Collection[str] | None = None) -> Iterator[regex.Match]:
    """The matches of :data:`_TOKEN` that are one of *forms*, in order. A token is a whole
    word of the text (:data:`.document.WORD`: no letter, digit, apostrophe or hyphen on either
    side), so the forms it may be are those among *words* (every word of the text) when they
    are given. Else, as a form made of ASCII letters (as all are) is one of the runs of ASCII
    lowercase letters that no capital precedes, a table of bytes (:data:`_RUN_BYTES`) and a
    split list them far faster than ``regex`` tries :data:`_TOKEN` at every place (and twice
    as fast as ``re`` lists them). Only where a form occurs is the token read."""
    if not _ascii(forms):
        yield from (m for m in _TOKEN.finditer(text) if m.group() in forms)
        return
    found = forms.intersection(words) if words is not None else _forms_in_runs(text, forms)
    starts = {at for form in found for at in occurrences(text, form)}
    for at in sorted(starts):
        m = _TOKEN.match(text, at)
        if m is not None and m.group() in forms:
            yield m


def _forms_in_runs(text: str, forms: frozenset[str]) -> set[str]:
    """The *forms* that are runs of ASCII lowercase letters of *text* that no capital precedes
    (:func:`_tokens_in`)."""
    wanted = _encoded(forms)
    found: set[bytes] = set()
    for piece in text_pieces(text):  # (no list of every run of a large text; no run holds a space)
        found.update(wanted.intersection(piece.encode("utf-8", "surrogatepass").translate(_RUN_BYTES).split()))
    return set(map(bytes.decode, found))


@lru_cache(maxsize=4)
def _ascii(forms: frozenset[str]) -> bool:
    """Whether every form is five ASCII lowercase letters or more, told by string methods
    over all forms at once."""
    letters = "".join(forms)
    return not forms or (letters.isascii() and letters.isalpha() and letters.islower()
                         and min(map(len, forms)) >= 5)


@lru_cache(maxsize=4)
def _encoded(forms: frozenset[str]) -> frozenset[bytes]:
    """*forms* in ASCII bytes (:func:`_tokens_in`)."""
    return frozenset(form.encode("ascii") for form in forms)


def _verb_slot(text: str, before: str, at: int, after: str) -> bool:
    """Whether a verb must stand between *before* (at offset *at*) and *after*."""
    if before in VERB_OPENERS or before == "I":
        return True
    if before[1:].islower() and before.lower() in VERB_OPENERS and _sentence_start(text, at):
        return True  # "They checkin at noon."
    if before == "to":
        return after.lower() in OBJECT_STARTS
    # "To backout, ...": an infinitive of purpose opens the sentence
    return before == "To" and after == "," and _sentence_start(text, at)


def _sentence_start(text: str, pos: int) -> bool:
    head = text[max(0, pos - 3):pos].rstrip(" \u00a0\"'“‘(")
    return not head or head[-1] in ".!?\n"


def _best_cut(token: str, lexicon: Lexicon) -> int | None:
    """Where the token splits into the likeliest pair of words (frequencies and pair PMI)."""
    best, where = None, None
    for c in range(1, len(token)):
        first, second = token[:c], token[c:]
        za, zb = lexicon.zipf(first), lexicon.zipf(second)
        if za < PIECE_ZIPF or zb < PIECE_ZIPF or len(first) < 2 and first != "a":
            continue
        score = za + zb + (lexicon.pmi(first, second) or 0.0)
        if best is None or score > best:
            best, where = score, c
    return where
