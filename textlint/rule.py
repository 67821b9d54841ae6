"""What every rule is: an id, a default severity, documentation and a check.

YAML rules (:mod:`textlint.yamlrules`) and built-in checks (:mod:`textlint.checks`)
both implement :class:`Rule`; the linter sees no difference between them.
"""

from __future__ import annotations

import copy
import sys
from abc import ABC, abstractmethod
from dataclasses import field
from enum import Enum
from typing import Any, Iterable

from .dataclass import dataclass
from .diagnostics import Applicability, Diagnostic, Severity
from .document import Document


class FixAvailability(str, Enum):
    ALWAYS = "always"
    SOMETIMES = "sometimes"
    NONE = "none"


class RuleError(Exception):
    """A rule failed on a document (a regex timed out, a server went away ...)."""

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(f"{rule}: {message}")
        self.rule = rule
        self.message = message


@dataclass
class Example:
    """Text a rule must flag (with its fixed form when it has one) or must leave alone."""

    text: str
    flagged: bool
    fixed: str | None = None


@dataclass
class Rule(ABC):
    """A rule: metadata plus :meth:`check`, which yields diagnostics and nothing else."""

    id: str
    severity: Severity = Severity.WARNING
    description: str = ""
    rationale: str = ""
    fix_applicability: Applicability | None = None
    fix_availability: FixAvailability = FixAvailability.NONE
    examples: list[Example] = field(default_factory=list)
    link: str = ""
    source: str = "built-in"
    default_enabled: bool = True
    category: str = ""
    options: dict[str, Any] = field(default_factory=dict)
    fix_safety: str = ""
    #: Findings of a rule that yields give way to any overlapping finding of another rule.
    yields: bool = False
    #: The rule runs as Vale runs it (a Vale style's rules): it reads Markdown itself
    #: (yamlrules.view), so the linter keeps its findings that touch non-prose spans (inline
    #: code, URLs), and its findings stand beside other rules' on the same span, as Vale
    #: reports each rule's.
    vale_style: bool = False

    @property
    def pack(self) -> str:
        return self.id.split(".", 1)[0]

    @property
    def groups(self) -> set[str]:
        """The names that select this rule besides its id: its pack and category."""
        return {self.pack, self.category} - {""}

    def emits(self, selector: str) -> bool:
        """Whether *selector* names some of this rule's findings rather than the rule: a rule
        that reports under several ids (``languagetool.EN_A_VS_AN``) says yes for them."""
        return False

    def prepare(self, doc: Document) -> None:
        """Get ready to check *doc*, before any rule checks it: work this rule needs that
        spares the rules before it work of their own (the spacing checks build the lexicon's
        dicts, which the checks before them would otherwise ask in place, more slowly). Nothing
        by default."""

    @abstractmethod
    def check(self, doc: Document) -> Iterable[Diagnostic]:
        """Yield the diagnostics of *doc*."""

    def diagnostic(self, start: int, end: int, message: str, fix=None) -> Diagnostic:
        # a message repeated over many findings is held once
        return Diagnostic(self.id, sys.intern(message), start, end, self.severity, fix)

    def configured(self, level: Severity | None = None, options: dict[str, Any] | None = None) -> Rule:
        """A copy with a different severity or options (from the configuration)."""
        rule = copy.copy(self)
        if level is not None:
            rule.severity = level
        if options:
            unknown = set(options) - set(self.options)
            if unknown:
                raise ValueError(f"unknown option(s) {', '.join(sorted(unknown))} "
                                 f"(known: {', '.join(sorted(self.options)) or 'none'})")
            for key, value in options.items():
                default = self.options[key]
                if default is not None and not isinstance(value, type(default)):
                    raise ValueError(f"option {key!r} must be of type {type(default).__name__}")
            rule.options = {**self.options, **options}
        return rule

    def documentation(self) -> str:
        """Markdown documentation: what it finds, why, examples, fix safety."""
        lines = [f"# {self.id}", ""]
        meta = [f"Severity: {self.severity.value}", f"Source: {self.source}"]
        if not self.default_enabled:
            meta.append("Enabled by default: no")
        lines += [" · ".join(meta), "", "## What it finds", "", self.description.strip() or "(no description)"]
        if self.rationale:
            lines += ["", "## Why", "", self.rationale.strip()]
        flagged = [e for e in self.examples if e.flagged]
        passing = [e for e in self.examples if not e.flagged]
        if flagged or passing:
            lines += ["", "## Examples", ""]
            for e in flagged:
                lines.append(f"- flagged: {e.text!r}" + (f" → {e.fixed!r}" if e.fixed is not None else ""))
            for e in passing:
                lines.append(f"- not flagged: {e.text!r}")
        lines += ["", "## Fix safety", "", self._fix_safety()]
        if self.options:
            lines += ["", "## Options", ""]
            lines += [f"- `{k}` (default `{v!r}`)" for k, v in self.options.items()]
        if self.link:
            lines += ["", f"See also: {self.link}"]
        return "\n".join(lines) + "\n"

    def _fix_safety(self) -> str:
        if self.fix_safety:
            return self.fix_safety.strip()
        if self.fix_availability is FixAvailability.NONE or self.fix_applicability is None:
            return "No fix is offered."
        how = {
            Applicability.SAFE: "The fix is safe: `--fix` applies it.",
            Applicability.UNSAFE: "The fix is unsafe: it is applied only with `--fix --unsafe-fixes`.",
            Applicability.DISPLAY_ONLY: "The fix is shown as a suggestion and never applied.",
        }[self.fix_applicability]
        if self.fix_availability is FixAvailability.SOMETIMES:
            how = "A fix is offered for some findings. " + how
        return how
