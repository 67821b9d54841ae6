"""``extends: existence`` — flag every match of a list of tokens, a raw pattern, or both."""

from __future__ import annotations

from typing import ClassVar, Iterator

import regex

from ..diagnostics import Diagnostic
from ..document import Document
from .base import Matcher, Schema, YamlRule, alternation
from .needs import needs_of


#: A document scanned for only the tokens it may hold when they are at most one in this
#: many of the rule's (a pattern of a few tokens compiles in a fraction of a millisecond;
#: recompiling most of a list costs more than scanning for all of it).
FEWER_SHARE = 8
#: Patterns of some of a rule's tokens kept per rule.
FEWER_KEPT = 64


class Existence(YamlRule):
    TYPE: ClassVar[str] = "existence"
    KEYS: ClassVar[dict] = {"tokens": Schema.strings, "raw": Schema.strings,
                            "exceptions": Schema.strings, "append": Schema.boolean}

    def setup(self) -> None:
        tokens = [t for t in self.spec.get("tokens", []) if t.strip()]
        raw = "".join(self.spec.get("raw", []))
        if not tokens and not raw:
            raise ValueError("an existence rule needs 'tokens' or 'raw'")
        if raw:
            self.check_patterns([raw], "raw")
        self.tokens, self.raw = tokens, raw
        self.pattern = self.compile(self._joined(tokens), "raw" if raw and not tokens else "tokens",
                                    words=False, parts=tokens)
        self.compile_exceptions()
        self.needs = needs_of(tokens, self.ignorecase, bounded=not self.nonword, raw=raw)
        self._fewer: dict[tuple[int, ...], regex.Pattern] = {}

    def _joined(self, tokens: list[str]) -> str:
        """As Vale: the tokens, as whole words unless nonword, after the raw pattern (before
        it with ``append: true``)."""
        body = alternation(tokens, self.ignorecase)
        if tokens and not self.nonword:
            body = rf"\b(?:{body})\b"
        elif tokens:
            body = f"(?:{body})"
        return self.raw + body if not self.spec.get("append") else body + self.raw

    def pattern_for(self, doc: Document) -> regex.Pattern:
        """The pattern to scan *doc* with: of a long list of tokens without a raw pattern,
        only the tokens the document may hold (``needs``), in their order, when they are
        few; the others cannot match there, so the matches are the whole pattern's. Each
        such pattern is kept (the last :data:`FEWER_KEPT`)."""
        most = len(self.tokens) // FEWER_SHARE
        if self.needs is None or self.raw or not most:  # (a raw pattern before the tokens finds few places)
            return self.pattern
        chosen = self.needs.which(self.index(doc, self.needs), most)
        if chosen is None:
            return self.pattern
        key = tuple(chosen)
        if key not in self._fewer:
            if len(self._fewer) >= FEWER_KEPT:
                self._fewer.pop(next(iter(self._fewer)))
            try:
                self._fewer[key] = regex.compile(self._joined([self.tokens[i] for i in chosen]),
                                                 self.pattern.flags)
            except regex.error:  # tokens that compile only together: the whole list
                self._fewer[key] = self.pattern
        return self._fewer[key]

    def findings(self, doc: Document, patterns: Matcher) -> Iterator[Diagnostic]:
        for unit, m in patterns.scan(self.pattern_for(doc)):
            found = m.group()
            if m.end() > m.start() and not patterns.is_exception(found.strip()):
                start, end = unit.source(m.start(), m.end())
                yield self.diagnostic(start, end, self.format(found))
