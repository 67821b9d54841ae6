"""False alarms and safe fixes on the prose of the manual pages installed here: edited English
of a kind no other benchmark holds (reference manuals by many authors, written in roff and read
as the plain text ``man`` shows), read from this machine at run time (it never enters the
repository: each page comes under the licence of the package that installs it, named in that
package's ``/usr/share/doc/PACKAGE/copyright``; the Linux man-pages project's pages, for
example, under its "verbatim" licence, GNU's under the GFDL or GPL).

    python bench/manpages.py [--part tune|test|all] [--pages N] [--every N] [--samples N]
                             [--show N]

The pages are those that dpkg says a package installed (``/var/lib/dpkg/info/*.list``) in
``/usr/share/man/man1`` … ``man9`` (English only; symbolic links and ``.so`` redirections left
out, each source once). A package's pages are sorted by path and at most ``--pages`` of them
(default ``MAX_PAGES``), evenly spaced, are taken, so that no package's generated pages (one
command-line tool installs thousands) outweigh the rest. The packages are sorted by name and
every ``--every``-th is taken; of those, package i goes to the ``tune`` part when i is even and
to the ``test`` part when odd (tune on one, report the other: a package's pages, mostly by one
author, stay on one side).

Each page is rendered by groff (``-mandoc -t -Tutf8``, no hyphenation, left-adjusted, a line
length of ``LINE_LENGTH`` ens so that a filled paragraph comes out as one line, no bold or
underline), and only its prose is kept: a paragraph is a line that stands alone between
blank lines (or the body of a tagged paragraph, under its tag), of ``MIN_WORDS`` words or
more, that starts with a capital letter and ends as a sentence does. What groff leaves
unfilled — code examples, tables, synopses, lists set line by line — comes out as runs of
lines and is dropped, as are the sections NAME, SYNOPSIS, SEE ALSO, AUTHOR(S), COPYRIGHT,
REPORTING BUGS and COLOPHON (boilerplate and lists of names); a bullet before a paragraph is
removed, runs of spaces (groff sets two after a sentence) are made one, and each paragraph is
kept once per part. A page's paragraphs, a blank line apart, make one document, linted as
plain text with all default rules, no LanguageTool: findings per rule and per 10,000 words
(``bench/techdocs.py``'s report), then plain ``--fix`` (safe fixes only), the lines it changes
and the rules that changed them (``bench/safefix.py``'s run). Edited manuals have few of the
defects textlint looks for: read the samples to judge. Skips cleanly where dpkg's lists, the
pages or groff are absent. What is installed differs from machine to machine; compare trees
on one machine.
"""

from __future__ import annotations

import bz2
import gzip
import lzma
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from debian import part_of, split_parser  # noqa: E402
from safefix import run as fix_run  # noqa: E402
from techdocs import report  # noqa: E402

from textlint.engine import Engine, Overrides  # noqa: E402

DPKG_INFO = Path("/var/lib/dpkg/info")
MAN_ROOT = Path("/usr/share/man")
MAX_PAGES = 8
MIN_WORDS = 8
LINE_LENGTH = 4000
GROFF = ["groff", "-k", "-t", "-mandoc", "-Tutf8", "-P-cbou", f"-rLL={LINE_LENGTH}n", "-rHY=0", "-dAD=l"]
SKIPPED_SECTIONS = {"NAME", "SYNOPSIS", "SEE ALSO", "AUTHOR", "AUTHORS", "COPYRIGHT", "REPORTING BUGS",
                    "COLOPHON"}
_PAGE = re.compile(r"^/usr/share/man/man[1-9]/[^/]+$")
_BULLET = re.compile(r"^(?:[•·*o-]|\d{1,2}[.)])\s+(?=\S)")
_SENTENCE_END = re.compile(r"[.?!:][)\"'’”]?$")


# -- the pages ---------------------------------------------------------------------------------

def package_pages() -> dict[str, list[Path]]:
    """{package: its man pages, sorted}: regular files that dpkg lists under /usr/share/man/manN."""
    found: dict[str, list[Path]] = {}
    for listing in sorted(DPKG_INFO.glob("*.list")):
        package = listing.stem.split(":")[0]
        for line in listing.read_text(encoding="utf-8", errors="replace").splitlines():
            if _PAGE.match(line) and os.path.isfile(line) and not os.path.islink(line):
                found.setdefault(package, []).append(Path(line))
    return {package: sorted(set(pages)) for package, pages in found.items()}


def spaced(items: list, k: int) -> list:
    """At most *k* of *items*, evenly spaced, the first always among them."""
    n = len(items)
    return items if n <= k else [items[i * n // k] for i in range(k)]


def roff_source(path: Path) -> str:
    data = path.read_bytes()
    opener = {".gz": gzip.decompress, ".bz2": bz2.decompress, ".xz": lzma.decompress}.get(path.suffix)
    return (opener(data) if opener else data).decode("utf-8", "replace")


_TAGGED = re.compile(r"^[.'][ \t]*(?:IP[ \t]+\S|It[ \t]+\S)")
_TAG_NEXT = re.compile(r"^[.'][ \t]*TP\b")
_COMMENT = re.compile(r"^[.'][ \t]*\\\"")


def tags_apart(source: str) -> str:
    """The roff source with a break after each paragraph tag (``.TP``'s next line, ``.IP``'s
    and mdoc's ``.It``'s argument), so that a tag is set on a line of its own, never run into
    the first words of its paragraph."""
    lines, out, tag_next = source.split("\n"), [], False
    for line in lines:
        out.append(line)
        if tag_next and not _COMMENT.match(line):
            out.append(".br")
            tag_next = False
        elif _TAG_NEXT.match(line):
            tag_next = True
        elif _TAGGED.match(line):
            out.append(".br")
    return "\n".join(out)


def render(source: str) -> str:
    """The page as groff sets it for a terminal, a filled paragraph a line; '' on failure."""
    try:
        done = subprocess.run(GROFF, input=tags_apart(source).encode("utf-8"), capture_output=True, cwd=MAN_ROOT,
                              timeout=60, check=False)
    except subprocess.TimeoutExpired:
        return ""
    return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else ""


# -- the prose of a rendered page --------------------------------------------------------------

def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _blocks(rendered: str) -> list[tuple[str, list[str]]]:
    """(section, lines) for each run of non-blank lines under a section heading."""
    section, blocks, run = "", [], []
    for line in rendered.splitlines() + [""]:
        if not line.strip():
            if run:
                blocks.append((section, run))
            run = []
        elif _indent(line) == 0:
            section, run = line.strip(), []
        else:
            run.append(line)
    return blocks


def _paragraph_line(lines: list[str]) -> str | None:
    """The line of a block that is a filled paragraph: the block's only line, or the body
    under a tagged paragraph's tag; None for anything set line by line."""
    if len(lines) == 1:
        return lines[0]
    if len(lines) == 2 and _indent(lines[1]) > _indent(lines[0]):
        return lines[1]
    return None


def prose(rendered: str) -> list[str]:
    """The prose paragraphs of a rendered page, a paragraph a line."""
    paragraphs = []
    for section, lines in _blocks(rendered):
        line = _paragraph_line(lines)
        if section in SKIPPED_SECTIONS or line is None:
            continue
        text = " ".join(_BULLET.sub("", line.strip()).split())
        if len(text.split()) >= MIN_WORDS and text[:1].isupper() and _SENTENCE_END.search(text):
            paragraphs.append(text)
    return paragraphs


def documents(part: str, every: int, pages: int) -> list[tuple[str, str]]:
    """(name, text) for each page of the part with prose: its paragraphs, a blank line apart."""
    chosen = part_of(sorted(package_pages().items()), part, every)
    docs, seen_sources, seen_paragraphs = [], set(), set()
    for package, paths in chosen:
        for path in spaced(paths, pages):
            source = roff_source(path)
            if source in seen_sources or source.lstrip().startswith(".so "):
                continue
            seen_sources.add(source)
            kept = [p for p in prose(render(source)) if p not in seen_paragraphs]
            seen_paragraphs.update(kept)
            if kept:
                docs.append((f"{package}-{path.name.split('.gz')[0]}.txt", "\n\n".join(kept) + "\n"))
    return docs


def main() -> None:
    ap = split_parser(__doc__, "packages")
    ap.add_argument("--pages", type=int, default=MAX_PAGES, help=f"pages per package (default {MAX_PAGES})")
    a = ap.parse_args()
    print(f"==== manpages ({a.part})")
    if not (DPKG_INFO.is_dir() and MAN_ROOT.is_dir() and shutil.which("groff")):
        print("no dpkg lists, man pages or groff on this machine; skipped")
        return
    docs = documents(a.part, a.every, a.pages)
    if not docs:
        print("no pages with prose on this machine; skipped")
        return
    report(docs, a.samples)
    fix_run("manpages", docs, Engine(overrides=Overrides(languagetool=False)), a.show)


if __name__ == "__main__":
    main()
