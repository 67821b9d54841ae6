"""Rules declared in YAML files, grouped in packs: ``<pack>/<RuleName>.yml`` is ``<pack>.<RuleName>``."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import ConfigError
from ..files import InputError, kind_of, os_problem, read_regular
from .base import YamlRule
from .capitalization import Capitalization
from .conditional import Conditional
from .consistency import Consistency
from .existence import Existence
from .occurrence import Occurrence
from .parsing import YamlSyntaxError, parse_yaml
from .repetition import Repetition
from .substitution import Substitution

TYPES: dict[str, type[YamlRule]] = {
    t.TYPE: t for t in (Existence, Substitution, Repetition, Occurrence,
                        Consistency, Capitalization, Conditional)
}
SUFFIXES = (".yml", ".yaml")


def load_rule_file(path: Path, pack: str | None = None) -> YamlRule:
    """Load one rule; its pack is its directory's name unless given."""
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
        raise ConfigError(f"expected one of {', '.join(TYPES)}, got {kind!r}",
                          path=str(path), rule=rule_id, key="extends")
    return TYPES[kind].from_yaml(rule_id, data, str(path))


def load_rules(path: Path) -> list[YamlRule]:
    """Rules from a rule file, a pack directory, or a directory of pack directories.

    Only these two levels are read (so a path such as ``/`` is not walked); a path with no
    rules, or that is neither a file nor a directory, is an error.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError as e:
        problem = os_problem(e, path)
        if problem == "no such file or directory":
            problem = "no such rule file or directory"
        raise ConfigError(problem, path=str(path)) from None
    if stat.S_ISREG(mode):
        return [load_rule_file(path)]
    if not stat.S_ISDIR(mode):
        raise ConfigError(f"is {kind_of(mode)}, not a rule file or a directory of rules", path=str(path))
    files = _rule_files(path)
    if files:
        return [load_rule_file(p, path.resolve().name) for p in files]
    rules: list[YamlRule] = []
    for sub in _entries(path):
        if not sub.name.startswith(".") and _is(sub, os.DirEntry.is_dir):
            rules += [load_rule_file(p, sub.name) for p in _rule_files(Path(sub.path))]
    if not rules:
        raise ConfigError("no rules found: expected YAML rule files (<Rule>.yml) in this directory "
                          "or in its pack directories (<pack>/<Rule>.yml)", path=str(path))
    return rules


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
