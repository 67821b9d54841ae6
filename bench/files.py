"""Files per second of ``textlint check`` on a directory of 1,000 Markdown files, 1 and 2 workers.

    python bench/files.py [--files 1000] [--select ...] [--rounds 2] [--tree NAME=PATH ...] [--scaling]

The files are made from ``../shared/eval/news-clean-dev.txt`` (one article per file,
each with a heading, a code block and a link), or from the seed article in
``fixtures/`` when ``../shared`` is absent. Each configuration runs once per round; the
best wall time is reported (the whole command, start-up included), and each round's
ratio of one worker's time to two workers'. ``--tree old=/tmp/base`` also times another
checkout, interleaved with this one round by round, and ``--scaling`` runs
``bench/cpu_scaling.py``'s pure-Python loop in each round too: the machine's own two-process
speed-up in the same minutes. textlint's bytecode is cached outside the checkout, as an
installed package has it.

With ``--scaling`` each round also times the start-up, one worker checking one of the files
(the interpreter, the imports, the configuration, the Markdown parser and what the first file
loads: what every worker needs before its share), and prints the ceiling of a two-worker run
on this machine in these minutes (Amdahl's law): ``t1 / (start + (t1 - start) / loop)``,
where ``t1`` is one worker's time and ``loop`` the pure-Python loop's speed-up. It assumes
that the workers repeat nothing and finish together, so no split of the work beats it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "eval" / "news-clean-dev.txt"


def articles() -> list[str]:
    if NEWS.exists():
        sys.path.insert(0, str(ROOT / "bench"))
        from news_eval import split_clean

        return [a for _, a in split_clean(NEWS.read_text(encoding="utf-8"))]
    return [(ROOT / "fixtures" / "seed-article.txt").read_text(encoding="utf-8")]


def make_tree(root: Path, n: int) -> int:
    texts = articles()
    size = 0
    for i in range(n):
        title, _, body = texts[i % len(texts)].partition("\n\n")
        md = (f"# {title}\n\n{body}\n\n```sh\ntextlint check the the file\n```\n\n"
              f"See [the source](https://example.com/{i}).\n")
        path = root / f"d{i % 20:02d}" / f"article-{i:04d}.md"
        path.parent.mkdir(exist_ok=True)
        path.write_text(md, encoding="utf-8")
        size += len(md.encode("utf-8"))
    return size


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--select", default=None)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--tree", action="append", default=[], metavar="NAME=PATH",
                    help="also time textlint from another checkout")
    ap.add_argument("--scaling", action="store_true", help="time the pure-Python loop of cpu_scaling.py too")
    args = ap.parse_args()
    trees = [("textlint", ROOT)] + [(n, Path(p).resolve()) for n, p in (t.split("=", 1) for t in args.tree)]
    times: dict[tuple[str, int], list[float]] = {(name, jobs): [] for name, _ in trees for jobs in (1, 2)}
    loop: list[float] = []
    ceilings: dict[str, list[float]] = {name: [] for name, _ in trees}
    with tempfile.TemporaryDirectory() as tmp:
        size = make_tree(Path(tmp), args.files)
        print(f"data: {args.files} Markdown files, {size / 1e6:.1f} MB "
              f"({'news-clean-dev articles' if NEWS.exists() else 'the seed article'})")
        extra = ["--select", args.select] if args.select else []
        for name, tree in trees:  # warm-up: bytecode
            _time(tree, ["check", "-q", "--no-languagetool", "-j", "1", *extra, tmp])
        for r in range(args.rounds):
            for name, tree in trees if r % 2 == 0 else trees[::-1]:
                for jobs in (1, 2):
                    cmd = ["check", "-q", "--statistics", "--no-languagetool", "-j", str(jobs), *extra, tmp]
                    times[name, jobs].append(_time(tree, cmd))
                print(f"  round {r + 1}, {name}: 1 worker {times[name, 1][-1]:.2f} s, 2 workers "
                      f"{times[name, 2][-1]:.2f} s: {times[name, 1][-1] / times[name, 2][-1]:.2f}x", flush=True)
            if args.scaling:
                sys.path.insert(0, str(ROOT / "bench"))
                from cpu_scaling import wall_time

                one, two = wall_time(1), wall_time(2)
                loop.append(one / two)
                print(f"  round {r + 1}, pure-Python loop: {one:.2f} s / {two:.2f} s = {one / two:.2f}x", flush=True)
                for name, tree in trees:
                    start = _time(tree, ["check", "-q", "--statistics", "--no-languagetool", "-j", "1", *extra,
                                         str(first_file(Path(tmp)))])
                    ceilings[name].append(ceiling(times[name, 1][-1], start, loop[-1]))
                    print(f"  round {r + 1}, {name}: start-up {start:.3f} s, so at most "
                          f"{ceilings[name][-1]:.2f}x", flush=True)
    for name, _ in trees:
        best1, best2 = min(times[name, 1]), min(times[name, 2])
        ratios = [a / b for a, b in zip(times[name, 1], times[name, 2])]
        print(f"{name}: best 1 worker {best1:.2f} s = {args.files / best1:.0f} files/s, best 2 workers "
              f"{best2:.2f} s = {args.files / best2:.0f} files/s; ratio per round "
              f"{', '.join(f'{x:.2f}' for x in ratios)} (median {statistics.median(ratios):.2f}x)")
    if loop:
        print(f"pure-Python loop: {', '.join(f'{x:.2f}' for x in loop)} (median {statistics.median(loop):.2f}x)")
        for name, _ in trees:
            print(f"{name}: two workers' ceiling per round {', '.join(f'{x:.2f}' for x in ceilings[name])} "
                  f"(median {statistics.median(ceilings[name]):.2f}x)")
    return 0


def first_file(root: Path) -> Path:
    """The first of the files that :func:`make_tree` wrote under *root*."""
    return min(root.glob("d*/article-*.md"))


def ceiling(one_worker: float, start: float, loop: float) -> float:
    """The most that two workers can gain over *one_worker* seconds when *start* seconds of
    it come before any work can be split and the machine runs two processes *loop* times
    as fast as one (Amdahl's law)."""
    return one_worker / (start + (one_worker - start) / loop)


def _time(tree: Path, args: list[str]) -> float:
    # that checkout's code ("python -m" from its directory, and PYTHONPATH), not an installed one
    env = dict(os.environ, PYTHONPATH=str(tree),
               PYTHONPYCACHEPREFIX=str(Path(tempfile.gettempdir()) / "textlint-files-pycache" / tree.name))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "textlint", *args], capture_output=True, check=False, env=env, cwd=tree)
    return time.perf_counter() - start


if __name__ == "__main__":
    raise SystemExit(main())
