"""Count the hand-written words in textlint's code.

    python bench/wordlists.py [--root textlint] [--show]

A *hand-written word* is a word that a person typed into the package as knowledge of
English, rather than a word the package reads from generated data. The script parses
every ``*.py`` file under the package with :mod:`ast` and counts, per file and per list:

1. **split strings**: a string constant on which ``.split()`` or ``.split("|")`` is called
   (``frozenset("the a an".split())``): every piece that contains a letter;
2. **container literals**: a string constant that is an element of a list, tuple or set
   display, or a key or value of a dict display (``word in ("the", "a", "an")``), when it
   is one word: it starts with a letter and holds only letters, digits, apostrophes,
   hyphens and dots (so example sentences, messages and punctuation marks do not count);
3. **regex alternations**: in a pattern passed to ``compile`` (``regex.compile``,
   ``re.compile``), every alternative of a group with two or more alternatives that is one
   word once escapes (``\\b``, ``\\p{L}``, ``[ \\u00a0]``) and lookarounds are set aside
   (``(?:said|says|added)`` counts 3, ``\\s+in\\s+part`` counts 0).

Docstrings, comments, the ``FLAG``/``OK`` examples of rules (sentences) and single words
compared with ``==`` are not counted. Each string constant counts once, by the first of
the rules above that matches.

Words in files under ``textlint/data/`` count as hand-written too, unless a script in
``scripts/`` names the file (it is then that script's output: generated data). So moving a
list into a text file does not make it disappear from the count.

The report gives two totals: the modules that hold knowledge of English (the checks,
``document.py``, ``casing.py``, ``lexicon.py``, ``wordclasses.py``, the capitalization rule
type, and the data files) -- the figure issue 12 counts -- and the other modules, whose
literals are JSON keys, option, format and server names rather than English; then the words
per file, and with ``--show`` every list with its words.
"""

from __future__ import annotations

import argparse
import ast
import gzip
import sys
from collections import defaultdict
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
_WORDLIKE = regex.compile(r"^\p{L}[\p{L}\p{N}'’.\-]*$")
_HAS_LETTER = regex.compile(r"\p{L}")
#: Escapes in a pattern: a property or named character (``\p{L}``), a hex escape, or any
#: other escaped character. Zero-width ones (``\b``) are set aside separately.
_ESCAPE = regex.compile(r"\\(?:[pPN]\{[^}]*\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)")
_CLASS = regex.compile(r"\[(?:\\.|[^\]\\])*\]")
_QUANTIFIER = regex.compile(r"\{\d+(?:,\d*)?\}")
_LETTERS_ONLY = regex.compile(r"^\[([A-Za-z]+)\]$")
#: The modules (relative to the package) whose lists are knowledge of English.
LANGUAGE = ("checks/", "document.py", "casing.py", "lexicon.py", "wordclasses.py",
            "yamlrules/capitalization.py", "data/")


def _language(rel: str) -> bool:
    return rel.startswith(LANGUAGE)


def _regex_words(pattern: str) -> list[str]:
    """The one-word alternatives of the groups with two or more alternatives in *pattern*."""
    # A class of letters only ("emphasi[sz]ed") stands for a letter; other classes, escapes
    # and quantifiers are no part of a word.
    def klass(m: regex.Match) -> str:
        letters = _LETTERS_ONLY.match(m.group())
        return letters.group(1)[0] if letters else "\x00"

    def escape(m: regex.Match) -> str:
        return "" if m.group() in ("\\b", "\\B", "\\A", "\\Z") else "\x00"

    text = _ESCAPE.sub(escape, _CLASS.sub(klass, pattern))
    text = _QUANTIFIER.sub("\x00", text)
    words: list[str] = []

    def parse(i: int) -> tuple[list[str], int]:
        """Parse alternatives from *i* to the closing bracket; return the top-level text of
        each alternative (nested groups removed) and the index after the bracket."""
        alternatives, current = [], []
        while i < len(text):
            c = text[i]
            if c == "(":
                inner, i = parse(i + 1)
                look = inner and inner[0][:2] in ("?=", "?!", "?<")
                if len(inner) > 1 and not look:
                    words.extend(_word_alternatives(inner))
                if not look and len(inner) == 1:
                    current.append(inner[0].removeprefix("?:").removeprefix("?i:"))
                else:
                    current.append("\x00" if not look else "")
                continue
            if c == ")":
                alternatives.append("".join(current))
                return alternatives, i + 1
            if c == "|":
                alternatives.append("".join(current))
                current = []
            else:
                current.append(c)
            i += 1
        alternatives.append("".join(current))
        return alternatives, i

    top, _ = parse(0)
    if len(top) > 1:
        words.extend(_word_alternatives(top))
    return words


def _word_alternatives(alternatives: list[str]) -> list[str]:
    out = []
    for alt in alternatives:
        alt = alt.removeprefix("?:").removeprefix("?i:").strip("^$").strip()
        alt = alt.rstrip("?*+")
        if _WORDLIKE.match(alt):
            out.append(alt)
    return out


def _split_call(node: ast.AST) -> ast.Constant | None:
    """The string constant of ``"...".split(...)`` (also through ``.replace(...)``)."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split":
        target = node.func.value
        while isinstance(target, ast.Call) and isinstance(target.func, ast.Attribute) \
                and target.func.attr in ("replace", "strip", "lower"):
            target = target.func.value
        if isinstance(target, ast.Constant) and isinstance(target.value, str):
            return target
    return None


def _is_compile(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and (
        isinstance(node.func, ast.Attribute) and node.func.attr == "compile"
        or isinstance(node.func, ast.Name) and node.func.id == "compile")


class _Counter(ast.NodeVisitor):
    def __init__(self) -> None:
        self.lists: dict[str, list[str]] = defaultdict(list)
        self.seen: set[int] = set()
        self.name = "<module>"
        self.examples: set[int] = set()

    def visit_Assign(self, node: ast.Assign) -> None:
        target = node.targets[0]
        name = target.id if isinstance(target, ast.Name) else ast.unparse(target)
        if name in ("FLAG", "OK", "EXAMPLES"):
            for sub in ast.walk(node.value):
                self.examples.add(id(sub))
        saved, self.name = self.name, f"{name} (line {node.lineno})"
        self.generic_visit(node)
        self.name = saved

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        saved, self.name = self.name, f"{node.name}() (line {node.lineno})"
        self.generic_visit(node)
        self.name = saved

    visit_AsyncFunctionDef = visit_FunctionDef

    def _add(self, const: ast.Constant, words: list[str]) -> None:
        if id(const) in self.seen or id(const) in self.examples:
            return
        self.seen.add(id(const))
        if words:
            self.lists[self.name].extend(words)

    def visit_Call(self, node: ast.Call) -> None:
        const = _split_call(node)
        if const is not None:
            sep = node.args[0].value if node.args and isinstance(node.args[0], ast.Constant) else None
            pieces = const.value.split(sep) if sep else const.value.split()
            self._add(const, [p.strip() for p in pieces if _HAS_LETTER.search(p)])
        elif _is_compile(node) and node.args:
            for sub in ast.walk(node.args[0]):
                if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
                    self._add(sub, _regex_words(sub.value))
        self.generic_visit(node)

    def _elements(self, elements: list[ast.AST | None]) -> None:
        for el in elements:
            if isinstance(el, ast.Constant) and isinstance(el.value, str) and _WORDLIKE.match(el.value):
                self._add(el, [el.value])

    def visit_List(self, node: ast.List) -> None:
        self._elements(node.elts)
        self.generic_visit(node)

    visit_Tuple = visit_List
    visit_Set = visit_List

    def visit_Dict(self, node: ast.Dict) -> None:
        self._elements([*node.keys, *node.values])
        self.generic_visit(node)


def count_file(path: Path) -> dict[str, list[str]]:
    """Hand-written words of one Python file, by list (variable or function name)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    counter = _Counter()
    counter.visit(tree)
    return dict(counter.lists)


def _generated(scripts: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in scripts.glob("*.py")) if scripts.is_dir() else ""


def count_data(data: Path, scripts: Path) -> dict[str, int]:
    """Words of the data files that no script in *scripts* names (hand-written data); the
    license notice of the tables (``NOTICE.txt``) is no word list."""
    built_by_scripts = _generated(scripts)
    out = {}
    for path in sorted(data.rglob("*")) if data.is_dir() else []:
        if not path.is_file() or path.name in built_by_scripts or path.name == "NOTICE.txt":
            continue
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8", errors="replace") as f:
            out[str(path)] = sum(1 for w in f.read().split() if _HAS_LETTER.search(w))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", default=str(ROOT / "textlint"), help="package folder to count")
    ap.add_argument("--show", action="store_true", help="print every list with its words")
    args = ap.parse_args(argv)
    root = Path(args.root).resolve()
    totals = {True: 0, False: 0}
    rows = []
    for path in sorted(root.rglob("*.py")):
        lists = count_file(path)
        n = sum(map(len, lists.values()))
        if n:
            rel = path.relative_to(root).as_posix()
            rows.append((rel, n, lists))
            totals[_language(rel)] += n
    data = count_data(root / "data", root.parent / "scripts")
    totals[True] += sum(data.values())
    checks = sum(n for rel, n, _ in rows if rel.startswith(("checks/", "document.py")))
    classes = sum(n for rel, n, _ in rows if rel == "wordclasses.py")
    print(f"hand-written words in {root.name}/: {totals[True] + totals[False]}")
    print(f"  in the checks (checks/, document.py): {checks}")
    print(f"  closed classes (wordclasses.py): {classes}")
    print(f"  English word knowledge ({', '.join(LANGUAGE)}): {totals[True]}")
    print(f"  other modules (JSON keys, option, format and server names): {totals[False]}")
    print(f"{'file':<45} {'words':>6}")
    sys.stdout.flush()
    for rel, n, lists in sorted(rows, key=lambda r: (not _language(r[0]), -r[1])):
        print(f"{root.name}/{rel:<38} {n:>6}{'' if _language(rel) else '  (other)'}")
        if args.show:
            for name, words in sorted(lists.items(), key=lambda kv: -len(kv[1])):
                print(f"    {len(words):>4}  {name}: {' '.join(words)}")
    for path, n in data.items():
        print(f"{Path(path).relative_to(root.parent)}  {n:>6}  (data file no script builds)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
