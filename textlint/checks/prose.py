"""Helpers the cleanup checks share: where a sentence starts, which lines are titles.

These work on raw offsets with compiled patterns so that a check can ask about
one position without building the document's word list.
"""

from __future__ import annotations

from .. import wordclasses as wc
from ..document import Document
from ..patterns import lazy_compile

#: Characters after which a capital letter starts a sentence or a clause that may take one.
SENTENCE_BREAK = set(".!?…:;")
#: Opening quotes and brackets (with the backquote of ``TeX quotes'' and the angle bracket of
#: "<Tab>" or "<file>"): a capital after them starts a quotation, an aside or a name.
OPENERS = set("\"'“‘«„‹([{`<")
#: Closing quotes and brackets: look behind them for the sentence end.
CLOSERS = set("\"'”’»›)]}")
#: Markdown's underscore that closes emphasis: look behind it too ("_Warning:_ These").
_EMPHASIS_CLOSER = "_"
#: Bullets and dashes that introduce a list item or a new clause; a table cell's bar, a
#: Markdown heading's marks and the "=" of a definition ("W = Wins") start a new unit too.
BULLETS = set("-‐‑‒–—―•·*>▪◦|#=")
_SPACE = set(" \t\u00a0\u2009\u202f\u2007\r")

_WORD = lazy_compile(r"[\p{L}\p{M}]+")
#: A line that so far holds parenthesised or bracketed groups, after a list item's bullet
#: perhaps: labels before the sentence proper ("(Later) Connect", "[3] This data",
#: "* [abc123] [#42] Only run").
_LEADING_LABEL = lazy_compile(r"(?:[-*+•][^\S\n]+)?(?:\([^()\n]*\)|\[[^\[\]\n]*\])(?:[^\S\n]*(?:\([^()\n]*\)|\[[^\[\]\n]*\]))*")
#: A line that so far holds only symbols (emoji, arrows, stars) and spaces, after a list item's
#: bullet perhaps: "🎉 Since version 2", "* ✨ Add the option".
_SYMBOL_CLASS = r"[\p{So}\p{Sm}\p{Cf}\p{M}\U0001F3FB-\U0001F3FF]"  # emoji and their modifiers too
_LEADING_SYMBOLS = lazy_compile(rf"[-*+•>]?(?:{_SYMBOL_CLASS}|\s)+")
#: How far back from a word a line's labels or symbols before it are looked for (a link's
#: target, blanked in the prose text, makes a label long: "[#42](https://…) Only run").
HEAD_REACH = 240
#: One of the symbols of _LEADING_SYMBOLS.
_SYMBOL = lazy_compile(_SYMBOL_CLASS)
#: A task list's checkbox at the start of a line.
_CHECKBOX = lazy_compile(r"(?:^|\n)[^\S\n]*(?:[-*+][^\S\n]+)?\[[ xX]\]$")


def enclosed(text: str, start: int, end: int, opening: frozenset[str], closing: frozenset[str]) -> bool:
    """Whether ``text[start:end]`` fills a pair of marks: one of *opening* right before it and
    one of *closing* right after it (a quotation or a bracket that holds it alone)."""
    return start > 0 and text[start - 1] in opening and text[end:end + 1] in closing


def previous_char(text: str, pos: int) -> tuple[str, int]:
    """The last character before *pos* that is not a space or tab (``""`` at the start),
    and its offset. A newline counts as a character."""
    i = pos - 1
    while i >= 0 and text[i] in _SPACE:
        i -= 1
    return (text[i], i) if i >= 0 else ("", -1)


def _line_start(text: str, i: int) -> int | None:
    """The offset where the line of *i* starts, or None when it starts more than
    :data:`HEAD_REACH` characters before *i* (no label or list marker is that long)."""
    start = text.rfind("\n", max(0, i - HEAD_REACH), i) + 1
    return None if start == 0 and i > HEAD_REACH else start


def starts_sentence(text: str, pos: int, openers: bool = True) -> bool:
    """Whether a word at *pos* may be capitalised because of what precedes it: the
    start of a line, a sentence end, a colon or semicolon, a sentence end followed by
    closing quotes or Markdown's closing underscore, and (with *openers*) an opening quote or bracket, a bullet or dash."""
    if pos > 1 and text[pos - 1] == " " and text[pos - 2].isascii() and text[pos - 2].isalpha():
        return False  # one space after a word: most places asked (the test below, without the search)
    ch, i = previous_char(text, pos)
    if ch.isascii() and ch.isalpha():
        return False  # after a word (no mark below is an ASCII letter)
    if ch in ("", "\n") or ch in SENTENCE_BREAK:
        return True
    if ch == "]" and _CHECKBOX.search(text, max(0, i - 12), i + 1):
        return True  # a task list item: "- [ ] Use the tool"
    if ch in OPENERS or ch in BULLETS:
        return openers
    if ch in ")]" or _SYMBOL.match(ch):
        line = _line_start(text, i)
        if line is not None:
            if ch in ")]":
                head = text[line:i + 1].strip()
                if (ch == ")" and len(head) <= 4) or _LEADING_LABEL.fullmatch(head):
                    return True  # a list marker ("a) ", "(iv) ", "12) ") or a label: "(Later) Connect"
            elif _LEADING_SYMBOLS.fullmatch(text, line, pos):
                return True  # "🎉 Since version 2"
    while ch in CLOSERS or ch == _EMPHASIS_CLOSER:
        ch, i = previous_char(text, i)
        if ch in ("", "\n") or ch in SENTENCE_BREAK:
            return True
    return ch.isdigit() and i + 1 < len(text) and text[i + 1] in ".)"


class Titles:
    """Which sentences of a document are titles: Title Case or ALL CAPS (cached per sentence)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._cache: dict[int, bool] = {}

    def is_titled(self, offset: int) -> bool:
        """Whether the sentence (or heading) at *offset* is written as a title."""
        if self.doc.in_heading(offset):
            return True
        span = self.doc.sentence_at(offset)
        if span is None:
            return False
        if span.start not in self._cache:
            self._cache[span.start] = is_titled(self.doc.text[span.start:span.end])
        return self._cache[span.start]


def is_titled(text: str) -> bool:
    """Most letters capitals, or Title Case: several capitalised words of four letters or
    more and at most one such word in lowercase that is not a short function word. After a
    speaker's label ("Vladimir Putin: Thank You.") only the words spoken count."""
    head, colon, tail = text.rpartition(":")
    if colon and (len(tail.split()) >= 3 or _SPEAKER.fullmatch(head.strip())):
        text = tail  # "Vladimir Putin: This is good." is judged on what follows the label
    words = _WORD.findall(text)
    letters = "".join(words)
    if len(letters) > 3 and sum(map(str.isupper, letters)) >= 0.8 * len(letters):
        return True
    long = [w for w in words if len(w) >= 4]
    capitalised = sum(w[0].isupper() for w in long)
    lowercase = sum(w[0].islower() and w not in _TITLE_SMALL_WORDS for w in long)
    return capitalised >= 3 and lowercase <= max(1, capitalised // 4)


#: A speaker's label: up to six capitalised words ("President of Russia Vladimir Putin").
_SPEAKER = lazy_compile(r"\p{Lu}[\p{L}.’'-]*(?:[ \u00a0]+(?:of|the|\p{Lu}[\p{L}.’'-]*)){0,5}")
#: Words that Title Case may leave in lowercase: prepositions, conjunctions, articles and
#: demonstratives.
_TITLE_SMALL_WORDS = wc.PREPOSITIONS | wc.COORDINATORS | wc.ARTICLES | wc.DEMONSTRATIVES
