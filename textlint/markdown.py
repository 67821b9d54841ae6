"""Markdown: which parts of the source are prose, and where the headings are.

The whole source is linted, so offsets stay exact; what is not prose becomes an
ignored span of the :class:`~textlint.document.Document`, and the linter drops
any finding that touches one. Not prose: front matter, fenced and indented code,
HTML blocks, link reference definitions, and inside prose lines inline code,
link and image targets, autolinks and inline HTML.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator

import regex

from .document import Document, Span
from .patterns import lazy_compile

_FRONT_MATTER = lazy_compile(r"\A(?:---|\+\+\+)[^\S\n]*\n.*?\n(?:---|\+\+\+|\.\.\.)[^\S\n]*(?:\n|\Z)", regex.DOTALL)
#: Inline constructs of prose lines that are not prose. A backtick run opens inline
#: code when a later run of the same length closes it; :func:`_inline_spans` looks the
#: closing run up rather than searching for it, which keeps runs of many different
#: lengths linear. A title in parentheses holds no parenthesis (as in CommonMark).
_INLINE = lazy_compile(
    r"(?<!`)(?P<ticks>`+)(?!`)"                            # inline code (opening run)
    r"|\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)"  # ](target "title")
    r"|\]\[[^\]\n]*\]"                                      # ][reference label]
    r"|<[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*>"                  # <autolink>
    r"|<[^\s<>@]+@[^\s<>]+>"                                # <e-mail autolink>
    r"|<!--.*?-->"                                          # HTML comment
    r"|</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>",           # inline HTML tag
    regex.DOTALL,
)
_TICKS = lazy_compile(r"`+")
#: An ATX heading line; its text (group 1) is empty or ends in a non-space, so the
#: closing sequence is tried once per word rather than once per character of spaces.
_ATX = lazy_compile(r"[^\S\n]{0,3}#{1,6}[^\S\n]*((?:.*?\S)??)(?:[^\S\n]+#+)?[^\S\n]*$")


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    # Only the blocks are needed (which lines are prose, which are headings): the inline
    # content is not parsed here (it is scanned by _inline_spans, with exact offsets).
    return MarkdownIt("commonmark", {"html": True}).enable("table").disable("inline")


@lru_cache(maxsize=2)
def parse(source: str) -> list:
    """The block tokens of Markdown *source* (markdown-it-py's, inline content unparsed).

    The last two sources parsed are kept: a Markdown document is parsed once for its
    non-prose spans (:func:`analyse`), Vale's reading of it (``yamlrules.view``) and its
    block counts (``yamlrules.metric``). The tokens are shared: read them, never change them.
    """
    return _parser().parse(source)


def block_tokens(text: str) -> list:
    """The block tokens of Markdown *text*, its front matter read as blank lines (so the
    tokens' line numbers are the text's)."""
    front = _FRONT_MATTER.match(text)
    if front:
        text = "\n" * text.count("\n", 0, front.end()) + text[front.end():]
    return parse(text)


def markdown_document(text: str, path: str = "-", **kwargs) -> Document:
    """A Document of Markdown source with its non-prose spans and headings."""
    ignored, headings = analyse(text)
    return Document(text, path, ignored=ignored, headings=headings, kind="markdown", **kwargs)


def analyse(text: str) -> tuple[list[Span], list[Span]]:
    """(non-prose spans, heading spans) of Markdown *text*."""
    doc = Document(text)
    starts = doc.line_starts
    n_lines = len(starts)

    def line_span(first: int, last: int) -> Span:  # 0-based lines [first, last)
        start = starts[first] if first < n_lines else len(text)
        end = starts[last] if last < n_lines else len(text)
        return Span(start, end)

    prose = [False] * n_lines
    headings: list[Span] = []
    tokens = block_tokens(text)
    for i, tok in enumerate(tokens):
        if tok.type != "inline" or tok.map is None:
            continue
        first, last = tok.map
        for line in range(first, min(last, n_lines)):
            prose[line] = True
        if i and tokens[i - 1].type == "heading_open":
            headings.append(_heading_span(text, line_span(first, last), tokens[i - 1].markup))

    ignored: list[Span] = []
    line = 0
    while line < n_lines:  # runs of non-prose lines
        if prose[line]:
            line += 1
            continue
        first = line
        while line < n_lines and not prose[line]:
            line += 1
        span = line_span(first, line)
        if text[span.start:span.end].strip():
            ignored.append(span)
    line = 0
    while line < n_lines:  # inline constructs inside runs of prose lines
        if not prose[line]:
            line += 1
            continue
        first = line
        while line < n_lines and prose[line]:
            line += 1
        span = line_span(first, line)
        ignored += _inline_spans(text, span.start, span.end)
    return sorted(ignored, key=lambda s: s.start), headings


def _inline_spans(text: str, start: int, end: int) -> Iterator[Span]:
    """The inline constructs of ``text[start:end]`` that are not prose (link targets
    without their ``]``)."""
    closing = _closing_runs(text, start, end)
    pos = start
    while m := _INLINE.search(text, pos, end):
        pos = m.end()
        if m.group("ticks"):
            if m.start() in closing:  # else the run is literal backticks
                pos = closing[m.start()]
                yield Span(m.start(), pos)
        elif m.group().startswith(("](", "][")):
            yield Span(m.start() + 1, pos)
        else:
            yield Span(m.start(), pos)


def _closing_runs(text: str, start: int, end: int) -> dict[int, int]:
    """For each backtick run of ``text[start:end]`` that a later run of the same length
    closes: its start -> the end of the closing run."""
    runs = [(m.start(), m.end()) for m in _TICKS.finditer(text, start, end)]
    out: dict[int, int] = {}
    following: dict[int, int] = {}  # run length -> end of the nearest later run
    for s, e in reversed(runs):
        if e - s in following:
            out[s] = following[e - s]
        following[e - s] = e
    return out


def _heading_span(text: str, span: Span, markup: str) -> Span:
    """The heading's words: without the ``#`` marks of an ATX heading or a setext underline."""
    body = text[span.start:span.end].rstrip("\r\n")
    if markup.startswith("#"):
        m = _ATX.match(body)
        if m:
            return Span(span.start + m.start(1), span.start + m.end(1))
    stripped = body.strip()
    start = span.start + body.index(stripped) if stripped else span.start
    return Span(start, start + len(stripped))
