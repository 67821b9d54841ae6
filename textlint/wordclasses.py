"""English word classes: the closed grammatical classes, defined once, and the parts of speech
of open-class words, read from data.

The closed classes below are the small, fixed sets of English grammar (articles, pronouns,
prepositions, conjunctions, auxiliaries and modals, ...): every check imports them from here
and builds what it needs with set operations, so that no check keeps a list of its own.

Everything else is data. :func:`tags` answers what LanguageTool's English tagger dictionary
says a word can be (noun, verb, past tense, adjective, adverb, proper noun, number): the
table ``data/wordtags.tsv.gz`` is built by ``scripts/build_wordtags.py`` from LanguageTool
6.6 (LGPL-2.1-or-later) and loaded on first use only. The classes derived from it (numbers
written as words, sentence adverbs) are computed on first use too.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from .cachefile import Answers

DATA = Path(__file__).resolve().parent / "data" / "wordtags.tsv.gz"
#: The name of the table kept in the cache directory (:func:`textlint.cachefile.table_of`).
TABLE = "wordtags"


# -- closed classes (lowercase) ---------------------------------------------------------------
INDEFINITE_ARTICLES = frozenset(("a", "an"))
DEFINITE_ARTICLE = "the"
#: The marker of the infinitive ("to Take").
INFINITIVE_MARKER = "to"
#: The conjunction that introduces a content clause ("said that he would").
COMPLEMENTIZER = "that"
#: The preposition of parts and belonging ("the Protection of Human Rights").
OF = "of"
ARTICLES = frozenset((DEFINITE_ARTICLE,)) | INDEFINITE_ARTICLES
DEMONSTRATIVES = frozenset("this that these those".split())
POSSESSIVES = frozenset("my our your his her their its".split())
SUBJECT_PRONOUNS = frozenset("i we you he she they".split())
OBJECT_PRONOUNS = frozenset("me us you him her them it".split())
PRONOUNS = SUBJECT_PRONOUNS | OBJECT_PRONOUNS
#: Prepositions (one word). Those of place and target ("a Visit to China", "an Attempt on X")
#: are :data:`PLACE_PREPOSITIONS`.
PREPOSITIONS = frozenset(
    """of to in on at by with from into onto upon about above below over under after before
    during between among through against without within along across behind beyond toward
    towards since until than as like per via""".split()
)
PLACE_PREPOSITIONS = frozenset("to on in at".split())
#: Prepositions of time ("said during a visit", "before the talks").
TIME_PREPOSITIONS = frozenset("during after before since until".split())
COORDINATORS = frozenset("and or but nor so yet for".split())
#: The coordinators that are prepositions too ("a plan for the region").
PREPOSITIONAL_COORDINATORS = frozenset({"for"})
#: The words Vale's ``$title`` case keeps lowercase unless first or last: the articles, the
#: short coordinators and prepositions, "if", and the abbreviations "en", "v", "vs".
TITLE_SMALL_WORDS = frozenset("a an and as at but by en for if in nor of on or per the to v vs via with".split())
SUBORDINATORS = frozenset("if unless although whereas whether".split())
#: Words that may open a clause or a comparison, so that a subject follows them ("after Aspect
#: decided", "like Next rose", "while Allied has"); no coordinator, which joins a noun to a noun.
CLAUSE_OPENERS = SUBORDINATORS | frozenset("after before since until as like than while when".split())
WH_WORDS = frozenset("which what where when why how who whom whose".split())
#: The finite forms of "be" ("X is a ...", "they were the ...").
FINITE_BE = frozenset("am is are was were".split())
BE = FINITE_BE | frozenset("be been being".split())
HAVE = frozenset("have has had having".split())
DO = frozenset("do does did".split())
MODALS = frozenset("will would shall should can cannot could may might must".split())
NEGATIONS = frozenset(("not", "never"))
#: Adverbs of degree, focus, time and place that work like function words ("so" and "yet"
#: are coordinators too).
FUNCTION_ADVERBS = frozenset("also very too just only even still then there here so yet".split())
#: The function adverbs of degree, which intensify an adjective, adverb or quantifier ("too
#: nice", "so much", "much more").
DEGREE_ADVERBS = frozenset(("very", "too", "so", "much"))
QUANTIFIERS = frozenset(
    "all any each every both either neither some such other another same more most much many few several".split()
)
DETERMINERS = ARTICLES | DEMONSTRATIVES | POSSESSIVES
#: Function words that are also names, months or abbreviations ("May", "Will", "No. 1", "It"
#: as a title, "Who" as a band): a capital on them is left to the casing table.
NAME_LIKE = frozenset(("may", "will", "cannot", "never", "it", "who"))
#: The function words: never capitalised in mid-sentence outside names and titles.
FUNCTION_WORDS = (ARTICLES | DEMONSTRATIVES | POSSESSIVES | PRONOUNS | PREPOSITIONS | COORDINATORS
                  | SUBORDINATORS | WH_WORDS | BE | HAVE | DO | MODALS | NEGATIONS
                  | FUNCTION_ADVERBS | QUANTIFIERS) - NAME_LIKE
#: Auxiliaries and modals: the word after one starts a verb phrase.
AUXILIARIES = (MODALS - {"may"}) | HAVE | DO | NEGATIONS
#: Words after which a capitalised word is a verb, not a name ("could Deploy", "you Took",
#: "to Take"): "to", auxiliaries and modals, subject pronouns, "also" and "who".
VERB_LIKE = AUXILIARIES | MODALS | SUBJECT_PRONOUNS | frozenset((INFINITIVE_MARKER, "also", "who"))
#: Words that start the object of a verb ("Proposed a toast").
OBJECT_STARTS = DETERMINERS | OBJECT_PRONOUNS - {"you"}
#: Conjunctions and prepositions that every English title style (AP, Chicago, APA, MLA)
#: writes in lowercase inside a name or title ("Ministry of Defence", "Procter and Gamble").
NEVER_TITLED = frozenset(("of", "and", "or", "nor", "for"))
#: Lowercase particles of personal and place names ("Ludwig van Beethoven", "Rio de Janeiro").
NAME_PARTICLES = frozenset("de du da del der van von la le y".split())
#: Names of months and days.
CALENDAR = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)
#: Bound morphemes: the prefixes and suffixes that form English words and compounds with a
#: word ("anti-war", "counterattack", "hopeless").
PREFIXES = frozenset("""anti auto bi co counter de dis down extra hyper in inter intra macro mega
    meta micro mid mini mis multi neo non out over photo post pre pro pseudo re self semi sub
    super trans tri ultra un under up""".split())
SUFFIXES = frozenset("""ability able ably al ant ary dom ed ent er ers es fold ful fully hood ian
    ic ics ing ings ion ions ise ism ist ity ive ize less like ly ment ness ors ory ous ship some
    ward wards ways wise""".split())
#: The regular inflectional endings of English: plural and third person "-s", "-es"; past
#: "-d", "-ed"; "-ing".
INFLECTIONS = frozenset(("s", "es", "d", "ed", "ing"))
#: Words that join the ends of a range or the sides of a contrast ("two- to three-fold",
#: "first- through third-grade", "state- versus federal"), besides the coordinators.
RANGE_WORDS = frozenset(("to", "through", "than", "as", "versus", "vs"))
#: The pronouns and possessives of the first person: a sign of speech in reported text.
FIRST_PERSON = frozenset("i we me us my our".split())
#: Interjections and discourse markers that open direct speech ("Well, ...", "Look, ...").
INTERJECTIONS = frozenset("well yes no look listen okay ok oh ah".split())
#: The answer particles, which also label the sides of a vote ("the Yes and No campaigns").
ANSWERS = frozenset(("yes", "no"))
#: Discourse words that introduce reported speech as a reporting verb does (quotative "like":
#: "suggestions like, Well, what is it?").
QUOTATIVES = frozenset(("like",))
#: Deictic words of time: adverbs ("said yesterday") and the determiners of a time phrase
#: ("said last week", "this morning").
TIME_DEICTICS = frozenset("yesterday today tomorrow tonight last next this".split())
#: Honorifics and titles abbreviated before a name ("Mr", "St", "Capt"), and "sir".
HONORIFICS = frozenset("mr mrs ms dr st sir prof gen col lt capt rev fr".split())


# -- open classes, from LanguageTool's tagger dictionary ----------------------------------------
def _read_classes(path: Path) -> dict[str, str]:
    """A table of word classes built by a script in ``scripts/``: a header line, then one
    ``word<TAB>class letters`` line per word (no field holds a space)."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        f.readline()  # the header
        fields = f.read().split()  # word, classes, word, classes, ...
    return dict(zip(fields[::2], fields[1::2]))


#: The dictionary once :func:`_table` has read it: :func:`tags` and the tests below, which the
#: checks ask some 20,000 times a megabyte, read this global rather than call a cached loader
#: (or one another) each time.
_loaded: Answers | None = None


def _table() -> Answers:
    global _loaded
    if _loaded is None:
        from .cachefile import table_of

        _loaded = table_of(TABLE, DATA, lambda: _read_classes(DATA), "")
    return _loaded


def tags_answers() -> Answers:
    """The table's classes by word as written (what :func:`tags` reads)."""
    return _loaded or _table()


def tags(word: str) -> str:
    """The classes LanguageTool's dictionary gives *word* as written (see
    ``scripts/build_wordtags.py``): N noun, P proper noun, V verb, Z verb with -s, D past
    tense, E past participle, G -ing form, J adjective, R adverb, C closed class, # number;
    ``""`` for a word it does not know."""
    return (_loaded or _table())[word]


def known_in_any_case(word: str, lower: str) -> bool:
    """Whether the dictionary knows *word* (whose lowercase form is *lower*) as written or in
    lowercase."""
    return bool(tags(word) or lower != word and tags(lower))


def tags_lookup() -> Callable[[str, str], str]:
    """:func:`tags` as a ``get`` for tight loops: ``tags_lookup()(word, "")`` is ``tags(word)``.
    (Not the table's own ``get``: the answers are read from the table the first time they are
    asked, which only ``answers[word]`` does.)"""
    answers = _loaded or _table()

    def get(word: str, default: str = "") -> str:
        return answers[word] or default

    return get


def proper(word: str) -> bool:
    """Whether the dictionary knows the capitalised form of *word* as a proper noun."""
    return "P" in (_loaded or _table())[word[:1].upper() + word[1:].lower()]


def noun(word: str) -> bool:
    """Whether the lowercase form of *word* can be a common noun."""
    return "N" in (_loaded or _table())[word.lower()]


def only_verb(word: str) -> bool:
    """Whether the lowercase form of *word* is only a verb form (no noun, adjective or proper
    noun reading): "emphasised", "gave", "consists", not "paid" (also an adjective)."""
    t = (_loaded or _table())[word.lower()]
    return bool(t) and not set(t) - set("VZDEG") and not proper(word)


def number_word(word: str) -> bool:
    """Whether *word* is a cardinal number written as one word in lowercase ("one", "twelve",
    "hundred", "million"): asked of the dictionary word by word (a set of them all would read
    its 70,000 words first)."""
    return "#" in (_loaded or _table())[word] and word.isalpha() and word.islower()


def sentence_adverb(word: str) -> bool:
    """Whether lowercase *word* is a sentence adverb or conjunctive adverb: an adverb with no
    noun, verb, adjective or name reading, no function word, that English capitalises so often
    at the start of a sentence ("However, ...", "Unfortunately, ...") that the casing table
    cannot tell (its capitalised form is at least e**-2 as common as the lowercase one).
    They name nothing. Judged word by word: the lexicon and the casing table are read only
    when an adverb is asked about."""
    if not adverb_classes((_loaded or _table())[word]) or not word.isalpha() or not word.islower() \
            or word in FUNCTION_WORDS or proper(word):
        return False
    from .casing import get_casing
    from .lexicon import get_lexicon

    if get_lexicon().zipf(word) < 3.5:
        return False
    ratio = get_casing().ratio(word)
    return ratio is None or ratio > -2.0


def adverb_classes(tags: str) -> bool:
    """Whether the classes *tags* (see :func:`tags`) are a sentence adverb's: an adverb, with no
    class but closed ones besides (see :func:`sentence_adverb`)."""
    return "R" in tags and not set(tags) - set("RC")


def _read_words(name: str) -> frozenset[str]:
    """A list of words in ``data/``, built by a script in ``scripts/``: comment lines, then one
    word a line."""
    lines = (Path(__file__).resolve().parent / "data" / name).read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def interjections() -> frozenset[str]:
    """Words that LanguageTool's dictionary tags as interjections and as no closed-class word
    or adverb ("meow", "hush", "phew"; not "well", "why"): ``data/interjections.txt``, built
    by ``scripts/build_interjections.py``."""
    return _read_words("interjections.txt")


@lru_cache(maxsize=1)
def compound_ends() -> frozenset[str]:
    """Words that end two or more hyphenated forms of LanguageTool's dictionary ("wide" in
    "company-wide", "style", "friendly", "based"; not "little", "also"):
    ``data/compound_ends.txt``, built by ``scripts/build_compound_ends.py``."""
    return _read_words("compound_ends.txt")


# -- classes by meaning, from WordNet -----------------------------------------------------------
WORDNET_DATA = Path(__file__).resolve().parent / "data" / "wordnet_classes.tsv.gz"


@lru_cache(maxsize=1)
def _wordnet_table() -> dict[str, str]:
    return _read_classes(WORDNET_DATA)


@lru_cache(maxsize=None)  # (one entry a class: ten letters, each asked again and again)
def _wordnet_class(letter: str) -> frozenset[str]:
    return frozenset(w for w, c in _wordnet_table().items() if letter in c)


def bodies() -> frozenset[str]:
    """Nouns (singular and plural) with a main sense that is an organisation or an
    administrative district ("government", "committee", "parties", "province"): WordNet, see
    ``scripts/build_wordnet_classes.py``."""
    return _wordnet_class("B")


def name_heads() -> frozenset[str]:
    """Nouns that name kinds of things that bear proper names: bodies, gatherings, areas,
    publications, shows, vessels, events, awards, documents, plans, campaigns, roads and
    buildings ("commission", "magazine", "ship", "festival", "treaty", "street")."""
    return _wordnet_class("H")


def appositive_heads() -> frozenset[str]:
    """The nouns of :func:`name_heads` whose main sense is a kind of named thing: before or
    after a capitalised word they introduce a name ("the union Unison", "Hazards magazine")."""
    return _wordnet_class("A")


def body_adjectives() -> frozenset[str]:
    """The nouns of :func:`bodies` that WordNet also lists as adjectives ("military", "union",
    "social"; not "cabinet", "government", "party")."""
    return _wordnet_class("J")


def body_compounds() -> frozenset[str]:
    """WordNet's two-word nouns for organisations whose first word is a noun and no adjective,
    joined by "_" ("shadow_cabinet", "city_council")."""
    return _wordnet_class("C")


def body_complement_compounds() -> frozenset[str]:
    """WordNet's three-word common nouns of a noun, a preposition and a body, joined by "_"
    ("head_of_state", "contempt_of_court")."""
    return _wordnet_class("O")


def person_nouns() -> frozenset[str]:
    """Nouns whose most frequent sense is a kind of person ("editor", "minister", "colleagues"):
    WordNet's ``noun.person`` file."""
    return _wordnet_class("P")


def reporting_verbs() -> frozenset[str]:
    """Past and third-person present forms of the verbs that report speech ("said", "says",
    "added", "warned")."""
    return _wordnet_class("R")


def reporting_verbs_after_noun() -> frozenset[str]:
    """The forms of :func:`reporting_verbs` that report after a noun phrase ("the treaty
    says"): no plural noun, or a verb more often than a noun ("says", not "pipes")."""
    return _wordnet_class("S")


def naming_participles() -> frozenset[str]:
    """Past participles of the verbs of naming ("called", "named", "dubbed", "titled")."""
    return _wordnet_class("N")
