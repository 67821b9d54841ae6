"""Build ``textlint/data/compound_ends.txt``: the words that end hyphenated compounds.

    python -m textlint languagetool install     # fetches LanguageTool 6.6 from Maven Central
    python scripts/build_compound_ends.py        # needs a JDK (javac, java >= 17)

Source: the English tagger dictionary of LanguageTool 6.6 (LGPL-2.1-or-later), read as
``scripts/build_wordtags.py`` reads it. Its hyphenated forms ("company-wide", "UK-based",
"child-friendly", "country-style") show which words English puts last in a compound: a
lowercase word of two letters or more is kept when it ends at least :data:`MIN_FORMS`
different hyphenated forms. The list is sorted and reproducible; the table written here is a
derived work under LanguageTool's license.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from build_wordtags import LT_VERSION, write_word_list  # noqa: E402

OUT = ROOT / "textlint" / "data" / "compound_ends.txt"
#: How many different hyphenated forms a word must end: one may be a set phrase.
MIN_FORMS = 2


def compound_ends(lines: list[str]) -> list[str]:
    """The lowercase last parts of at least :data:`MIN_FORMS` hyphenated forms, from
    ``form\\tlemma\\ttag`` lines."""
    forms: dict[str, set[str]] = defaultdict(set)
    for line in lines:
        form = line.split("\t", 1)[0]
        head, hyphen, last = form.rpartition("-")
        if hyphen and head and last.isalpha() and last.islower() and len(last) > 1:
            forms[last].add(form.lower())
    return sorted(w for w, f in forms.items() if len(f) >= MIN_FORMS)


def main() -> int:
    return write_word_list(
        OUT, compound_ends,
        f"words that end at least {MIN_FORMS} hyphenated forms of LanguageTool {LT_VERSION}'s "
        "english-pos-dict english.dict (LGPL-2.1-or-later); scripts/build_compound_ends.py",
        "compound ends")


if __name__ == "__main__":
    sys.exit(main())
