"""Run rules over a document and collect their diagnostics in one place."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from fnmatch import fnmatchcase

from . import suppression
from .diagnostics import Applicability, Diagnostic, Edit, apply_edits
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
    repeats — one finding per defect: of several with the same span or fixes that
    make the same change, the best by :func:`preference` (safe fix first, then the
    more specific rule; never the order of the rules), and none of a rule that
    ``yields`` where a finding of another rule overlaps it.
    """

    def __init__(self, rules: list[Rule], dropped: tuple[str, ...] = ()) -> None:
        self.rules = rules
        self.dropped = dropped
        self._groups = {r.id: r.groups for r in rules}
        self._vale_style = {r.id: r.vale_style for r in rules}

    def lint(self, doc: Document) -> LintResult:
        candidates: list[Diagnostic] = []
        errors: list[RuleError] = []
        deferred: list[Diagnostic] = []
        off = suppression.parse(doc)
        for rule in self.rules:
            try:
                for d in rule.check(doc):
                    if not rule.vale_style and doc.is_ignored(d.start, d.end):
                        continue
                    if off and self._suppressed(off, doc, d):
                        continue
                    if doc.accepted and _accepted(doc, d):
                        continue
                    if self.dropped and any(d.rule == s or fnmatchcase(d.rule, s) for s in self.dropped):
                        continue
                    (deferred if rule.yields else candidates).append(d)
            except RuleError as e:
                errors.append(e)
            except Exception as e:  # a bug in one rule must not cost the findings of the others
                errors.append(RuleError(rule.id, f"failed with {type(e).__name__}: {e}"))
        vale = [d for d in candidates if self._vale_style.get(d.rule)]
        if vale:
            candidates = [d for d in candidates if not self._vale_style.get(d.rule)]
        found = _one_per_defect(doc.text, candidates, {})
        for d in vale:  # a Vale style's findings: one per rule and span, as Vale reports them
            found.setdefault((d.start, d.end, d.rule), d)
        if deferred:
            taken = _Spans(found.values())
            _one_per_defect(doc.text, [d for d in deferred if not taken.overlaps(d.start, d.end)], found)
        # in the order of Diagnostic.sort_key: (start, end[, rule]) is unique, so the keys sort them
        return LintResult([found[key] for key in sorted(found)], errors)

    def _suppressed(self, off: suppression.Suppressions, doc: Document, d: Diagnostic) -> bool:
        groups = self._groups.get(d.rule) or {d.rule.split(".", 1)[0]}
        return off.suppresses(doc.position(d.start)[0], d.rule, groups)


def preference(d: Diagnostic) -> tuple:
    """Which of several findings of one defect to keep, best first: a safe fix, then an
    unsafe one, then a suggestion, then none; then the more specific rule (the narrower
    span, then the narrower fix); then the rule id, so the choice never depends on the
    order of the selection."""
    rank = _RANK[d.fix.applicability] if d.fix is not None and d.fix.edits else len(_RANK)
    fix_width = d.fix.end - d.fix.start if d.fix is not None and d.fix.edits else 0
    return (rank, d.end - d.start, fix_width, d.rule, d.start, d.message)


_RANK = {Applicability.SAFE: 0, Applicability.UNSAFE: 1, Applicability.DISPLAY_ONLY: 2}


def fix_effect(text: str, fix) -> tuple[int, str, str]:
    """What a fix does, whatever edits spell it: the first changed offset, the text removed
    and the text put in its place (inserting " " after "." and replacing "." by ". " are
    the same change)."""
    start = fix.start
    old = text[start:fix.end]
    new = apply_edits(old, (Edit(e.start - start, e.end - start, e.content) for e in fix.edits))
    while old and new and old[0] == new[0]:
        old, new, start = old[1:], new[1:], start + 1
    while old and new and old[-1] == new[-1]:
        old, new = old[:-1], new[:-1]
    return start, old, new


def _one_per_defect(text: str, diagnostics: list[Diagnostic],
                    found: dict[tuple[int, int, str], Diagnostic]) -> dict[tuple[int, int, str], Diagnostic]:
    """Add to *found* (keyed by span, and "") the best finding of each defect among *diagnostics*: of
    several with the same span, or whose fixes make the same change, the first by
    :func:`preference` stands."""
    effects = {fix_effect(text, d.fix) for d in found.values() if d.fix is not None and d.fix.edits}
    for d in sorted(diagnostics, key=preference):
        if (d.start, d.end, "") in found:
            continue
        if d.fix is not None and d.fix.edits:
            effect = fix_effect(text, d.fix)
            if effect in effects:
                continue
            effects.add(effect)
        found[(d.start, d.end, "")] = d
    return found


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
