"""CPU time of ``textlint check -j 1`` against ``-j 2`` on the 1,000 Markdown files of
``bench/files.py``, process by process: what two idle cores would give, measured on a busy
machine (CPU time, which other jobs sway far less than wall time).

    python bench/worker_cpu.py [--files 1000] [--rounds 3] [--tree NAME=PATH ...]

Each round runs, per tree (interleaved), the serial check and the two-worker check with
``_check_in_worker`` and ``ProcessPoolExecutor`` wrapped to print CPU times: the parent's
before the pool starts (start-up, the first file, the lexicon's dicts: the serial part),
each worker's at the end of each task (a forked process starts from zero), and the
parent's at exit. Two idle cores would take the parent's part plus the busier worker's, so
the ratio printed is serial CPU ÷ (parent before the fork + the larger worker's CPU): a
model, which leaves out what wall time adds (forking, the workers' exit, the parent's own
CPU after the fork, printed as "after", which shares the two cores with the workers). Beside
it, the bound with the workers' CPU split evenly, serial ÷ (before + workers' sum / 2):
Amdahl's law with the serial part as measured, which no task order can pass. Each round also
prints s, the parent's share of the serial run's CPU before the fork, with Amdahl's ratio
1 / (s + (1 - s) / 2), and the workers' excess: their CPU together over the serial run's less
the parent's part (work that each worker repeats, and what running two processes at once
costs each of them).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from files import make_tree  # noqa: E402

_WRAPPER = """
import atexit, concurrent.futures, os, runpy, sys, time
import textlint.runner as runner
check = runner._check_in_worker
def timed(*args):
    out = check(*args)
    os.write(2, f"W {os.getpid()} {time.process_time():.4f}\\n".encode())  # one write: the workers share stderr
    return out
timed.__qualname__ = "timed"
runner._check_in_worker = timed
Pool = concurrent.futures.ProcessPoolExecutor
class Timed(Pool):
    def __init__(self, *a, **k):
        print(f"P {time.process_time():.4f}", file=sys.stderr, flush=True)
        super().__init__(*a, **k)
concurrent.futures.ProcessPoolExecutor = Timed
atexit.register(lambda: print(f"E {os.getpid()} {time.process_time():.4f}", file=sys.stderr, flush=True))
sys.argv = ["textlint"] + sys.argv[1:]
runpy.run_module("textlint", run_name="__main__")
"""


def cpu(tree: Path, folder: Path, jobs: int) -> tuple[float, float, dict[str, float]]:
    """(the main process's CPU time at exit, at the pool's start, each worker's last)."""
    env = dict(os.environ, PYTHONPATH=str(tree),
               PYTHONPYCACHEPREFIX=str(Path(tempfile.gettempdir()) / "textlint-files-pycache" / tree.name))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    done = subprocess.run([sys.executable, "-c", _WRAPPER, "check", "-q", "--statistics", "--no-languagetool",
                           "-j", str(jobs), str(folder)], capture_output=True, text=True, env=env, cwd=tree)
    end = pre = 0.0
    workers: dict[str, float] = {}
    for line in done.stderr.splitlines():
        kind, *rest = line.split()
        if kind == "E":
            end = float(rest[1])
        elif kind == "P":
            pre = float(rest[0])
        elif kind == "W":
            workers[rest[0]] = float(rest[1])
    return end, pre, workers


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--tree", action="append", default=[], metavar="NAME=PATH")
    args = ap.parse_args()
    trees = [("textlint", ROOT)] + [(n, Path(p).resolve()) for n, p in (t.split("=", 1) for t in args.tree)]
    ratios: dict[str, list[float]] = {name: [] for name, _ in trees}
    bounds: dict[str, list[float]] = {name: [] for name, _ in trees}
    with tempfile.TemporaryDirectory() as tmp:
        make_tree(Path(tmp), args.files)
        for name, tree in trees:
            cpu(tree, Path(tmp), 1)  # bytecode
        for r in range(args.rounds):
            for name, tree in trees if r % 2 == 0 else trees[::-1]:
                serial, _, _ = cpu(tree, Path(tmp), 1)
                end, pre, workers = cpu(tree, Path(tmp), 2)
                ratios[name].append(serial / (pre + max(workers.values())))
                bounds[name].append(serial / (pre + sum(workers.values()) / 2))
                share = pre / serial
                excess = sum(workers.values()) / (serial - pre) - 1
                print(f"  round {r + 1}, {name}: serial {serial:.2f} s; parent before the fork {pre:.2f} s "
                      f"(s = {share:.1%}: Amdahl {1 / (share + (1 - share) / 2):.2f}x), after {end - pre:.2f} s, "
                      f"workers {' + '.join(f'{w:.2f}' for w in workers.values())} s ({excess:+.1%} over the serial "
                      f"run's part); {ratios[name][-1]:.2f}x (evenly split: {bounds[name][-1]:.2f}x)", flush=True)
    for name, values in ratios.items():
        print(f"{name}: {', '.join(f'{x:.2f}' for x in values)} (median {statistics.median(values):.2f}x; "
              f"evenly split {statistics.median(bounds[name]):.2f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
