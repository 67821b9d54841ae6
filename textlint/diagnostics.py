"""The data every rule produces: diagnostics and the fixes they carry.

Offsets are code points into the document text, end exclusive. Rules never edit
text; they return :class:`Diagnostic` objects and :mod:`textlint.fixer` applies
the fixes.
"""

from __future__ import annotations

import sys
from dataclasses import field, replace
from enum import Enum

from .dataclass import dataclass


class Severity(str, Enum):
    """How serious a finding is."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Applicability(str, Enum):
    """How safe a fix is to apply without a human looking at it."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY_ONLY = "display-only"

    def allowed(self, unsafe: bool) -> bool:
        """Whether ``--fix`` (and ``--unsafe-fixes`` when *unsafe*) applies this fix."""
        return self is Applicability.SAFE or (unsafe and self is Applicability.UNSAFE)


@dataclass(frozen=True, slots=True, order=True)
class Edit:
    """Replace ``text[start:end]`` with *content* (an insertion when start == end)."""

    start: int
    end: int
    content: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid edit range {self.start}..{self.end}")


def apply_edits(text: str, edits) -> str:
    """*text* with *edits* (sorted, non-overlapping) applied."""
    out, pos = [], 0
    for e in edits:
        out.append(text[pos:e.start])
        out.append(e.content)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Fix:
    """A list of edits applied together, with how safe they are."""

    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE
    title: str | None = None

    def __post_init__(self) -> None:
        edits = self.edits
        if type(edits) is not tuple or len(edits) != 1:  # (one edit, as most fixes have, is in order)
            edits = tuple(sorted(edits))
            for a, b in zip(edits, edits[1:]):
                if b.start < a.end:
                    raise ValueError("the edits of one fix overlap")
            object.__setattr__(self, "edits", edits)
        if self.title is not None:  # a title repeated over many fixes is held once
            object.__setattr__(self, "title", sys.intern(self.title))

    @classmethod
    def replace(cls, start: int, end: int, content: str,
                applicability: Applicability = Applicability.SAFE,
                title: str | None = None) -> Fix:
        """A fix with one edit."""
        return cls((Edit(start, end, content),), applicability, title)

    @property
    def start(self) -> int:
        return self.edits[0].start if self.edits else 0

    @property
    def end(self) -> int:
        return self.edits[-1].end if self.edits else 0

    def apply(self, text: str) -> str:
        """The text with this fix's edits applied."""
        return apply_edits(text, self.edits)

    def to_json(self) -> dict:
        return {
            "applicability": self.applicability.value,
            "edits": [{"start": e.start, "end": e.end, "content": e.content} for e in self.edits],
        }


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding: which rule, how serious, what, where, and how to fix it."""

    rule: str
    message: str
    start: int
    end: int
    severity: Severity = Severity.WARNING
    fix: Fix | None = field(default=None)

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"{self.rule}: invalid span {self.start}..{self.end}")
        edits = () if self.fix is None else self.fix.edits
        if edits and (edits[0].start < self.start or edits[-1].end > self.end):
            raise ValueError(
                f"{self.rule}: fix edits {self.fix.start}..{self.fix.end} "
                f"lie outside the span {self.start}..{self.end}"
            )

    @property
    def fixable(self) -> bool:
        return self.fix is not None and self.fix.applicability is not Applicability.DISPLAY_ONLY

    def shifted(self, delta: int) -> Diagnostic:
        """The same diagnostic moved by *delta* code points (for sub-documents)."""
        if not delta:
            return self
        fix = None
        if self.fix is not None:
            fix = Fix(tuple(Edit(e.start + delta, e.end + delta, e.content) for e in self.fix.edits),
                      self.fix.applicability, self.fix.title)
        return replace(self, start=self.start + delta, end=self.end + delta, fix=fix)

    def sort_key(self) -> tuple:
        return (self.start, self.end, self.rule)
