"""LanguageTool's results per paragraph, on disk: an unchanged paragraph is never sent twice.

A key is the SHA-256 of the LanguageTool version (or the URL of a server textlint
does not manage), the request parameters (language, rules, categories) and the
paragraph text. Values are the matches in code points relative to the paragraph.
The store is one sqlite file shared by concurrent runs; when it cannot be used,
the cache is off for the run and LanguageTool is simply asked again.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from pathlib import Path
from typing import Iterable

#: A stored match: start, end (code points in the paragraph), rule id, category id,
#: category name, issue type, message, replacements.
StoredMatch = list

#: Entries kept; beyond it the oldest tenth is dropped.
MAX_ENTRIES = 500_000
_SCHEMA = "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, matches TEXT NOT NULL, stored REAL NOT NULL)"


def key(version: str, fingerprint: str, text: str) -> str:
    h = hashlib.sha256()
    for part in (version, fingerprint, text):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


class ResultCache:
    """A sqlite table of key → matches; errors switch it off instead of failing a run."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None
        self._pid = 0
        self.error: str | None = None

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is not None and self._pid != os.getpid():
            self._db = None  # inherited through fork(): never use a connection of the parent
        if self._db is None and self.error is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.path, timeout=10, check_same_thread=False)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute(_SCHEMA)
                self._db, self._pid = db, os.getpid()
            except (sqlite3.Error, OSError) as e:
                self.error = f"{self.path}: {e}"
        return self._db

    def get_many(self, keys: Iterable[str]) -> dict[str, list[StoredMatch]]:
        db = self._connect()
        keys = list(dict.fromkeys(keys))
        if db is None or not keys:
            return {}
        out: dict[str, list[StoredMatch]] = {}
        try:
            for i in range(0, len(keys), 500):
                chunk = keys[i:i + 500]
                rows = db.execute(f"SELECT key, matches FROM results WHERE key IN ({','.join('?' * len(chunk))})",
                                  chunk)
                out.update((k, json.loads(v)) for k, v in rows)
        except (sqlite3.Error, ValueError) as e:
            self.error = f"{self.path}: {e}"
            return {}
        return out

    def put_many(self, items: dict[str, list[StoredMatch]]) -> None:
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
        except sqlite3.Error as e:
            self.error = f"{self.path}: {e}"

    def stats(self) -> tuple[int, int]:
        """(entries, bytes on disk)."""
        if not self.path.exists():
            return 0, 0
        db = self._connect()
        if db is None:
            return 0, 0
        (count,) = db.execute("SELECT count(*) FROM results").fetchone()
        size = sum(p.stat().st_size for p in self.path.parent.glob(self.path.name + "*"))
        return count, size

    def clear(self) -> int:
        db = self._connect()
        if db is None:
            return 0
        with db:
            n = db.execute("DELETE FROM results").rowcount
        db.execute("VACUUM")
        return n

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
