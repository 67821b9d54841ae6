"""textlint: find and fix the defects of scraped, OCR'd and machine-translated prose.

The Python API::

    import textlint
    for d in textlint.lint("In 2021 the The Kremlin said so."):
        print(d.rule, d.message, d.start, d.end)
    print(textlint.fix("In 2021 the The Kremlin said so.").text)

``lint`` and ``fix`` run textlint's own rules; LanguageTool's grammar rules run only with
``languagetool=True`` (which starts its local server if it is not running: a Java process
of about 1 GB that stays up until it has been idle for an hour; see docs/languagetool.md).
"""

from __future__ import annotations

from .config import Settings
from .diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from .engine import Engine, Overrides

__all__ = ["Applicability", "Diagnostic", "Edit", "Engine", "Fix", "FixResult", "Overrides",
           "Settings", "Severity", "fix", "lint"]
__version__ = "0.1.0"


def __getattr__(name: str):
    if name == "FixResult":  # the fixer is imported when something fixes
        from .fixer import FixResult

        return FixResult
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def lint(text: str, *, select: list[str] | None = None, ignore: list[str] = (),
         languagetool: bool = False) -> list[Diagnostic]:
    """The diagnostics of *text* with the default (or the selected) rules; LanguageTool's
    too with *languagetool* (never otherwise, whatever is installed or selected)."""
    engine = Engine(overrides=Overrides(select=select, ignore=list(ignore), languagetool=languagetool))
    return engine.lint(text).diagnostics


def fix(text: str, *, unsafe: bool = False, select: list[str] | None = None,
        ignore: list[str] = (), languagetool: bool = False) -> FixResult:
    """*text* with safe fixes applied (and unsafe ones with ``unsafe=True``); LanguageTool's
    fixes are unsafe, so they apply only with both *languagetool* and *unsafe*."""
    engine = Engine(overrides=Overrides(select=select, ignore=list(ignore), languagetool=languagetool))
    return engine.fix(text, unsafe=unsafe)
