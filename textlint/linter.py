"""Run rules over a document and collect their diagnostics in one place."""

from __future__ import annotations

import bisect
import heapq
from dataclasses import field
from fnmatch import fnmatchcase
from operator import attrgetter
from typing import Iterator

from .dataclass import dataclass
from . import suppression
from .diagnostics import Applicability, Diagnostic, Edit, apply_edits
from .document import Document
from .gcpause import collections_deferred
from .rule import Rule, RuleError
from .yamlrules.gate import RulesGate


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
        self._gate = RulesGate(rules)

    def lint(self, doc: Document) -> LintResult:
        return collections_deferred(lambda: self._lint(doc))

    def _lint(self, doc: Document) -> LintResult:
        candidates: list[Diagnostic] = []
        errors: list[RuleError] = []
        deferred: list[Diagnostic] = []
        off = suppression.parse(doc)
        for rule in self.rules:
            rule.prepare(doc)
        idle = self._gate.idle(doc) if self._gate else ()
        for place, rule in enumerate(self.rules):
            if place in idle:  # finds nothing there (yamlrules.gate)
                continue
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
        found = _one_per_defect(doc.text, candidates)
        if deferred:
            taken = _Spans(found + vale)
            found = _one_per_defect(doc.text, [d for d in deferred if not taken.overlaps(d.start, d.end)], found)
        if vale:
            found = _with_vale_findings(found, vale)
        # in the order of Diagnostic.sort_key: (start, end) is unique among the others
        return LintResult(found, errors)

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
                    kept: list[Diagnostic] | None = None) -> list[Diagnostic]:
    """*kept* (findings that stand, in (start, end) order) and the best finding of each defect
    among *diagnostics* that they do not make already, in (start, end) order: of several with
    the same span, or whose fixes make the same change, the first by :func:`preference`
    stands.

    Findings of one defect overlap or touch (a shared change lies inside both spans), so
    the choice is made within each run of overlapping findings (:func:`_overlapping`), most
    of them alone: no sort key or fix effect is kept for the findings of a whole text."""
    new = sorted(diagnostics, key=_END)
    new.sort(key=_START)
    pairs = ((d, False) for d in new)
    if kept:
        pairs = heapq.merge(((d, True) for d in kept), pairs, key=_pair_span)
    out: list[Diagnostic] = []
    for group in _overlapping(pairs):
        out.extend(_best(text, group) if len(group) > 1 else (group[0][0],))
    return out


def _overlapping(pairs: Iterator[tuple[Diagnostic, bool]]) -> Iterator[list[tuple[Diagnostic, bool]]]:
    """Runs of (finding, stands) pairs, in (start, end) order, whose spans overlap or touch
    the span of the run so far."""
    group: list[tuple[Diagnostic, bool]] = []
    reach = -1
    for pair in pairs:
        d = pair[0]
        if group and d.start > reach:
            yield group
            group = []
        group.append(pair)
        reach = max(reach, d.end)
    if group:
        yield group


def _best(text: str, group: list[tuple[Diagnostic, bool]]) -> list[Diagnostic]:
    """The findings of *group* that stand: those marked so, then each other one by
    :func:`preference` unless one before it has its span or makes its change."""
    chosen = [d for d, stands in group if stands]
    spans = {(d.start, d.end) for d in chosen}
    effects = {fix_effect(text, d.fix) for d in chosen if d.fix is not None and d.fix.edits}
    for d in sorted((d for d, stands in group if not stands), key=preference):
        if (d.start, d.end) in spans:
            continue
        if d.fix is not None and d.fix.edits:
            effect = fix_effect(text, d.fix)
            if effect in effects:
                continue
            effects.add(effect)
        spans.add((d.start, d.end))
        chosen.append(d)
    chosen.sort(key=_SPAN)
    return chosen


_START, _END = attrgetter("start"), attrgetter("end")
_SPAN = attrgetter("start", "end")


def _with_vale_findings(found: list[Diagnostic], vale: list[Diagnostic]) -> list[Diagnostic]:
    """*found* and a Vale style's findings, one per rule and span as Vale reports them, in
    (start, end) order, a style's findings after the others on the same span."""
    unique = {(d.start, d.end, d.rule): d for d in reversed(vale)}
    ordered = sorted(unique.values(), key=attrgetter("start", "end", "rule"))
    return list(heapq.merge(found, ordered, key=_SPAN))


def _pair_span(pair: tuple[Diagnostic, bool]) -> tuple[int, int]:
    return pair[0].start, pair[0].end


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
