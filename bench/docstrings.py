"""False alarms and safe fixes on the docstrings of Python's standard library: clean, edited
English of a kind no other benchmark holds (reference prose by many authors, with identifiers,
signatures and doctest examples in it), read from this machine's interpreter (it never enters
the repository).

    python bench/docstrings.py [--part tune|test|all] [--every N] [--samples N] [--show N]

Every ``*.py`` file of the standard library (``sysconfig.get_paths()["stdlib"]``; test
packages, ``site-packages`` and ``lib2to3``'s test data left out) is parsed with ``ast`` (no
module is imported) and its docstrings — the module's, then each class's and function's in
the order of the source — are taken as ``inspect.cleandoc`` leaves them, each text once (the
pure-Python twins of C modules repeat theirs) and only those of ``MIN_WORDS`` words or more. A
module's docstrings, a blank line apart, make one text; the modules are sorted by path, module
i goes to the ``tune`` part when i is even and to the ``test`` part when odd (tune on one,
report the other), and each part's texts are joined, in order, into documents of about 1,500
words, linted as plain text. Each part is linted with all default rules, no LanguageTool:
findings per rule and per 10,000 words (``bench/techdocs.py``'s report), then plain ``--fix``
(safe fixes only), the lines it changes and the rules that changed them (``bench/safefix.py``'s
run). Edited docstrings have few of the defects textlint looks for: read the samples to judge.
The figures depend on the Python version; compare trees with one interpreter.
"""

from __future__ import annotations

import ast
import sys
import sysconfig
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from debian import documents, part_of, split_parser  # noqa: E402
from safefix import run as fix_run  # noqa: E402
from techdocs import report  # noqa: E402

from textlint.engine import Engine, Overrides  # noqa: E402

MIN_WORDS = 5
SKIPPED_DIRS = {"test", "tests", "idle_test", "site-packages", "__pycache__"}


def modules(root: Path) -> list[Path]:
    """The standard library's source files under *root*, sorted, without test packages."""
    return sorted(p for p in root.rglob("*.py")
                  if not SKIPPED_DIRS.intersection(p.relative_to(root).parts[:-1]))


_DOCUMENTED = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)


def docstrings(source: str) -> list[str]:
    """The docstrings of a module's source, in source order, cleaned as ``inspect.cleandoc``."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return []
    found = []
    for node in ast.walk(tree):
        if isinstance(node, _DOCUMENTED):
            text = ast.get_docstring(node, clean=True)
            if text:
                found.append((getattr(node, "lineno", 0), text))
    return [text for _, text in sorted(found, key=lambda t: t[0])]


def module_texts(root: Path) -> list[tuple[str, str]]:
    """(module path, its docstrings a blank line apart) of every module that has any; each
    docstring counted once in the whole library."""
    seen: set[str] = set()
    texts = []
    for path in modules(root):
        kept = []
        for text in docstrings(path.read_text(encoding="utf-8", errors="replace")):
            if len(text.split()) >= MIN_WORDS and text not in seen:
                seen.add(text)
                kept.append(text.strip())
        if kept:
            texts.append((str(path.relative_to(root)), "\n\n".join(kept) + "\n"))
    return texts


def main() -> None:
    ap = split_parser(__doc__, "modules")
    a = ap.parse_args()
    root = Path(sysconfig.get_paths()["stdlib"])
    docs = documents(part_of(module_texts(root), a.part, a.every), "docstrings")
    print(f"==== docstrings of {root} ({a.part})")
    if not docs:
        print("no data on this machine; skipped")
        return
    report(docs, a.samples)
    fix_run("docstrings", docs, Engine(overrides=Overrides(languagetool=False)), a.show)


if __name__ == "__main__":
    main()
