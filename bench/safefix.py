"""The safe-fix contract on correct text: what plain ``--fix`` changes where nothing is wrong.

    python bench/safefix.py [--only NAME ...] [--show N] [--eval DIR]

A safe fix must be right in every context (docs/safe-fixes.md), so on text without defects
``--fix`` (safe fixes only, all default rules, no LanguageTool) must change nothing. This
runs it over every set of correct text the project has and prints, per set, the documents
(or lines) changed and the rules whose fixes changed them, with up to N examples:

- ``correct-corpus``: ``fixtures/correct/*.txt``, committed (also checked by
  ``tests/test_safe_fixes.py``);
- ``news-clean-dev``: ``../shared/eval/news-clean-dev.txt``, one document per article;
- ``wsc-<set>``: the correct sides of the four ``../shared/eval/wsc-dev`` sets, 50 lines to a
  document, one paragraph per line (as ``bench/wikitext.py``); a changed line counts;
- ``techdocs``: the documentation that ``bench/techdocs.py`` collects on this machine;
- ``external-dev``: the items of ``../shared/eval/external-dev.jsonl`` labelled correct, one
  document each (``bench/external.py`` runs the same through the CLI).

The pytest suite checks the committed corpus, every rule's OK examples and the external-dev
correct items (fast); the large sets live here. Sets whose data is absent are skipped.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from textlint.engine import Engine, Overrides  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
LINES_PER_DOCUMENT = 50
WSC_SETS = ["ACL", "arXiv.pdftotext", "Wiki", "Wiki.typos"]


def correct_corpus() -> list[tuple[str, str]]:
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "fixtures" / "correct").glob("*.txt"))]


def news_clean() -> list[tuple[str, str]]:
    path = EVAL / "news-clean-dev.txt"
    if not path.exists():
        return []
    from news_eval import split_clean

    return [(f"article@{off}", text) for off, text in split_clean(path.read_text(encoding="utf-8"))]


def wsc(name: str) -> list[tuple[str, str]]:
    path = EVAL / "wsc-dev" / name / "correct.txt"
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").split("\n")
    # one paragraph per line, as bench/wikitext.py reads them
    return [(f"lines {i + 1}-{i + LINES_PER_DOCUMENT}", "\n\n".join(lines[i:i + LINES_PER_DOCUMENT]))
            for i in range(0, len(lines), LINES_PER_DOCUMENT)]


def techdocs() -> list[tuple[str, str]]:
    from techdocs import collect, default_roots
    from textlint.files import InputError, read_source

    docs = []
    for path in collect([r for r in default_roots() if r.exists()]):
        try:
            docs.append((str(path), read_source(path).text))  # linted as its format (Markdown or text)
        except InputError:
            continue
    return docs


def external() -> list[tuple[str, str]]:
    path = EVAL / "external-dev.jsonl"
    if not path.exists():
        return []
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(i["id"], i["text"]) for i in items if i["label"] == "correct"]


SETS = {"correct-corpus": correct_corpus, "news-clean-dev": news_clean,
        **{f"wsc-{s}": (lambda s=s: wsc(s)) for s in WSC_SETS}, "techdocs": techdocs, "external-dev": external}


def changed_lines(old: str, new: str) -> list[str]:
    """The changed lines of *old*, each shown as ``old -> new``."""
    out = []
    matcher = difflib.SequenceMatcher(None, old.split("\n"), new.split("\n"), autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal":
            a, b = "\n".join(old.split("\n")[i1:i2]), "\n".join(new.split("\n")[j1:j2])
            out.append(_excerpt(a, b))
    return out


def _excerpt(a: str, b: str, width: int = 60) -> str:
    """The part of *a* and *b* around their first difference."""
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    j = 0
    while j < min(len(a), len(b)) - i and a[len(a) - 1 - j] == b[len(b) - 1 - j]:
        j += 1
    lo = max(0, i - width // 2)
    return f"{a[lo:len(a) - j + width // 2]!r} -> {b[lo:len(b) - j + width // 2]!r}"


def run(name: str, docs: list[tuple[str, str]], engine: Engine, show: int) -> dict:
    changed_docs, lines, by_rule, examples = 0, 0, Counter(), []
    words = sum(len(text.split()) for _, text in docs)
    t = time.perf_counter()
    for label, text in docs:
        result = engine.fix(text, label if label.endswith((".md", ".txt")) else "doc.txt")
        if result.text != text:
            changed_docs += 1
            diff = changed_lines(text, result.text)
            lines += len(diff)
            by_rule.update(result.fixed)
            examples += [f"{label}: {d}  [{', '.join(sorted(result.fixed))}]" for d in diff]
    secs = time.perf_counter() - t
    print(f"== {name}: {len(docs)} documents, {words} words; changed by --fix: {changed_docs} documents, "
          f"{lines} lines ({secs:.1f} s)")
    for rule, n in by_rule.most_common():
        print(f"   {rule:40} {n} fixes")
    for e in examples[:show]:
        print("   " + e)
    return {"documents": len(docs), "changed": changed_docs, "lines": lines}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", action="append", choices=list(SETS), help="sets to run (default all)")
    ap.add_argument("--show", type=int, default=10, help="examples shown per set")
    ap.add_argument("--eval", type=Path, help="the evaluation data (default ../shared/eval)")
    a = ap.parse_args()
    global EVAL
    EVAL = a.eval or EVAL
    engine = Engine(overrides=Overrides(languagetool=False))
    for name in a.only or list(SETS):
        docs = SETS[name]()
        if not docs:
            print(f"== {name}: skipped (no data)")
            continue
        run(name, docs, engine, a.show)


if __name__ == "__main__":
    main()
