"""Run rules over a document and collect their diagnostics in one place."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from fnmatch import fnmatchcase

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
    suppression comment, findings on a word of the project's vocabulary, findings
    named by *dropped* (ignore selectors that name some findings of a rule rather
    than the rule, like ``languagetool.EN_A_VS_AN``; ``*`` patterns allowed), and
    repeats — one finding per defect: the first of several with the same span or
    the same fix, and none of a rule that ``yields`` where a finding of another
    rule overlaps it.
    """

    def __init__(self, rules: list[Rule], dropped: tuple[str, ...] = ()) -> None:
        self.rules = rules
        self.dropped = dropped
        self._groups = {r.id: r.groups for r in rules}

    def lint(self, doc: Document) -> LintResult:
        found: dict[tuple[int, int], Diagnostic] = {}
        fixes: set[tuple] = set()
        errors: list[RuleError] = []
        deferred: list[Diagnostic] = []
        off = suppression.parse(doc)

        def keep(d: Diagnostic) -> None:
            if d.fix is not None and d.fix.edits:
                if d.fix.edits in fixes:
                    return
                fixes.add(d.fix.edits)
            found[(d.start, d.end)] = d

        for rule in self.rules:
            try:
                for d in rule.check(doc):
                    if (d.start, d.end) in found or doc.is_ignored(d.start, d.end):
                        continue
                    if off and self._suppressed(off, doc, d):
                        continue
                    if doc.accepted and _accepted(doc, d):
                        continue
                    if self.dropped and any(d.rule == s or fnmatchcase(d.rule, s) for s in self.dropped):
                        continue
                    if rule.yields:
                        deferred.append(d)
                    else:
                        keep(d)
            except RuleError as e:
                errors.append(e)
        if deferred:
            taken = _Spans(found.values())
            for d in deferred:
                if (d.start, d.end) not in found and not taken.overlaps(d.start, d.end):
                    keep(d)
        return LintResult(sorted(found.values(), key=Diagnostic.sort_key), errors)

    def _suppressed(self, off: suppression.Suppressions, doc: Document, d: Diagnostic) -> bool:
        groups = self._groups.get(d.rule) or {d.rule.split(".", 1)[0]}
        return off.suppresses(doc.position(d.start)[0], d.rule, groups)


class _Spans:
    """Spans of findings, to ask whether a range overlaps any (an empty span counts as one character)."""

    def __init__(self, diagnostics) -> None:
        spans = sorted((d.start, max(d.end, d.start + 1)) for d in diagnostics)
        self.starts = [s for s, _ in spans]
        self.max_end: list[int] = []
        for _, e in spans:
            self.max_end.append(max(e, self.max_end[-1]) if self.max_end else e)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, max(end, start + 1))
        return i > 0 and self.max_end[i - 1] > start


def _accepted(doc: Document, d: Diagnostic) -> bool:
    """Whether the finding is about a word (or the phrase) the project accepts."""
    text = doc.text[d.start:d.end].strip()
    if text in doc.accepted or text.lower() in doc.accepted:
        return True
    return any(w.text in doc.accepted or w.text.lower() in doc.accepted
               for w in doc.words_in(d.start, d.end))
