"""Corpus mode on a real distributed.LocalCluster of two worker processes: round trips,
byte-identical output against the local engine, one engine per worker, a worker killed
mid-run, and the DataFrame API."""

from __future__ import annotations

import json
import os

import pytest
from typer.testing import CliRunner

from corpus_helpers import (clean_process, data_files, done_markers, kill_group, output_rows, records,
                            rows_of, tree, wait_for, write_jsonl)
from textlint.cli import app

distributed = pytest.importorskip("distributed")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as c:
        yield c


def clean(*args: str):
    return CliRunner().invoke(app, ["clean", *map(str, args)])


def on_cluster(client, *args):
    return clean(*args, "--engine", "dask", "--scheduler", client.scheduler.address)


def worker_pids(client) -> dict[str, int]:
    return client.run(os.getpid)


def test_workers_import_this_textlint(client):
    import textlint

    files = client.run(lambda: __import__("textlint").__file__)
    assert set(files.values()) == {textlint.__file__}


def test_jsonl_round_trip_on_the_cluster_matches_the_local_engine(client, tmp_path):
    rows = records(70)
    src = write_jsonl(tmp_path / "in" / "a.jsonl", rows, extra_lines=["{broken"])
    write_jsonl(tmp_path / "in" / "deep" / "b.jsonl", records(9))
    result = on_cluster(client, tmp_path / "in", "-o", tmp_path / "dask", "--partition-size", "9")
    assert result.exit_code == 1, result.output  # the broken line
    local = clean(tmp_path / "in", "-o", tmp_path / "local", "--partition-size", "9", "-j", "1")
    assert local.exit_code == 1
    assert tree(tmp_path / "dask") == tree(tmp_path / "local")
    got = [r for f in data_files(tmp_path / "dask", ".jsonl") if f.parent.name != "deep"
           for r in json.loads("[" + ",".join(f.read_text().splitlines()) + "]")]
    assert [r["id"] for r in got] == [r["id"] for r in rows]
    for before, after in zip(rows, got):
        assert {k: v for k, v in after.items() if k != "text"} == {k: v for k, v in before.items() if k != "text"}
    errors = rows_of(tmp_path / "dask", "_errors")
    assert [(e["shard"], e["line"]) for e in errors] == [("a.jsonl", 71)]
    assert "80 documents read, 79 written" in result.stderr and "1 failed" in result.stderr
    assert src.exists()


def test_parquet_round_trip_keeps_every_row_and_column(client, tmp_path):
    n = 50
    table = pa.table({
        "id": pa.array(range(n), pa.int64()),
        "text": pa.array([None if i == 7 else records(n)[i]["text"] for i in range(n)], pa.large_string()),
        "meta": pa.array([{"site": "seed", "rank": i} for i in range(n)]),
        "when": pa.array([1_700_000_000_000 + i for i in range(n)], pa.timestamp("ms")),
        "blob": pa.array([bytes([i]) * 3 for i in range(n)], pa.binary()),
    }).replace_schema_metadata({"origin": "test"})
    (tmp_path / "in").mkdir()
    pq.write_table(table, tmp_path / "in" / "p.parquet", row_group_size=12, compression="zstd")
    result = on_cluster(client, tmp_path / "in", "-o", tmp_path / "dask", "--partition-size", "20")
    assert result.exit_code == 1, result.output
    files = data_files(tmp_path / "dask", ".parquet")
    # row groups of 12, 12, 12, 12, 2 rows: the last two fit one partition of 20
    assert [f.name for f in files] == [f"p-0000{i}-of-00004.parquet" for i in range(4)]
    parts = [pq.read_table(f) for f in files]
    assert all(t.schema == table.schema and t.schema.metadata == table.schema.metadata for t in parts)
    assert pq.ParquetFile(files[0]).metadata.row_group(0).column(1).compression == "ZSTD"
    out = pa.concat_tables(parts)
    kept = table.filter(pa.array([i != 7 for i in range(n)]))
    assert out.drop_columns(["text"]).equals(kept.drop_columns(["text"]))
    assert out.column("text").to_pylist() != kept.column("text").to_pylist()  # some were fixed
    assert [e["row"] for e in rows_of(tmp_path / "dask", "_errors")] == [7]
    local = clean(tmp_path / "in", "-o", tmp_path / "local", "--partition-size", "20", "-j", "1")
    assert local.exit_code == 1
    assert tree(tmp_path / "dask") == tree(tmp_path / "local")


def test_the_engine_is_built_once_per_worker(client, tmp_path):
    from textlint.corpus.options import engines_built

    before = client.run(engines_built)
    src = write_jsonl(tmp_path / "e.jsonl", records(40))
    result = on_cluster(client, src, "-o", tmp_path / "out", "--partition-size", "2", "--select", "cleanup")
    assert result.exit_code == 0, result.output
    after = client.run(engines_built)
    built = {w: after[w] - before.get(w, 0) for w in after}
    assert sum(built.values()) >= 1 and all(b <= 1 for b in built.values()), built
    assert done_markers(tmp_path / "out") == 20


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(client, tmp_path):
    rows = records(120, whole_articles=True)
    src = write_jsonl(tmp_path / "big.jsonl", rows)
    out = tmp_path / "out"
    proc = clean_process(str(src), "-o", str(out), "--partition-size", "4", "--engine", "dask",
                         "--scheduler", client.scheduler.address)
    wait_for(lambda: done_markers(out) >= 2 or proc.poll() is not None, what="two partitions")
    victim = sorted(worker_pids(client).values())[0]
    assert done_markers(out) < 30, "the run should still be going"
    os.kill(victim, 9)
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 0, stderr
    assert "120 documents read, 120 written" in stderr
    assert [r["id"] for r in output_rows(out)] == [r["id"] for r in rows]
    assert not list(out.rglob("*.tmp"))
    client.wait_for_workers(2, timeout=60)  # the nanny restarted it
    assert victim not in worker_pids(client).values()
    reference = tmp_path / "reference"
    assert clean(src, "-o", reference, "--partition-size", "4", "-j", "1").exit_code == 0
    assert tree(out) == tree(reference)


def test_a_bad_local_scheduler_is_named(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", records(2))
    result = clean(src, "-o", tmp_path / "out", "--engine", "dask", "--scheduler", "local:none")
    assert result.exit_code == 2
    assert "--scheduler local:none: expected local:N with N >= 1 workers" in result.stderr
    assert not (tmp_path / "out").exists()


def test_resume_on_the_cluster_after_the_driver_is_killed(client, tmp_path):
    rows = records(120, whole_articles=True)
    src = write_jsonl(tmp_path / "big.jsonl", rows)
    out = tmp_path / "out"
    args = [str(src), "-o", str(out), "--partition-size", "4", "--engine", "dask",
            "--scheduler", client.scheduler.address]
    proc = clean_process(*args)
    wait_for(lambda: done_markers(out) >= 3 or proc.poll() is not None, what="three partitions")
    kill_group(proc)
    finished = done_markers(out)
    assert 3 <= finished < 30, "the run should be killed part way"
    resumed = clean_process(*args, "--resume")
    _, stderr = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, stderr
    assert "120 documents read, 120 written" in stderr
    assert "of 30 partitions were already done" in stderr
    assert [r["id"] for r in output_rows(out)] == [r["id"] for r in rows]
    reference = tmp_path / "reference"
    assert clean(src, "-o", reference, "--partition-size", "4", "-j", "1").exit_code == 0
    assert tree(out) == tree(reference)


def test_clean_frame_and_clean_dask(client, tmp_path):
    from textlint.corpus import clean_dask, clean_frame, options

    rows = records(30)
    frame = pd.DataFrame({"doc": [r["id"] for r in rows], "body": [r["text"] for r in rows],
                          "n": range(30)}, index=pd.RangeIndex(100, 130))
    frame.loc[105, "body"] = None
    opts = options(text_column="body")
    cleaned = clean_frame(frame, opts)
    assert list(cleaned.columns) == ["doc", "body", "n", "textlint_changed", "textlint_findings",
                                     "textlint_error"]
    assert cleaned.index.equals(frame.index) and cleaned["n"].equals(frame["n"])
    assert cleaned.loc[105, "textlint_error"] == "'body' is missing, not a string"
    assert pd.isna(cleaned.loc[105, "body"]) and cleaned.loc[105, "textlint_findings"] == []
    changed = cleaned[cleaned["textlint_changed"]]
    assert len(changed) > 0
    assert all(any(f["applied"] for f in fs) for fs in changed["textlint_findings"])
    assert (cleaned.loc[~cleaned["textlint_changed"], "body"].dropna()
            .equals(frame.loc[~cleaned["textlint_changed"], "body"].dropna()))
    lazy = clean_dask(dd.from_pandas(frame, npartitions=3), opts)
    computed = lazy.compute()
    assert computed["textlint_changed"].dtype == bool
    assert computed["body"].fillna("-").tolist() == cleaned["body"].fillna("-").tolist()
    assert computed["textlint_findings"].tolist() == cleaned["textlint_findings"].tolist()
    assert computed["textlint_error"].tolist() == cleaned["textlint_error"].tolist()
