"""Throughput of ``textlint clean`` on news paragraphs: local engine and Dask LocalCluster.

    python bench/corpus.py [--docs 20000] [--partition-size 1000] [--runs 3]

The corpus: ``--docs`` distinct JSONL records of news paragraphs — the corrupted
paragraphs of ``../shared/eval/news-dev.jsonl`` and the clean ones of
``news-clean-dev.txt`` (4,940), then paragraphs of 2 to 4 of their sentences drawn at
random (seed 0) up to ``--docs`` — or, without ``../shared``, built the same way from
``fixtures/seed-article.txt`` (the output says which). Distinct, because the engine
answers text it has seen before faster (a corpus of repeats overstates throughput).
Each configuration runs the whole command, ``python -m textlint clean CORPUS --output
DIR -q --partition-size N`` plus the engine options, in a fresh output folder and is
timed from start to exit (start-up, cluster start and stop included): the local engine
with 1 and 2 processes (``-j``) and the Dask engine with ``--scheduler local:1`` and
``local:2``. Reported: documents/s, MB/s of input, and the Dask engine's overhead
against the local engine at the same worker count (best of ``--runs`` rounds, the
configurations taking turns so that each round sees about the same load); also the CPU time
of all the run's processes (documents per CPU-second is the per-core throughput, and
what load disturbs least) and the load average, since other work on the machine shifts
every figure.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"

CONFIGS = [
    ("local, 1 process", ["--engine", "local", "-j", "1"]),
    ("local, 2 processes", ["--engine", "local", "-j", "2"]),
    ("dask LocalCluster, 1 worker", ["--engine", "dask", "--scheduler", "local:1"]),
    ("dask LocalCluster, 2 workers", ["--engine", "dask", "--scheduler", "local:2"]),
]


_SENTENCE_END = re.compile(r"(?<=[.!?”])\s+(?=[A-Z“])")


def paragraphs() -> tuple[list[str], str]:
    """Distinct real paragraphs: news-dev (corrupted) and news-clean-dev, or the seed article."""
    if (EVAL / "news-dev.jsonl").exists() and (EVAL / "news-clean-dev.txt").exists():
        with open(EVAL / "news-dev.jsonl", encoding="utf-8") as f:
            corrupt = [json.loads(line)["corrupt"] for line in f if line.strip()]
        text = (EVAL / "news-clean-dev.txt").read_text(encoding="utf-8")
        clean = [p.strip() for p in text.split("\n\n") if p.strip()]
        return list(dict.fromkeys(corrupt + clean)), "news-dev.jsonl (corrupted) + news-clean-dev.txt"
    text = (ROOT / "fixtures" / "seed-article.txt").read_text(encoding="utf-8")
    return [p for p in text.split("\n\n") if p.strip()], "fixtures/seed-article.txt (no ../shared)"


def documents(n: int) -> tuple[list[str], str]:
    """*n* distinct paragraphs: the real ones, then paragraphs of 2 to 4 of their sentences
    drawn at random (seed 0). Distinct, because the engine answers a text it has seen
    faster: a corpus of repeats would overstate the throughput."""
    real, source = paragraphs()
    docs = real[:n]
    sentences = [s for p in real for s in _SENTENCE_END.split(p) if len(s) > 20]
    rng, seen = random.Random(0), set(docs)
    while len(docs) < n:
        para = " ".join(rng.sample(sentences, rng.randint(2, 4)))
        if para not in seen:
            seen.add(para)
            docs.append(para)
    generated = len(docs) - min(n, len(real))
    return docs, (f"{min(n, len(real))} distinct paragraphs of {source} and {generated} made of "
                  f"2-4 of their {len(sentences)} sentences")


def build(path: Path, n: int) -> tuple[int, str]:
    docs, what = documents(n)
    with open(path, "w", encoding="utf-8") as f:
        for i, text in enumerate(docs):
            f.write(json.dumps({"id": f"p{i:06d}", "text": text, "n": i}, ensure_ascii=False) + "\n")
    return path.stat().st_size, what


def run(corpus: Path, out: Path, extra: list[str], size: int) -> tuple[float, float]:
    """Wall time and CPU time (user + system, every process of the run) of one run."""
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-m", "textlint", "clean", str(corpus), "--output", str(out), "-q",
           "--partition-size", str(size), *extra]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"`{' '.join(cmd)}` failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--partition-size", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("dask/distributed not installed (pip install -e '.[corpus]'); skipped")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "news.jsonl"
        size, what = build(corpus, args.docs)
        print(f"corpus: {what}; {size / 1e6:.2f} MB; partitions of {args.partition_size}")
        outputs: dict[str, dict[str, bytes]] = {}
        best: dict[str, tuple[float, float]] = {}
        for round_ in range(args.runs):  # configurations interleaved: each round sees the same load
            for name, extra in CONFIGS:
                load = os.getloadavg()[0]
                wall, cpu = run(corpus, Path(tmp) / "out", extra, args.partition_size)
                best[name] = min(best.get(name, (wall, cpu)), (wall, cpu))
                outputs[name] = {p.relative_to(Path(tmp) / "out").as_posix(): p.read_bytes()
                                 for p in sorted((Path(tmp) / "out").rglob("*")) if p.is_file()}
                print(f"round {round_ + 1}: {name:<30} {wall:7.1f} s  {args.docs / wall:7.0f} docs/s  "
                      f"{size / 1e6 / wall:6.3f} MB/s   CPU {cpu:6.1f} s = {args.docs / cpu:4.0f} docs per "
                      f"CPU-second   (load average before: {load:.2f})", flush=True)
        print(f"best of {args.runs}:")
        for name, (wall, cpu) in best.items():
            print(f"  {name:<30} {wall:7.1f} s  {args.docs / wall:7.0f} docs/s  {size / 1e6 / wall:6.3f} MB/s"
                  f"   CPU {cpu:6.1f} s")
        first_name, first = next(iter(outputs.items()))
        print("outputs byte-identical across the four configurations (last round):",
              all(o == first for o in outputs.values()))
        for name, tree in outputs.items():
            differing = sorted(f for f in set(tree) | set(first) if tree.get(f) != first.get(f))
            if differing:
                print(f"  {name} differs from {first_name} in {len(differing)} files: {differing[:5]}")
        for workers, local, dask in ((1, CONFIGS[0][0], CONFIGS[2][0]), (2, CONFIGS[1][0], CONFIGS[3][0])):
            wall = (best[dask][0] - best[local][0]) / best[local][0] * 100
            cpu = (best[dask][1] - best[local][1]) / best[local][1] * 100
            print(f"dask overhead against local, {workers} worker{'s' * (workers > 1)}: wall {wall:+.1f} %, "
                  f"CPU {cpu:+.1f} %")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
