"""Throughput of the YAML rule engine and start-up time of ``textlint check``.

    python bench/engine.py [--mb 5] [--runs 15]

- Throughput: every shipped YAML rule, also those off by default (no built-in checks,
  no LanguageTool), on
  ``../shared/eval/news-clean-dev.txt`` repeated to at least ``--mb`` megabytes
  (the seed article from ``fixtures/`` when ``../shared`` is absent), linted as one
  document in this process (one core). Best of three runs, plus a per-rule breakdown.
- Start-up: wall and CPU time of ``textlint check --no-languagetool`` on a one-line
  file, median of ``--runs`` runs, with default rules (``bench/languagetool.py``
  measures runs with LanguageTool).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textlint import registry  # noqa: E402
from textlint.document import Document  # noqa: E402
from textlint.linter import Linter  # noqa: E402
from textlint.yamlrules import YamlRule  # noqa: E402

NEWS = ROOT.parent / "shared" / "eval" / "news-clean-dev.txt"


def corpus(megabytes: float) -> tuple[str, str]:
    source = NEWS if NEWS.exists() else ROOT / "fixtures" / "seed-article.txt"
    unit = source.read_text(encoding="utf-8")
    copies = int(megabytes * 1_000_000 // len(unit.encode("utf-8"))) + 1
    return "\n\n".join([unit] * copies), source.name


def throughput(text: str) -> None:
    rules = [r for r in registry.shipped_rules() if isinstance(r, YamlRule)]
    size = len(text.encode("utf-8")) / 1e6
    best = min(_time(lambda: Linter(rules).lint(Document(text))) for _ in range(3))
    print(f"all {len(rules)} YAML rules: {size:.1f} MB in {best:.2f} s = {size / best:.2f} MB/s")
    for rule in rules:
        secs = _time(lambda: Linter([rule]).lint(Document(text)))
        print(f"  {rule.id:<40} {size / secs:8.2f} MB/s")


def _time(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _child(cmd: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run of *cmd*."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):  # a broken install must not pass for a fast start
        raise SystemExit(f"`{' '.join(cmd)}` failed with exit code {proc.returncode}:\n{proc.stderr}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def startup(runs: int) -> None:
    """Wall and CPU time; CPU time is what the program costs when other work shares the cores.

    The package is byte-compiled first, as ``pip install`` does (a checkout run with
    PYTHONDONTWRITEBYTECODE=1 would otherwise recompile every module on every start).
    """
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "textlint")], check=True)
    exe = shutil.which("textlint")
    cmd = [exe] if exe else [sys.executable, "-m", "textlint"]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "one.txt")
        path.write_text("A single clean line.\n", encoding="utf-8")
        runs_ = [_child([*cmd, "check", "--no-languagetool", str(path)]) for _ in range(runs)]
        bare = [_child([sys.executable, "-c", "pass"]) for _ in range(runs)]
    wall, cpu = zip(*runs_)
    print(f"start-up of `{' '.join(Path(c).name for c in cmd)} check --no-languagetool one.txt` over {runs} runs: "
          f"wall median {statistics.median(wall):.3f} s (min {min(wall):.3f} s), "
          f"CPU median {statistics.median(cpu):.3f} s; "
          f"bare `python -c pass`: wall {statistics.median([w for w, _ in bare]):.3f} s, "
          f"CPU {statistics.median([c for _, c in bare]):.3f} s")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    text, name = corpus(args.mb)
    print(f"data: {name} repeated to {len(text.encode('utf-8')) / 1e6:.1f} MB")
    throughput(text)
    startup(args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
