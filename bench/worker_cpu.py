"""CPU time of ``textlint check -j 1`` against ``-j 2`` on the 1,000 Markdown files of
``bench/files.py``, process by process: what two idle cores would give, measured on a busy
machine (CPU time, which other jobs sway far less than wall time).

    python bench/worker_cpu.py [--files 1000] [--rounds 3] [--tree NAME=PATH ...]

Each round runs, per tree (interleaved), the serial check and the two-worker check with
``_check_in_worker`` and ``_run_tasks`` wrapped to print CPU times: the parent's
before the workers start (start-up, the first file, the lexicon's dicts: the serial part),
each worker's at the end of each task (a forked process starts from zero), and the
parent's when the workers have ended; the whole run's CPU (every process, the interpreter's
exit included) is read when it ends (``os.wait4``). Two idle cores would take the parent's
part before the fork, the busier worker's, and the parent's end (after the workers ended:
the report, the exit handlers, the interpreter's exit, and the workers' own exit), so the
ratio printed is serial CPU ÷ (before + the larger worker's CPU + end): a model, which
leaves out what wall time adds (forking, and the parent's own CPU while the workers run,
printed as "during", which shares the two cores with the workers). Beside it, the bound
with the workers' CPU split evenly, serial ÷ (before + workers' sum / 2 + end): Amdahl's law
with the serial part as measured, which no task order can pass. Each round also prints s,
the parent's share of the serial run's CPU before the fork, with Amdahl's ratio
1 / (s + (1 - s) / 2), and the workers' excess: their CPU together over the serial run's less
the parent's parts (work that each worker repeats, and what running two processes at once
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
import os, runpy, sys, time
import textlint.runner as runner
check = runner._check_in_worker
def timed(*args):
    out = check(*args)
    os.write(2, f"W {os.getpid()} {time.process_time():.4f}\\n".encode())  # one write: the workers share stderr
    return out
timed.__qualname__ = "timed"
runner._check_in_worker = timed
def closed(close):
    def wrapped(*args, **kwargs):
        out = close(*args, **kwargs)
        print(f"C {time.process_time():.4f}", file=sys.stderr, flush=True)
        return out
    return wrapped
run_tasks = runner._run_tasks
def starting(*args):
    print(f"P {time.process_time():.4f}", file=sys.stderr, flush=True)
    if "concurrent.futures.process" in sys.modules:  # a tree whose workers are a ProcessPoolExecutor
        Pool = sys.modules["concurrent.futures.process"].ProcessPoolExecutor
        Pool.shutdown = closed(Pool.shutdown)  # (what its __exit__ calls)
    else:
        import textlint.forkpool as forkpool
        forkpool.close = closed(forkpool.close)
    return run_tasks(*args)
runner._run_tasks = starting
sys.argv = ["textlint"] + sys.argv[1:]
runpy.run_module("textlint", run_name="__main__")
"""


def cpu(tree: Path, folder: Path, jobs: int) -> tuple[float, float, float, dict[str, float]]:
    """(the whole run's CPU, every process; the main process's at the pool's start and when
    the pool has closed; each worker's last)."""
    env = dict(os.environ, PYTHONPATH=str(tree),
               PYTHONPYCACHEPREFIX=str(Path(tempfile.gettempdir()) / "textlint-files-pycache" / tree.name))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    run = subprocess.Popen([sys.executable, "-c", _WRAPPER, "check", "-q", "--statistics", "--no-languagetool",
                            "-j", str(jobs), str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           text=True, env=env, cwd=tree)
    stderr = run.stderr.read()
    _, _, usage = os.wait4(run.pid, 0)  # (the process and the workers it waited for)
    run.stderr.close()
    pre = closed = 0.0
    workers: dict[str, float] = {}
    for line in stderr.splitlines():
        kind, *rest = line.split()
        if kind == "P":
            pre = float(rest[0])
        elif kind == "C":
            closed = float(rest[0])
        elif kind == "W":
            workers[rest[0]] = float(rest[1])
    return usage.ru_utime + usage.ru_stime, pre, closed, workers


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
                serial, _, _, _ = cpu(tree, Path(tmp), 1)
                total, pre, closed, workers = cpu(tree, Path(tmp), 2)
                end = total - sum(workers.values()) - closed
                ratios[name].append(serial / (pre + max(workers.values()) + end))
                bounds[name].append(serial / (pre + sum(workers.values()) / 2 + end))
                share = pre / serial
                excess = sum(workers.values()) / (serial - pre - end) - 1
                print(f"  round {r + 1}, {name}: serial {serial:.2f} s; parent before the fork {pre:.3f} s "
                      f"(s = {share:.1%}: Amdahl {1 / (share + (1 - share) / 2):.2f}x), during {closed - pre:.3f} s, "
                      f"end {end:.3f} s, workers {' + '.join(f'{w:.2f}' for w in workers.values())} s "
                      f"({excess:+.1%} over the serial run's part); {ratios[name][-1]:.2f}x "
                      f"(evenly split: {bounds[name][-1]:.2f}x)", flush=True)
    for name, values in ratios.items():
        print(f"{name}: {', '.join(f'{x:.2f}' for x in values)} (median {statistics.median(values):.2f}x; "
              f"evenly split {statistics.median(bounds[name]):.2f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
