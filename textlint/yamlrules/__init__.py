"""Rules declared in YAML files, grouped in packs: ``<pack>/<RuleName>.yml`` is ``<pack>.<RuleName>``."""

from __future__ import annotations

import importlib
import os
import stat
from collections.abc import Iterator, Mapping
from pathlib import Path

from ..errors import ConfigError
from ..files import InputError, kind_of, os_problem, read_regular
from .base import YamlRule, warn_once
from .parsing import YamlSyntaxError, parse_yaml


class _RuleTypes(Mapping):
    """The rule types by their ``extends`` name; a type's module (of the same name) is
    imported when a rule of the type is first loaded: textlint's own packs use two types."""

    _CLASSES = {"existence": "Existence", "substitution": "Substitution", "repetition": "Repetition",
                "occurrence": "Occurrence", "consistency": "Consistency",
                "capitalization": "Capitalization", "conditional": "Conditional", "metric": "Metric",
                "spelling": "Spelling"}

    def __getitem__(self, name: str) -> type[YamlRule]:
        if name not in self._CLASSES:
            raise KeyError(name)
        return getattr(importlib.import_module(f".{name}", __name__), self._CLASSES[name])

    def __contains__(self, name: object) -> bool:
        return name in self._CLASSES

    def __iter__(self) -> Iterator[str]:
        return iter(self._CLASSES)

    def __len__(self) -> int:
        return len(self._CLASSES)


TYPES: Mapping[str, type[YamlRule]] = _RuleTypes()
#: Vale's rule types ("extends") that textlint does not run yet; a rule of one is skipped
#: with a warning (``script`` runs a program, which configuration never makes textlint do).
VALE_TYPES = ("capitalization", "conditional", "consistency", "existence", "occurrence",
              "repetition", "substitution", "readability", "spelling", "sequence", "metric", "script")
SUFFIXES = (".yml", ".yaml")


def load_rule_file(path: Path, pack: str | None = None, *, strict: bool = False) -> YamlRule | None:
    """Load one rule; its pack is its directory's name unless given.

    A rule of a Vale type textlint does not run (``script``, and types not implemented
    yet), or one that extends another rule, is skipped with a warning naming the file:
    None. *strict* (textlint's own packs) makes these, and keys of Vale's format that
    textlint ignores, errors.
    """
    pack = pack or path.resolve().parent.name
    rule_id = f"{pack}.{path.stem}"
    try:
        data = parse_yaml(read_regular(path).decode("utf-8"))
    except InputError as e:
        raise ConfigError(e.problem, path=str(path)) from None
    except UnicodeDecodeError as e:
        raise ConfigError(f"not valid UTF-8 at byte {e.start}", path=str(path)) from None
    except YamlSyntaxError as e:
        raise ConfigError(str(e), path=str(path), rule=rule_id) from None
    if not isinstance(data, dict):
        raise ConfigError("a rule file must hold a mapping of keys", path=str(path), rule=rule_id)
    kind = data.get("extends")
    if kind not in TYPES:
        skipped = _skipped(kind)
        if skipped is None or strict:
            raise ConfigError(f"expected one of {', '.join(TYPES)}, got {kind!r}",
                              path=str(path), rule=rule_id, key="extends")
        warn_once(str(path), f"{path}: rule {rule_id}: {skipped}; the rule is skipped")
        return None
    return TYPES[kind].from_yaml(rule_id, data, str(path), strict=strict)


def _skipped(kind: object) -> str | None:
    """Why a rule of Vale type *kind* is skipped, or None when *kind* is no type of Vale's."""
    if kind == "script":
        return "'script' rules run a Tengo program, which textlint never does"
    if kind == "sequence":
        return ("'sequence' rules match part-of-speech tags in context (Vale's Penn Treebank tagger), "
                "and textlint has no tagger that gives them")
    if kind in VALE_TYPES:
        return f"the rule type '{kind}' is not supported by textlint yet"
    if isinstance(kind, str) and "." in kind.strip(".") and " " not in kind:
        return f"a rule that extends another rule ('{kind}') is not supported by textlint yet"
    return None


def load_rules(path: Path, *, strict: bool = False) -> list[YamlRule]:
    """Rules from a rule file, a pack directory, or a directory of pack directories.

    Only these two levels are read (so a path such as ``/`` is not walked); a path with no
    rules, or that is neither a file nor a directory, is an error. Rules that are skipped
    (:func:`load_rule_file`) are left out; *strict* is for textlint's own packs.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError as e:
        problem = os_problem(e, path)
        if problem == "no such file or directory":
            problem = "no such rule file or directory"
        raise ConfigError(problem, path=str(path)) from None
    if stat.S_ISREG(mode):
        return _loaded([path], None, strict)
    if not stat.S_ISDIR(mode):
        raise ConfigError(f"is {kind_of(mode)}, not a rule file or a directory of rules", path=str(path))
    files = _rule_files(path)
    if files:
        return _loaded(files, path.resolve().name, strict)
    rules: list[YamlRule] = []
    found = False
    for sub in _entries(path):
        if not sub.name.startswith(".") and _is(sub, os.DirEntry.is_dir):
            files = _rule_files(Path(sub.path))
            found = found or bool(files)
            rules += _loaded(files, sub.name, strict)
    if not found:
        raise ConfigError("no rules found: expected YAML rule files (<Rule>.yml) in this directory "
                          "or in its pack directories (<pack>/<Rule>.yml)", path=str(path))
    return rules


def _loaded(files: list[Path], pack: str | None, strict: bool) -> list[YamlRule]:
    rules = (load_rule_file(p, pack, strict=strict) for p in files)
    return [r for r in rules if r is not None]


def _rule_files(directory: Path) -> list[Path]:
    """The regular ``*.yml`` / ``*.yaml`` files in *directory*, sorted."""
    return sorted(Path(e.path) for e in _entries(directory)
                  if os.path.splitext(e.name)[1] in SUFFIXES and _is(e, os.DirEntry.is_file))


def _entries(directory: Path) -> list[os.DirEntry]:
    try:
        with os.scandir(directory) as entries:
            return sorted(entries, key=lambda e: e.name)
    except OSError as e:
        raise ConfigError(f"cannot read the rule directory: {e.strerror}", path=str(directory)) from None


def _is(entry: os.DirEntry, test) -> bool:
    """``entry.is_file()`` or ``entry.is_dir()``; False when a broken link cannot tell."""
    try:
        return test(entry)
    except OSError:
        return False
