"""The Python API for pipelines: clean a pandas DataFrame, or map that over a Dask DataFrame.

::

    import dask.dataframe as dd
    from textlint.corpus import clean_dask, options

    ddf = dd.read_parquet("news/*.parquet")
    cleaned = clean_dask(ddf, options(select=["cleanup", "spacing"]))
    cleaned.to_parquet("news-clean/")

Both return the frame with the text column fixed and three columns added:
``textlint_changed`` (bool), ``textlint_findings`` (a list of finding dicts per row: rule,
severity, message, start, end, applied, fix — the rows of the CLI's findings files) and
``textlint_error`` (why the row failed, else None; a failed row keeps its text). The
engine is built once per worker process and reused for every partition.
"""

from __future__ import annotations

from pathlib import Path

from ..config import ConfigFinder
from ..engine import Overrides
from .cleaning import Outcome, clean_text, start_partition
from .options import CleanOptions, engine_for
from .records import kind_of, unpaired_surrogate

COLUMNS = ("textlint_changed", "textlint_findings", "textlint_error")


def options(*, config: str | Path | None = None, select: list[str] | None = None,
            extend_select: list[str] = (), ignore: list[str] = (), rules: list[str | Path] = (),
            unsafe: bool = False, report_only: bool = False, text_column: str = "text",
            languagetool: bool = False) -> CleanOptions:
    """Options as ``textlint clean`` takes them; the configuration file is *config*, or the one
    found from the current folder. Raises :class:`~textlint.errors.ConfigError`."""
    settings = ConfigFinder(Path(config) if config else None).for_path(None)
    overrides = Overrides(select=list(select) if select is not None else None,
                          extend_select=list(extend_select), ignore=list(ignore),
                          rule_paths=[Path(r).resolve() for r in rules], languagetool=languagetool)
    cleaned = CleanOptions(settings, overrides, unsafe, report_only, text_column)
    engine_for(cleaned)  # report a bad configuration here, not in a worker
    return cleaned


def clean_frame(df, opts: CleanOptions | None = None):
    """A copy of the pandas DataFrame *df* with its text column (``opts.text_field``) cleaned
    and the :data:`COLUMNS` added; the index and the other columns are kept."""
    import pandas as pd

    opts = opts or options()
    column = opts.text_field
    if column not in df.columns:
        raise KeyError(f"no column '{column}' (columns: {', '.join(map(str, df.columns))})")
    engine = engine_for(opts)
    start_partition()
    outcomes = [_clean_value(engine, value, opts) for value in df[column].tolist()]
    out = df.copy()
    out[column] = [o.text if o.error is None else value
                   for o, value in zip(outcomes, df[column].tolist())]
    out[column] = out[column].astype(df[column].dtype)
    out["textlint_changed"] = pd.Series([o.changed for o in outcomes], index=out.index, dtype=bool)
    # lists and None stay Python objects (not strings)
    out["textlint_findings"] = pd.Series([o.findings for o in outcomes], index=out.index, dtype=object)
    out["textlint_error"] = pd.Series([o.error for o in outcomes], index=out.index, dtype=object)
    return out


def clean_dask(ddf, opts: CleanOptions | None = None):
    """:func:`clean_frame` mapped over the partitions of the Dask DataFrame *ddf* (lazy)."""
    import pandas as pd

    opts = opts or options()
    empty = pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in ddf.dtypes.items()})
    return ddf.map_partitions(clean_frame, opts, meta=clean_frame(empty, opts))


def _clean_value(engine, value, opts: CleanOptions) -> Outcome:
    if not isinstance(value, str):
        import pandas as pd

        kind = "missing" if pd.api.types.is_scalar(value) and pd.isna(value) else kind_of(value)
        return Outcome.failed(f"'{opts.text_field}' is {kind}, not a string")
    bad = unpaired_surrogate(value)
    if bad is not None:
        return Outcome.failed(f"'{opts.text_field}' has an unpaired surrogate at offset {bad}")
    return clean_text(engine, value, opts)

