"""The base class of built-in checks: documentation and defaults as class constants."""

from __future__ import annotations

from typing import Any, ClassVar

from ..diagnostics import Applicability, Severity
from ..rule import Example, FixAvailability, Rule


class Check(Rule):
    """Subclasses set the constants below and implement ``check(doc)``."""

    ID: ClassVar[str] = ""
    CATEGORY: ClassVar[str] = ""
    SEVERITY: ClassVar[Severity] = Severity.WARNING
    DESCRIPTION: ClassVar[str] = ""
    RATIONALE: ClassVar[str] = ""
    FIX: ClassVar[Applicability | None] = None
    FIX_AVAILABILITY: ClassVar[FixAvailability] = FixAvailability.NONE
    FIX_SAFETY: ClassVar[str] = ""
    FLAG: ClassVar[list[str | tuple[str, str]]] = []  # text, or (text, fixed text)
    OK: ClassVar[list[str]] = []
    OPTIONS: ClassVar[dict[str, Any]] = {}
    DEFAULT: ClassVar[bool] = True

    def __init__(self) -> None:
        examples = [Example(e, True) if isinstance(e, str) else Example(e[0], True, e[1])
                    for e in self.FLAG] + [Example(e, False) for e in self.OK]
        Rule.__init__(
            self, id=self.ID, severity=self.SEVERITY, description=self.DESCRIPTION,
            rationale=self.RATIONALE, fix_applicability=self.FIX,
            fix_availability=self.FIX_AVAILABILITY, examples=examples,
            source="built-in", default_enabled=self.DEFAULT, category=self.CATEGORY,
            options=dict(self.OPTIONS), fix_safety=self.FIX_SAFETY,
        )
