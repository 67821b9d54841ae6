"""The document model: source text, positions, paragraphs, sentences and words.

Every offset is a code point index into :attr:`Document.text` (a Python ``str``
index), end exclusive; lines and columns are 1-based. Structures are computed
lazily, once, so that a rule that needs only the text pays nothing for words.
"""

from __future__ import annotations

import bisect
import operator
import re
from array import array
from collections import Counter
from itertools import filterfalse, islice
from pathlib import Path
from typing import Iterator

import regex

from . import native
from .anchored import finditer_at_runs, matches_at, merged, occurrences
from .cachedattr import cached_property
from .dataclass import dataclass
from .patterns import lazy_compile
from .suppression import DIRECTIVE

#: A word: letters, marks and digits, with inner apostrophes (Russia’s, rock ’n’ roll
#: keeps its parts) and inner hyphens (Díaz-Canel, Commander-in-Chief).
WORD = lazy_compile(r"[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*")
#: A word that is a capital and small letters ("Paris"; not "I", "McCain", "NASA").
TITLED_WORD = lazy_compile(r"\p{Lu}\p{Ll}+")
#: A character beyond Latin-1 (:attr:`Document.characters_beyond_latin1`; ``regex`` finds them
#: in a third of the instructions ``re`` takes).
_BEYOND_LATIN1 = lazy_compile(r"[^\x00-\xff]")
#: Plain text holds Latin-1 characters and general punctuation (U+2000 to U+206F: spaces, dashes,
#: quotation marks; no letter, mark nor number) only, as nearly all prose does: a class of the
#: characters that are not plain, and the classes of ``regex``'s letters (\p{L}), capitals
#: (\p{Lu}), small letters (\p{Ll}) and numbers (\p{N}) among plain characters, which hold no
#: mark (\p{M}) (``tests/test_document.py`` checks each character). A check may look in plain
#: text for a twin of a pattern written with these, by ``re``: several times quicker than
#: ``regex`` where the pattern starts with a look-behind or a class. (The classes hold the
#: characters, not escapes, which ``re`` parses slower when a process compiles a twin.)
NOT_PLAIN = r"[^\x00-\xff\u2000-\u206f]"
PLAIN_LETTERS = "A-Za-z\xaa\xb5\xba\xc0-\xd6\xd8-\xf6\xf8-\xff"
PLAIN_CAPITALS = "A-Z\xc0-\xd6\xd8-\xde"
PLAIN_SMALL = "a-z\xb5\xdf-\xf6\xf8-\xff"
PLAIN_NUMBERS = "0-9\xb2\xb3\xb9\xbc-\xbe"
_NOT_PLAIN = lazy_compile(NOT_PLAIN, engine=re)


def plain(text: str) -> bool:
    """Whether *text* is plain (:data:`NOT_PLAIN`): ``str.isascii`` answers at once for ASCII."""
    return text.isascii() or _NOT_PLAIN.search(text) is None


#: Paragraphs are separated by one or more blank lines (spaces, tabs, no-break spaces allowed:
#: ``regex``'s ``[^\S\n]``, the White_Space characters but the line feed, written out for ``re``,
#: which finds the line feeds faster and whose own ``\s`` also holds U+001C to U+001F).
_PARAGRAPH_BREAK = lazy_compile("\n(?:[\t\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*\n)+",
                                engine=re)
#: (``re``: it finds a character several times faster than ``regex`` scans for it.)
_NEWLINE = lazy_compile(r"\n", engine=re)
#: A punctuation mark after a space that is no line break ("said ,", "Russia ."), or glued between
#: a lowercase letter and a letter ("Russia.Months", "cruiser,Admiral"): a pattern per mark, each
#: led by its mark, which the engine looks for as text (a class of the marks it would try at
#: every character, several times slower); by mark, so that a text without the mark is not scanned.
_MARK_SEAMS = {mark: lazy_compile(re.escape(mark) + r"(?:(?<=[^\S\r\n].)|(?=\p{L})(?<=\p{Ll}.))")
               for mark in ",;:!?."}
#: :attr:`Document.mark_seams` are kept when there is at most one in this many characters.
SPARSE_SEAMS = 256
#: Top-level domains that are no English word (``data/tlds.txt``, built by
#: ``scripts/build_tlds.py`` from the Public Suffix List): "example.com", "kremlin.ru".
TLDS = frozenset(
    line for line in (Path(__file__).resolve().parent / "data" / "tlds.txt")
    .read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")
)
#: Marks of text that is never prose, in any format: URLs, e-mail addresses, domain names
#: (a period before one of :data:`TLDS` in lowercase or capitals, checked in Python: the few
#: candidates are cheaper to look up than a pattern of every domain is to match).
#: Each hit is widened to its whole whitespace-delimited token (a literal-anchored
#: search is far faster than matching whole URLs at every position).
_NOT_PROSE = lazy_compile(r"://|\bwww\.|\bmailto:|@[\w-]+\.|\.(?P<tld>[A-Za-z]{2,})\b")
#: A period before an ASCII letter: where a domain ending of :data:`_NOT_PROSE` starts.
_GLUED_PERIOD = lazy_compile(r"\.[A-Za-z]")
#: Where a match of :data:`_NOT_PROSE` starts: at one of these texts (each found by ``str.find``,
#: many times quicker than the alternation, which is tried at every place), or at a glued period;
#: each with a character it holds, looked for first (one character is found several times quicker
#: than a text, and most prose has no "/").
_NOT_PROSE_AT = (("/", "://"), (".", "www."), (":", "mailto:"), ("@", "@"))
#: A URL's or an e-mail address's mark earlier in the same token.
_IN_URL = lazy_compile(r"[/@][^\s]*$")


def _not_prose_marks(text: str, periods: list[int] | None) -> Iterator[regex.Match]:
    """The marks of :data:`_NOT_PROSE` in *text* (*periods*: its :func:`_glued_periods`), domain
    endings only where they are one of :data:`TLDS` in lowercase or capitals (not a capitalised
    word glued after a period: "end.Ma")."""
    for m in _not_prose_matches(text, periods):
        tld = m.group("tld")
        if tld is None or (tld.islower() or tld.isupper()) and tld.lower() in TLDS:
            yield m


def _glued_periods(text: str) -> list[int] | None:
    """The offsets of :data:`_GLUED_PERIOD` in *text*; None when there are more than one in
    :data:`SPARSE_SEAMS` characters (a list of domain names or abbreviations)."""
    most = len(text) // SPARSE_SEAMS + 64
    periods = None if _GLUED_PERIODS is None else _GLUED_PERIODS(text, most)
    if periods is None:
        periods = _glued_periods_py(text, most)
    return None if len(periods) > most else periods


def _glued_periods_py(text: str, most: int) -> list[int]:
    """The offsets of :data:`_GLUED_PERIOD` in *text*, in order, up to one more than *most*."""
    return [m.start() for m in islice(_GLUED_PERIOD.finditer(text), most + 1)]


#: The compiled twin of :func:`_glued_periods_py` (native/src/structure.rs), or None: no match
#: object a period.
_GLUED_PERIODS = native.function("glued_periods")


def _not_prose_matches(text: str, periods: list[int] | None) -> Iterator[regex.Match]:
    """``_NOT_PROSE.finditer(text)``, tried only at the places of :data:`_NOT_PROSE_AT` and at
    *periods* (:func:`_glued_periods`), unless these are None (dense: there the scan of the
    alternation is quicker than a try at each)."""
    if periods is None:
        return _NOT_PROSE.finditer(text)
    starts = (occurrences(text, mark) for held, mark in _NOT_PROSE_AT if held in text)
    return matches_at(_NOT_PROSE, merged(*starts, periods), text)


#: A brace-enclosed token: a type annotation ("{string}", "{fs.Stats | null}"), a template
#: placeholder ("{name}") or a brace expansion ("{add,sub}"); never prose.
_BRACED = lazy_compile(r"\{[^\s{}|]+(?:[^\S\n]*\|[^\S\n]*[^\s{}|]+)*\}")
#: Tokens of code in running text: a call ("sys.exit()"), a snake_case name, a dotted
#: module path ("idlelib.config.GetHighlight"), a dunder name, and the syntax of the command
#: line that manuals write: a long option ("--status-fd"), a manual page cited with its
#: section ("vi(1)", "sources.list(5)"), an absolute path ("/etc/apt/trusted.gpg.d") and a
#: short option of one lowercase letter ("with -e, such entries are skipped"); and a version
#: number (:data:`_VERSION`).
#: (Separate patterns, each led by a literal the engine scans for quickly (a version number by
#: its first character, "v" or a digit, then the look-behind: 8 times faster than a pattern
#: led by the look-behind, which is tried at every position): a snake_case name
#: is found at its first underscore, the word before it read by the look-behind; it is
#: counted as often as ``\b[a-z][a-z0-9]*_[a-z0-9_]+\b`` matches, which is tried at every word;
#: a dotted path is tried at a period before a small letter, and only then looks behind it.)
#: By the literal that every match holds: a text without it is not scanned.
_CODE_TOKENS = {lead: lazy_compile(p) for lead, p in (
    ("()", r"(?<=[A-Za-z_]\w{0,60})\(\)"), ("_", r"(?<=\b[a-z][a-z0-9]*)_[a-z0-9_]+\b"),
    (".", r"\.(?=[a-z_])(?<=\b[a-z_]{1,40}\.)[a-z_]+\.[A-Za-z_]"), ("__", r"\b__[a-z][a-z0-9_]{0,40}__\b"),
    ("--", r"(?<![\w-])--[a-z]"), ("(", r"(?<=\b[a-z][\w.+-]{0,40})\([1-9][a-z]{0,6}\)"),
    ("/", r"(?<![\w/.:~])/[A-Za-z_.][\w.-]*/[\w.-]"), ("-", r"(?<![\w.-])-[a-z](?=[\s,.;:)]|$)"))}
#: A version number, as release notes head their sections ("v1.4", "1.6.0"; not a date:
#: "05.12.26", "5.12.2026"): a code token too.
_VERSION = lazy_compile(r"[v0-9](?<![\w.][v0-9])(?:(?<=v)\d+(?:\.\d+)+|(?<=0)\.\d{1,3}\.\d{1,3}"
                        r"|(?<=[1-9])\d{0,2}\.\d{1,3}\.\d{1,3})(?![\w.]*\d)")
#: Where _VERSION is tried (:func:`textlint.anchored.finditer_at_runs`; a scan led by "v"
#: or a digit is tried at every digit of a text): at the digits, and the "v" before them, that
#: come before a period followed by a digit.
_VERSION_AT = (lazy_compile(r"\.\d"), lazy_compile(r"(?r)v?\d+"))
#: How Markdown code starts: inline code and fences, indented blocks.
_CODE_MARKS = frozenset("`~ \t")
#: Code tokens per word above which a text is technical writing.
TECHNICAL_DENSITY = 0.002
_TOKEN_LEFT = lazy_compile(r"[^\s\"“”‘(<\[]*", regex.REVERSE)
_TOKEN_RIGHT = lazy_compile(r"[^\s\"“”’)>\]]*")
_TRAILING = ".,;:!?'’"

#: Abbreviations after which a period does not end a sentence (lowercase, with their dots):
#: ``data/abbreviations.txt``, built by ``scripts/build_abbreviations.py`` from pySBD.
ABBREVIATIONS = frozenset(
    line for line in (Path(__file__).resolve().parent / "data" / "abbreviations.txt")
    .read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")
)

#: Not after a period that ends an abbreviation or an initial ("J. Smith"). (Longest first, and
#: in one order in every process, not the set's: the same pattern text is what lets the cache
#: of compiled patterns hold it.)
_NOT_AN_END = (r"(?<!\b(?i:" + "|".join(regex.escape(a[:-1]) for a in sorted(sorted(ABBREVIATIONS), key=len, reverse=True))
               + r")\.|\b\p{Lu}\.)")
#: A sentence ends at terminal punctuation (plus closing quotes or brackets) and
#: whitespace before a capital, a digit or an opening quote, unless the period
#: ends an abbreviation or an initial. A run of marks is tried from its first mark
#: that may end a sentence only: when that fails, every later start in the run fails
#: too, so they are not tried (a long run of dots stays linear).
_SENTENCE_END = lazy_compile(
    r"(?<![.!?…]" + _NOT_AN_END + r")[.!?…]" + _NOT_AN_END
    + r"[.!?…]*+[\"'”’»)\]]*+\s++(?=[\"'“‘«(\[]*[\p{Lu}\p{N}])"
)


@dataclass(frozen=True, slots=True)
class Span:
    """A range of the document text."""

    start: int
    end: int


_START = operator.attrgetter("start")


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the document."""

    start: int
    end: int
    text: str


#: The size of the pieces :func:`text_pieces` cuts a text into.
PIECE_SIZE = 1 << 16
_WHITESPACE = lazy_compile(r"\s")


def text_pieces(text: str, size: int = PIECE_SIZE) -> Iterator[str]:
    """*text* in consecutive pieces of at least *size* characters (the last one shorter),
    each cut before a whitespace character, so that no word is cut: a scan of a large text
    that holds one piece at a time."""
    start = 0
    while len(text) - start > size:
        m = _WHITESPACE.search(text, start + size)
        if m is None:
            break
        yield text[start:m.start()]
        start = m.start()
    yield text[start:]


#: Punctuation marks and symbols, none of them a character of a :data:`WORD`: a chunk of text
#: between spaces that is letters between such marks ("(said,", "“Russia”") is that one word,
#: and a chunk without them at its ends has the words it had (:attr:`Document.vocabulary`).
_AROUND_WORDS = ".,;:!?\"'()[]{}“”‘’«»‹›„‚-‐‑–—―…/\\*&%$#@+=<>|^_`~•·"
#: The marks that most chunks of prose that are no plain word carry ("said," "end." "\"Yes"): none is
#: a character of a :data:`WORD`, so a text with each made a space has the same words, in chunks
#: that are mostly plain words (:attr:`Document.vocabulary`: a plain word is counted in C).
_SPLIT_AT = ".,\"“”"


class Document:
    """A text to lint, with lazily computed structure.

    *ignored* lists spans that are not prose (code in Markdown, ...); URLs and
    e-mail addresses are found in any text. Diagnostics that touch them are
    dropped by the linter, so fixes never edit them.
    *headings* lists spans known to be headings (from Markdown); for plain text
    they are guessed (:meth:`_guess_headings`). *accepted* is the project's
    vocabulary: checks treat these words as known, and the linter drops findings
    on them.
    """

    def __init__(self, text: str, path: str = "-", *,
                 ignored: list[Span] | None = None,
                 headings: list[Span] | None = None,
                 kind: str = "text",
                 accepted: frozenset[str] = frozenset()) -> None:
        self.text = text
        self.path = path
        #: "text" or "markdown".
        self.kind = kind
        #: Words and phrases the project accepts (its vocabulary file): never errors.
        self.accepted = accepted
        self._markup_ignored = ignored or []
        self._headings = headings

    # positions -------------------------------------------------------------
    @cached_property
    def line_starts(self) -> list[int]:
        return [0] + [m.end() for m in _NEWLINE.finditer(self.text)]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code point offset."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line ending."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    # structure ---------------------------------------------------------------
    @cached_property
    def paragraphs(self) -> list[Span]:
        """Blocks of text separated by blank lines, trimmed of surrounding whitespace."""
        bounds = None if _PARAGRAPH_BOUNDS is None else _PARAGRAPH_BOUNDS(self.text)
        if bounds is None:
            bounds = _paragraph_bounds_py(self.text)
        return list(map(Span, bounds[::2], bounds[1::2]))

    @cached_property
    def sentences(self) -> list[Span]:
        """Sentences of every paragraph (a heuristic splitter aware of abbreviations)."""
        return [s for para in self.paragraphs for s in self._split(para)]

    def _split(self, para: Span) -> list[Span]:
        """The sentences of one paragraph."""
        out: list[Span] = []
        text = self.text
        start = para.start
        for m in _SENTENCE_END.finditer(text, para.start, para.end):
            end = m.end()
            while end > start and text[end - 1].isspace():
                end -= 1
            out.append(Span(start, end))
            start = m.end()
        if start < para.end:
            out.append(Span(start, para.end))
        return out

    def sentence_at(self, offset: int) -> Span | None:
        """The sentence containing *offset*, if any. Only its paragraph is split (each at most
        once): a check that asks about a few places does not have the whole text split."""
        j = bisect.bisect_right(self._paragraph_starts, offset) - 1
        if j < 0:
            return None
        if j not in self._split_paragraphs:
            self._split_paragraphs[j] = self._split(self.paragraphs[j])
        sentences = self._split_paragraphs[j]
        i = bisect.bisect_right(sentences, offset, key=_START) - 1
        if i >= 0 and offset < sentences[i].end:
            return sentences[i]
        return None

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    @cached_property
    def _split_paragraphs(self) -> dict[int, list[Span]]:
        """:meth:`_split`'s sentences of the paragraphs :meth:`sentence_at` was asked about."""
        return {}

    @cached_property
    def words(self) -> list[Token]:
        """Every word of the document, in order."""
        return [Token(m.start(), m.end(), m.group()) for m in WORD.finditer(self.text)]

    def words_in(self, start: int, end: int) -> Iterator[Token]:
        """The words inside ``[start, end)``."""
        words = self.words
        i = bisect.bisect_left(self._word_starts, start)
        while i < len(words) and words[i].end <= end:
            yield words[i]
            i += 1

    @cached_property
    def _word_starts(self) -> list[int]:
        return [w.start for w in self.words]

    @cached_property
    def mark_seams(self) -> array | None:
        """The offsets of the marks ``,;:!?.`` that follow a space other than a line break, or
        stand between a lowercase letter and a letter (the character before tells which: a space
        or a letter): where the rules of the spacing around punctuation try their patterns (one
        scan of the text for them all; few in prose). None when there are more than one in
        :data:`SPARSE_SEAMS` characters (code, lists of abbreviations): the rules then scan the
        text with each of their patterns, which is quicker there than a try at every seam."""
        text = self.text
        most = len(text) // SPARSE_SEAMS + 64
        found = None if _MARK_SEAMS_NATIVE is None else _MARK_SEAMS_NATIVE(text, most)
        if found is None:
            return _mark_seams_py(text, most)
        return None if len(found) > most else array("q", found)

    @cached_property
    def mark_seams_by_side(self) -> tuple[list[int], list[int]] | None:
        """:attr:`mark_seams` told apart once by the character before, for the rules that try
        their patterns at one kind: (those glued after a letter, those after a space), each in
        order; None when :attr:`mark_seams` is None."""
        seams = self.mark_seams
        if seams is None:
            return None
        text, glued, spaced = self.text, [], []
        for p in seams:
            (spaced if text[p - 1].isspace() else glued).append(p)
        return glued, spaced

    @cached_property
    def vocabulary(self) -> Counter[str]:
        """How often each word form occurs in the prose of the document (case kept)."""
        return self._words[0]

    @cached_property
    def unlettered_words(self) -> list[str]:
        """The words of :attr:`vocabulary` that are not all letters (``str.isalpha``: "it's",
        "was960"), in no set order (told as the words are counted)."""
        return self._words[1]

    @cached_property
    def titled_words(self) -> list[str] | None:
        """The words of :attr:`vocabulary` that are a capital and small letters
        (:data:`TITLED_WORD`: "Paris", "Ibelieve"), in no set order, when the compiled count
        told them as it counted (plain prose); else None (a walk of every word would cost more
        than the scans it spares)."""
        return self._words[2]

    @cached_property
    def _words(self) -> tuple[Counter[str], list[str], list[str] | None, int]:
        """:attr:`vocabulary`, :attr:`unlettered_words`, :attr:`titled_words` and :attr:`word_count`."""
        counts, unlettered, titled, total = _prose_words(self.prose_text)
        text = self.text
        for start, end in self._name_tokens:  # "searchengine.py" writes the word "searchengine"
            for word in WORD.findall(text, start, end):
                if word not in counts:
                    if not word.isalpha():
                        unlettered.append(word)
                    elif titled is not None and TITLED_WORD.fullmatch(word):
                        titled.append(word)
                counts[word] += 1
                total += 1
        return counts, unlettered, titled, total

    @cached_property
    def word_count(self) -> int:
        """How many words the prose of the document has: the sum of :attr:`vocabulary`'s counts
        (told as they are counted, not summed again)."""
        return self._words[3]

    @cached_property
    def _marks(self) -> list[regex.Match]:
        """:func:`_not_prose_marks` of the text (found once: the non-prose spans and the file
        and domain names both start from them)."""
        return list(_not_prose_marks(self.text, self._glued_periods))

    @cached_property
    def _glued_periods(self) -> list[int] | None:
        """:func:`_glued_periods` of the text (found once: the non-prose marks and the dotted
        paths of :attr:`technical` start at them)."""
        return _glued_periods(self.text)

    @cached_property
    def _name_tokens(self) -> list[tuple[int, int]]:
        """The file and domain names of the text ("searchengine.py", "repo.or.cz"): tokens
        ending in one of :data:`TLDS` that are no URL or e-mail address. They are not prose,
        but the words they write are the document's (and they mark technical writing)."""
        text, found = self.text, []
        for m in self._marks:
            if m.group("tld") and not _IN_URL.search(text, max(0, m.start() - 200), m.start()):
                found.append((_TOKEN_LEFT.match(text, max(0, m.start() - 200), m.start()).start(), m.end()))
        return found

    @property
    def headings(self) -> list[Span]:
        if self._headings is None:
            self._headings = self._guess_headings()
        return self._headings

    def _guess_headings(self) -> list[Span]:
        """Plain text: a one-line paragraph of at most 20 words without final punctuation,
        or a question or exclamation in title case (:func:`_titled_question`)."""
        out = []
        for p in self.paragraphs:
            body = self.text[p.start:p.end]
            if "\n" in body or body[-1] in ".!?:;,\"”’)" and not _titled_question(body) \
                    or len(body.split()) > 20:
                continue
            out.append(p)
        return out

    def in_heading(self, offset: int) -> bool:
        starts, ends = self._heading_bounds
        i = bisect.bisect_right(starts, offset) - 1
        return i >= 0 and offset < ends[i]

    @cached_property
    def _heading_bounds(self) -> tuple[list[int], list[int]]:
        spans = sorted((h.start, h.end) for h in self.headings)
        return [s for s, _ in spans], [e for _, e in spans]

    @cached_property
    def ignored(self) -> list[Span]:
        """Spans that are not prose, sorted and merged."""
        spans = [*self._markup_ignored, *self._non_prose_tokens()]
        if "textlint-" in self.text:
            spans += [Span(m.start(), m.end()) for m in DIRECTIVE.finditer(self.text)]
        spans.sort(key=lambda s: s.start)
        merged: list[Span] = []
        for s in spans:
            if merged and s.start <= merged[-1].end:
                merged[-1] = Span(merged[-1].start, max(merged[-1].end, s.end))
            else:
                merged.append(s)
        return merged

    def _non_prose_tokens(self) -> Iterator[Span]:
        """Brace tokens, and the whole token around each URL, e-mail or domain mark.

        A token is scanned to its right end once, however many marks it holds
        ("a://b" repeated), so the scan stays linear; its left end is looked for
        at most 200 characters back from each mark.
        """
        text = self.text
        if "{" in text:
            yield from (Span(m.start(), m.end()) for m in _BRACED.finditer(text))
        token_end = kept_end = -1
        for m in self._marks:
            if m.start() >= token_end:  # a mark past the last token: a new token
                token_end = _TOKEN_RIGHT.match(text, m.end()).end()
                # the token without its trailing punctuation (kept up to the mark's end)
                kept_end = m.end() + len(text[m.end():token_end].rstrip(_TRAILING))
            start = _TOKEN_LEFT.match(text, max(0, m.start() - 200), m.start()).start()
            yield Span(start, max(kept_end, m.end()))

    @cached_property
    def prose_text(self) -> str:
        """The text with every non-prose span blanked out (same length, same offsets)."""
        if not self.ignored:
            return self.text
        parts, pos = [], 0
        for s in self.ignored:
            parts += [self.text[pos:s.start], " " * (s.end - s.start)]
            pos = s.end
        parts.append(self.text[pos:])
        return "".join(parts)

    @cached_property
    def characters_beyond_latin1(self) -> str:
        """The distinct characters of the text above U+00FF, in one string (few in English prose:
        curly quotes, dashes). A check that has a quick path for text of certain characters,
        Latin-1 among them, asks its test of these once instead of scanning the whole text."""
        text = self.text
        if text.isascii():
            return ""
        found = None if _CHARACTERS_BEYOND_LATIN1 is None else _CHARACTERS_BEYOND_LATIN1(text)
        return _characters_beyond_latin1_py(text) if found is None else found

    @cached_property
    def plain(self) -> bool:
        """Whether the text is plain (:data:`NOT_PLAIN`), as nearly all prose is: asked of its
        :attr:`characters_beyond_latin1` (Latin-1 is plain)."""
        return plain(self.characters_beyond_latin1)

    @cached_property
    def code_words(self) -> frozenset[str]:
        """The words of the document's non-prose spans (code, URLs, type annotations):
        a word written there is an identifier, also where it appears in prose."""
        return frozenset(w for s in self.ignored for w in WORD.findall(self.text, s.start, s.end))

    @cached_property
    def code_span_words(self) -> frozenset[str]:
        """The words of the document's code spans and blocks (Markdown), without those of its
        URLs, HTML or front matter: names its code gives ("nospace", the parameter "s")."""
        text = self.text
        return frozenset(w for s in self._markup_ignored if _is_code(text, s)
                         for w in WORD.findall(text, s.start, s.end))

    @cached_property
    def technical(self) -> bool:
        """Whether the document is technical writing, where camel case names code: code
        spans and blocks (Markdown), code tokens in its prose ("sys.exit()", "tab_width") and
        file and domain names ("searchengine.py", "repo.or.cz"), at least 3 and
        :data:`TECHNICAL_DENSITY` per word."""
        prose = self.prose_text
        code = sum(len(p.findall(prose)) for (lead, p), held in zip(_CODE_TOKENS.items(), _substrings_in(prose, _CODE_LEADS))
                   if held and (lead != "." or self._may_hold_dotted_path))
        code += sum(1 for _ in finditer_at_runs(_VERSION, *_VERSION_AT, prose))
        text = self.text
        code += sum(1 for s in self._markup_ignored if _is_code(text, s))
        code += len(self._name_tokens)  # a file or domain name: "searchengine.py"
        return code >= 3 and code >= TECHNICAL_DENSITY * self.word_count

    @property
    def _may_hold_dotted_path(self) -> bool:
        """Whether the text may hold a dotted path of :data:`_CODE_TOKENS` (a period before a small
        letter or "_"): not when none of its :attr:`_glued_periods` (most texts have few) comes
        before a small ASCII letter and it has no "_" (the prose, blanked in places, has no more)."""
        periods, text = self._glued_periods, self.text
        return periods is None or "_" in text or any("a" <= text[p + 1] <= "z" for p in periods)

    @cached_property
    def _ignored_starts(self) -> list[int]:
        return [s.start for s in self.ignored]

    def is_ignored(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` touches text that is not prose."""
        end = max(end, start + 1)
        i = bisect.bisect_left(self._ignored_starts, end) - 1
        return i >= 0 and self.ignored[i].end > start


def _mark_seams_py(text: str, most: int) -> array | None:
    """The offsets of the matches of :data:`_MARK_SEAMS` in *text*, in order; None when there
    are more than *most* (:attr:`Document.mark_seams`)."""
    seams = array("q")
    scans = ((m.start() for m in seam.finditer(text)) for mark, seam in _MARK_SEAMS.items() if mark in text)
    for p in merged(*scans):
        if len(seams) == most:
            return None
        seams.append(p)
    return seams


#: The compiled twin of :func:`_mark_seams_py` on plain text (native/src/seams.rs), or None: one
#: pass over the text for every mark, where the twin scans it once per mark.
_MARK_SEAMS_NATIVE = native.function("mark_seams")


def _paragraph_bounds_py(text: str) -> list[int]:
    """The starts and ends of the paragraphs of *text* (:attr:`Document.paragraphs`), each after
    the last, in one list: the blocks between matches of :data:`_PARAGRAPH_BREAK`, trimmed of white
    space (``str.isspace``), the empty ones left out."""
    bounds, pos = [], 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        _add_trimmed(bounds, text, pos, m.start())
        pos = m.end()
    _add_trimmed(bounds, text, pos, len(text))
    return bounds


def _add_trimmed(bounds: list[int], text: str, start: int, end: int) -> None:
    """Adds to *bounds* the start and end of ``text[start:end]`` trimmed of white space, unless
    nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        bounds += (start, end)


#: The compiled twin of :func:`_paragraph_bounds_py` (native/src/structure.rs), or None: one pass
#: over the text, without a match object or a call a paragraph.
_PARAGRAPH_BOUNDS = native.function("paragraph_bounds")


def _characters_beyond_latin1_py(text: str) -> str:
    """The distinct characters of *text* above U+00FF, in order, in one string."""
    return "".join(sorted(set(_BEYOND_LATIN1.findall(text))))


#: The leads of :data:`_CODE_TOKENS`, in its order.
_CODE_LEADS = list(_CODE_TOKENS)


def _substrings_in(text: str, needles: list[str]) -> list[bool]:
    """Whether each of *needles* occurs in *text*."""
    found = None if _SUBSTRINGS_IN is None else _SUBSTRINGS_IN(text, needles)
    return _substrings_in_py(text, needles) if found is None else found


def _substrings_in_py(text: str, needles: list[str]) -> list[bool]:
    """Whether each of *needles* (none empty) occurs in *text*."""
    # (a needle's first character is looked for first: a search for one character takes a
    # fraction of the time of one for two, and most texts lack "(" and "_")
    return [needle[0] in text and needle in text for needle in needles]


#: The compiled twin of :func:`_substrings_in_py` (native/src/structure.rs), or None: one walk of
#: the text for all the needles, where the twin scans it once or twice for each.
_SUBSTRINGS_IN = native.function("substrings_in")


#: The compiled twin of :func:`_characters_beyond_latin1_py` (native/src/structure.rs), or None:
#: no string made of each copy of a character.
_CHARACTERS_BEYOND_LATIN1 = native.function("characters_beyond_latin1")


def _prose_words_py(prose: str) -> Counter[str]:
    """How often each word (:data:`WORD`) occurs in *prose*: the chunks between spaces counted in
    the order of their first copies, then each chunk that is not all letters replaced by its words,
    in that order (:attr:`Document.vocabulary` keeps this order)."""
    # a chunk of letters between spaces is one word, and so is a chunk of letters between
    # marks of _AROUND_WORDS ("(said,"): only the others need the pattern (no word spans a
    # space). The chunks are counted first (in C), so that each form of the others is read
    # once, its count going to each of its words
    counts = Counter()
    for piece in text_pieces(prose):  # no list of every word of a large text
        for mark in _SPLIT_AT:
            piece = piece.replace(mark, " ")
        counts.update(piece.split())
    get = counts.get
    for chunk in list(filterfalse(str.isalpha, counts)):
        n = counts.pop(chunk)
        for word in _words_of_chunk(chunk):
            counts[word] = get(word, 0) + n
    return counts


#: The compiled twin of :func:`_prose_words_py` on plain text (native/src/vocabulary.rs), or None.
_PROSE_WORDS = native.function("prose_words")


def _prose_words(prose: str) -> tuple[Counter[str], list[str], list[str] | None, int]:
    """:func:`_prose_words_py`, the words it counts that are not all letters (``str.isalpha``),
    in its order, those that are :data:`TITLED_WORD`, in its order (None without the compiled
    twin), and the sum of its counts; on plain prose (nearly all) its compiled twin splits,
    counts and parts the chunks in about three fifths of the time, sets the same counts in the same
    order and lists the same words and sums the counts, each told as it is counted (not by another
    walk of the counts)."""
    if _PROSE_WORDS is not None:
        counts, unlettered, titled = Counter(), [], []
        total = _PROSE_WORDS(prose, counts, unlettered, titled)
        if total is not None:
            return counts, unlettered, titled, total
    counts = _prose_words_py(prose)
    return counts, list(filterfalse(str.isalpha, counts)), None, sum(counts.values())


def _words_of_chunk(chunk: str) -> tuple[str, ...] | list[str]:
    """The :data:`WORD` matches of a chunk of text between spaces: its core (without the marks of
    :data:`_AROUND_WORDS` around it) when that is one word, as most are, found without the pattern:
    runs of letters joined each by one of the word's inner apostrophes and hyphens ("it's",
    "Díaz-Canel"), or a number."""
    core = chunk.strip(_AROUND_WORDS)
    if core.isdecimal() or all(map(str.isalpha, core.replace("’", "'").replace("-", "'").split("'"))):
        return (core,)
    return WORD.findall(core)


def _is_code(text: str, span: Span) -> bool:
    """Whether a span that Markdown leaves out of the prose is code: a code span or block."""
    return text[span.start:span.start + 4].lstrip("\n")[:1] in _CODE_MARKS


def _titled_question(body: str) -> bool:
    """Whether a one-line paragraph is a question or an exclamation of two words or more,
    every one of them capitalised ("What Happened?", "Why Now?"): a title; a sentence
    capitalises its first word only."""
    if body[-1] not in "?!" or len(body.split(maxsplit=20)) > 20:
        return False
    words = [w for w in WORD.findall(body) if w[0].isalpha()]
    return len(words) >= 2 and all(w[0].isupper() for w in words)
