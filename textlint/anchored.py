"""Whole-text scans tried only where a match can start.

A pattern such as "a word, spaces, an apostrophe, a word" is tried by ``finditer`` at every
word of a text and fails at almost all of them (a quarter of a second per 1.5 MB for that one).
Each of its matches holds a *seam* that a plain scan finds cheaply (here an apostrophe), and
starts where a *run* before the seam starts (here the word and the spaces before the
apostrophe). :func:`finditer_at_runs` finds the seams, steps back over the run before each
(a reverse pattern, ``(?r)``), and tries the pattern there only. It gives the same matches as
``pattern.finditer(text)`` when

- every match of *pattern* starts where ``run.match(text, 0, seam.start())`` starts, for a
  match of *seam* (the runs are greedy: "the whole word, then the spaces"), and
- *pattern* matches nowhere inside such a run (its look-behind forbids what the run holds:
  "no letter before the word"), so that a run cut short by the end of the last match gives
  no match either; and
- no run holds the first character of a seam (so the runs come in the order of the seams).

:func:`finditer_at_seams` is the case without runs: every match starts where a seam does
(the YAML rules' alternations of terms that start with literal text).
"""

from __future__ import annotations

import heapq
import operator
import re
import time
from itertools import chain
from typing import Any, Callable, Container, Iterable, Iterator

import regex

from .patterns import LazyPattern


def finditer_at_runs(pattern: LazyPattern, seam: LazyPattern, run: LazyPattern, text: str) -> Iterator[regex.Match]:
    """``pattern.finditer(text)`` for a pattern that meets the conditions above."""
    return matches_at_runs(pattern, (s.start() for s in seam.finditer(text)), run, text)


def matches_at_runs(pattern: LazyPattern, seams: Iterable[int], run: LazyPattern, text: str) -> Iterator[regex.Match]:
    """:func:`finditer_at_runs` with the seams given by where they start, in order (found once
    for several patterns: :attr:`textlint.document.Document.mark_seams`)."""
    done = 0  # where the last match ended: finditer tries nothing before it
    for seam in seams:
        before = run.match(text, done, seam)
        if before is None:
            continue
        m = pattern.match(text, before.start())
        if m is not None:
            yield m
            done = m.end()


#: :func:`finditer_at_characters` scans with the pattern when its characters are more than
#: one in this many of the text (a table of hyphens): there a scan is quicker than a try at each.
SPARSE_CHARACTERS = 32


def finditer_at_characters(pattern: LazyPattern, characters: str, text: str) -> Iterator[regex.Match]:
    """``pattern.finditer(text)`` for a pattern whose matches are never empty and all start at
    one of a few *characters* (after its look-behind): tried only at their places
    (:func:`places_of`), each past the end of the last match."""
    if sum(map(text.count, characters)) * SPARSE_CHARACTERS > len(text):
        return pattern.finditer(text)
    return matches_at(pattern, places_of(text, characters), text)


def matches_at(pattern: LazyPattern, places: Iterable[int], text: str) -> Iterator[regex.Match]:
    """The matches of *pattern* that start at *places* (offsets in order), each tried past the
    end of the last match."""
    done = 0  # where the last match ended: finditer tries nothing before it
    for at in places:
        if at >= done and (m := pattern.match(text, at)) is not None:
            yield m
            done = m.end()


def merged(*iterables: Iterable[Any], key: Callable[[Any], Any] | None = None) -> Iterator[Any]:
    """``heapq.merge(*iterables, key=key)``: the items of sorted iterables, in order (of equal
    ones, those of the first iterable first). When at most one of them yields anything, as most
    scans of a text for its rarer marks do, its items come as they are, without the heap that
    ``heapq.merge`` sets up (several microseconds a call) and steps through for each item."""
    started = []
    for iterable in iterables:
        items = iter(iterable)
        for first in items:
            started.append(chain((first,), items))
            break
    if len(started) > 1:
        return heapq.merge(*started, key=key)
    return started[0] if started else iter(())


def in_text_order(*scans: Iterable[regex.Match | re.Match]) -> Iterator[regex.Match | re.Match]:
    """The matches of several scans of one text (each in order), merged in the order of their
    starts: a pattern split into patterns each led by its literal text, scanned one by one
    (matches of ``regex`` and of ``re`` alike)."""
    return merged(*scans, key=_START)


_START = operator.methodcaller("start")


def places_of(text: str, characters: str) -> Iterator[int]:
    """The offsets of the *characters* in *text*, in order: the seams of a pattern that starts
    at one of a few characters, each found by ``str.find`` (several times quicker than a
    pattern of their class, which ``regex`` tries at every character)."""
    return merged(*(occurrences(text, c) for c in characters))


def occurrences(text: str, part: str) -> Iterator[int]:
    """Where *part* occurs in *text* (overlapping occurrences too), in order, each found by
    ``str.find``."""
    at = text.find(part)
    while at >= 0:
        yield at
        at = text.find(part, at + 1)


def matches_found(pattern: LazyPattern, text: str, found: Iterable[str], wanted: Container[str]) -> Iterator[regex.Match]:
    """The matches of *pattern* in *text* whose text is one of *wanted*, in order, given what
    ``pattern.findall(text)`` found (*found*): each looked for by ``str.find`` from the end of
    the last, and confirmed by ``pattern.match`` there (a second scan of the whole text, which
    ``finditer`` would be, is many times slower when a few of the forms are wanted). The same
    matches as ``pattern.finditer(text)`` with that text when *pattern* has no groups and
    matches nowhere inside a match of its own (a match never starts inside another: its
    look-behind forbids what a match holds), so that each place where it matches starts a
    match of the scan."""
    done = 0
    for form in found:
        if form not in wanted:
            continue
        at = text.find(form, done)
        while (m := pattern.match(text, at)) is None or m.end() != at + len(form):
            at = text.find(form, at + 1)
        yield m
        done = m.end()


def finditer_at_seams(pattern: regex.Pattern | LazyPattern, seams: tuple[regex.Pattern | LazyPattern, ...],
                      text: str, timeout: float | None = None) -> list[regex.Match]:
    """``pattern.finditer(text)`` for a pattern each of whose matches starts where one of
    *seams* matches: *pattern* is tried only at the places of their matches (overlapping ones
    too), in order, each past the end of the last match. A scan for one literal text is many
    times quicker than a scan for an alternation (the engine looks for the literal's
    characters; an alternation it tries at every place): an alternation of tokens that start
    with literal text is found this way. *seams* are literal text (perhaps without case), whose
    scans cannot run away. *timeout*: seconds for the matches of *pattern* (None: no limit),
    counted from the start; the scans for the seams run without one (the engine, asked for a
    timeout, reads the clock as it goes: that doubled the time of a scan for a literal)."""
    deadline = None if timeout is None else time.monotonic() + timeout
    places = merged(*((m.start() for m in seam.finditer(text, overlapped=True)) for seam in seams))
    found: list[regex.Match] = []
    done = tried = -1
    for at in places:
        if at < done or at == tried:
            continue
        tried = at
        m = pattern.match(text, at, timeout=None if deadline is None else max(deadline - time.monotonic(), 0.001))
        if m is not None:
            found.append(m)
            done = m.end()
    return found
