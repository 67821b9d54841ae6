"""False alarms and safe fixes on Debian's package descriptions: clean English prose of a kind
no evaluation set holds, read from this machine (it never enters the repository: Debian's
descriptions come under their packages' licences).

    python bench/debian.py [--part tune|test|all] [--every N] [--samples N] [--show N]

Three kinds of text, each reported on its own:

- ``debian``: the long descriptions of the package indexes apt and dpkg keep
  (``/var/lib/apt/lists/*_Packages.lz4`` and ``*Translation-en*`` where they hold long
  descriptions — read with ``lz4cat`` or the ``lz4`` module, skipped without either — and
  ``/var/lib/dpkg/status``), in Debian's format turned into the plain text a user would
  have: the synopsis as a first line, the leading space of each line removed, `` .`` as a
  blank line between paragraphs, lists ("*", "-") and verbatim lines (two spaces) kept,
  lines wrapped as the maintainer wrapped them; one description per package name;
- ``appstream``: the English (``C``) descriptions of AppStream's component catalogue
  (``/var/lib/apt/lists/*Components-*.yml.gz``), HTML rendered as text: a paragraph a line,
  a list item a line starting with "* ";
- ``readme``: ``/usr/share/doc/*/README*`` (plain or gzip'd text, each text once; ``.md``
  linted as Markdown).

The descriptions are sorted by package name and every Nth is taken (``--every``); sample i
goes to the ``tune`` part when i is even and to the ``test`` part when odd (tune on one,
report the other), and each part's descriptions are joined, in order, into documents of
about ``DOCUMENT_WORDS`` words. README files alternate between the parts the same way.
Each set is linted with all default rules, no LanguageTool: findings per rule and per
10,000 words (``bench/techdocs.py``'s report), then plain ``--fix`` (safe fixes only), the
lines it changes and the rules that changed them (``bench/safefix.py``'s run). Edited
descriptions have few of the defects textlint looks for: read the samples to judge. What is
installed differs from machine to machine; compare trees on one machine.
"""

from __future__ import annotations

import argparse
import glob
import gzip
import html.parser
import re
import shutil
import subprocess
import sys
from pathlib import Path
from collections.abc import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

from safefix import run as fix_run  # noqa: E402
from techdocs import report  # noqa: E402

from textlint.engine import Engine, Overrides  # noqa: E402

LISTS = Path("/var/lib/apt/lists")
DPKG_STATUS = Path("/var/lib/dpkg/status")
DOCS = Path("/usr/share/doc")
DOCUMENT_WORDS = 1_500
README_MAX_BYTES = 200_000


# -- Debian's control-file descriptions -------------------------------------------------------

def _read_index(path: Path) -> str | None:
    """The text of a package index, decompressed; None when it cannot be read here."""
    if path.suffix == ".lz4":
        if shutil.which("lz4cat"):
            return subprocess.run(["lz4cat", str(path)], capture_output=True, check=True).stdout.decode(
                "utf-8", "replace")
        try:
            import lz4.frame
        except ImportError:
            return None
        return lz4.frame.decompress(path.read_bytes()).decode("utf-8", "replace")
    if path.suffix == ".gz":
        return gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
    if path.suffix in (".xz", ".lzma"):
        import lzma

        return lzma.decompress(path.read_bytes()).decode("utf-8", "replace")
    if path.suffix == ".bz2":
        import bz2

        return bz2.decompress(path.read_bytes()).decode("utf-8", "replace")
    return path.read_text(encoding="utf-8", errors="replace")


_DESCRIPTION = re.compile(r"^(?:Description|Description-en): ?(.*)\n((?:[ \t].*(?:\n|$))*)", re.M)
_PACKAGE = re.compile(r"^Package: *(\S+)", re.M)


def control_descriptions(text: str) -> dict[str, str]:
    """{package: plain text} of the stanzas of a control file that have a long description."""
    found = {}
    for stanza in text.split("\n\n"):
        name, desc = _PACKAGE.search(stanza), _DESCRIPTION.search(stanza)
        if name and desc and desc.group(2).strip():
            found[name.group(1)] = debian_text(desc.group(1), desc.group(2))
    return found


def debian_text(synopsis: str, body: str) -> str:
    """Debian's description format as plain text: synopsis, then the paragraphs."""
    lines = [synopsis.strip(), ""]
    for line in body.rstrip("\n").split("\n"):
        line = line[1:] if line[:1] in " \t" else line
        lines.append("" if line.strip() == "." else line.rstrip())
    return "\n".join(lines).strip() + "\n"


def debian_descriptions() -> dict[str, str]:
    indexes = sorted(glob.glob(str(LISTS / "*_Packages*")) + glob.glob(str(LISTS / "*Translation-en*")))
    found: dict[str, str] = {}
    for path in [Path(p) for p in indexes] + [DPKG_STATUS]:
        if not path.is_file():
            continue
        text = _read_index(path)
        if text is not None:
            for name, desc in control_descriptions(text).items():
                found.setdefault(name, desc)
    return found


# -- AppStream ---------------------------------------------------------------------------------

class _HtmlText(html.parser.HTMLParser):
    """AppStream's description markup (p, ul/ol, li, em, code) as text: a block a line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in ("p", "li"):
            self._flush()
            self._current = ["* "] if tag == "li" else []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("p", "li"):
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._current is None:
            self._current = []
        self._current.append(data)

    def _flush(self) -> None:
        if self._current is not None:
            block = " ".join("".join(self._current).split())
            if block not in ("", "*"):
                self.blocks.append(block)
        self._current = None

    def text(self) -> str:
        self._flush()
        out: list[str] = []
        for block in self.blocks:  # paragraphs apart, list items together
            if out and not (block.startswith("* ") and out[-1].startswith("* ")):
                out.append("")
            out.append(block)
        return "\n".join(out) + "\n"


def appstream_text(markup: str) -> str:
    parser = _HtmlText()
    parser.feed(markup)
    parser.close()
    return parser.text()


def appstream_descriptions() -> dict[str, str]:
    files = sorted(glob.glob(str(LISTS / "*Components-*.yml.gz")))
    if not files:
        return {}
    try:
        import yaml
    except ImportError:
        return {}
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    found: dict[str, str] = {}
    for path in files:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for component in yaml.load_all(f, Loader=loader):
                description = (component or {}).get("Description") or {}
                if isinstance(description, dict) and description.get("C"):
                    key = f"{component.get('Package')}/{component.get('ID')}"
                    found.setdefault(key, appstream_text(description["C"]))
    return found


# -- README files ------------------------------------------------------------------------------

def readmes() -> list[tuple[str, str]]:
    """The README files of /usr/share/doc, each text once (a source package installs the
    same README under each of its binary packages' names)."""
    docs, seen = [], set()
    for p in sorted(glob.glob(str(DOCS / "*" / "README*"))):
        path = Path(p)
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        if len(data) > README_MAX_BYTES or b"\0" in data or data in seen:
            continue
        seen.add(data)
        name = path.name.removesuffix(".gz")
        if name.endswith((".html", ".htm")):
            continue  # markup, not text
        kind = ".md" if name.endswith(".md") else ".txt"
        docs.append((f"{path.parent.name}-{name}{'' if name.endswith(kind) else kind}",
                     data.decode("utf-8", "replace")))
    return docs


# -- sampling ----------------------------------------------------------------------------------

def split_parser(doc: str, units: str, show: str = "lines changed by --fix shown") -> argparse.ArgumentParser:
    """The options of a benchmark split into a tune and a test half by its *units* (packages,
    modules, descriptions): --part, --every, --samples, --show."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--part", choices=["tune", "test", "all"], default="test",
                    help=f"the even-numbered {units} (tune), the odd-numbered (test, the default), or all")
    ap.add_argument("--every", type=int, default=1, help=f"take every Nth of the {units} (default 1)")
    ap.add_argument("--samples", type=int, default=3, help="findings shown per rule")
    ap.add_argument("--show", type=int, default=10, help=show)
    return ap


def part_of(items: list, part: str, every: int) -> list:
    """Every *every*-th item; of those, the even-numbered (tune) or odd-numbered (test) ones."""
    sample = items[::every]
    if part == "all":
        return sample
    return sample[0 if part == "tune" else 1::2]


def documents(descriptions: list[tuple[str, str]], stem: str) -> list[tuple[str, str]]:
    """The descriptions joined, in order, into documents of about DOCUMENT_WORDS words."""
    docs, current, words = [], [], 0
    for _, text in descriptions:
        current.append(text.strip())
        words += len(text.split())
        if words >= DOCUMENT_WORDS:
            docs.append((f"{stem}-{len(docs) + 1:03}.txt", "\n\n".join(current) + "\n"))
            current, words = [], 0
    if current:
        docs.append((f"{stem}-{len(docs) + 1:03}.txt", "\n\n".join(current) + "\n"))
    return docs


def main() -> None:
    ap = split_parser(__doc__, "descriptions", show="lines changed by --fix shown per set")
    ap.add_argument("--only", action="append", choices=["debian", "appstream", "readme"])
    a = ap.parse_args()
    engine = Engine(overrides=Overrides(languagetool=False))
    sets = {"debian": lambda: documents(part_of(sorted(debian_descriptions().items()), a.part, a.every), "debian"),
            "appstream": lambda: documents(part_of(sorted(appstream_descriptions().items()), a.part, a.every),
                                           "appstream"),
            "readme": lambda: part_of(readmes(), a.part, a.every)}
    run_sets(sets, a, engine)


def run_sets(sets: dict[str, Callable[[], list]], a: argparse.Namespace, engine: Engine) -> None:
    """Report the findings and the lines plain ``--fix`` changes of each set that ``--only``
    names (all by default), built by its function on demand; a set with no data is skipped."""
    for name in a.only or list(sets):
        docs = sets[name]()
        print(f"==== {name} ({a.part})")
        if not docs:
            print("no data on this machine; skipped")
            continue
        report(docs, a.samples)
        fix_run(name, docs, engine, a.show)


if __name__ == "__main__":
    main()
