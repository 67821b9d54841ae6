"""``extends: conditional`` — flag a match of ``second`` whose key ``first`` never introduced.

The classic use is acronyms: an acronym (``second``) must be defined somewhere
(``first``, e.g. "World Health Organization (WHO)"). The key is the pattern's
first group, or the whole match when it has none.
"""

from __future__ import annotations

from typing import ClassVar, Iterator

import regex

from ..diagnostics import Diagnostic
from ..document import Document
from .base import Matcher, Schema, YamlRule


def _key(m: regex.Match) -> str:
    return m.group(1) if m.re.groups else m.group()


class Conditional(YamlRule):
    TYPE: ClassVar[str] = "conditional"
    KEYS: ClassVar[dict] = {"first": Schema.string, "second": Schema.string,
                            "exceptions": Schema.strings}
    VALE_KEYS: ClassVar[frozenset[str]] = frozenset({"in"})
    REQUIRED: ClassVar[tuple[str, ...]] = ("first", "second")
    pattern_key: ClassVar[str] = "first"

    def setup(self) -> None:
        self.first = self.compile(self.spec["first"], "first", words=False)
        self.second = self.compile(self.spec["second"], "second", words=False)
        self.exceptions = set(self.spec.get("exceptions", []))

    def findings(self, doc: Document, patterns: Matcher) -> Iterator[Diagnostic]:
        defined = {_key(m) for m in patterns.finditer(self.first, words=False)}
        for m in patterns.finditer(self.second, words=False):
            key = _key(m)
            if key and key not in defined and key not in self.exceptions:
                yield self.diagnostic(m.start(), m.end(), self.format(key))
