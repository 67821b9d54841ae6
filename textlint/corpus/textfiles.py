"""Folders of ``.txt``/``.md`` files: each file is a document, its id its relative path.

A partition is a run of ``partition_size`` files in path order. Files are read as
``check`` reads them (UTF-8 or UTF-16 with a BOM, CRLF kept; Markdown parsed as Markdown)
and written under the same relative path in the output folder, in their own encoding.
A file that cannot be read or decoded becomes an error row.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..files import InputError, read_source
from .options import CleanOptions
from .partitions import Partition, Shard
from .records import Item
from .store import Layout, Staging, write_atomic


def plan(shard: Shard, size: int) -> list[Partition]:
    runs = [shard.files[i:i + size] for i in range(0, len(shard.files), size)]
    return [Partition("text", shard.path, shard.rel, i, len(runs), count=len(run), files=run)
            for i, run in enumerate(runs)]


class Source:
    def __init__(self, partition: Partition, options: CleanOptions) -> None:
        self.partition, self.options = partition, options

    def items(self) -> Iterator[Item]:
        for path, rel in self.partition.files:
            try:
                source = read_source(Path(path))
            except InputError as e:
                yield Item(rel, {}, rel, None, e.problem, path)
                continue
            yield Item(rel, {}, rel, source.text, path=path, payload=(source, rel))

    def writer(self, staging: Staging, layout: Layout) -> Writer:
        return Writer(layout)


class Writer:
    def __init__(self, layout: Layout) -> None:
        self.layout = layout

    def add(self, item: Item, text: str) -> None:
        source, rel = item.payload
        write_atomic(self.layout.text_file(rel), source.encode(text))

    def close(self) -> None:
        pass
