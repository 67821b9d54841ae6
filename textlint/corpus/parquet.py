"""Parquet shards (pyarrow): the text in a string column, every other column kept as it is.

A partition is a run of whole row groups holding about ``partition_size`` rows (a row
group larger than that is one partition): Parquet is read by row group. The output has
the input's schema (metadata included) and its compression, the text column replaced;
a row whose text is null becomes an error row with its row index.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from .options import CleanOptions
from .partitions import CorpusError, Partition, Shard
from .records import Item
from .store import Layout, Staging


def _pyarrow():
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise CorpusError("reading Parquet needs pyarrow: pip install 'textlint[corpus]'") from None
    return pyarrow, pyarrow.parquet


def plan(shard: Shard, size: int, text_field: str) -> list[Partition]:
    pa, pq = _pyarrow()
    try:
        file = pq.ParquetFile(shard.path)
    except (pa.ArrowException, OSError) as e:
        raise CorpusError(f"{shard.path}: not a readable Parquet file: {e}") from None
    _check_text_column(file.schema_arrow, text_field, shard.path)
    meta = file.metadata
    runs: list[tuple[int, int, int]] = []  # first group, stop group, first row
    group, row = 0, 0
    while group < meta.num_row_groups:
        start, rows = group, 0
        while group < meta.num_row_groups and (rows == 0 or rows + meta.row_group(group).num_rows <= size):
            rows += meta.row_group(group).num_rows
            group += 1
        runs.append((start, group, row))
        row += rows
    runs = runs or [(0, 0, 0)]
    counts = [sum(meta.row_group(g).num_rows for g in range(a, b)) for a, b, _ in runs]
    return [Partition("parquet", shard.path, shard.rel, i, len(runs), Path(shard.rel).suffix,
                      start=a, stop=b, first=first, count=n)
            for i, ((a, b, first), n) in enumerate(zip(runs, counts))]


def _check_text_column(schema, field: str, path: str) -> None:
    pa, _ = _pyarrow()
    if field not in schema.names:
        raise CorpusError(f"{path}: no column '{field}' (columns: {', '.join(schema.names)}); "
                          "name the text column with --text-field")
    kind = schema.field(field).type
    if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)
            or pa.types.is_string_view(kind)):
        raise CorpusError(f"{path}: column '{field}' holds {kind}, not strings")


class Source:
    def __init__(self, partition: Partition, options: CleanOptions) -> None:
        self.partition, self.options = partition, options
        _, pq = _pyarrow()
        self.file = pq.ParquetFile(partition.path)
        groups = list(range(partition.start, partition.stop))
        self.table = self.file.read_row_groups(groups) if groups else self.file.schema_arrow.empty_table()

    def items(self) -> Iterator[Item]:
        p, field, id_field = self.partition, self.options.text_field, self.options.id_field
        texts = self.table.column(field).to_pylist()
        ids = self.table.column(id_field).to_pylist() if id_field in self.table.column_names \
            else [None] * len(texts)
        for i, (text, doc_id) in enumerate(zip(texts, ids)):
            where = {"row": p.first + i}
            if text is None:
                row = self.table.slice(i, 1).to_pylist()[0]
                yield Item(p.shard, where, doc_id, None, f"'{field}' is null, not a string",
                           json.loads(json.dumps(row, default=str)))
            else:
                yield Item(p.shard, where, doc_id, text, payload=i)

    def writer(self, staging: Staging, layout: Layout) -> Writer:
        return Writer(self, staging.reserve(layout.data(self.partition)))


class Writer:
    def __init__(self, source: Source, tmp: Path) -> None:
        self.source, self.tmp = source, tmp
        self.rows: list[int] = []
        self.texts: list[str] = []

    def add(self, item: Item, text: str) -> None:
        self.rows.append(item.payload)
        self.texts.append(text)

    def close(self) -> None:
        pa, pq = _pyarrow()
        table, field = self.source.table, self.source.options.text_field
        if len(self.rows) != table.num_rows:
            table = table.take(pa.array(self.rows, type=pa.int64()))
        index = table.schema.get_field_index(field)
        column = pa.array(self.texts, type=table.schema.field(index).type)
        table = table.set_column(index, table.schema.field(index), column)
        pq.write_table(table, self.tmp, compression=_compression(self.source.file))


_CODECS = {"snappy": "snappy", "gzip": "gzip", "brotli": "brotli", "zstd": "zstd", "lz4": "lz4",
           "lz4_raw": "lz4", "uncompressed": "none"}


def _compression(file) -> dict[str, str] | str:
    """The input's codec per column (from its first row group), so the output is as compact."""
    meta = file.metadata
    if not meta.num_row_groups:
        return "snappy"
    group = meta.row_group(0)
    codecs = {group.column(i).path_in_schema: _CODECS.get(group.column(i).compression.lower(), "snappy")
              for i in range(group.num_columns)}
    return codecs if len(set(codecs.values())) > 1 else next(iter(codecs.values()), "snappy")
