"""Build ``textlint/data/wordtags.tsv.gz``: the parts of speech of English words.

    python -m textlint languagetool install     # fetches LanguageTool 6.6 from Maven Central
    python scripts/build_wordtags.py             # needs a JDK (javac, java >= 17)

Source: the English tagger dictionary of LanguageTool 6.6,
``org/languagetool/resource/en/english.dict`` in the Maven artifact
``org.languagetool:english-pos-dict:0.6`` (which ``textlint languagetool install`` puts in
``<cache>/languagetool/6.6/lib/``). License: LGPL-2.1-or-later (LanguageTool's data); the
table written here is a derived work under the same license, see the header of the output.
The dictionary is a morfologik automaton; a 20-line Java program (below, compiled against
``morfologik-stemming-2.1.9.jar`` and ``morfologik-fsa-2.1.9.jar`` from the same folder)
lists its entries (form, lemma, Penn Treebank tag as LanguageTool extends it).

For every form of at least 2 letters whose lowercase form has a ``wordfreq`` Zipf frequency of
at least 2.0 (``textlint.lexicon``), the table keeps one line: the form and the letters of the
classes LanguageTool gives it:

    N  common noun (NN, NNS, NN:U, NN:UN)      P  proper noun (NNP, NNPS) -- capitalised forms
    V  verb, base or present (VB, VBP)         Z  verb, 3rd person singular (VBZ)
    D  verb, past tense (VBD)                  E  past participle (VBN)
    G  gerund or present participle (VBG)      J  adjective (JJ, JJR, JJS)
    R  adverb (RB, RBR, RBS)                   C  closed class (DT PDT PRP PRP$ WP WP$ WDT
                                                  WRB IN CC TO MD EX RP UH)
    #  cardinal number (CD)

Closed classes are not read from here (``textlint.wordclasses`` defines them); the table
answers open-class questions: can this word be a noun, is it only a verb, does the
dictionary know its capitalised form as a name. The output is sorted and reproducible.
"""

from __future__ import annotations

import gzip
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textlint.lexicon import get_lexicon  # noqa: E402

OUT = ROOT / "textlint" / "data" / "wordtags.tsv.gz"
LT_VERSION = "6.6"
DICT = "/org/languagetool/resource/en/english.dict"
JARS = ("morfologik-stemming-2.1.9.jar", "morfologik-fsa-2.1.9.jar", "english-pos-dict-0.6.jar")
MIN_ZIPF = 2.0

JAVA = """
import morfologik.stemming.*;
import java.io.*;
public class DumpDict {
  public static void main(String[] a) throws Exception {
    Dictionary d = Dictionary.read(DumpDict.class.getResource(a[0]));
    PrintStream out = new PrintStream(new BufferedOutputStream(System.out, 1 << 16), false, "UTF-8");
    for (WordData w : new DictionaryLookup(d)) {
      out.print(w.getWord()); out.print('\\t'); out.print(w.getStem()); out.print('\\t');
      out.println(w.getTag());
    }
    out.flush();
  }
}
"""

#: Penn Treebank tags (as LanguageTool writes them, before any ":" or "_") -> class letter.
CLASSES = {
    "NN": "N", "NNS": "N", "NNP": "P", "NNPS": "P",
    "VB": "V", "VBP": "V", "VBZ": "Z", "VBD": "D", "VBN": "E", "VBG": "G",
    "JJ": "J", "JJR": "J", "JJS": "J", "RB": "R", "RBR": "R", "RBS": "R", "CD": "#",
    **{t: "C" for t in "DT PDT PRP PRP$ WP WP$ WDT WRB IN CC TO MD EX RP UH".split()},
}


def lt_lib() -> Path:
    from textlint.languagetool.install import home
    from textlint.languagetool.settings import LanguageToolSettings

    return home(LanguageToolSettings(), LT_VERSION) / "lib"


def dump(lib: Path) -> list[str]:
    """The dictionary's entries as ``form\\tlemma\\ttag`` lines."""
    classpath = ":".join(str(lib / j) for j in JARS)
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "DumpDict.java").write_text(JAVA, encoding="utf-8")
        subprocess.run(["javac", "-cp", classpath, "DumpDict.java"], cwd=tmp, check=True)
        out = subprocess.run(["java", "-cp", f"{classpath}:{tmp}", "DumpDict", DICT],
                             check=True, capture_output=True)
    return out.stdout.decode("utf-8").splitlines()


def dictionary_lines() -> list[str] | None:
    """:func:`dump` of the installed LanguageTool's dictionary; None (said on stderr) when
    LanguageTool is not installed."""
    lib = lt_lib()
    if not (lib / JARS[2]).exists():
        print(f"LanguageTool {LT_VERSION} is not installed in {lib}: "
              "run `python -m textlint languagetool install`", file=sys.stderr)
        return None
    return dump(lib)


def write_word_list(out: Path, select: Callable[[list[str]], list[str]], header: str, what: str) -> int:
    """Write the words that *select* picks from the dictionary's lines to *out*, one a line
    under the comment *header* (source, version, licence, script); 1 when the dictionary is
    not installed. The builders of word lists from LanguageTool's dictionary share it."""
    lines = dictionary_lines()
    if lines is None:
        return 1
    words = select(lines)
    out.write_text(f"# {header}\n" + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} {what} -> {out.relative_to(ROOT)}")
    return 0


def main() -> int:
    lines = dictionary_lines()
    if lines is None:
        return 1
    lexicon = get_lexicon()
    classes: dict[str, set[str]] = defaultdict(set)
    for line in lines:
        form, _lemma, tag = line.split("\t")
        letter = CLASSES.get(tag.split(":")[0].split("_")[0])
        if letter is None or len(form) < 2 or not form.replace("-", "").replace("'", "").isalpha():
            continue
        if letter == "P" and not form[0].isupper():
            continue
        if lexicon.zipf(form.lower()) < MIN_ZIPF:
            continue
        classes[form].add(letter)
    rows = sorted(f"{form}\t{''.join(sorted(letters))}" for form, letters in classes.items())
    header = (f"# form\tclasses (N noun, P proper noun, V verb, Z verb -s, D past, E past participle, "
              f"G -ing, J adjective, R adverb, C closed class, # number); from LanguageTool "
              f"{LT_VERSION} english-pos-dict english.dict (LGPL-2.1-or-later)\n")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(OUT, "wb", compresslevel=9, mtime=0) as f:
        f.write((header + "\n".join(rows) + "\n").encode("utf-8"))
    print(f"{len(rows)} forms -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
