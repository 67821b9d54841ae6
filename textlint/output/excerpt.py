"""A finding's source line as a terminal shows it (``--format text`` on a terminal): clipped
around the finding by terminal cells, with the caret under it."""

from __future__ import annotations

from rich.cells import cell_len, get_character_cell_size

from ..diagnostics import Diagnostic
from . import Report

#: Characters of a long line shown on either side of a finding.
CONTEXT = 60


def excerpt(report: Report, d: Diagnostic, budget: int = 2 * CONTEXT + 20) -> tuple[str, int, int, int]:
    """The source line of a finding, clipped to *budget* terminal cells around the finding
    (with "…" where it was cut), the caret's start and width in cells, and the line number.

    Cells, not characters: a wide character (CJK, most emoji) takes two, a combining mark
    none; a tab is shown as one space and any other control character as U+FFFD, so the
    caret stays under the flagged text.
    """
    line, col = report.doc.position(d.start)
    text = report.doc.line_text(line)
    start = col - 1
    end = max(start + 1, min(d.end - report.doc.line_starts[line - 1], len(text)))
    budget = max(budget, 8)
    lo, hi = _window(text, start, end, budget)
    shown = _printable(text[lo:hi])
    lead = "…" if lo else ""
    tail = "…" if hi < len(text) else ""
    caret = len(lead) + cell_len(shown[:start - lo])
    width = max(1, cell_len(shown[start - lo:end - lo]))
    return lead + shown + tail, caret, width, line


def _window(text: str, start: int, end: int, budget: int) -> tuple[int, int]:
    """The part of *text* to show: all of it when it fits in *budget* cells, else the finding
    (cut at its end if it alone is too wide) with as much context on either side as fits,
    one cell kept for each "…"."""
    if len(text) <= 4 * budget and cell_len(_printable(text)) <= budget:
        return 0, len(text)
    room = budget - 2
    hi, used = start, 0
    while hi < min(end, len(text)) and used + _cells(text[hi]) <= room:
        used += _cells(text[hi])
        hi += 1
    if hi < end:  # the finding alone fills the line: show its start
        return start, max(hi, start + 1)
    lo, left = start, (room - used) // 2
    while lo > 0 and _cells(text[lo - 1]) <= left:
        left -= _cells(text[lo - 1])
        used += _cells(text[lo - 1])
        lo -= 1
    while hi < len(text) and used + _cells(text[hi]) <= room:
        used += _cells(text[hi])
        hi += 1
    while lo > 0 and used + _cells(text[lo - 1]) <= room:  # context the right side did not need
        used += _cells(text[lo - 1])
        lo -= 1
    return lo, hi


def _printable(text: str) -> str:
    return text.translate(_CONTROLS)


def _cells(char: str) -> int:
    return get_character_cell_size(_printable(char))


#: A tab shows as one space; other control characters as U+FFFD (never sent to the terminal).
_CONTROLS = {c: "\ufffd" for c in [*range(0x20), *range(0x7F, 0xA0)]} | {0x09: " "}
