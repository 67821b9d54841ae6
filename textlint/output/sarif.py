"""``--format sarif``: SARIF 2.1.0, for code-scanning services."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO
from urllib.parse import quote

from .. import __version__
from ..rule import Rule
from . import Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    p = Path(path)
    return p.resolve().as_uri() if p.is_absolute() else quote(p.as_posix())


def _region(report: Report, start: int, end: int) -> dict:
    line, column = report.doc.position(start)
    end_line, end_column = report.doc.position(end)
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column,
            "charOffset": start, "charLength": end - start}


def sarif_log(reports: list[Report], rules: dict[str, Rule]) -> dict:
    used = sorted({d.rule for r in reports for d in r.diagnostics})
    index = {rule_id: i for i, rule_id in enumerate(used)}
    descriptors = []
    for rule_id in used:
        rule = rules.get(rule_id)
        entry: dict = {"id": rule_id}
        if rule is not None:
            summary = " ".join(rule.description.split()) or rule_id
            entry["shortDescription"] = {"text": summary}
            entry["help"] = {"text": rule.documentation(), "markdown": rule.documentation()}
            entry["defaultConfiguration"] = {"level": LEVELS[rule.severity.value]}
            if rule.link:
                entry["helpUri"] = rule.link
        descriptors.append(entry)
    results = []
    for r in reports:
        uri = _uri(r.doc.path)
        for d in r.diagnostics:
            result = {
                "ruleId": d.rule,
                "ruleIndex": index[d.rule],
                "level": LEVELS[d.severity.value],
                "message": {"text": d.message},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri},
                                                    "region": _region(r, d.start, d.end)}}],
            }
            if d.fix is not None and d.fix.edits:
                result["fixes"] = [{
                    "description": {"text": f"{d.fix.title or 'Fix'} ({d.fix.applicability.value})"},
                    "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": [
                        {"deletedRegion": {"charOffset": e.start, "charLength": e.end - e.start},
                         "insertedContent": {"text": e.content}} for e in d.fix.edits]}],
                }]
            results.append(result)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "textlint", "version": __version__,
                                "informationUri": "https://pypi.org/project/textlint/",
                                "rules": descriptors}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def write_sarif(reports: list[Report], rules: dict[str, Rule], out: TextIO) -> None:
    json.dump(sarif_log(reports, rules), out, ensure_ascii=False, indent=2)
    out.write("\n")
