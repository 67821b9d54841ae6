"""Word and word-pair frequencies, loaded once and lazily: the lexicon behind the built-in checks.

:func:`get_lexicon` returns the process-wide :class:`Lexicon`:

- unigrams: ``wordfreq``'s English list ("best"), on the Zipf scale
  (log10 of uses per billion words);
- bigrams: ``wordsegment``'s Google web counts of word pairs, stored as their
  pointwise mutual information (log10 of how much more often the pair occurs than
  its words would by chance), with the unigram counts that PMI needs;
- the words of those pairs: which words begin and which end some pair of the list
  (:meth:`Lexicon.pair_sides`), so that a pair of words that cannot be in the list is not
  looked up.

Reading both packages' text files takes about a second, so the first use builds a
compact cache in the user's cache directory (each table as its keys in UTF-8, grouped by
their 16-bit value, an array of their offsets, their values, and an index of the keys by a
checksum of their bytes), keyed by the packages' files as installed. Later processes map it
into memory, so a short document reads only the pages its words lead to: a table answers in
place at first (about a microsecond a question: no key is hashed by Python nor made a str),
and becomes a dict (~0.3 µs a key to build, ~0.1 s for the words) only once it has answered
in place as many questions as building it costs, or when a long text is announced
(:meth:`Lexicon.expect`); so a short file (a pre-commit hook) starts fast, and a table that a
text asks little (the word pairs, on most texts) is never built. With textlint's compiled
accelerators (``textlint_native``), a table reads in place through a compiled twin of
:meth:`Table.get` (~0.1-0.3 µs a question, about the dict's answer by CPU time), which keeps
the answers it read (of keys of up to 29 UTF-8 bytes, 4 MB at most a length class: a key
asked again costs one load that may miss the processor's caches, not 4-5) and which the
compiled checks ask without a Python call; it never builds its dict to answer: building would
pay only after many passes over a long text.
When the cache cannot be written the tables are built in memory (slower, same
result).
"""

from __future__ import annotations

import array
import math
import mmap
import operator
import os
import struct
import zlib
from bisect import bisect_left
from functools import cached_property, lru_cache
from itertools import chain, islice, repeat, takewhile
from pathlib import Path
from typing import Callable, Iterator, Sequence
from zlib import crc32

from . import native
from .untracked import untracked_set

#: Bump when the cached layout or its content changes.
CACHE_FORMAT = 9
#: What building a table's dict costs, per key, in keys the table reads in place (a key asked
#: again is answered from the answers kept, at a tenth of a read's cost): a dict takes
#: 0.13-0.25 µs a key to build, a key read in place ~1 µs more than the dict's answer (CPU
#: time: 0.14-0.24 keys read a key built; instructions: ~990 against ~8,300, 0.12;
#: docs/benchmarks.md, branch lexfast15): a table builds its dict once it has read this many
#: keys per key in place, when building it would have paid.
BUILD_COST_PER_KEY = 0.2
#: Word-pair counts in wordsegment's list start at this count (of ~1.0e12 words).
_BIGRAM_MIN_COUNT = 100_000
#: :meth:`Lexicon.pair_sides`: the word begins some pair of the list, ends some pair.
BEGINS_PAIR, ENDS_PAIR = 1, 2
#: Questions the checks ask of each table (the words, the pairs, the pairs' words) per word
#: of a long text, about: 0.99, 0.087 and 0.155 on 0.96 MB of clean prose (2.6, 0.25 and 0.20
#: on the corrupt news articles as one text; docs/benchmarks.md, branch startfast). A text
#: that asks a table more builds its dict later, by the table's own count.
QUESTIONS_PER_WORD = {"_zipf": 1.0, "_pmi": 0.1, "_sides": 0.15}
#: :meth:`Lexicon.words_from`: strings asked one by one of the word table before a set of its
#: frequent words pays. Making the set of the 29k words of Zipf 3 or more from the dict costs
#: 2-3 ms; a string costs ~0.2 µs more in the dict than in the set (a miss in a large dict
#: misses the processor's caches).
STRINGS_BEFORE_A_SET = 10_000


class Table:
    """A read-only ``str -> int`` table: looked up in place by a checksum, then a dict.

    Reads the cache file in place (memory-mapped: a short document touches a few pages of
    it) without making a str of a single key, and keeps each answer it read (a key asked
    again, as word pairs often are, costs a dict look-up); once it has read as many keys in
    place as building its dict costs (:data:`BUILD_COST_PER_KEY`), it builds the dict, which
    answers faster, and hands it to *replace* so that its owner asks the dict directly (a
    compiled table, :attr:`compiled`, reads in place throughout). The keys are
    stored grouped by value (*groups*: each value and where its keys end), so that the dict is
    built a group at a time with one int object per value, not one per key (the highest values
    first: :meth:`keys_from`); the first *ascii_keys* keys are ASCII (the rest are not), so
    that their text decodes to a str of one byte a character, which splits into keys by
    copying their bytes (a str that holds one wider character splits into wider strs, each
    narrowed again: ~20 % more work for the dict); *index* finds a key in place: bucket
    ``crc32(key) & mask`` holds the keys ``slots[starts[b]:starts[b + 1]]``.
    """

    def __init__(self, keys: bytes | mmap.mmap, base: int, offsets: Sequence[int],
                 values: Sequence[int], index: tuple[Sequence[int], Sequence[int]],
                 groups: tuple[Sequence[int], Sequence[int]], ascii_keys: int) -> None:
        # key j is the UTF-8 text keys[base + offsets[j]:base + offsets[j + 1] - 1], of value
        # values[j]
        self._keys, self._base, self._offsets, self._values = keys, base, offsets, values
        self._slots, self._starts = index
        self._mask = len(self._starts) - 2  # a power of two, less one
        self._groups = groups
        self._ascii = ascii_keys
        self._dict: dict[str, int] | None = None
        #: once the dict is built: each group's value and number of keys, in the dict's order
        self._sizes: list[tuple[int, int]] = []
        #: the answers read in place so far (None for a key the table lacks), by key
        self._answers: dict[str, int | None] = {}
        #: keys read in place so far (a key asked again is answered from the kept answers)
        self.asked = 0
        self.replace: Callable[[dict[str, int]], None] = lambda table: None
        #: whether the compiled twin of :meth:`get` answers (``textlint_native.LexiconTable``, an
        #: instance attribute: a C-level call): it reads in place nearly as fast as the dict
        #: answers, so the table never builds its dict to answer (the questions of a cleanup
        #: pass replayed, CPU time, best of 5, at load 2: words 0.156 µs a question against the
        #: dict's 0.163 and 0.26 µs a key to build (at load 6-10: 0.235 against 0.218, 0.301
        #: against 0.234: 5-20 questions a key to pay); pairs' words 0.099 against 0.058 and
        #: 0.12 µs a key, 3; pairs 0.144 against 0.123 and 0.24 µs, 11; a pass asks 1.1, 2.0
        #: and 0.13 questions a key; by instructions a question costs ~580 more than the dict's:
        #: 1.8 questions a key; branch nat19-table)
        self.compiled = False
        reader = _compiled_reader(keys, base, offsets, values, index)
        if reader is not None:
            self.get, self.compiled = reader.get, True
        #: keys read in place before the dict is built (never, by a compiled table)
        self.build_after = math.inf if self.compiled else round(BUILD_COST_PER_KEY * len(values))

    def __len__(self) -> int:
        return len(self._values) if self._dict is None else len(self._dict)

    def build(self) -> dict[str, int]:
        """The dict of the table (built once) and handed to *replace*."""
        if self._dict is None:
            keys = self._keys_between(0, self._ascii) + self._keys_between(self._ascii, len(self._values))
            self._dict = {}
            # the highest values first, so that the dict's first keys are those of a value or
            # more (keys_from takes them from there)
            for value, start, end in sorted(self._group_spans(), reverse=True):
                self._dict.update(zip(keys[start:end], repeat(value)))
                self._sizes.append((value, end - start))
            # only the dict answers now: the file is unmapped once no table refers to it
            self._keys, self._offsets, self._values, self._groups = b"", (0,), (), ((), ())
            self._slots, self._starts = (), ()
            self._answers = {}
            if self.compiled:  # (the compiled reader lets go of the file too)
                self.get = self._dict.get
            self.replace(self._dict)
        return self._dict

    def keys_from(self, high_enough: Callable[[int], bool]) -> Iterator[str]:
        """The keys whose value is *high_enough* (true for every value above one that is): the
        first keys of the dict (built first), which holds the highest values first; a compiled
        table, which answers without its dict, reads them from their groups in place."""
        if self.compiled and self._dict is None:
            return chain.from_iterable(self._keys_between(start, end)
                                       for value, start, end in self._group_spans() if high_enough(value))
        table = self.build()
        return islice(table, sum(size for _, size in takewhile(lambda group: high_enough(group[0]), self._sizes)))

    def _group_spans(self) -> Iterator[tuple[int, int, int]]:
        """Each group of keys read in place as its value and the keys it spans (first, end)."""
        values, ends = self._groups
        return zip(values, [0, *ends[:-1]], ends)

    def _keys_between(self, first: int, end: int) -> list[str]:
        """Keys *first* to *end* (not included), made strs."""
        base, offsets = self._base, self._offsets
        text = self._keys[base + offsets[first]:base + offsets[end]].decode("utf-8", "surrogatepass")
        return text.split("\n")[:-1]  # (each key ends in a newline)

    def get(self, key: str, default=None):
        """The value of *key* (*default* when the table lacks it): the dict's answer once it is
        built; before, the answer kept, or else the key read in place (here, not in a function
        of its own: a call would cost a tenth of the read)."""
        if self._dict is not None:
            return self._dict.get(key, default)
        value = self._answers.get(key, _UNASKED)
        if value is _UNASKED:
            self.asked += 1
            if self.asked > self.build_after:
                return self.build().get(key, default)
            wanted = key.encode("utf-8", "surrogatepass")
            bucket = crc32(wanted) & self._mask
            value = None
            first, end = self._starts[bucket], self._starts[bucket + 1]
            if first != end:  # (an empty bucket: about half the keys a table lacks)
                keys, base, offsets = self._keys, self._base, self._offsets
                try:
                    for j in self._slots[first:end]:
                        if keys[base + offsets[j]:base + offsets[j + 1] - 1] == wanted:
                            value = self._values[j]
                            break
                except IndexError:  # a damaged cache (a slot beyond its keys)
                    pass
            self._answers[key] = value
        return default if value is None else value

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None

    def max_value(self) -> int:
        """The highest value of the table (0 for an empty one): in place, the highest of its
        groups' values."""
        if self._dict is not None:
            return max(self._dict.values(), default=0)
        return max(self._groups[0], default=0)

    def longest_key(self) -> int:
        """The length of the longest key, at most: in place, its UTF-8 bytes (as many as its
        characters or more)."""
        if self._dict is not None:
            return max(map(len, self._dict), default=0)
        n, offsets = len(self._values), self._offsets
        return max(map(operator.sub, offsets[1:n + 1], offsets[:n]), default=1) - 1


#: :meth:`Table.get`: a key not read in place yet.
_UNASKED = object()
#: The compiled twin of :meth:`Table.get`'s read in place (``textlint_native.LexiconTable``), or None.
_COMPILED_TABLE = native.function("LexiconTable")


def _compiled_reader(keys, base, offsets, values, index):
    """The compiled reader of a table's parts, when there is one and the parts are buffers of the
    cache's item types (the cache file's); else None. Its ``get`` answers as :meth:`Table.get`,
    in place throughout."""
    if _COMPILED_TABLE is None:
        return None
    try:
        return _COMPILED_TABLE(keys, base, offsets, values, *index)
    except (TypeError, ValueError, BufferError):
        return None


def _buckets(n: int) -> int:
    """The number of buckets of a table of *n* keys in the cache: a power of two, at least *n*."""
    return 1 << max(n - 1, 0).bit_length()


class Lexicon:
    """English word frequencies (Zipf) and word-pair association (PMI, log10)."""

    def __init__(self, zipf: dict[str, int] | Table, pmi: dict[str, int] | Table,
                 bigram_floor: float, sides: dict[str, int] | Table | None = None) -> None:
        self._zipf = zipf  # lowercase word -> Zipf * 100
        self._loaded_zipf = zipf  # (a Table stays one once it has handed its dict to _zipf)
        #: words_from's sets, by Zipf, and the strings it was told of before it made one
        self._words_from: dict[float, dict[str, None]] = {}
        self._strings_before_set = 0
        #: word_reach's ASCII words sorted, and each of them reversed, sorted, by Zipf: tuples of
        #: strings, which the cyclic collector stops tracking (lists of ~30,000 strings each would
        #: be walked by every full collection of the process)
        self._sorted_words_from: dict[float, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self._pmi = pmi  # "w1 w2" (lowercase) -> PMI * 100
        # lowercase word -> BEGINS_PAIR | ENDS_PAIR (the words of the pairs only)
        self._sides = pair_sides(pmi) if sides is None else sides
        for name in ("_zipf", "_pmi", "_sides"):
            table = getattr(self, name)
            if isinstance(table, Table):
                table.replace = lambda built, name=name: setattr(self, name, built)
        #: log10 of the smallest pair probability the bigram list holds.
        self.bigram_floor = bigram_floor

    def expect(self, words: int, asked_only: bool = False) -> None:
        """Prepare for a text of about *words* words: the tables it will ask more questions
        than building their dicts costs (:data:`QUESTIONS_PER_WORD`) build them now, before a
        check takes their lookups for a tight loop (a table that builds its dict later answers
        through one more call). With *asked_only*, only the tables some check has asked
        already: a run that has checked a file knows which tables its rules use."""
        for name, rate in QUESTIONS_PER_WORD.items():
            table = getattr(self, name)
            if isinstance(table, Table) and words * rate > table.build_after \
                    and (table.asked or not asked_only):
                table.build()

    def zipf_table(self) -> dict[str, int] | Table:
        """The word table itself (lowercase word -> Zipf * 100), for tight loops."""
        return self._zipf

    def pmi_table(self) -> dict[str, int] | Table:
        """The pair table itself ("w1 w2" lowercase -> PMI * 100), for tight loops."""
        return self._pmi

    def pair_sides_table(self) -> dict[str, int] | Table:
        """The table of :meth:`pair_sides` itself (lowercase word -> bits), for tight loops."""
        return self._sides

    def pair_sides(self, word: str) -> int:
        """Whether *word* (lowercase) begins (:data:`BEGINS_PAIR`) or ends (:data:`ENDS_PAIR`)
        some pair of the list, as bits: ``pmi(a, b)`` is None unless *a* has the first and *b*
        the second, which two bit tests tell without building and looking up the pair."""
        return self._sides.get(word, 0)

    def words_from(self, zipf: float, strings: int) -> dict[str, None] | None:
        """The words (lowercase) of :meth:`zipf` *zipf* or more (*zipf* above 0) as a set (the
        keys of a dict the collector does not walk: :func:`.untracked_set`), for
        a check about to ask *strings* strings whether they are one; None (ask the table) until
        such questions add up to :data:`STRINGS_BEFORE_A_SET` and the word table is a dict
        (read in place, the table's own reads of those strings lead it to its dict sooner: a
        set made then would put the dict off) or a compiled table (which builds none). Made
        once, from the first keys of the dict (a compiled table's groups of keys in place), not
        by asking every word its Zipf (~170 M instructions)."""
        words = self._words_from.get(zipf)
        if words is None:
            self._strings_before_set += strings
            if self._strings_before_set < STRINGS_BEFORE_A_SET \
                    or isinstance(self._zipf, Table) and not self._zipf.compiled:
                return None
            table = self._loaded_zipf
            if isinstance(table, Table):
                found = table.keys_from(lambda value: value / 100 >= zipf)
            else:
                found = (word for word, value in table.items() if value / 100 >= zipf)
            words = self._words_from[zipf] = untracked_set(found)
        return words

    def word_reach(self, zipf: float, text: str) -> tuple[int, int] | None:
        """How many first characters of *text* start some ASCII word of :meth:`words_from`
        *zipf*, and how many last ones end one (a bisection of those words sorted, and of each
        of them reversed, sorted: made once); None until words_from has made its set of them."""
        ordered = self.ordered_words_from(zipf)
        return None if ordered is None else reach_in(*ordered, text)

    def ordered_words_from(self, zipf: float) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
        """The ASCII words of :meth:`words_from` *zipf* sorted, and each of them reversed, sorted
        (made once); None until words_from has made its set of them."""
        words = self._words_from.get(zipf)
        if words is None:
            return None
        ordered = self._sorted_words_from.get(zipf)
        if ordered is None:
            forwards = sorted(filter(str.isascii, words))  # (strs of one kind sort faster)
            ordered = self._sorted_words_from[zipf] = (tuple(forwards), tuple(sorted([w[::-1] for w in forwards])))
        return ordered

    def zipf(self, word: str) -> float:
        """Zipf frequency of *word* (case-insensitive); 0.0 when unknown."""
        return self._zipf.get(word.lower(), 0) / 100

    def __contains__(self, word: str) -> bool:
        return word.lower() in self._zipf

    def __len__(self) -> int:
        return len(self._zipf)

    def pmi(self, first: str, second: str) -> float | None:
        """log10 P(first second) / (P(first) P(second)) for a frequent pair; None when
        the pair is not among the frequent ones (it is rarer than :attr:`bigram_floor`)."""
        v = self._pmi.get(f"{first.lower()} {second.lower()}")
        return None if v is None else v / 100

    @cached_property
    def longest_word(self) -> int:
        """The length of the longest word of the table, at most (a table read in place counts
        its words' UTF-8 bytes: as many as their characters or more)."""
        table = self._zipf
        return table.longest_key() if isinstance(table, Table) else max(map(len, table), default=0)

    @cached_property
    def pmi_max(self) -> float:
        """The highest :meth:`pmi` of any pair."""
        table = self._pmi
        return (table.max_value() if isinstance(table, Table) else max(table.values(), default=0)) / 100


def reach_in(forwards: tuple[str, ...], backwards: tuple[str, ...], text: str) -> tuple[int, int]:
    """How many first characters of *text* start one of the sorted words *forwards*, and how many
    last ones end one (*backwards*: the same words, each reversed, sorted;
    :meth:`Lexicon.ordered_words_from`)."""
    return _longest_shared_start(forwards, text), _longest_shared_start(backwards, text[::-1])


def words_starting_in(forwards: tuple[str, ...], start: str, at_most: int) -> tuple[str, ...] | None:
    """The words of *forwards* (ASCII, sorted) that start with *start*, in order, when they are
    *at_most* or fewer, else None (``start + "\\x80"`` follows every ASCII word that starts with
    *start*)."""
    first = bisect_left(forwards, start)
    end = bisect_left(forwards, start + "\x80", first)
    return forwards[first:end] if end - first <= at_most else None


def _longest_shared_start(words: tuple[str, ...], text: str) -> int:
    """The length of the longest start of *text* that starts one of *words* (sorted): the
    longer start that *text* shares with its neighbours in their order."""
    at = bisect_left(words, text)
    return max((_shared_start(text, word) for word in words[max(at - 1, 0):at + 1]), default=0)


def _shared_start(a: str, b: str) -> int:
    """The length of the start that *a* and *b* share (a loop of its own: ``os.path.commonprefix``
    costs ~12 M more instructions a cleanup run, in its checks of its arguments)."""
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def cache_dir() -> Path:
    """textlint's cache directory: ``TEXTLINT_CACHE_DIR`` when set, else the ``textlint``
    folder of the user's cache directory (platformdirs: ``$XDG_CACHE_HOME/textlint`` or
    ``~/.cache/textlint`` on Linux, ``~/Library/Caches/textlint`` on macOS), the folder
    LanguageTool is installed in too (``languagetool/``, see :mod:`textlint.languagetool`)."""
    env = os.environ.get("TEXTLINT_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("textlint", appauthor=False))


def cache_path() -> Path:
    """The cache of the packages as installed: its name holds a checksum of the size and
    modification time of their code and data files, so a new version of either (or a
    reinstall) makes a new cache. (Not their versions: ``importlib.metadata`` costs a
    one-line file more than all its checks.)"""
    stamps = [(f.name, st.st_size, st.st_mtime_ns) for f in _sources() for st in (f.stat(),)]
    return cache_dir() / f"lexicon-{CACHE_FORMAT}-{zlib.crc32(repr(stamps).encode()):08x}.bin"


def _sources() -> list[Path]:
    """The files the tables are built from: each package's code, wordsegment's lists and
    wordfreq's English lists."""
    from importlib.util import find_spec

    folders = []
    for name in ("wordfreq", "wordsegment"):
        spec = find_spec(name)
        if spec is None or spec.origin is None:
            raise ModuleNotFoundError(f"textlint needs the {name} package", name=name)
        folders.append(Path(spec.origin).parent)
    wordfreq, wordsegment = folders
    return [wordfreq / "__init__.py", *sorted((wordfreq / "data").glob("*_en.msgpack.gz")),
            wordsegment / "__init__.py", wordsegment / "unigrams.txt", wordsegment / "bigrams.txt"]


def _build() -> tuple[dict[str, int], dict[str, int], float]:
    """The tables from the packages' own data files."""
    import wordfreq
    import wordsegment

    zipf = {w: round(math.log10(f * 1e9) * 100)
            for w, f in wordfreq.get_frequency_dict("en", wordlist="best").items()
            if f > 0 and "\n" not in w}
    folder = Path(wordsegment.__file__).parent
    counts: dict[str, int] = {}
    total = 0
    with open(folder / "unigrams.txt", encoding="utf-8") as f:
        for line in f:
            word, _, n = line.rstrip("\n").partition("\t")
            if n:
                counts[word] = int(n)
                total += int(n)
    pmi: dict[str, int] = {}
    with open(folder / "bigrams.txt", encoding="utf-8") as f:
        for line in f:
            pair, _, n = line.rstrip("\n").partition("\t")
            first, _, second = pair.partition(" ")
            if not (n and first.isalpha() and second.isalpha()):
                continue
            c1, c2 = counts.get(first), counts.get(second)
            if c1 and c2:
                pmi[pair] = round(math.log10(int(n) * total / (c1 * c2)) * 100)
    return zipf, pmi, math.log10(_BIGRAM_MIN_COUNT / total)


def pair_sides(pmi: dict[str, int] | Table) -> dict[str, int]:
    """:meth:`Lexicon.pair_sides` of every word of the pairs *pmi* (keys "first second")."""
    if isinstance(pmi, Table):
        pmi = pmi.build()
    sides: dict[str, int] = {}
    for pair in pmi:
        first, _, second = pair.partition(" ")
        sides[first] = sides.get(first, 0) | BEGINS_PAIR
        sides[second] = sides.get(second, 0) | ENDS_PAIR
    return sides


#: The cache file starts with this header: a tag, the format, the bigram floor, then for each
#: table (words, pairs, the pairs' words) its number of keys, the length of its keys in
#: bytes, its number of groups of keys of one value and its number of ASCII keys. Then each
#: table: its key offsets (uint32, one more than keys), its values (int16), its keys' numbers
#: by bucket (uint32: bucket ``crc32(key) & (_buckets(keys) - 1)`` of the key's UTF-8 bytes),
#: where each bucket's keys start in that list (uint32, one more than buckets), the value of
#: each group (int32) and where its keys end (uint32), its keys (UTF-8, each followed by a
#: newline; the ASCII keys first, then the others, each by value, then by code point), each
#: part starting at a multiple of 8 bytes.
_HEADER = struct.Struct("<4sId" + "QQQQ" * 3)
_TAG = b"TLLX"


def _aligned(n: int) -> int:
    return (n + 7) & ~7


def pack(table: dict[str, int]) -> tuple[tuple[int, int, int, int], bytes]:
    """A table's number of keys, the length of its keys, its number of groups, its number of
    ASCII keys, and its part of the file."""
    keys = sorted(table, key=lambda k: (not k.isascii(), table[k], k))
    data = [(k + "\n").encode("utf-8", "surrogatepass") for k in keys]
    offsets = array.array("I", [0])
    for b in data:
        offsets.append(offsets[-1] + len(b))
    values = [table[k] for k in keys]
    group_ends = [j + 1 for j in range(len(keys)) if j + 1 == len(keys) or values[j + 1] != values[j]]
    mask = _buckets(len(keys)) - 1
    buckets = [zlib.crc32(b[:-1]) & mask for b in data]
    starts = array.array("I", bytes(4 * (mask + 2)))
    for bucket in buckets:
        starts[bucket + 1] += 1
    for b in range(1, mask + 2):
        starts[b] += starts[b - 1]
    parts = [offsets.tobytes(), array.array("h", values).tobytes(),
             array.array("I", sorted(range(len(keys)), key=buckets.__getitem__)).tobytes(),
             starts.tobytes(),
             array.array("i", [values[j - 1] for j in group_ends]).tobytes(),
             array.array("I", group_ends).tobytes()]
    out = b"".join(p + bytes(_aligned(len(p)) - len(p)) for p in parts) + b"".join(data)
    counts = (len(keys), offsets[-1], len(group_ends), sum(map(str.isascii, keys)))
    return counts, out + bytes(_aligned(len(out)) - len(out))


def _write(path: Path, zipf: dict[str, int], pmi: dict[str, int], floor: float) -> None:
    packed = [pack(table) for table in (zipf, pmi, pair_sides(pmi))]
    with open(path, "wb") as f:
        f.write(_HEADER.pack(_TAG, CACHE_FORMAT, floor, *(x for counts, _ in packed for x in counts)))
        f.write(bytes(_aligned(_HEADER.size) - _HEADER.size))
        for _, part in packed:
            f.write(part)


def _read(path: Path) -> Lexicon:
    """The lexicon of a cache file, mapped into memory (ValueError when it is not one)."""
    with open(path, "rb") as f:
        data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    if len(data) < _HEADER.size:
        raise ValueError("not a lexicon cache")
    tag, version, floor, *counts = _HEADER.unpack_from(data)
    sizes = list(zip(*[iter(counts)] * 4))  # (keys, bytes of keys, groups, ASCII keys)
    if tag != _TAG or version != CACHE_FORMAT or len(data) != _aligned(_HEADER.size) + sum(
            packed_size(n, keys, g) for n, keys, g, _ in sizes):
        raise ValueError("not a lexicon cache of this format, or a damaged one")
    view = memoryview(data)
    pos = _aligned(_HEADER.size)
    tables = []
    for counts in sizes:
        table, pos = packed_table(data, view, pos, counts)
        tables.append(table)
    zipf, pmi, sides = tables
    return Lexicon(zipf, pmi, floor, sides)


def packed_size(n: int, keys: int, groups: int) -> int:
    """The bytes of a table that :func:`pack` packed (*n* keys of *keys* bytes in *groups*)."""
    return (_aligned(4 * (n + 1)) + _aligned(2 * n) + _aligned(4 * n) + _aligned(4 * (_buckets(n) + 1))
            + 2 * _aligned(4 * groups) + _aligned(keys))


def packed_table(data: bytes | mmap.mmap, view: memoryview, pos: int, counts: tuple[int, int, int, int]
                 ) -> tuple[Table, int]:
    """The table that :func:`pack` packed at *pos* of *data* (*view*: a view of it), of *counts*
    (as :func:`pack` gives them), and where it ends (ValueError when it is damaged)."""
    n, keys, g, ascii_keys = counts
    parts = []
    for length, kind in ((4 * (n + 1), "I"), (2 * n, "h"), (4 * n, "I"), (4 * (_buckets(n) + 1), "I"),
                         (4 * g, "i"), (4 * g, "I")):
        parts.append(view[pos:pos + length].cast(kind))
        pos += _aligned(length)
    offsets, values, slots, starts, group_values, group_ends = parts
    if offsets[n] != keys or starts[-1] != n or (g and group_ends[g - 1] != n) or ascii_keys > n:
        raise ValueError("a damaged lexicon cache")
    table = Table(data, pos, offsets, values, (slots, starts), (group_values, group_ends), ascii_keys)
    return table, pos + _aligned(keys)


def packed_values(view: memoryview, pos: int, n: int) -> memoryview:
    """The bytes of the values of the *n* keys of the table that :func:`pack` packed at *pos* of
    *view* (they follow the keys' offsets)."""
    start = pos + _aligned(4 * (n + 1))
    return view[start:start + 2 * n]


def _load() -> Lexicon:
    path = cache_path()
    try:
        return _read(path)
    except (OSError, ValueError):
        pass
    zipf, pmi, floor = _build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        _write(tmp, zipf, pmi, floor)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home: keep the tables in memory only
    return Lexicon(zipf, pmi, floor)


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    """The shared lexicon (loaded on first use)."""
    return _load()


#: Bytes of text per word, about (6.0 in 0.96 MB of clean prose).
BYTES_PER_WORD = 6


def prepare_for(text_bytes: int) -> None:
    """Get the lexicon ready for a process that will check about *text_bytes* of text, if a
    check has loaded it: a parallel run calls this before its workers fork, once it has
    checked a file, so that the dicts each worker would build for itself (see
    :meth:`Lexicon.expect`) are built once and shared (copy-on-write). A table that no check
    asked about in that file is left in place: the selected rules do not use it."""
    if get_lexicon.cache_info().currsize:
        get_lexicon().expect(text_bytes // BYTES_PER_WORD, asked_only=True)
