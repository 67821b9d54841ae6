"""LanguageTool never starts silently: a line on stderr when textlint starts the server, a
spinner on a terminal while it starts, and no server at all from the Python API unless
the caller asks for LanguageTool. Real server, in a cache directory of the test's own."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

from test_languagetool_server import linked_cache

from textlint.languagetool import server

ROOT = Path(__file__).resolve().parent.parent
NOTICE = re.compile(r"textlint: starting LanguageTool \(first run in this session, ~(\d+) s; "
                    r"`--no-languagetool` to skip\)")
ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def environment(base: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "TEXTLINT_LANGUAGETOOL"}  # auto, as for a user
    return {**env, "TEXTLINT_CACHE_DIR": str(base)}


def run(base: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "textlint", *args], cwd=ROOT, capture_output=True, text=True,
                          env=environment(base), timeout=300)


def on_a_terminal(base: Path, *args: str) -> tuple[str, str, int]:
    """Run with standard error on a pseudo-terminal: what it showed, standard output, exit code."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "textlint", *args], cwd=ROOT, env=environment(base),
                            stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    screen = b""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            if not data:
                break
            screen += data
        elif proc.poll() is not None:
            break
    out = proc.stdout.read().decode()
    code = proc.wait()
    os.close(master)
    return screen.decode(errors="replace"), out, code


def test_the_python_api_never_starts_a_server_unasked(tmp_path):
    base = linked_cache(tmp_path)  # installed, not running: the CLI would start it (auto)
    code = ("import textlint; "
            "print(sorted({d.rule for d in textlint.lint('He go to school yesterday. We met the the mayor.')})); "
            "print(textlint.fix('We met the the mayor.').text)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         env=environment(base), timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout == "['cleanup.DoubledWord']\nWe met the mayor.\n"
    assert out.stderr == ""
    directory = base / "languagetool" / "server"
    assert not server.processes(directory) and not (directory / server.STATE).exists()


def test_a_start_is_announced_with_its_measured_time_and_a_spinner_on_a_terminal(tmp_path):
    base = linked_cache(tmp_path)
    doc = tmp_path / "he.txt"
    doc.write_text("He go to school yesterday.\n", encoding="utf-8")
    directory = base / "languagetool" / "server"
    try:
        # 1. not a terminal: the line, no spinner; the start is measured for the next notice
        first = run(base, "check", str(doc))
        assert first.returncode == 1 and "languagetool.HE_VERB_AGR" in first.stdout, first.stderr
        assert NOTICE.search(first.stderr), first.stderr
        assert "\x1b[" not in first.stderr and "Starting LanguageTool" not in first.stderr
        measured = float((directory / server.START_SECONDS).read_text(encoding="utf-8"))
        assert 1 < measured < 300

        # 2. running: nothing to announce
        again = run(base, "check", str(doc))
        assert again.returncode == 1 and "starting LanguageTool" not in again.stderr

        # 3. stopped, then on a terminal (a new text: cached results need no server): the
        # line announces the measured time; a spinner runs
        assert run(base, "languagetool", "stop").returncode == 0
        doc.write_text("He go to the market on Monday.\n", encoding="utf-8")
        screen, out, code = on_a_terminal(base, "check", str(doc))
        assert code == 1 and "languagetool.HE_VERB_AGR" in out
        shown = NOTICE.search(ESCAPE.sub("", screen))
        assert shown and int(shown.group(1)) == max(1, round(measured)), screen
        assert "Starting LanguageTool" in screen

        # 4. --no-languagetool: no server, no line
        assert run(base, "languagetool", "stop").returncode == 0
        off = run(base, "check", "--no-languagetool", str(doc))
        assert off.returncode == 0 and off.stderr == "All clean.\n"
        assert not server.processes(directory)
    finally:
        run(base, "languagetool", "stop")


def test_install_shows_maven_at_work_on_a_terminal(tmp_path):
    """A real install (Maven, from its local repository when the jars are there already) into
    an empty cache directory: a spinner on a terminal says Maven is working."""
    screen, out, code = on_a_terminal(tmp_path, "languagetool", "install")
    assert code == 0, screen + out
    assert "Maven: " in screen and ("resolving" in screen or "files downloaded" in screen)
    assert out.startswith("Resolving org.languagetool:languagetool-server:6.6")
    assert re.search(r"Installed LanguageTool 6\.6 in .* \(\d+ jars, \d+ MB, \d+ s\)", out)
