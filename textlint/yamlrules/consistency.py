"""``extends: consistency`` — flag a document that uses two variants of one thing."""

from __future__ import annotations

from typing import ClassVar, Iterator

import regex

from ..diagnostics import Diagnostic, Fix
from ..document import Document
from ..rule import FixAvailability
from .base import Matcher, Schema, YamlRule
from .needs import needs_of


class Consistency(YamlRule):
    """``either: {variant: other variant}``. As Vale: blocks are read in order, and once
    both variants have appeared, each block that holds either is flagged once, at its last
    match. With ``fix``, a literal variant other than the one the document used first is
    replaced by that one."""

    TYPE: ClassVar[str] = "consistency"
    KEYS: ClassVar[dict] = {"either": Schema.mapping}
    REQUIRED: ClassVar[tuple[str, ...]] = ("either",)
    pattern_key: ClassVar[str] = "either"

    def setup(self) -> None:
        if not self.spec["either"]:
            raise ValueError("'either' is empty")
        self.pairs = [(self.compile(f"(?P<a>{a})|(?P<b>{b})", "either"), a, b)
                      for a, b in self.spec["either"].items()]
        # a document is flagged only where it uses both variants: a pair is skipped where
        # one of them cannot match (needs.py)
        self.pair_needs = [(needs_of([a], self.ignorecase, not self.nonword),
                            needs_of([b], self.ignorecase, not self.nonword))
                           for a, b in self.spec["either"].items()]

    def availability(self) -> FixAvailability:
        return FixAvailability.SOMETIMES if self.fix_applicability else FixAvailability.NONE

    def findings(self, doc: Document, patterns: Matcher) -> Iterator[Diagnostic]:
        units = patterns.units()
        for (pattern, a, b), (needs_a, needs_b) in zip(self.pairs, self.pair_needs):
            if not (self.holds(doc, needs_a) and self.holds(doc, needs_b)):
                continue
            seen: list[str] = []  # the variants, in the order the document first uses them
            for unit in units:
                matches = patterns.finditer_in(pattern, unit.text)
                for m in matches:
                    variant = "a" if m.group("a") is not None else "b"
                    if variant not in seen:
                        seen.append(variant)
                if not matches or len(seen) < 2:
                    continue
                last = matches[-1]
                start, end = unit.source(last.start(), last.end())
                variant = "a" if last.group("a") is not None else "b"
                first = a if seen[0] == "a" else b
                other = b if variant == "a" else a
                fix = None
                if self.fix_applicability and variant != seen[0] \
                        and regex.escape(first, special_only=True) == first:
                    fix = Fix.replace(start, end, first, self.fix_applicability, title=f"Replace with '{first}'")
                yield self.diagnostic(start, end, self.format(last.group(), other), fix)
