"""Helpers for the cleanup check tests: lint or fix a text with one rule."""

from __future__ import annotations

from textlint.engine import Engine, Overrides


def found(rule: str, text: str) -> list[str]:
    """The flagged stretches of *text* by *rule*."""
    engine = Engine(overrides=Overrides(select=[rule]))
    return [text[d.start:d.end] for d in engine.lint(text).diagnostics if d.rule == rule]


def fixed(rule: str, text: str, unsafe: bool = True) -> str:
    return Engine(overrides=Overrides(select=[rule])).fix(text, unsafe=unsafe).text
