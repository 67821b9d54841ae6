"""Findings stream as each file is done; a progress bar shows on a terminal, never elsewhere.

The runs are real subprocesses reading a folder big enough that checking it takes
seconds: the tests read the output as it comes and stop the run once they have seen
what they look for.
"""

from __future__ import annotations

import json
import os
import pty
import re
import select
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROSE = (ROOT / "fixtures" / "prose" / "news-paragraphs.txt").read_text(encoding="utf-8")
FIRST = "We met the the mayor.\n"
#: An unsafe-only finding in every copy of the prose (it stays after --fix).
BLOCK = PROSE.replace("spend two hours", "spend two two hours") + "\n\n"
ESCAPE = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")


def folder(path: Path, files: int, size: int) -> Path:
    """*files* files of about *size* bytes of prose after a small first file with a finding."""
    path.mkdir()
    (path / "0-first.txt").write_text(FIRST, encoding="utf-8")
    for i in range(files):
        (path / f"part-{i:02}.txt").write_text(BLOCK * (size // len(BLOCK) + 1), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    """20 MB of text in 20 files (the same prose again and again: about 2 s of checking on
    one core of the development machine, most of it the first copy's)."""
    return folder(tmp_path_factory.mktemp("stream") / "big", 20, 1_000_000)


def start(*args: str, stdout=subprocess.PIPE, stderr=subprocess.PIPE) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "textlint", "check", "--no-languagetool", *args],
                            stdout=stdout, stderr=stderr, cwd=ROOT, start_new_session=True)


class Reader:
    """Reads a run's standard output as it comes, in a thread (so that the run never waits
    on a full pipe), keeping every line."""

    def __init__(self, proc: subprocess.Popen) -> None:
        self.lines: list[bytes] = []
        self.first = threading.Event()
        self.thread = threading.Thread(target=self._read, args=(proc.stdout,), daemon=True)
        self.thread.start()

    def _read(self, stream) -> None:
        for line in stream:
            self.lines.append(line)
            self.first.set()
        self.first.set()

    def first_line_and_end(self, proc: subprocess.Popen, started: float) -> tuple[bytes, float, float]:
        """The first line, and the seconds from *started* (before the run began) until it came
        and until the run ended."""
        assert self.first.wait(120) and self.lines, proc.stderr.read()
        came = time.monotonic() - started
        proc.wait(300)
        return self.lines[0], came, time.monotonic() - started

    def first_line(self, proc: subprocess.Popen) -> tuple[bytes, bool]:
        """The first line, and whether the run was still going a second after it came."""
        assert self.first.wait(120) and self.lines, proc.stderr.read()
        time.sleep(1.0)  # a run that printed everything at its end would be gone by now
        return self.lines[0], proc.poll() is None


def stop(proc: subprocess.Popen) -> None:
    """End the run and its worker processes (its process group, as Ctrl-C would)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.communicate()


@pytest.mark.parametrize("args", [["-j", "1"], ["-j", "2"], ["--format", "jsonl", "-j", "1"],
                                  ["--format", "jsonl", "-j", "2"]])
def test_the_first_findings_print_before_the_run_ends(big, args):
    # (timed against the run's own length, not a fixed second: a run that printed everything
    # at its end would print its first line at its end, however fast the machine)
    started = time.monotonic()
    proc = start(*args, str(big))
    try:
        line, came, ended = Reader(proc).first_line_and_end(proc, started)
        assert came < ended / 2, f"the first finding came at {came:.2f} s, the run ended at {ended:.2f} s"
        if "jsonl" in args:
            assert json.loads(line)["path"].endswith("0-first.txt")
        else:
            assert b"0-first.txt:1:8: cleanup.DoubledWord" in line
    finally:
        stop(proc)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_streamed_run_prints_every_finding_once_in_file_order(tmp_path, jobs):
    """Streaming changes when findings print, not what: the same lines as one document."""
    small = folder(tmp_path / "small", 9, 20_000)
    streamed = subprocess.run([sys.executable, "-m", "textlint", "check", "--no-languagetool", "-j", jobs,
                               "--format", "jsonl", str(small)], capture_output=True, text=True, cwd=ROOT)
    whole = subprocess.run([sys.executable, "-m", "textlint", "check", "--no-languagetool", "-j", jobs,
                            "--format", "json", str(small)], capture_output=True, text=True, cwd=ROOT)
    records = [json.loads(line) for line in streamed.stdout.splitlines()]
    assert records == json.loads(whole.stdout)
    paths = [r["path"] for r in records]
    assert paths == sorted(paths) and len(set(paths)) == 10
    assert streamed.returncode == whole.returncode == 1


def test_fix_streams_what_remains_and_still_fixes_every_file(tmp_path):
    # (enough files that the run lasts seconds after the first one: the repeated prose's
    # lines are analysed once, so each file after the first takes about 0.04 s of a worker)
    files = 108
    work = folder(tmp_path / "work", files, 400_000)
    proc = start("--fix", "-j", "2", str(work))
    reader = Reader(proc)
    line, running = reader.first_line(proc)
    err = proc.stderr.read()  # a few lines
    proc.wait()
    reader.thread.join()
    assert running, "the run ended right after its first remaining finding was printed"
    assert b"part-00.txt:3:140: cleanup.DoubledWord 'two' is repeated [-]" in line
    assert (work / "0-first.txt").read_text(encoding="utf-8") == "We met the mayor.\n"
    assert b"Fixed 1 problem in 1 file" in err
    assert len(reader.lines) == files * (400_000 // len(BLOCK) + 1)


def on_a_terminal(*args: str, stdout_too: bool = False, seconds: float = 6.0,
                  until: bytes | None = None) -> tuple[bytes, bytes, float | None, bool]:
    """Run with standard error (and with *stdout_too* standard output) on a pseudo-terminal;
    return what the terminal and the pipe received, when the terminal first showed *until*
    (seconds after the start) and whether the run was still going then."""
    master, slave = pty.openpty()
    started = time.monotonic()
    proc = start(*args, stdout=slave if stdout_too else subprocess.PIPE, stderr=slave)
    os.close(slave)
    screen = piped = b""
    seen, running = None, False
    streams = [master] + ([] if stdout_too else [proc.stdout])
    try:
        while time.monotonic() - started < seconds and streams:
            ready, _, _ = select.select(streams, [], [], 0.05)
            for stream in ready:
                data = os.read(stream if stream == master else stream.fileno(), 65536)
                if not data:
                    streams.remove(stream)
                elif stream == master:
                    screen += data
                else:
                    piped += data
            if until is not None and seen is None and until in ESCAPE.sub(b"", screen):
                seen, running = time.monotonic() - started, proc.poll() is None
                break
            if not ready and proc.poll() is not None:
                break
    except OSError:  # the terminal closed: the run ended
        pass
    finally:
        stop(proc)
        os.close(master)
    return screen, piped, seen, running


def test_a_20_mb_folder_shows_progress_within_a_second_on_a_terminal(big):
    screen, _, seen, running = on_a_terminal(str(big), until=b"Checking")
    assert seen is not None, screen[-500:]
    assert running
    # start-up (~0.3 s) + DELAY (0.3 s); generous for a loaded machine
    assert seen < 1.5, f"the progress bar appeared after {seen:.2f} s"
    assert re.search(rb"Checking .* \d+/21 files", ESCAPE.sub(b"", screen))


def test_progress_and_findings_share_a_terminal_without_mixing(big):
    screen, _, seen, _ = on_a_terminal(str(big), "-j", "1", stdout_too=True, until=b"part-00.txt:3:140")
    assert seen is not None
    text = ESCAPE.sub(b"", screen).replace(b"\r\n", b"\n")
    assert b"0-first.txt:1:8: cleanup.DoubledWord" in text
    for line in text.split(b"\n"):
        if b"cleanup.DoubledWord" in line:  # each finding's line is whole: no bar glued to it
            assert b"Checking" not in line and line.lstrip(b"\r").startswith(bytes(str(big), "utf-8"))


@pytest.mark.parametrize("args", [["--no-progress"], ["--quiet"]])
def test_no_progress_on_a_terminal_when_asked(big, args):
    screen, _, _, _ = on_a_terminal(str(big), *args, seconds=2.5)
    assert b"Checking" not in screen


def test_no_progress_when_standard_error_is_not_a_terminal(tmp_path):
    small = folder(tmp_path / "small", 4, 200_000)  # ~1 s: longer than the bar's delay
    result = subprocess.run([sys.executable, "-m", "textlint", "check", "--no-languagetool", "-j", "1", str(small)],
                            capture_output=True, cwd=ROOT)
    assert result.returncode == 1
    assert b"Checking" not in result.stderr and b"\x1b[" not in result.stderr
    assert result.stderr.decode().startswith(f"{len(result.stdout.splitlines())} problems found")
