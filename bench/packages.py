"""False alarms on the descriptions of the Python packages installed here: text of a kind no
evaluation set holds (project READMEs: Markdown, or reStructuredText read as plain text).

    python bench/packages.py [--samples N]

Reads the long description (the body of ``METADATA``) of every package installed in this
interpreter's and pyenv's ``site-packages``, once per package name: a description whose
``Description-Content-Type`` is Markdown is linted as a ``.md`` file, any other (mostly
reStructuredText, which textlint does not lint by default) as a ``.txt`` file. Descriptions
under 1,500 characters are skipped. Prints the findings per rule and per 10,000 words, as
``bench/techdocs.py`` does; edited READMEs have few of the defects textlint looks for, so most
findings are false alarms (read the samples). What is installed differs from machine to
machine: compare trees on one machine, not figures across machines.
"""

from __future__ import annotations

import argparse
import email
import glob
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from techdocs import report  # noqa: E402

MIN_CHARS = 1_500


def descriptions() -> list[tuple[str, str]]:
    """(path, text) of each installed package's long description, by package name."""
    found: dict[str, tuple[str, str]] = {}
    patterns = [str(Path(p) / "*.dist-info" / "METADATA") for p in sys.path if p.endswith("site-packages")]
    patterns.append(str(Path.home() / ".pyenv/versions/*/lib/python3*/site-packages/*.dist-info/METADATA"))
    for pattern in patterns:
        for meta in sorted(glob.glob(pattern)):
            with open(meta, encoding="utf-8", errors="replace") as f:
                message = email.message_from_file(f)
            body = message.get_payload()
            if not isinstance(body, str) or len(body) < MIN_CHARS:
                continue
            name = Path(meta).parent.name.split("-")[0].lower()
            markdown = "markdown" in (message.get("Description-Content-Type") or "").lower()
            found.setdefault(name, (f"{name}.{'md' if markdown else 'txt'}", body))
    return [found[name] for name in sorted(found)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--samples", type=int, default=3, help="findings shown per rule")
    a = ap.parse_args()
    docs = descriptions()
    if not docs:
        print("no package descriptions found; skipped")
        return
    for kind in (".md", ".txt"):
        chosen = [d for d in docs if d[0].endswith(kind)]
        print(f"== {'Markdown' if kind == '.md' else 'other (reStructuredText, plain text)'} descriptions")
        report(chosen, a.samples)


if __name__ == "__main__":
    main()
