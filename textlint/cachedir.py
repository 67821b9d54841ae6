"""textlint's cache directory as a whole (``textlint cache dir|prune|clean``).

Each kind of file textlint keeps there (the lexicon, compiled patterns, parsed YAML rules,
compiled rule data, the code of dataclass methods, the casing and word-class tables) is named
``KIND-...``, the rest of the name saying what it was built for (its layout, the versions
of Python and of the packages it came from). A file of a kind this textlint keeps, under a
name it would not read (an older layout, a package since upgraded), is left over: ``prune``
removes those, ``clean`` every file of those kinds. Neither touches the LanguageTool
installation (``textlint languagetool`` manages it) nor any file of another kind.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .lexicon import cache_dir

#: A temporary file (``NAME.PID.tmp``) this old is left over from a process that was killed.
STALE_TEMPORARY_SECONDS = 3600


@dataclass(frozen=True)
class Removal:
    """What removing files did: how many and their bytes, and the files that stayed."""

    removed: int
    freed: int
    failures: tuple[tuple[Path, str], ...]


def files_in_use() -> set[Path]:
    """The cache files this textlint (this Python, these package versions) reads."""
    from . import casing, lexicon, patterns, wordclasses
    from . import dataclass as kept_code
    from .cachefile import table_path
    from .yamlrules import kept, parsing

    tables = {table_path(casing.TABLE, casing.DATA), table_path(wordclasses.TABLE, wordclasses.DATA)}
    return {lexicon.cache_path(), patterns.cache_path(), parsing.cache_path(), kept.cache_path(),
            kept_code.cache_path()} | (tables - {None})


def _kind(path: Path) -> str:
    return path.name.partition("-")[0]


def _ours(folder: Path, in_use: set[Path]) -> Iterator[Path]:
    """The files of *folder* of a kind textlint keeps (and their temporary files)."""
    kinds = {_kind(p) for p in in_use}
    try:
        entries = list(folder.iterdir())
    except OSError:  # no cache directory yet
        return
    for path in entries:
        if _kind(path) in kinds and not path.is_dir():
            yield path


def _left_over(path: Path, in_use: set[Path], now: float) -> bool:
    if path.suffix == ".tmp":
        try:
            return now - path.lstat().st_mtime > STALE_TEMPORARY_SECONDS
        except OSError:
            return False
    return path not in in_use


def _remove(paths: list[Path]) -> Removal:
    removed = freed = 0
    failures = []
    for path in paths:
        try:
            size = path.lstat().st_size
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as e:  # (Windows: a file another textlint has mapped)
            failures.append((path, e.strerror or str(e)))
            continue
        removed += 1
        freed += size
    return Removal(removed, freed, tuple(failures))


def prune() -> Removal:
    """Remove the files this textlint would not read."""
    in_use = files_in_use()
    now = time.time()
    return _remove([p for p in _ours(cache_dir(), in_use) if _left_over(p, in_use, now)])


def clean() -> Removal:
    """Remove every file of the kinds textlint keeps (each is rebuilt when next needed)."""
    in_use = files_in_use()
    return _remove(list(_ours(cache_dir(), in_use)))
