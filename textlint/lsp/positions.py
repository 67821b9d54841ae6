"""Code point offsets (textlint's) <-> LSP positions (line, character in code units).

LSP counts characters in the encoding the client and server agreed on: UTF-16
code units unless the client offers another (an emoji is 2 of them, 4 UTF-8
bytes, 1 UTF-32 unit). Lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r``.
"""

from __future__ import annotations

import bisect

import regex

_LINE_END = regex.compile(r"\r\n|\n|\r")
UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def _units(ch: str, encoding: str) -> int:
    if encoding == UTF32:
        return 1
    cp = ord(ch)
    if encoding == UTF16:
        return 2 if cp > 0xFFFF else 1
    return 1 if cp < 0x80 else 2 if cp < 0x800 else 3 if cp < 0x10000 else 4


class LineIndex:
    """Positions in one text, for one position encoding."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding
        self.starts = [0] + [m.end() for m in _LINE_END.finditer(text)]
        self._ascii = text.isascii()

    def _line_end(self, line: int) -> int:
        """Offset where *line*'s content ends (before its line break)."""
        if line + 1 < len(self.starts):
            end = self.starts[line + 1]
            return end - 2 if self.text[end - 2:end] == "\r\n" else end - 1
        return len(self.text)

    def position(self, offset: int) -> tuple[int, int]:
        """(line, character), both 0-based, of code point *offset*."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        if self._ascii or self.encoding == UTF32:
            return line, offset - start
        return line, sum(_units(c, self.encoding) for c in self.text[start:offset])

    def offset(self, line: int, character: int) -> int:
        """Code point offset of an LSP position; positions past a line's end (or the
        text's) clamp to it, one inside a surrogate pair or UTF-8 sequence to its start."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        start, end = self.starts[line], self._line_end(line)
        if self._ascii or self.encoding == UTF32:
            return min(start + max(character, 0), end)
        units = 0
        for i in range(start, end):
            units += _units(self.text[i], self.encoding)
            if units > character:
                return i
        return end

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def line_span(self, line: int) -> tuple[int, int]:
        """(start, end of content) offsets of a 0-based line."""
        return self.starts[line], self._line_end(line)

    def line_break(self, line: int) -> str:
        """The break that ends *line* ("" for the last line)."""
        end = self._line_end(line)
        nxt = self.starts[line + 1] if line + 1 < len(self.starts) else end
        return self.text[end:nxt]
