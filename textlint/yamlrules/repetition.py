"""``extends: repetition`` — flag a token repeated right after itself ("the the")."""

from __future__ import annotations

from typing import ClassVar, Iterator

import regex

from ..diagnostics import Diagnostic, Fix
from ..document import Document
from ..rule import FixAvailability
from .base import Matcher, Schema, YamlRule, sentences
from ..patterns import lazy_compile

#: A word, with its inner apostrophes and hyphens ("in-fighting" is one token, not "in"),
#: or a run of punctuation: "very, very" is no repeat (Vale's repetition has no default).
_DEFAULT_TOKEN = r"\w+(?:['’-]\w+)*|[^\s\w]+"
#: Two equal default tokens with spaces between: each token as the default tokens cut
#: the text (a word is not begun or ended next to a word character or a joined word).
_DEFAULT_PAIR = (r"(?<!\w)(?<!\w['’-])(?P<a>\w+(?:['’-]\w+)*)(?!\w)(?!['’-]\w)\s+(?P<b>(?P=a))(?!\w)(?!['’-]\w)"
                 r"|(?<![^\s\w])(?P<a2>[^\s\w]+)\s+(?P<b2>(?P=a2))(?![^\s\w])")
#: Two equal words (of the default tokens) with spaces between.
_WORD_PAIR = r"(?<!\w)(?<!\w['’-])(?P<a>\w++(?:['’-]\w++)*+)\s++(?P<b>(?P=a))(?!\w)(?!['’-]\w)"
#: Where two equal words may be: a word, or the first part of a joined word, followed by
#: spaces and itself (a superset of the pairs, found many times faster).
_CANDIDATE_PAIR = r"\b(\w+)\s+\1\b|\b(\w+)['’-][\w'’-]*\s+\2\b"
#: From a candidate back to the start of its token.
_TOKEN_START = lazy_compile(r"[\w'’-]*", regex.REVERSE)
#: What ``alpha`` takes: letters, with inner apostrophes and hyphens ("Federation’s", "hi-tech").
_ALPHA = lazy_compile(r"\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*")


class Repetition(YamlRule):
    """``tokens``: what counts as a token (default: a word). As Vale: the tokens are the
    matches of the pattern in order, and a token equal to the one before it (case aside
    with ``ignorecase``) is a repeat, flagged from the first to the second when both lie in
    one sentence; ``alpha: true`` takes only tokens of letters (with inner apostrophes and
    hyphens, where Vale takes letters only); ``max``: repeats allowed
    before one is flagged; ``exceptions``: repeats that are correct ("had had").
    The fix deletes the second token and what separates it from the first."""

    TYPE: ClassVar[str] = "repetition"
    KEYS: ClassVar[dict] = {"tokens": Schema.strings, "alpha": Schema.boolean,
                            "exceptions": Schema.strings, "max": Schema.integer}

    def setup(self) -> None:
        tokens = self.spec.get("tokens") or [_DEFAULT_TOKEN]
        self.check_patterns(tokens, "tokens")
        self.pattern = self.compile("|".join(f"(?:{t})" for t in tokens), "tokens", words=False)
        self.alpha = self.spec.get("alpha", False)
        self.most = self.spec.get("max", 0)
        self.compile_exceptions()
        # the default tokens cover every character but spaces, so consecutive tokens are
        # those with only spaces between: the repeats are found by one pattern, in C
        self.pairs = self.candidates = None
        if not self.spec.get("tokens") and not self.most:
            self.pairs = self.compile(_WORD_PAIR if self.alpha else _DEFAULT_PAIR, "tokens", words=False)
            if self.alpha:  # only words count: a fast pattern finds where to look
                self.candidates = self.compile(_CANDIDATE_PAIR, "tokens", words=False)

    def availability(self) -> FixAvailability:
        return FixAvailability.ALWAYS if self.fix_applicability else FixAvailability.NONE

    def findings(self, doc: Document, patterns: Matcher) -> Iterator[Diagnostic]:
        if self.pairs is not None:
            yield from self._pairs(patterns)
            return
        for unit in patterns.units():
            text = unit.text
            previous, before, count = "", None, 0
            for m in patterns.finditer_in(self.pattern, text):
                current = m.group().strip()
                same = current.casefold() == previous.casefold() if self.ignorecase else current == previous
                hit = bool(current) and same and (not self.alpha or _ALPHA.fullmatch(current) is not None)
                count += hit
                if hit and count > self.most:
                    span = text[before.start():m.end()]
                    if len(list(sentences(span))) == 1 and not patterns.is_exception(span):
                        yield self._finding(unit, before.start(), before.end(), m.end(), m.group(), current)
                        count = 0
                before, previous = m, current

    def _pairs(self, patterns: Matcher) -> Iterator[Diagnostic]:
        """The repeats of the default tokens (the same as the loop over the tokens); the
        pattern's lookaround sees a blank line as the edge of a unit, so the units are
        scanned at once."""
        for unit, m in self._pair_matches(patterns):
            group = "b" if m.group("b") is not None else "b2"
            second = m.group(group)
            if self.alpha and _ALPHA.fullmatch(second) is None:
                continue
            span = m.group()
            if len(list(sentences(span))) == 1 and not patterns.is_exception(span):
                first_end = m.end("a" if group == "b" else "a2")
                # positions in the block's text, turned to the unit's
                yield self._finding(unit, m.start() - unit.start, first_end - unit.start, m.end() - unit.start,
                                    second, second.strip())

    def _pair_matches(self, patterns: Matcher) -> Iterator[tuple]:
        """(unit, match) of each repeat of the default tokens, positions counted in the
        unit's block (the pattern matches one way at a place, so the blocks are scanned)."""
        if self.candidates is None:
            yield from patterns.scan_blocks(self.pairs)
            return
        seen: set[tuple[int, int]] = set()
        for unit, c in patterns.scan_blocks(self.candidates):
            text = unit.block.text
            start = _TOKEN_START.match(text, unit.start, c.start()).start()
            if (id(unit), start) in seen:
                continue
            seen.add((id(unit), start))
            m = patterns.match(self.pairs, text, start, unit.end)
            if m is not None:
                yield unit, m

    def _finding(self, unit, start: int, first_end: int, end: int, second: str, shown: str) -> Diagnostic:
        """A repeat from *start* to *end* of the unit's text; the fix removes what follows
        the first token."""
        source_start, source_end = unit.source(start, end)
        fix = None
        if self.fix_applicability:
            cut, _ = unit.source(first_end, first_end)
            fix = Fix.replace(cut, source_end, "", self.fix_applicability,
                              title=f"Remove the repeated '{second}'")
        return self.diagnostic(source_start, source_end, self.format(shown), fix)
