"""``extends: repetition`` — flag a token repeated right after itself ("the the")."""

from __future__ import annotations

from typing import ClassVar, Iterator

import regex

from ..diagnostics import Diagnostic, Fix
from ..document import Document
from ..rule import FixAvailability
from .base import Matcher, Schema, YamlRule, sentences

#: A word, with its inner apostrophes and hyphens ("in-fighting" is one token, not "in"),
#: or a run of punctuation: "very, very" is no repeat (Vale's repetition has no default).
_DEFAULT_TOKEN = r"\w+(?:['’-]\w+)*|[^\s\w]+"
#: What ``alpha`` takes: letters, with inner apostrophes and hyphens ("Federation’s", "hi-tech").
_ALPHA = regex.compile(r"\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*")


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

    def availability(self) -> FixAvailability:
        return FixAvailability.ALWAYS if self.fix_applicability else FixAvailability.NONE

    def findings(self, doc: Document, patterns: Matcher) -> Iterator[Diagnostic]:
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
                        start, end = unit.source(before.start(), m.end())
                        fix = None
                        if self.fix_applicability:
                            cut, _ = unit.source(before.end(), before.end())
                            fix = Fix.replace(cut, end, "", self.fix_applicability,
                                              title=f"Remove the repeated '{m.group()}'")
                        yield self.diagnostic(start, end, self.format(current), fix)
                        count = 0
                before, previous = m, current
