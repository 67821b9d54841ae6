"""The work of one partition, the same on every engine: read, clean, write, mark done.

:func:`clean_partition` runs in a worker (a local process or a Dask worker). It writes
the partition's data, findings and error rows under temporary names, publishes them,
and last writes the partition's counts to ``_textlint/done/``: a partition with that
file is complete, one without it is redone from scratch. It depends only on the
partition and the options, so its files are the same bytes whoever runs it.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..dataclass import dataclass
from .cleaning import Outcome, clean_text, start_partition
from .options import CleanOptions, engine_for
from .partitions import Partition
from .store import Layout, LazyFile, Staging, dumps_line
from .summary import Report


@dataclass
class Done:
    """A partition that finished (``report``, as :meth:`Report.to_json`) or could not (``error``)."""

    partition: Partition
    report: dict | None = None
    error: str | None = None


def _source(partition: Partition, options: CleanOptions):
    if partition.format == "jsonl":
        from . import jsonl

        return jsonl.Source(partition, options)
    if partition.format == "parquet":
        from . import parquet

        return parquet.Source(partition, options)
    from . import textfiles

    return textfiles.Source(partition, options)


def clean_partition(partition: Partition, options: CleanOptions, output: str) -> dict:
    """Clean one partition into *output*; its counts (as :meth:`Report.to_json`)."""
    engine = engine_for(options)
    start_partition()
    layout = Layout(Path(output))
    source = _source(partition, options)
    report = Report()
    with Staging() as staging:
        writer = None if options.report_only else source.writer(staging, layout)
        findings = staging.open(layout.findings(partition))
        errors = LazyFile(staging, layout.errors(partition))
        for item in source.items():
            if item.problem:
                outcome = Outcome.failed(item.problem)
            else:
                outcome = clean_text(engine, item.text, options, item.path)
            report.add(outcome)
            head = item.head()
            if outcome.error:
                errors.write(dumps_line({**head, "reason": outcome.error, "record": item.raw}))
                continue
            if writer is not None:
                writer.add(item, outcome.text)
            for row in outcome.findings:
                findings.write(dumps_line({**head, **row}))
        if writer is not None:
            writer.close()
        staging.open(layout.done(partition)).write(json.dumps(report.to_json()).encode())
    return report.to_json()
