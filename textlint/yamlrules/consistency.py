"""``extends: consistency`` — flag a document that uses two variants of one thing."""

from __future__ import annotations

from typing import ClassVar, Iterator

import regex

from ..diagnostics import Diagnostic, Fix
from ..document import Document
from ..rule import FixAvailability
from .base import Matcher, Schema, YamlRule


class Consistency(YamlRule):
    """``either: {variant: other variant}``. When both occur, the less frequent one is
    flagged (the later one on a tie). With ``fix``, a literal variant is replaced by
    the other."""

    TYPE: ClassVar[str] = "consistency"
    KEYS: ClassVar[dict] = {"either": Schema.mapping}
    REQUIRED: ClassVar[tuple[str, ...]] = ("either",)
    pattern_key: ClassVar[str] = "either"

    def setup(self) -> None:
        if not self.spec["either"]:
            raise ValueError("'either' is empty")
        self.pairs = [(self.compile(a, "either"), a, self.compile(b, "either"), b)
                      for a, b in self.spec["either"].items()]

    def availability(self) -> FixAvailability:
        return FixAvailability.SOMETIMES if self.fix_applicability else FixAvailability.NONE

    def findings(self, doc: Document, patterns: Matcher) -> Iterator[Diagnostic]:
        for pa, a, pb, b in self.pairs:
            ma, mb = list(patterns.finditer(pa)), list(patterns.finditer(pb))
            if not ma or not mb:
                continue
            later_b = mb[0].start() > ma[0].start()
            flag_b = len(mb) < len(ma) or (len(mb) == len(ma) and later_b)
            wrong, right = (mb, a) if flag_b else (ma, b)
            literal = regex.escape(right, special_only=True) == right
            for m in wrong:
                fix = None
                if self.fix_applicability and literal:
                    fix = Fix.replace(m.start(), m.end(), right, self.fix_applicability,
                                      title=f"Replace with '{right}'")
                yield self.diagnostic(m.start(), m.end(), self.format(m.group(), right), fix)
