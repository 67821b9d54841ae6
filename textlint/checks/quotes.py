"""Quotation marks: unpaired quotes, mixed quote styles, quotes glued to a word.

Double quotes (“ ” and ") are classified by their context, not their glyph, so
reversed curly quotes (”Vankor“) and straight quotes pair the same way. Single
curly quotes pair within a paragraph; ’ is an apostrophe unless it closes an open
‘ or ends a word that cannot be possessive (Russia’s, We’re, ’90s, rock ’n’ roll
and the heroes’ names are apostrophes). Straight single quotes are never judged.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from typing import Iterator, NamedTuple

import regex

from .. import wordclasses as wc
from ..diagnostics import Applicability, Diagnostic, Fix
from ..document import Document, Span
from ..patterns import compile as compile_pattern, lazy_compile
from ..rule import FixAvailability
from .base import Check
from ..anchored import finditer_at_runs, in_text_order

_DOUBLE = lazy_compile(r"[“”\"„]")
#: The double quotation marks, and the curly ones (:func:`_places`).
_DOUBLE_GLYPHS, _CURLY_GLYPHS = "“”\"„", "“”„"
_SINGLE_GLYPHS = "‘’"
#: Characters that may stand before an opening quote or after a closing one.
_BEFORE_OPEN = set("([{—–-/‘“\"'")
_AFTER_CLOSE = set(".,;:!?)]}…—–-’”\"'")
#: A paragraph that ends with one of these may leave a quotation open for the next one
#: (a sentence end, a colon, or the comma after a salutation: “Dear Mr President,).
_RUNS_ON = set(".!?…:,;”’\"")
_FIRST_WORD = lazy_compile(r"\S+")
#: The subject of a reporting clause: a pronoun, one to three capitalised words, or a short
#: noun phrase after an article or possessive ("the Russian President").
_SPEAKER = (r"(?:(?:{determiners})[ \u00a0]+(?:[\p{{L}}-]+[ \u00a0]+){{0,3}}[\p{{L}}-]+[ \u00a0]+(?:{nounless})"
            r"|(?:{pronouns}|[\p{{Lu}}][\p{{L}}’'.-]*(?:[ \u00a0]+[\p{{Lu}}][\p{{L}}’'.-]*){{0,2}})"
            r"[ \u00a0]+(?:{verbs}))")


def _alternatives(words, capitalise: bool = False) -> str:
    """A regex alternation of *words* (longest first), with a capital first letter and the
    rest in any case when *capitalise* ("Well", "OK")."""
    out = []
    for w in sorted(words, key=lambda w: (-len(w), w)):
        out.append(f"{w[0].upper()}(?i:{regex.escape(w[1:])})" if capitalise and len(w) > 1
                   else w.upper() if capitalise else regex.escape(w))
    return "|".join(out)


@lru_cache(maxsize=1)
def _attribution() -> regex.Pattern:
    """A reporting clause after a comma ("…, the acting president said while signing"):
    inside a quotation it shows that the quotation ended at the comma. The verb is one of
    WordNet's reporting verbs (:func:`wc.reporting_verbs`); after a noun phrase only a form
    that is a verb more than a noun (:func:`wc.reporting_verbs_after_noun`: ", the treaty
    says.", not ", the old water pipes."). A punctuation mark, a function word or a capitalised
    word follows it."""
    verbs = wc.reporting_verbs()
    speaker = _SPEAKER.format(
        determiners=_alternatives(wc.ARTICLES | wc.POSSESSIVES),
        nounless=_alternatives(wc.reporting_verbs_after_noun()),
        pronouns=_alternatives(wc.SUBJECT_PRONOUNS), verbs=_alternatives(verbs))
    return compile_pattern(r",[ \u00a0]+" + speaker + r"(?=[,.;:]|[ \u00a0]+(?:\p{Lu}|(?P<next>\p{Ll}+)\b))")


def _attribution_in(text: str, start: int, end: int) -> regex.Match | None:
    """The first reporting clause in ``text[start:end]`` (see :func:`_attribution`) that a
    punctuation mark, a capitalised word or a word of a closed class follows (a preposition, a
    conjunction: "said while signing", "added that"); not a content word (", the team
    warned workers")."""
    for m in _attribution().finditer(text, start, end):
        nxt = m.group("next")
        if nxt is None or "C" in wc.tags(nxt):
            return m
    return None


#: What may follow the closing mark at the end of a paragraph.
_AFTER_QUOTATION = ".,;:!?)]…’ \u00a0\t"
_DECADE = lazy_compile(r"\d\ds\b")
#: The next item of a list of plural possessives: "husbands’, fathers’ and sons’".
_POSSESSIVE_LIST = lazy_compile(r"[ \u00a0]+\p{L}+s’")


class Mark(NamedTuple):
    """A quotation mark and its direction (a tuple: a text holds one per mark, made quickly)."""

    pos: int
    opening: bool


def _double_marks(text: str, start: int, end: int, places: list[int]) -> list[Mark]:
    """The double quotation marks at *places* (in ``text[start:end]``, in order) whose direction
    the context shows (or, for a curly mark whose context shows none or both, its glyph)."""
    out = []
    for i in places:
        glyph = text[i]
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        open_left = prev.isspace() or prev in _BEFORE_OPEN
        open_right = nxt.isspace() or nxt in _AFTER_CLOSE
        if open_left and not open_right:
            out.append(Mark(i, True))
        elif open_right and not open_left:
            out.append(Mark(i, False))
        elif open_left == open_right and glyph in "“”":
            # glued on both sides, or open on both (a quoted mark or a string that ends in a
            # space: “(”, “!”, “$ ”): the glyph tells
            out.append(Mark(i, glyph == "“"))
    return out


def _places(text: str, start: int, end: int, glyphs: str) -> list[int]:
    """The offsets of the *glyphs* in ``text[start:end]``, in order (found by ``str.find``, far
    quicker than a pattern of their class on a paragraph that has none)."""
    out = []
    for glyph in glyphs:
        i = text.find(glyph, start, end)
        while i >= 0:
            out.append(i)
            i = text.find(glyph, i + 1, end)
    out.sort()
    return out


class _Places:
    """The offsets of some glyphs in a whole text, found once, then read paragraph by paragraph
    (a few searches per paragraph cost more than one search of the text and a bisection each)."""

    def __init__(self, text: str, glyphs: str) -> None:
        self.offsets = _places(text, 0, len(text), glyphs)

    def within(self, start: int, end: int) -> list[int]:
        """The offsets in ``[start, end)``, in order: ``_places(text, start, end, glyphs)``."""
        offsets = self.offsets
        first = bisect_left(offsets, start)
        return offsets[first:bisect_left(offsets, end, first)]


def _single_marks(text: str, start: int, end: int, places: list[int]) -> list[Mark]:
    """Opening ‘ and the ’ that may close a quotation (not apostrophes), of the marks at *places*
    (in ``text[start:end]``, in order)."""
    out = []
    for i in places:
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        if text[i] == "‘":
            if not nxt.isspace() and not _DECADE.match(text, i + 1):
                out.append(Mark(i, True))
        elif not prev.isspace() and not nxt.isalnum():
            out.append(Mark(i, False))
    return out


#: A closing mark between two words, without punctuation: it ends a quoted term inside a
#: sentence ("the “land for peace” formula").
_TERM_END = lazy_compile(r"(?<=[\p{L}\p{N}])”(?=[ \u00a0]+\p{Ll})")
#: The most words of a quoted term: a quotation that opens a sentence and runs longer ends at
#: punctuation, not between two words.
TERM_WORDS = 12
_CLAUSE_BREAK = lazy_compile(r"[,;:.!?…—–(]")


def _ends_inner_term(text: str, opening: Mark, closing: Mark, para: Span) -> bool:
    """Whether *closing* ends a quoted term inside the quotation that *opening* starts: a
    quotation that opens a sentence ends at punctuation, so a mark between two words more
    than TERM_WORDS words later closes a term whose own opening mark was lost."""
    return bool(_TERM_END.match(text, closing.pos)) \
        and _quotation_start(text, opening.pos, para) \
        and len(text[opening.pos:closing.pos].split()) > TERM_WORDS


def _clause_start(text: str, start: int, end: int) -> int:
    """The start of the clause that ends at *end*, after the last punctuation mark in
    ``text[start:end]``: where a quoted term's lost opening mark belongs."""
    i = end
    while i > start + 1 and not _CLAUSE_BREAK.match(text, i - 1):
        i -= 1
    while i < end and text[i].isspace():
        i += 1
    return i


def _last_word(text: str, para: Span) -> int:
    """Where the last word of the paragraph *para* starts."""
    i = para.end
    while i > para.start and not text[i - 1].isspace():
        i -= 1
    return i


def _quotation_start(text: str, pos: int, para: Span) -> bool:
    """Whether the opening quote at *pos* starts a whole sentence (after a paragraph start,
    a sentence end, a colon or a comma), so that the quotation may run on."""
    i = pos - 1
    while i >= para.start and text[i].isspace():
        i -= 1
    return i < para.start or text[i] in ".!?…:,;—–-"


def _after_sentence_end(text: str, pos: int, para: Span) -> bool:
    """Whether the mark at *pos* follows a sentence end: a new quotation in a paragraph that
    merged several (``said: "We doubled it. "We will extend it."``)."""
    i = pos - 1
    while i >= para.start and text[i].isspace():
        i -= 1
    return i < para.start or text[i] in ".!?…"


def _opens_new_quotation(text: str, marks: list[Mark], para: Span, following: Span | None,
                         curly: _Places) -> bool:
    """Whether *para*, a paragraph reached by a quotation carried over a paragraph break
    without being reopened, holds new quotations instead of continuing that one: its first
    mark opens a quotation inside it (not at its start), its marks pair up and the last one
    ends the paragraph (“Business Dialogue”.), so that the carried quotation neither closes
    in it nor goes on after a term quoted inside it (“peace for land.” This will …), and the
    *following* paragraph does not reopen it. The carried quotation then lost its closing
    mark where its paragraph ended. (*curly*: the curly marks of the text.)"""
    if not marks or not marks[0].opening or marks[0].pos == para.start or marks[-1].opening:
        return False
    if 2 * sum(m.opening for m in marks) != len(marks):
        return False
    if text[marks[-1].pos + 1:para.end].strip(_AFTER_QUOTATION):
        return False
    if following is None:
        return True
    nxt = _double_marks(text, following.start, following.end, curly.within(following.start, following.end))
    return not (nxt and nxt[0].opening and nxt[0].pos == following.start)


class UnpairedQuote(Check):
    ID = "cleanup.UnpairedQuote"
    CATEGORY = "cleanup"
    DESCRIPTION = (
        "An opening quotation mark that is never closed, or a closing one that was never "
        "opened: “the “Balkan puzzle.” without its closing mark, \"called future "
        "generations funds”\" without its opening one. The finding spans the stretch where "
        "the missing mark belongs."
    )
    RATIONALE = (
        "Scrapers and translation drop quotation marks, and then nobody can tell the "
        "speaker's words from the reporter's. A quotation that runs over several paragraphs, "
        "reopened at each paragraph or only closed at its end, is correct; one that "
        "reopened every paragraph so far and then stops is reported once, at the paragraph "
        "if it reads as speech, else at the end of the one before. A reporting clause after "
        "a comma inside an open quotation (\"…, the acting president said while signing\") "
        "shows that the quotation should have closed at the comma. A speech paragraph "
        "that lost its opening mark and is followed by narrative lost its closing mark too. "
        "A quotation that opens a sentence ends at punctuation, so a closing mark between "
        "two words long after it (\"and the land for peace” formula\") ends a quoted term "
        "whose opening mark was lost. A quotation carried over a paragraph break without being "
        "reopened lost its closing mark when the next paragraph quotes something else "
        "instead (its marks pair up and close it, and the paragraph after does not reopen). "
        "Only curly "
        "quotes are paired: straight double quotes are too often used loosely (and "
        "cleanup.MixedQuotes flags them among curly ones). Apostrophes "
        "(Russia’s, We’re, rock ’n’ roll, ’90s, the heroes’ names) are never quotes, and "
        "straight single quotes are not judged."
    )
    FIX_SAFETY = "No fix is offered: where the missing mark goes needs a reader."
    FLAG = [
        "Everybody saw that Europe needs to piece together the “Balkan puzzle.",
        "The President said such funds are called future generations funds”. That is all.",
        "He said: “I could be making a mistake, he said, “I know any campaign is advertising.”",
        "Taziyev, also known by the alias Magas’. He was captured.",
        "the so-called ‘non-executive order categories, taking into account inflation.",
        "He said: “One.\n\n“Two.\n\nThree.”",
        "“One is overwhelmed by the memory of the defenders, the acting president said.",
        "“Russia proceeds from the foundations of the peace process, above all the "
        "resolutions of the Council, and the land for peace” formula. We will work on.",
        "The statement reads: “We agreed on a discussion.\n\nThey set up a “Business Dialogue”.",
    ]
    OK = [
        "“We’re pulling out,” Putin said of Russia’s base in the ’90s.",
        "He said: “This is the first paragraph.\n\n“And this is the second.”",
        "He said: “This is the first paragraph.\n\nThis continues the quotation.”",
        "He said: “One.\n\n“Two.\n\n“Three.”",
        "The heroes’ friends and rock ’n’ roll fans sang ‘Kalinka’.",
        "Ms Hewitt said: “We have doubled the pay. “We are going to extend it.”",
        "The bill \"very much had the feel of a work in progress, he said.",
        "That is why I used your husbands’, fathers’ and sons’ names.",
        "The message reads:\n\n“Dear Mr President,\n\nI wish you success.”",
        "The projects are ”Vankor“ and ”Talakan“.",
        "He wrote:\n\n“It is difficult.\n\nWe seek “peace for land.” This will help.\n\n“Thank you.”",
        "The meta-characters are “!”, “*” and “[”; the prompt defaults to “$ ”.",
    ]

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        if not any(q in text for q in "“”\"„‘’"):
            return
        yield from self._double(doc)
        if "‘" in text or "’" in text:
            singles = _Places(text, _SINGLE_GLYPHS)
            for para in doc.paragraphs:
                yield from self._single(doc, para, singles.within(para.start, para.end))

    def _double(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        open_at: Mark | None = None
        open_para: Span | None = None
        carried = False
        reopened = 0  # paragraphs of the open quotation that reopened it with “
        reported = False  # the open quotation was reported where it stopped reopening
        previous = Span(0, 0)
        speech: Span | None = None  # a paragraph reported for its lost opening mark
        paragraphs = doc.paragraphs
        curly = _Places(text, _CURLY_GLYPHS)
        for index, para in enumerate(paragraphs):
            last = para.start
            marks = _double_marks(text, para.start, para.end, curly.within(para.start, para.end))
            if speech is not None:
                if not marks and not _SPEECH.search(text, para.start, para.end):
                    # the narrative resumes without a closing mark: the speech lost that too
                    yield self._speech_unclosed(text, speech)
                speech = None
            if carried:
                if marks and marks[0].opening and marks[0].pos == para.start:
                    reopened += 1
                elif reopened and not reported:
                    # The quotation reopened every paragraph so far but not this one: this
                    # paragraph lost its opening mark if it reads as speech, else the previous
                    # one lost its closing mark.
                    if _SPEECH.search(text, para.start, para.end):
                        first = _FIRST_WORD.match(text, para.start, para.end)
                        yield self.diagnostic(
                            para.start, first.end() if first else para.start + 1,
                            "This paragraph continues a quotation that reopens each "
                            "paragraph, but its opening quotation mark “ is missing")
                        speech = None if marks else para
                    else:
                        yield self.diagnostic(
                            _last_word(text, previous), previous.end,
                            "The quotation that reopens each paragraph is not closed here, "
                            "before the paragraph that follows it")
                    reported = True
                elif not reopened and not reported and _opens_new_quotation(
                        text, marks, para, paragraphs[index + 1] if index + 1 < len(paragraphs) else None,
                        curly):
                    # “We agreed on offensive systems.⏎⏎The presidents set up a “Dialogue”.
                    # → the carried quotation ended where its paragraph did
                    yield self._unclosed(open_at.pos, open_para.end)
                    reported = True
            else:
                reopened = 0
            for mark in marks:
                if open_at is not None and not carried:
                    said = _attribution_in(text, open_at.pos, mark.pos)
                    if said:  # “We will win, he said. → the quotation ended before the comma
                        yield self._unclosed(open_at.pos, said.start() + 1)
                        open_at = None
                if mark.opening:
                    if open_at is not None and not carried and not reported and not (
                            _after_sentence_end(text, mark.pos, para)
                            and _quotation_start(text, open_at.pos, open_para)):
                        yield self._unclosed(open_at.pos, mark.pos)
                    open_at, open_para, carried, reported = mark, para, False, False
                elif open_at is None:
                    yield self._unopened(last, mark.pos + 1)
                elif not carried and _ends_inner_term(text, open_at, mark, open_para):
                    # “Russia holds to … and the land for peace” formula. → the quoted term
                    # lost its opening mark; the quotation around it stays open
                    yield self.diagnostic(_clause_start(text, open_at.pos, mark.pos), mark.pos + 1,
                                          "This closing quotation mark ends a quoted term whose "
                                          "opening mark “ is missing")
                else:
                    open_at, carried, reported = None, False, False
                last = mark.pos + 1
            if open_at is not None and not carried:
                said = _attribution_in(text, open_at.pos, para.end)
                if said:
                    yield self._unclosed(open_at.pos, said.start() + 1)
                    open_at = None
                elif _quotation_start(text, open_at.pos, open_para) and text[para.end - 1] in _RUNS_ON:
                    carried = True
                else:
                    yield self._unclosed(open_at.pos, para.end)
                    open_at = None
            previous = para
        if open_at is not None and open_para is not None and not reported:
            yield self._unclosed(open_at.pos, open_para.end)
        if speech is not None:
            yield self._speech_unclosed(text, speech)

    def _speech_unclosed(self, text: str, para: Span) -> Diagnostic:
        return self.diagnostic(
            _last_word(text, para), para.end,
            "This paragraph ends a quotation, but its closing quotation mark ” is missing")

    def _single(self, doc: Document, para: Span, places: list[int]) -> Iterator[Diagnostic]:
        """The findings of the single quotation marks at *places*, those of *para*."""
        text = doc.text
        open_at: int | None = None
        last = para.start
        for mark in _single_marks(text, para.start, para.end, places):
            if mark.opening:
                if open_at is not None:
                    yield self._unclosed(open_at, mark.pos, "‘")
                open_at = mark.pos
            elif open_at is not None:
                open_at = None
            elif not self._apostrophe(text, mark.pos):
                sentence = doc.sentence_at(mark.pos)
                start = max(last, sentence.start if sentence else para.start)
                yield self._unopened(start, mark.pos + 1, "’")
            last = mark.pos + 1
        if open_at is not None:
            yield self._unclosed(open_at, para.end, "‘")

    @staticmethod
    def _apostrophe(text: str, pos: int) -> bool:
        """A word-final ’ that is an apostrophe: plural possessive (heroes’), an elision
        (rock ’n’ roll, goin’). A plural possessive stands before its noun, so before a
        comma only in a list of possessives ("your husbands’, fathers’ and sons’ names")."""
        before = text[max(0, pos - 2):pos]
        after = text[pos + 1:pos + 2]
        plural = before[-1:] in ("s", "S") and after not in (".", ";", ":", "!", "?") and (
            after != "," or _POSSESSIVE_LIST.match(text, pos + 2) is not None)
        return plural or before in ("’n", "in") or before.endswith("’")

    def _unclosed(self, pos: int, end: int, mark: str = "“") -> Diagnostic:
        return self.diagnostic(pos, max(end, pos + 1),
                               f"This opening quotation mark {mark} is never closed")

    def _unopened(self, start: int, end: int, mark: str = "”") -> Diagnostic:
        return self.diagnostic(start, end, f"This closing quotation mark {mark} was never opened")


@lru_cache(maxsize=1)
def _announces() -> regex.Pattern:
    """A paragraph that announces a quotation with a reporting verb and a colon: "The letter
    said, in part:", "He wrote:"."""
    return compile_pattern(r"\b(?P<verb>" + _alternatives(wc.reporting_verbs()) + r")(?:,\s+in\s+part)?:$")


_SUBJECT_BEFORE = lazy_compile(r"(?r)(\S+)[ \u00a0]+(\S+)[ \u00a0]+$")


def _announced(text: str, start: int, end: int) -> bool:
    """Whether the paragraph ``text[start:end]`` ends with a reporting verb and a colon
    (:func:`_announces`). A form that is also a plural noun ("notes", "reasons") reports only
    after its subject: a pronoun, a name, or a noun after a determiner ("The message reads:",
    "He says:"), not "Compatibility notes:" or "for the following reasons:"."""
    m = _announces().search(text, max(start, end - 40), end)
    if m is None:
        return False
    verb = m.group("verb")
    if "N" not in wc.tags(verb):
        return True
    before = _SUBJECT_BEFORE.search(text, max(start, m.start() - 60), m.start())
    if before is None:
        return m.start() > start and text[start:m.start()].strip().lower() in wc.SUBJECT_PRONOUNS
    first, subject = before.group(1), before.group(2)
    return subject.lower() in wc.SUBJECT_PRONOUNS or subject[:1].isupper() \
        or "N" in wc.tags(subject) and not set(wc.tags(subject)) - set("NVZ") \
        and first.lower() in wc.DETERMINERS


#: The start of a sentence in the first person (at the start of the text, of a line or after a
#: sentence end): "I think", "We’re" (:func:`_unquoted_speech`).
_SENTENCE_START = r"(?:^|(?<=\n|[.!?][ \u00a0]))"
_FIRST_PERSON = (r"(?:" + _alternatives(wc.SUBJECT_PRONOUNS & wc.FIRST_PERSON, capitalise=True)
                 + r")(?:[’']\p{Ll}+|[ \u00a0]+\p{Ll}+)")
#: What ends the words of an unquoted speech and its attribution (:func:`_unquoted_speech`), a
#: character class's members.
_SPEECH_BREAK = r'.!?\"“”‘’,;:\n'
#: A sentence in the first person and its words up to the first mark of :data:`_SPEECH_BREAK`
#: (group ``words``, from the last letter of its first-person start), one pattern for each
#: first-person subject pronoun, capitalised ("I", "We"; not "In", "Western"): led by the
#: pronoun, which the engine finds as text, with the sentence start (:data:`_SENTENCE_START`)
#: a look-behind after it (several times quicker than a scan led by the look-behind, which is
#: tried at every character). No sentence starts inside the words, so a match hides no other.
_FIRST_PERSON_WORDS = tuple(
    lazy_compile(f"(?:{word})(?<=(?:^|\\n|[.!?][ \u00a0])(?:{word}))(?:[’']|[ \u00a0]+)"
                 r"\p{Ll}*(?P<words>\p{Ll}[^" + _SPEECH_BREAK + "]*)")
    for word in (_alternatives({w}, capitalise=True) for w in sorted(wc.SUBJECT_PRONOUNS & wc.FIRST_PERSON)))


def _unquoted_speeches(text: str) -> Iterator[regex.Match]:
    """The matches of :func:`_unquoted_speech` in *text* (its ``finditer``), tried only where a
    sentence in the first person starts (every match starts so, and none holds the start of
    another sentence) and names someone; its long pattern is compiled only for a text with such a
    sentence."""
    done = 0  # where the last match ended: finditer tries nothing before it
    # (the sentences of both pronouns in one sorted list: quicker than merging the two scans)
    for at, start, end in sorted([(m.start(), *m.span("words")) for p in _FIRST_PERSON_WORDS
                                  for m in p.finditer(text)]):
        if at >= done and _names_someone(text, start, end):
            m = _unquoted_speech().match(text, at)
            if m is not None:
                yield m
                done = m.end()


#: A lowercase letter before a capital, a space between them or not.
_BEFORE_A_CAPITAL = lazy_compile(r"\p{Ll}[ \u00a0]?\p{Lu}")


def _names_someone(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, the words of a sentence in the first person from the last
    letter of its first-person start up to the first mark of :data:`_SPEECH_BREAK`
    (:data:`_FIRST_PERSON_WORDS`), hold a reporting verb and a lowercase letter before a
    capital, as every match of :func:`_unquoted_speech` there does (the speaker's verb, a whole
    word between spaces or before the period that ends the words, after the speaker's name; the
    last word of the speech before the speaker's name or title): most sentences in the first person have neither, and
    the long pattern (slow to fail: it tries the speaker at every letter of the sentence) is not
    tried on them."""
    words = text[start:end].split()
    return not wc.reporting_verbs().isdisjoint(words) \
        and _BEFORE_A_CAPITAL.search(text, start, end) is not None and _verb_after_name(words)


def _verb_after_name(words: list[str]) -> bool:
    """Whether one of *words* is a reporting verb after a word that ends in a capital and
    lowercase letters ("Smith said"), as the speaker's verb of :func:`_unquoted_speech` is."""
    verbs = wc.reporting_verbs()
    return any(word in verbs and name[-1].islower() and not name.islower()
               for name, word in zip(words, words[1:]))


@lru_cache(maxsize=1)
def _unquoted_speech() -> regex.Pattern:
    """A first-person sentence that ends with its attribution but has neither quotation marks
    nor the comma before the speaker: "We’re pulling out of Cuba Putin said in an interview."
    After the verb: a full stop, a preposition of place or time, or a word of time ("said in
    an interview", "said yesterday"; not "said about", which reports what was said)."""
    honorific = _alternatives(wc.HONORIFICS, capitalise=True)
    after = _alternatives(wc.PLACE_PREPOSITIONS | wc.TIME_PREPOSITIONS | wc.TIME_DEICTICS)
    return compile_pattern(
        _SENTENCE_START + r"(?P<quote>" + _FIRST_PERSON +
        "[^" + _SPEECH_BREAK + r"]*?\p{Ll})[ \u00a0]?(?:(?:" + honorific + r")[ \u00a0]+)?\p{Lu}\p{Ll}+"
        r"(?:[ \u00a0]+\p{Lu}\p{Ll}+)??[ \u00a0]+(?:" + _alternatives(wc.reporting_verbs()) + r")"
        r"(?=[.]|[ \u00a0]+(?:" + after + r")\b)")


#: Signs that a paragraph is someone's speech rather than the reporter's narrative: a closing
#: quotation mark, a first-person pronoun or an exclamation.
_SPEECH = lazy_compile(
    r"[”\"!]|(?<![\p{L}’'])(?:"
    + "|".join(sorted(w.upper() if w == "i" else f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in wc.FIRST_PERSON))
    + r")(?![\p{L}])")


#: A word, a comma and an interjection ("like, Well,"): direct speech when the word is a
#: reporting one (:func:`_unquoted_interjections`). The word is looked up in a set rather than
#: matched by an alternation of the reporting verbs, whose compilation costs more than a short
#: text's whole check.
_WORD_COMMA_INTERJECTION = lazy_compile(
    r"\b(?P<verb>\p{L}+),[ \u00a0]+"
    r"(?P<word>(?:" + _alternatives(wc.INTERJECTIONS, capitalise=True) + r")[,!])")
#: Where _WORD_COMMA_INTERJECTION is tried (:func:`textlint.anchored.finditer_at_runs`): at the
#: letters before a comma that an interjection follows.
_WORD_COMMA_INTERJECTION_AT = (
    lazy_compile(r",(?=[ \u00a0]+(?:" + _alternatives(wc.INTERJECTIONS, capitalise=True) + r")[,!])"),
    lazy_compile(r"(?r)\p{L}+"))


def _unquoted_interjections(text: str) -> Iterator[regex.Match]:
    """Direct speech introduced by a reporting word and a comma that starts with an
    interjection: "we heard suggestions like, Well, what’s a Union State?" (the opening mark
    is lost). The reporting word is a reporting verb or a quotative (wordclasses.QUOTATIVES)."""
    for m in finditer_at_runs(_WORD_COMMA_INTERJECTION, *_WORD_COMMA_INTERJECTION_AT, text):
        verb = m.group("verb")
        if verb in wc.QUOTATIVES or verb in wc.reporting_verbs():
            yield m


#: A comma straight before a dash: modern English sets no comma before a dash, except the
#: comma of a quotation that closes there ("a broader perspective,” – and we sat there"). The
#: match starts at the word before the comma.
_COMMA_DASH = lazy_compile(r"\S+(?P<comma>,)[ \u00a0]*[–—](?=[ \u00a0])")
_ANY_QUOTE = lazy_compile(r"[“”\"„«»]")


class UnmarkedQuotation(Check):
    ID = "cleanup.UnmarkedQuotation"
    CATEGORY = "cleanup"
    DESCRIPTION = (
        "A quotation that lost both of its quotation marks: a paragraph announced as a "
        "quotation (\"The letter said, in part:\") that has none, direct speech that opens "
        "with an interjection after a reporting word (\"we heard suggestions like, Well, "
        "what’s a Union State?\"), or a first-person sentence that ends with its speaker "
        "but has neither quotation marks nor a comma (\"We’re pulling out of Cuba Putin said "
        "in an interview.\")."
    )
    RATIONALE = (
        "When a scraper drops both marks of a quotation, nothing is left to pair, so "
        "cleanup.UnpairedQuote cannot see it; the reader then takes the speaker's words for "
        "the reporter's. These shapes still show it: a paragraph that ends with a reporting "
        "verb and a colon announces a quotation, which the next paragraph must open; an "
        "interjection (\"Well,\", \"Yes,\") after \"said,\" or \"like,\" opens direct speech; and a "
        "sentence in the first person that ends with \"<Name> said\" and no comma is a "
        "quotation whose marks and comma were lost. Speech opened by an interjection ends "
        "where a comma stands before a dash (\"a broader perspective, – and we sat there\"): "
        "modern English puts a comma before a dash only when a closing quotation mark "
        "stands between them. A reporting paragraph followed by a list "
        "or by a quotation with its marks, and first-person sentences with a comma before the "
        "speaker (\"We will win, Mr Putin added.\"), are left alone."
    )
    FIX_SAFETY = "No fix is offered: where the quotation ends needs a reader."
    FLAG = [
        "The letter said, in part:\n\nRussian-Indian relations are developing. We intend to "
        "maintain this position.",
        "We’re pulling our military base out of Cuba Putin said in an interview.",
        "We heard suggestions like, Well, what is a Union State?",
        "They asked like, Well, why a union? Let’s look wider, – and we sat and talked.",
    ]
    OK = [
        "The letter said, in part:\n\n“Russian-Indian relations are developing.”",
        "The message reads:\n\n”This traditional forum is important.“",
        "The following documents were signed:\n\nAn agreement on trade.",
        "We will continue this work, Mr Putin added.",
        "I think Mr Putin said that the talks went well.",
        "As I said, I would like to repeat my words.",
        "We heard suggestions like, “Well, what is a Union State?”",
    ]

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        paragraphs = doc.paragraphs
        for para, nxt in zip(paragraphs, paragraphs[1:]):
            if text[para.end - 1] == ":" and _announced(text, para.start, para.end) \
                    and not _ANY_QUOTE.search(text, nxt.start, nxt.end):
                yield self.diagnostic(
                    nxt.start, nxt.end,
                    "This paragraph is announced as a quotation but has no quotation marks")
        for m in _unquoted_interjections(text):
            yield self.diagnostic(
                m.start("word"), m.end("word"),
                "Direct speech starts here without its opening quotation mark")
            para_end = text.find("\n", m.end())
            end = _COMMA_DASH.search(text, m.end(), len(text) if para_end < 0 else para_end)
            if end:  # “Well, … a broader perspective,” – and we sat there
                yield self.diagnostic(
                    end.start(), end.start("comma") + 1,
                    "Direct speech ends here (a comma before a dash) without its closing "
                    "quotation mark")
        for m in _unquoted_speeches(text):
            yield self.diagnostic(
                m.start("quote"), m.end("quote"),
                "This first-person sentence ends with its speaker: it looks like a "
                "quotation that lost its quotation marks and comma")


class MixedQuotes(Check):
    ID = "cleanup.MixedQuotes"
    CATEGORY = "cleanup"
    DESCRIPTION = (
        "Straight double quotes (\") in a document that otherwise uses curly ones (“ ”), or "
        "curly ones in a document that otherwise uses straight ones."
    )
    RATIONALE = (
        "Text pasted from several sources mixes quotation styles; a house style uses one. "
        "Only a small minority style is flagged (at most a third of the majority's marks, "
        "which needs at least four), so documents that legitimately use both are left alone."
    )
    FIX = Applicability.UNSAFE
    FIX_AVAILABILITY = FixAvailability.SOMETIMES
    FIX_SAFETY = (
        "The fix replaces the mark with the majority style, choosing the direction from the "
        "context; it is unsafe because the context can mislead. Marks whose direction the "
        "context does not show get no fix."
    )
    FLAG = [
        ("He said “yes”, she said “no”, they said “maybe” and then \"never\".",
         "He said “yes”, she said “no”, they said “maybe” and then “never”."),
    ]
    OK = [
        "He said “yes”, she said “no” and they said “maybe”.",
        "He said \"yes\" and she said \"no\".",
        "One “curly” and one \"straight\" pair.",
    ]

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        straight = _prose_quotes(doc, "\"")
        curly = _prose_quotes(doc, "“”") if straight else 0
        if not straight or not curly:
            return
        majority_curly = curly > straight
        minority, majority = (straight, curly) if majority_curly else (curly, straight)
        if majority < 4 or minority * 3 > majority:
            return
        doubles = _Places(text, _DOUBLE_GLYPHS)
        for para in doc.paragraphs:
            marks = _double_marks(text, para.start, para.end, doubles.within(para.start, para.end))
            known = {m.pos: m.opening for m in marks}
            for m in _DOUBLE.finditer(text, para.start, para.end):
                glyph = m.group()
                if (glyph == "\"") != majority_curly or glyph == "„" or _quotes_code(doc, m.start()):
                    continue
                fix = None
                if m.start() in known:
                    new = ("“" if known[m.start()] else "”") if majority_curly else "\""
                    fix = Fix.replace(m.start(), m.end(), new, Applicability.UNSAFE,
                                      title=f"Use {new}")
                style = "straight" if majority_curly else "curly"
                yield self.diagnostic(m.start(), m.end(),
                                      f"A {style} quotation mark in a document that uses "
                                      f"{'curly' if majority_curly else 'straight'} ones", fix)


def _prose_quotes(doc: Document, glyphs: str) -> int:
    """How many times the prose of *doc* writes the quotation marks *glyphs*, those that touch
    code (:func:`_quotes_code`) left out. The prose blanks the spans of code (sorted, apart), so
    a mark of the prose touches one only right before or after it."""
    prose = doc.prose_text
    edges = {p for s in doc.ignored for p in (s.start - 1, s.end) if 0 <= p < len(prose)}
    return sum(map(prose.count, glyphs)) - sum(prose[p] in glyphs for p in edges)


def _quotes_code(doc: Document, pos: int) -> bool:
    """Whether the quotation mark at *pos* is code's or touches it: code quotes its strings
    straight, and so does prose that quotes a code span ("e.g. \"`foo.cc`\""), whatever
    style its own quotations take."""
    return doc.is_ignored(pos - 1, pos + 2)


#: A closing quote glued to the next word, or an opening quote glued to the previous one.
#: (Two patterns, each led by its mark, which the engine looks for as text: an alternation of
#: the two it would try at every character.)
_GLUED_CLOSE = lazy_compile(r"(?<=\p{Ll}[.,!?]?)”(?=\p{L})")
_GLUED_OPEN = lazy_compile(r"(?<=\p{Ll}[,:]?)“(?=\p{L})")


def _glued_quotes(text: str) -> Iterator[regex.Match]:
    """The glued closing and opening marks of *text*, in order."""
    return in_text_order(_GLUED_CLOSE.finditer(text), _GLUED_OPEN.finditer(text))


class QuoteSpacing(Check):
    ID = "cleanup.QuoteSpacing"
    CATEGORY = "cleanup"
    DESCRIPTION = (
        "A curly quotation mark glued to the word outside the quotation: "
        "“the “defense company”with the transfer” or “he said“We agree”."
    )
    RATIONALE = (
        "Scrapers drop the space next to a quotation mark when they join text nodes. Only "
        "curly quotes are judged, because their direction is certain."
    )
    FIX = Applicability.UNSAFE
    FIX_AVAILABILITY = FixAvailability.ALWAYS
    FIX_SAFETY = ("The fix inserts a space outside the mark; it is unsafe because a reversed "
                  "mark (”Vankor“) would get the space on the wrong side.")
    FLAG = [
        ("modernize the so-called “defense company”with the transfer.",
         "modernize the so-called “defense company” with the transfer."),
        ("He said“We agree” and left.", "He said “We agree” and left."),
    ]
    OK = [
        "He said “We agree” and left.",
        "The projects are ”Vankor“ (”Rosneft“).",
    ]

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        if "“" not in text and "”" not in text:
            return
        for m in _glued_quotes(text):
            i = m.start()
            if m.group() == "”":
                fix = Fix.replace(i + 1, i + 1, " ", Applicability.UNSAFE, title="Add a space after ”")
                yield self.diagnostic(i, i + 2, "Closing quotation mark glued to the next word", fix)
            else:
                fix = Fix.replace(i, i, " ", Applicability.UNSAFE, title="Add a space before “")
                yield self.diagnostic(i - 1, i + 1, "Opening quotation mark glued to the word before", fix)
