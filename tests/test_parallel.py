"""Checking many files in parallel gives the same result as one process."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from textlint.cli import app


def make_tree(root, n=24):
    for i in range(n):
        sub = root / f"d{i % 3}"
        sub.mkdir(exist_ok=True)
        body = f"# File {i}\n\nParagraph {i} went to the the bank , twice.\n" if i % 2 else "Clean text.\n"
        (sub / f"f{i}.md").write_text(body, encoding="utf-8")


def test_two_workers_report_what_one_reports(tmp_path):
    make_tree(tmp_path)
    one = CliRunner().invoke(app, ["check", "-j", "1", "--format", "json", str(tmp_path)])
    two = CliRunner().invoke(app, ["check", "-j", "2", "--format", "json", str(tmp_path)])
    assert one.exit_code == two.exit_code == 1
    assert json.loads(one.stdout) == json.loads(two.stdout)
    assert len(json.loads(one.stdout)) == 24


def test_parallel_fix_writes_every_file(tmp_path):
    make_tree(tmp_path)
    result = CliRunner().invoke(app, ["check", "-j", "2", "--fix", str(tmp_path)])
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "Fixed 24 problems in 12 files:" in result.stderr
    for path in tmp_path.rglob("*.md"):
        assert "the the" not in path.read_text(encoding="utf-8")
