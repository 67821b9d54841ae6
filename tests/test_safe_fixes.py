"""The safe-fix contract (docs/safe-fixes.md): a safe fix is right in every context, so plain
``--fix`` leaves correct text unchanged.

Fast checks live here: every rule's OK examples, the committed corpus of correct text
(``fixtures/correct``) and, when ``../shared/eval`` is there, the external-dev items labelled
correct. ``bench/safefix.py`` runs the large sets (news-clean-dev, the correct sides of
wsc-dev, the documentation of this machine).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from textlint import registry
from textlint.diagnostics import Applicability
from textlint.engine import Engine, Overrides

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "fixtures" / "correct").glob("*.txt"))
EXTERNAL = ROOT.parent / "shared" / "eval" / "external-dev.jsonl"
RULES = registry.shipped_rules()


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(overrides=Overrides(languagetool=False))


@pytest.mark.parametrize(
    "rule, text",
    [(r, e.text) for r in RULES for e in r.examples if not e.flagged],
    ids=lambda x: getattr(x, "id", None) or str(x)[:40],
)
def test_ok_example_unchanged_by_fix(rule, text):
    """With every default rule on (and the rule itself), --fix leaves the rule's OK examples alone."""
    engine = Engine(overrides=Overrides(extend_select=[rule.id], languagetool=False))
    assert engine.fix(text).text == text


def test_corpus_is_there():
    assert len(CORPUS) >= 5
    assert sum(len(p.read_text(encoding="utf-8").split()) for p in CORPUS) >= 1000


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_correct_corpus_unchanged_by_fix(engine, path):
    text = path.read_text(encoding="utf-8")
    result = engine.fix(text, path.name)
    assert result.text == text, f"--fix changed {path.name}: {dict(result.fixed)}"


def test_correct_corpus_keeps_its_unsafe_findings(engine):
    """The corpus is not clean by accident: its repeats, names and camel case are still
    reported where the contract allows only an unsafe fix ("long Long Island", "DoubleClick")."""
    text = (ROOT / "fixtures" / "correct" / "names-and-products.txt").read_text(encoding="utf-8")
    found = [d for d in engine.lint(text).diagnostics if d.rule == "spacing.RunOnWord"]
    assert found and all(d.fix and d.fix.applicability is not Applicability.SAFE for d in found)


@pytest.mark.skipif(not EXTERNAL.exists(), reason="../shared/eval is not there")
def test_external_dev_correct_items_at_most_one_percent_changed(engine):
    """Other linters' negative examples and correct OCR sentences: at most 1 % may change (a few
    of them are mislabelled: "this is the the simple case" is a real slip)."""
    items = [json.loads(line) for line in EXTERNAL.read_text(encoding="utf-8").splitlines() if line.strip()]
    correct = [i["text"] for i in items if i["label"] == "correct"]
    changed = [t for t in correct if engine.fix(t).text != t]
    assert len(changed) <= 0.01 * len(correct), changed
