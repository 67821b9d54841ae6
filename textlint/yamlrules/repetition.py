"""``extends: repetition`` — flag a token repeated right after itself ("the the")."""

from __future__ import annotations

from typing import ClassVar, Iterator

from ..diagnostics import Diagnostic, Fix
from ..document import Document
from ..rule import FixAvailability
from .base import Matcher, Schema, YamlRule

_DEFAULT_TOKEN = r"\w[\w'’]*"


class Repetition(YamlRule):
    """``tokens``: what counts as a token (default: a word); ``alpha: true`` ignores
    tokens without letters; ``exceptions``: repeats that are correct ("had had").
    The fix deletes the second token and the space before it."""

    TYPE: ClassVar[str] = "repetition"
    KEYS: ClassVar[dict] = {"tokens": Schema.strings, "alpha": Schema.boolean,
                            "exceptions": Schema.strings}
    VALE_KEYS: ClassVar[frozenset[str]] = frozenset({"max"})
    DEFAULT_SCOPE: ClassVar[str] = "sentence"

    def setup(self) -> None:
        self.check_patterns(self.spec.get("tokens", []), "tokens")
        token = "|".join(f"(?:{t})" for t in self.spec.get("tokens", [_DEFAULT_TOKEN]))
        words = not self.nonword
        self.pattern = self.compile(rf"(?P<a>{token})(?P<sep>\s+)(?P=a)", "tokens", words=words)
        self.alpha = self.spec.get("alpha", False)
        self.compile_exceptions()

    def availability(self) -> FixAvailability:
        return FixAvailability.ALWAYS if self.fix_applicability else FixAvailability.NONE

    def findings(self, doc: Document, patterns: Matcher) -> Iterator[Diagnostic]:
        for m in patterns.finditer(self.pattern):
            word = m.group("a")
            if self.alpha and not any(c.isalpha() for c in word):
                continue
            if patterns.is_exception(f"{word} {doc.text[m.end('sep'):m.end()]}"):
                continue
            fix = None
            if self.fix_applicability:
                fix = Fix.replace(m.start("sep"), m.end(), "", self.fix_applicability,
                                  title=f"Remove the repeated '{doc.text[m.end('sep'):m.end()]}'")
            yield self.diagnostic(m.start(), m.end(), self.format(word), fix)
