"""A dict kept between runs in a file of textlint's cache directory.

The file is written with ``marshal`` and replaced at once (a temporary file renamed over
it). A missing, damaged or unwritable file only means no cache: the caller computes again.
:class:`KeptBlobs` is such a dict of values marshalled one by one, kept by what a run
computed (compiled patterns, the code of dataclass methods).
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
from collections.abc import Callable, Hashable
from pathlib import Path


def read(path: Path) -> dict:
    """The dict kept at *path*, or an empty one."""
    try:
        with open(path, "rb") as f:
            kept = marshal.loads(f.read())  # (marshal.load reads a file object piece by piece: 6x slower)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return kept if isinstance(kept, dict) else {}


def write(path: Path, kept: dict) -> None:
    """Keep *kept* at *path* (nothing when the directory is read-only)."""
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as f:
            marshal.dump(kept, f)
        os.replace(tmp, path)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


class KeptBlobs:
    """Values computed by earlier runs, each marshalled on its own (so a run decodes only
    those it asks for), in the cache file *path* names: read once per process on first use,
    and written again when the process that kept a new one ends (not a forked worker: those
    end without writing). At most *max_entries*: a full cache starts again."""

    def __init__(self, path: Callable[[], Path], max_entries: int) -> None:
        self._path = path
        self._max_entries = max_entries
        self._blobs: dict | None = None
        self._writer: int | None = None  # the process that writes the file when it ends

    def blobs(self) -> dict:
        """Every kept value, as the bytes that marshal it."""
        if self._blobs is None:
            self._blobs = read(self._path())
        return self._blobs

    def get(self, key: Hashable) -> bytes | None:
        blob = self.blobs().get(key)
        return blob if isinstance(blob, bytes) else None

    def keep(self, key: Hashable, blob: bytes) -> None:
        blobs = self.blobs()
        if self._writer is None:
            self._writer = os.getpid()
            atexit.register(self._write_at_exit)
        if len(blobs) >= self._max_entries:
            blobs.clear()
        blobs[key] = blob

    def _write_at_exit(self) -> None:
        if os.getpid() == self._writer:
            write(self._path(), self.blobs())
