"""The cleanup pack's punctuation spacing: cleanup.MissingSpaceAfterPunctuation and
cleanup.SpaceBeforePunctuation, on in default runs.

They find what the off-by-default spacing rules (:mod:`.punctuation`) find and more, in any
text, and give each finding the fix safety that docs/safe-fixes.md asks: safe only where the
edit is right in every context.
"""

from __future__ import annotations

from typing import Iterator

import regex

from ...diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from ...document import ABBREVIATIONS, Document
from ...lexicon import get_lexicon
from ...patterns import LazyPattern, lazy_compile
from ...rule import FixAvailability
from ..base import Check
from ..prose import enclosed
from ...wordclasses import ARTICLES, CALENDAR, FUNCTION_WORDS
from ...anchored import finditer_at_runs, matches_at_runs, occurrences
from .punctuation import DANGLING, SHORT_WORD_BEFORE, SPACE_BEFORE_MARK, SPACE_BEFORE_MARK_AT, SURE_ZIPF

#: A sentence mark glued to a capitalised word ("Russia.Months", "text?And", "it!That") or a
#: colon glued to one ("Chemezov:Mr"), after a lowercase letter; not before an opening
#: bracket or a digit (names of code: "sys.Exit()").
_GLUED_SENTENCE = lazy_compile(
    r"(?<=\p{L}\p{Ll})(?P<p>[.!?:])(?=(?P<w>\p{Lu}\p{Ll}+)(?![\p{L}\p{N}_(]))")
#: A period glued to the article "A" or the pronoun "I" before a lowercase word: "dusk.A pale".
_GLUED_LETTER = lazy_compile(r"(?<=\p{Ll}{2})(?P<p>\.)(?=(?P<w>[AI])[ \u00a0]+\p{Ll})")
#: A period glued between two lowercase words, the second a function word that goes on to a
#: word: the start of a sentence whose capital was lost too ("checking.just paste your
#: text"). Names of code ("self.is_valid", "promise.then(", "nginx.conf") have other
#: shapes or are technical writing, where this is not looked for.
_GLUED_LOWER = lazy_compile(
    r"(?<![\p{L}\p{M}\p{N}_.@/\\-])(?P<left>\p{Ll}{2,})(?P<p>\.)(?=(?P<w>\p{Ll}+)[ \u00a0]+\p{L})")
#: Where _GLUED_LOWER is tried (:func:`textlint.anchored.finditer_at_runs`): at the lowercase letters
#: before a period between lowercase letters.
_GLUED_LOWER_AT = (lazy_compile(r"\.\p{Ll}"), lazy_compile(r"(?r)\p{Ll}+"))
#: A date whose comma is glued to the year: "June 16,1963" (a thousands separator never
#: follows the day of a month; a decimal comma has no month before it).
_GLUED_YEAR = lazy_compile(r"(?<![\p{L}\p{M}])(?P<month>\p{Lu}\p{Ll}+)\.?[ \u00a0]\d{1,2}(?P<p>,)(?P<w>\d{4})(?![\p{N},.]\p{N}|\p{N})")
#: Where _GLUED_YEAR is tried (:func:`textlint.anchored.finditer_at_runs`): at the month before a comma
#: glued to four digits.
_GLUED_YEAR_AT = (lazy_compile(r",\d{4}"), lazy_compile(r"(?r)\p{Lu}\p{Ll}+\.?[ \u00a0]\d{1,2}"))
#: A comma or semicolon glued to a word; not inside character references ("&lt;main&gt;"),
#: tag lists ("lib,src,test", "**test,doc**:", "**doc,n-api**:") or names of code ("a_b,c\\d").
_GLUED_COMMA = lazy_compile(
    r"(?<=\p{L}\p{Ll})(?<!&#?\w+|[,;]\p{L}+)(?P<p>[,;])"
    r"(?=(?P<w>\p{L}++)(?![\p{L}\p{N}-]*(?:[,;]\p{L}|\*|_|\\|:\s)))")
#: A comma or semicolon with the space on the wrong side: "foo ,bar".
_SWAPPED = lazy_compile(r"(?<=[\p{L}\p{N}])(?P<space>[ \u00a0]+)(?P<p>[,;])(?=(?P<w>\p{L}[\p{L}\p{M}]*)\b)")
#: Where _SWAPPED is tried (:func:`after_spaced_marks`): at the spaces before a comma or semicolon
#: after a space or a no-break space.
_SWAPPED_AT = (",;", " \u00a0", lazy_compile(r"(?r)[ \u00a0]+"))
#: Spaces before a mark that ends at a space or the line end (the YAML rule this replaced);
#: "..." and ":)" are left alone.
_SPACE_BEFORE = lazy_compile(r"(?<=[\p{L}\p{N})\]”’\"])[^\S\r\n]+(?P<p>[,;:!?]|\.(?!\.))(?=[\s\"”’]|$)")
#: Where _SPACE_BEFORE is tried (:func:`after_spaced_marks`): at the spaces before a mark after a
#: space (any but a line break).
_SPACE_BEFORE_AT = (",;:!?.", None, lazy_compile(r"(?r)[^\S\r\n]+"))
#: The token before a space before a mark, read back from the space.
_TOKEN_BEFORE = lazy_compile(r"(?r)\S+$")
#: A token that names a path, a URL or a call ("/usr/share/doc", "http://host/src", "cv(1,1)").
_PATH_OR_CALL = lazy_compile(r"/|\w\([^()\s]*\)$")
#: A space inside a contraction or an elided word: "I 'm", "o' clock".
_SPACED_APOSTROPHE = lazy_compile(
    r"(?<![\p{L}\p{M}'’])(?P<a>\p{L}+)(?:(?P<s1>[ \u00a0]+)(?P<q1>['’])(?P<b1>\p{L}+)"
    r"|(?P<q2>['’])(?P<s2>[ \u00a0]+)(?P<b2>\p{L}+))(?![\p{L}\p{M}'’])")
#: Where _SPACED_APOSTROPHE is tried (:func:`_spaced_apostrophes`): at the word and spaces before
#: an apostrophe.
_SPACED_APOSTROPHE_AT = ("'’", lazy_compile(r"(?r)\p{L}+[ \u00a0]*"))
#: A spaced abbreviation of letters: "e. g.", "i. e.", "Ph. D.".
_SPACED_ABBREVIATION = lazy_compile(r"(?<![\p{L}.])(?P<a>\p{L}{1,2}\.)(?P<s>[ \u00a0])(?P<b>\p{L}\.)(?!\p{L})")
#: Where _SPACED_ABBREVIATION is tried (:func:`textlint.anchored.finditer_at_runs`): at the letters before
#: a period, a space and a letter with its period.
_SPACED_ABBREVIATION_AT = (lazy_compile(r"\.[ \u00a0]\p{L}\."), lazy_compile(r"(?r)\p{L}{1,2}"))


def straight_quotes(text: str) -> Iterator[tuple[int, bool]]:
    """(offset, opening) of every straight double quote on lines that have an even number of
    them, paired in order ("a "b" c "d""); lines with an odd number (inch marks: 31") are left out.
    (Line by line in place, from one quotation mark to the next, the lines without any passed
    over: no copy of a long line, no list of the quotes of the whole text.)"""
    q = text.find('"')
    while q >= 0:  # the first quotation mark of its line
        end = text.find("\n", q)
        end = len(text) if end < 0 else end
        if text.count('"', q, end) % 2 == 0:
            opening = True
            while q >= 0:
                yield q, opening
                opening = not opening
                q = text.find('"', q + 1, end)
        q = text.find('"', end)


#: Quotation marks and brackets that open and close a mention.
_OPENING = frozenset("\"'“‘([<")
_CLOSING = frozenset("\"'”’)]>")


def _quoted_token(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is the whole of a quotation or a bracket: a name mentioned
    ("the string 'typing.Any'", "each <value,name> pair"), not two sentences of a word each
    that lost a space."""
    return enclosed(text, start, end, _OPENING, _CLOSING)


def _assigned(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is glued to an equals sign: a list of settings
    ("-O bg=light,python=cool", "a=1,b=2"), code, not two sentences that lost a space."""
    return text[start - 1:start] == "=" or text[end:end + 1] == "="


#: A contraction or elision this frequent (Zipf) written apart is a spurious space.
CONTRACTION_ZIPF = 4.0


class MissingSpaceAfterPunctuation(Check):
    ID = "cleanup.MissingSpaceAfterPunctuation"
    CATEGORY = "cleanup"
    SEVERITY = Severity.WARNING
    DESCRIPTION = (
        "A sentence mark, a colon, a comma or a semicolon glued to the next word: "
        "\"Russia.Months ago\", \"text?And\", \"dusk.A pale glow\", \"cruiser,Admiral\", "
        "\"Chemezov:Mr\"; a comma with the space before it instead of after it (\"foo ,bar\"); "
        "a closing straight quotation mark glued to the next word (\"whispered \"hurry\"and left\"); "
        "a period glued before a lowercase function word that goes on (\"checking.just paste\", "
        "not in technical writing); a date's comma glued to the year (\"June 16,1963\")."
    )
    RATIONALE = (
        "Line joins in scraped text and OCR drop the space after punctuation. The rule only "
        "fires between letters (a lowercase letter before the mark and, after a sentence mark "
        "or colon, a capital followed by a lowercase letter), so numbers (1,000, 3.5, 10:30), "
        "abbreviations (e.g., U.S., Ph.D.), domain names, HTML character references "
        "(\"&lt;main&gt;\"), names of code (\"config.ConfigChanges\", \"sys.Exit()\") and tag "
        "lists (\"**test,doc**:\", \"lib,src,test\") are left alone. Technical writing glues "
        "names of code so (\"net.Server\", \"blob,file\"): there only a glue before a "
        "function word, the start of a clause (\"object.The\"), is reported."
    )
    FIX = Applicability.SAFE
    FIX_AVAILABILITY = FixAvailability.ALWAYS
    FIX_SAFETY = (
        "The fix inserts a space after the mark. It is safe for a comma or semicolon between "
        "two common words (\"icons,such\") and for a sentence mark before a capitalised "
        "function word that starts the next sentence (\"house.The\", \"it!That\"); elsewhere "
        "the glue may be the author's (\"Na,K-ATPase\", \"Yahoo!Answers\", a namespace "
        "\"System.Collections\") and the fix is unsafe."
    )
    FLAG = [
        ("near Russia.Months ago, officials said so.", "near Russia. Months ago, officials said so."),
        ("aboard the cruiser,Admiral Kuznetsov.", "aboard the cruiser, Admiral Kuznetsov."),
        ("A cyclist passed by the house.The wheels hummed.", "A cyclist passed by the house. The wheels hummed."),
        ("You actually solved it!That changes everything.", "You actually solved it! That changes everything."),
        ("The streetlamp flickered at dusk.A pale glow spread.", "The streetlamp flickered at dusk. A pale glow spread."),
        ("foo ,bar", "foo, bar"),
        ("He flew on June 16,1963 into space.", "He flew on June 16, 1963 into space."),
        ("Spell and grammar checking.just paste your text here.", "Spell and grammar checking. just paste your text here."),
        ('She whispered "hurry"and left.', 'She whispered "hurry" and left.'),
    ]
    OK = [
        "It costs 1,000 roubles, or 3.5 per cent more.",
        "See e.g. the U.S. report by Ph.D. students.",
        "Visit example.com or www.kremlin.ru today.",
        "The meeting starts at 10:30.",
        "The template writes \"&who;Smith&end;\" as it is.",
        "Add class config.ConfigChanges and call sys.Exit() here.",
        "- **test,doc**: fix the lib,src,test tags",
        "It costs 16,1963 euros; on June 16, 1963 it cost 1,5 more.",
        "Edit nginx.conf or call promise.then(done) as the docs say.",
    ]

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        if not any(m in text for m in ".,;:!?"):
            return
        lexicon = get_lexicon()
        for pattern in (_GLUED_SENTENCE, _GLUED_LETTER, _GLUED_COMMA):
            for m in _glued(pattern, doc):
                mark, word = m.group("p", "w")
                left = _word_before(text, m.start())
                sure = _sure(mark, left, word, lexicon)
                if doc.technical and word.lower() not in FUNCTION_WORDS:
                    # technical writing glues names of code ("net.Server", "blob,file"); a
                    # function word starts a clause there too ("object.The", "foo,as")
                    continue
                if _quoted_token(text, m.start() - len(left), m.end() + len(word)) \
                        or _assigned(text, m.start() - len(left), m.end() + len(word)):
                    continue  # a mention of a name: "use the string 'typing.Any'"
                fix = Fix((Edit(m.end(), m.end(), " "),), _applicability(sure), f"Add a space after '{mark}'")
                yield self.diagnostic(m.start() - len(left), m.end() + len(word), f"Add a space after '{mark}'", fix)
        if not doc.technical:
            for m in _glued_lower(doc):
                left, word = m.group("left", "w")
                if word in FUNCTION_WORDS and lexicon.zipf(left) >= SURE_ZIPF:
                    # the next sentence's capital is lost too: a space alone is no full repair
                    fix = Fix((Edit(m.end(), m.end(), " "),), Applicability.UNSAFE, "Add a space after '.'")
                    yield self.diagnostic(m.start(), m.end() + len(word), "Add a space after '.'", fix)
        for m in finditer_at_runs(_GLUED_YEAR, *_GLUED_YEAR_AT, text):
            if m.group("month").lower() in CALENDAR:
                fix = Fix((Edit(m.end("p"), m.end("p"), " "),), Applicability.UNSAFE, "Add a space after ','")
                yield self.diagnostic(m.start(), m.end(), "Add a space after ',' before the year", fix)
        for m in after_spaced_marks(_SWAPPED, _SWAPPED_AT, doc):
            left, mark, word = _word_before(text, m.start()), m.group("p"), m.group("w")
            sure = _sure(mark, left, word, lexicon)
            fix = Fix((Edit(m.start(), m.end(), f"{mark} "),), _applicability(sure),
                      f"Write '{left}{mark} {word}'")
            yield self.diagnostic(m.start() - len(left), m.end() + len(word),
                                  f"The space goes after '{mark}', not before it", fix)
        # technical writing quotes strings with their spaces: "From ", " into <branch>"
        if '"' in text and not doc.technical:
            for q, opening in straight_quotes(text):
                if not opening and q > 0 and not text[q - 1].isspace() and text[q + 1:q + 2].isalpha():
                    # a quotation mark may be an inch or a ditto mark: unsafe
                    fix = Fix((Edit(q + 1, q + 1, " "),), Applicability.UNSAFE, "Add a space after the quotation")
                    yield self.diagnostic(q, q + 2, "Add a space after the closing quotation mark", fix)


class SpaceBeforePunctuation(Check):
    ID = "cleanup.SpaceBeforePunctuation"
    CATEGORY = "cleanup"
    SEVERITY = Severity.WARNING
    DESCRIPTION = (
        "Spaces between a word and the comma, period, semicolon, colon, question or "
        "exclamation mark that follows it (\"Russia .\", \"said , and\"), inside a "
        "contraction (\"I 'm\", \"o' clock\"), a spaced abbreviation (\"e. g.\") or inside "
        "straight quotation marks (\"You \" fixed\" it\")."
    )
    RATIONALE = (
        "Tokenizers and PDF extraction put spaces before punctuation; modern English "
        "typography has none there. French and older English printing set a space before "
        "\"?\", \"!\", \":\" and \";\", formulas space their marks (\"= 0 .\", \"( a , b )\"), "
        "and a mark after a word that ends no phrase (\"J. Samson and , S. Kahlil\") stands "
        "where the extraction dropped something. A mark that is named, not used, is left alone: "
        "after an article (\"the ! command\", \"a : separates\") or, a sentence mark, before a "
        "lowercase word, a hyphen or a mark (\"executed by . or source\", \"find . -name\")."
    )
    FIX = Applicability.SAFE
    FIX_AVAILABILITY = FixAvailability.ALWAYS
    FIX_SAFETY = (
        "The fix removes the spaces. It is safe before a comma or period after a word of two "
        "letters or more that can end a phrase; before \";\", \"?\", \"!\" and \":\" (a "
        "typographic convention of French and older English text), in formulas, inside "
        "contractions and abbreviations (where a quotation mark or a style may be meant) "
        "it is unsafe."
    )
    FLAG = [
        ("Putin said so , and left .", "Putin said so, and left."),
        ("What did he say ?", "What did he say?"),
        ("Maybe I 'm missing something?", "Maybe I'm missing something?"),
        ("They meet at 2 o' clock.", "They meet at 2 o'clock."),
        ("There are checkers for English, e. g. LanguageTool.", "There are checkers for English, e.g. LanguageTool."),
        ('You " fixed" it.', 'You "fixed" it.'),
    ]
    OK = [
        "He paused ... and went on.",
        "Prices rose 5 % in May.",
        "A smiley :) at the end.",
        "He said 'hello' and left.",
        "The dogs' toys were new.",
        'Seats have a pitch of 31-33", with newer ones 31" wide.',
        'He said "yes" and "no".',
        "Read the manual at http://example.org/manual/ .",
        "Versions:\n\n\tcpp\t\t: cpp-12\n\tgcc\t\t: gcc-12",
        "   0      : success",
        "name : str\n    The name.\nkind : int\n    The kind.\nvalue : object\n    The value.",
        "It runs when a script is executed by . or source, and the ! command runs a shell.",
    ]

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        sure = _sure_spaces(doc)
        styled = _spaced_by_style(doc)
        for m in after_spaced_marks(_SPACE_BEFORE, _SPACE_BEFORE_AT, doc):
            mark = m.group("p")
            if mark in styled or _spaced_on_purpose(text, m.start(), m.start("p")) \
                    or _mentioned_mark(text, m.start(), m.end()):
                continue
            fix = Fix((Edit(m.start(), m.start("p"), ""),), _applicability(m.start() in sure),
                      f"Remove the space before '{mark}'")
            yield self.diagnostic(m.start(), m.end(), f"Remove the space before '{mark}'", fix)
        lexicon = get_lexicon()
        for m in _spaced_apostrophes(text):
            b = m.group("b1") or m.group("b2")
            joined = f"{m.group('a')}{m.group('q1') or m.group('q2')}{b}"
            if lexicon.zipf(joined.replace("’", "'")) < CONTRACTION_ZIPF:
                continue
            space = "s1" if m.group("s1") else "s2"
            fix = Fix((Edit(m.start(space), m.end(space), ""),), Applicability.UNSAFE, f"Write '{joined}'")
            yield self.diagnostic(m.start(), m.end(), f"'{m.group()}' looks like '{joined}'", fix)
        # technical writing quotes strings with their spaces: "From ", " into <branch>"
        if '"' in text and not doc.technical:
            for a, b in _spaces_inside_quotes(text):
                fix = Fix((Edit(a, b, ""),), Applicability.UNSAFE, "Remove the space inside the quotation")
                yield self.diagnostic(a - 1, b + 1, "Remove the space inside the quotation marks", fix)
        for m in finditer_at_runs(_SPACED_ABBREVIATION, *_SPACED_ABBREVIATION_AT, text):
            joined = m.group("a") + m.group("b")
            if joined.lower() not in ABBREVIATIONS or text.count(m.group()) >= STYLE_COUNT:
                continue  # not an abbreviation, or the document's style ("i. e." throughout)
            fix = Fix((Edit(m.start("s"), m.end("s"), ""),), Applicability.UNSAFE, f"Write '{joined}'")
            yield self.diagnostic(m.start(), m.end(), f"'{m.group()}' looks like '{joined}'", fix)


#: The marks that French and older English typography set off with spaces on both sides.
_STYLE_MARKS = ":;?!"
#: How often a document sets such a mark off with spaces before it is its typography.
STYLE_COUNT = 3


def _spaced_by_style(doc: Document) -> frozenset[str]:
    """The marks of :data:`_STYLE_MARKS` that the document sets off with a space on either
    side at least :data:`STYLE_COUNT` times ("name : type" in a docstring, "Quoi ? Non !"):
    its typography, not a tokenizer's slip, which does not follow a convention."""
    text, sides = doc.text, doc.mark_seams_by_side
    if sides is None:
        return frozenset(mark for mark in _STYLE_MARKS if text.count(f" {mark} ") >= STYLE_COUNT)
    if not sides[1]:
        return frozenset()
    counts, ends = dict.fromkeys(_STYLE_MARKS, 0), dict.fromkeys(_STYLE_MARKS, 0)
    # each " : " is at a place of Document.mark_seams after a space, counted as str.count
    # counts (no overlaps)
    for p in sides[1]:
        mark = text[p]
        if mark in counts and text[p - 1] == " " and text[p + 1:p + 2] == " " and p - 1 >= ends[mark]:
            counts[mark] += 1
            ends[mark] = p + 2
    return frozenset(mark for mark in _STYLE_MARKS if counts[mark] >= STYLE_COUNT)


def _spaced_on_purpose(text: str, start: int, mark: int) -> bool:
    """Whether the space before a mark is layout, not a tokenizer's: a tab or several spaces
    (columns: "gcc\t\t: gcc-12", "0      : success"), a line that is indented (a table or code),
    or a mark kept off a path, a URL or a call ("see http://host/src .", "cv(1,1) , cv(1,2)")."""
    if mark - start > 1 or text[start] == "\t":
        return True
    window = max(0, start - 200)  # a window, not the whole line: no quadratic work on huge lines
    line = text.rfind("\n", window, start) + 1 or (0 if window == 0 else -1)
    if line >= 0 and text[line:line + 1] in (" ", "\t"):
        return True
    token = _TOKEN_BEFORE.search(text, window, start)
    return token is not None and _PATH_OR_CALL.search(token.group()) is not None


#: What follows a mark set off by spaces: the next token's first character.
_NEXT_START = lazy_compile(r"[^\S\r\n]+(\S)")


def _mentioned_mark(text: str, start: int, end: int) -> bool:
    """Whether the mark that ends at *end*, set off by spaces, is named rather than used: after
    an article ("a : separates", "the ! command"), which ends no phrase, or, a sentence mark,
    before a lowercase word, a hyphen or another mark ("executed by . or source", "find .
    -name"), where no sentence ends. A tokenizer's space before a mark leaves the mark where
    it ends a phrase or a sentence."""
    if _word_before(text, start).lower() in ARTICLES:
        return True
    after = _NEXT_START.match(text, end)
    return text[end - 1] in ".!?" and after is not None and (after.group(1).islower()
                                                             or after.group(1) in "-.,;:!?")


def _spaces_inside_quotes(text: str) -> Iterator[tuple[int, int]]:
    """Spaces after an opening straight quotation mark that follows a space, or before a
    closing one that a space or a mark follows: 'You " fixed" it', 'a "quote " here'."""
    for q, opening in straight_quotes(text):
        # (most quotation marks have no space on their inner side: no pattern is tried there)
        if opening and (q == 0 or text[q - 1].isspace()):
            gap = _SPACES_AFTER.match(text, q + 1) if text[q + 1:q + 2] in _INNER_SPACES else None
        elif not opening and (q + 1 == len(text) or not text[q + 1].isalnum()):
            gap = _SPACES_BEFORE.search(text, max(0, q - 8), q) if text[q - 1:q] in _INNER_SPACES else None
        else:
            continue
        if gap is not None:
            yield gap.start(), gap.end()


def _spaced_apostrophes(text: str) -> Iterator[regex.Match]:
    """``_SPACED_APOSTROPHE.finditer(text)``, tried after the word before each apostrophe that
    a space touches (every match's does; most apostrophes have letters on both sides: "don't").
    (Those places of each apostrophe, found by ``str.find``, then sorted: quicker than merging
    the scans of all apostrophes, most of which are passed over.)"""
    apostrophes, run = _SPACED_APOSTROPHE_AT
    places = sorted(p for apostrophe in apostrophes for p in occurrences(text, apostrophe)
                    if text[p - 1:p] in _INNER_SPACES or text[p + 1:p + 2] in _INNER_SPACES)
    if not places:
        return iter(())
    return matches_at_runs(_SPACED_APOSTROPHE, places, run, text)


def _applicability(sure: bool) -> Applicability:
    return Applicability.SAFE if sure else Applicability.UNSAFE


def _word_before(text: str, pos: int) -> str:
    m = _WORD_BEFORE.search(text, max(0, pos - 40), pos)
    return m.group() if m else ""


_WORD_BEFORE = lazy_compile(r"[\p{L}\p{M}]*$")
#: Spaces after an opening quotation mark before a word, and before a closing one after a word.
_SPACES_AFTER = lazy_compile(r"[ \u00a0]+(?=\p{L})")
#: The spaces of :data:`_SPACES_AFTER` and :data:`_SPACES_BEFORE`.
_INNER_SPACES = frozenset(" \u00a0")
_SPACES_BEFORE = lazy_compile(r"(?r)(?<=\p{L})[ \u00a0]+$")


def _sure(mark: str, left: str, word: str, lexicon) -> bool:
    """Whether a space after *mark* between *left* and *word* is right in every context: a
    comma or semicolon between two common words, or a sentence mark before a capitalised
    function word (the start of the next sentence) after a common lowercase word."""
    if len(left) < 2 or lexicon.zipf(left) < SURE_ZIPF:
        return False
    if mark in ",;":
        return len(left) > 2 and len(word) > 1 and not word.isupper() and lexicon.zipf(word) >= SURE_ZIPF
    return mark in ".!?" and left.islower() and word.lower() in FUNCTION_WORDS


def _glued(pattern: LazyPattern, doc: Document) -> Iterator[regex.Match]:
    """``pattern.finditer(doc.text)`` for a pattern of a mark glued between two words
    (:data:`_GLUED_SENTENCE`, :data:`_GLUED_LETTER`, :data:`_GLUED_COMMA`: each matches the mark
    alone), tried at the places of :attr:`Document.mark_seams` between a lowercase letter and a
    letter (not after a space), when it has them."""
    text, sides = doc.text, doc.mark_seams_by_side
    if sides is None:
        return pattern.finditer(text)
    return filter(None, (pattern.match(text, p) for p in sides[0])) if sides[0] else iter(())


def _glued_lower(doc: Document) -> Iterator[regex.Match]:
    """``_GLUED_LOWER.finditer(doc.text)``, tried (:func:`textlint.anchored.matches_at_runs`) at
    the periods of :attr:`Document.mark_seams` glued after a letter (each match's period stands
    between lowercase letters: a seam), when it has them; else at each period before a
    lowercase letter."""
    text, sides = doc.text, doc.mark_seams_by_side
    if sides is None:
        return finditer_at_runs(_GLUED_LOWER, *_GLUED_LOWER_AT, text)
    periods = [p for p in sides[0] if text[p] == "."]
    return matches_at_runs(_GLUED_LOWER, periods, _GLUED_LOWER_AT[1], text) if periods else iter(())


def after_spaced_marks(pattern: LazyPattern, at: tuple[str, str | None, LazyPattern],
                       doc: Document) -> Iterator[regex.Match]:
    """``pattern.finditer(doc.text)`` for a pattern of spaces before a mark, tried
    (:func:`textlint.anchored.matches_at_runs`) at the spaces before the places of
    :attr:`Document.mark_seams` that hold one of *marks* after one of *spaces* (None: any
    space but a line break), *at* being (marks, spaces, the run of spaces read back): the
    seams that ``(?<=[SPACES])[MARKS]`` finds (``tests/test_anchored_scans.py``); when there are
    none (too many), by ``finditer``."""
    marks, spaces, run = at
    text, sides = doc.text, doc.mark_seams_by_side
    if sides is None:
        return pattern.finditer(text)
    if not sides[1]:
        return iter(())
    # (a place after a space: a space that is no line break, by the scan)
    seams = (p for p in sides[1] if text[p] in marks and (spaces is None or text[p - 1] in spaces))
    return matches_at_runs(pattern, seams, run, text)


def _sure_spaces(doc: Document) -> set[int]:
    """Where a space before a comma or period is surely spurious: after a word of two letters
    or more that can end a phrase, as the off-by-default spacing rule finds them (French
    spacing puts one before a semicolon)."""
    text, sure = doc.text, set()
    for m in after_spaced_marks(SPACE_BEFORE_MARK, SPACE_BEFORE_MARK_AT, doc):
        word = SHORT_WORD_BEFORE.search(text, max(0, m.start("space") - 3), m.start("space"))
        if m.group("mark") != ";" and (word is None or word.group() not in DANGLING):
            sure.add(m.start("space"))
    return sure


MARK_CHECKS = [MissingSpaceAfterPunctuation, SpaceBeforePunctuation]
