"""docs/checks.md lists every cleanup rule, and every rule documents itself."""

from __future__ import annotations

from pathlib import Path

from textlint import registry

CATALOGUE = Path(__file__).resolve().parent.parent / "docs" / "checks.md"


def test_every_cleanup_rule_is_in_the_catalogue():
    text = CATALOGUE.read_text(encoding="utf-8")
    missing = [r.id for r in registry.shipped_rules()
               if r.id.startswith("cleanup.") and f"`{r.id}`" not in text]
    assert not missing, f"add {missing} to docs/checks.md"


def test_every_cleanup_check_prints_its_documentation():
    for rule in registry.shipped_rules():
        if rule.id.startswith("cleanup."):
            doc = rule.documentation()
            assert rule.rationale.strip(), rule.id
            assert "## Fix safety" in doc and "flagged:" in doc and "not flagged:" in doc, rule.id
