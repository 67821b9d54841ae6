"""False alarms on technical writing: Markdown and text documentation found on this machine.

    python bench/techdocs.py [DIR ...]

Collects the ``*.md`` and ``*.txt`` files of at least 8 kB under the given directories
(default: the documentation that rustup, pyenv, Python's packages, Debian packages and
npm install under ``$HOME``, ``sys.prefix``, ``/usr/share/doc`` and ``/usr/lib/node_modules``; license texts, test data and word lists are skipped by name,
identical files are read once), lints each with all default rules (no LanguageTool) and
prints the findings per rule and per 10,000 words. Edited documentation has few of the defects textlint looks
for, so most findings there are false alarms; read the samples it prints to judge.
"""

from __future__ import annotations

import argparse
import hashlib
import collections
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textlint.document import WORD  # noqa: E402
from textlint.engine import Engine, Overrides  # noqa: E402
from textlint.files import InputError, read_source  # noqa: E402

SKIP = ("license", "copying", "requirements", "top_level", "entry_points", "record", "vocab",
        "merges", "words", "dict", "notice", "authors", "test", "grams", "registry", "grammar")
MIN_BYTES = 8_000


def collect(roots: list[Path]) -> list[Path]:
    found: dict[bytes, Path] = {}
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = [d for d in dirnames if not d.startswith(".") and "test" not in d.lower()
                           and "dist-info" not in d]
            for name in filenames:
                low = name.lower()
                if not low.endswith((".md", ".txt")) or any(s in low for s in SKIP):
                    continue
                p = Path(dirpath, name)
                if p.stat().st_size >= MIN_BYTES:
                    found.setdefault(hashlib.sha1(p.read_bytes()).digest(), p)
    return sorted(found.values())


def default_roots() -> list[Path]:
    """Where this machine keeps installed documentation."""
    home = Path.home()
    return [*home.glob(".rustup/toolchains/*/share/doc"), home / ".pyenv" / "plugins",
            *home.glob(".pyenv/versions/*/lib/python3*/idlelib"), Path(sys.prefix),
            Path("/usr/share/doc"), Path("/usr/lib/node_modules")]


def report(docs: list[tuple[str, str]], samples: int) -> None:
    """Lint each (path, text) with all default rules, no LanguageTool, and print the findings
    per rule and per 10,000 words of prose, with *samples* random examples of each rule."""
    engine = Engine(overrides=Overrides(languagetool=False))
    counts, examples = collections.Counter(), collections.defaultdict(list)
    words = size = 0
    started = time.perf_counter()
    for path, text in docs:
        doc = engine.document(text, path)
        words += len(WORD.findall(doc.prose_text))
        size += len(text.encode("utf-8"))
        for d in engine.lint(text, path).diagnostics:
            counts[d.rule] += 1
            examples[d.rule].append(f"{Path(path).name}: {text[max(0, d.start - 40):d.end + 20]!r}")
    elapsed = time.perf_counter() - started
    print(f"{len(docs)} files, {size / 1e6:.1f} MB, {words:,} words of prose, {elapsed:.1f} s")
    total = sum(counts.values())
    print(f"findings: {total} = {10_000 * total / max(words, 1):.2f} per 10,000 words")
    rng = random.Random(0)
    for rule, n in counts.most_common():
        print(f"  {rule:38} {n:5}  {10_000 * n / max(words, 1):6.2f} per 10k words")
        for s in rng.sample(examples[rule], min(samples, n)):
            print(f"      {s}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="*", type=Path)
    ap.add_argument("--samples", type=int, default=3, help="findings shown per rule")
    a = ap.parse_args()
    roots = a.dirs or default_roots()
    files = collect([r for r in roots if r.exists()])
    if not files:
        print("no documentation files found; skipped")
        return
    docs = []
    for path in files:
        try:
            docs.append((str(path), read_source(path).text))
        except InputError:
            continue
    report(docs, a.samples)


if __name__ == "__main__":
    main()
