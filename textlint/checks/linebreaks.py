"""cleanup.LineBreakInSentence: a stray line break inside a sentence of a one-line-per-paragraph text."""

from __future__ import annotations

from typing import Iterator

import regex

from ..diagnostics import Applicability, Diagnostic, Fix
from ..document import Document, Span
from ..patterns import lazy_compile
from ..rule import FixAvailability
from .base import Check
from .hyphens import SUSPENDED, rejoin
from .prose import BULLETS, SENTENCE_BREAK

#: A single line break with the spaces around it.
_BREAK = lazy_compile(r"[^\S\n]*\r?\n[^\S\n]*")
#: The spaces before a line break, read back from it: where a match of _BREAK starts.
_SPACES_BEFORE_BREAK = lazy_compile(r"(?r)[^\S\n]+$")
#: A line that starts a list item, a table row, a quotation block or a speaker turn.
_ITEM = lazy_compile(r"(?:[-‐‑–—•·*>▪◦|#]|\d{1,3}[.)]|[a-zA-Z][.)]\s|\(\w{1,3}\))")
#: The longest line after a title line that is a subtitle ("Version 2.0, January 2004").
SUBTITLE_WIDTH = 40
#: A line of two to five words, each capitalised or short: a title ("Apache License").
_TITLE_LINE = lazy_compile(r"[ \t]*\p{Lu}\S*(?:[ \t]+(?:\p{Lu}\S*|\S{1,3})){0,3}[ \t]+\p{Lu}\S*[ \t]*")
_TOKEN_BEFORE = lazy_compile(r"(?r)\S+$")
_TOKEN_AFTER = lazy_compile(r"\S+")
#: The halves of a word hyphenated at the line end: letters and a hyphen, and letters.
_HALF_BEFORE = lazy_compile(r"(?<![\p{L}\p{M}\p{N}])[\p{L}\p{M}]+(?=[-\u2010]$)")
_HALF_AFTER = lazy_compile(r"[\p{L}\p{M}]+")

#: A text qualifies when at least this many paragraphs are separated by blank lines ...
MIN_PARAGRAPHS = 2
#: ... at least this share of them is a single line ...
SINGLE_LINE_SHARE = 0.34
#: ... and it is not hard-wrapped: this share of the lines that end inside a paragraph
#: ending within WRAP_BAND of the widest of them.
WRAPPED_SHARE = 0.6
WRAP_BAND = 0.75
#: A line this long was never hard-wrapped (wrap widths stay under 100): in a file whose
#: layout is otherwise unknown (one paragraph, no blank lines), a break in the paragraph that
#: holds it is stray.
LONG_LINE = 160
#: A one-line paragraph this much longer than the supposed wrap width contradicts it.
LONGER_THAN_WRAP = 1.25
#: A text laid out within a width: at least this many lines end inside a paragraph, the widest
#: of them at least MIN_WRAP_WIDTH wide (and under LONG_LINE), and no line that starts at the
#: margin is longer than that width times WIDTH_TOLERANCE (a word or two past it).
MIN_WRAPPED_LINES = 1
MIN_WRAP_WIDTH = 50
WIDTH_TOLERANCE = 1.1


class LineBreakInSentence(Check):
    ID = "cleanup.LineBreakInSentence"
    CATEGORY = "cleanup"
    DESCRIPTION = (
        "A single line break in the middle of a sentence, in a text whose paragraphs are "
        "otherwise single lines separated by blank lines (\"the development plan\\nEconomic-social\")."
    )
    RATIONALE = (
        "Copying from web pages and PDFs leaves line breaks where the source wrapped a line. "
        "In a text written one paragraph per line they split a sentence in two for every "
        "tool that reads lines. Hard-wrapped texts (most paragraphs span several lines), "
        "texts without blank lines between paragraphs (unless a line is too long to be wrapped, "
        "below), Markdown (where a single newline is a "
        "soft break), breaks after a sentence end, a colon or a semicolon or a short title line, "
        "lists, indented lines and hard-wrapped blocks are left alone. A text counts as "
        "hard-wrapped when most lines that end inside a paragraph end near the same width "
        "and its one-line paragraphs are not mostly longer than that width, or when no line "
        "that starts at the margin runs past the widest line that ends inside a paragraph "
        "(a README wrapped at 72 columns with lists, code and short paragraphs). In a text whose "
        "layout does not show (a single paragraph, no blank lines), a break is flagged only "
        "in a paragraph with a line of 160 characters or more, which no hard-wrapped text "
        "has. Technical writing (code tokens in the prose, as reStructuredText and notes "
        "have) lays out its own lines and is left alone."
    )
    FIX = Applicability.SAFE
    FIX_AVAILABILITY = FixAvailability.ALWAYS
    FIX_SAFETY = "The fix joins the two lines with one space; it is safe."
    FLAG = [
        ("Headline\n\nFirst paragraph is one line.\n\nRussia’s role in the development plan\n"
         "Economic-social of Cuba.\n\nLast paragraph.",
         "Headline\n\nFirst paragraph is one line.\n\nRussia’s role in the development plan "
         "Economic-social of Cuba.\n\nLast paragraph."),
        ("One.\n\nTwo.\n\nThe letter said,\nin part: thanks.\n\nFour.",
         "One.\n\nTwo.\n\nThe letter said, in part: thanks.\n\nFour."),
    ]
    OK = [
        "One.\n\nTwo.\n\nIt ended.\nA new line starts here.\n\nFour.",
        "One.\n\nTwo.\n\nWe need:\n- bread\n- milk\n\nFour.",
        ("A hard-wrapped paragraph whose lines all end near\nthe same width, as e-mail and "
         "plain-text files do,\nis not a defect at all.\n\nThe second paragraph is wrapped\n"
         "the same way and the third one is too,\nso no break is flagged.\n\nThird paragraph\n"
         "again wrapped."),
        "One paragraph per line\nwithout blank lines\nas in a corpus file\nis left alone.",
    ]

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        if "\n" not in text or doc.kind == "markdown" or doc.technical:
            # Markdown: a single newline is a soft break; technical writing lays its lines out
            # itself (reStructuredText's headings, blocks and lists, hard-wrapped notes)
            return
        paragraphs = doc.paragraphs
        multi, single = [], []
        for p in paragraphs:
            (multi if text.find("\n", p.start, p.end) >= 0 else single).append(p)
        # the lines of each paragraph of several, split once, and the widths of those that end
        # inside one
        lines_of = [text[p.start:p.end].split("\n") for p in multi]
        widths = [len(line.rstrip()) for lines in lines_of for line in lines[:-1]]
        one_line_paragraphs = (len(paragraphs) >= MIN_PARAGRAPHS
                               and len(single) >= SINGLE_LINE_SHARE * len(paragraphs)
                               and not self._hard_wrapped(widths, single)
                               and not _within_wrap_width(text, widths))
        for para, lines in zip(multi, lines_of):
            if not one_line_paragraphs and max(map(len, lines)) < LONG_LINE:
                continue  # the file's layout is unknown, and nothing shows this paragraph unwrapped
            if self._is_block(lines):
                continue
            for m in _breaks(text, para.start, para.end):
                d = self._diagnostic(doc, m)
                if d is not None:
                    yield d

    @staticmethod
    def _hard_wrapped(widths: list[int], single: list[Span]) -> bool:
        """Whether most lines that end inside a paragraph end near the same width, and
        the one-line paragraphs do not outnumber them by being longer than that width
        (a text wrapped at a width has no longer line: a few stray breaks whose widths
        happen to agree do not make a text of long one-line paragraphs hard-wrapped).
        *widths*: those of the lines that end inside a paragraph."""
        widths = sorted(widths)
        if len(widths) < 3:
            return False
        top = widths[int(0.9 * (len(widths) - 1))]
        if sum(WRAP_BAND * top <= w <= top for w in widths) < WRAPPED_SHARE * len(widths):
            return False
        longer = sum(p.end - p.start > LONGER_THAN_WRAP * top for p in single)
        return longer < len(widths)

    @staticmethod
    def _is_block(lines: list[str]) -> bool:
        """A list, a table, verse or a hard-wrapped block (its *lines*): lines that belong on
        their own."""
        if sum(bool(_ITEM.match(line.strip())) for line in lines) >= 2:
            return True
        widths = [len(line.rstrip()) for line in lines[:-1]]
        return len(widths) >= 2 and min(widths) >= 0.85 * max(widths) and max(widths) >= 30

    def _diagnostic(self, doc: Document, m: regex.Match) -> Diagnostic | None:
        text = doc.text
        head = text[max(0, m.start() - 80):m.start()].rstrip()  # a window: no quadratic copying
        before = head[-1:]
        after = text[m.end():m.end() + 1]
        if m.group().endswith((" ", "\t")):
            return None  # an indented line: a list, code or verse
        if not before or not after or before in SENTENCE_BREAK or after in BULLETS:
            return None
        if before in "\"”’»)]" and head[-2:-1] in SENTENCE_BREAK:
            return None
        if _ITEM.match(text, m.end()) and not after.isalpha():
            return None
        line = text[text.rfind("\n", 0, m.start()) + 1:m.start()]
        next_end = text.find("\n", m.end())
        next_line = text[m.end():len(text) if next_end < 0 else next_end]
        if len(next_line) <= SUBTITLE_WIDTH and next_line[:1].isupper() and _TITLE_LINE.fullmatch(line):
            return None  # a short title line over a subtitle: "Apache License\nVersion 2.0"
        start = _TOKEN_BEFORE.search(text, max(0, m.start() - 60), m.start())
        end = _TOKEN_AFTER.match(text, m.end())
        span_start = start.start() if start else m.start()
        span_end = end.end() if end else m.end()
        left = _HALF_BEFORE.search(head) if before in "-\u2010" else None
        right = _HALF_AFTER.match(text, m.end()) if left else None
        # "develop-\nment" is one word, "well-\nknown" a compound; "pre-\nand post-war" keeps its space
        if left and right and right.group().lower() not in SUSPENDED:
            content, applicability = (rejoin(left.group(), right.group(), doc)
                                      or ("-", Applicability.SAFE))
            fix = Fix.replace(m.start() - 1, m.end(), content, applicability, title="Join the word")
            word = f"{left.group()}{content}{right.group()}"
            what = "compound" if content else "word"
            return self.diagnostic(span_start, span_end, f"Line break inside the {what} '{word}'", fix)
        fix = Fix.replace(m.start(), m.end(), " ", Applicability.SAFE, title="Join the lines")
        return self.diagnostic(span_start, span_end, "Line break inside a sentence", fix)


def _breaks(text: str, start: int, end: int) -> Iterator[regex.Match]:
    """``_BREAK.finditer(text, start, end)``, tried only at the line breaks, each found by
    ``str.find`` (a scan of the pattern, which may start with spaces, tries it at every
    character): a match starts where the spaces before its line break start."""
    done = start
    at = text.find("\n", start, end)
    while at >= 0:
        spaces = _SPACES_BEFORE_BREAK.match(text, done, at)
        m = _BREAK.match(text, spaces.start() if spaces else at, end)
        yield m
        done = m.end()
        at = text.find("\n", done, end)


def _within_wrap_width(text: str, widths: list[int]) -> bool:
    """Whether no line of the text runs past the width at which its paragraphs break: then
    nothing shows a paragraph written on one line, and the breaks are the text's layout (a
    README wrapped at 72 columns whose lists, code and short paragraphs keep most of its
    broken lines away from the margin). Indented lines (code, verse) are not measured.
    *widths*: those of the lines that end inside a paragraph."""
    if len(widths) < MIN_WRAPPED_LINES or not MIN_WRAP_WIDTH <= max(widths) < LONG_LINE:
        return False
    longest = max(len(line.rstrip()) for line in text.split("\n") if not line[:1].isspace())
    return longest <= WIDTH_TOLERANCE * max(widths)
