"""Build ``textlint/data/tlds.txt``: the top-level domains that mark a token as a domain name.

    pip install publicsuffixlist==1.1.2.20261023
    python scripts/build_tlds.py

Source: the Public Suffix List (Mozilla, https://publicsuffix.org; license MPL-2.0) as the
PyPI package ``publicsuffixlist`` 1.1.2.20261023 (MPL-2.0) ships it
(``publicsuffixlist/public_suffix_list.dat``). From its ICANN section (the IANA root zone's
delegations and the rules under them, not the private registrations), the table keeps each
top-level label written in ASCII letters, in lowercase, sorted, once.

A ``.tld`` ending is read as a domain name only when it cannot be a word glued after a
sentence's period ("the end.Today", "checking.in"): labels that are a lowercase English word
in LanguageTool's tagger dictionary (``textlint/data/wordtags.tsv.gz``, e.g. "news", "app",
"net", "info") or a closed-class word (``textlint.wordclasses``: "in", "to", "it", "me") are
left out. The package is needed only to rebuild the table; the output is reproducible.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textlint import wordclasses as wc  # noqa: E402

OUT = ROOT / "textlint" / "data" / "tlds.txt"
VERSION = "1.1.2.20261023"


def suffix_list() -> Path:
    try:
        import publicsuffixlist
    except ImportError:
        sys.exit(f"publicsuffixlist is missing: pip install publicsuffixlist=={VERSION}")
    from importlib import metadata
    if metadata.version("publicsuffixlist") != VERSION:
        print(f"note: publicsuffixlist {metadata.version('publicsuffixlist')} (the table was built from {VERSION})")
    return Path(publicsuffixlist.__file__).parent / "public_suffix_list.dat"


def top_level_labels(path: Path) -> set[str]:
    labels = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if "===END ICANN DOMAINS===" in line:
            break
        if not line or line.startswith("//"):
            continue
        label = line.lstrip("!*.").split(".")[-1].lower()
        if label.isascii() and label.isalpha():
            labels.add(label)
    return labels


def main() -> int:
    closed = wc.FUNCTION_WORDS | wc.NAME_LIKE
    keep = sorted(t for t in top_level_labels(suffix_list()) if t not in closed and not wc.tags(t))
    header = (f"# top-level domains of the Public Suffix List's ICANN section (publicsuffixlist {VERSION}, "
              "MPL-2.0) that are no lowercase English word (LanguageTool's tagger dictionary) nor a "
              "closed-class word; scripts/build_tlds.py\n")
    OUT.write_text(header + "\n".join(keep) + "\n", encoding="utf-8")
    print(f"{len(keep)} top-level domains -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
