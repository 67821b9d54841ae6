"""Run code in a fresh interpreter under a wall-clock limit.

A test of speed must fail, not hang the suite, when something turns quadratic
again: the code runs in a child process that is killed at the limit. The limits
are generous (linear code takes a small fraction of them) and the inputs are
sized so that the quadratic code they guard against takes minutes.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_within(seconds: float, code: str) -> str:
    """Run the Python source *code* from the repository root and return what it printed;
    fail the test when it takes longer than *seconds* or exits with an error."""
    try:
        proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT,
                              capture_output=True, text=True, timeout=seconds)
    except subprocess.TimeoutExpired:
        pytest.fail(f"still running after {seconds:g} s: the work is no longer linear in its input")
    assert proc.returncode == 0, proc.stderr
    return proc.stdout
