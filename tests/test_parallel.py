"""Checking many files in parallel gives the same result as one process."""

from __future__ import annotations

import json

import pytest
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


def test_mixed_formats_and_sizes_report_in_order(tmp_path):
    # a plain-text file first, Markdown files of very different sizes after: the smallest
    # Markdown file is checked before the fork, the rest in chunks of about equal size
    (tmp_path / "a0.txt").write_text("The the start.\n", encoding="utf-8")
    for i in range(1, 14):
        body = f"# File {i}\n\n" + "Went to the the bank , twice.\n\n" * (1 + 40 * (i % 5 == 0))
        (tmp_path / f"a{i:02d}.md").write_text(body, encoding="utf-8")
    (tmp_path / "a99.txt").write_text("Also also here.\n", encoding="utf-8")
    one = CliRunner().invoke(app, ["check", "-j", "1", "--format", "json", str(tmp_path)])
    two = CliRunner().invoke(app, ["check", "-j", "2", "--format", "json", str(tmp_path)])
    assert json.loads(one.stdout) == json.loads(two.stdout)
    paths = [d["path"] for d in json.loads(two.stdout)]
    assert paths == sorted(paths) and len(set(paths)) == 15


def test_chunks_are_runs_of_about_equal_size_that_keep_apart_files_apart():
    from textlint.runner import _chunks

    sizes = [1, 10, 10, 10, 10, 80, 10, 10, 10, 10, 1, 10, 10]
    chunks = _chunks([i for i in range(1, 13) if i != 10], sizes, jobs=2, apart={10: None})
    assert [i for c in chunks for i in c] == [i for i in range(1, 13) if i != 10]  # in order, each once
    assert all(not (c[0] < 10 < c[-1]) for c in chunks)  # none spans the file checked apart
    assert [5] in chunks  # the big file is a task of its own
    assert max(len(c) for c in chunks) <= 3


def test_line_repairs_shared_between_workers_change_nothing(tmp_path):
    # the same corrupt paragraph in many files, and a line of each file's own: the workers
    # hand each other the repairs of the shared lines (textlint.runner._run_tasks)
    para = "Cooperation is developing successfullyas agreed. President Vladimir Putinin his capacity."
    for i in range(40):
        (tmp_path / f"f{i:02d}.md").write_text(f"# File {i}\n\n{para}\n\nThe population was{i}0 then.\n",
                                               encoding="utf-8")
    one = CliRunner().invoke(app, ["check", "-j", "1", "--no-languagetool", "--format", "json", str(tmp_path)])
    two = CliRunner().invoke(app, ["check", "-j", "2", "--no-languagetool", "--format", "json", str(tmp_path)])
    assert json.loads(one.stdout) == json.loads(two.stdout)
    rules = {d["rule"] for d in json.loads(two.stdout)}
    assert "spacing.RunOnWord" in rules


def test_a_worker_that_dies_costs_only_its_own_files(tmp_path, monkeypatch):
    import os

    from textlint.runner import Runner

    make_tree(tmp_path, 40)
    parent, check_path = os.getpid(), Runner.check_path

    def dying(self, path, walked=False):
        if path.name == "f13.md" and os.getpid() != parent:
            os._exit(1)
        return check_path(self, path, walked)

    monkeypatch.setattr(Runner, "check_path", dying)
    result = CliRunner().invoke(app, ["check", "-j", "2", "--no-languagetool", "--format", "json", str(tmp_path)])
    lost = [line for line in result.stderr.splitlines() if "not checked" in line]
    assert any("f13.md" in line for line in lost) and len(lost) < 40
    paths = [d["path"] for d in json.loads(result.stdout)]
    assert paths == sorted(paths) and paths  # the other files' findings, in order


def test_tasks_get_smaller_towards_the_end():
    from textlint.runner import _chunks

    sizes = [100] * 401
    chunks = _chunks(list(range(1, 401)), sizes, jobs=2, apart={})
    assert [i for c in chunks for i in c] == list(range(1, 401))
    lengths = [len(c) for c in chunks]
    assert lengths[0] == 50 and lengths[-1] <= 4  # an eighth of the text at first, a 128th at the end
    assert lengths == sorted(lengths, reverse=True)


def test_without_fork_a_run_stays_in_one_process(tmp_path, monkeypatch):
    import os

    make_tree(tmp_path)
    one = CliRunner().invoke(app, ["check", "-j", "1", "--format", "json", str(tmp_path)])
    monkeypatch.delattr(os, "fork")  # as on Windows
    two = CliRunner().invoke(app, ["check", "-j", "2", "--format", "json", str(tmp_path)])
    assert json.loads(one.stdout) == json.loads(two.stdout)


def test_an_exception_in_a_worker_is_raised_in_the_parent_and_no_worker_is_left(tmp_path, monkeypatch):
    import os

    from textlint.config import ConfigFinder
    from textlint.engine import Overrides
    from textlint.runner import Runner

    make_tree(tmp_path)
    parent, check_path = os.getpid(), Runner.check_path

    def failing(self, path, walked=False):
        if path.name == "f13.md" and os.getpid() != parent:
            raise ValueError("a bug in a check")
        return check_path(self, path, walked)

    from textlint import forkpool

    forked = []
    fork = forkpool.fork
    monkeypatch.setattr(forkpool, "fork", lambda *args: forked.extend(fork(*args)) or forked)
    monkeypatch.setattr(Runner, "check_path", failing)
    runner = Runner(ConfigFinder(), Overrides(languagetool=False))
    with pytest.raises(ValueError, match="a bug in a check"):
        list(runner.check_targets([(p, False) for p in sorted(tmp_path.rglob("*.md"))], jobs=2))
    assert len(forked) == 2
    for worker in forked:
        with pytest.raises(ChildProcessError):
            os.waitpid(worker.pid, os.WNOHANG)  # ended, and waited for


def test_a_run_in_one_process_prepares_the_lexicon_for_the_files_after_the_first(tmp_path, monkeypatch):
    # the dicts the whole run will pay for are built after the first file, as before a fork
    from textlint import lexicon
    from textlint.config import ConfigFinder
    from textlint.engine import Overrides
    from textlint.runner import Runner

    make_tree(tmp_path, n=4)
    paths = sorted(tmp_path.rglob("*.md"))
    prepared = []
    monkeypatch.setattr(lexicon, "prepare_for", prepared.append)
    runner = Runner(ConfigFinder(), Overrides(languagetool=False))
    results = list(runner.check_targets([(p, False) for p in paths], jobs=1))
    assert [r.path for r in results] == [str(p) for p in paths]
    assert prepared == [sum(p.stat().st_size for p in paths[1:])]
    prepared.clear()
    list(runner.check_targets([(paths[0], False)], jobs=1))  # one file: nothing to prepare for
    assert prepared == []
