"""cleanup.DoubledWord: a word written twice in a row, also when only the case differs."""

from __future__ import annotations

from typing import Iterator

import regex

from ..casing import get_casing
from ..diagnostics import Applicability, Diagnostic, Fix, Severity
from ..document import Document
from ..rule import FixAvailability
from .base import Check
from .capitals import FUNCTION_WORDS
from .prose import starts_sentence

#: A word, whitespace and the same word in any case (filtered further in Python: the few
#: matches are cheap to check, and a plain pattern scans the text fastest).
_DOUBLED = regex.compile(r"\b(?P<a>\p{L}[\p{L}\p{M}]*)(?P<sep>\s+)(?P<b>(?P=a))\b", regex.IGNORECASE)
#: The hyphen or apostrophe inside a compound or possessive ("hi-tech", "Federation’s"):
#: such words are rare, so they are compared with the next word in Python, which keeps the
#: pattern above simple and fast.
_JOINER = regex.compile(r"(?<=[\p{L}\p{M}])[-\u2010’'](?=[\p{L}\p{M}])|(?<=s)[’'](?=\s)")
_COMPOUND = regex.compile(r"\p{L}[\p{L}\p{M}]*(?:[-\u2010]\p{L}[\p{L}\p{M}]*)*(?:['’]s|(?<=s)['’])?")
_NEXT_WORD = regex.compile(r"(?P<sep>\s+)(?P<b>[^\s.,;:!?)\]”\"]+)")
_INSIDE_TOKEN_BEFORE = set("'’-.@/\u2010")
_INSIDE_TOKEN_AFTER = set("-@/\u2010")

#: Repeats that English uses on purpose (compared in lowercase).
INTENDED = frozenset(
    """had had|that that|this this|bye bye|so so|no no|very very|tut tut|ha ha|
    knock knock|chop chop|yada yada|blah blah|hear hear|well well|now now|there there|
    too too|many many|far far|long long|bla bla|yeah yeah|yes yes|wait wait|go go|
    pooh pooh|goody goody|night night|din din|boo boo|aye aye""".replace("\n", "").split("|")
)
INTENDED = frozenset(s.strip() for s in INTENDED)

#: Words that cannot follow "that that" when the second "that" is a pronoun or determiner
#: ("that that is", "that that service"): "that that we will support", "that that at the end".
NOT_AFTER_THAT = frozenset(
    """i we you they he she it me us them the a an all this these those our my your their his
    her its at in on of for to with by from and or but if""".split()
)
_NEXT = regex.compile(r"[ \u00a0]+(\p{L}+)")

#: Reduplicated names: places, people and works whose name is one word twice.
NAMES = frozenset(
    """bora|walla|pago|sing|baden|wagga|phi|lang|mahi|sirhan|humbert|duran|talk|
    dum|tom|bumbum|kuku|bye|cous|tartar|dik|kaka|mau|papa|mama|tutu|yo|chow|
    can|la|ylang|bam|bang|boing|bonbon|tse|kyaw|nu|ngo|tam""".replace("\n", "").split("|")
)
NAMES = frozenset(s.strip() for s in NAMES)

#: Honorifics and titles written before a name: never twice ("Mr Mr Putin", "St St Petersburg").
HONORIFICS = frozenset("mr mrs ms dr st sir prof gen col lt capt rev fr".split())


class DoubledWord(Check):
    ID = "cleanup.DoubledWord"
    CATEGORY = "cleanup"
    SEVERITY = Severity.ERROR
    DESCRIPTION = (
        "A word written twice in a row within a sentence, also when only the case differs "
        "(\"the The Kremlin\", \"in In turn\"), across a single line break too."
    )
    RATIONALE = (
        "Scrapers that join a headline or a caption to the text, and editors who retype a "
        "phrase, leave doubled words. Each word on its own is correct, so spell checkers "
        "miss them. Repeats that English uses on purpose (\"had had\", \"that that\", "
        "\"very very\") and reduplicated names (Bora Bora, Koh Phi Phi) are not flagged; "
        "a title before a name (\"law lord Lord Bingham\") is not either. Hyphenated "
        "compounds and possessives count as one word (\"hi-tech hi-tech\", \"Federation’s "
        "Federation’s\"); a doubled honorific (\"Mr Mr Putin\") is always a slip, and so is \"that that\" "
        "before a pronoun, article or preposition (\"hope that that we\"; not \"that that is\", "
        "\"that that service\"); deliberate repeats are lowercase (\"This This\" is a slip)."
    )
    FIX = Applicability.SAFE
    FIX_AVAILABILITY = FixAvailability.ALWAYS
    FIX_SAFETY = "The fix deletes the second word and the space before it; it is safe."
    FLAG = [
        ("In December 2021 the The Kremlin announced it.", "In December 2021 the Kremlin announced it."),
        ("They met in in Havana.", "They met in Havana."),
        ("The The message said so.", "The message said so."),
        ("Deputy Secretary General General of the organisation", "Deputy Secretary General of the organisation"),
        ("Foreign Minister Igor Ivanov Ivanov arrived.", "Foreign Minister Igor Ivanov arrived."),
        ("It is\nis conducted yearly.", "It is conducted yearly."),
        ("Mr Mr Putin spoke of hi-tech hi-tech industries.", "Mr Putin spoke of hi-tech industries."),
    ]
    OK = [
        "He had had enough.",
        "She said that that was wrong.",
        "They flew to Bora Bora last year.",
        "She was on Koh Phi Phi with friends.",
        "Add to this this new legislation.",
        "Senior law lord Lord Bingham said so.",
        "Tories unveil plans\n\nPlans to abolish quangos were announced.",
        "It is very very useful.",
    ]

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        casing = get_casing()
        pairs = [(m.start(), m.group("a"), m.group("sep"), m.group("b")) for m in _DOUBLED.finditer(text)]
        pairs += _compound_pairs(text)
        for start, a, sep, b in sorted(pairs):
            a_end = start + len(a)
            end = a_end + len(sep) + len(b)
            if (sep.count("\n") > 1 or text[start - 1:start] in _INSIDE_TOKEN_BEFORE
                    or self._continues(text, end)):
                continue
            # deliberate repeats are lowercase ("had had", "that that is"); "This This" is a slip
            if a == b and a.islower() and f"{a} {b}" in INTENDED and not _slip_of_that(text, a, end) \
                    or not self._doubled(text, start, end, a, b, casing):
                continue
            fix = Fix.replace(a_end, end, "", Applicability.SAFE, title=f"Remove the repeated '{b}'")
            yield self.diagnostic(start, end, f"'{a}' is repeated", fix)

    @staticmethod
    def _continues(text: str, end: int) -> bool:
        """Whether the second word goes on as part of a compound or a contraction."""
        nxt = text[end:end + 2]
        return nxt[:1] in _INSIDE_TOKEN_AFTER or (nxt[:1] in ("'", "’") and nxt[1:2].isalpha())

    @staticmethod
    def _doubled(text: str, start: int, end: int, a: str, b: str, casing) -> bool:
        """Whether ``a b`` is an accident rather than a name, a title or a deliberate repeat."""
        if a.lower() in HONORIFICS and b[:1].isupper():
            return True  # "Mr Mr Putin"
        if a == b == "A":
            # initials ("A A Milne") or list letters, unless the article starts a phrase: "A A special"
            nxt = _NEXT.match(text, end)
            return nxt is not None and nxt.group(1).islower() and nxt.group(1) not in FUNCTION_WORDS
        if len(a) == 1 and a not in ("a", "I"):
            return False  # initials and list letters: "B B", "x x"
        if a == b and a[0].isupper() and not a.isupper():
            # Both capitalised: a doubled sentence start ("The The"), a doubled common word
            # ("General General") or a doubled name ("Ivanov Ivanov") unless reduplicated.
            if a.lower() in NAMES:
                return False
            return (starts_sentence(text, start) or casing.normally_lowercase(a, -1.0)
                    or len(a) >= 4)
        if a.islower() and b[0].isupper() and a not in FUNCTION_WORDS and not a.endswith(("ed", "ing")) \
                and not casing.normally_lowercase(a, -2.0):
            # "lord Lord Bingham": a title word before a name, capitalised as part of it.
            nxt = text[end:end + 3].lstrip(" \u00a0")
            return not (nxt[:1].isupper())
        return True


def _compound_pairs(text: str) -> list[tuple[int, str, str, str]]:
    """Hyphenated compounds and possessives followed by the same word in any case
    ("hi-tech hi-tech", "Federation’s Federation’s"), as (start, word, space, repeat)."""
    pairs = []
    done = -1
    for j in _JOINER.finditer(text):
        if j.start() < done:
            continue  # another joiner of a word already compared
        start = j.start()
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        word = _COMPOUND.match(text, start)
        if word is None:
            continue
        done = word.end()
        nxt = _NEXT_WORD.match(text, word.end())
        if nxt and nxt.group("b").lower() == word.group().lower():
            pairs.append((start, word.group(), nxt.group("sep"), nxt.group("b")))
    return pairs


def _slip_of_that(text: str, a: str, end: int) -> bool:
    """Whether "that that" or "this this" is a slip: the word after it cannot follow the
    pronoun or determiner that the second word would be ("that that we", "this this to";
    but "that that is", "that that service", "add to this this law")."""
    if a not in ("that", "this"):
        return False
    nxt = _NEXT.match(text, end)
    if nxt is None:
        return True
    word = nxt.group(1).lower()
    return word in NOT_AFTER_THAT if a == "that" else word in FUNCTION_WORDS

