"""``extends: existence`` — flag every match of a list of tokens (or one raw pattern)."""

from __future__ import annotations

from typing import ClassVar, Iterator

from ..diagnostics import Diagnostic
from ..document import Document
from .base import Matcher, Schema, YamlRule


class Existence(YamlRule):
    TYPE: ClassVar[str] = "existence"
    KEYS: ClassVar[dict] = {"tokens": Schema.strings, "raw": Schema.strings,
                            "exceptions": Schema.strings}

    def setup(self) -> None:
        tokens, raw = self.spec.get("tokens"), self.spec.get("raw")
        if bool(tokens) == bool(raw):
            raise ValueError("an existence rule needs exactly one of 'tokens' and 'raw'")
        self.words = bool(tokens) and not self.nonword
        if tokens:
            self.check_patterns(tokens, "tokens")
            self.pattern = self.compile("|".join(f"(?:{t})" for t in tokens), "tokens")
        else:
            self.pattern = self.compile("".join(raw), "raw", words=False)
        self.compile_exceptions()

    def findings(self, doc: Document, patterns: Matcher) -> Iterator[Diagnostic]:
        for m in patterns.finditer(self.pattern, words=self.words):
            if m.end() > m.start() and not patterns.is_exception(m.group()):
                yield self.diagnostic(m.start(), m.end(), self.format(m.group()))
