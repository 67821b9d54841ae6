"""textlint's diagnostics as LSP diagnostics."""

from __future__ import annotations

from typing import Callable

from lsprotocol import types as lsp

from ..diagnostics import Diagnostic, Severity
from .positions import LineIndex

SOURCE = "textlint"
SEVERITY = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}


def lsp_range(index: LineIndex, start: int, end: int) -> lsp.Range:
    (l1, c1), (l2, c2) = index.position(start), index.position(end)
    return lsp.Range(lsp.Position(l1, c1), lsp.Position(l2, c2))


def offsets(index: LineIndex, r: lsp.Range) -> tuple[int, int]:
    start = index.offset(r.start.line, r.start.character)
    return start, max(start, index.offset(r.end.line, r.end.character))


def to_lsp(d: Diagnostic, index: LineIndex, link: Callable[[str], str | None]) -> lsp.Diagnostic:
    """*d* as an LSP diagnostic: the rule id as its code, the rule's link (when it has one)
    as its code description."""
    href = link(d.rule)
    return lsp.Diagnostic(
        range=lsp_range(index, d.start, d.end),
        message=d.message,
        severity=SEVERITY.get(d.severity, lsp.DiagnosticSeverity.Warning),
        code=d.rule,
        code_description=lsp.CodeDescription(href=href) if href else None,
        source=SOURCE,
    )
