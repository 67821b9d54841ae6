"""A document as Vale's rules see it: blocks of prose, each with a scope and its text.

Vale lints a plain-text file as one block (scope ``text``), split into paragraphs at blank
lines and into sentences. It lints Markdown block by block: each paragraph, heading
(``heading.h1`` ... ``heading.h6``), list item (``list``), quotation (``blockquote``) and
table cell (``table.header``, ``table.cell``) on its own, as rendered text: without list
markers, quotation marks, link targets, HTML tags, emphasis marks and escapes, with inline
code masked by ``*`` (a match may run over it; it never matches inside it). Code blocks,
front matter and HTML blocks are no block at all.

Each :class:`Block` keeps the map from its text back to the source, so a match in the
text is a span of the source (a masked code span maps to the code as written).
"""

from __future__ import annotations

import bisect
from dataclasses import field
from typing import Iterator
from weakref import WeakKeyDictionary

import regex

from ..dataclass import dataclass
from ..document import Document, Span
from ..patterns import lazy_compile
from .needs import TextIndex

#: Kinds of Markdown block that Vale's ``paragraph`` scope names.
PARAGRAPH = "paragraph"
#: Vale splits plain text into paragraphs after each blank line ("\n\n").
_PARAGRAPH_BREAK = lazy_compile(r"\n\n")
#: Inline Markdown in a prose line: code, link and image openings and targets,
#: autolinks, HTML tags and comments, emphasis marks, escapes and character references.
_INLINE = lazy_compile(
    r"(?P<code>(?<!`)(?P<ticks>`+)(?!`))"
    r"|(?P<target>\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\))"
    r"|(?P<ref>\]\[[^\]\n]*\])"
    r"|(?P<open>!?\[)(?=[^\]\n]*\](?:\(|\[))"
    r"|(?P<auto><[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*>|<[^\s<>@]+@[^\s<>]+>)"
    r"|(?P<tag><!--.*?-->|</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>)"
    r"|(?P<emph>(?<![\w*_\\])[*_]{1,3}(?=[^\s*_])|(?<=[^\s*_\\])[*_]{1,3}(?![\w*_]))"
    r"|(?P<escape>\\[!-/:-@\[-`{-~])"
    r"|(?P<entity>&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});)",
    regex.DOTALL,
)
_TICKS = lazy_compile(r"`+")


@dataclass
class Block:
    """A block of prose: its scope (``paragraph``, ``heading.h2``, ``table.cell``, ``text``
    ...), its source span, its text as Vale reads it and the map back to the source."""

    scope: str
    start: int
    end: int
    text: str
    #: (offset in text, offset in source) where each piece of the text starts; a piece
    #: with a source length that differs from its text (masked code) maps as a whole.
    pieces: list[tuple[int, int, int]] = field(default_factory=list)  # (text offset, source start, source end)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source span of ``text[start:end]``."""
        if not self.pieces:
            return self.start + start, self.start + end
        return self._source(start, False), self._source(max(end - 1, start), True) if end > start \
            else self._source(start, False)

    def _source(self, at: int, closing: bool) -> int:
        i = bisect.bisect_right(self._offsets, at) - 1
        text_at, src_start, src_end = self.pieces[i]
        following = self.pieces[i + 1][0] if i + 1 < len(self.pieces) else len(self.text)
        if src_end - src_start != following - text_at:  # masked: the whole piece
            return src_end if closing else src_start
        return src_start + (at - text_at) + (1 if closing else 0)

    @property
    def _offsets(self) -> list[int]:
        offsets = self.__dict__.get("_offset_list")
        if offsets is None:
            offsets = self.__dict__["_offset_list"] = [p[0] for p in self.pieces]
        return offsets

    def has(self, name: str) -> bool:
        return name in self.scope.split(".")


class View:
    """What the rules of a document share: its blocks, and the units of each scope
    (filled by :func:`textlint.yamlrules.base._scoped`)."""

    def __init__(self, doc: Document) -> None:
        self.blocks = list(_markdown_blocks(doc) if doc.kind == "markdown" else _text_blocks(doc))
        self.units: dict[tuple, object] = {}
        self._indexes: dict[tuple[bool, bool], TextIndex] = {}

    def index(self, doc: Document, folded: bool, source: bool) -> TextIndex:
        """The words and text of the blocks of *doc* (this view's document), and of its
        source when *source* (the ``raw`` and ``line`` scopes), folded or not (``needs``)."""
        key = (folded, source)
        found = self._indexes.get(key)
        if found is None:
            texts = [b.text for b in self.blocks if b.text is not doc.text]
            if source or len(texts) < len(self.blocks):
                texts.append(doc.text)
            found = self._indexes[key] = TextIndex(texts, folded)
        return found


_VIEWS: WeakKeyDictionary[Document, View] = WeakKeyDictionary()


def view(doc: Document) -> View:
    """*doc* as Vale reads it (computed once per document)."""
    found = _VIEWS.get(doc)
    if found is None:
        found = _VIEWS[doc] = View(doc)
    return found


def blocks(doc: Document) -> list[Block]:
    """The blocks of *doc* as Vale reads them."""
    return view(doc).blocks


def _text_blocks(doc: Document) -> Iterator[Block]:
    yield Block("text", 0, len(doc.text), doc.text)


def paragraphs(block: Block) -> Iterator[tuple[int, int]]:
    """The paragraphs of a plain-text block: its text cut after each blank line ("\\n\\n")."""
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(block.text):
        yield pos, m.end()
        pos = m.end()
    if pos < len(block.text):
        yield pos, len(block.text)


def _markdown_blocks(doc: Document) -> Iterator[Block]:
    from ..markdown import _heading_span, block_tokens

    text = doc.text
    starts = doc.line_starts
    stack: list[str] = []
    row_cursor: dict[int, int] = {}
    tokens = block_tokens(text)
    for i, tok in enumerate(tokens):
        if tok.nesting == 1:
            stack.append(tok.tag)
            continue
        if tok.nesting == -1:
            if stack:
                stack.pop()
            continue
        if tok.type != "inline" or tok.map is None:
            continue
        first, last = tok.map
        kind = _kind(stack)
        if kind.startswith("table."):
            line = first
            line_start = starts[line]
            line_end = starts[line + 1] - 1 if line + 1 < len(starts) else len(text)
            cursor = row_cursor.get(line, line_start)
            at = text.find(tok.content, cursor, line_end) if tok.content else -1
            if at < 0:
                continue
            row_cursor[line] = at + len(tok.content)
            yield _rendered(text, kind, [(at, at + len(tok.content))])
            continue
        if kind.startswith("heading"):
            line_end = starts[last] if last < len(starts) else len(text)
            span = _heading_span(text, Span(starts[first], line_end), tokens[i - 1].markup)
            if span.end > span.start:
                yield _rendered(text, kind, [(span.start, span.end)])
            continue
        lines = []
        content_lines = tok.content.split("\n")
        for n, line in enumerate(range(first, min(last, len(starts)))):
            line_start = starts[line]
            line_end = starts[line + 1] - 1 if line + 1 < len(starts) else len(text)
            want = content_lines[n] if n < len(content_lines) else ""
            at = text.rfind(want, line_start, line_end) if want else -1
            if at < 0:
                continue
            lines.append((at, at + len(want)))
        if lines:
            yield _rendered(text, kind, lines)


def _kind(stack: list[str]) -> str:
    for tag in reversed(stack):
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            return f"heading.{tag}"
        if tag == "th":
            return "table.header"
        if tag == "td":
            return "table.cell"
        if tag == "li":
            return "list"
        if tag == "blockquote":
            return "blockquote"
    return PARAGRAPH


def _rendered(text: str, scope: str, lines: list[tuple[int, int]]) -> Block:
    """A block of the source *lines* (spans of the block's text on each line), as rendered
    text: inline Markdown dropped or masked, lines joined by "\\n"."""
    out: list[str] = []
    pieces: list[tuple[int, int, int]] = []
    size = 0

    def put(piece: str, src_start: int, src_end: int) -> None:
        nonlocal size
        if not piece and src_end > src_start:
            return
        pieces.append((size, src_start, src_end))
        out.append(piece)
        size += len(piece)

    for n, (start, end) in enumerate(lines):
        if n:
            put("\n", start - 1, start)  # the line break, at the last character before the line
        pos = start
        closing = _closing_runs(text, start, end)
        while (m := _INLINE.search(text, pos, end)) is not None:
            if m.start() > pos:
                put(text[pos:m.start()], pos, m.start())
            pos = m.end()
            if m.group("code"):
                close = closing.get(m.start())
                if close is None:  # literal backticks
                    put(m.group(), m.start(), m.end())
                    continue
                inner = close - m.start() - 2 * len(m.group("ticks"))
                put("*" * max(inner, 1), m.start(), close)
                pos = close
            elif m.group("escape"):
                put(m.group()[1], m.start(), m.end())
            elif m.group("entity"):
                import html  # (here: few blocks have an entity)

                put(html.unescape(m.group()), m.start(), m.end())
            elif m.group("auto"):
                put(m.group()[1:-1], m.start() + 1, m.end() - 1)
            # targets, openings, tags and emphasis marks are dropped
        if pos < end:
            put(text[pos:end], pos, end)
    body = "".join(out)
    first, last = lines[0][0], lines[-1][1]
    if all(len(p) == e - s for p, (_, s, e) in zip(out, pieces)) and len(pieces) <= 1:
        return Block(scope, first, last, body)
    return Block(scope, first, last, body, pieces)


def _closing_runs(text: str, start: int, end: int) -> dict[int, int]:
    runs = [(m.start(), m.end()) for m in _TICKS.finditer(text, start, end)]
    out: dict[int, int] = {}
    following: dict[int, int] = {}
    for s, e in reversed(runs):
        if e - s in following:
            out[s] = following[e - s]
        following[e - s] = e
    return out
