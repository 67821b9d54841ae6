"""textlint side by side with proselint, codespell and typos (and, optionally, other textlint trees).

    python bench/peers.py FILE [FILE ...] [--runs 5] [--tree NAME=PATH ...] [--only NAME ...]

Each tool checks each file as one process, the whole command timed (start-up
included); the tools take turns run after run (interleaved), so a load that comes
and goes on this shared machine hits them alike. Prints the median wall time and CPU
time (user + system: less swayed by other jobs) of each tool on each file and their ratios
to the first tool (textlint from this tree), after one warm-up run
each (textlint's bytecode is cached under the temporary directory, as an installed
package has it).
``--tree old=/tmp/base`` adds textlint from another checkout (same interpreter),
to compare two commits in the same run. With ``--memory``, also the peak resident
memory of each run (``/usr/bin/time -v``, Linux).

The peers come from PyPI: ``pip install proselint codespell typos``; a tool that is
not installed is left out and said so. textlint runs with all default rules and no
LanguageTool. Exit codes are ignored: linters exit non-zero when they find something.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PEERS = {
    "proselint": ["proselint", "check"],
    "codespell": ["codespell"],
    "typos": ["typos"],
}


def textlint_command(tree: Path) -> tuple[list[str], dict[str, str]]:
    # bytecode cached as an installed package has it (pip compiles the peers' modules),
    # outside the checkout
    env = dict(os.environ, PYTHONPATH=str(tree),
               PYTHONPYCACHEPREFIX=str(Path(tempfile.gettempdir()) / "textlint-peers-pycache" / tree.name))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return [sys.executable, "-m", "textlint", "check", "--no-languagetool"], env


def executable(name: str) -> str | None:
    """The tool's script beside this interpreter (as textlint runs), else on PATH: a pyenv
    shim on PATH runs a shell script before the tool, which would count against it."""
    local = Path(sys.executable).parent / name
    return str(local) if local.exists() else shutil.which(name)


def instructions(cmd: list[str], env: dict | None, path: Path) -> int | None:
    """Instructions one run executes (valgrind's callgrind: the same on a busy machine)."""
    cwd = env["PYTHONPATH"] if env else None
    done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd, str(path)],
                          env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    m = re.search(r"Collected : (\d+)", done.stderr)
    return int(m.group(1)) if m else None


def tools(trees: list[tuple[str, Path]], only: list[str] | None) -> dict[str, tuple[list[str], dict | None]]:
    found: dict[str, tuple[list[str], dict | None]] = {}
    for name, tree in trees:
        found[name] = textlint_command(tree)
    for name, cmd in PEERS.items():
        exe = executable(cmd[0])
        if exe is None:
            print(f"({name} is not installed: pip install {name})", file=sys.stderr)
            continue
        found[name] = ([exe, *cmd[1:]], None)
    if only:
        found = {k: v for k, v in found.items() if k in only}
    return found


def run_once(cmd: list[str], env: dict | None, path: Path, memory: bool) -> tuple[float, float, float | None]:
    """Wall seconds, CPU seconds (user + system) and, with *memory*, peak RSS in MB of one run."""
    full = ["/usr/bin/time", "-v", *cmd, str(path)] if memory else [*cmd, str(path)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    # textlint runs in its tree: "python -m" imports from the working directory first
    cwd = env["PYTHONPATH"] if env else None
    done = subprocess.run(full, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    secs = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if not memory:
        return secs, cpu, None
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    return secs, cpu, int(m.group(1)) / 1024 if m else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--tree", action="append", default=[], metavar="NAME=PATH",
                    help="also time textlint from another checkout")
    ap.add_argument("--only", action="append", help="time only these tools (textlint, proselint, ...)")
    ap.add_argument("--memory", action="store_true", help="peak memory too (/usr/bin/time -v)")
    ap.add_argument("--instructions", action="store_true",
                    help="instead of timing, count the instructions of one run of each (valgrind; "
                         "~50x slower: for start-up on a small file)")
    args = ap.parse_args()
    trees = [("textlint", ROOT)] + [(n, Path(p).resolve()) for n, p in (t.split("=", 1) for t in args.tree)]
    table = tools(trees, args.only)
    if not table:
        print("no tool to time", file=sys.stderr)
        return 2
    if args.instructions:
        for path in args.files:
            for cmd, env in table.values():
                run_once(cmd, env, path, False)  # warm-up: bytecode
            counts = {name: instructions(cmd, env, path) for name, (cmd, env) in table.items()}
            print(f"{path}: instructions of one run (valgrind --tool=callgrind)")
            first = next(iter(counts.values()))
            for name, n in counts.items():
                print(f"  {name:12s} {n / 1e6:9.1f} M" + (f"  ({n / first:5.2f}x)" if n and first else ""))
        return 0
    for path in args.files:
        times: dict[str, list[float]] = {name: [] for name in table}
        cpus: dict[str, list[float]] = {name: [] for name in table}
        peaks: dict[str, list[float]] = {name: [] for name in table}
        for name, (cmd, env) in table.items():
            run_once(cmd, env, path, False)  # warm-up: bytecode, file cache
        for _ in range(args.runs):
            for name, (cmd, env) in table.items():
                secs, cpu, peak = run_once(cmd, env, path, args.memory)
                times[name].append(secs)
                cpus[name].append(cpu)
                if peak is not None:
                    peaks[name].append(peak)
        size = path.stat().st_size / 1e6
        print(f"{path} ({size:.2f} MB), median of {args.runs} interleaved runs:")
        first = statistics.median(next(iter(times.values())))
        first_cpu = statistics.median(next(iter(cpus.values())))
        for name, ts in times.items():
            med, cpu = statistics.median(ts), statistics.median(cpus[name])
            mem = f"  peak {max(peaks[name]):7.1f} MB" if peaks[name] else ""
            print(f"  {name:12s} wall {med:7.3f} s ({med / first:5.2f}x)  "
                  f"cpu {cpu:7.3f} s ({cpu / first_cpu:5.2f}x){mem}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
