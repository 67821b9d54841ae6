"""cleanup.MidSentenceCapital: a normally lowercase word capitalised in mid-sentence ("could Deploy")."""

from __future__ import annotations

from collections import Counter
from typing import Iterator

import regex

from ..casing import Casing, get_casing
from ..diagnostics import Applicability, Diagnostic, Fix
from ..document import Document
from ..rule import FixAvailability
from .base import Check
from .prose import Titles, starts_sentence

#: A capitalised word (not part of a hyphenated, dotted or CamelCase token), with an
#: optional possessive.
_TITLE = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}'’\-\u2010.@/_#])(?P<w>\p{Lu}\p{Ll}+)(?:['’]s)?"
    r"(?![\p{L}\p{M}\p{N}\-\u2010@/_]|['’]\p{L}|\.\p{L})"
)
_WORDS = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)?|[^\s\p{L}\p{M}\p{N}]")
#: Words that join the parts of a name ("Ministry of the Interior", "Industry and Trade").
CONNECTORS = frozenset("of the and for on in de du da del der van von la le to at & y".split())
#: Names of months and days: capitalised although some are also common words (May, March).
CALENDAR = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)
#: Function words: never capitalised in mid-sentence outside names and titles, although they
#: start so many sentences that the casing table cannot tell. (May, Will, No, It and Who
#: are also names, months, abbreviations or titles and are left to the table.)
FUNCTION_WORDS = frozenset(
    """a an the and or but nor so yet for of to in on at by with from into onto upon about
    above below over under after before during between among through against without within
    along across behind beyond toward towards since until than as like per via i me my you
    your he him his she her we us our they them their its this that these those whom whose
    which what where when why how is are was were be been being am do does did have has had
    would shall should can could might must not also very too just only even still then
    there here all any each every both either neither some such other another same more most
    much many few several""".split()
)
#: Nouns and adjectives that English news capitalises alone when they name one institution,
#: party, office, publication or event ("the Government", "the Cabinet", "a Conservative
#: spokesman", "The Times"): house style, not a defect.
INSTITUTIONS = frozenset(
    """government governments cabinet parliament parliaments budget budgets bill bills house
    houses party parties conservative conservatives labour liberal liberals democrat democrats
    republican republicans socialist socialists communist communists green greens tory tories
    times independent guardian observer telegraph mirror sun express mail today herald post
    ministry ministries council councils committee committees commission commissions assembly
    forum fund bank court courts church churches state states republic federation union army
    navy office department agency service police crown senate congress duma kremlin cathedral
    president presidents presidency minister ministers secretary chancellor speaker premier
    governor mayor king queen prince princess pope patriarch chairman chair director
    constitution charter treaty convention declaration act code plan programme program
    strategy summit conference games olympics cup league championship prize award order
    medal address message day year week festival exhibition museum gallery theatre
    university college school academy institute centre center foundation trust society
    association council region province district city town square street road bridge hall
    palace tower gate park army fleet corps guard forces force guards""".split()
)
#: Nouns that introduce or follow a name ("the union Unison", "Hazards magazine").
NAMING_NOUNS = frozenset(
    """union organisation organization group charity campaign magazine newspaper paper journal
    ship frigate vessel yacht film movie book novel album song show series programme program
    project scheme operation company firm brand band team club party movement called named
    dubbed entitled titled medal badge distinction decoration slogan motto song concert""".split()
)
#: Words after which a capitalised word is a verb or an adjective, not a name
#: ("could Deploy", "you Took", "to Take").
VERB_CONTEXT = frozenset(
    """to could would should will shall can cannot may might must not never also did do does
    you we they i he she who""".split()
)
#: How much rarer the capitalised form must be than the lowercase one (natural log) ...
THRESHOLD = -2.0
#: ... or, when the document never writes the word in lowercase, this much rarer.
STRONG = -2.5
_PREVIOUS = regex.compile(r"([\p{L}]+)[ \u00a0]+$")
_LOWER_WORD = regex.compile(r"(?<![\p{L}\p{M}])\p{Ll}+(?![\p{L}\p{M}])")


class MidSentenceCapital(Check):
    ID = "cleanup.MidSentenceCapital"
    CATEGORY = "cleanup"
    DESCRIPTION = (
        "A word that is normally written in lowercase, capitalised in the middle of a "
        "sentence (\"Russia could Deploy missile systems\")."
    )
    RATIONALE = (
        "Machine translation and careless merging capitalise words that start a sentence "
        "in the source or in another version of the text. The check flags a capitalised "
        "word only when a cased word list says it is written in lowercase far more often "
        "than capitalised, the document capitalises it nowhere else in mid-sentence, and "
        "it does not stand next to another capitalised word (\"Ministry of Defence\", "
        "\"General Staff\"). Words after a sentence end, a colon or semicolon, an opening "
        "quotation mark, a bracket, a dash or a bullet, in headings and in Title Case or "
        "ALL-CAPS sentences, months and days, acronyms, CamelCase and hyphenated names "
        "(Díaz-Canel, Military-Technical) are never flagged."
    )
    FIX = Applicability.UNSAFE
    FIX_AVAILABILITY = FixAvailability.ALWAYS
    FIX_SAFETY = (
        "The fix lowercases the first letter. It is unsafe: the word may be part of a name "
        "that the document mentions only once."
    )
    FLAG = [
        ("Russian President Vladimir Putin said Russia could Deploy missile systems.",
         "Russian President Vladimir Putin said Russia could deploy missile systems."),
        ("Last month you Took part in the summit.", "Last month you took part in the summit."),
        ("I will be pleased to answer your Questions and talk informally.",
         "I will be pleased to answer your questions and talk informally."),
    ]
    OK = [
        "The head of Russian diplomacy said that the “Military cooperation is developing”.",
        "He met the President of Russia and the Minister of Defence.",
        "Celac, Brazil, Venezuela and Nicaragua were visited on Thursday.",
        "The new strategy: Deploy first, ask later.",
        "The meeting ends in May and resumes in March.",
        "THE COUNCIL WILL MEET AGAIN",
        "A Guide To Writing Good Headlines For The Web",
        "Miguel Díaz-Canel signed the Military-Technical agreement.",
        "The Government said so. The Government will act.",
    ]

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        casing = get_casing()
        # Words worth a look: function words and words the casing table calls lowercase.
        # Only their occurrences need the (slower) sentence-start test.
        candidates = {}
        for m in _TITLE.finditer(text):
            low = m.group("w").lower()
            if low in CALENDAR or low in INSTITUTIONS:
                continue
            if low in FUNCTION_WORDS or casing.normally_lowercase(low, THRESHOLD):
                candidates.setdefault(m.group("w"), []).append(m)
        if not candidates:
            return
        titles = Titles(doc)
        lowercase = set(_LOWER_WORD.findall(text))
        for word, matches in candidates.items():
            function_word = word.lower() in FUNCTION_WORDS
            alone = [m for m in matches if not starts_sentence(text, m.start())
                     and not self._in_name(text, m.start(), m.end(), casing, function_word)]
            if len(alone) != 1 and not function_word:
                continue  # capitalised on its own twice: the document treats it as a name
            if function_word and len(alone) > 1:
                # the same capitalised phrase twice ("the medal For Courage") is a name
                phrases = Counter(_phrase(text, m) for m in alone)
                alone = [m for m in alone if phrases[_phrase(text, m)] == 1]
            for m in alone:
                if _previous_word(text, m.start()) == word.lower():
                    continue  # "the The": cleanup.DoubledWord reports it
                if not function_word and casing.ratio(word) > STRONG and not (
                        word.lower() in lowercase or _previous_word(text, m.start()) in VERB_CONTEXT):
                    continue
                if titles.is_titled(m.start()) or _in_quoted_title(text, m.start(), m.end()):
                    continue
                yield self._diagnostic(m, word)

    def _diagnostic(self, m: regex.Match, word: str) -> Diagnostic:
        s = m.start()
        fix = Fix.replace(s, s + 1, word[0].lower(), Applicability.UNSAFE,
                          title=f"Write '{word.lower()}'")
        return self.diagnostic(s, m.end("w"), f"'{word}' is capitalised in mid-sentence", fix)

    @staticmethod
    def _in_name(text: str, start: int, end: int, casing: Casing, function_word: bool) -> bool:
        """Whether the word at ``[start, end)`` is part of a name, a title or a reference:
        next to a name-like word (through connectors such as "of the"), a number or a
        bracket ("Order of Courage", "Article 8"). A function word belongs to a name only
        between two capitalised words ("League Against Cruel Sports") or as an article
        before one ("The Times"); "Of" never does ("President Of Russia")."""
        after = list(_WORDS.finditer(text, end, min(len(text), end + 60)))
        before = list(_WORDS.finditer(text, max(0, start - 60), start))
        if (before and before[-1].group().lower() in NAMING_NOUNS
                or after and after[0].group().lower() in NAMING_NOUNS):
            return True  # "the film In The Name Of The Father", "Hazards magazine"
        if not function_word:
            if after and (after[0].group()[0].isdigit() or after[0].group() == "("):
                return True
            return (_name_like(reversed(before), text, casing, before=True)
                    or _name_like(iter(after), text, casing, before=False))
        word = text[start:end].lower()
        right = bool(after) and after[0].group()[:1].isupper()
        if word in ("the", "a", "an"):
            return right
        left = bool(before) and _name_like(reversed(before), text, casing, before=True)
        if not (left and right):
            return False
        # Between two capitalised words: a title ("In The Name Of The Father") unless the
        # document writes the same phrase with the function word in lowercase elsewhere.
        phrase = regex.compile(rf"{regex.escape(before[-1].group())}\s+{regex.escape(word)}\s+"
                               rf"{regex.escape(after[0].group())}")
        return phrase.search(text) is None


def _phrase(text: str, m: regex.Match) -> tuple[str, ...]:
    """The word at *m* and the word after it."""
    return tuple(text[m.start():m.end() + 30].split()[:2])


def _previous_word(text: str, pos: int) -> str:
    """The word before *pos* in lowercase, if only spaces separate them."""
    m = _PREVIOUS.search(text, max(0, pos - 30), pos)
    return m.group(1).lower() if m else ""


def _name_like(tokens, text: str, casing: Casing, before: bool) -> bool:
    """Whether the first content word among *tokens* (skipping a possessive apostrophe and
    up to two lowercase connectors) is a name: a word with digits, an acronym, CamelCase,
    or a capitalised word that is not at a sentence start or is not normally lowercase.
    *tokens* are matches in reading order away from the word."""
    skipped = 0
    for tok in tokens:
        word = tok.group()
        if (word in CONNECTORS or word == "," and not before) and skipped < 2 \
                or word in ("'", "’") and not skipped:
            skipped += 1
            continue
        if any(c.isdigit() for c in word):
            return True  # "Radio 4's Today", "G8 Summit"
        if not word[0].isalpha() or not word[0].isupper() or word == "I":
            return False
        if len(word) > 1 and (word.isupper() or any(c.isupper() for c in word[1:])):
            return True  # acronym or CamelCase
        if not before or not starts_sentence(text, tok.start(), openers=False):
            return True
        # A capitalised sentence start is a name unless it is a normally lowercase word; an
        # article there starts a title ("The Bosses is an album").
        if word in ("The", "A", "An"):
            return True
        return word.lower() not in FUNCTION_WORDS and not casing.normally_lowercase(word, THRESHOLD)
    return False


def _in_quoted_title(text: str, start: int, end: int) -> bool:
    """Whether the word is inside a short quotation (a title or a slogan: "Britain is Working")."""
    left = text[max(0, start - 50):start]
    right = text[end:end + 50]
    for open_, close in (('"', '"'), ("“", "”"), ("‘", "’"), ("'", "'")):
        i = left.rfind(open_)
        if i < 0 or close in left[i + 1:] or (open_ == close and left[i + 1:i + 2].isspace()):
            continue
        j = right.find(close)
        if j >= 0 and (j + 1 >= len(right) or not right[j + 1].isalpha()):
            return True
    return False
