"""``extends: capitalization`` — a scope (default: heading) must follow a capitalization style."""

from __future__ import annotations

from typing import ClassVar, Iterator

import regex

from ..diagnostics import Applicability, Diagnostic, Fix
from ..document import Document
from ..rule import FixAvailability
from .base import Matcher, Schema, YamlRule
from ..patterns import lazy_compile
from ..wordclasses import TITLE_SMALL_WORDS

_WORD = lazy_compile(r"[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*")


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
        elif w.lower() in TITLE_SMALL_WORDS and 0 < i < len(words) - 1:  # $title
            new = w.lower()
        else:
            new = w[:1].upper() + w[1:]
        out += [text[pos:m.start()], new]
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


#: A word as Vale's capitalization styles count them: letters or digits, then any non-space.
_TOKEN = r"[\p{N}\p{L}*]+[^\s]*"
_NUMBERED = lazy_compile(r"\d+\.")


class Capitalization(YamlRule):
    """``match``: ``$title``, ``$sentence``, ``$lower``, ``$upper`` or a regular expression
    the unit must hold a match of (as Vale: searched for; anchor it to match the whole); ``exceptions``: words kept as written. As Vale, ``$sentence``
    and ``$title`` pass a unit when at least ``threshold`` (0.8) of its words are as the
    style writes them (a wrong first word fails it outright); after a word ending in one
    of the ``indicators`` (default ``:``) a capital starts again. For the four styles the
    corrected text is suggested (display-only)."""

    TYPE: ClassVar[str] = "capitalization"
    KEYS: ClassVar[dict] = {"match": Schema.string, "exceptions": Schema.strings,
                            "indicators": Schema.strings, "threshold": Schema.number}
    VALE_KEYS: ClassVar[frozenset[str]] = frozenset({"style", "prefix"})
    REQUIRED: ClassVar[tuple[str, ...]] = ("match",)
    pattern_key: ClassVar[str] = "match"

    def setup(self) -> None:
        self.style = self.spec["match"]
        self.exceptions = set(self.spec.get("exceptions", []))
        self.indicators = tuple(self.spec.get("indicators", [":"]))
        self.threshold = self.spec.get("threshold") or 0.8
        self.pattern = None
        if self.style not in ("$title", "$sentence", "$lower", "$upper"):
            self.pattern = self.compile(self.style, "match", words=False)
        self.compile_exceptions()
        terms = sorted(self.spec.get("exceptions", []), key=len, reverse=True)
        vocab = "|".join(terms)
        self.tokens = regex.compile((rf"\b(?:{vocab})\b|" if vocab else "") + _TOKEN, regex.IGNORECASE)
        self.words = regex.compile((f"{self.exception_pattern.pattern}|" if terms else "") + _TOKEN)
        self.vocab = [(t, regex.compile(t)) for t in terms]
        for pattern in (self.tokens, self.words, *(p for _, p in self.vocab)):
            self.pattern_keys[pattern] = "exceptions"

    def availability(self) -> FixAvailability:
        return FixAvailability.NONE if self.pattern else FixAvailability.SOMETIMES

    def findings(self, doc: Document, patterns: Matcher) -> Iterator[Diagnostic]:
        for unit in patterns.units():
            text = unit.text
            if not text.strip():
                continue
            start, end = unit.source(0, len(text))
            if self.pattern is not None:
                if not patterns.search(self.pattern, text) and not patterns.is_exception(text):
                    yield self.diagnostic(start, end, self.format(text))
                continue
            if self.style == "$sentence":
                wanted = self._sentence(text, patterns)
                ok = self._passes(text, wanted, patterns)
            elif self.style == "$title":
                wanted = _recase(text, self.style, self.exceptions)
                ok = self._passes(text, wanted, patterns)
            else:
                wanted = _recase(text, self.style, self.exceptions)
                ok = wanted == text
            if not ok:
                fix = None
                if wanted != text and end - start == len(text):
                    fix = Fix.replace(start, end, wanted, Applicability.DISPLAY_ONLY, title=f"'{wanted}'")
                yield self.diagnostic(start, end, self.format(text, wanted), fix)

    def _sentence(self, text: str, patterns: Matcher) -> str:
        """*text* in sentence case, as Vale writes it: its words joined by spaces."""
        tokens = [m.group() for m in patterns.finditer_in(self.tokens, text)]
        out = []
        for i, token in enumerate(tokens):
            kept = self._in_vocab(token, patterns)
            if kept:
                out.append(kept)
            elif i == 0 or tokens[i - 1].endswith(self.indicators) or i == 1 and _NUMBERED.match(tokens[0]):
                out.append(token[:1].upper() + token[1:].lower())
            else:
                out.append(token.lower())
        return " ".join(out)

    def _in_vocab(self, token: str, patterns: Matcher) -> str:
        for term, pattern in self.vocab:
            if term.casefold() == token.casefold():
                return term
            if patterns.search(pattern, token):
                return token
        return ""

    def _passes(self, text: str, wanted: str, patterns: Matcher) -> bool:
        """Whether at least the threshold of *text*'s words are as in *wanted*."""
        expected = [m.group() for m in patterns.finditer_in(self.words, wanted)]
        count = total = 0
        for i, word in enumerate(m.group() for m in patterns.finditer_in(self.words, text)):
            if i >= len(expected) or word == expected[i] or patterns.is_exception(word):
                count += 1
            elif i == 0 and word != word[:1].upper() + word[1:].lower():
                return False
            total += 1
        return total == 0 or count / total >= self.threshold
