"""Counts per partition and for the run: documents read, written, changed, failed; per rule,
documents affected, findings and fixes applied.

Every document read is either written (changed or not) or failed: ``read == written +
failed`` for each partition, and so for the run. With ``--report-only`` nothing is
written and the documents that would be are counted as *checked*.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import field
from typing import TextIO

from ..dataclass import dataclass
from .cleaning import Outcome


@dataclass
class Report:
    """The counts of one partition, or of a whole run."""

    read: int = 0
    written: int = 0
    changed: int = 0
    failed: int = 0
    #: rule -> [documents with a finding of it, findings, fixes applied (--report-only:
    #: fixes that would be applied)]
    rules: dict[str, list[int]] = field(default_factory=dict)

    def add(self, outcome: Outcome) -> None:
        self.read += 1
        if outcome.error:
            self.failed += 1
            return
        self.written += 1
        self.changed += outcome.changed
        for rule, n in Counter(f["rule"] for f in outcome.findings).items():
            counts = self.rules.setdefault(rule, [0, 0, 0])
            counts[0] += 1
            counts[1] += n
        for rule, n in outcome.fixes.items():
            self.rules.setdefault(rule, [0, 0, 0])[2] += n

    def merge(self, other: Report) -> None:
        self.read += other.read
        self.written += other.written
        self.changed += other.changed
        self.failed += other.failed
        for rule, (docs, findings, applied) in other.rules.items():
            counts = self.rules.setdefault(rule, [0, 0, 0])
            counts[0] += docs
            counts[1] += findings
            counts[2] += applied

    def to_json(self) -> dict:
        return {"read": self.read, "written": self.written, "changed": self.changed,
                "failed": self.failed, "rules": {r: self.rules[r] for r in sorted(self.rules)}}

    @classmethod
    def from_json(cls, data: dict) -> Report:
        return cls(data["read"], data["written"], data["changed"], data["failed"],
                   {r: list(v) for r, v in data["rules"].items()})


def write_table(report: Report, out: TextIO, report_only: bool) -> None:
    """The per-rule table, most findings first."""
    if not report.rules:
        return
    rows = sorted(report.rules.items(), key=lambda kv: (-kv[1][1], kv[0]))
    head = ("rule", "documents", "findings", "fixable" if report_only else "fixed")
    width = max(len(head[0]), *(len(r) for r, _ in rows))
    out.write(f"{head[0]:<{width}}  {head[1]:>9}  {head[2]:>9}  {head[3]:>9}\n")
    for rule, (docs, findings, applied) in rows:
        out.write(f"{rule:<{width}}  {docs:>9}  {findings:>9}  {applied:>9}\n")


def counts_line(report: Report, report_only: bool) -> str:
    written = "checked" if report_only else "written"
    changed = "would change" if report_only else "changed"
    noun = "document" if report.read == 1 else "documents"
    return (f"{report.read} {noun} read, {report.written} {written}, {report.changed} {changed}, "
            f"{report.failed} failed")
