"""textlint: find and fix the defects of scraped, OCR'd and machine-translated prose.

The Python API::

    import textlint
    for d in textlint.lint("In 2021 the The Kremlin said so."):
        print(d.rule, d.message, d.start, d.end)
    print(textlint.fix("In 2021 the The Kremlin said so.").text)
"""

from __future__ import annotations

from .config import Settings
from .diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from .engine import Engine, Overrides
from .fixer import FixResult

__all__ = ["Applicability", "Diagnostic", "Edit", "Engine", "Fix", "FixResult", "Overrides",
           "Settings", "Severity", "fix", "lint"]
__version__ = "0.1.0"


def lint(text: str, *, select: list[str] | None = None, ignore: list[str] = ()) -> list[Diagnostic]:
    """The diagnostics of *text* with the default (or the selected) rules."""
    engine = Engine(overrides=Overrides(select=select, ignore=list(ignore)))
    return engine.lint(text).diagnostics


def fix(text: str, *, unsafe: bool = False, select: list[str] | None = None,
        ignore: list[str] = ()) -> FixResult:
    """*text* with safe fixes applied (and unsafe ones with ``unsafe=True``)."""
    engine = Engine(overrides=Overrides(select=select, ignore=list(ignore)))
    return engine.fix(text, unsafe=unsafe)
