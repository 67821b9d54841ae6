"""``extends: existence`` — flag every match of a list of tokens, a raw pattern, or both."""

from __future__ import annotations

from typing import ClassVar, Iterator

import regex

from ..diagnostics import Diagnostic
from ..document import Document
from .base import Matcher, Schema, YamlRule, alternation
from .needs import needs_of


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
        """The pattern to scan *doc* with (:meth:`pattern_of_possible`); a raw pattern before
        the tokens finds few places, so a rule with one scans with its whole pattern."""
        if self.raw:
            return self.pattern
        return self.pattern_of_possible(doc, self.pattern, len(self.tokens),
                                        lambda chosen: self._joined([self.tokens[i] for i in chosen]))

    def findings(self, doc: Document, patterns: Matcher) -> Iterator[Diagnostic]:
        for unit, m in patterns.scan(self.pattern_for(doc)):
            found = m.group()
            if m.end() > m.start() and not patterns.is_exception(found.strip()):
                start, end = unit.source(m.start(), m.end())
                yield self.diagnostic(start, end, self.format(found))
