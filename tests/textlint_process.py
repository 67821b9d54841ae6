"""Run the textlint command line in a subprocess: for named pipes, devices, file modes and
broken standard output, which an in-process test cannot show (or would hang on)."""

from __future__ import annotations

import ctypes
import os
import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PR_CAPBSET_DROP = 24
#: The capabilities that let root read, write and search whatever the file modes say.
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 1, 2
#: A run that read /dev/zero into memory stops here with a MemoryError instead of swapping.
MEMORY_LIMIT = 4 * 2**30


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _unprivileged() -> None:
    """In the child, before exec: limit memory and, as root, drop the capabilities that bypass
    file modes from the bounding set, so that the program run has them neither (tests run as
    root in CI; a plain user has none of them anyway)."""
    _limit_memory()
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "textlint", *args]


def environment() -> dict[str, str]:
    """This checkout's package first on the path; LanguageTool off."""
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONPATH": path, "TEXTLINT_LANGUAGETOOL": "off"}


def textlint(*args: str, cwd: Path, unprivileged: bool = False, timeout: float = 120,
             before_exec=None, **popen) -> subprocess.CompletedProcess:
    """``python -m textlint ARGS`` in *cwd* with at most 4 GiB of memory; *unprivileged*:
    without root's power to ignore file modes; *before_exec* runs in the child."""
    def prepare() -> None:
        (_unprivileged if unprivileged else _limit_memory)()
        if before_exec:
            before_exec()

    if "stdout" not in popen and "stderr" not in popen:
        popen["capture_output"] = True
    return subprocess.run(command(*args), cwd=cwd, env=environment(), text=True, timeout=timeout,
                          preexec_fn=prepare, **popen)


def python_script(script: str, *args: str, cache: Path) -> subprocess.CompletedProcess:
    """``python -c SCRIPT ARGS`` with this checkout's package and the user cache in *cache*:
    what one process keeps there, the next one reads back."""
    env = {**environment(), "TEXTLINT_CACHE_DIR": str(cache)}
    return subprocess.run([sys.executable, "-c", script, *args], env=env, capture_output=True,
                          text=True, timeout=120)
