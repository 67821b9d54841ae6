"""Corpus mode on the local engine: formats, error rows, counts, options, --resume, lost workers.

The Dask engine is tested against a real LocalCluster in tests/test_corpus_dask.py.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from corpus_helpers import (ROOT, clean_process, data_files, done_markers, kill_group, output_rows,
                            read_jsonl, records, rows_of, tree, wait_for, write_jsonl)
from textlint import Engine, Overrides
from textlint.cli import app
from textlint.corpus.jsonl import _line_starts


def clean(*args: str):
    return CliRunner().invoke(app, ["clean", *map(str, args)])


def fixed(text: str, unsafe: bool = False) -> str:
    return Engine(overrides=Overrides(languagetool=False)).fix(text, unsafe=unsafe).text


def test_jsonl_round_trip_keeps_every_document_and_field(tmp_path):
    rows = records(45)
    src = write_jsonl(tmp_path / "in" / "news.jsonl", rows)
    out = tmp_path / "out"
    result = clean(src, "--output", out, "--partition-size", "10", "-j", "1")
    assert result.exit_code == 0, result.output
    assert [p.name for p in data_files(out, ".jsonl")] == [f"news-0000{i}-of-00005.jsonl" for i in range(5)]
    got = output_rows(out)
    assert [r["id"] for r in got] == [r["id"] for r in rows]
    for before, after in zip(rows, got):
        assert list(after) == list(before)  # same fields, same order
        assert {k: v for k, v in after.items() if k != "text"} == {k: v for k, v in before.items() if k != "text"}
        assert after["text"] == fixed(before["text"])
    changed = sum(a["text"] != b["text"] for a, b in zip(got, rows))
    assert 0 < changed < len(rows)
    assert f"45 documents read, 45 written, {changed} changed, 0 failed." in result.stderr


def test_unchanged_records_are_copied_byte_for_byte(tmp_path):
    lines = ['{"text":"A clean sentence.",  "id":1, "x":1.50}', '{"id":2,"text":"the the end."}']
    src = tmp_path / "a.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert clean(src, "-o", tmp_path / "out").exit_code == 0
    out = (tmp_path / "out" / "a-00000-of-00001.jsonl").read_text(encoding="utf-8").splitlines()
    assert out[0] == lines[0]
    assert json.loads(out[1]) == {"id": 2, "text": "the end."}


def test_malformed_records_become_error_rows_with_their_line(tmp_path):
    good = records(3)
    bad = ["not json at all", '{"id": "no-text", "body": "x"}', '{"id": "num", "text": 42}',
           '["an", "array"]', '{"id": "null", "text": null}', '{"id": "sur", "text": "a\\ud800b"}']
    src = write_jsonl(tmp_path / "c.jsonl", good, extra_lines=["", *bad])
    with src.open("ab") as f:
        f.write(b'{"id": "latin1", "text": "caf\xe9"}\n')
    out = tmp_path / "out"
    result = clean(src, "-o", out, "--partition-size", "4")
    assert result.exit_code == 1, result.output  # some documents failed
    errors = rows_of(out, "_errors")
    assert [(e["line"], e["id"]) for e in errors] == [
        (5, None), (6, "no-text"), (7, "num"), (8, None), (9, "null"), (10, "sur"), (11, None)]
    reasons = [e["reason"] for e in errors]
    assert reasons[0].startswith("not JSON")
    assert reasons[1] == "no 'text' field"
    assert reasons[2] == "'text' is a number, not a string"
    assert reasons[3] == "not a JSON object but an array"
    assert reasons[4] == "'text' is null, not a string"
    assert "unpaired surrogate at offset 1" in reasons[5]
    assert reasons[6] == "not valid UTF-8 at byte 30 of the line"  # 1-based, as columns
    assert errors[0]["record"] == "not json at all"  # the original line, nothing lost
    assert errors[1]["record"] == bad[1]
    assert [r["id"] for r in output_rows(out)] == [r["id"] for r in good]
    assert "10 documents read, 3 written, " in result.stderr and ", 7 failed." in result.stderr
    summary = json.loads((out / "_textlint" / "summary.json").read_text())
    assert summary["read"] == summary["written"] + summary["failed"] == 10


def test_findings_file_per_partition(tmp_path):
    src = write_jsonl(tmp_path / "f.jsonl", [{"id": "x", "text": "We saw the the harbour , twice."},
                                             {"id": "y", "text": "Clean."}])
    out = tmp_path / "out"
    assert clean(src, "-o", out).exit_code == 0
    findings = read_jsonl(out / "_findings" / "f-00000-of-00001.jsonl")
    assert findings and all(f["id"] == "x" and f["line"] == 1 and f["shard"] == "f.jsonl" for f in findings)
    applied = [f for f in findings if f["applied"]]
    assert {f["rule"] for f in applied} == {"cleanup.DoubledWord", "cleanup.SpaceBeforePunctuation"}
    text = "We saw the the harbour , twice."
    doubled = next(f for f in applied if f["rule"] == "cleanup.DoubledWord")
    assert doubled["message"] and text[doubled["start"]:].startswith(("the the", " the")), doubled
    assert all(f["round"] == 1 for f in applied)
    assert output_rows(out)[0]["text"] == "We saw the harbour, twice."


def test_a_partition_does_not_depend_on_the_partitions_before_it(tmp_path):
    # The spacing checks memoise across documents, and this paragraph's lost space was
    # fixed in a fresh process but not after the first one (measured at 3deaf2f): each
    # partition must start afresh, or the output depends on who ran what before.
    first = ("In\xa0the\xa0run-up to\xa0the\xa0United Russiaparty primaries on\xa0May\xa022, the\xa0President, "
             "together with Prime Minister Dmitry Medvedev, visited the\xa0party headquarters.")
    second = ("President of\xa0Russia Vladimir Putin: Mr. I\xa0know that today its share has already reached "
              "25 percent of\xa0total production, and\xa0by\xa02025, it is to\xa0reach 50 percent. " + first
              + " This creates particular responsibility for\xa0dialogue between the\xa0business community "
              "and\xa0the\xa0authorities today.")
    both = write_jsonl(tmp_path / "both.jsonl", [{"id": 1, "text": first}, {"id": 2, "text": second}])
    alone = write_jsonl(tmp_path / "alone.jsonl", [{"id": 2, "text": second}])
    for src, out, size in ((both, "both", "1"), (alone, "alone", "1")):  # fresh processes
        run = subprocess.run([sys.executable, "-m", "textlint", "clean", str(src), "-o", str(tmp_path / out),
                              "--partition-size", size, "-j", "1"], cwd=ROOT, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
    assert output_rows(tmp_path / "both")[1] == output_rows(tmp_path / "alone")[0]


def test_report_only_writes_findings_and_no_text(tmp_path):
    text = "We saw the the harbour , twice."
    src = write_jsonl(tmp_path / "r.jsonl", [{"id": "x", "text": text}])
    out = tmp_path / "out"
    result = clean(src, "-o", out, "--report-only")
    assert result.exit_code == 0, result.output
    assert data_files(out, ".jsonl") == []
    findings = rows_of(out, "_findings")
    assert {f["rule"] for f in findings} >= {"cleanup.DoubledWord", "cleanup.SpaceBeforePunctuation"}
    assert not any(f["applied"] for f in findings)
    for f in findings:  # spans point into the input text
        assert 0 <= f["start"] < f["end"] <= len(text)
    doubled = next(f for f in findings if f["rule"] == "cleanup.DoubledWord")
    assert "the" in text[doubled["start"]:doubled["end"]]
    assert "1 document read, 1 checked, 1 would change, 0 failed." in result.stderr
    assert "fixable" in result.stdout


def test_unsafe_fixes_select_and_ignore(tmp_path):
    text = "The talks could Deploy the the plan."  # MidSentenceCapital: unsafe; DoubledWord: safe
    src = write_jsonl(tmp_path / "u.jsonl", [{"id": 1, "text": text}])
    runs = {}
    for name, extra in {"safe": [], "unsafe": ["--unsafe-fixes"],
                        "select": ["--select", "cleanup.MidSentenceCapital", "--unsafe-fixes"],
                        "ignore": ["--ignore", "cleanup.DoubledWord"]}.items():
        assert clean(src, "-o", tmp_path / name, *extra).exit_code == 0
        runs[name] = output_rows(tmp_path / name)[0]["text"]
    assert runs["safe"] == fixed(text) == "The talks could Deploy the plan."
    assert runs["unsafe"] == fixed(text, unsafe=True) == "The talks could deploy the plan."
    assert runs["select"] == "The talks could deploy the the plan."
    assert runs["ignore"] == text
    rules = {f["rule"] for f in rows_of(tmp_path / "select", "_findings")}
    assert rules == {"cleanup.MidSentenceCapital"}


def test_configuration_is_read_as_check_reads_it(tmp_path):
    (tmp_path / "textlint.toml").write_text('ignore = ["cleanup.DoubledWord"]\n', encoding="utf-8")
    src = write_jsonl(tmp_path / "data" / "k.jsonl", [{"id": 1, "text": "the the end ."}])
    assert clean(src, "-o", tmp_path / "out").exit_code == 0
    assert output_rows(tmp_path / "out")[0]["text"] == "the the end."
    bad = tmp_path / "bad.toml"
    bad.write_text("select = 3\n", encoding="utf-8")
    result = clean(src, "-o", tmp_path / "out2", "--config", bad)
    assert result.exit_code == 2 and "expected a list of strings" in result.stderr
    assert not (tmp_path / "out2").exists()


def test_text_folder_keeps_layout_encoding_and_markdown(tmp_path):
    src = tmp_path / "docs"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text("We met the the crew.\r\nIt rained.\r\n", encoding="utf-8", newline="")
    (src / "sub" / "b.md").write_text("# Notes\n\nThe the plan.\n\n```\nthe the code\n```\n", encoding="utf-8")
    (src / "c.txt").write_bytes("\ufeffWe met the the crew.".encode("utf-16-le"))
    (src / "d.txt").write_bytes(b"caf\xe9 the the\n")
    (src / "skip.csv").write_text("x,y\n", encoding="utf-8")
    out = tmp_path / "out"
    result = clean(src, "-o", out)
    assert result.exit_code == 1, result.output
    assert (out / "a.txt").read_bytes() == b"We met the crew.\r\nIt rained.\r\n"
    assert (out / "sub" / "b.md").read_text(encoding="utf-8") == "# Notes\n\nThe plan.\n\n```\nthe the code\n```\n"
    assert (out / "c.txt").read_bytes() == "\ufeffWe met the crew.".encode("utf-16-le")
    assert not (out / "d.txt").exists() and not (out / "skip.csv").exists()
    errors = rows_of(out, "_errors")
    assert [(e["id"], e["reason"].split(" at ")[0]) for e in errors] == [("d.txt", "not valid UTF-8")]
    assert "4 documents read, 3 written, 3 changed, 1 failed." in result.stderr


def test_output_folder_must_be_new_or_the_same_run(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", records(5))
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("keep", encoding="utf-8")
    result = clean(src, "-o", out)
    assert result.exit_code == 2 and "is not empty" in result.stderr
    assert (out / "mine.txt").read_text() == "keep"
    out2 = tmp_path / "out2"
    assert clean(src, "-o", out2).exit_code == 0
    again = clean(src, "-o", out2)
    assert again.exit_code == 2 and "--resume" in again.stderr
    other = clean(src, "-o", out2, "--resume", "--select", "cleanup")
    assert other.exit_code == 2 and "the option 'select'" in other.stderr
    write_jsonl(src, records(6))
    changed = clean(src, "-o", out2, "--resume")
    assert changed.exit_code == 2 and "changed since" in changed.stderr


@pytest.mark.parametrize("name, message", [
    ("missing.jsonl", "no such file or directory"),
    ("data.csv", "unknown format"),
    ("data.jsonl.gz", "compressed files are not read"),
])
def test_bad_inputs_are_named(tmp_path, name, message):
    path = tmp_path / name
    if name != "missing.jsonl":
        path.write_bytes(b"x")
    result = clean(path, "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert str(path) in result.stderr and message in result.stderr


def test_an_output_folder_inside_the_input_is_not_read(tmp_path):
    src = tmp_path / "data"
    write_jsonl(src / "a.jsonl", records(3))
    (src / "b.md").write_text("The the end.\n", encoding="utf-8")
    out = src / "clean"
    assert clean(src, "-o", out).exit_code == 0
    again = clean(src, "-o", out, "--resume")  # the output is not an input the second time either
    assert again.exit_code == 0, again.output
    assert "2 of 2 partitions were already done" in again.stderr
    assert (out / "b.md").read_text(encoding="utf-8") == "The end.\n"


def test_scheduler_needs_the_dask_engine(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", records(2))
    result = clean(src, "-o", tmp_path / "out", "--scheduler", "local:2")
    assert result.exit_code == 2 and "--scheduler needs --engine dask" in result.stderr
    assert not (tmp_path / "out").exists()


def test_outputs_that_would_collide_are_refused(tmp_path):
    a = write_jsonl(tmp_path / "x" / "n.jsonl", records(2))
    b = write_jsonl(tmp_path / "y" / "n.jsonl", records(2))
    result = clean(a, b, "-o", tmp_path / "out")
    assert result.exit_code == 2 and "would both be written" in result.stderr


@pytest.mark.parametrize("content, size, expected", [
    (b"", 2, ([0], 0)),
    (b"a\nb\n", 2, ([0], 2)),
    (b"a\nb\nc", 2, ([0, 4], 3)),
    (b"a\nb\nc\n", 1, ([0, 2, 4], 3)),
    (b"aa\n\nbb\ncc\n", 2, ([0, 4], 4)),
])
def test_jsonl_partitions_start_on_lines(tmp_path, content, size, expected):
    path = tmp_path / "p.jsonl"
    path.write_bytes(content)
    assert _line_starts(path, size) == expected


def test_one_and_two_processes_write_the_same_bytes(tmp_path):
    src = write_jsonl(tmp_path / "in" / "a.jsonl", records(60), extra_lines=["oops"])
    write_jsonl(tmp_path / "in" / "sub" / "b.jsonl", records(7))
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        result = clean(src.parent, "-o", out, "--partition-size", "8", "-j", jobs)
        assert result.exit_code == 1, result.output
        outs.append(tree(out))
    assert outs[0] == outs[1]
    assert "sub/b-00000-of-00001.jsonl" in outs[0]


def test_resume_after_the_run_is_killed(tmp_path):
    rows = records(120, whole_articles=True)
    src = write_jsonl(tmp_path / "big.jsonl", rows)
    out = tmp_path / "out"
    args = [str(src), "-o", str(out), "--partition-size", "4", "-j", "1"]
    proc = clean_process(*args)
    wait_for(lambda: done_markers(out) >= 3 or proc.poll() is not None, what="three partitions")
    kill_group(proc)
    finished = done_markers(out)
    assert 3 <= finished < 30, "the run should be killed part way"
    resumed = subprocess.run([sys.executable, "-m", "textlint", "clean", *args, "--resume"], cwd=ROOT,
                             capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{finished} of 30 partitions were already done" in resumed.stderr
    assert "120 documents read, 120 written" in resumed.stderr
    assert [r["id"] for r in output_rows(out)] == [r["id"] for r in rows]
    assert not [p for p in out.rglob("*.tmp")]
    fresh = tmp_path / "fresh"
    assert clean(src, "-o", fresh, "--partition-size", "4", "-j", "1").exit_code == 0
    assert tree(out) == tree(fresh)


def test_a_killed_worker_process_loses_no_document(tmp_path):
    psutil = pytest.importorskip("psutil")
    rows = records(120, whole_articles=True)
    src = write_jsonl(tmp_path / "big.jsonl", rows)
    out = tmp_path / "out"
    proc = clean_process(str(src), "-o", str(out), "--partition-size", "4", "-j", "2")

    def workers():
        return [c for c in psutil.Process(proc.pid).children(recursive=True)
                if "spawn_main" in " ".join(c.cmdline())]

    wait_for(lambda: done_markers(out) >= 2 and len(workers()) == 2, what="two workers at work")
    assert done_markers(out) < 30
    workers()[0].kill()
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 0, stderr
    assert "120 documents read, 120 written" in stderr
    assert [r["id"] for r in output_rows(out)] == [r["id"] for r in rows]
    assert len(rows_of(out, "_findings")) > 0 and not rows_of(out, "_errors")


def test_check_imports_none_of_the_corpus_dependencies():
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "textlint", "check",
                             "--no-languagetool", "fixtures/seed-article.txt"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr[-2000:]
    imported = {line.split("|")[-1].strip().split(".")[0] for line in result.stderr.splitlines()
                if line.startswith("import time:")}
    assert "textlint" in imported
    assert not imported & {"dask", "distributed", "pyarrow", "pandas"}
    modules = {line.split("|")[-1].strip() for line in result.stderr.splitlines()}
    assert not any(m.startswith("textlint.corpus") for m in modules)
