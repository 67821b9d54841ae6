"""A usage error on piped output is a message, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_an_unknown_option_with_stderr_a_pipe_prints_usage_not_a_traceback(tmp_path):
    # click asks with write(b"") whether a stream takes bytes; the guarded stream said yes
    (tmp_path / "a.txt").write_text("Fine.\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "textlint", "check", "--no-such-option", str(tmp_path / "a.txt")],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "No such option: --no-such-option" in done.stderr


def test_help_through_a_pipe():
    done = subprocess.run([sys.executable, "-m", "textlint", "check", "--help"], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert "Usage:" in done.stdout
