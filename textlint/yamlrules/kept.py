"""What setting up a YAML rule computes from its tokens, kept between runs.

A rule with a long word list builds the text of its pattern (a prefix tree of the words,
``base.alternation``) and its test of what a document must hold (``needs.needs_of``) from
the words on every run: for a style like proselint or write-good that is about half of
its set-up. Both are pure functions of the tokens, so :func:`kept` keeps what they return in
one cache file of the user's cache directory (``rules-<format>.marshal``, through
``cachefile.KeptBlobs``), keyed by the function's name and its arguments (the tokens as
one string, their ``repr``, which the file decodes faster than a tuple of many: a changed
rule file is a new key). Only data is kept (strings, bytes, numbers,
tuples, dicts), written with ``marshal`` by textlint itself; a rule file only supplies the
key. A damaged entry or an unwritable cache means computing again (the same value).
"""

from __future__ import annotations

import marshal
from pathlib import Path
from typing import Any, Callable, Hashable, TypeVar

from .. import cachefile

#: Bump when what is kept changes.
CACHE_FORMAT = 7
#: Values kept at most; a full cache starts again.
MAX_ENTRIES = 4096

T = TypeVar("T")


def kept(key: Hashable, compute: Callable[[], T], encode: Callable[[T], Any] = lambda v: v,
         decode: Callable[[Any], T] = lambda v: v) -> T:
    """``compute()``, or the value an earlier run computed for *key*. *encode* turns the
    value into data ``marshal`` holds, *decode* turns that data back (raising ``TypeError``
    or ``ValueError`` on data of another shape: then the value is computed again)."""
    blob = _KEPT.get(key)
    if blob is not None:
        try:
            return decode(marshal.loads(blob))
        except (EOFError, ValueError, TypeError):
            pass  # a damaged entry: compute again
    value = compute()
    try:
        _KEPT.keep(key, marshal.dumps(encode(value)))
    except ValueError:  # data marshal does not hold: not kept
        pass
    return value


def cache_path() -> Path:
    from ..lexicon import cache_dir

    return cache_dir() / f"rules-{CACHE_FORMAT}.marshal"


_KEPT = cachefile.KeptBlobs(cache_path, MAX_ENTRIES)
