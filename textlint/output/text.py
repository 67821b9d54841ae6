"""``--format text``: ``path:line:col: rule message``; on a terminal, an excerpt and the fix."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from ..diagnostics import Applicability, Diagnostic
from . import Report

_MARK = {Applicability.SAFE: " [*]", Applicability.UNSAFE: " [-]", Applicability.DISPLAY_ONLY: ""}


def headline(report: Report, d: Diagnostic) -> str:
    line, col = report.doc.position(d.start)
    mark = _MARK[d.fix.applicability] if d.fix else ""
    return f"{report.doc.path}:{line}:{col}: {d.rule} {d.message}{mark}"


def write_plain(reports: list[Report], out: TextIO) -> None:
    for r in reports:
        for d in r.diagnostics:
            out.write(headline(r, d) + "\n")


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

    from .excerpt import excerpt  # (rich's cell widths are imported only for a terminal)

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
