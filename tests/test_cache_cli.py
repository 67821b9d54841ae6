"""``textlint cache dir|prune|clean``: which files of the cache directory go, which stay."""

import errno
import os
import pathlib
import time

import pytest
from typer.testing import CliRunner

from textlint import cachedir
from textlint.cli import app

runner = CliRunner()


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """An empty cache directory of textlint's (TEXTLINT_CACHE_DIR)."""
    monkeypatch.setenv("TEXTLINT_CACHE_DIR", str(tmp_path))
    return tmp_path


def _fill(folder):
    """Every file this textlint reads, left-overs of its kinds, and files of other kinds."""
    in_use = sorted(cachedir.files_in_use())
    for path in in_use:
        path.write_bytes(b"kept")
    left_over = [folder / "lexicon-1-0badf00d.bin", folder / "regex-3-2020.1.1-py3.9.marshal",
                 folder / "rules-1.marshal"]
    for path in left_over:
        path.write_bytes(b"old" * 1000)
    others = [folder / "notes.txt", folder / "languagetool" / "results.sqlite3"]
    others[1].parent.mkdir()
    for path in others:
        path.write_bytes(b"not ours")
    return in_use, left_over, others


def test_dir_prints_the_folder(folder):
    result = runner.invoke(app, ["cache", "dir"])
    assert result.exit_code == 0
    assert result.stdout.strip() == str(folder)


def test_files_in_use_are_each_in_the_folder_and_of_distinct_kinds(folder):
    in_use = cachedir.files_in_use()
    assert {p.parent for p in in_use} == {folder}
    assert len({p.name.partition("-")[0] for p in in_use}) == len(in_use) == 7


def test_prune_removes_only_left_overs(folder):
    in_use, left_over, others = _fill(folder)
    result = runner.invoke(app, ["cache", "prune"])
    assert result.exit_code == 0, result.output
    assert "Removed 3 left-over files (0.0 MB)" in result.stdout
    assert not any(p.exists() for p in left_over)
    assert all(p.exists() for p in in_use + others)


def test_clean_removes_every_file_of_textlints_kinds_and_nothing_else(folder):
    in_use, left_over, others = _fill(folder)
    result = runner.invoke(app, ["cache", "clean"])
    assert result.exit_code == 0, result.output
    assert f"Removed {len(in_use) + 3} files" in result.stdout
    assert not any(p.exists() for p in in_use + left_over)
    assert all(p.exists() for p in others)


def test_prune_keeps_a_fresh_temporary_file_and_removes_an_abandoned_one(folder):
    fresh, abandoned = folder / "lexicon-7-00000000.123.tmp", folder / "yaml-1.456.tmp"
    for path in (fresh, abandoned):
        path.write_bytes(b"partial")
    hours_ago = time.time() - 2 * cachedir.STALE_TEMPORARY_SECONDS
    os.utime(abandoned, (hours_ago, hours_ago))
    assert cachedir.prune().removed == 1
    assert fresh.exists() and not abandoned.exists()


def test_a_missing_folder_removes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("TEXTLINT_CACHE_DIR", str(tmp_path / "none"))
    result = runner.invoke(app, ["cache", "prune"])
    assert result.exit_code == 0
    assert "Removed 0 left-over files" in result.stdout


def test_a_file_that_cannot_be_removed_is_named_and_exits_2(folder, monkeypatch):
    """(As on Windows when another textlint has the file mapped: the OS refuses.)"""
    stuck = folder / "rules-1.marshal"
    stuck.write_bytes(b"old")
    (folder / "yaml-0.marshal").write_bytes(b"old")
    unlink = pathlib.Path.unlink

    def refuse(path, *args, **kwargs):
        if path == stuck:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return unlink(path, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "unlink", refuse)
    result = runner.invoke(app, ["cache", "prune"])
    assert result.exit_code == 2
    assert "Removed 1 left-over file " in result.stdout
    assert f"cannot remove {stuck}: Permission denied" in result.stderr
    assert stuck.exists() and not (folder / "yaml-0.marshal").exists()


@pytest.mark.parametrize("variable", ["TEXTLINT_CACHE_DIR", "XDG_CACHE_HOME"])
def test_the_checks_and_languagetool_share_one_cache_directory(tmp_path, monkeypatch, variable):
    from textlint.languagetool.settings import LanguageToolSettings

    monkeypatch.delenv("TEXTLINT_CACHE_DIR", raising=False)
    monkeypatch.setenv(variable, str(tmp_path))
    folder = cachedir.cache_dir()
    assert folder == (tmp_path if variable == "TEXTLINT_CACHE_DIR" else tmp_path / "textlint")
    assert LanguageToolSettings().root() == folder.resolve() / "languagetool"
