"""``extends: spelling`` — words no Hunspell dictionary of the rule knows, as Vale's.

Dictionaries (Vale 3.22, ``internal/check/spelling.go``): ``aff`` and ``dic`` name one
dictionary's files; else ``dictionaries`` names dictionaries (``<name>.dic`` and
``<name>.aff``) in ``dicpath`` (absolute, or relative to the StylesPath or the working
directory; default ``<StylesPath>/config/dictionaries``); with none named, or with
``append: true``, the default en_US dictionary is used too. Vale builds its own en_US
into its program; textlint uses the en_US (SCOWL) that the ``spylls`` package ships, so
the two may disagree on a rare word. The StylesPath is the folder above the rule's style.

A word is skipped when a ``filters`` pattern matches it, when it holds a character other
than a letter, ``_`` or ``'``, ends in a capital or is written in camel case (Vale's
built-in filters; ``custom: true`` turns them off), when an ``ignore`` word list (a file:
absolute, or under the StylesPath or its ``config/ignore``) or ``exceptions`` accepts it.

A dictionary that is not there, or the ``spylls`` package missing (``pip install
textlint[vale]``), is one warning and the rule is skipped. ``split`` and ``threshold``
are read and ignored (one warning each, by the loader); ``action: suggest`` offers no
spellings (Hunspell's suggestions take about a second per word in pure Python).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar, Iterator

import regex

from ..diagnostics import Diagnostic
from ..document import Document
from ..errors import warn
from ..patterns import lazy_compile
from .base import Matcher, Schema, YamlRule

DICTIONARY_DIR = Path("config") / "dictionaries"
IGNORE_DIR = Path("config") / "ignore"
_WORD = lazy_compile(r"[\w'’]+(?:[-.][\w'’]+)*")
_CACHE_LIMIT = 200_000
#: Dictionaries loaded in this process, by their file pair: a dictionary takes about a
#: second and some megabytes to read, and many rules share one.
_LOADED: dict[tuple[str, str], object] = {}


def default_dictionary() -> tuple[str, str] | None:
    """The en_US .aff and .dic the ``spylls`` package ships, or None without it."""
    try:
        import spylls.hunspell
    except ImportError:
        return None
    base = Path(spylls.hunspell.__file__).parent / "data" / "en" / "en_US"
    aff, dic = base.with_suffix(".aff"), base.with_suffix(".dic")
    return (str(aff), str(dic)) if aff.is_file() and dic.is_file() else None


def _load(pair: tuple[str, str]):
    if pair not in _LOADED:
        from spylls.hunspell import Dictionary
        from spylls.hunspell.readers import FileReader, read_aff, read_dic

        aff, context = read_aff(FileReader(pair[0]))
        dic = read_dic(FileReader(pair[1], encoding=context.encoding), aff=aff, context=context)
        _LOADED[pair] = Dictionary(aff, dic)
    return _LOADED[pair]


def _default_filtered(word: str) -> bool:
    """Vale's built-in filters: a character other than ASCII letters, ``_`` and ``'``; a
    final capital; camel case (a capital, lower case, then a capital run)."""
    if any(not (c.isascii() and (c.isalpha() or c in "_'")) for c in word):
        return True
    if word[-1].isupper():
        return True
    return bool(_CAMEL.search(word))


_CAMEL = lazy_compile(r"[A-Z][a-z]+(?:[A-Z]{2}|[A-Z]\w)")


class Spelling(YamlRule):
    TYPE: ClassVar[str] = "spelling"
    KEYS: ClassVar[dict] = {"aff": Schema.string, "dic": Schema.string, "dicpath": Schema.string,
                            "dictionaries": Schema.strings, "filters": Schema.strings,
                            "ignore": Schema.strings, "exceptions": Schema.strings,
                            "custom": Schema.boolean, "append": Schema.boolean}
    VALE_KEYS: ClassVar[frozenset[str]] = frozenset({"split", "threshold"})
    pattern_key: ClassVar[str] = "filters"

    def setup(self) -> None:
        self.filters = [self.compile(f, "filters", words=False) for f in self.spec.get("filters", [])]
        exceptions = self.spec.get("exceptions", [])
        self.exceptions = (regex.compile(r"(?i)\b(?:" + "|".join(exceptions) + r")\b")
                           if exceptions else None)
        self.unavailable = ""
        self.pairs = self._dictionaries()
        self.ignored = self._ignored_words()
        self.known: dict[str, bool] = {}
        if self.unavailable:
            warn(f"{self.source}: rule {self.id}: {self.unavailable}; the rule is skipped")

    @property
    def styles_path(self) -> Path:
        return Path(self.source).resolve().parent.parent

    def _resolve(self, name: str) -> Path | None:
        for candidate in (Path(name), self.styles_path / name, Path.cwd() / name):
            if candidate.exists():
                return candidate
        return None

    def _dictionaries(self) -> list[tuple[str, str]]:
        spec, default = self.spec, default_dictionary()
        if default is None:
            self.unavailable = "the 'spylls' package (Hunspell) is not installed: pip install textlint[vale]"
            return []
        if "aff" in spec and "dic" in spec:
            aff, dic = self._resolve(spec["aff"]), self._resolve(spec["dic"])
            if aff and dic:
                return [(str(aff), str(dic))]
        folder = self.styles_path / DICTIONARY_DIR
        if "dicpath" in spec:
            found = self._resolve(spec["dicpath"])
            if found is None or not found.is_dir():
                self.unavailable = f"dicpath {spec['dicpath']!r} is not a folder"
                return []
            folder = found
        pairs = []
        for name in spec.get("dictionaries", []):
            aff, dic = folder / f"{name}.aff", folder / f"{name}.dic"
            if not (aff.is_file() and dic.is_file()):
                self.unavailable = f"the dictionary '{name}' ({dic} and .aff) is not there"
                return []
            pairs.append((str(aff), str(dic)))
        if not pairs or spec.get("append"):
            pairs.append(default)
        return pairs

    def _ignored_words(self) -> frozenset[str]:
        words: set[str] = set()
        for name in self.spec.get("ignore", []):
            for candidate in (Path(name), self.styles_path / name, self.styles_path / IGNORE_DIR / name):
                if candidate.is_file():
                    try:
                        lines = candidate.read_text(encoding="utf-8").splitlines()
                    except (OSError, UnicodeDecodeError) as e:
                        warn(f"{self.source}: rule {self.id}: cannot read the word list {candidate}: {e}")
                        break
                    words.update(w.strip() for w in lines if w.strip() and not w.startswith("#"))
                    break
        return frozenset(words)

    def correct(self, word: str) -> bool:
        """Whether a dictionary or an ignore list knows *word*."""
        if word in self.known:
            return self.known[word]
        ok = word in self.ignored or (word[:1].isupper() and word.lower() in self.ignored) \
            or any(_load(pair).lookup(word) for pair in self.pairs)
        if len(self.known) < _CACHE_LIMIT:
            self.known[word] = ok
        return ok

    def findings(self, doc: Document, patterns: Matcher) -> Iterator[Diagnostic]:
        if self.unavailable:
            return
        prose = doc.prose_text
        custom = self.spec.get("custom", False)
        for m in _WORD.finditer(prose):
            word = m.group().strip("'’").replace("’", "'")
            if not word or (not custom and _default_filtered(word)):
                continue
            if any(f.search(word) for f in self.filters):
                continue
            if self.exceptions is not None and self.exceptions.search(word):
                continue
            if self.correct(word):
                continue
            start = m.start() + (len(m.group()) - len(m.group().lstrip("'’")))
            yield self.diagnostic(start, start + len(word), self.format(word))


def dictionary_names(folder: Path) -> list[str]:
    """The dictionaries of a folder: the names of its ``.dic`` files with an ``.aff``."""
    if not folder.is_dir():
        return []
    return sorted(f[:-4] for f in os.listdir(folder)
                  if f.endswith(".dic") and (folder / (f[:-4] + ".aff")).is_file())
