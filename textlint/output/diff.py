"""``--diff`` output: a unified diff, coloured on a terminal, with the changed characters marked.

Colour follows the conventions ruff follows: off when ``NO_COLOR`` is set to anything
non-empty; on when ``FORCE_COLOR`` is non-empty or ``CLICOLOR_FORCE`` is set and not
"0", even through a pipe; off when ``CLICOLOR`` is "0"; else on when standard output is
a terminal. The text is the same either way.
"""

from __future__ import annotations

import difflib
import os
from typing import TextIO

RESET = "\x1b[0m"
BOLD = "\x1b[1m"
RED = "\x1b[31m"
GREEN = "\x1b[32m"
CYAN = "\x1b[36m"
#: The characters a change touches: reverse video, so a one-space change shows as a block.
MARK = "\x1b[7m"
UNMARK = "\x1b[27m"


def color_wanted(stream: TextIO) -> bool:
    """Whether to colour what is written to *stream*."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR") or os.environ.get("CLICOLOR_FORCE", "0") != "0":
        return True
    if os.environ.get("CLICOLOR") == "0":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def write_diff(diff: str, out: TextIO) -> None:
    """Write a unified diff, coloured when :func:`color_wanted`."""
    out.write(colorize(diff) if color_wanted(out) else diff)


def colorize(diff: str) -> str:
    """The diff with ANSI colours: headers bold, hunk lines cyan, removed lines red, added
    lines green, and within a removed line and the added line that replaces it, the
    characters that differ in reverse video."""
    lines = diff.splitlines(keepends=True)
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("--- ") and lines[i + 1:i + 2] and lines[i + 1].startswith("+++ ") \
                and lines[i + 2:i + 3] and lines[i + 2].startswith("@@"):
            out += [_paint(BOLD, line), _paint(BOLD, lines[i + 1])]
            i += 2
        elif line.startswith("@@"):
            out.append(_paint(CYAN, line))
            i += 1
        elif line.startswith("-"):
            removed = _run(lines, i, "-")
            added = _run(lines, i + len(removed), "+")
            out += _pair(removed, added)
            i += len(removed) + len(added)
        elif line.startswith("+"):
            out.append(_paint(GREEN, line))
            i += 1
        else:
            out.append(line)
            i += 1
    return "".join(out)


def _run(lines: list[str], i: int, sign: str) -> list[str]:
    """The lines from *i* on that start with *sign* (a "No newline" marker belongs to its line)."""
    run: list[str] = []
    while i < len(lines) and (lines[i].startswith(sign) or (run and lines[i].startswith("\\"))):
        run.append(lines[i])
        i += 1
    return run


def _pair(removed: list[str], added: list[str]) -> list[str]:
    """Removed and added lines; when they pair up one to one, with the changes marked."""
    old = [line for line in removed if not line.startswith("\\")]
    new = [line for line in added if not line.startswith("\\")]
    if len(old) != len(new):
        return [_paint(RED if line[0] == "-" else GREEN, line) if line[0] in "-+" else line
                for line in removed + added]
    marked = [_marked(a[1:], b[1:]) for a, b in zip(old, new)]
    out = [_paint(RED, "-" + m[0]) for m in marked] + [line for line in removed if line.startswith("\\")]
    return out + [_paint(GREEN, "+" + m[1]) for m in marked] + [line for line in added if line.startswith("\\")]


def _marked(old: str, new: str) -> tuple[str, str]:
    """*old* and *new* with the characters that differ between them in reverse video."""
    a, b = old.rstrip("\n"), new.rstrip("\n")
    ours, theirs = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            ours.append(a[i1:i2])
            theirs.append(b[j1:j2])
        else:
            ours.append(MARK + a[i1:i2] + UNMARK if i2 > i1 else "")
            theirs.append(MARK + b[j1:j2] + UNMARK if j2 > j1 else "")
    return "".join(ours) + old[len(a):], "".join(theirs) + new[len(b):]


def _paint(color: str, line: str) -> str:
    """*line* in *color*, the colour reset before its line end."""
    body = line.rstrip("\n")
    return f"{color}{body}{RESET}{line[len(body):]}"
