"""LanguageTool's results per paragraph, on disk: an unchanged paragraph is never sent twice.

A key is the SHA-256 of the LanguageTool version (or the URL of a server textlint
does not manage), the request parameters (language, rules, categories) and the
paragraph text. Values are the matches in code points relative to the paragraph.
The store is one sqlite file shared by concurrent runs. A damaged file (not a
database, a malformed image) is replaced by a new one, with a warning; a store that
cannot be used at all (no permission, a full disk) is off for the run, with a
warning, and LanguageTool is simply asked again.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import sqlite3
import time
import weakref
from pathlib import Path
from typing import Callable, Iterable

from ..errors import warn

#: A stored match: start, end (code points in the paragraph), rule id, category id,
#: category name, issue type, message, replacements.
StoredMatch = list

#: Entries kept; beyond it the oldest tenth is dropped.
MAX_ENTRIES = 500_000
_SCHEMA = "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, matches TEXT NOT NULL, stored REAL NOT NULL)"
#: sqlite's primary result codes for a file that is not (or no longer) a database.
_SQLITE_CORRUPT, _SQLITE_NOTADB = 11, 26


def key(version: str, fingerprint: str, text: str) -> str:
    h = hashlib.sha256()
    for part in (version, fingerprint, text):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


class ResultCache:
    """A sqlite table of key → matches; a damaged file is replaced, other errors switch it off.

    Each problem is reported once, as a warning (*warn*: stderr by default).
    """

    def __init__(self, path: Path, warn: Callable[[str], None] = warn) -> None:
        self.path = path
        self._warn = warn
        self._db: sqlite3.Connection | None = None
        self._pid = 0
        self._inode: int | None = None
        self.error: str | None = None  # why the cache is off
        self.rebuilt: str | None = None  # why the file was replaced

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is not None and self._pid != os.getpid():
            self._db = None  # inherited through fork(): never use a connection of the parent
        if self._db is None and self.error is None:
            try:
                self._db = self._open()
            except sqlite3.Error as e:
                self._failed(e)
            except OSError as e:
                self._off(f"{e.strerror or e}")
        return self._db

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._inode = os.stat(self.path).st_ino
        except FileNotFoundError:
            self._inode = None
        db = sqlite3.connect(self.path, timeout=10, check_same_thread=False)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(_SCHEMA)
            db.execute("SELECT count(*) FROM results").fetchone()
        except BaseException:
            db.close()
            raise
        self._pid = os.getpid()
        _OPEN.add(self)
        return db

    def _failed(self, error: sqlite3.Error) -> None:
        """After *error*: a damaged file is replaced (once per run), anything else switches the cache off."""
        if not _damaged(error) or self.rebuilt is not None:
            self._off(str(error))
            return
        self.close()
        self.rebuilt = str(error)
        try:
            if self._inode is None or os.stat(self.path).st_ino == self._inode:  # not replaced meanwhile
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            self._db = self._open()
        except (sqlite3.Error, OSError) as e:
            self._off(f"it was damaged ({error}) and cannot be replaced: {e}")
            return
        self._warn(f"{self.path}: the LanguageTool result cache was damaged ({error}); "
                   "it has been replaced by an empty one")

    def _off(self, reason: str) -> None:
        self.close()
        if self.error is None:
            self.error = f"{self.path}: {reason}"
            self._warn(f"the LanguageTool result cache is off for this run: {self.error}")

    def get_many(self, keys: Iterable[str]) -> dict[str, list[StoredMatch]]:
        keys = list(dict.fromkeys(keys))
        for _attempt in range(2):  # again after replacing a damaged file
            db = self._connect()
            if db is None or not keys:
                return {}
            try:
                out: dict[str, list[StoredMatch]] = {}
                for i in range(0, len(keys), 500):
                    chunk = keys[i:i + 500]
                    rows = db.execute(f"SELECT key, matches FROM results WHERE key IN "
                                      f"({','.join('?' * len(chunk))})", chunk)
                    out.update((k, json.loads(v)) for k, v in rows)
                return out
            except sqlite3.Error as e:
                self._failed(e)
            except ValueError as e:  # a value that is not JSON: a damaged entry
                self._failed(sqlite3.DatabaseError(f"an entry is not JSON: {e}"))
        return {}

    def put_many(self, items: dict[str, list[StoredMatch]]) -> None:
        for _attempt in range(2):
            db = self._connect()
            if db is None or not items:
                return
            now = time.time()
            try:
                with db:
                    db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?)",
                                   [(k, json.dumps(v, ensure_ascii=False), now) for k, v in items.items()])
                    (count,) = db.execute("SELECT count(*) FROM results").fetchone()
                    if count > MAX_ENTRIES:
                        db.execute("DELETE FROM results WHERE key IN (SELECT key FROM results "
                                   "ORDER BY stored LIMIT ?)", (count - MAX_ENTRIES * 9 // 10,))
                return
            except sqlite3.Error as e:
                self._failed(e)

    def stats(self) -> tuple[int, int]:
        """(entries, bytes on disk)."""
        if not self.path.exists():
            return 0, 0
        db = self._connect()
        if db is None:
            return 0, 0
        try:
            (count,) = db.execute("SELECT count(*) FROM results").fetchone()
        except sqlite3.Error as e:
            self._failed(e)
            return 0, 0
        size = sum(p.stat().st_size for p in self.path.parent.glob(self.path.name + "*"))
        return count, size

    def clear(self) -> int:
        """Forget every result: the number removed (a damaged file is replaced by an empty one)."""
        for _attempt in range(2):
            db = self._connect()
            if db is None:
                return 0
            try:
                with db:
                    n = db.execute("DELETE FROM results").rowcount
                db.execute("VACUUM")
                return n
            except sqlite3.Error as e:
                self._failed(e)
        return 0

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def close_own(self) -> None:
        """Close the connection if this process opened it (not one inherited through fork())."""
        if self._pid == os.getpid():
            self.close()

    def __del__(self) -> None:
        # the connection is in a reference cycle (its statement cache): without this it would
        # be closed only by a collection, or by the interpreter's teardown
        self.close_own()


#: The caches with a connection open in this process: closed at exit (closing checkpoints the
#: write-ahead log into the database file and removes it), also when the process ends without
#: freeing its objects (:func:`textlint.stdio.end_at_once`).
_OPEN: weakref.WeakSet[ResultCache] = weakref.WeakSet()


@atexit.register
def _close_open() -> None:
    for cache in list(_OPEN):
        cache.close_own()


def _damaged(error: sqlite3.Error) -> bool:
    """Whether *error* says the file is not, or no longer, a sound database."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    return type(error) is sqlite3.DatabaseError
