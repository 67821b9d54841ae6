"""A rule's pattern token spelled out as the patterns whose matches, together, are at least
its matches, so that ``needs`` can tell what a document must hold for the token to match.

``(?:cell phone|cell-phone)`` needs nothing as one pattern (its words lie inside a group),
but it is two literal tokens, each of which needs its words; ``boys?`` is ``boy`` or
``boys``; ``m[ae]n`` is ``man`` or ``men``; ``[!?]{2,}`` is ``!!``, ``!?``, ``?!`` or ``??``,
each followed by ``[!?]*``. What is spelled out:

- a group of alternatives (``(?:a|b)``, ``(a|b)``, ``(?P<name>a|b)``), and the token's own
  top-level alternatives: each alternative in turn;
- a character class of a few plain characters (``[ae]``, ``[ -]``; no range, no negation):
  each character in turn;
- a quantifier on such a group, class or character: ``?`` is the atom or nothing; ``{m,n}``,
  ``+`` and ``*`` are *m* atoms spelled out, then the rest of the repeat as written.

Everything else (an escape such as ``\\w``, ``.``, an anchor, lookaround, a large class) is
kept as written, which the reading of ``needs.required_text`` treats as matching anything
it does not know. A token is read whole when it cannot be followed (an unbalanced
parenthesis, a construct such as ``(?(1)a|b)``), and a part is kept as written when
spelling it out would give more than :data:`MOST` variants. Lazy and possessive
quantifiers and atomic groups only narrow what a token matches, so the variants still
cover its matches: enough for a test that must never skip a document the token matches.
"""

from __future__ import annotations

from ..patterns import lazy_compile

#: The most variants a token is spelled out into.
MOST = 64

#: Characters that are no literal text in a pattern; spelled out, such a character is escaped.
_SPECIAL = frozenset("\\^$.|?*+()[]{}")
#: Groups whose alternatives are spelled out: ``(?:``, ``(?P<name>``, ``(?<name>``; a ``(``
#: alone is one too.
_GROUP = lazy_compile(r"\(\?(?::|P?<\w+>)")
#: Groups kept as written (lookaround, atomic): read only to find where they end.
_OPAQUE = lazy_compile(r"\(\?(?:<?[=!]|>)")
_COUNTED = lazy_compile(r"\{(\d+)(?:(,)(\d*))?\}")
#: An escape that writes a character by its code point: ``\x41``, ``\u200B``, ``\U0001F600``.
_CODE_POINT = lazy_compile(r"\\(?|x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))")


class _Unread(Exception):
    """A token this reading does not follow: it is read whole."""


class _TooMany(Exception):
    """Alternatives that spell out to more than :data:`MOST` variants."""


def variants(token: str) -> list[str]:
    """The patterns whose matches together include every match of *token* (see the module)."""
    try:
        out, end = _alternatives(token, 0)
    except (_Unread, _TooMany):
        return [token]
    return out if end == len(token) else [token]


def widened(token: str) -> str | None:
    """*token* with the group of its top level that spells out to the most variants read as
    matching anything (``(?:.*)``), or None when it has no such group (or is not read). Every
    match of the token holds the runs of plain text of one of its variants (``needs``: the text
    around the group stays, the group's own text is no run), and it spells out to fewer:
    ``since (\\d+|two|...) (years|months)`` to two, which need "since " and " years" or
    " months", where the token's own 24 need "since " and " " alone."""
    best: tuple[int, int, int] | None = None  # (variants, start, end) of the group
    i = 0
    try:
        while i < len(token):
            start = i
            if token[i] in "|)":
                return None
            _, choices, i = _atom(token, i)
            if token[start] == "(" and choices is not None and len(choices) > 1 \
                    and (best is None or len(choices) > best[0]):
                best = (len(choices), start, i)
            i = _quantifier(token, i)[3]
    except (_Unread, _TooMany):
        return None
    return None if best is None else token[:best[1]] + "(?:.*)" + token[best[2]:]


def _alternatives(p: str, i: int) -> tuple[list[str], int]:
    """The variants of the alternatives from *i* to the ``)`` or end that closes them, and where
    that is."""
    out: dict[str, None] = {}
    while True:
        sequence, i = _sequence(p, i)
        out.update(dict.fromkeys(sequence))
        if len(out) > MOST:
            raise _TooMany
        if i < len(p) and p[i] == "|":
            i += 1
            continue
        return list(out), i


def _sequence(p: str, i: int) -> tuple[list[str], int]:
    """The variants of one alternative, from *i* to the ``|`` or ``)`` after it, and where that is."""
    out = [""]
    while i < len(p) and p[i] not in "|)":
        written, choices, i = _atom(p, i)
        quantifier, least, most, i = _quantifier(p, i)
        pieces = _repeated(written, choices, quantifier, least, most)
        if len(out) * len(pieces) > MOST:
            pieces = [written + quantifier]
        out = [v + piece for v in out for piece in pieces]
    return out, i


def _atom(p: str, i: int) -> tuple[str, list[str] | None, int]:
    """The atom at *i*: its text as written, what it spells out to (None: kept as written),
    and where it ends."""
    c = p[i]
    if c == "\\":
        escaped = p[i + 1:i + 2]
        if not escaped:
            raise _Unread
        if escaped in "pP" and p[i + 2:i + 3] == "{":
            close = p.find("}", i)
            if close < 0:
                raise _Unread
            return p[i:close + 1], None, close + 1
        code = _code_point(p, i)
        if code is not None:  # \u200B, \x41: the character
            return p[i:code[1]], [_literal(code[0])], code[1]
        if escaped.isalnum():  # \w, \b, \1 ...: kept as written
            return p[i:i + 2], None, i + 2
        return p[i:i + 2], [_literal(escaped)], i + 2
    if c == "[":
        end = _class_end(p, i)
        members = _plain_members(p[i + 1:end - 1])
        choices = [_literal(m) for m in members] if members and len(members) <= MOST else None
        return p[i:end], choices, end
    if c == "(":
        return _group(p, i)
    if c in "?*+{":
        raise _Unread  # a quantifier with nothing before it
    if c in ".^$":
        return c, None, i + 1
    return c, [c], i + 1


def _group(p: str, i: int) -> tuple[str, list[str] | None, int]:
    opened = _GROUP.match(p, i)
    if opened is not None or p[i + 1:i + 2] != "?":
        inner = opened.end() if opened is not None else i + 1
        try:
            choices: list[str] | None
            choices, end = _alternatives(p, inner)
        except _TooMany:
            choices, end = None, _group_end(p, inner)
    elif (opaque := _OPAQUE.match(p, i)) is not None:
        choices, end = None, _group_end(p, opaque.end())
    else:
        raise _Unread  # (?(1)..), (?|..), (?#..), a flag, a reference ...
    if end >= len(p) or p[end] != ")":
        raise _Unread
    return p[i:end + 1], choices, end + 1


def _group_end(p: str, i: int) -> int:
    """Where the group whose contents start at *i* closes (its ``)``)."""
    depth = 0
    while i < len(p):
        c = p[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _class_end(p, i)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            if depth == 0:
                return i
            depth -= 1
        i += 1
    raise _Unread


def _quantifier(p: str, i: int) -> tuple[str, int, int | None, int]:
    """The quantifier at *i* (as written, with a lazy ``?`` or possessive ``+`` after it), the
    fewest and most times it repeats (None: no limit), and where it ends; no quantifier:
    once."""
    c = p[i:i + 1]
    if c == "?":
        least, most, end = 0, 1, i + 1
    elif c == "*":
        least, most, end = 0, None, i + 1
    elif c == "+":
        least, most, end = 1, None, i + 1
    elif c == "{":
        m = _COUNTED.match(p, i)
        if m is None:
            raise _Unread  # "{,n}", or a brace read as a character
        least = int(m.group(1))
        most = least if m.group(2) is None else (int(m.group(3)) if m.group(3) else None)
        end = m.end()
    else:
        return "", 1, 1, i
    if p[end:end + 1] in ("?", "+"):
        end += 1
    return p[i:end], least, most, end


def _repeated(written: str, choices: list[str] | None, quantifier: str, least: int,
              most: int | None) -> list[str]:
    """The variants of an atom (*written*, spelling out to *choices*) under a quantifier."""
    if choices is None:
        return [written + quantifier]
    if not quantifier:
        return choices
    if (least, most) == (0, 1):
        return [*choices, ""]
    if len(choices) ** least > MOST:
        return [written + quantifier]
    spelled = [""]
    for _ in range(least):
        spelled = [v + c for v in spelled for c in choices]
    if most is None:
        rest = written + "*"
    elif most > least:
        rest = written + f"{{0,{most - least}}}"
    else:
        rest = ""
    return [v + rest for v in spelled]


def _literal(c: str) -> str:
    return "\\" + c if c in _SPECIAL else c


def _class_end(p: str, start: int) -> int:
    """:func:`class_end`, a class this reading does not follow being read whole."""
    end = class_end(p, start)
    if end is None:
        raise _Unread
    return end


def class_end(pattern: str, start: int) -> int | None:
    """Where the character class opened at *start* ends (after its ``]``); None for a class
    this reading does not follow (a nested ``[``, as POSIX classes have)."""
    i = start + 1
    if pattern[i:i + 1] == "^":
        i += 1
    if pattern[i:i + 1] == "]":
        i += 1
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
        elif c == "[":
            return None
        elif c == "]":
            return i + 1
        else:
            i += 1
    return None


def _code_point(p: str, i: int) -> tuple[str, int] | None:
    """The character that the escape at *i* writes by its code point (``\\xhh``, ``\\uhhhh``,
    ``\\Uhhhhhhhh``) and where the escape ends; None for another escape, and for a surrogate or
    a number beyond Unicode (kept as written: no text is made of them)."""
    m = _CODE_POINT.match(p, i)
    code = int(m.group(1), 16) if m is not None else -1
    return (chr(code), m.end()) if 0 <= code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else None


def _plain_members(members: str) -> list[str] | None:
    """The characters a class matches, when written as plain characters (and escaped
    punctuation, and characters written by their code points); None for a negated class, a
    range, or an escape such as ``\\w``."""
    if not members or members[0] == "^":
        return None
    out: list[str] = []
    i = 0
    while i < len(members):
        c = members[i]
        if c == "\\":
            code = _code_point(members, i)
            if code is not None:
                out.append(code[0])
                i = code[1]
                continue
            escaped = members[i + 1:i + 2]
            if not escaped or escaped.isalnum():
                return None
            out.append(escaped)
            i += 2
            continue
        if c == "-" and 0 < i < len(members) - 1:
            return None  # a range
        out.append(c)
        i += 1
    return list(dict.fromkeys(out))
