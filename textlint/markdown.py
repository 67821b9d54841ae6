"""Markdown: which parts of the source are prose, and where the headings are.

The whole source is linted, so offsets stay exact; what is not prose becomes an
ignored span of the :class:`~textlint.document.Document`, and the linter drops
any finding that touches one. Not prose: front matter, fenced and indented code,
HTML blocks, link reference definitions, and inside prose lines inline code,
link and image targets, autolinks and inline HTML.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from .document import Document, Span

_FRONT_MATTER = regex.compile(r"\A(?:---|\+\+\+)[^\S\n]*\n.*?\n(?:---|\+\+\+|\.\.\.)[^\S\n]*(?:\n|\Z)", regex.DOTALL)
#: Inline constructs of prose lines that are not prose.
_INLINE = regex.compile(
    r"(?<!`)(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)"    # inline code
    r"|\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"  # ](target "title")
    r"|\]\[[^\]\n]*\]"                                      # ][reference label]
    r"|<[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*>"                  # <autolink>
    r"|<[^\s<>@]+@[^\s<>]+>"                                # <e-mail autolink>
    r"|<!--.*?-->"                                          # HTML comment
    r"|</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>",           # inline HTML tag
    regex.DOTALL,
)
_ATX = regex.compile(r"[^\S\n]{0,3}#{1,6}[^\S\n]*(.*?)(?:[^\S\n]+#+)?[^\S\n]*$")


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable("table")


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

    source, offset_lines = text, 0
    front = _FRONT_MATTER.match(text)
    if front:
        offset_lines = text.count("\n", 0, front.end())
        source = "\n" * offset_lines + text[front.end():]

    prose = [False] * n_lines
    headings: list[Span] = []
    tokens = _parser().parse(source)
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
        for m in _INLINE.finditer(text, span.start, span.end):
            start = m.start() + 1 if m.group().startswith("](") or m.group().startswith("][") else m.start()
            ignored.append(Span(start, m.end()))
    return sorted(ignored, key=lambda s: s.start), headings


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
