"""Build ``textlint/data/interjections.txt``: the words English uses as interjections.

    python -m textlint languagetool install     # fetches LanguageTool 6.6 from Maven Central
    python scripts/build_interjections.py        # needs a JDK (javac, java >= 17)

Source: the English tagger dictionary of LanguageTool 6.6 (LGPL-2.1-or-later), read as
``scripts/build_wordtags.py`` reads it. A form is kept when it is written in lowercase
letters (perhaps with inner hyphens), the dictionary tags it ``UH`` (interjection) and gives
it no other closed-class or adverb tag: "meow", "hush", "tut" stay (nouns and verbs too);
"well", "there", "why", "away", "never" (adverbs, pronouns) go, since they are function
words or adverbs first. The list is sorted and reproducible; the table written here is a
derived work under LanguageTool's license.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from build_wordtags import LT_VERSION, write_word_list  # noqa: E402

OUT = ROOT / "textlint" / "data" / "interjections.txt"
#: Tags (before any ":") that make a form something besides an interjection: the closed
#: classes and the adverbs.
OTHER_CLOSED = frozenset("DT PDT PRP PRP$ WP WP$ WDT WRB IN CC TO MD EX RP RB RBR RBS".split())


def interjections(lines: list[str]) -> list[str]:
    """The forms tagged UH and no tag of :data:`OTHER_CLOSED`, from ``form\\tlemma\\ttag`` lines."""
    tags: dict[str, set[str]] = defaultdict(set)
    for line in lines:
        form, _lemma, tag = line.split("\t")
        if form.islower() and form.replace("-", "").isalpha() and not form.startswith("-"):
            tags[form].add(tag.split(":")[0].split("_")[0])
    return sorted(f for f, t in tags.items() if "UH" in t and not t & OTHER_CLOSED)


def main() -> int:
    return write_word_list(
        OUT, interjections,
        f"interjections: forms LanguageTool {LT_VERSION}'s english-pos-dict english.dict "
        "(LGPL-2.1-or-later) tags UH and no closed-class or adverb tag; scripts/build_interjections.py",
        "interjections")


if __name__ == "__main__":
    sys.exit(main())
