"""``--format text``: ``path:line:col: rule message``; on a terminal, an excerpt and the fix."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from rich.cells import cell_len, get_character_cell_size

from ..diagnostics import Applicability, Diagnostic
from . import Report

#: Characters of a long line shown on either side of a finding.
CONTEXT = 60
_MARK = {Applicability.SAFE: " [*]", Applicability.UNSAFE: " [-]", Applicability.DISPLAY_ONLY: ""}


def headline(report: Report, d: Diagnostic) -> str:
    line, col = report.doc.position(d.start)
    mark = _MARK[d.fix.applicability] if d.fix else ""
    return f"{report.doc.path}:{line}:{col}: {d.rule} {d.message}{mark}"


def write_plain(reports: list[Report], out: TextIO) -> None:
    for r in reports:
        for d in r.diagnostics:
            out.write(headline(r, d) + "\n")


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


def fix_preview(report: Report, d: Diagnostic) -> str | None:
    if d.fix is None or not d.fix.edits:
        return None
    text = report.doc.text
    before = text[d.start:d.end]
    after = d.fix.apply(text[:d.end])[d.start:] if d.fix.end <= d.end else None
    label = {Applicability.SAFE: "safe fix", Applicability.UNSAFE: "unsafe fix",
             Applicability.DISPLAY_ONLY: "suggestion"}[d.fix.applicability]
    if after is None:
        return f"{label}: {d.fix.title or ''}"
    return f"{label}: {before!r} → {after!r}"


def write_rich(reports: list[Report], console) -> None:
    """Findings with a source excerpt, a caret and the fix, for a terminal."""
    from rich.markup import escape

    colors = {"error": "red", "warning": "yellow", "info": "blue"}
    for r in reports:
        for d in r.diagnostics:
            line, col = r.doc.position(d.start)
            mark = _MARK[d.fix.applicability] if d.fix else ""
            console.print(
                f"[bold]{escape(r.doc.path)}:{line}:{col}:[/] "
                f"[{colors[d.severity.value]}]{escape(d.rule)}[/] {escape(d.message)}"
                f"[cyan]{escape(mark)}[/]", highlight=False, soft_wrap=True)
            gutter = f"{r.doc.position(d.start)[0]:>5} | "
            text, caret, width, number = excerpt(r, d, console.width - len(gutter))
            console.print(f"[dim]{gutter}[/]{escape(text)}", highlight=False, soft_wrap=True)
            console.print(" " * (len(gutter) - 2) + "[dim]|[/] " + " " * caret
                          + f"[{colors[d.severity.value]}]{'^' * width}[/]", highlight=False)
            preview = fix_preview(r, d)
            if preview:
                console.print(" " * (len(gutter) - 2) + f"[dim]=[/] [green]{escape(preview)}[/]",
                              highlight=False, soft_wrap=True)
            console.print()


def statistics(reports: list[Report], out: TextIO) -> None:
    """One line per rule: count, id, fix mark and an example message.

    The mark is that of the findings: ``[*]`` when some finding of the rule has a safe fix
    (``--fix`` fixes it), ``[-]`` when its fixes are all unsafe (``--fix --unsafe-fixes``),
    blank when none can be applied.
    """
    counts: Counter[str] = Counter()
    best: dict[str, int] = {}
    example: dict[str, str] = {}
    for r in reports:
        for d in r.diagnostics:
            counts[d.rule] += 1
            rank = _STAT_RANK.get(d.fix.applicability, 2) if d.fix else 2
            best[d.rule] = min(best.get(d.rule, 2), rank)
            example.setdefault(d.rule, d.message)
    width = max((len(str(n)) for n in counts.values()), default=1)
    rule_width = max((len(k) for k in counts), default=1)
    for rule, n in counts.most_common():
        mark = ("[*]", "[-]", "   ")[best[rule]]
        out.write(f"{n:>{width}}  {rule:<{rule_width}}  {mark} {example[rule]}\n")


_STAT_RANK = {Applicability.SAFE: 0, Applicability.UNSAFE: 1}
