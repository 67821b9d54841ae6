"""Run rules over a document and collect their diagnostics in one place."""

from __future__ import annotations

from dataclasses import dataclass, field

from .diagnostics import Diagnostic
from .document import Document
from .rule import Rule, RuleError


@dataclass
class LintResult:
    diagnostics: list[Diagnostic]
    errors: list[RuleError] = field(default_factory=list)


class Linter:
    """Runs *rules* in order; drops findings on text that is not prose, and keeps
    one finding per defect: the first of several with the same span or the same fix."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules

    def lint(self, doc: Document) -> LintResult:
        found: dict[tuple[int, int], Diagnostic] = {}
        fixes: set[tuple] = set()
        errors: list[RuleError] = []
        for rule in self.rules:
            try:
                for d in rule.check(doc):
                    if doc.is_ignored(d.start, d.end):
                        continue
                    if (d.start, d.end) in found:
                        continue
                    if d.fix is not None and d.fix.edits:
                        if d.fix.edits in fixes:
                            continue
                        fixes.add(d.fix.edits)
                    found[(d.start, d.end)] = d
            except RuleError as e:
                errors.append(e)
        return LintResult(sorted(found.values(), key=Diagnostic.sort_key), errors)
