"""All known rules: built-in checks, the shipped YAML packs and extra rule paths; selection."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from .errors import ConfigError
from .rule import Rule
from .yamlrules import load_rules


def packs_dir() -> Path:
    """The shipped rule packs: ``rules/`` in a checkout, ``textlint/_packs`` in a wheel."""
    here = Path(__file__).resolve().parent
    bundled = here / "_packs"
    return bundled if bundled.is_dir() else here.parent / "rules"


@lru_cache(maxsize=None)
def shipped_rules() -> tuple[Rule, ...]:
    from .checks import builtin_checks  # imported when needed: a Vale project runs without them

    return tuple(builtin_checks()) + tuple(load_rules(packs_dir(), strict=True))


@lru_cache(maxsize=None)
def service_rules() -> tuple[Rule, ...]:
    """Rules backed by an external service (LanguageTool); the engine binds their settings."""
    from .languagetool.rule import LanguageToolRule

    return (LanguageToolRule(),)


def all_rules(extra_paths: Iterable[Path] = ()) -> list[Rule]:
    """Shipped rules plus the rules under *extra_paths*.

    An id is defined once: a rule whose id a built-in rule or another rule file already has
    is an error naming both (a file loaded twice, through two paths, is loaded once).
    """
    rules: dict[str, Rule] = {r.id: r for r in (*shipped_rules(), *service_rules())}
    loaded = {os.path.realpath(r.source) for r in rules.values() if r.source != "built-in"}
    for path in extra_paths:
        for rule in load_rules(Path(path)):
            if os.path.realpath(rule.source) in loaded:
                continue
            loaded.add(os.path.realpath(rule.source))
            if rule.id in rules:
                raise ConfigError(f"the id is taken by {_origin(rules[rule.id])}: rename the file "
                                  "or its pack directory (and turn the other rule off with "
                                  f"ignore = [\"{rule.id}\"] if yours replaces it)",
                                  path=rule.source, rule=rule.id)
            rules[rule.id] = rule
    return list(rules.values())


def _origin(rule: Rule) -> str:
    if any(rule is r for r in (*shipped_rules(), *service_rules())):
        return f"textlint's built-in rule {rule.id}"
    return f"the rule in {rule.source}"


def _specificity(selector: str, rule: Rule) -> int:
    """How specifically *selector* names *rule*: 3 id, 2 id prefix, 1 group, 0 ALL, -1 not."""
    if selector == rule.id:
        return 3
    if selector == "ALL":
        return 0
    if selector in rule.groups:
        return 1
    if rule.id.startswith(selector):
        return 2
    return -1


def _most_specific(selectors: list[str], as_set: set[str], rule: Rule) -> int:
    """The highest :func:`_specificity` of *selectors* (also given *as_set*) for *rule*; its
    id among them is the highest there is, found without comparing each."""
    if rule.id in as_set:
        return 3
    return max((_specificity(s, rule) for s in selectors), default=-1)


def check_selector(rules: Iterable[Rule], selector: str, *, path: str | None = None,
                   key: str | None = None, option: str | None = None) -> None:
    """Raise a :class:`ConfigError` unless *selector* names a rule, an id prefix, a pack or
    category, some findings of a rule, or ``ALL``; the error suggests the closest names
    (``did you mean `cleanup.DoubledWord`?``) and says where the selector came from: the
    configuration file and key, or the command-line *option*."""
    rules = list(rules)
    if selector == "ALL" or any(_specificity(selector, r) >= 0 or r.emits(selector) for r in rules):
        return
    message = f"unknown rule, pack or category '{selector}'{did_you_mean(selector, rules)}"
    raise ConfigError(f"{option}: {message}" if option else message, path=path, key=key)


def did_you_mean(name: str, rules: Iterable[Rule]) -> str:
    """`` (did you mean `x`?)`` for the rule ids, packs and categories closest to *name*
    (difflib; case does not count), or ""."""
    import difflib

    names = sorted({n for r in rules for n in (r.id, *r.groups)})
    by_lower = {n.lower(): n for n in names}
    close = [by_lower[n] for n in difflib.get_close_matches(name.lower(), list(by_lower), n=3, cutoff=0.7)]
    if not close:
        return ""
    return f" (did you mean {' or '.join(f'`{n}`' for n in close)}?)"


def select(rules: list[Rule], select: list[str] | None = None, ignore: Iterable[str] = (),
           extend_select: Iterable[str] = ()) -> list[Rule]:
    """The enabled rules, ruff-style: the most specific of ``select`` and ``ignore`` wins.

    Without ``select``, the rules enabled by default are selected.
    """
    ignore, extend_select = list(ignore), list(extend_select)
    ids = {r.id for r in rules}
    for selector in (select or []) + ignore + extend_select:
        if selector not in ids:
            check_selector(rules, selector)
    selected, ignored = set(select or []), set(ignore)
    out = []
    for rule in rules:
        if select is None:
            chosen = 0 if rule.default_enabled else -1
        else:
            chosen = _most_specific(select, selected, rule)
        chosen = max([chosen] + [_specificity(s, rule) for s in extend_select]
                     + [3 for s in (select or []) + extend_select if rule.emits(s)])
        dropped = _most_specific(ignore, ignored, rule)
        if chosen >= 0 and chosen > dropped:
            out.append(rule)
    return out
