"""Output formats for diagnostics: ``text`` (plain or rich), ``json``, ``jsonl``, ``sarif``, ``github``."""

from __future__ import annotations


from ..dataclass import dataclass
from ..diagnostics import Diagnostic
from ..document import Document

FORMATS = ("text", "json", "jsonl", "sarif", "github")


@dataclass
class Report:
    """The diagnostics of one file, with the document that locates them."""

    doc: Document
    diagnostics: list[Diagnostic]


def record(report: Report, d: Diagnostic) -> dict:
    """The JSON object of one diagnostic (the schema in docs/json-output.md)."""
    line, column = report.doc.position(d.start)
    end_line, end_column = report.doc.position(d.end)
    return {
        "path": report.doc.path,
        "rule": d.rule,
        "severity": d.severity.value,
        "message": d.message,
        "start": d.start,
        "end": d.end,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "fix": d.fix.to_json() if d.fix else None,
    }
