"""The linter's one-finding-per-defect choice, made run by run of overlapping findings, is the
choice made over all the findings at once (the plain definition, below)."""

from __future__ import annotations

import random

from textlint.diagnostics import Applicability, Diagnostic, Edit, Fix
from textlint.linter import _one_per_defect, fix_effect, preference


def plain_choice(text: str, diagnostics: list[Diagnostic], kept: list[Diagnostic]) -> list[Diagnostic]:
    """Every finding by preference, over the whole text; the first of each span and change stands."""
    found = {(d.start, d.end): d for d in kept}
    effects = {fix_effect(text, d.fix) for d in kept if d.fix is not None and d.fix.edits}
    for d in sorted(diagnostics, key=preference):
        if (d.start, d.end) in found:
            continue
        if d.fix is not None and d.fix.edits:
            effect = fix_effect(text, d.fix)
            if effect in effects:
                continue
            effects.add(effect)
        found[(d.start, d.end)] = d
    return [found[key] for key in sorted(found)]


def random_finding(rng: random.Random, size: int) -> Diagnostic:
    start = rng.randrange(size)
    end = min(size, start + rng.choice((0, 1, 2, 3, 5)))
    fix = None
    if rng.random() < 0.8:
        a = rng.randint(start, end)
        b = rng.randint(a, end)
        content = rng.choice(("", " ", "x", ". ", "ab"))
        fix = Fix((Edit(a, b, content),), rng.choice(list(Applicability)))
    return Diagnostic(rng.choice(("a.One", "b.Two", "c.Three")), rng.choice(("m", "n")), start, end, fix=fix)


def test_runs_of_overlapping_findings_choose_as_the_whole_text_does():
    rng = random.Random(14)
    for _ in range(400):
        text = "".join(rng.choice("ab .") for _ in range(40))
        diagnostics = [random_finding(rng, len(text)) for _ in range(rng.randrange(1, 30))]
        kept = plain_choice(text, [random_finding(rng, len(text)) for _ in range(rng.randrange(0, 4))], [])
        assert _one_per_defect(text, diagnostics) == plain_choice(text, diagnostics, [])
        assert _one_per_defect(text, diagnostics, kept) == plain_choice(text, diagnostics, kept)
