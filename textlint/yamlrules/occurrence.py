"""``extends: occurrence`` — flag a scope (default: the whole text) with too many or too few matches."""

from __future__ import annotations

from typing import ClassVar, Iterator


from ..diagnostics import Diagnostic
from ..document import Document
from .base import Matcher, Schema, YamlRule
from ..patterns import lazy_compile

_FIRST_WORD = lazy_compile(r"\w+")


class Occurrence(YamlRule):
    """``token``: the pattern counted (as written: no word boundaries are added);
    ``max`` / ``min``: the allowed counts per unit of the scope (0: no bound). As Vale, a
    unit with too many or too few is flagged once, at its first match (past masked
    code), or at its first word when it has none; the message's ``%d``/``%s`` is the count."""

    TYPE: ClassVar[str] = "occurrence"
    KEYS: ClassVar[dict] = {"token": Schema.string, "max": Schema.integer, "min": Schema.integer}
    REQUIRED: ClassVar[tuple[str, ...]] = ("token",)
    pattern_key: ClassVar[str] = "token"

    def setup(self) -> None:
        if not self.spec.get("max") and not self.spec.get("min"):
            raise ValueError("an occurrence rule needs 'max' or 'min' (above 0)")
        self.pattern = self.compile(self.spec["token"], "token", words=False)

    def findings(self, doc: Document, patterns: Matcher) -> Iterator[Diagnostic]:
        most, least = self.spec.get("max", 0), self.spec.get("min", 0)
        for unit in patterns.units():
            # each unit scanned on its own (what scan's joined reading gives too): a count
            # needs no match placed in its unit, which for a word count costs more than the scan
            matches = patterns.finditer_in(self.pattern, unit.text)
            count = len(matches)
            if count == 0 and not least:
                continue
            text = unit.text
            if not (most and count > most or least and count < least):
                continue
            if count == 0:
                at = _FIRST_WORD.search(text)
            else:
                at = next((m for m in matches if m.group().strip() and not _masked(m.group())), None)
            if at is None:
                continue
            start, end = unit.source(at.start(), at.end())
            yield self.diagnostic(start, end, self.format_count(count))

    def format_count(self, count: int) -> str:
        return self.format(str(count)).replace("%d", str(count))


def _masked(text: str) -> bool:
    """Whether *text* is masked code (only ``*`` and ``@``), which Vale skips."""
    return all(c in "*@" for c in text)
