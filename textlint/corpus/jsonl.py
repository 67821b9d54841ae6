"""JSON Lines shards: one JSON object per line, the text in ``--text-field``.

A partition is a run of ``partition_size`` lines, found by one pass over the file that
counts newlines (so error rows carry true line numbers). Blank lines are not documents.
A record whose text is unchanged is written back byte for byte; a changed one is written
as ``json.dumps`` of the same object with the new text (every other field has the same
value, in the same order). A line that is not UTF-8, not JSON, not an object, has no
text field or a text that is not a string becomes an error row with its line number and
the line itself.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import BinaryIO, Iterator

from .options import CleanOptions
from .partitions import Partition, Shard
from .records import Item, kind_of, unpaired_surrogate
from .store import Layout, Staging, dumps_line

_BLOCK = 1 << 23


def plan(shard: Shard, size: int) -> list[Partition]:
    starts, lines = _line_starts(Path(shard.path), size)
    suffix = Path(shard.rel).suffix
    total = len(starts)
    return [Partition("jsonl", shard.path, shard.rel, i, total, suffix, start=start,
                      first=i * size + 1, count=min(size, lines - i * size) if lines else 0)
            for i, start in enumerate(starts)]


def _line_starts(path: Path, size: int) -> tuple[list[int], int]:
    """Byte offsets of lines 1, size + 1, 2 * size + 1 ...; and the number of lines."""
    starts, newlines, target, base, last = [0], 0, size, 0, b""
    with open(path, "rb") as f:
        while block := f.read(_BLOCK):
            pos = 0
            while newlines + block.count(b"\n", pos) >= target:
                for _ in range(target - newlines):
                    pos = block.index(b"\n", pos) + 1
                newlines = target
                starts.append(base + pos)
                target += size
            newlines += block.count(b"\n", pos)
            base += len(block)
            last = block[-1:]
    lines = newlines + (1 if base and last != b"\n" else 0)
    if len(starts) > 1 and starts[-1] == base:  # the file ends with the last partition's newline
        starts.pop()
    return starts, lines


class Source:
    def __init__(self, partition: Partition, options: CleanOptions) -> None:
        self.partition, self.options = partition, options

    def items(self) -> Iterator[Item]:
        p = self.partition
        with open(p.path, "rb") as f:
            f.seek(p.start)
            for number in range(p.first, p.first + p.count):
                line = f.readline()
                body = line[:-1] if line.endswith(b"\n") else line
                if body.endswith(b"\r"):
                    body = body[:-1]
                if body.strip():
                    yield self._item(number, body)

    def _item(self, number: int, body: bytes) -> Item:
        where, shard = {"line": number}, self.partition.shard
        field, id_field = self.options.text_field, self.options.id_field
        try:
            line = body.decode("utf-8")
        except UnicodeDecodeError as e:
            raw = body.decode("utf-8", "surrogateescape")
            return Item(shard, where, None, None, f"not valid UTF-8 at byte {e.start + 1} of the line", raw)
        if number == 1 and line.startswith("\ufeff"):
            line = line[1:]
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            return Item(shard, where, None, None, f"not JSON: {e.msg} at column {e.colno}", line)
        except RecursionError:
            return Item(shard, where, None, None, "not JSON: nested too deeply", line)
        if not isinstance(obj, dict):
            return Item(shard, where, None, None, f"not a JSON object but {kind_of(obj)}", line)
        doc_id = obj.get(id_field)
        if field not in obj:
            return Item(shard, where, doc_id, None, f"no '{field}' field", line)
        text = obj[field]
        if not isinstance(text, str):
            return Item(shard, where, doc_id, None, f"'{field}' is {kind_of(text)}, not a string", line)
        bad = unpaired_surrogate(text)
        if bad is not None:
            return Item(shard, where, doc_id, None,
                        f"'{field}' has an unpaired surrogate at offset {bad}", line)
        return Item(shard, where, doc_id, text, payload=(obj, body))

    def writer(self, staging: Staging, layout: Layout) -> Writer:
        return Writer(staging.open(layout.data(self.partition)), self.options.text_field)


class Writer:
    def __init__(self, out: BinaryIO, field: str) -> None:
        self.out, self.field = out, field

    def add(self, item: Item, text: str) -> None:
        obj, body = item.payload
        if text == item.text:
            self.out.write(body + b"\n")
        else:
            obj[self.field] = text
            self.out.write(dumps_line(obj))

    def close(self) -> None:
        pass
