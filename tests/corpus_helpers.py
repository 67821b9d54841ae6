"""Small corpora for the corpus-mode tests, built from fixtures/seed-article.txt, and readers
of a run's output folder."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARAGRAPHS = [p for p in (ROOT / "fixtures" / "seed-article.txt").read_text(encoding="utf-8").split("\n\n")
              if p.strip()]
ARTICLE = "\n\n".join(PARAGRAPHS)


def records(n: int, whole_articles: bool = False) -> list[dict]:
    """*n* documents with an id, the text and fields of several JSON types."""
    out = []
    for i in range(n):
        text = ARTICLE if whole_articles else PARAGRAPHS[i % len(PARAGRAPHS)]
        out.append({"id": f"doc-{i:05d}", "text": f"{text} ({i})", "source": {"site": "seed", "n": i},
                    "score": i / 7, "tags": ["a", None, True], "big": 2 ** 70 + i})
    return out


def write_jsonl(path: Path, rows: list[dict], extra_lines: list[str] = ()) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(r, ensure_ascii=False) for r in rows] + list(extra_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def data_files(out: Path, suffix: str) -> list[Path]:
    """The output data files in name order (partition order)."""
    return sorted(p for p in out.rglob(f"*{suffix}") if not any(
        part.startswith(("_", ".")) for part in p.relative_to(out).parts))


def output_rows(out: Path) -> list[dict]:
    return [row for f in data_files(out, ".jsonl") for row in read_jsonl(f)]


def rows_of(out: Path, kind: str) -> list[dict]:
    """The rows of every ``_findings`` or ``_errors`` file."""
    folder = out / kind
    return [row for f in sorted(folder.rglob("*.jsonl")) for row in read_jsonl(f)] if folder.exists() else []


def tree(out: Path) -> dict[str, bytes]:
    """Every file of an output folder, by relative path, with its bytes."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def done_markers(out: Path) -> int:
    folder = out / "_textlint" / "done"
    return len(list(folder.rglob("*.json"))) if folder.exists() else 0


def clean_process(*args: str) -> subprocess.Popen:
    """``python -m textlint clean ARGS`` from the project root, in its own process group."""
    return subprocess.Popen([sys.executable, "-m", "textlint", "clean", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def wait_for(condition, timeout: float = 60.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


def kill_group(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
