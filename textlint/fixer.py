"""The one place that edits text: apply fixes, re-lint, repeat until nothing changes."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from .diagnostics import Diagnostic, Edit, Fix, apply_edits
from .linter import LintResult
from .rule import RuleError

#: Rounds of fix-and-relint before giving up on convergence.
MAX_ROUNDS = 10


@dataclass
class FixResult:
    text: str
    fixed: Counter[str] = field(default_factory=Counter)
    remaining: list[Diagnostic] = field(default_factory=list)
    errors: list[RuleError] = field(default_factory=list)
    converged: bool = True

    @property
    def count(self) -> int:
        return sum(self.fixed.values())


def applicable(diagnostics: list[Diagnostic], unsafe: bool) -> list[Fix]:
    """The fixes to apply now: allowed by *unsafe*, not overlapping, in text order.

    Fixes are taken by position; one that overlaps a taken fix (or inserts at
    the same point as one) waits for the next round.
    """
    fixes = sorted((d.fix for d in diagnostics if d.fix and d.fix.edits
                    and d.fix.applicability.allowed(unsafe)),
                   key=lambda f: (f.start, f.end))
    taken: list[Fix] = []
    last: Edit | None = None
    for fix in fixes:
        first = fix.edits[0]
        if last is not None and (first.start < last.end or (
                first.start == last.end and first.start == first.end == last.start)):
            continue
        taken.append(fix)
        last = fix.edits[-1]
    return taken


def apply_fixes(text: str, fixes: list[Fix]) -> str:
    """*text* with every edit of *fixes* (non-overlapping, sorted) applied."""
    return apply_edits(text, (e for fix in fixes for e in fix.edits))


def fix_text(text: str, lint: Callable[[str], LintResult], unsafe: bool = False) -> FixResult:
    """Fix *text* to a fixed point; *lint* lints a version of the text."""
    result = FixResult(text)
    for _ in range(MAX_ROUNDS):
        linted = lint(result.text)
        result.remaining, result.errors = linted.diagnostics, linted.errors
        fixes = applicable(linted.diagnostics, unsafe)
        if not fixes:
            return result
        by_fix = {id(d.fix): d.rule for d in linted.diagnostics if d.fix is not None}
        result.fixed.update(by_fix[id(f)] for f in fixes)
        new = apply_fixes(result.text, fixes)
        if new == result.text:
            return result
        result.text = new
    linted = lint(result.text)
    result.remaining, result.errors = linted.diagnostics, linted.errors
    result.converged = not applicable(linted.diagnostics, unsafe)
    return result
