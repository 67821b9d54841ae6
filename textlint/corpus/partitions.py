"""Shards and partitions: what the inputs hold and how the work is cut.

A *shard* is one input file (JSONL or Parquet) or the ``.txt``/``.md`` files of one input
folder. Each shard is cut into *partitions* of about ``partition_size`` documents — runs
of lines (JSONL), of whole row groups (Parquet) or of files (text) — from the input
alone, so the cut, and with it every output file, is the same whatever the engine and
the number of workers. A partition's output is named after its shard and its place in
it: ``sub/news-00001-of-00004.jsonl``.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from ..dataclass import dataclass
from ..files import DEFAULT_INCLUDE, matches

JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIXES = (".parquet",)
TEXT_SUFFIXES = tuple(p.lstrip("*") for p in DEFAULT_INCLUDE)
COMPRESSED_SUFFIXES = (".gz", ".bz2", ".xz", ".zst", ".zstd")
#: Documents per partition unless ``--partition-size`` says otherwise.
DEFAULT_PARTITION_SIZE = 5000


class CorpusError(Exception):
    """A problem with the inputs, the output folder or the cluster, named for the user."""


@dataclass(frozen=True)
class Shard:
    format: str  # "jsonl", "parquet" or "text"
    path: str  # the file, or the input folder of a folder's text files
    #: How reports and output names call it: the path relative to its INPUT folder, or
    #: the file name (text shards: the folder's name).
    rel: str
    #: Text shards: (file, path of its output relative to the output folder).
    files: tuple[tuple[str, str], ...] = ()

    def signature(self) -> str:
        """Size and modification time of every file: ``--resume`` refuses changed inputs."""
        paths = [f for f, _ in self.files] if self.format == "text" else [self.path]
        stats = []
        for p in paths:
            st = os.stat(p)
            stats.append([p, st.st_size, st.st_mtime_ns])
        return hashlib.sha256(json.dumps(stats).encode("utf-8", "surrogateescape")).hexdigest()


@dataclass(frozen=True)
class Partition:
    """One unit of work: a run of documents of one shard, cleaned and written by one worker."""

    format: str
    path: str  # the shard's file (or input folder)
    shard: str  # Shard.rel
    index: int
    total: int  # partitions of the shard
    suffix: str = ""  # of the output data file (jsonl, parquet)
    start: int = 0  # jsonl: byte offset of the first line; parquet: first row group
    stop: int = 0  # parquet: the row group after the last
    first: int = 0  # jsonl: number of the first line (1-based); parquet: index of the first row
    count: int = 0  # lines, rows or files
    files: tuple[tuple[str, str], ...] = ()  # text: (file, output-relative path)

    @property
    def name(self) -> str:
        """The output name without suffix: ``sub/news-00001-of-00004``."""
        stem = self.shard[: -len(self.suffix)] if self.suffix and self.shard.endswith(self.suffix) \
            else self.shard
        return f"{stem}-{self.index:05d}-of-{self.total:05d}"


def format_of(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in PARQUET_SUFFIXES:
        return "parquet"
    if suffix in TEXT_SUFFIXES:
        return "text"
    return None


def find_shards(inputs: list[str], output: Path, include: list[str] | None = None,
                exclude: list[str] = ()) -> list[Shard]:
    """The shards of *inputs* (files, or folders walked for every known format), in order.

    *include*/*exclude* are the configuration's globs for text files; the output folder
    is never read as input.
    """
    shards: list[Shard] = []
    output = output.resolve()
    for given in inputs:
        root = Path(given)
        if not root.exists():
            raise CorpusError(f"{given}: no such file or directory")
        if root.is_dir():
            shards += _folder_shards(root, output, include or list(DEFAULT_INCLUDE), list(exclude))
        else:
            shards.append(_file_shard(root))
    if not shards:
        raise CorpusError(f"no .jsonl, .parquet, .txt or .md files in {', '.join(inputs)}")
    return shards


def _file_shard(path: Path) -> Shard:
    fmt = format_of(path)
    if fmt is None:
        if path.suffix.lower() in COMPRESSED_SUFFIXES:
            raise CorpusError(f"{path}: compressed files are not read; decompress it first")
        raise CorpusError(f"{path}: unknown format (expected .jsonl, .ndjson, .parquet, .txt or .md)")
    if fmt == "text":
        return Shard("text", str(path.resolve()), path.stem, ((str(path.resolve()), path.name),))
    return Shard(fmt, str(path.resolve()), path.name)


def _folder_shards(root: Path, output: Path, include: list[str], exclude: list[str]) -> list[Shard]:
    shards: list[Shard] = []
    texts: list[tuple[str, str]] = []
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "_"))
                             and (here / d).resolve() != output
                             and not matches(here / d, exclude))
        for name in sorted(filenames):
            path = here / name
            rel = path.relative_to(root).as_posix()
            fmt = format_of(path)
            if name.startswith((".", "_")) or matches(path, exclude):
                continue
            if fmt in ("jsonl", "parquet"):
                shards.append(Shard(fmt, str(path.resolve()), rel))
            elif fmt == "text" and matches(path, include):
                texts.append((str(path.resolve()), rel))
    if texts:
        shards.append(Shard("text", str(root.resolve()), root.resolve().name, tuple(texts)))
    return shards


def plan(shards: list[Shard], partition_size: int, text_field: str) -> list[Partition]:
    """Every partition of *shards*, in input order; output names must not collide."""
    from . import jsonl, textfiles

    partitions: list[Partition] = []
    for shard in shards:
        if shard.format == "parquet":
            from . import parquet  # pyarrow only when there is Parquet

            partitions += parquet.plan(shard, partition_size, text_field)
        elif shard.format == "jsonl":
            partitions += jsonl.plan(shard, partition_size)
        else:
            partitions += textfiles.plan(shard, partition_size)
    _refuse_collisions(partitions)
    return partitions


def _refuse_collisions(partitions: list[Partition]) -> None:
    seen: dict[str, str] = {}
    for p in partitions:
        outputs = [rel for _, rel in p.files] if p.format == "text" else [p.name + p.suffix]
        for out in [*outputs, f"_findings/{p.name}"]:
            key = out.lower()
            if key in seen and seen[key] != p.path:
                raise CorpusError(f"{seen[key]} and {p.path} would both be written to '{out}' "
                                  "in the output folder; clean them in separate runs")
            seen[key] = p.path
