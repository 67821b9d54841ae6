"""Vale's ``action`` key: what a finding's fix is (``replace``, ``remove``, ``edit``,
``convert``, ``suggest``), turned into textlint fixes.

Semantics follow Vale 3.22 (``internal/check/action.go``, ``editops.go``): ``replace``
offers its parameters (``$1`` is a group of the matched token, ``$0`` the match); with
no parameters, a substitution or capitalization rule offers what it expects.
``remove`` deletes the match. ``edit`` runs a pipeline of operations on the matched
text (``regex``, ``trim``, ``truncate``, ``split``, ...) and trims the result;
``convert: simple`` lower-cases and separates the words of the match. ``suggest`` names
a Vale script or the dictionaries of a spelling rule: textlint never runs a script, so
its findings carry no fix.

How safe the fixes are: one ``replace`` option is the rule author's own word for the
match, so it is a safe fix; several options are shown, never applied; a removal or an
edited match (derived by string operations, blind to the sentence around it) is unsafe.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from typing import TYPE_CHECKING

import regex

from ..diagnostics import Applicability, Fix
from ..patterns import lazy_compile

if TYPE_CHECKING:
    from .base import Action

#: How many parameters each ``edit`` operation takes, its own name included.
EDIT_ARITY = {
    "replace": 3, "remove": 2, "regex": 3, "trim_right": 2, "trim_left": 2, "trim": 2,
    "truncate": 2, "split": 3, "wrap": 2, "unwrap": 2, "prefix": 2, "suffix": 2,
    "squeeze": 1, "capitalize": 1, "uncapitalize": 1, "smart": 1, "dumb": 1, "ascii": 1,
    "lower": 1, "upper": 1, "simple": 1, "kebab": 1, "snake": 1, "camel": 1, "pascal": 1,
    "words": 1, "digits": 1, "title": 1, "sentence": 1,
}
#: Operations Vale has that textlint does not reproduce (AP title case and sentence case,
#: which need prose's word lists): a rule using one loads, and its findings have no fix.
UNSUPPORTED_EDITS = frozenset({"title", "sentence"})

_GROUP_REF = lazy_compile(r"\$(\$|\d+|\{\d+\})", engine=re)
_GO_REPLACEMENT = lazy_compile(r"\$(\$|\d+|\{\w+\})", engine=re)
_SPACES = lazy_compile(r"\s+", engine=re)


def steps(action: Action) -> list[tuple[str, ...]]:
    """The ``edit`` pipeline: the flat parameters read as operations of known arity."""
    out, i, params = [], 0, action.params
    while i < len(params):
        want = EDIT_ARITY.get(params[i])
        if want is None:
            raise ValueError(f"unknown edit {params[i]!r} (known: {', '.join(EDIT_ARITY)})")
        if i + want > len(params):
            raise ValueError(f"the edit {params[i]!r} takes {want - 1} parameter(s)")
        out.append(tuple(params[i:i + want]))
        i += want
    if not out:
        raise ValueError("'edit' needs an operation")
    return out


def validate(action: Action) -> None:
    """Raise ValueError, as Vale does when it loads the rule, for an action that cannot run."""
    if action.name == "convert" and action.params != ("simple",):
        raise ValueError("'convert' takes one parameter: simple")
    if action.name == "edit":
        for step in steps(action):
            if step[0] == "regex":
                try:
                    regex.compile(step[1])
                except regex.error as e:
                    raise ValueError(f"invalid regular expression {step[1]!r} in 'edit': {e}") from None
            elif step[0] == "split" and not step[2].lstrip("-").isdigit():
                raise ValueError(f"'split' index {step[2]!r} is not a number")


def derives(action: Action | None) -> bool:
    """Whether the action's replacement comes from the match alone (a fix attached to
    any rule type's findings) rather than from what the rule expects (a substitution's
    swap, which the rule's own fix offers)."""
    return action is not None and (action.name in ("remove", "edit", "convert")
                                   or (action.name == "replace" and bool(action.params)))


def suggestions(action: Action, match: str, groups: tuple[str, ...] = ()) -> list[str]:
    """What *action* offers for *match* ([] when textlint cannot say)."""
    if action.name == "replace":
        return [_expand(p, match, groups) for p in action.params]
    if action.name == "remove":
        return [""]
    if action.name == "convert":
        return [_words(match, " ")]
    if action.name == "edit":
        text = match
        for step in steps(action):
            if step[0] in UNSUPPORTED_EDITS:
                return []
            if step[0] != "regex":
                step = (step[0], *(_expand(p, match, groups) for p in step[1:]))
            result = _edit(text, step)
            if result is None:
                return []
            text = result
        return [text.strip()]
    return []


def fix_for(action: Action, start: int, end: int, match: str, groups: tuple[str, ...] = ()) -> Fix | None:
    """The fix for a finding at ``[start, end)`` whose text is *match*."""
    options = list(dict.fromkeys(suggestions(action, match, groups)))
    if not options or options == [match]:
        return None
    if len(options) > 1:
        shown = " or ".join(f"'{o}'" for o in options)
        return Fix.replace(start, end, options[0], Applicability.DISPLAY_ONLY, title=f"Replace with {shown}")
    applicability = Applicability.SAFE if action.name == "replace" else Applicability.UNSAFE
    title = f"Remove '{match}'" if not options[0] else f"Replace with '{options[0]}'"
    return Fix.replace(start, end, options[0], applicability, title=title)


def _expand(arg: str, match: str, groups: tuple[str, ...]) -> str:
    """``$0`` the match, ``$n`` the n-th group of the token, ``$$`` a dollar sign."""
    if "$" not in arg:
        return arg

    def one(m: re.Match) -> str:
        body = m.group(1).strip("{}")
        if body == "$":
            return "$"
        n = int(body)
        return match if n == 0 else groups[n - 1] if n <= len(groups) and groups[n - 1] is not None else ""
    return _GROUP_REF.sub(one, arg)


def _go_template(template: str) -> str:
    """A Go replacement (``$1``, ``${name}``, ``$$``) as a ``regex`` template."""
    out, pos = [], 0
    for m in _GO_REPLACEMENT.finditer(template):
        out.append(template[pos:m.start()].replace("\\", "\\\\"))
        body = m.group(1).strip("{}")
        out.append("$" if body == "$" else f"\\g<{body}>")
        pos = m.end()
    out.append(template[pos:].replace("\\", "\\\\"))
    return "".join(out)


def _edit(text: str, step: tuple[str, ...]) -> str | None:
    """One ``edit`` operation on *text*; None when it cannot apply (a split index out of range)."""
    op, args = step[0], step[1:]
    if op == "replace":
        return text.replace(args[0], args[1]) if args[0] else text
    if op == "remove":
        return "".join(c for c in text if c not in args[0])
    if op == "regex":
        try:
            return regex.sub(args[0], _go_template(args[1]), text)
        except (regex.error, IndexError):
            return None
    if op in ("trim_right", "trim_left", "trim"):
        return {"trim_right": text.rstrip, "trim_left": text.lstrip, "trim": text.strip}[op](args[0])
    if op == "truncate":
        return text.split(args[0])[0] if args[0] else text[:1]
    if op == "split":
        parts = text.split(args[0]) if args[0] else list(text)
        index = int(args[1])
        return parts[index] if 0 <= index < len(parts) else None
    if op == "wrap":
        return args[0] + text + args[0]
    if op == "unwrap":
        return text.removeprefix(args[0]).removesuffix(args[0])
    if op == "prefix":
        return args[0] + text
    if op == "suffix":
        return text + args[0]
    if op == "squeeze":
        return _SPACES.sub(" ", text)
    if op == "capitalize":
        return text[:1].upper() + text[1:]
    if op == "uncapitalize":
        return text[:1].lower() + text[1:]
    if op == "lower":
        return text.lower()
    if op == "upper":
        return text.upper()
    if op == "smart":
        return _smart(text)
    if op == "dumb":
        return _dumb(text)
    if op == "ascii":
        return _ascii(text)
    if op == "words":
        return number_words(text)
    if op == "digits":
        return number_digits(text)
    if op == "simple":
        return _words(text, " ")
    if op == "kebab":
        return _words(text, "-")
    if op == "snake":
        return _words(text, "_")
    if op == "pascal":
        return "".join(w[:1].upper() + w[1:] for w in _words(text, " ").split(" "))
    if op == "camel":
        pascal = "".join(w[:1].upper() + w[1:] for w in _words(text, " ").split(" "))
        return pascal[:1].lower() + pascal[1:] if len(pascal) > 1 else text
    return None


_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
         "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (10**3, "thousand"))
_IRREGULAR_ORDINALS = {"one": "first", "two": "second", "three": "third", "five": "fifth",
                       "eight": "eighth", "nine": "ninth", "twelve": "twelfth"}
_CARDINAL = lazy_compile(r"-?\d+", engine=re)
_ORDINAL = lazy_compile(r"(\d+)(st|nd|rd|th)", re.IGNORECASE, engine=re)


def _cardinal(n: int) -> str:
    if n < 0:
        return "minus " + _cardinal(-n)
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + (f"-{_ONES[n % 10]}" if n % 10 else "")
    if n < 1000:
        return f"{_ONES[n // 100]} hundred" + (f" {_cardinal(n % 100)}" if n % 100 else "")
    for value, name in _SCALES:
        if n >= value:
            return f"{_cardinal(n // value)} {name}" + (f" {_cardinal(n % value)}" if n % value else "")
    return str(n)


def _ordinal_word(word: str) -> str:
    if word in _IRREGULAR_ORDINALS:
        return _IRREGULAR_ORDINALS[word]
    return word[:-1] + "ieth" if word.endswith("y") else word + "th"


def number_words(text: str) -> str:
    """``21`` -> ``twenty-one``, ``21st`` -> ``twenty-first`` (Vale's ``words``); anything
    else unchanged."""
    plain = text.replace(",", "")
    if _CARDINAL.fullmatch(plain) and abs(int(plain)) < 10**15:
        return _cardinal(int(plain))
    if (m := _ORDINAL.fullmatch(plain)) and int(m.group(1)) < 10**15:
        words = _cardinal(int(m.group(1)))
        cut = max(words.rfind(" "), words.rfind("-")) + 1
        return words[:cut] + _ordinal_word(words[cut:])
    return text


def _number_word_values() -> dict[str, tuple[int, bool]]:
    """Every word :func:`number_words` writes -> (its value, whether it is an ordinal)."""
    values = [*enumerate(_ONES), *((i * 10, w) for i, w in enumerate(_TENS) if w),
              (100, "hundred"), *_SCALES]
    out = {w: (v, False) for v, w in values}
    out.update({_ordinal_word(w): (v, True) for v, w in values})
    return out


_NUMBER_WORDS = _number_word_values()


def number_digits(text: str) -> str:
    """``twenty-one`` -> ``21``, ``twenty-first`` -> ``21st`` (Vale's ``digits``);
    anything else unchanged."""
    fields = [f for f in re.split(r"[ -]+", text.lower()) if f]
    total = current = 0
    negative = ordinal = False
    for i, field in enumerate(fields):
        if field == "and":
            continue
        if field == "minus" and i == 0:
            negative = True
            continue
        if field not in _NUMBER_WORDS or ordinal:
            return text
        value, is_ordinal = _NUMBER_WORDS[field]
        if is_ordinal:
            if i != len(fields) - 1:
                return text
            ordinal = True
        if value == 100:
            current = (current or 1) * 100
        elif value >= 1000:
            total += (current or 1) * value
            current = 0
        else:
            current += value
    if not fields or (negative and len(fields) == 1):
        return text
    n = -(total + current) if negative else total + current
    if not ordinal:
        return str(n)
    last = abs(n) % 100
    suffix = "th" if 11 <= last <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(abs(n) % 10, "th")
    return f"{n}{suffix}"


def _words(text: str, sep: str) -> str:
    """The words of *text* (letters and digits; a lower-to-upper change starts a word),
    lower-cased and joined by *sep* (Vale's ``simple``, ``kebab`` and ``snake``)."""
    out, previous = [], " "
    for i, c in enumerate(text):
        alnum = c.isalnum()
        if (i > 1 and previous.islower() and c.isupper()) or not alnum:
            out.append(" ")
        if alnum or c == " ":
            out.append(c.lower())
        previous = c
    return sep.join("".join(out).split())


_DUMB = {"‘": "'", "’": "'", "“": '"', "”": '"', "—": "---", "–": "--", "…": "...", "\u00a0": " "}
_ASCII_LETTERS = {"æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "ø": "o", "Ø": "O",
                  "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D"}


def _smart(text: str) -> str:
    text = text.replace("---", "—").replace("--", "–").replace("...", "…")
    out, previous = [], ""
    for i, c in enumerate(text):
        opens = i == 0 or previous.isspace() or previous in "([{<—–/"
        if c == '"':
            out.append("“" if opens else "”")
        elif c == "'":
            out.append("‘" if opens else "’")
        else:
            out.append(c)
        previous = c
    return "".join(out)


def _dumb(text: str) -> str:
    return "".join(_DUMB.get(c, c) for c in text)


def _ascii(text: str) -> str:
    text = "".join(_ASCII_LETTERS.get(c, c) for c in _dumb(text))
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", text)
                                                if unicodedata.category(c) != "Mn"))


def implied_fix(action: Action | None, rule_type: str) -> str | None:
    """The ``fix`` a rule without one has from its action: a substitution with
    ``replace`` and no parameters offers its swap (one option: safe; several: shown)."""
    if action is not None and action.name == "replace" and not action.params and rule_type == "substitution":
        return "safe"
    return None


def attach_fixes(rule, doc, found):
    """*found* (a rule's findings) with the fix the rule's action derives from each match;
    a finding that has a fix already keeps it. ``$1`` in a parameter is a group of the
    rule's own pattern matched again at the finding."""
    action = rule.action
    pattern = getattr(rule, "pattern", None) if any("$" in p for p in action.params) else None
    for d in found:
        if d.fix is None:
            match = doc.text[d.start:d.end]
            groups: tuple[str, ...] = ()
            if pattern is not None:
                m = pattern.match(doc.text, d.start)
                groups = m.groups() if m is not None and m.end() == d.end else ()
            fix = fix_for(action, d.start, d.end, match, groups)
            if fix is not None:
                d = replace(d, fix=fix)
        yield d
