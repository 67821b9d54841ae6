"""``--format github``: GitHub Actions workflow commands that annotate the diff."""

from __future__ import annotations

from typing import TextIO

from . import Report

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def write_github(reports: list[Report], out: TextIO) -> None:
    for r in reports:
        for d in r.diagnostics:
            line, col = r.doc.position(d.start)
            end_line, end_col = r.doc.position(d.end)
            out.write(f"::{LEVELS[d.severity.value]} file={_property(r.doc.path)},line={line},col={col},"
                      f"endLine={end_line},endColumn={end_col},title={_property(d.rule)}::"
                      f"{_data(d.rule + ' ' + d.message)}\n")
