"""What all YAML rule types share: key validation, pattern compilation, scopes, messages.

The keys are Vale's (``extends``, ``message``, ``level``, ``scope``,
``ignorecase``, ``nonword``, ``tokens``, ``swap``, ``exceptions``, ``link``,
``description``, ``action``, ``limit`` ...). textlint adds ``rationale``, ``fix``
(the applicability of the fixes the rule makes), ``examples``, ``default`` and
``category``. A key of Vale's rule format that textlint does not act on is
dropped with a warning naming the file and the key (an error in strict loading,
which textlint's own packs use); a key of neither format is an error, as in Vale.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import time
from abc import abstractmethod
from dataclasses import field
from typing import Any, Callable, ClassVar, Iterator

import regex

from ..dataclass import dataclass
from ..diagnostics import Applicability, Diagnostic, Severity
from ..document import _NOT_AN_END, Document
from . import view
from .kept import kept
from .needs import Needs, TextIndex, is_literal
from .view import Block
from ..errors import ConfigError, warn
from ..rule import Example, FixAvailability, Rule, RuleError
from ..anchored import finditer_at_seams
from ..patterns import compile as compile_pattern, lazy_compile
from . import action as actions

#: ``%s``, ``%[2]s`` and ``%%`` (a literal percent sign), as in Go's ``fmt`` (Vale's messages).
_PLACEHOLDER = lazy_compile(r"%%|%(?:\[(\d+)\])?s")
#: Longest message before the arguments put into it are shortened: a message that
#: repeats a long match many times must not take the memory of a product of the two.
MESSAGE_LIMIT = 10_000
SCOPES = ("text", "paragraph", "sentence", "line", "heading", "list", "table", "raw",
          "summary", "blockquote")
#: Scopes that take a part after a dot: heading.h1 ... heading.h6, table.header, table.cell.
_SUBSCOPES = {"heading": {f"h{i}" for i in range(1, 7)}, "table": {"header", "cell"}}


def known_scope(scope: str) -> bool:
    """Whether textlint knows *scope* (``~`` negation and parts such as ``heading.h2`` allowed)."""
    name, _, part = scope.lstrip("~").partition(".")
    return name in SCOPES and (not part or part in _SUBSCOPES.get(name, ()))


_warned: set[tuple[str, str]] = set()


def warn_once(path: str, message: str) -> None:
    """A warning about a rule file, given once per file and message in a process."""
    if (path, message) not in _warned:
        _warned.add((path, message))
        warn(message)

#: Seconds a pattern may run on a document: a base plus a share per megabyte.
TIMEOUT_BASE = 2.0
TIMEOUT_PER_MB = 2.0


def timeout_for(text: str) -> float:
    return TIMEOUT_BASE + TIMEOUT_PER_MB * len(text) / 1_000_000


def format_message(message: str, args: tuple[str, ...]) -> str:
    """*message* with its placeholders filled in, as Go's ``fmt.Sprintf`` does for ``%s``:
    ``%s`` takes the next argument, ``%[n]s`` the n-th (and the next ``%s`` the one after
    it), ``%%`` is a percent sign; a placeholder without an argument stays as written.
    When the result would be longer than :data:`MESSAGE_LIMIT`, long arguments are
    shortened (ending in "…")."""
    parts: list[str | int] = []  # literal text, or the index of an argument
    pos = following = filled = 0
    for m in _PLACEHOLDER.finditer(message):
        parts.append(message[pos:m.start()])
        pos = m.end()
        if m.group() == "%%":
            parts.append("%")
            continue
        i = int(m.group(1)) - 1 if m.group(1) else following
        following = i + 1
        if 0 <= i < len(args):
            parts.append(i)
            filled += 1
        else:
            parts.append(m.group())
    parts.append(message[pos:])
    longest = None
    if filled and len(message) + sum(len(args[p]) for p in parts if isinstance(p, int)) > MESSAGE_LIMIT:
        longest = max(MESSAGE_LIMIT // filled, 20)
    return "".join(p if isinstance(p, str) else _shortened(args[p], longest) for p in parts)


def _shortened(text: str, longest: int | None) -> str:
    return text if longest is None or len(text) <= longest else text[:longest - 1] + "…"


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
    def number(v: Any) -> float:
        if not isinstance(v, (int, float)) or isinstance(v, bool):
            raise ValueError(f"expected a number, got {_kind(v)}")
        return float(v)

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
    def scopes(v: Any) -> tuple[str, ...]:
        """One scope or a list of them (Vale's ``scope: [heading, sentence]``)."""
        if isinstance(v, str):
            v = [v]
        if not isinstance(v, list) or not v or not all(isinstance(x, str) and x.strip() for x in v):
            raise ValueError(f"expected a scope or a list of scopes, got {_kind(v)}")
        return tuple(x.strip() for x in v)

    @staticmethod
    def action(v: Any) -> Action:
        """Vale's ``action: {name, params}``; a step given as a list of parameters is
        flattened into the others, as Vale does."""
        if not isinstance(v, dict) or not isinstance(v.get("name", ""), str) or set(v) - {"name", "params"}:
            raise ValueError("expected a mapping with the keys 'name' and 'params'")
        params = v.get("params") or []
        if not isinstance(params, list):
            params = [params]
        flat: list[str] = []
        for p in params:
            for x in (p if isinstance(p, list) else [p]):
                if isinstance(x, (dict, list)) or x is None:
                    raise ValueError(f"expected 'params' to be a list of strings, got {_kind(x)} in it")
                flat.append(x if isinstance(x, str) else str(x).lower() if isinstance(x, bool) else str(x))
        name = v.get("name", "")
        if name not in ACTIONS:
            raise ValueError(f"expected an action named one of {', '.join(ACTIONS)}, got {name!r}")
        return Action(name, tuple(flat))

    @staticmethod
    def choice(*allowed: str) -> Callable[[Any], str]:
        def check(v: Any) -> str:
            if v not in allowed:
                raise ValueError(f"expected one of {', '.join(allowed)}, got {v!r}")
            return v
        return check


#: Vale's action names: what a finding's fix would do.
ACTIONS = ("replace", "remove", "edit", "suggest", "convert")


@dataclass(frozen=True, slots=True)
class Action:
    """A rule's ``action`` as written: its name and its parameters (strings, in order)."""

    name: str
    params: tuple[str, ...] = ()


#: A document is scanned for only the tokens it may hold when they are at most one in this
#: many of the rule's (:meth:`YamlRule.pattern_of_possible`; a pattern of a few tokens compiles
#: in a fraction of a millisecond; recompiling most of a list costs more than scanning for all
#: of it).
FEWER_SHARE = 8
#: Patterns of some of a rule's tokens kept per rule.
FEWER_KEPT = 64


def alternation(tokens: list[str], ignorecase: bool) -> str:
    """*tokens* as one alternation, matching what ``(?:t1|t2|...)`` matches: each run of
    literal tokens becomes a prefix tree (``a(?:bc|d)``), which the regex engine runs many
    times faster than a long list of alternatives; when several match at one place, the
    one listed first still wins (a branch is tried in the order of its first token). The
    text is kept between runs (``kept``)."""
    return kept(("alternation", repr(tokens), ignorecase), lambda: _alternation(tokens, ignorecase),
                decode=_string)


def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("not a string")
    return value


def _alternation(tokens: list[str], ignorecase: bool) -> str:
    out: list[str] = []
    run: list[str] = []
    for token in tokens:
        if is_literal(token):
            run.append(token.lower() if ignorecase else token)
            continue
        if run:
            out.append(_prefix_tree(run))
            run = []
        out.append(f"(?:{token})")
    if run:
        out.append(_prefix_tree(run))
    return "|".join(out)


def _prefix_tree(words: list[str]) -> str:
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node.setdefault("", {})

    def emit(node: dict[str, dict]) -> str:  # (a letter or digit needs no escape: no call for it)
        branches = ["" if ch == "" else (ch if ch.isalnum() else regex.escape(ch)) + emit(child)
                    for ch, child in node.items()]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(root)


def _kind(v: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "a string", bool: "a boolean",
            int: "an integer", float: "a number", type(None): "nothing"}.get(type(v), type(v).__name__)


COMMON_KEYS: dict[str, Callable[[Any], Any]] = {
    "extends": Schema.string,
    "message": Schema.string,
    "description": Schema.string,
    "rationale": Schema.string,
    "level": Schema.choice("error", "warning", "info", "suggestion"),
    "scope": Schema.scopes,
    "action": Schema.action,
    "limit": Schema.integer,
    "ignorecase": Schema.boolean,
    "nonword": Schema.boolean,
    "link": Schema.string,
    "fix": Schema.choice("safe", "unsafe", "display-only"),
    "examples": lambda v: v,  # validated in _examples
    "default": Schema.boolean,
    "category": Schema.string,
    "vocab": Schema.boolean,  # Vale: whether a project's accepted terms are exceptions (textlint/vale)
}


#: Keys of Vale's rule format, for every type, that textlint reads and does not act on.
VALE_IGNORED_KEYS = frozenset({"name", "selector", "matchcase", "tests", "path"})


@dataclass
class YamlRule(Rule):
    """A rule defined in a YAML file. Subclasses set ``TYPE`` and ``KEYS``."""

    TYPE: ClassVar[str] = ""
    KEYS: ClassVar[dict[str, Callable[[Any], Any]]] = {}
    #: Keys of Vale's format for this type that textlint reads and does not act on.
    VALE_KEYS: ClassVar[frozenset[str]] = frozenset()
    REQUIRED: ClassVar[tuple[str, ...]] = ()
    DEFAULT_SCOPE: ClassVar[str] = "text"

    message: str = ""
    #: The scopes the rule runs on (Vale's ``scope``: one or a list; ``~`` negates).
    scope: tuple[str, ...] = ("text",)
    #: Vale's ``action`` as written (what a fix would do); None without one.
    action: Action | None = None
    #: Whether the findings get the fix ``action`` derives from each match (textlint's
    #: ``fix`` key, when given, wins).
    action_fixes: bool = False
    #: At most this many findings per document (Vale's ``limit``); 0: no limit.
    limit: int = 0
    ignorecase: bool = False
    nonword: bool = False
    spec: dict[str, Any] = field(default_factory=dict)
    #: The key each compiled pattern came from, to name it when it times out.
    pattern_keys: dict[regex.Pattern, str] = field(default_factory=dict)
    #: The rule's ``exceptions`` as one pattern of whole words (None without any).
    exception_pattern: regex.Pattern | None = None
    #: What a document must hold for the rule's pattern to match there (None: always
    #: scanned); a document without it is skipped (``needs``).
    needs: Needs | None = None
    #: Patterns of some of the rule's tokens (:meth:`pattern_of_possible`), by their places.
    fewer: dict[tuple[int, ...], regex.Pattern] = field(default_factory=dict)

    @classmethod
    def from_yaml(cls, rule_id: str, data: dict[str, Any], path: str, *, strict: bool = True) -> YamlRule:
        """Validate *data* (one YAML file) and build the rule, compiling its patterns.

        A key of Vale's format that textlint does not act on (:data:`VALE_IGNORED_KEYS`,
        the type's ``VALE_KEYS``) is dropped with a warning, or is an error when *strict*.
        """
        allowed = {**COMMON_KEYS, **cls.KEYS}
        for key in data:
            if key in allowed:
                continue
            if not strict and (key in VALE_IGNORED_KEYS or key in cls.VALE_KEYS):
                warn_once(path, f"{path}: rule {rule_id}: key '{key}' of Vale's rule format "
                                "is not supported by textlint and is ignored")
                continue
            raise ConfigError(
                f"unknown key for a rule of type '{cls.TYPE}' "
                f"(known keys: {', '.join(sorted(allowed))})", path=path, rule=rule_id, key=key)
        data = {k: v for k, v in data.items() if k in allowed}
        for key in ("message",) + cls.REQUIRED:
            if key not in data:
                raise ConfigError("missing required key", path=path, rule=rule_id, key=key)
        spec: dict[str, Any] = {}
        for key, value in data.items():
            try:
                spec[key] = allowed[key](value)
            except ValueError as e:
                raise ConfigError(str(e), path=path, rule=rule_id, key=key) from None
        scopes = spec.get("scope", (cls.DEFAULT_SCOPE,))
        for scope in scopes:
            if not known_scope(scope):
                problem = (f"unknown scope {scope!r} (known: {', '.join(SCOPES)}, "
                           "heading.h1 ... heading.h6, table.header, table.cell, ~ to negate)")
                if strict:
                    raise ConfigError(problem, path=path, rule=rule_id, key="scope")
                warn_once(path, f"{path}: rule {rule_id}: key 'scope': {problem}; "
                                "no part of a document is that scope to textlint")
        level = spec.get("level", "warning")
        fix = spec.get("fix") or actions.implied_fix(spec.get("action"), cls.TYPE)
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
            scope=scopes,
            action=spec.get("action"),
            limit=spec.get("limit", 0),
            ignorecase=spec.get("ignorecase", False),
            nonword=spec.get("nonword", False),
            spec=spec,
        )
        rule.examples = _examples(data.get("examples"), path, rule_id)
        # Vale's styles read Markdown as Vale does (yamlrules.view): their findings may run
        # over inline code; textlint's own packs leave every non-prose span alone.
        rule.vale_style = not strict
        try:
            rule.setup()
        except regex.error as e:
            where = f" at position {e.pos}" if e.pos is not None else ""
            raise ConfigError(f"invalid regular expression {e.pattern!r}: {e.msg}{where}", path=path,
                              rule=rule_id, key=getattr(e, "key", None) or rule.pattern_key) from None
        except ValueError as e:
            raise ConfigError(str(e), path=path, rule=rule_id) from None
        rule.fix_availability = rule.availability()
        if actions.derives(rule.action) and "fix" not in spec:  # fixes from Vale's action
            try:
                actions.validate(rule.action)
                rule.action_fixes = True
                rule.fix_availability = FixAvailability.SOMETIMES
            except ValueError as e:
                if strict:
                    raise ConfigError(str(e), path=path, rule=rule_id, key="action") from None
                warn_once(path, f"{path}: rule {rule_id}: key 'action': {e}; its findings have no fix")
        return rule

    # hooks for subclasses -------------------------------------------------------
    pattern_key: ClassVar[str] = "tokens"

    def setup(self) -> None:
        """Compile patterns; raise ``regex.error`` or ``ValueError`` on bad input."""

    def availability(self) -> FixAvailability:
        return FixAvailability.NONE

    @abstractmethod
    def findings(self, doc: Document, patterns: Matcher) -> Iterator[Diagnostic]:
        """The diagnostics of *doc*; every user pattern runs through *patterns*."""

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        if not self.holds(doc, self.needs):
            return iter(())
        found = self.findings(doc, Matcher(self, doc))
        if self.action_fixes:
            found = actions.attach_fixes(self, doc, found)
        return itertools.islice(found, self.limit) if self.limit > 0 else found

    # helpers ----------------------------------------------------------------------
    def holds(self, doc: Document, needs: Needs | None) -> bool:
        """Whether *doc* holds what *needs* asks for (None: nothing), in the parts of it the
        rule's scope reads."""
        return needs is None or needs.met(self.index(doc, needs))

    def pattern_of_possible(self, doc: Document, whole: regex.Pattern, count: int,
                            source: Callable[[list[int]], str]) -> regex.Pattern:
        """The pattern to scan *doc* with: *whole*, the alternation of the rule's *count* tokens,
        or, when the document may hold only one in :data:`FEWER_SHARE` of them (``needs``), the
        pattern of those only (*source* of their places, in order): the others cannot match
        there, so the matches are the whole pattern's. A text too long to index is scanned for
        the tokens it may hold whenever it cannot hold them all (its scan costs more than any
        compiling). Each such pattern is kept (the last :data:`FEWER_KEPT`)."""
        return self.pattern_of_places(self.possible_places(doc, count), whole, source)

    def possible_places(self, doc: Document, count: int) -> list[int] | None:
        """The places of the tokens that :meth:`pattern_of_possible` scans *doc* for, or None
        for all *count* of them."""
        if self.needs is None:
            return None
        index = self.index(doc, self.needs)
        most = count // FEWER_SHARE if index.indexed else count - 1
        return self.needs.which(index, most) if most else None

    def pattern_of_places(self, chosen: list[int] | None, whole: regex.Pattern,
                          source: Callable[[list[int]], str]) -> regex.Pattern:
        """The pattern of the tokens at the places *chosen* (None: *whole*), kept."""
        if chosen is None:
            return whole
        key = tuple(chosen)
        if key not in self.fewer:
            if len(self.fewer) >= FEWER_KEPT:
                self.fewer.pop(next(iter(self.fewer)))
            try:
                self.fewer[key] = regex.compile(source(chosen), whole.flags)
            except regex.error:  # tokens that compile only together: the whole list
                self.fewer[key] = whole
        return self.fewer[key]

    def index(self, doc: Document, needs: Needs) -> TextIndex:
        """What *doc* holds in the parts the rule's scope reads, as *needs* compares it."""
        return view.view(doc).index(doc, needs.folded, self.reads_source)

    @property
    def reads_source(self) -> bool:
        """Whether the rule's scope reads the document's source (``raw``, ``line``), not only its blocks."""
        return "raw" in self.scope or "line" in self.scope

    def compile(self, pattern: str, key: str, *, words: bool | None = None,
                parts: list[str] | None = None) -> regex.Pattern:
        """Compile a user pattern once; wrap it in ``\\b`` word boundaries unless ``nonword``.

        As in Vale, a token that starts or ends with a non-word character
        (``U.S.``) needs ``nonword: true``. When the pattern joins the user's *parts* and
        does not compile, the error names the part at fault, positions counted in it.
        """
        if words is None:
            words = not self.nonword
        flags = regex.IGNORECASE if self.ignorecase else 0
        try:
            compiled = compile_pattern(rf"\b(?:{pattern})\b" if words else pattern, flags | regex.MULTILINE)
        except regex.error as e:
            if parts:
                self.check_patterns(parts, key)
            if words:  # the error as the user's own pattern has it, positions counted in it
                try:
                    compile_pattern(pattern, flags | regex.MULTILINE)
                except regex.error as own:
                    e = own
            e.key = key  # type: ignore[attr-defined]
            raise e from None
        self.pattern_keys[compiled] = key
        return compiled

    def check_patterns(self, patterns: list[str], key: str) -> None:
        """Compile each of the user's *patterns* on its own, before they are joined into one:
        an error then shows the user's pattern, its positions counted in it."""
        flags = regex.IGNORECASE if self.ignorecase else 0
        for p in patterns:
            try:
                compile_pattern(p, flags | regex.MULTILINE)
            except regex.error as e:
                e.key = key  # type: ignore[attr-defined]
                raise

    def compile_exceptions(self) -> None:
        """``exceptions`` as Vale reads them: one pattern of whole words, the longest first,
        each case-sensitive unless it starts with ``(?i)``."""
        terms = sorted(self.spec.get("exceptions", []), key=len, reverse=True)
        if not terms:
            return
        self.check_patterns([t for t in terms], "exceptions")
        joined = "|".join(f"(?i:{t[4:]})" if t.startswith("(?i)") else f"(?-i:{t})" for t in terms)
        try:
            compiled = compile_pattern(rf"\b(?:{joined})\b", regex.MULTILINE | regex.V0)
        except regex.error as e:
            e.key = "exceptions"  # type: ignore[attr-defined]
            raise
        self.pattern_keys[compiled] = "exceptions"
        self.exception_pattern = compiled

    def format(self, *args: str) -> str:
        """The message with its placeholders filled in (:func:`format_message`)."""
        return format_message(self.message, args)


@dataclass(frozen=True, slots=True)
class Unit:
    """A part of a block that a rule searches on its own: ``block.text[start:end]``."""

    block: Block
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.block.text[self.start:self.end]

    def source(self, start: int, end: int) -> tuple[int, int]:
        """The source span of ``text[start:end]``."""
        return self.block.source_span(self.start + start, self.start + end)


@dataclass
class _Scoped:
    """The units of a scope in a document, and their texts joined (to scan them at once)."""

    units: list[Unit]
    _joined: tuple[str, list[int]] | None = None

    def joined(self) -> tuple[str, list[int]]:
        """The units' texts joined by blank lines, and where each starts in it."""
        if self._joined is None:
            starts, pos = [], 0
            for u in self.units:
                starts.append(pos)
                pos += u.end - u.start + len(_SEPARATOR)
            self._joined = (_SEPARATOR.join(u.text for u in self.units), starts)
        return self._joined


_SEPARATOR = "\n\n"


def _scoped(doc: Document, scopes: tuple[str, ...], vale: bool) -> _Scoped:
    """The parts of *doc* that a rule with *scopes* searches, each on its own, as Vale: every
    block whose scope a listed scope names (``~`` excludes; ``heading`` names
    ``heading.h2``), the block's sentences for ``sentence``, its paragraphs for
    ``paragraph`` in plain text; ``raw`` is the whole source, unmasked. textlint's own
    packs (not *vale*) take sentences as textlint splits them: never across a blank line.
    Found once per document and scope (in the document's view)."""
    cache = view.view(doc).units
    key = (scopes, vale)
    found = cache.get(key)
    if found is None:
        found = cache[key] = _Scoped(_collect_units(doc, scopes, vale))
    return found  # type: ignore[return-value]


def _collect_units(doc: Document, scopes: tuple[str, ...], vale: bool) -> list[Unit]:
    out: list[Unit] = []
    seen: set[tuple[int, int, int]] = set()
    for scope in scopes:
        for unit in _units_of(doc, scope, vale):
            key = (id(unit.block), unit.start, unit.end)
            if key not in seen:
                seen.add(key)
                out.append(unit)
    return out


def _units_of(doc: Document, scope: str, vale: bool) -> Iterator[Unit]:
    if scope in ("raw", "line"):
        raw = Block("raw", 0, len(doc.text), doc.text)
        if scope == "raw":
            yield Unit(raw, 0, len(doc.text))
            return
        starts = doc.line_starts
        for s, e in zip(starts, starts[1:] + [len(doc.text) + 1]):
            yield Unit(raw, s, e - 1)
        return
    negated = scope.startswith("~")
    name = scope.lstrip("~")
    parts = name.split(".")
    for block in view.blocks(doc):
        if negated:
            if all(block.has(p) for p in parts):
                continue
            yield Unit(block, 0, len(block.text))
            continue
        if parts[0] in ("text", "summary", "sentence"):
            if parts[0] == "sentence" and not vale and block.scope == "text":
                yield from (Unit(block, s.start, s.end) for s in doc.sentences)
            elif parts[0] == "sentence":
                yield from (Unit(block, s, e) for s, e in sentences(block.text))
            else:
                yield Unit(block, 0, len(block.text))
        elif parts[0] == "paragraph" and block.scope == "text":
            yield from (Unit(block, s, e) for s, e in view.paragraphs(block))
        elif all(block.has(p) for p in parts):
            yield Unit(block, 0, len(block.text))


#: Where Vale's sentence segmenter (Punkt, trained on English) ends a sentence: terminal
#: punctuation (with closing quotes or brackets) and whitespace, whatever follows, unless
#: the period ends an abbreviation or an initial.
@functools.cache
def _sentence_end() -> regex.Pattern:
    """Compiled when first needed: the abbreviations make it a long pattern."""
    return compile_pattern(
        r"(?<![.!?…]" + _NOT_AN_END + r")[.!?…]" + _NOT_AN_END + r"[.!?…]*+[\"'”’»)\]]*+\s++")


def sentences(text: str) -> list[tuple[int, int]]:
    """The sentences of *text* (a block, so across its blank lines, as Vale's segmenter),
    each without the whitespace around it."""
    out = []
    start = 0
    for end in [m.end() for m in _sentence_end().finditer(text)] + [len(text)]:
        piece = text[start:end]
        body = piece.strip()
        if body:
            first = start + len(piece) - len(piece.lstrip())
            out.append((first, first + len(body)))
        start = end
    return out


#: What in a pattern may tell the edge of a unit from a blank line (lookaround, the anchors
#: of the whole text), or is likely to run over one (a repeated negated class, "[^,]+"),
#: which would make scanning the units at once a waste.
_JOIN_BREAKERS = lazy_compile(r"\(\?<?[=!]|\\[AZzG]|\[\^(?:\\.|[^\]])*\][*+{]")


class Shifted:
    """A match in the joined texts of the units, its positions counted in its unit's text."""

    __slots__ = ("match", "offset")

    def __init__(self, match: regex.Match, offset: int) -> None:
        self.match, self.offset = match, offset

    def start(self, group: int | str = 0) -> int:
        at = self.match.start(group)
        return at - self.offset if at >= 0 else at

    def end(self, group: int | str = 0) -> int:
        at = self.match.end(group)
        return at - self.offset if at >= 0 else at

    def group(self, *groups: int | str):
        return self.match.group(*groups)

    def groups(self, default=None):
        return self.match.groups(default)

    @property
    def lastgroup(self) -> str | None:
        return self.match.lastgroup


class Matcher:
    """A YAML rule's patterns run on one document, all within one time limit.

    Every match of a user pattern goes through here, so that a pattern that
    backtracks without end stops the rule (a :class:`RuleError` naming the rule
    file and the key of the pattern) instead of hanging the run. The limit,
    :func:`timeout_for` the document, covers everything the rule matches on it.
    """

    def __init__(self, rule: YamlRule, doc: Document) -> None:
        self.rule, self.doc = rule, doc
        self.limit = timeout_for(doc.text)
        self.deadline = time.monotonic() + self.limit

    def _timed(self, pattern: regex.Pattern, call: Callable[..., Any], *args: Any) -> Any:
        try:
            return call(*args, timeout=max(self.deadline - time.monotonic(), 0.001))
        except TimeoutError:
            raise self._timed_out(pattern) from None

    def _timed_out(self, pattern: regex.Pattern) -> RuleError:
        key = self.rule.pattern_keys.get(pattern, self.rule.pattern_key)
        return RuleError(self.rule.id, (
            f"pattern timed out: the '{key}' pattern of {self.rule.source} ran longer than "
            f"{self.limit:.1f} s on {self.doc.path} ({TIMEOUT_BASE:g} s plus {TIMEOUT_PER_MB:g} s "
            "per megabyte of text) and was stopped; the rule was skipped"))

    def fullmatch(self, pattern: regex.Pattern, text: str) -> regex.Match | None:
        return self._timed(pattern, pattern.fullmatch, text)

    def search(self, pattern: regex.Pattern, text: str) -> regex.Match | None:
        return self._timed(pattern, pattern.search, text)

    def match(self, pattern: regex.Pattern, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        """A match of *pattern* at *pos* of *text* (read as ending at *endpos*)."""
        return self._timed(pattern, pattern.match, text, pos, len(text) if endpos is None else endpos)

    def is_exception(self, matched: str) -> bool:
        """Whether an exception occurs in *matched* as a whole word (as Vale: case counts
        unless the exception starts with ``(?i)``)."""
        found = self.rule.exception_pattern
        return found is not None and self.search(found, matched) is not None

    def units(self) -> list[Unit]:
        """The parts of the document the rule searches, each on its own (:func:`_scoped`)."""
        return self._scoped().units

    def _scoped(self) -> _Scoped:
        """The units of the rule's scope; the time taken to find them (textlint's reading of
        the document, not the rule's patterns) does not count against the time limit."""
        started = time.monotonic()
        scoped = _scoped(self.doc, self.rule.scope, self.rule.vale_style)
        self.deadline += time.monotonic() - started
        return scoped

    def finditer_in(self, pattern: regex.Pattern, text: str, *, overlapped: bool = False,
                    seams: tuple[regex.Pattern, ...] | None = None) -> list[regex.Match]:
        """``pattern.finditer(text)``; when every match of *pattern* starts where one of *seams*
        matches (not for an *overlapped* scan), found by trying *pattern* only there
        (:func:`textlint.anchored.finditer_at_seams`)."""
        if seams and not overlapped:
            return self._timed(pattern, lambda timeout: finditer_at_seams(pattern, seams, text, timeout))
        return self._timed(pattern, lambda timeout: list(pattern.finditer(text, overlapped=overlapped,
                                                                          timeout=timeout)))

    def scan_blocks(self, pattern: regex.Pattern) -> Iterator[tuple[Unit, regex.Match]]:
        """The matches of *pattern* (a pattern that matches at most one way at a place, and
        whose lookaround sees a unit's edge where it sees one in its block) at every place
        of each block, each with the unit that holds it whole; those that no unit holds
        whole are dropped. Positions are counted in the block's text, so the units' are
        turned to the block's by the unit's start."""
        units = self.units()
        by_block: dict[int, tuple[Block, list[Unit]]] = {}
        for unit in units:
            by_block.setdefault(id(unit.block), (unit.block, []))[1].append(unit)
        for block, held in by_block.values():
            held.sort(key=lambda u: u.start)
            starts = [u.start for u in held]
            for m in self.finditer_in(pattern, block.text, overlapped=True):
                i = bisect.bisect_right(starts, m.start()) - 1
                if i >= 0 and m.end() <= held[i].end:
                    yield held[i], m

    def scan(self, pattern: regex.Pattern, *, overlapped: bool = False, joinable: bool | None = None,
             skip_crossing: bool = False,
             seams: tuple[regex.Pattern, ...] | None = None) -> Iterator[tuple[Unit, regex.Match | Shifted]]:
        """Every match of *pattern* in each unit of the rule's scope, with its unit (positions
        counted in the unit's text).

        The units are scanned at once, their texts joined by blank lines, when the pattern
        has no lookaround and no anchor of the whole text (which could tell a unit's edge
        from a blank line) and is not likely to run over a blank line: the matches are then
        those of each unit on its own, unless one runs over a blank line between two units,
        and then each unit is scanned alone. *joinable* says so for a pattern whose
        lookaround cannot tell a unit's edge from a blank line; *skip_crossing* (for an
        overlapped scan of a pattern that matches at most one way at a place) drops a match
        that runs over a blank line instead. *seams*: see :meth:`finditer_in`.
        """
        scoped = self._scoped()
        units = scoped.units
        if joinable is None:
            joinable = _JOIN_BREAKERS.search(pattern.pattern) is None
        if len(units) > 1 and joinable:
            started = time.monotonic()
            joined, starts = scoped.joined()
            self.deadline += time.monotonic() - started
            found = []
            for m in self.finditer_in(pattern, joined, overlapped=overlapped, seams=seams):
                i = bisect.bisect_right(starts, m.start()) - 1
                if m.end() - starts[i] > units[i].end - units[i].start:
                    if skip_crossing:
                        continue
                    break  # runs over the blank line after its unit
                found.append((units[i], Shifted(m, starts[i])))
            else:
                yield from found
                return
        for unit in units:
            for m in self.finditer_in(pattern, unit.text, overlapped=overlapped, seams=seams):
                yield unit, m


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
