"""``extends: capitalization`` — a scope (default: heading) must follow a capitalization style."""

from __future__ import annotations

from typing import ClassVar, Iterator

import regex

from ..diagnostics import Applicability, Diagnostic, Fix
from ..document import Document
from ..rule import FixAvailability
from .base import Matcher, Schema, YamlRule

_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*")
#: Words a title keeps lowercase unless first or last.
SMALL_WORDS = frozenset("a an and as at but by en for if in nor of on or per the to v vs via with".split())


def _keep(word: str, exceptions: set[str]) -> bool:
    """Words no style changes: exceptions, acronyms, words with digits or inner capitals."""
    return (word in exceptions or word.isupper() and len(word) > 1
            or any(c.isdigit() for c in word) or any(c.isupper() for c in word[1:]))


def _recase(text: str, style: str, exceptions: set[str]) -> str:
    words = list(_WORD.finditer(text))
    out, pos = [], 0
    for i, m in enumerate(words):
        w = m.group()
        if _keep(w, exceptions):
            new = w
        elif style == "$lower":
            new = w.lower()
        elif style == "$upper":
            new = w.upper()
        elif style == "$sentence":
            new = w[:1].upper() + w[1:] if i == 0 else w.lower()
        elif w.lower() in SMALL_WORDS and 0 < i < len(words) - 1:  # $title
            new = w.lower()
        else:
            new = w[:1].upper() + w[1:]
        out += [text[pos:m.start()], new]
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


class Capitalization(YamlRule):
    """``match``: ``$title``, ``$sentence``, ``$lower``, ``$upper`` or a regular expression
    the whole unit must match; ``exceptions``: words kept as written. For the four
    styles the corrected text is suggested (display-only)."""

    TYPE: ClassVar[str] = "capitalization"
    KEYS: ClassVar[dict] = {"match": Schema.string, "exceptions": Schema.strings}
    VALE_KEYS: ClassVar[frozenset[str]] = frozenset({"style", "threshold", "prefix", "indicators"})
    REQUIRED: ClassVar[tuple[str, ...]] = ("match",)
    DEFAULT_SCOPE: ClassVar[str] = "heading"
    pattern_key: ClassVar[str] = "match"

    def setup(self) -> None:
        self.style = self.spec["match"]
        self.exceptions = set(self.spec.get("exceptions", []))
        self.pattern = None
        if self.style not in ("$title", "$sentence", "$lower", "$upper"):
            self.pattern = self.compile(self.style, "match", words=False)

    def availability(self) -> FixAvailability:
        return FixAvailability.NONE if self.pattern else FixAvailability.SOMETIMES

    def findings(self, doc: Document, patterns: Matcher) -> Iterator[Diagnostic]:
        units = self.units(doc)
        for unit in doc.paragraphs if units is None else units:
            text = doc.text[unit.start:unit.end]
            if not text.strip():
                continue
            if self.pattern is not None:
                if not patterns.fullmatch(self.pattern, text):
                    yield self.diagnostic(unit.start, unit.end, self.format(text))
                continue
            wanted = _recase(text, self.style, self.exceptions)
            if wanted != text:
                fix = Fix.replace(unit.start, unit.end, wanted, Applicability.DISPLAY_ONLY,
                                  title=f"'{wanted}'")
                yield self.diagnostic(unit.start, unit.end, self.format(text, wanted), fix)
