"""``extends: conditional`` — flag a match of ``first`` that ``second`` never introduced.

As in Vale: the classic use is acronyms. ``first`` finds a use ("WHO"); ``second`` finds
a definition ("World Health Organization (WHO)"), and its capture groups are the terms it
defines. A match of ``first`` whose text is no term defined so far in the document (in an
earlier block, or anywhere in the same one) and holds no exception is flagged. When
``second`` has no capture group, any match of it anywhere in a block excuses the block.
"""

from __future__ import annotations

from typing import ClassVar, Iterator

from ..diagnostics import Diagnostic
from ..document import Document
from .base import Matcher, Schema, YamlRule


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
        self.compile_exceptions()

    def findings(self, doc: Document, patterns: Matcher) -> Iterator[Diagnostic]:
        defined: set[str] = set()
        grouped = self.second.groups > 0
        for unit in patterns.units():
            text = unit.text
            if not grouped:
                if patterns.search(self.second, text):
                    continue
            else:
                defined.update(g for m in patterns.finditer_in(self.second, text)
                               for g in m.groups() if g)
            for m in patterns.finditer_in(self.first, text):
                found = m.group()
                if found and found not in defined and not patterns.is_exception(found):
                    start, end = unit.source(m.start(), m.end())
                    yield self.diagnostic(start, end, self.format(found))
