"""The output folder: where each partition's files go, and how they get there whole.

Layout (``DIR`` is ``--output``)::

    DIR/<shard>-00000-of-00002.jsonl       cleaned documents (or .parquet; text files keep
    DIR/<path of a text file>              their own relative path)
    DIR/_findings/<partition>.jsonl        one row per finding
    DIR/_errors/<partition>.jsonl          one row per failed document (only when one failed)
    DIR/_textlint/run.json                 the plan and the options (checked by --resume)
    DIR/_textlint/done/<partition>.json    the partition's counts, written last: its presence
                                           means every other file of the partition is complete
    DIR/_textlint/summary.json             the counts and the per-rule table of a finished run

Every file is written under a temporary name (``.<name>.<random>.tmp`` beside it) and
renamed into place when complete, so a killed worker leaves no half-written file
under a real name, and running a partition twice writes the same bytes twice.
Readers of Parquet and JSONL datasets (pyarrow, Dask, Spark) skip names that start
with ``_`` or ``.``.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from pathlib import Path
from typing import BinaryIO

from .partitions import Partition

STATE = "_textlint"
_TEMP = re.compile(r"^\..+\.[0-9a-f]{32}\.tmp$")


class Layout:
    def __init__(self, root: Path) -> None:
        self.root = root

    def data(self, p: Partition) -> Path:
        return self.root / (p.name + p.suffix)

    def text_file(self, rel: str) -> Path:
        return self.root / rel

    def findings(self, p: Partition) -> Path:
        return self.root / "_findings" / (p.name + ".jsonl")

    def errors(self, p: Partition) -> Path:
        return self.root / "_errors" / (p.name + ".jsonl")

    def done(self, p: Partition) -> Path:
        return self.root / STATE / "done" / (p.name + ".json")

    @property
    def manifest(self) -> Path:
        return self.root / STATE / "run.json"

    @property
    def summary(self) -> Path:
        return self.root / STATE / "summary.json"


def temp_for(path: Path) -> Path:
    return path.parent / f".{path.name}.{uuid.uuid4().hex}.tmp"


def _publish(tmp: Path, path: Path) -> None:
    with open(tmp, "rb+") as f:
        os.fsync(f.fileno())
    os.replace(tmp, path)


def write_atomic(path: Path, data: bytes) -> None:
    """Write *data* to *path* under a temporary name, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_for(path)
    try:
        tmp.write_bytes(data)
        _publish(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def dumps_line(obj) -> bytes:
    """One JSON line; values that cannot be UTF-8 (unpaired surrogates) are escaped."""
    try:
        return (json.dumps(obj, ensure_ascii=False, default=str) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(obj, ensure_ascii=True, default=str) + "\n").encode("ascii")


class Staging:
    """Files of one partition written under temporary names and published together, in the
    order they were opened, when the block ends without an error; removed otherwise."""

    def __init__(self) -> None:
        self._files: list[tuple[Path, Path, BinaryIO | None]] = []  # final, temp, open file

    def __enter__(self) -> Staging:
        return self

    def open(self, path: Path) -> BinaryIO:
        """A file that will become *path*."""
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = temp_for(path)
        f = open(tmp, "wb")
        self._files.append((path, tmp, f))
        return f

    def reserve(self, path: Path) -> Path:
        """A temporary name that a writer (Parquet) fills itself; it becomes *path*."""
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = temp_for(path)
        self._files.append((path, tmp, None))
        return tmp

    def __exit__(self, kind, value, tb) -> None:
        for _, _, f in self._files:
            if f is not None:
                f.close()
        if kind is not None:
            for _, tmp, _ in self._files:
                tmp.unlink(missing_ok=True)
            return
        for path, tmp, _ in self._files:
            _publish(tmp, path)


class LazyFile:
    """A staged file opened only when something is written to it."""

    def __init__(self, staging: Staging, path: Path) -> None:
        self.staging, self.path = staging, path
        self._file: BinaryIO | None = None

    def write(self, data: bytes) -> None:
        if self._file is None:
            self._file = self.staging.open(self.path)
        self._file.write(data)


def sweep_temporaries(root: Path) -> int:
    """Remove the temporary files interrupted runs left behind; how many."""
    removed = 0
    for dirpath, _, filenames in os.walk(root):
        for name in filenames:
            if _TEMP.match(name):
                Path(dirpath, name).unlink(missing_ok=True)
                removed += 1
    return removed
