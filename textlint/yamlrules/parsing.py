"""The data of a YAML rule file, parsed once per content and kept in a cache.

Importing PyYAML costs more than the rest of a check of a short file, and textlint parses the
same files (its own packs, a project's rules) on every run. :func:`parse_yaml` keeps what it
parsed in one cache file in the user's cache directory (``yaml-<format>.marshal``), keyed by the
text itself, so a later run reads the data back without PyYAML (and a changed file is parsed
again: its text is a new key). Data that ``marshal`` cannot hold (a YAML timestamp) is
simply not kept. When the cache cannot be read or written the text is parsed every time
(same result).
"""

from __future__ import annotations

import marshal
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import cachefile

#: Bump when what is kept changes.
CACHE_FORMAT = 1
#: Texts kept at most; a full cache starts again.
MAX_ENTRIES = 2048


class YamlSyntaxError(ValueError):
    """Invalid YAML; the message says where (see :func:`yaml_problem`)."""


def parse_yaml(text: str) -> Any:
    """What ``yaml.safe_load(text)`` gives (with the C loader when PyYAML has it); each call
    returns new objects, so the caller may change them. Raises :class:`YamlSyntaxError`."""
    cache = _cache()
    kept = cache.get(text)
    if isinstance(kept, bytes):
        try:
            return marshal.loads(kept)
        except (EOFError, ValueError, TypeError):
            pass  # a damaged cache: parse again
    data = _parse(text)
    try:
        value = marshal.dumps(data)
    except ValueError:
        return data  # a type marshal does not hold
    if len(cache) >= MAX_ENTRIES:
        cache.clear()
    cache[text] = value
    _save(cache)
    return data


def _parse(text: str) -> Any:
    import yaml

    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as e:
        raise YamlSyntaxError(yaml_problem(e)) from None


def yaml_problem(e: Exception) -> str:
    """A YAML syntax error, placed where the mistake is: an unclosed quotation or bracket
    is only found at the end of the file, so the place where it started (PyYAML's
    ``context_mark``) comes first, then the place the parser stopped."""
    problem = getattr(e, "problem", None) or str(e)
    context, start, stop = getattr(e, "context", None), getattr(e, "context_mark", None), \
        getattr(e, "problem_mark", None)
    if start is not None and (stop is None or (start.line, start.column) != (stop.line, stop.column)):
        found = f"; {problem} at line {stop.line + 1}, column {stop.column + 1}" if stop else f"; {problem}"
        return f"invalid YAML at line {start.line + 1}, column {start.column + 1}: {context}{found}"
    where = f" at line {stop.line + 1}, column {stop.column + 1}" if stop else ""
    return f"invalid YAML{where}: {problem}"


def cache_path() -> Path:
    from ..lexicon import cache_dir

    return cache_dir() / f"yaml-{CACHE_FORMAT}.marshal"


@lru_cache(maxsize=1)
def _cache() -> dict[str, bytes]:
    """The kept texts and their data (marshalled), read once per process."""
    return cachefile.read(cache_path())


def _save(cache: dict[str, bytes]) -> None:
    cachefile.write(cache_path(), cache)  # (a read-only home: parse again next time)
