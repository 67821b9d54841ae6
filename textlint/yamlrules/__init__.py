"""Rules declared in YAML files, grouped in packs: ``<pack>/<RuleName>.yml`` is ``<pack>.<RuleName>``."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..errors import ConfigError
from .base import YamlRule
from .capitalization import Capitalization
from .conditional import Conditional
from .consistency import Consistency
from .existence import Existence
from .occurrence import Occurrence
from .repetition import Repetition
from .substitution import Substitution

TYPES: dict[str, type[YamlRule]] = {
    t.TYPE: t for t in (Existence, Substitution, Repetition, Occurrence,
                        Consistency, Capitalization, Conditional)
}
SUFFIXES = (".yml", ".yaml")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_rule_file(path: Path, pack: str | None = None) -> YamlRule:
    """Load one rule; its pack is its directory's name unless given."""
    pack = pack or path.resolve().parent.name
    rule_id = f"{pack}.{path.stem}"
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except OSError as e:
        raise ConfigError(f"cannot read the rule file: {e.strerror}", path=str(path)) from None
    except UnicodeDecodeError as e:
        raise ConfigError(f"not valid UTF-8 at byte {e.start}", path=str(path)) from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(e, "problem", None) or str(e)
        raise ConfigError(f"invalid YAML{where}: {problem}", path=str(path), rule=rule_id) from None
    if not isinstance(data, dict):
        raise ConfigError("a rule file must hold a mapping of keys", path=str(path), rule=rule_id)
    kind = data.get("extends")
    if kind not in TYPES:
        raise ConfigError(f"expected one of {', '.join(TYPES)}, got {kind!r}",
                          path=str(path), rule=rule_id, key="extends")
    return TYPES[kind].from_yaml(rule_id, data, str(path))


def load_rules(path: Path) -> list[YamlRule]:
    """Rules from a rule file, a pack directory, or a directory of pack directories."""
    if path.is_file():
        return [load_rule_file(path)]
    if not path.is_dir():
        raise ConfigError("no such rule file or directory", path=str(path))
    files = sorted(p for p in path.iterdir() if p.suffix in SUFFIXES and p.is_file())
    if files:
        return [load_rule_file(p, path.resolve().name) for p in files]
    rules: list[YamlRule] = []
    for sub in sorted(p for p in path.iterdir() if p.is_dir() and not p.name.startswith(".")):
        rules += [load_rule_file(p, sub.name) for p in sorted(sub.iterdir())
                  if p.suffix in SUFFIXES and p.is_file()]
    return rules
