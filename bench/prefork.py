"""The parent's work before a parallel run forks its workers: ``textlint ARGS`` stopped there.

    PYTHONPATH=TREE python bench/prefork.py check -q --no-languagetool -j 2 FOLDER
    PYTHONPATH=TREE valgrind --tool=callgrind --callgrind-out-file=/dev/null python bench/prefork.py check ... FOLDER

Runs textlint's command line (the code of the checkout TREE) until it would start its worker
processes (``textlint.runner._run_tasks``, which forks them; in older trees the pool was made
just before it), then runs the exit handlers (the caches a run writes at its end, also serial
work) and stops, printing the process's CPU time. Under valgrind, the instructions of that
serial part (Amdahl's S for ``bench/files.py --scaling``): unlike wall or CPU time, load does
not sway them.
"""

from __future__ import annotations

import atexit
import os
import runpy
import sys


def _stop(*args, **kwargs) -> None:
    """Stands in for ``runner._run_tasks``: ends the process where the workers would start."""
    atexit._run_exitfuncs()
    times = os.times()
    print(f"before the fork: CPU {times.user + times.system:.3f} s", file=sys.stderr)
    os._exit(0)


if __name__ == "__main__":
    import textlint.runner

    textlint.runner._run_tasks = _stop
    sys.argv = ["textlint", *sys.argv[1:]]
    runpy.run_module("textlint", run_name="__main__")
