"""``extends: occurrence`` — flag a scope (default: sentence) with too many or too few matches."""

from __future__ import annotations

from typing import ClassVar, Iterator

from ..diagnostics import Diagnostic
from ..document import Document, Span
from .base import Matcher, Schema, YamlRule


class Occurrence(YamlRule):
    """``token``: the pattern counted; ``max`` / ``min``: the allowed counts per scope unit.
    Too many: the first match past ``max`` is flagged. Too few: the whole unit."""

    TYPE: ClassVar[str] = "occurrence"
    KEYS: ClassVar[dict] = {"token": Schema.string, "max": Schema.integer, "min": Schema.integer}
    REQUIRED: ClassVar[tuple[str, ...]] = ("token",)
    DEFAULT_SCOPE: ClassVar[str] = "sentence"
    pattern_key: ClassVar[str] = "token"

    def setup(self) -> None:
        if "max" not in self.spec and "min" not in self.spec:
            raise ValueError("an occurrence rule needs 'max' or 'min'")
        self.pattern = self.compile(self.spec["token"], "token")

    def findings(self, doc: Document, patterns: Matcher) -> Iterator[Diagnostic]:
        units = self.units(doc)
        if units is None:
            units = [Span(0, len(doc.text))]
        most, least = self.spec.get("max"), self.spec.get("min")
        for unit in units:
            matches = list(patterns.finditer(self.pattern, unit.start, unit.end))
            if most is not None and len(matches) > most:
                m = matches[most]
                yield self.diagnostic(m.start(), m.end(), self.format(str(len(matches))))
            elif least is not None and len(matches) < least and unit.end > unit.start:
                yield self.diagnostic(unit.start, unit.end, self.format(str(len(matches))))
