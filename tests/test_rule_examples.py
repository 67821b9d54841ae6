"""Every shipped rule documents itself and its examples hold."""

from __future__ import annotations

import pytest

from textlint import registry
from textlint.engine import Engine, Overrides

RULES = registry.shipped_rules()


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_has_docs_and_examples(rule):
    assert rule.description.strip(), f"{rule.id} has no description"
    assert any(e.flagged for e in rule.examples), f"{rule.id} has no text it must flag"
    assert any(not e.flagged for e in rule.examples), f"{rule.id} has no text it must leave alone"
    doc = rule.documentation()
    for heading in ("## What it finds", "## Examples", "## Fix safety"):
        assert heading in doc


@pytest.mark.parametrize(
    "rule, example",
    [(r, e) for r in RULES for e in r.examples],
    ids=lambda x: getattr(x, "id", None) or getattr(x, "text", "")[:40],
)
def test_rule_example(rule, example):
    engine = Engine(overrides=Overrides(select=[rule.id]))
    found = [d for d in engine.lint(example.text).diagnostics if d.rule == rule.id]
    if example.flagged:
        assert found, f"{rule.id} should flag {example.text!r}"
    else:
        assert not found, f"{rule.id} should not flag {example.text!r}: {found}"
    if example.fixed is not None:
        assert engine.fix(example.text, unsafe=True).text == example.fixed
