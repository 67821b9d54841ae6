"""Text output: the plain line format and the terminal excerpt with caret and fix."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from rich.console import Console

from textlint.engine import Engine
from textlint.output import Report
from textlint.output.excerpt import excerpt
from textlint.output.text import write_plain, write_rich

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


# -- --diff: findings placed in the unchanged file, a coloured diff on a terminal (issue 13, item 5) --

import os
import pty
import re
import subprocess
import sys

from typer.testing import CliRunner

from textlint.cli import app

ANSI = re.compile(r"\x1b\[[0-9;]*m")
DIFF_TEXT = "Intro line.\nThe the man went to Russia.Moscow was cold.\n"


def run_on_a_terminal(*args: str, env: dict | None = None):
    """Run textlint with standard output on a pseudo-terminal: the process and what it printed."""
    leader, follower = pty.openpty()
    full_env = {k: v for k, v in os.environ.items()
                if k not in ("NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE", "CLICOLOR", "COLUMNS")}
    proc = subprocess.run([sys.executable, "-m", "textlint", *args], stdout=follower, stderr=subprocess.PIPE,
                          env={**full_env, **(env or {})}, timeout=120,
                          cwd=Path(__file__).resolve().parent.parent)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    return proc, b"".join(chunks).decode().replace("\r\n", "\n")


def test_findings_after_a_diff_give_positions_in_the_unchanged_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(DIFF_TEXT)
    result = CliRunner().invoke(app, ["check", "--no-languagetool", "--diff", str(path)])
    assert "-The the man went to Russia.Moscow was cold." in result.stdout
    # "Russia.Moscow" starts at column 21 of line 2 as the file is; 17 in the fixed text
    assert f"{path}:2:21: cleanup.MissingSpaceAfterPunctuation" in result.stderr
    assert ":2:17:" not in result.stderr
    assert path.read_text() == DIFF_TEXT


@pytest.mark.parametrize("env, colored", [({}, False), ({"FORCE_COLOR": "1"}, True), ({"CLICOLOR_FORCE": "1"}, True),
                                          ({"CLICOLOR_FORCE": "0"}, False),
                                          ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False)])
def test_the_diff_is_coloured_only_when_asked_or_on_a_terminal(tmp_path, env, colored):
    path = tmp_path / "a.txt"
    path.write_text(DIFF_TEXT)
    result = CliRunner(env={"NO_COLOR": "", "FORCE_COLOR": "", "CLICOLOR_FORCE": None, "CLICOLOR": None,
                            **env}).invoke(
        app, ["check", "--no-languagetool", "--diff", str(path)])
    assert ("\x1b[" in result.stdout) is colored
    plain = ANSI.sub("", result.stdout)
    assert "-The the man went to Russia.Moscow was cold.\n+The man went to Russia.Moscow was cold.\n" in plain


def test_the_diff_on_a_terminal_is_coloured_with_the_change_marked(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("One two three.\nThe rest is in the table.The end.\n")
    proc, out = run_on_a_terminal("check", "--no-languagetool", "--diff", str(path))
    assert proc.returncode == 1
    assert "\x1b[31m-The rest is in the table.The end.\x1b[0m" in out
    # the one inserted space is marked (reverse video) in the added line
    assert "\x1b[32m+The rest is in the table.\x1b[7m \x1b[27mThe end.\x1b[0m" in out
    assert ANSI.sub("", out).count("+The rest is in the table. The end.") == 1


# -- --statistics marks (issue 13, item 6) ------------------------------------------------------


def test_statistics_mark_safe_fixes_with_a_star_and_unsafe_only_fixes_with_a_dash():
    from textlint.diagnostics import Applicability, Diagnostic, Fix
    from textlint.document import Document
    from textlint.output.text import statistics

    doc = Document("abcdefghij", "a.txt")
    safe, unsafe = Applicability.SAFE, Applicability.UNSAFE
    found = [Diagnostic("a.Safe", "s", 0, 1, fix=Fix.replace(0, 1, "x", safe)),
             Diagnostic("a.Safe", "s", 1, 2, fix=Fix.replace(1, 2, "x", unsafe)),
             Diagnostic("b.Unsafe", "u", 2, 3, fix=Fix.replace(2, 3, "x", unsafe)),
             Diagnostic("c.Shown", "d", 3, 4, fix=Fix.replace(3, 4, "x", Applicability.DISPLAY_ONLY)),
             Diagnostic("d.None", "n", 4, 5)]
    out = io.StringIO()
    statistics([Report(doc, found)], out)
    assert out.getvalue().splitlines() == ["2  a.Safe    [*] s", "1  b.Unsafe  [-] u",
                                           "1  c.Shown       d", "1  d.None        n"]


def test_statistics_of_the_seed_mark_unsafe_only_rules_with_a_dash():
    result = CliRunner().invoke(app, ["check", "--no-languagetool", "--statistics",
                                      str(Path(__file__).resolve().parent.parent / "fixtures/seed-article.txt")])
    lines = {line.split()[1]: line for line in result.stdout.splitlines()}
    assert "[-]" in lines["cleanup.Garbles"] and "[*]" not in lines["cleanup.Garbles"]
    assert "[*]" in lines["spacing.RunOnWord"]


# -- the excerpt fits the terminal, the caret under the flagged text (issue 13, item 7) -------------

from rich.cells import cell_len


def _under_caret(rendered: str) -> tuple[str, list[str]]:
    """The text of the excerpt line from the caret's column on, and the lines printed."""
    lines = rendered.splitlines()
    source, carets = lines[1], lines[2]
    column = carets.index("^")
    cells, i = 0, 0
    while cells < column:
        cells += cell_len(source[i])
        i += 1
    assert cells == column, "the caret points into the middle of a wide character"
    return source[i:], lines


def _words(n: int, sep: str = " ") -> str:
    return sep.join(f"w{i}" for i in range(n))


@pytest.mark.parametrize("before, after", [
    (_words(40) + " and ", " " + _words(40)),
    ("".join(chr(0x4E00 + i) for i in range(70)) + " and ", " " + "".join(chr(0x4E80 + i) for i in range(70))),
    (_words(30, "\t") + " and ", " " + _words(50)),
    ("e\u0301" * 100 + " and ", ""),
    ("", " " + _words(60)),
], ids=["ascii", "wide", "tabs", "combining", "line-start"])
@pytest.mark.parametrize("width", [80, 60])
def test_the_excerpt_fits_the_width_and_the_caret_points_at_the_word(before, after, width):
    engine = Engine()
    text = "Intro.\n" + before + "the the" + after + "\n"
    r = Report(engine.document(text, "a.txt"), [d for d in engine.lint(text, "a.txt").diagnostics
                                                 if d.rule == "cleanup.DoubledWord"])
    assert len(r.diagnostics) == 1
    out = io.StringIO()
    write_rich([r], Console(file=out, width=width, no_color=True))
    rest, lines = _under_caret(out.getvalue())
    assert rest.startswith("the the")
    assert cell_len(lines[1]) <= width and cell_len(lines[2]) <= width
    assert lines[2].count("^") == 7
    if cell_len(before + "the the" + after) + 8 > width:
        assert "…" in lines[1]


def test_a_finding_wider_than_the_terminal_shows_its_start():
    engine = Engine()
    d_text = "x " * 10 + "y" * 200
    from textlint.diagnostics import Diagnostic

    doc = engine.document(d_text, "a.txt")
    r = Report(doc, [Diagnostic("t.Long", "long", 20, 220)])
    out = io.StringIO()
    write_rich([r], Console(file=out, width=80, no_color=True))
    rest, lines = _under_caret(out.getvalue())
    assert rest.startswith("yyy") and rest.endswith("…")
    assert cell_len(lines[1]) <= 80 and cell_len(lines[2]) <= 80


def test_at_80_columns_on_a_terminal_the_excerpt_fits(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Intro.\n" + _words(30) + " and the the Kremlin " + _words(30) + ".\n")
    proc, out = run_on_a_terminal("check", "--no-languagetool", "--select", "cleanup.DoubledWord", str(path),
                                  env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert proc.returncode == 1
    lines = ANSI.sub("", out).splitlines()
    i = next(n for n, line in enumerate(lines) if "cleanup.DoubledWord" in line)
    rest, _ = _under_caret("\n".join(lines[i:i + 3]))
    assert rest.startswith("the the")
    assert all(cell_len(line) <= 80 for line in lines[i + 1:i + 3])


@pytest.mark.parametrize("path", ["a.txt", 'dir "q"/b\\c\u00e9\u2028.md'])
def test_json_output_is_the_text_json_dumps_writes(path):
    """--format json writes each finding's values itself: the text must be json.dumps's, with
    a fix (nested), without one (null), non-ASCII, quotes, backslashes and control characters."""
    import json

    from textlint.output import record
    from textlint.output.json import write_json

    text = "Intro \u201cline\u201d.\n\nIn December 2021 the the Kremlin\u00a0said \"x\"\\\t it.\n\nThe the end.\n"
    engine = Engine()
    reports = [Report(engine.document(text, path), engine.lint(text, path).diagnostics)]
    assert len(reports[0].diagnostics) >= 2 and any(d.fix for d in reports[0].diagnostics)
    import dataclasses

    reports[0].diagnostics.append(dataclasses.replace(reports[0].diagnostics[0], fix=None,
                                                      message="tab\there \"q\" \x01 \u00e9"))
    for given in (reports, []):
        out = io.StringIO()
        write_json(given, out)
        items = [record(r, d) for r in given for d in r.diagnostics]
        assert out.getvalue() == json.dumps(items, ensure_ascii=False, indent=2) + "\n"
