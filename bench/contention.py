"""What running two checking processes at once costs each of them: two forked children check
one half of ``bench/files.py``'s Markdown files each, one after the other and then at the
same time, and print their CPU times.

    python bench/contention.py [--files 1000] [--rounds 4]

The parent loads what a parallel ``check`` loads before it forks (the engine, the first file,
the lexicon's dicts: ``Runner.check_paths``), so both children start from the same state and
do the same work in both modes: no task cutting, no line repairs handed between them, no
pickling. The CPU the concurrent pair takes beyond the sequential pair is what the two cores
cost each other (shared cache and memory), not textlint's code; ``bench/cpu_scaling.py``'s
loop, which fits in a core's own cache, does not see it. The modes alternate round by round.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from files import make_tree

from textlint.config import ConfigFinder
from textlint.engine import Overrides
from textlint.lexicon import prepare_for
from textlint.runner import Runner


def child(runner: Runner, files: list[Path], out: int) -> int:
    """A forked process that checks *files* and writes its CPU time (user + system) to *out*."""
    pid = os.fork()
    if pid == 0:
        for path in files:
            runner.check_path(path)
        times = os.times()
        os.write(out, f"{times.user + times.system:.3f}\n".encode())
        os._exit(0)
    return pid


def pair(runner: Runner, halves: list[list[Path]], concurrent: bool) -> list[float]:
    """The two children's CPU times, run one after the other or at the same time."""
    read, write = os.pipe()
    pids = []
    for half in halves:
        pids.append(child(runner, half, write))
        if not concurrent:
            os.waitpid(pids[-1], 0)
    for pid in pids if concurrent else []:
        os.waitpid(pid, 0)
    os.close(write)
    with os.fdopen(read) as f:
        return [float(line) for line in f]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=4)
    args = ap.parse_args()
    excess = []
    with tempfile.TemporaryDirectory() as tmp:
        make_tree(Path(tmp), args.files)
        paths = sorted(Path(tmp).rglob("*.md"))
        runner = Runner(ConfigFinder(), Overrides(languagetool=False))
        runner.check_path(paths[0])
        prepare_for(sum(p.stat().st_size for p in paths) // 2)
        middle = len(paths) // 2
        halves = [paths[1:middle], paths[middle:]]
        gc.freeze()
        for r in range(args.rounds):
            cpu = {}
            for concurrent in (False, True) if r % 2 == 0 else (True, False):
                cpu[concurrent] = pair(runner, halves, concurrent)
            excess.append(sum(cpu[True]) / sum(cpu[False]) - 1)
            print(f"  round {r + 1}: one after the other {' + '.join(f'{t:.2f}' for t in cpu[False])} s, "
                  f"at the same time {' + '.join(f'{t:.2f}' for t in cpu[True])} s: {excess[-1]:+.1%}", flush=True)
    print(f"at the same time: {', '.join(f'{x:+.1%}' for x in excess)} (median {statistics.median(excess):+.1%}) CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
