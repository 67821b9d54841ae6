"""Files per second of ``textlint check`` on a directory of 1,000 Markdown files, 1 and 2 workers.

    python bench/files.py [--files 1000] [--select ...]

The files are made from ``../shared/eval/news-clean-dev.txt`` (one article per file,
each with a heading, a code block and a link), or from the seed article in
``fixtures/`` when ``../shared`` is absent. Each configuration runs twice; the
best wall time is reported (the whole command, start-up included).
"""

from __future__ import annotations

import argparse
import os
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
    args = ap.parse_args()
    cmd = [sys.executable, "-m", "textlint"]  # this checkout's code (PYTHONPATH), not an installed one
    with tempfile.TemporaryDirectory() as tmp:
        size = make_tree(Path(tmp), args.files)
        print(f"data: {args.files} Markdown files, {size / 1e6:.1f} MB "
              f"({'news-clean-dev articles' if NEWS.exists() else 'the seed article'})")
        for jobs in (1, 2):
            extra = ["--select", args.select] if args.select else []
            run = [*cmd, "check", "-q", "--statistics", "--no-languagetool", "-j", str(jobs), *extra, tmp]
            best = min(_time(run) for _ in range(2))
            print(f"  {jobs} worker{'s' * (jobs > 1)}: {best:.2f} s = {args.files / best:.0f} files/s, "
                  f"{size / best / 1e6:.2f} MB/s")
    return 0


def _time(cmd: list[str]) -> float:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    subprocess.run(cmd, capture_output=True, check=False, env=env)
    return time.perf_counter() - start


if __name__ == "__main__":
    raise SystemExit(main())
