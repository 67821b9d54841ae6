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

import bisect
from dataclasses import field
from typing import TYPE_CHECKING

import regex

from .dataclass import dataclass
from .patterns import lazy_compile

if TYPE_CHECKING:
    from .document import Document

#: A suppression directive; never prose (:attr:`textlint.document.Document.ignored`).
#: The selectors of an HTML-comment directive run to the first "-->" and hold no line
#: break, "<" or ">"; possessive, so that a line of unclosed "<!-- textlint-disable"
#: or of spaces is scanned once, not once per position.
DIRECTIVE = lazy_compile(
    r"<!--\s*textlint-(?P<kind>disable-next-line|disable-line|disable-file|disable|enable)\b"
    r"(?P<rules>(?:[^\S\n]*+(?!-->)[^\s<>])*+)\s*+-->"
    r"|^[^\S\n]*(?:#|//)[^\S\n]*textlint-(?P<kind2>disable-next-line|disable-line|disable-file|disable|enable)\b"
    r"(?P<rules2>[^\n]*)$",
    regex.MULTILINE,
)

ALL = "ALL"
_SEPARATORS = lazy_compile(r"[\s,]+")


@dataclass
class Suppressions:
    """Which selectors are off on which lines (1-based) of one document."""

    file: set[str] = field(default_factory=set)
    lines: dict[int, set[str]] = field(default_factory=dict)
    #: Per selector, its disable/enable ranges in line order: first lines, last lines
    #: (inclusive; None for a range that runs to the end). A selector's ranges never
    #: overlap (a second disable of an open selector changes nothing), so a line is
    #: looked up by bisection.
    ranges: dict[str, tuple[list[int], list[int | None]]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.file or self.lines or self.ranges)

    def add_range(self, selector: str, first: int, last: int | None) -> None:
        firsts, lasts = self.ranges.setdefault(selector, ([], []))
        firsts.append(first)
        lasts.append(last)

    def suppresses(self, line: int, rule_id: str, groups: set[str]) -> bool:
        """Whether a directive turns off the rule *rule_id* (with its *groups*) on *line*."""
        on_line = self.lines.get(line, set())
        return any(name in self.file or name in on_line or self._in_range(name, line)
                   for name in _names(rule_id, groups))

    def _in_range(self, selector: str, line: int) -> bool:
        if selector not in self.ranges:
            return False
        firsts, lasts = self.ranges[selector]
        i = bisect.bisect_right(firsts, line) - 1
        return i >= 0 and (lasts[i] is None or line <= lasts[i])


def _names(rule_id: str, groups: set[str]) -> set[str]:
    """Every selector that names the rule: ALL, its id, each dotted prefix of the id
    (its pack), and its groups."""
    prefixes = {rule_id[:i] for i, c in enumerate(rule_id) if c == "."}
    return {ALL, rule_id, *prefixes, *groups}


def _selectors(raw: str) -> list[str]:
    return [s for s in _SEPARATORS.split(raw.strip()) if s] or [ALL]


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
                    out.add_range(sel, open_ranges.pop(sel), line)
    for sel, start in open_ranges.items():
        out.add_range(sel, start, None)
    return out
