"""Hover: the rule's documentation (what ``textlint rule ID`` prints) under the finding."""

from __future__ import annotations

from typing import Callable

from ..diagnostics import Diagnostic
from ..rule import Rule


def hover_text(here: list[Diagnostic], rule_of: Callable[[str], Rule | None]) -> str:
    """Markdown for the findings at one place: each message, then each rule's docs once."""
    parts: list[str] = []
    documented: set[str] = set()
    for d in here:
        parts.append(f"**{d.rule}**: {d.message}")
        rule = rule_of(d.rule)
        if rule is not None and rule.id not in documented:
            documented.add(rule.id)
            parts.append(rule.documentation().rstrip())
    return "\n\n---\n\n".join(parts)
