"""``extends: substitution`` — flag a pattern and offer its replacement (``swap``)."""

from __future__ import annotations

from typing import ClassVar, Iterable, Iterator

import regex

from ..diagnostics import Applicability, Diagnostic, Fix
from ..document import Document
from ..rule import FixAvailability
from .base import Matcher, Schema, YamlRule, alternation, is_literal
from .needs import needs_of, required_text
from ..patterns import compile as compile_pattern, lazy_compile

_DOLLAR_GROUP = lazy_compile(r"\$(\d+)")
#: A reference to a group in a replacement (``\g<1>``, ``\g<name>``, ``\1``).
_GROUP_REFERENCE = lazy_compile(r"\\(?:g<|\d)")


class Substitution(YamlRule):
    """``swap: {pattern: replacement}``; ``$1`` or ``\\1`` in a replacement is a group
    of the pattern; ``a|b`` offers several replacements (shown, never applied);
    ``capitalize: true`` keeps the matched text's initial capital where the match
    starts a sentence (elsewhere a capital is the defect's, not the sentence's)."""

    TYPE: ClassVar[str] = "substitution"
    KEYS: ClassVar[dict] = {"swap": Schema.mapping, "exceptions": Schema.strings,
                            "capitalize": Schema.boolean}
    VALE_KEYS: ClassVar[frozenset[str]] = frozenset({"pos"})
    REQUIRED: ClassVar[tuple[str, ...]] = ("swap",)
    pattern_key: ClassVar[str] = "swap"

    def setup(self) -> None:
        swap = self.spec["swap"]
        if not swap:
            raise ValueError("'swap' is empty")
        # as Vale: the longest pattern first, so that it wins the alternation
        terms = sorted(swap, key=len, reverse=True)
        self.terms = terms
        self.replacements = [_DOLLAR_GROUP.sub(r"\\g<\1>", swap[k]) if "$" in swap[k] else swap[k]
                             for k in terms]
        # one scan for all swaps: the word boundaries wrap the alternation once; a pattern
        # on its own is compiled only to fill a replacement's groups, when one matches
        self.literals: dict[str, int] = {}
        for i, term in enumerate(terms):
            if is_literal(term):
                self.literals.setdefault(term.lower() if self.ignorecase else term, i)
        self.combined = self.compile(self._joined(range(len(terms))), "swap", parts=terms)
        self.own: dict[int, regex.Pattern] = {}
        #: Replacements read as patterns, compiled when first needed (None: not a pattern).
        self.expected: dict[str, regex.Pattern | None] = {}
        self.compile_exceptions()
        self.needs = needs_of(terms, self.ignorecase, bounded=not self.nonword)
        #: The literal text each pattern starts with (:func:`_leading_text`), each compiled as
        #: the patterns are (their case), by the pattern's place; found when first asked.
        self.leads: dict[int, regex.Pattern | None] = {}

    def _seams(self, places: Iterable[int]) -> tuple[regex.Pattern, ...]:
        """The :attr:`leads` of the patterns at *places*: every match of the alternation of
        those patterns starts where one of them matches (:meth:`.Matcher.finditer_in`); none
        when a pattern starts otherwise (a group, a class, an optional character)."""
        seams = []
        for i in places:
            if i not in self.leads:
                lead = _leading_text(self.terms[i])
                self.leads[i] = compile_pattern(regex.escape(lead), self.combined.flags) if lead else None
            if self.leads[i] is None:
                return ()
            seams.append(self.leads[i])
        return tuple(dict.fromkeys(seams))

    def _joined(self, places: Iterable[int]) -> str:
        """The alternation of the patterns at *places* (in order): each one that is no literal
        text as its own group (``s`` and its place), the literal ones as prefix trees
        (base.alternation), found again by their text."""
        pieces: list[str] = []
        run: list[str] = []
        for i in places:
            term = self.terms[i]
            if is_literal(term):
                run.append(term)
                continue
            if run:
                pieces.append(alternation(run, self.ignorecase))
                run = []
            pieces.append(f"(?P<s{i}>{term})")
        if run:
            pieces.append(alternation(run, self.ignorecase))
        return "|".join(pieces)

    def pattern_for(self, doc: Document) -> regex.Pattern:
        """The pattern to scan *doc* with (:meth:`pattern_of_possible`)."""
        return self._scan_for(doc)[0]

    def _scan_for(self, doc: Document) -> tuple[regex.Pattern, tuple[regex.Pattern, ...]]:
        """The pattern to scan *doc* with (:meth:`pattern_of_possible`) and its seams
        (:meth:`_seams`)."""
        bounds = r"\b(?:{})\b" if not self.nonword else "{}"
        chosen = self.possible_places(doc, len(self.terms))
        pattern = self.pattern_of_places(chosen, self.combined, lambda c: bounds.format(self._joined(c)))
        return pattern, self._seams(range(len(self.terms)) if pattern is self.combined else chosen)

    def availability(self) -> FixAvailability:
        return FixAvailability.ALWAYS if self.fix_applicability else FixAvailability.NONE

    def _conforms(self, expected: str, found: str, patterns: Matcher) -> bool:
        """Whether *found* already is what the rule asks for (as Vale: equal to a plain
        replacement, or matched whole by a replacement that is a pattern, case counting;
        the pattern runs within the rule's time limit)."""
        if _PHRASE.fullmatch(expected):
            return expected == found
        if expected not in self.expected:
            try:
                self.expected[expected] = compile_pattern(f"(?:{expected})")
                self.pattern_keys[self.expected[expected]] = "swap"
            except regex.error:
                self.expected[expected] = None
        pattern = self.expected[expected]
        return expected == found if pattern is None else patterns.fullmatch(pattern, found) is not None

    def _term(self, m, found: str) -> int | None:
        """The index of the pattern that made match *m* (None: none matches *found* alone)."""
        name = m.lastgroup
        if name and name[0] == "s" and name[1:].isdigit() and m.group(name) == found:
            return int(name[1:])
        i = self.literals.get(found.lower() if self.ignorecase else found)
        if i is not None:
            return i
        i = next((i for i in range(len(self.terms)) if f"s{i}" in m.re.groupindex
                  and m.group(f"s{i}") is not None), None)
        if i is not None:
            return i
        # a match that case folding finds but no lowercase key names ("İnformations" lowers to
        # "i̇nformations"): the first pattern, in the alternation's order, that matches it alone
        return next((i for i, term in enumerate(self.terms)
                     if compile_pattern(term, self.combined.flags).fullmatch(found)), None)

    def _cased(self, replacement: str, found: str, doc: Document, start: int) -> str:
        """The fix's text: a replacement in lowercase of a match with an initial capital that
        starts a sentence keeps the capital when case does not count ("We have" -> "We've"
        from Vale's ``we have: we've``; "iPhone" is written as given)."""
        if self.ignorecase and found[:1].isupper() and replacement.islower() and _starts_sentence(doc, start):
            return replacement[:1].upper() + replacement[1:]
        return replacement

    def findings(self, doc: Document, patterns: Matcher) -> Iterator[Diagnostic]:
        replacing = self.action is not None and self.action.name == "replace"
        pattern, seams = self._scan_for(doc)
        for unit, m in patterns.scan(pattern, seams=seams):
            found = m.group()
            if not found:
                continue
            i = self._term(m, found)
            if i is None:
                continue
            template = expected = self.replacements[i]
            if _GROUP_REFERENCE.search(template):
                if i not in self.own:
                    self.own[i] = self.compile(self.terms[i], "swap")
                own = patterns.match(self.own[i], unit.text, m.start())
                try:
                    expected = own.expand(template) if own else template
                except (regex.error, IndexError):
                    expected = template
            choices = [c.replace("\\|", "|") for c in _OPTION_SEPARATOR.split(expected) if c] or [""]
            if (found in choices if replacing else self._conforms(expected, found, patterns)) \
                    or patterns.is_exception(found):
                continue
            start, end = unit.source(m.start(), m.end())
            if self.spec.get("capitalize") and found[:1].isupper() and _starts_sentence(doc, start):
                choices = [c[:1].upper() + c[1:] for c in choices]
            fix = None
            if self.fix_applicability and choices and choices != [found] and end - start == len(found):
                applicability = (self.fix_applicability if len(choices) == 1
                                 else Applicability.DISPLAY_ONLY)
                replacement = self._cased(choices[0], found, doc, start)
                fix = Fix.replace(start, end, replacement, applicability,
                                  title=f"Replace with '{replacement}'")
            shown = "' or '".join(choices)
            yield self.diagnostic(start, end, self.format(shown, found.strip()), fix)


def _leading_text(term: str) -> str:
    """The literal text that every match of *term* starts with ("since " of "since (?P<n>\\d+)",
    "colo" of "colou?r", two spaces of "[ ]{2}(?<=...)", a literal term whole), or "" when it
    starts otherwise."""
    if is_literal(term):
        return term
    runs = required_text(term)
    if not runs:
        return ""
    first = runs[0]
    return first if term.startswith(first) or _starts_with_repeated_class(term, first) else ""


def _starts_with_repeated_class(term: str, run: str) -> bool:
    """Whether *term* starts with a class of one character repeated as many times as *run* holds
    it ("[ ]{2}" and two spaces)."""
    c = run[0]
    return run == c * len(run) and c not in "^\\[]-" and term.startswith(f"[{c}]{{{len(run)}}}")


#: A ``|`` that separates the options of a replacement (``\\|`` is a literal bar).
_OPTION_SEPARATOR = lazy_compile(r"(?<!\\)\|")
#: A replacement of letters, digits, spaces and hyphens is compared as text, else as a pattern.
_PHRASE = lazy_compile(r"[\p{L}\p{N} -]*")




def _starts_sentence(doc: Document, offset: int) -> bool:
    sentence = doc.sentence_at(offset)
    return sentence is None or sentence.start == offset
