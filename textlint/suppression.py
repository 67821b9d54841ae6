"""Suppression comments: turn rules off for a line, a range or the whole file.

In any file, inside an HTML comment::

    <!-- textlint-disable -->                    everything, until textlint-enable
    <!-- textlint-disable cleanup.DoubledWord --> one rule (or a pack, a category; comma-separated)
    <!-- textlint-enable cleanup.DoubledWord -->
    text <!-- textlint-disable-line spacing -->  this line only
    <!-- textlint-disable-next-line -->          the next line only
    <!-- textlint-disable-file cleanup -->       the whole file

In plain text a line holding only ``# textlint-...`` or ``// textlint-...`` works
too. The directives themselves are never linted (the Document treats them as
non-prose).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from .document import DIRECTIVE, Document

ALL = "ALL"


@dataclass
class Suppressions:
    """Which selectors are off on which lines (1-based) of one document."""

    file: set[str] = field(default_factory=set)
    lines: dict[int, set[str]] = field(default_factory=dict)
    #: (start line, end line inclusive or None, selector) of disable/enable ranges
    ranges: list[tuple[int, int | None, str]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.file or self.lines or self.ranges)

    def selectors_at(self, line: int) -> set[str]:
        out = set(self.file) | self.lines.get(line, set())
        out.update(sel for start, end, sel in self.ranges if start <= line and (end is None or line <= end))
        return out


def _selectors(raw: str) -> list[str]:
    return [s for s in regex.split(r"[\s,]+", raw.strip()) if s] or [ALL]


def parse(doc: Document) -> Suppressions:
    """The suppression directives of *doc*."""
    out = Suppressions()
    if "textlint-" not in doc.text:
        return out
    open_ranges: dict[str, int] = {}
    markdown = doc.kind == "markdown"
    for m in DIRECTIVE.finditer(doc.text):
        kind = m.group("kind") or m.group("kind2")
        if kind is None or (markdown and m.group("kind2")):
            continue
        rules = _selectors(m.group("rules") or m.group("rules2") or "")
        line, _ = doc.position(m.start())
        if kind == "disable-file":
            out.file.update(rules)
        elif kind == "disable-line":
            out.lines.setdefault(line, set()).update(rules)
        elif kind == "disable-next-line":
            out.lines.setdefault(line + 1, set()).update(rules)
        elif kind == "disable":
            for sel in rules:
                open_ranges.setdefault(sel, line)
        else:  # enable
            for sel in (list(open_ranges) if rules == [ALL] else rules):
                if sel in open_ranges:
                    out.ranges.append((open_ranges.pop(sel), line, sel))
    out.ranges += [(start, None, sel) for sel, start in open_ranges.items()]
    return out


def matches(selector: str, rule_id: str, groups: set[str]) -> bool:
    """Whether a directive's *selector* names the rule *rule_id* (with its *groups*)."""
    return (selector == ALL or selector == rule_id or rule_id.startswith(selector + ".")
            or selector in groups)
