"""Corpus mode: clean JSONL, Parquet and text corpora, locally or on a Dask cluster.

``textlint clean INPUT... --output DIR`` (docs/corpus.md). Modules, one per concern:

    options       CleanOptions; the engine, built once per worker
    cleaning      one document through Engine.fix (or lint): text, findings, or failure
    records       a document as the readers give it
    partitions    shards of the inputs, cut into partitions (the unit of work)
    jsonl, parquet, textfiles    read a partition, write its output, per format
    store         the output layout, temporary names and renames
    task          one partition: read, clean, write, mark done (runs in a worker)
    engine_local, engine_dask    run the partitions in local processes or on a cluster
    summary       counts and the per-rule table
    run           a whole run: plan, --resume, engine, summary
    api           clean a pandas DataFrame; map it over a Dask DataFrame

Only Parquet (pyarrow), the Dask engine (dask, distributed) and the DataFrame API
(pandas) need the ``corpus`` extra; JSONL and text folders on the local engine do not.
"""

from __future__ import annotations

from .api import clean_dask, clean_frame, options
from .options import CleanOptions

__all__ = ["CleanOptions", "clean_dask", "clean_frame", "options"]
