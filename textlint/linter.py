"""Run rules over a document and collect their diagnostics in one place."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import suppression
from .diagnostics import Diagnostic
from .document import Document
from .rule import Rule, RuleError


@dataclass
class LintResult:
    diagnostics: list[Diagnostic]
    errors: list[RuleError] = field(default_factory=list)


class Linter:
    """Runs *rules* in order and keeps the findings that stand.

    Dropped: findings on text that is not prose, findings turned off by a
    suppression comment, findings on a word of the project's vocabulary, and
    repeats — one finding per defect, the first of several with the same span
    or the same fix.
    """

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        self._groups = {r.id: r.groups for r in rules}

    def lint(self, doc: Document) -> LintResult:
        found: dict[tuple[int, int], Diagnostic] = {}
        fixes: set[tuple] = set()
        errors: list[RuleError] = []
        off = suppression.parse(doc)
        for rule in self.rules:
            try:
                for d in rule.check(doc):
                    if (d.start, d.end) in found or doc.is_ignored(d.start, d.end):
                        continue
                    if off and self._suppressed(off, doc, d):
                        continue
                    if doc.accepted and _accepted(doc, d):
                        continue
                    if d.fix is not None and d.fix.edits:
                        if d.fix.edits in fixes:
                            continue
                        fixes.add(d.fix.edits)
                    found[(d.start, d.end)] = d
            except RuleError as e:
                errors.append(e)
        return LintResult(sorted(found.values(), key=Diagnostic.sort_key), errors)

    def _suppressed(self, off: suppression.Suppressions, doc: Document, d: Diagnostic) -> bool:
        selectors = off.selectors_at(doc.position(d.start)[0])
        groups = self._groups.get(d.rule) or {d.rule.split(".", 1)[0]}
        return any(suppression.matches(s, d.rule, groups) for s in selectors)


def _accepted(doc: Document, d: Diagnostic) -> bool:
    """Whether the finding is about a word (or the phrase) the project accepts."""
    text = doc.text[d.start:d.end].strip()
    if text in doc.accepted or text.lower() in doc.accepted:
        return True
    return any(w.text in doc.accepted or w.text.lower() in doc.accepted
               for w in doc.words_in(d.start, d.end))
