"""The one place that edits text: apply fixes, re-lint, repeat until nothing changes.

Like ruff, ``--fix`` lints again after each round of fixes, because a fix can reveal a
problem the first lint could not see (removing a doubled word can leave a doubled
space). Every fix applied, in any round, is recorded with its position in the
original text. Fixes that do not settle — still fixing after :data:`MAX_ROUNDS`
rounds, undoing each other, or growing the text without bound — are a broken rule (or
LanguageTool's rules answering each other): the fixing starts again from the input with
the fixes of the rules to blame held back (every rule whose fixes went round a cycle, or
the rules of the last round), so that the other rules' fixes are still applied, at most
:data:`MAX_HOLD_BACKS` times; then the text is given back unchanged, with the reason.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import field, replace
from typing import Callable

from .dataclass import dataclass
from .diagnostics import Diagnostic, Edit, Fix, apply_edits
from .linter import LintResult, preference
from .rule import RuleError

#: Rounds of fix-and-relint before giving up on convergence.
MAX_ROUNDS = 10
#: Times the fixing starts again with more rules' fixes held back before giving up.
MAX_HOLD_BACKS = 3
#: Fixes may grow a text to twice its length plus this many code points; beyond that
#: they are running away (a swap of "a" by "aa" doubles the text each round).
GROWTH_SLACK = 1000


@dataclass(frozen=True)
class AppliedFix:
    """A fix that was applied: the finding, where it was in the original text, which round."""

    rule: str
    message: str
    #: Code point offset in the original text (a fix made inside text an earlier
    #: fix inserted is placed at the start of that earlier edit).
    start: int
    round: int


@dataclass
class FixResult:
    text: str
    applied: list[AppliedFix] = field(default_factory=list)
    remaining: list[Diagnostic] = field(default_factory=list)
    errors: list[RuleError] = field(default_factory=list)
    #: Why the fixes did not converge (then ``text`` is the input, unchanged); None when they did.
    problem: str | None = None
    #: Why the fixes of some rules were held back (each a reason naming its rules), when
    #: the other rules' fixes converged without them.
    held_back: list[str] = field(default_factory=list)
    #: The rounds of edits that made ``text`` from the input, to map offsets back.
    shifts: list[_Shift] = field(default_factory=list, repr=False)

    @property
    def converged(self) -> bool:
        return self.problem is None

    @property
    def count(self) -> int:
        return len(self.applied)

    def in_original(self, d: Diagnostic) -> Diagnostic:
        """A finding of the fixed text placed in the input text (``--diff`` reports findings
        where they are in the unchanged file). Text a fix inserted maps to where that fix
        was made; a fix that no longer fits its mapped span is shown without its edits."""
        if not self.shifts:
            return d
        start, end = (_original_offset(o, self.shifts) for o in (d.start, d.end))
        fix = d.fix
        if fix is not None and fix.edits:
            try:
                fix = Fix(tuple(Edit(_original_offset(e.start, self.shifts),
                                     _original_offset(e.end, self.shifts), e.content) for e in fix.edits),
                          fix.applicability, fix.title)
            except ValueError:
                fix = Fix((), fix.applicability, fix.title)
        return replace(d, start=start, end=end, fix=fix)

    @property
    def fixed(self) -> Counter[str]:
        """Fixes applied per rule."""
        return Counter(a.rule for a in self.applied)


def applicable(diagnostics: list[Diagnostic], unsafe: bool) -> list[Diagnostic]:
    """The findings whose fixes to apply now: allowed by *unsafe*, not overlapping, in text order.

    Fixes are taken by position (at the same position, the best by
    :func:`~textlint.linter.preference`: safe first, then the more specific rule). One
    that overlaps a taken fix, or touches it with an insertion (inserting " " after a
    fix that wrote ". " would double the space), waits for the next round, where the
    text is linted again: two fixes of one round never do more together than each
    alone.
    """
    fixable = sorted((d for d in diagnostics if d.fix and d.fix.edits
                      and d.fix.applicability.allowed(unsafe)),
                     key=lambda d: (d.fix.start, preference(d)))
    taken: list[Diagnostic] = []
    last: Edit | None = None
    for d in fixable:
        first = d.fix.edits[0]
        if last is not None and (first.start < last.end or (
                first.start == last.end and (first.start == first.end or last.start == last.end))):
            continue
        taken.append(d)
        last = d.fix.edits[-1]
    return taken


def apply_fixes(text: str, fixes: list[Fix]) -> str:
    """*text* with every edit of *fixes* (non-overlapping, sorted) applied."""
    return apply_edits(text, (e for fix in fixes for e in fix.edits))


class _Shift:
    """Maps offsets in a text after one round of edits back to the text before it."""

    def __init__(self, edits: list[Edit]) -> None:
        self.edits = edits
        self.new_starts: list[int] = []
        self.deltas: list[int] = []  # the length change up to and including each edit
        delta = 0
        for e in edits:
            self.new_starts.append(e.start + delta)
            delta += len(e.content) - (e.end - e.start)
            self.deltas.append(delta)

    def back(self, offset: int) -> int:
        i = bisect.bisect_right(self.new_starts, offset) - 1
        if i < 0:
            return offset
        if offset < self.new_starts[i] + len(self.edits[i].content):
            return self.edits[i].start  # inside inserted text: where that edit was made
        return offset - self.deltas[i]


def _original_offset(offset: int, shifts: list[_Shift]) -> int:
    for shift in reversed(shifts):
        offset = shift.back(offset)
    return offset


def fix_text(text: str, lint: Callable[[str], LintResult], unsafe: bool = False) -> FixResult:
    """Fix *text* to a fixed point; *lint* lints a version of the text.

    When the fixes do not converge, the fixing starts again from *text* without the fixes
    of the rules to blame (``held_back`` says why). When they still do
    not, the result holds the input text, its findings, no applied fixes, and the reason
    in ``problem``.
    """
    first = lint(text)
    held: set[str] = set()
    reasons: list[str] = []
    while True:
        result, culprits = _fix_rounds(text, first, lint, unsafe, held)
        if result.converged:
            result.held_back = reasons
            return result
        reasons.append(result.problem)
        if len(reasons) > MAX_HOLD_BACKS:
            result.problem = "; ".join(reasons)
            return result
        held |= culprits


def _fix_rounds(text: str, first: LintResult, lint: Callable[[str], LintResult], unsafe: bool,
                held: set[str]) -> tuple[FixResult, set[str]]:
    """Fix *text* (linted as *first*) round by round, leaving the fixes of the *held* rules
    out; when the fixes do not converge, the unchanged result and the rules to blame: those
    whose fixes went round the cycle back to an earlier text, else those of the last round."""
    result = FixResult(text)
    shifts: list[_Shift] = []
    seen = {_digest(text): 0}  # each text made, and the round that made it
    limit = 2 * len(text) + GROWTH_SLACK
    linted = first
    round_number = 0
    while True:
        round_number += 1
        result.remaining, result.errors = linted.diagnostics, linted.errors
        taken = applicable([d for d in linted.diagnostics if d.rule not in held], unsafe)
        if not taken:
            return result, set()
        if round_number > MAX_ROUNDS:
            return _unconverged(text, first, f"still fixing after {MAX_ROUNDS} rounds", _rules(taken))
        new = apply_fixes(result.text, [d.fix for d in taken])
        if new == result.text:
            return result, set()
        result.applied += [AppliedFix(d.rule, d.message, _original_offset(d.start, shifts), round_number)
                           for d in taken]
        if len(new) > limit:
            return _unconverged(text, first, "the fixes keep growing the text", _rules(taken))
        digest = _digest(new)
        if digest in seen:
            cycle = {a.rule for a in result.applied if a.round > seen[digest]}
            return _unconverged(text, first, "the fixes undo each other", cycle)
        seen[digest] = round_number
        shifts.append(_Shift([e for d in taken for e in d.fix.edits]))
        result.text, result.shifts = new, shifts
        linted = lint(new)


def _rules(found: list[Diagnostic]) -> set[str]:
    return {d.rule for d in found}


def _unconverged(text: str, first: LintResult, reason: str, rules: set[str]) -> tuple[FixResult, set[str]]:
    return FixResult(text, remaining=first.diagnostics, errors=first.errors,
                     problem=f"fixes did not converge: {reason} ({', '.join(sorted(rules))})"), rules


def _digest(text: str) -> bytes:
    import hashlib  # (here: loading OpenSSL is a good part of the start-up of a run without --fix)

    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
