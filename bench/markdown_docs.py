"""False alarms and safe fixes on Markdown documentation installed on this machine: npm's
manual and the Markdown files of the Go modules in the module cache. Edited technical prose
in Markdown (code spans and blocks, command lines, version numbers, changelogs) that no other
benchmark was tuned on, read at run time (it never enters the repository: each file comes
under the licence of the package or module that ships it, in the same directory tree).

    python bench/markdown_docs.py [--part tune|test|all] [--every N] [--samples N] [--show N]
                                  [--only npm|gomod]

Two sets, each reported on its own:

- ``npm``: ``docs/content/**/*.md`` of the npm installed beside node
  (``/usr/lib/node_modules/npm``, or ``npm root -g`` when npm is on the PATH); a page is a
  unit;
- ``gomod``: the ``*.md`` files of the modules under ``$GOMODCACHE`` (``go env GOMODCACHE``,
  else ``$GOPATH/pkg/mod``, else ``~/go/pkg/mod``), without the download cache. Left out:
  licences (``LICENSE*``, ``COPYING*``), what the Go tool itself ignores (directories and
  files whose names start with ``.`` or ``_``, ``testdata``) and test directories (test
  fixtures hold deliberate errors), templates (``*template*``, ``*.tpl.*``), translations
  (``README.zh-CN.md``), and files that say in their first lines that they are generated.
  A module is a unit, its versions and major versions (``/v2``, ``.v3``) one module, so that
  a module's files, mostly by one author, stay on one side.

Each text is read once (the same code of conduct ships in many modules). The units are
sorted by name and every ``--every``-th is taken; unit i goes to the ``tune`` part when i is
even and to the ``test`` part when odd (``debian.part_of``). Each file is one document,
linted as Markdown with all default rules, no LanguageTool: findings per rule and per 10,000
words of prose (``bench/techdocs.py``'s report), then plain ``--fix`` (safe fixes only), the
lines it changes and the rules that changed them (``bench/safefix.py``'s run). Published
documentation has few of the defects textlint looks for: read the samples to judge. Sets
whose sources are absent are skipped. What is installed differs from machine to machine;
compare trees on one machine.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from debian import part_of, run_sets, split_parser  # noqa: E402

from textlint.engine import Engine, Overrides  # noqa: E402

NPM_DOCS = Path("docs") / "content"
MAX_BYTES = 400_000
GENERATED_LINES = 5
_SKIPPED_NAME = re.compile(r"^(?:licen[cs]e|copying)|template|\.tpl\.|\.[a-z]{2}[-_][a-z]{2}\.md$", re.I)
_SKIPPED_DIRS = {"testdata", "test", "tests"}
_GENERATED = re.compile(r"\bgenerated\b|do not edit", re.I)
_MAJOR_VERSION = re.compile(r"(?:/v\d+|\.v\d+)$")


# -- npm's manual ------------------------------------------------------------------------------

def npm_root() -> Path | None:
    """The directory npm is installed in, or None."""
    default = Path("/usr/lib/node_modules/npm")
    if (default / NPM_DOCS).is_dir():
        return default
    if shutil.which("npm"):
        done = subprocess.run(["npm", "root", "-g"], capture_output=True, text=True, check=False)
        root = Path(done.stdout.strip()) / "npm"
        if done.returncode == 0 and (root / NPM_DOCS).is_dir():
            return root
    return None


def npm_pages() -> list[tuple[str, list[Path]]]:
    """(page, [path]) for each page of npm's manual, sorted by path."""
    root = npm_root()
    if root is None:
        return []
    base = root / NPM_DOCS
    return [(str(p.relative_to(base)), [p]) for p in sorted(base.rglob("*.md")) if p.is_file()]


# -- the Go module cache -----------------------------------------------------------------------

def module_cache() -> Path | None:
    cache = os.environ.get("GOMODCACHE")
    if not cache and shutil.which("go"):
        cache = subprocess.run(["go", "env", "GOMODCACHE"], capture_output=True, text=True,
                               check=False).stdout.strip()
    if not cache:
        cache = str(Path(os.environ.get("GOPATH") or Path.home() / "go") / "pkg" / "mod")
    return Path(cache) if Path(cache).is_dir() else None


def _module(relative: Path) -> str | None:
    """The module a file of the cache belongs to, without version or major version suffix."""
    parts = relative.parts
    for i, part in enumerate(parts):
        if "@" in part:
            return _MAJOR_VERSION.sub("", "/".join([*parts[:i], part.split("@")[0]]))
    return None


def _kept(relative: Path, text: str) -> bool:
    """Whether a Markdown file of a module is published prose: not a licence, test data,
    template, translation or generated file, nor in a directory the Go tool ignores."""
    module_dir = next(i for i, part in enumerate(relative.parts) if "@" in part)
    inner = relative.parts[module_dir + 1:]
    if any(p.startswith((".", "_")) or p.lower() in _SKIPPED_DIRS for p in inner):
        return False
    if _SKIPPED_NAME.search(relative.name):
        return False
    return not _GENERATED.search("\n".join(text.split("\n", GENERATED_LINES)[:GENERATED_LINES]))


def module_files() -> list[tuple[str, list[Path]]]:
    """(module, [its Markdown files]) for each module of the cache, sorted by module."""
    cache = module_cache()
    if cache is None:
        return []
    found: dict[str, list[Path]] = {}
    for dirpath, dirnames, filenames in os.walk(cache):
        if Path(dirpath) == cache:
            dirnames[:] = [d for d in dirnames if d != "cache"]  # the download cache: archives
        dirnames.sort()
        for name in sorted(filenames):
            path = Path(dirpath, name)
            relative = path.relative_to(cache)
            module = _module(relative)
            if name.lower().endswith(".md") and module and path.is_file():
                found.setdefault(module, []).append(path)
    return sorted(found.items())


# -- documents ---------------------------------------------------------------------------------

def unique(units: list[tuple[str, list[Path]]], root: Path | None, keep=lambda relative, text: True,
           ) -> list[tuple[str, list[tuple[str, str]]]]:
    """(unit, [(name, text)]) of the units with files kept, each text once over all units
    (the first unit that has it keeps it), so that no text is on both sides of the split."""
    out, seen = [], set()
    for unit, paths in units:
        docs = []
        for path in paths:
            data = path.read_bytes()
            if len(data) > MAX_BYTES or b"\0" in data or data in seen:
                continue
            text = data.decode("utf-8", "replace")
            relative = path.relative_to(root) if root else path
            if keep(relative, text):
                seen.add(data)
                docs.append((str(relative), text))
        if docs:
            out.append((unit, docs))
    return out


def documents(units: list[tuple[str, list[tuple[str, str]]]], part: str, every: int) -> list[tuple[str, str]]:
    """The (name, text) of the files of the units of *part*."""
    return [doc for _, docs in part_of(units, part, every) for doc in docs]


def npm_documents(part: str, every: int) -> list[tuple[str, str]]:
    root = npm_root()
    return documents(unique(npm_pages(), root / NPM_DOCS if root else None), part, every)


def module_documents(part: str, every: int) -> list[tuple[str, str]]:
    return documents(unique(module_files(), module_cache(), _kept), part, every)


def main() -> None:
    ap = split_parser(__doc__, "pages (npm) and modules (Go)", show="lines changed by --fix shown per set")
    ap.add_argument("--only", action="append", choices=["npm", "gomod"])
    a = ap.parse_args()
    engine = Engine(overrides=Overrides(languagetool=False))
    run_sets({"npm": lambda: npm_documents(a.part, a.every),
              "gomod": lambda: module_documents(a.part, a.every)}, a, engine)


if __name__ == "__main__":
    main()
