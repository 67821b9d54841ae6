"""What all YAML rule types share: key validation, pattern compilation, scopes, messages.

The keys follow Vale's where they fit (``extends``, ``message``, ``level``,
``scope``, ``ignorecase``, ``nonword``, ``tokens``, ``swap``, ``exceptions``,
``link``, ``description``). textlint adds ``rationale``, ``fix`` (the
applicability of the fixes the rule makes), ``examples``, ``default`` and
``category``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any, Callable, ClassVar, Iterator

import regex

from ..diagnostics import Applicability, Severity
from ..document import Document, Span
from ..errors import ConfigError
from ..rule import Example, FixAvailability, Rule, RuleError

_PLACEHOLDER = regex.compile(r"%(?:\[(\d+)\])?s")
SCOPES = ("text", "paragraph", "sentence", "line", "heading")

#: Seconds a pattern may run on a document: a base plus a share per megabyte.
TIMEOUT_BASE = 2.0
TIMEOUT_PER_MB = 2.0


def timeout_for(text: str) -> float:
    return TIMEOUT_BASE + TIMEOUT_PER_MB * len(text) / 1_000_000


class Schema:
    """Validators for YAML values; each returns the value or raises ValueError."""

    @staticmethod
    def string(v: Any) -> str:
        if not isinstance(v, str):
            raise ValueError(f"expected a string, got {_kind(v)}")
        return v

    @staticmethod
    def boolean(v: Any) -> bool:
        if not isinstance(v, bool):
            raise ValueError(f"expected true or false, got {_kind(v)}")
        return v

    @staticmethod
    def integer(v: Any) -> int:
        if not isinstance(v, int) or isinstance(v, bool):
            raise ValueError(f"expected an integer, got {_kind(v)}")
        return v

    @staticmethod
    def strings(v: Any) -> list[str]:
        if isinstance(v, str):
            return [v]
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            raise ValueError(f"expected a list of strings, got {_kind(v)}")
        return v

    @staticmethod
    def mapping(v: Any) -> dict[str, str]:
        if not isinstance(v, dict) or not all(
            isinstance(k, str) and isinstance(x, str) for k, x in v.items()
        ):
            raise ValueError(f"expected a mapping of strings to strings, got {_kind(v)}")
        return v

    @staticmethod
    def choice(*allowed: str) -> Callable[[Any], str]:
        def check(v: Any) -> str:
            if v not in allowed:
                raise ValueError(f"expected one of {', '.join(allowed)}, got {v!r}")
            return v
        return check


def _inside_compound(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is glued to a word by a hyphen or an apostrophe."""
    return (start >= 2 and text[start - 1] in _JOINERS and text[start - 2].isalnum()
            or end + 1 < len(text) and text[end] in _JOINERS and text[end + 1].isalnum())


_JOINERS = "-'’"


def _kind(v: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "a string", bool: "a boolean",
            int: "an integer", float: "a number", type(None): "nothing"}.get(type(v), type(v).__name__)


COMMON_KEYS: dict[str, Callable[[Any], Any]] = {
    "extends": Schema.string,
    "message": Schema.string,
    "description": Schema.string,
    "rationale": Schema.string,
    "level": Schema.choice("error", "warning", "info", "suggestion"),
    "scope": Schema.choice(*SCOPES),
    "ignorecase": Schema.boolean,
    "nonword": Schema.boolean,
    "link": Schema.string,
    "fix": Schema.choice("safe", "unsafe", "display-only"),
    "examples": lambda v: v,  # validated in _examples
    "default": Schema.boolean,
    "category": Schema.string,
}


@dataclass
class YamlRule(Rule):
    """A rule defined in a YAML file. Subclasses set ``TYPE`` and ``KEYS``."""

    TYPE: ClassVar[str] = ""
    KEYS: ClassVar[dict[str, Callable[[Any], Any]]] = {}
    REQUIRED: ClassVar[tuple[str, ...]] = ()
    DEFAULT_SCOPE: ClassVar[str] = "text"

    message: str = ""
    scope: str = "text"
    ignorecase: bool = False
    nonword: bool = False
    spec: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_yaml(cls, rule_id: str, data: dict[str, Any], path: str) -> YamlRule:
        """Validate *data* (one YAML file) and build the rule, compiling its patterns."""
        allowed = {**COMMON_KEYS, **cls.KEYS}
        for key in data:
            if key not in allowed:
                raise ConfigError(
                    f"unknown key for a rule of type '{cls.TYPE}' "
                    f"(known keys: {', '.join(sorted(allowed))})", path=path, rule=rule_id, key=key)
        for key in ("message",) + cls.REQUIRED:
            if key not in data:
                raise ConfigError("missing required key", path=path, rule=rule_id, key=key)
        spec: dict[str, Any] = {}
        for key, value in data.items():
            try:
                spec[key] = allowed[key](value)
            except ValueError as e:
                raise ConfigError(str(e), path=path, rule=rule_id, key=key) from None
        level = spec.get("level", "warning")
        fix = spec.get("fix")
        rule = cls(
            id=rule_id,
            severity=Severity.INFO if level in ("info", "suggestion") else Severity(level),
            description=spec.get("description", ""),
            rationale=spec.get("rationale", ""),
            fix_applicability=Applicability(fix) if fix else None,
            link=spec.get("link", ""),
            source=path,
            default_enabled=spec.get("default", True),
            category=spec.get("category", ""),
            message=spec["message"],
            scope=spec.get("scope", cls.DEFAULT_SCOPE),
            ignorecase=spec.get("ignorecase", False),
            nonword=spec.get("nonword", False),
            spec=spec,
        )
        rule.examples = _examples(data.get("examples"), path, rule_id)
        try:
            rule.setup()
        except regex.error as e:
            raise ConfigError(f"invalid regular expression: {e}", path=path, rule=rule_id,
                              key=getattr(e, "key", None) or rule.pattern_key) from None
        except ValueError as e:
            raise ConfigError(str(e), path=path, rule=rule_id) from None
        rule.fix_availability = rule.availability()
        return rule

    # hooks for subclasses -------------------------------------------------------
    pattern_key: ClassVar[str] = "tokens"

    def setup(self) -> None:
        """Compile patterns; raise ``regex.error`` or ``ValueError`` on bad input."""

    def availability(self) -> FixAvailability:
        return FixAvailability.NONE

    # helpers ----------------------------------------------------------------------
    def compile(self, pattern: str, key: str, *, words: bool | None = None) -> regex.Pattern:
        """Compile a user pattern once; wrap it in ``\\b`` word boundaries unless ``nonword``.

        As in Vale, a token that starts or ends with a non-word character
        (``U.S.``) needs ``nonword: true``.
        """
        if words is None:
            words = not self.nonword
        if words:
            pattern = rf"\b(?:{pattern})\b"
        flags = regex.IGNORECASE if self.ignorecase else 0
        try:
            return regex.compile(pattern, flags | regex.MULTILINE)
        except regex.error as e:
            e.key = key  # type: ignore[attr-defined]
            raise

    def finditer(self, pattern: regex.Pattern, doc: Document, start: int = 0,
                 end: int | None = None, *, words: bool | None = None) -> Iterator[regex.Match]:
        """Matches of *pattern* in *doc* that stay inside one unit of the rule's scope.

        For word patterns, a match that is only part of a compound (the "in" of
        "in-fighting", the "s" of "Russia’s") is dropped.
        """
        text = doc.text
        end = len(text) if end is None else end
        try:
            matches = list(pattern.finditer(text, start, end, timeout=timeout_for(text)))
        except TimeoutError:
            raise RuleError(self.id, f"pattern timed out on {doc.path} "
                            f"(after {timeout_for(text):.1f} s); the rule was skipped") from None
        if not matches:
            return
        if words if words is not None else not self.nonword:
            matches = [m for m in matches if not _inside_compound(text, m.start(), m.end())]
        units = self.units(doc)
        if units is None:
            yield from matches
            return
        starts = [u.start for u in units]
        for m in matches:
            i = bisect.bisect_right(starts, m.start()) - 1
            if i >= 0 and m.end() <= units[i].end:
                yield m

    def units(self, doc: Document) -> list[Span] | None:
        """The spans of the rule's scope (None for the whole text)."""
        if self.scope == "text":
            return None
        if self.scope == "paragraph":
            return doc.paragraphs
        if self.scope == "sentence":
            return doc.sentences
        if self.scope == "heading":
            return doc.headings
        starts = doc.line_starts
        return [Span(s, e - 1) for s, e in zip(starts, starts[1:] + [len(doc.text) + 1])]

    def format(self, *args: str) -> str:
        """The message with ``%s`` replaced by *args* in order (``%[2]s``: the second)."""
        count = iter(range(len(args) + 1000))

        def arg(m: regex.Match) -> str:
            i = int(m.group(1)) - 1 if m.group(1) else next(count)
            return args[i] if 0 <= i < len(args) else m.group()
        return _PLACEHOLDER.sub(arg, self.message)

    def is_exception(self, matched: str) -> bool:
        return any(p.fullmatch(matched) for p in self._exceptions)

    def compile_exceptions(self) -> None:
        flags = regex.IGNORECASE if self.ignorecase else 0
        self._exceptions = [regex.compile(p, flags) for p in self.spec.get("exceptions", [])]


def _examples(raw: Any, path: str, rule_id: str) -> list[Example]:
    """``examples: {flag: [text | {text, fixed}], ok: [text]}``."""
    if raw is None:
        return []
    if not isinstance(raw, dict) or set(raw) - {"flag", "ok"}:
        raise ConfigError("expected a mapping with the keys 'flag' and 'ok'",
                          path=path, rule=rule_id, key="examples")
    out: list[Example] = []
    for item in raw.get("flag") or []:
        if isinstance(item, str):
            out.append(Example(item, True))
        elif isinstance(item, dict) and set(item) <= {"text", "fixed"} and isinstance(item.get("text"), str):
            out.append(Example(item["text"], True, item.get("fixed")))
        else:
            raise ConfigError("each 'flag' example is a string or {text, fixed}",
                              path=path, rule=rule_id, key="examples")
    for item in raw.get("ok") or []:
        if not isinstance(item, str):
            raise ConfigError("each 'ok' example is a string", path=path, rule=rule_id, key="examples")
        out.append(Example(item, False))
    return out
