"""A dict kept between runs in a file of textlint's cache directory.

The file is written with ``marshal`` (strings, numbers, bytes and tuples: no code) and
replaced at once (a temporary file renamed over it). A missing, damaged or unwritable file
only means no cache: the caller computes again.
"""

from __future__ import annotations

import contextlib
import marshal
import os
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
