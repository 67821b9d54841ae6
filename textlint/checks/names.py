"""cleanup.NameVariant: one name spelled two ways in a document (Vladimir Putin / Wladimir Putin)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Callable, Iterable, Iterator

import regex

from .. import native
from ..anchored import matches_found
from ..casing import get_casing
from ..diagnostics import Applicability, Diagnostic, Fix
from ..document import PLAIN_CAPITALS, PLAIN_LETTERS, PLAIN_SMALL, Document, plain, text_pieces
from ..lexicon import get_lexicon
from ..patterns import lazy_compile
from ..rule import FixAvailability
from ..wordclasses import HONORIFICS, noun
from .base import Check

#: A capitalised word of four letters or more (not an acronym), with its neighbours.
_NAME = lazy_compile(r"(?<![\p{L}\p{M}\-’'])\p{Lu}\p{Ll}[\p{Ll}\p{M}]{2,}(?![\p{L}\p{M}])")
#: :data:`_NAME` in plain text (:data:`textlint.document.NOT_PLAIN`), with the classes of its
#: letters (``re``, led by its capital: several times quicker than ``regex``, which tries the
#: look-behind at every character).
_PLAIN_NAME = lazy_compile(rf"[{PLAIN_CAPITALS}](?<![{PLAIN_LETTERS}\-’'].)[{PLAIN_SMALL}]{{3,}}"
                           rf"(?![{PLAIN_LETTERS}])", engine=re)
#: Text that is not plain is scanned for names in pieces of about this many characters
#: (:func:`_names`).
NAME_PIECE = 1024
_LEFT = lazy_compile(r"(?r)([\p{L}\p{M}]+)[ \u00a0]+$")
_RIGHT = lazy_compile(r"[ \u00a0]+([\p{L}\p{M}]+)")
#: The variant must be rarer in the lexicon than the spelling kept by this much (Zipf), so
#: that two common names one letter apart (Anna / Anne) are left alone.
RARER_BY = 0.5


def _title(word: str) -> bool:
    """Titles and honorifics ("Mr", "President", "Lake"): shared by different people and
    places, so they do not tie two names together. An abbreviated honorific, or a word that
    LanguageTool's dictionary knows as a common noun ("president", "minister", "river")."""
    low = word.lower()
    return low in HONORIFICS or noun(low)


def _edit_distance_one(a: str, b: str) -> bool:
    """Whether *a* and *b* differ by one substitution, insertion, deletion or transposition."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long[k]), len(short))
    return short[i:] == long[i + 1:]


class NameVariant(Check):
    ID = "cleanup.NameVariant"
    CATEGORY = "cleanup"
    DESCRIPTION = (
        "One name spelled two ways in the same document: two capitalised words one edit apart "
        "that stand next to the same capitalised word (\"Vladimir Putin\" and \"Wladimir "
        "Putin\")."
    )
    RATIONALE = (
        "Transliteration (Russian, Arabic, Chinese names) and translation from other "
        "languages leave a name in two spellings, which readers take for two people. The "
        "check needs a shared neighbouring name (the surname or first name), ignores words "
        "that are common lowercase words, inflections (Russia / Russian) and titles, and "
        "flags the less frequent spelling where it stands next to the shared name (\"Yury "
        "Gagarin\" beside \"Yuri Gagarin\", not \"Yury Malenchenko\", another person)."
    )
    FIX = Applicability.UNSAFE
    FIX_AVAILABILITY = FixAvailability.ALWAYS
    FIX_SAFETY = (
        "The fix replaces the variant with the spelling the document uses most (on a tie, the "
        "more common one); it is unsafe because two people can have names one letter apart."
    )
    FLAG = [
        ("Russian President Vladimir Putin spoke. Later Wladimir Putin left.",
         "Russian President Vladimir Putin spoke. Later Vladimir Putin left."),
        ("Mikhail Gorbachev arrived. Michail Gorbachev spoke.",
         "Mikhail Gorbachev arrived. Mikhail Gorbachev spoke."),
    ]
    OK = [
        "Russia and the Russian delegation met Russians in Moscow.",
        "Mr Brown met Mr Crown in London.",
        "Anna Smith and Anne Smith are sisters.",
        "Vladimir Putin met Vladimir Putin's guests.",
    ]

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        found = _names(text, doc.plain)
        pairs = _name_pairs(found)
        if not pairs:
            return
        counts = Counter(found)
        lexicon = get_lexicon()  # loaded only when a document has candidate pairs
        # the spelling to keep and the one to change of each pair whose change is rarer than the
        # spelling kept (two common names one letter apart are left alone: Anna / Anne), decided
        # before the places of its forms are looked for
        changes = {}
        for a, b in pairs:
            keep, change = sorted((a, b), key=lambda f: (counts[f], lexicon.zipf(f), f))[::-1]
            if lexicon.zipf(change) <= lexicon.zipf(keep) - RARER_BY:
                changes[a, b] = keep, change
        if not changes:
            return
        # the places of the forms of a pair, and their capitalised neighbours
        paired = {f for pair in changes for f in pair}
        occurrences: dict[str, list[regex.Match]] = defaultdict(list)
        neighbours: dict[str, set[str]] = defaultdict(set)
        for m in matches_found(_NAME, text, found, paired):
            occurrences[m.group()].append(m)
            neighbours[m.group()].update(n for n in self._neighbours(text, m) if n[:1].isupper())
        reported: set[str] = set()
        for a, b in sorted(changes):
            shared = self._shared(a, b, neighbours)
            keep, change = changes[a, b]
            if not shared or change in reported:
                continue
            reported.add(change)
            for m in occurrences[change]:
                if not _related(self._neighbours(text, m), shared):
                    continue  # another person with that first name: "Yury Malenchenko"
                fix = Fix.replace(m.start(), m.end(), keep, Applicability.UNSAFE,
                                  title=f"Write '{keep}'")
                yield self.diagnostic(m.start(), m.end(),
                                      f"'{change}' is spelled '{keep}' elsewhere", fix)

    @staticmethod
    def _neighbours(text: str, m: regex.Match) -> list[str]:
        """The words right before and after *m* (only spaces between)."""
        out = []
        left = _LEFT.search(text, max(0, m.start() - 40), m.start())
        if left:
            out.append(left.group(1))
        right = _RIGHT.match(text, m.end(), min(len(text), m.end() + 40))
        if right:
            out.append(right.group(1))
        return out

    @staticmethod
    def _shared(a: str, b: str, neighbours: dict[str, set[str]]) -> set[str]:
        """The neighbours that tie *a* and *b* (:func:`_spellings` of one name) together as
        two spellings of one name; empty when they do not look like one."""
        shared = {n for n in neighbours[a] & neighbours[b] if not _title(n)}
        for n in neighbours[a]:
            for o in neighbours[b]:
                if len(n) >= 4 and len(o) >= 4 and n != o and (o.startswith(n) or n.startswith(o)) \
                        and not _title(n) and not _title(o):
                    shared |= {n, o}
        return shared


def _names(text: str, whole_plain: bool) -> list[str]:
    """``_NAME.findall(text)``: by :data:`_PLAIN_NAME` in plain text (:func:`plain`), as nearly
    all is; other text piece by piece (:func:`text_pieces`: each cut before a whitespace
    character, which no match holds and which the look-around of :data:`_NAME` rejects as the
    end of a piece does), each plain piece by :data:`_PLAIN_NAME`. *whole_plain* tells whether
    the whole text is plain."""
    if whole_plain:
        return _plain_names(text)
    found: list[str] = []
    for piece in text_pieces(text, NAME_PIECE):
        found += _plain_names(piece) if plain(piece) else _NAME.findall(piece)
    return found


def _plain_names_py(text: str) -> list[str]:
    """The names (:data:`_PLAIN_NAME`) of the plain *text*, in order."""
    return _PLAIN_NAME.findall(text)


#: The compiled twin of :func:`_plain_names_py` (native/src/names.rs), or None.
_PLAIN_NAMES = native.function("plain_names")


def _plain_names(text: str) -> list[str]:
    """:func:`_plain_names_py`, by its compiled twin when it is built (in about a third of the
    time ``re`` takes)."""
    if _PLAIN_NAMES is not None:
        found = _PLAIN_NAMES(text)
        if found is not None:
            return found
    return _plain_names_py(text)


def _spelling_pairs_py(forms: Iterable[str], keys_of: Callable[[str], tuple[str, ...]]) -> set[tuple[str, str]]:
    """The pairs (a, b), a < b, of the *forms* (a form given twice as once) that may be two spellings of one name
    (:func:`_spellings`) among those that share a key (*keys_of*: :func:`_deletion_keys`, which
    every such pair shares, or :func:`_keys_of_name`, none for a form that may not be a name)."""
    # Forms one edit apart share a key: the form with one letter deleted (or itself). Only
    # keys that two forms share make groups (most keys are one form's; a form that gives a key
    # twice, "ana" of "Anna", may stand twice in its group: the same pairs).
    first: dict[str, str] = {}
    groups: dict[str, list[str]] = {}
    for f in forms:
        for key in keys_of(f):
            other = first.setdefault(key, f)
            if other != f:
                groups.setdefault(key, [other]).append(f)
    return {(a, b) for group in groups.values() for a in group for b in group if a < b and _spellings(a, b)}


#: The compiled twin of :func:`_spelling_pairs_py` with :func:`_deletion_keys` (native/src/names.rs),
#: or None.
_SPELLING_PAIRS = native.function("spelling_pairs")


def _name_pairs(found: list[str]) -> set[tuple[str, str]]:
    """``_spelling_pairs_py(found, _keys_of_name)``: the pairs of the names *found* that may be two
    spellings of one. By the compiled twin when it is built: the pairs of all the forms, then those
    of forms that may be names (few are paired: the costlier test of a name is asked of these alone)."""
    if _SPELLING_PAIRS is not None:
        pairs = _SPELLING_PAIRS(found)
        if pairs is not None:
            return {(a, b) for a, b in pairs if _keys_of_name(a) and _keys_of_name(b)}
    return _spelling_pairs_py(dict.fromkeys(found), _keys_of_name)


#: Distinct forms whose keys (:func:`_keys_of_name`: the form and the process-wide tables alone
#: decide them) are kept for the documents after the one that asked: a run of a few hundred
#: articles writes a few thousand distinct forms, and 4,096 kept keys take well under a MB.
FORMS_KEPT = 1 << 12


@lru_cache(maxsize=FORMS_KEPT)
def _keys_of_name(form: str) -> tuple[str, ...]:
    """The keys under which :meth:`NameVariant.check` groups *form* with the forms one edit
    apart: the form in lowercase and the form with each letter deleted; none when *form* may
    not be a name (:func:`_may_be_name`)."""
    return _deletion_keys(form) if _may_be_name(form) else ()


def _deletion_keys(form: str) -> tuple[str, ...]:
    """*form* in lowercase, and with each letter deleted: two forms one edit apart share one."""
    low = form.lower()
    return (low, *[low[:i] + low[i + 1:] for i in range(len(low))])


def _may_be_name(form: str) -> bool:
    """Whether *form* may be a name: no common word (the casing table knows it) and no title."""
    return get_casing().ratio(form) is None and not _title(form)


def _spellings(a: str, b: str) -> bool:
    """Whether *a* and *b* (one deletion from a common key) may be two spellings of one
    name: one edit apart, and neither an inflection of the other (Russia / Russian, Putin /
    Putins)."""
    return not (a.startswith(b) or b.startswith(a)) and _edit_distance_one(a.lower(), b.lower())


def _related(words: list[str], shared: set[str]) -> bool:
    """Whether one of *words* is a shared neighbour or runs on from one ("Putinin")."""
    return any(w in shared or len(w) >= 4 and any(w.startswith(s) or s.startswith(w) for s in shared)
               for w in words)
