"""Build ``textlint/data/wordnet_classes.tsv.gz``: English words by meaning, from WordNet.

    apt-get install wordnet-base        # Debian bookworm: WordNet 3.0 (1:3.0-37)
    python scripts/build_wordnet_classes.py [--wordnet /usr/share/wordnet]

Source: the WordNet 3.0 database as Debian's ``wordnet-base`` package installs it
(``/usr/share/wordnet/data.noun``, ``data.verb``, ``index.noun``, ``index.verb``, ``index.adj``, ``noun.exc``,
``verb.exc``, ``cntlist.rev``). License: the WordNet 3.0 license (Princeton University, permissive: use, copy,
modify and distribute with the copyright notice), "WordNet 3.0 Copyright 2006 by Princeton
University. All rights reserved." The table written here is derived from it and carries the
notice in its header. The script reads the plain database files itself (no WordNet library
is needed); forms are checked against LanguageTool's tagger table
(``textlint/data/wordtags.tsv.gz``) and frequencies come from ``wordfreq``
(``textlint.lexicon``), so the output is reproducible from the same inputs and sorted.

Each line is ``word<TAB>classes``, the classes being letters:

``B`` body
    A noun one of whose two most frequent senses (WordNet lists senses by frequency) is an
    organisation (``organization.n.01``: governments, parties, armies, companies, unions,
    cabinets), an administrative district (``administrative_district.n.01``: provinces), a
    gathering (``gathering.n.01``: parliaments, senates, assemblies, conferences) or a
    political system (``political_system.n.01``: republics, monarchies). News English writes the article before the names such nouns head in
    lowercase ("the State Duma"), unlike the titles of publications and works ("The Times").
``H`` head of a name
    A noun one of whose two most frequent senses is a kind of thing that bears proper names:
    the bodies above, a geographical area (``geographical_area.n.01``), a publication (``publication.n.01``), a broadcast or
    show (``broadcast.n.02``, ``show.n.03``), a film (``movie.n.01``), a musical composition
    (``musical_composition.n.01``), a vessel (``vessel.n.02``), a social event or contest
    (``social_event.n.01``, ``contest.n.01``), an award (``award.n.02``, ``award.n.03``), a
    document (``document.n.01``), a plan or programme (``plan.n.01``), a campaign or
    movement (``campaign.n.02``, ``social_movement.n.01``), a thoroughfare or building
    (``thoroughfare.n.01``, ``building.n.01``), a trophy (``trophy.n.01``). Capitalised
    alone, such a noun may be the short name of one ("the Commission", "the Programme") or
    the house style of a publication ("the Government", "in Cabinet").
``A`` appositive head
    A noun whose most frequent sense is one of those kinds: before or after a capitalised
    word it introduces a name ("the union Unison", "Hazards magazine").
``R`` reporting verb
    The past tense and the third-person present of a verb whose most frequent two senses
    include one in WordNet's communication verbs (``verb.communication``) with the frame
    "Somebody ----s that CLAUSE", or that shares a sense with "say" ("state", "tell",
    "read": "the message reads"): the verbs that report speech ("said", "says", "added",
    "noted", "warned").
``S`` reporting verb after a noun phrase
    The forms of class R that are no plural noun, or whose verb is more frequent than the
    noun of the same spelling in the SemCor counts of WordNet (``cntlist.rev``): "said",
    "says" (say: 2,167 verb tags, none as a noun), "reports"; not "pipes" (pipe: 10 as a
    noun, 1 as a verb). After a noun phrase ("…, the treaty says.") only these report.
``P`` person noun
    A noun whose most frequent sense is in WordNet's file of nouns for people
    (``noun.person``: "editor", "minister", "leader", "colleagues"). A capitalised noun straight
    before one names the body the person serves ("the former Sun editor", "Cabinet colleagues").
``J`` body that is also an adjective
    A word of class B that WordNet also lists as an adjective (``index.adj``: "military",
    "federal", "national", "royal"; not "cabinet", "government", "party"). Before a lowercase
    noun such a word may modify it ("in Military cooperation"); a body that is no adjective
    names the body ("from Cabinet allies").
``C`` compound noun for a body
    A two-word noun of WordNet whose first word is a lowercase noun that is no adjective, whose
    second is a noun of class B and whose main sense is an organisation (``organization.n.01``:
    "shadow_cabinet", "city_council"; not a gathering, "news_conference"), joined by "_" as
    WordNet writes it.
    A capitalised body after such a modifier is part of the compound's name there ("the shadow
    Cabinet").
``O`` compound noun with a body as its complement
    A three-word noun that WordNet writes in lowercase, a noun, a preposition and a noun of class
    B ("head_of_state", "contempt_of_court", "form_of_government"). The body completes a common
    noun there: capitalised after the first two words, it is no bare proper noun ("heads of
    State" for "heads of state").
``N`` naming participle
    The past participle of a verb whose most frequent sense is ``name.v.01`` ("assign a
    specified proper name to": name, call) or one of its troponyms (dub, entitle, title,
    christen, ...): "a group called Hope".

Only words whose form has a ``wordfreq`` Zipf frequency of at least :data:`MIN_ZIPF` are kept
(rare words do not occur often enough to matter), and no function word
(``textlint.wordclasses``) or word that the tagger table knows as a closed class or a number ("do", a party; "nine", a team).
"""

from __future__ import annotations

import argparse
import gzip
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textlint import wordclasses as wc  # noqa: E402
from textlint.lexicon import get_lexicon  # noqa: E402

OUT = ROOT / "textlint" / "data" / "wordnet_classes.tsv.gz"
WORDNET = Path("/usr/share/wordnet")
MIN_ZIPF = 3.0
#: The lexicographer files of WordNet 3.0, by number (``lexnames``).
LEXNAMES = """adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact
noun.attribute noun.body noun.cognition noun.communication noun.event noun.feeling noun.food
noun.group noun.location noun.motive noun.object noun.person noun.phenomenon noun.plant
noun.possession noun.process noun.quantity noun.relation noun.shape noun.state
noun.substance noun.time verb.body verb.change verb.cognition verb.communication
verb.competition verb.consumption verb.contact verb.creation verb.emotion verb.motion
verb.perception verb.possession verb.social verb.stative verb.weather adj.ppl""".split()
#: Synsets (lemma, sense number) whose hyponyms are bodies (class B) ...
BODY_ROOTS = (("organization", 1), ("administrative_district", 1), ("gathering", 1),
              ("political_system", 1))
#: ... and the further kinds of things that bear proper names (class H).
NAMED_ROOTS = BODY_ROOTS + (
    ("geographical_area", 1), ("publication", 1), ("broadcast", 2),
    ("show", 3), ("movie", 1), ("musical_composition", 1), ("vessel", 2),
    ("social_event", 1), ("contest", 1), ("award", 2), ("award", 3), ("document", 1),
    ("plan", 1), ("campaign", 2), ("social_movement", 1), ("thoroughfare", 1),
    ("building", 1), ("trophy", 1), ("medium", 1), ("literary_composition", 1),
)
#: The synset under which a compound noun for a body (class C) must lie: an organisation, not a
#: gathering ("news conference") or a district.
ORGANIZATION = ("organization", 1)
#: The verb whose troponyms name things (class N).
NAMING_ROOT = ("name", 1)
#: The verb of saying, whose synonyms report speech too ("state", "tell", "read": "the message
#: reads").
REPORTING_VERB = "say"
#: WordNet's generic verb frame "Somebody ----s that CLAUSE".
THAT_CLAUSE_FRAME = 26


class Synset:
    __slots__ = ("lexname", "words", "hypernyms", "frames")

    def __init__(self, lexname: str, words: list[str], hypernyms: list[str],
                 frames: set[tuple[str, int]]) -> None:
        self.lexname, self.words, self.hypernyms, self.frames = lexname, words, hypernyms, frames


def read_data(path: Path) -> dict[str, Synset]:
    """The synsets of a ``data.*`` file by offset: lexicographer file, lemmas (as written,
    with ``_`` for spaces: "Athens", "government"), hypernym offsets (not those of instances)
    and verb frames per lemma."""
    synsets = {}
    for line in path.open(encoding="latin-1"):
        if line.startswith("  "):
            continue  # the license header
        fields = line.split(" | ")[0].split()
        offset, lexname, count = fields[0], LEXNAMES[int(fields[1])], int(fields[3], 16)
        words = [fields[4 + 2 * i].split("(")[0] for i in range(count)]
        i = 4 + 2 * count
        pointers = int(fields[i])
        i += 1
        hypernyms = []
        for _ in range(pointers):
            if fields[i] == "@":  # not "@i": an instance (Athens, a city) is a name
                hypernyms.append(fields[i + 1])
            i += 4
        frames: set[tuple[str, int]] = set()
        if i < len(fields):  # verbs: f_cnt, then "+ f_num w_num" per frame
            for _ in range(int(fields[i])):
                frame, word = int(fields[i + 2]), int(fields[i + 3], 16)
                frames |= {(w, frame) for w in (words if word == 0 else [words[word - 1]])}
                i += 3
        synsets[offset] = Synset(lexname, words, hypernyms, frames)
    return synsets


def lowercase_lemmas(synsets: dict[str, Synset]) -> set[str]:
    """The lemmas that WordNet's data file writes in lowercase (common nouns, not names)."""
    return {w for synset in synsets.values() for w in synset.words if w.islower()}


def read_index(path: Path) -> dict[str, list[str]]:
    """The synset offsets of each lemma, most frequent sense first, and a flag: whether the
    order rests on counts (``tagsense_cnt`` > 0: senses tagged in the SemCor corpus); a lemma
    without counts ("organisation", a British spelling) lists its senses in no useful order."""
    index = {}
    for line in path.open(encoding="latin-1"):
        if line.startswith("  "):
            continue
        fields = line.split()
        senses, pointers = int(fields[2]), int(fields[3])
        tagged = int(fields[5 + pointers]) > 0
        index[fields[0]] = (fields[6 + pointers:6 + pointers + senses], tagged)
    return index


def read_exceptions(path: Path) -> dict[str, list[str]]:
    """Irregular forms by lemma (``verb.exc``: "said say")."""
    forms: dict[str, list[str]] = defaultdict(list)
    for line in path.open(encoding="latin-1"):
        fields = line.split()
        for lemma in fields[1:]:
            forms[lemma].append(fields[0])
    return forms


def read_counts(path: Path) -> dict[tuple[str, str], int]:
    """How often each lemma was tagged as a noun ("1") or a verb ("2") in the SemCor corpus
    (``cntlist.rev``: "say%2:32:00:: 1 2167")."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for line in path.open(encoding="latin-1"):
        key, _, count = line.split()
        lemma, pos = key.split("%")[0], key.split("%")[1][:1]
        counts[lemma, pos] += int(count)
    return counts


def ancestors(synsets: dict[str, Synset], offset: str) -> set[str]:
    """*offset* and every synset above it."""
    seen, stack = set(), [offset]
    while stack:
        o = stack.pop()
        if o not in seen:
            seen.add(o)
            stack.extend(synsets[o].hypernyms)
    return seen


def under(synsets: dict[str, Synset], index: dict[str, list[str]], roots, senses: int) -> set[str]:
    """The one-word lemmas one of whose first *senses* senses (any sense, when the order rests
    on no counts) lies under one of *roots* and writes the lemma in lowercase (a common noun or
    verb there, not a name)."""
    targets = {index[lemma][0][n - 1] for lemma, n in roots}
    return {lemma for lemma, (offsets, tagged) in index.items() if lemma.isalpha()
            and any(lemma in synsets[o].words and ancestors(synsets, o) & targets
                    for o in (offsets[:senses] if tagged else offsets))}


def inflect(lemma: str, tag: str, exceptions: dict[str, list[str]], endings) -> list[str]:
    """The forms of *lemma* that LanguageTool's tagger table knows with *tag*: the irregular
    ones of WordNet's exception list, else the regular spellings."""
    if lemma in exceptions:
        candidates = exceptions[lemma]
    else:
        candidates = [ending(lemma) for ending in endings]
    return sorted({c for c in candidates if c and tag in wc.tags(c)})


#: Regular spellings of the past tense and participle ("noted", "replied", "dubbed") ...
PAST_ENDINGS = [lambda w: w + "ed", lambda w: w + "d" if w.endswith("e") else None,
                lambda w: w[:-1] + "ied" if w.endswith("y") and w[-2:-1] not in "aeiou" else None,
                lambda w: w + w[-1] + "ed"]
#: ... and of the third person present and the plural ("says", "replies", "parties").
PRESENT_ENDINGS = [lambda w: w + "s", lambda w: w + "es",
                   lambda w: w[:-1] + "ies" if w.endswith("y") and w[-2:-1] not in "aeiou" else None]
PLURAL_ENDINGS = PRESENT_ENDINGS


def build(wordnet: Path) -> dict[str, set[str]]:
    lexicon = get_lexicon()
    nouns, verbs = read_data(wordnet / "data.noun"), read_data(wordnet / "data.verb")
    noun_index, verb_index = read_index(wordnet / "index.noun"), read_index(wordnet / "index.verb")
    noun_exc, verb_exc = read_exceptions(wordnet / "noun.exc"), read_exceptions(wordnet / "verb.exc")
    counts = read_counts(wordnet / "cntlist.rev")
    classes: dict[str, set[str]] = defaultdict(set)

    def add(words, letter: str) -> None:
        for w in words:
            # not a word of a closed class or a number ("do", a party; "nine", a team)
            if lexicon.zipf(w) >= MIN_ZIPF and w not in wc.FUNCTION_WORDS \
                    and not set(wc.tags(w)) & set("C#"):
                classes[w].add(letter)

    for letter, roots, senses in (("B", BODY_ROOTS, 2), ("H", NAMED_ROOTS, 2), ("A", NAMED_ROOTS, 2)):
        for lemma in under(nouns, noun_index, roots, senses):
            add([lemma], letter)
            add(inflect(lemma, "N", noun_exc, PLURAL_ENDINGS), letter)
    adjectives = read_index(wordnet / "index.adj")
    add([w for w, c in classes.items() if "B" in c and w in adjectives], "J")
    organization = noun_index[ORGANIZATION[0]][0][ORGANIZATION[1] - 1]
    for lemma, (offsets, _) in noun_index.items():
        first, _, last = lemma.partition("_")
        if first.isalpha() and first.islower() and last and "B" in classes.get(last, ()) \
                and first not in adjectives and lexicon.zipf(first) >= MIN_ZIPF \
                and first not in wc.FUNCTION_WORDS and organization in ancestors(nouns, offsets[0]):
            classes[lemma].add("C")
    for lemma in lowercase_lemmas(nouns):
        parts = lemma.split("_")
        if len(parts) == 3 and parts[0].isalpha() and parts[1] in wc.PREPOSITIONS \
                and "B" in classes.get(parts[2], ()):
            classes[lemma].add("O")
    for lemma, (offsets, _) in noun_index.items():
        first = nouns[offsets[0]]
        if lemma.isalpha() and first.lexname == "noun.person" and lemma in first.words:
            add([lemma], "P")
            add(inflect(lemma, "N", noun_exc, PLURAL_ENDINGS), "P")
    said = {w for o in verb_index[REPORTING_VERB][0] for w in verbs[o].words}  # "say"'s synonyms
    for lemma, (offsets, _) in verb_index.items():
        if "_" in lemma:
            continue
        if lemma in said or any(verbs[o].lexname == "verb.communication"
                                and (lemma, THAT_CLAUSE_FRAME) in verbs[o].frames for o in offsets[:2]):
            verb_first = counts[lemma, "2"] > counts[lemma, "1"]
            for form in inflect(lemma, "D", verb_exc, PAST_ENDINGS) + inflect(lemma, "Z", {}, PRESENT_ENDINGS):
                add([form], "R")
                if verb_first or "N" not in wc.tags(form):
                    add([form], "S")
    for lemma in under(verbs, verb_index, (NAMING_ROOT,), 1):
        add(inflect(lemma, "E", verb_exc, PAST_ENDINGS), "N")
    return classes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wordnet", type=Path, default=WORDNET)
    args = parser.parse_args(argv)
    if not (args.wordnet / "data.noun").is_file():
        print(f"error: no WordNet database in {args.wordnet} (apt-get install wordnet-base)",
              file=sys.stderr)
        return 1
    classes = build(args.wordnet)
    header = ("# word\tclasses (B body, H head of a name, A appositive head, R reporting verb, S reporting verb after a noun phrase, P person noun, J body that is also an adjective, C compound noun for a body, O compound noun with a body as its complement, N naming participle); "
              "derived from WordNet 3.0 (Debian wordnet-base). WordNet 3.0 Copyright 2006 by "
              "Princeton University. All rights reserved. WordNet 3.0 license.\n")
    rows = [f"{w}\t{''.join(sorted(c))}" for w, c in sorted(classes.items())]
    with gzip.GzipFile(OUT, "wb", compresslevel=9, mtime=0) as f:
        f.write((header + "\n".join(rows) + "\n").encode("utf-8"))
    print(f"{len(rows)} words -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
