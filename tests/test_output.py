"""Text output: the plain line format and the terminal excerpt with caret and fix."""

from __future__ import annotations

import io

from rich.console import Console

from textlint.engine import Engine
from textlint.output import Report
from textlint.output.text import excerpt, write_plain, write_rich

TEXT = "Intro line.\n\nIn December 2021 the the Kremlin announced it.\n"


def report() -> Report:
    engine = Engine()
    return Report(engine.document(TEXT, "a.txt"), engine.lint(TEXT, "a.txt").diagnostics)


def test_plain_lines_are_path_line_col_rule_message():
    out = io.StringIO()
    write_plain([report()], out)
    assert out.getvalue() == "a.txt:3:18: cleanup.DoubledWord 'the' is repeated [*]\n"


def test_terminal_output_shows_the_line_a_caret_and_the_fix():
    out = io.StringIO()
    write_rich([report()], Console(file=out, width=120, no_color=True))
    lines = out.getvalue().splitlines()
    assert lines[0] == "a.txt:3:18: cleanup.DoubledWord 'the' is repeated [*]"
    assert lines[1] == "    3 | In December 2021 the the Kremlin announced it."
    assert lines[2] == "      |                  ^^^^^^^"
    assert lines[3] == "      = safe fix: 'the the' → 'the'"


def test_excerpt_of_a_long_line_is_clipped_around_the_finding():
    engine = Engine()
    text = "one two three " * 5_000 + "the the end"
    r = Report(engine.document(text), engine.lint(text).diagnostics)
    line, caret, width, number = excerpt(r, r.diagnostics[0])
    assert number == 1 and len(line) < 200
    assert line[caret:caret + width] == "the the"
