"""The pre-commit hooks, run by the real pre-commit in a fresh git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOC = """# Notes

The team met the the mayor in Havana.

```text
the the code block stays as it is
```
"""


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def project_rev() -> str:
    if not (ROOT / ".git").exists():
        pytest.fail("the pre-commit test needs the project as a git checkout")
    return git("rev-parse", "HEAD", cwd=ROOT).strip()


def pre_commit(repo: Path, hook: str, rev: str) -> subprocess.CompletedProcess:
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {rev}\n    hooks:\n      - id: {hook}\n", encoding="utf-8")
    env = {**os.environ, "PRE_COMMIT_HOME": str(ROOT / ".cache" / "pre-commit")}
    exe = shutil.which("pre-commit")
    assert exe, "pre-commit is a dev dependency: pip install -e '.[dev]'"
    return subprocess.run([exe, "run", "--all-files", "--color", "never"], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=900)


@pytest.fixture
def repo(tmp_path) -> Path:
    git("init", "-q", cwd=tmp_path)
    git("config", "user.email", "t@example.com", cwd=tmp_path)
    git("config", "user.name", "t", cwd=tmp_path)
    (tmp_path / "notes.md").write_text(DOC, encoding="utf-8")
    git("add", "notes.md", cwd=tmp_path)
    return tmp_path


def test_checking_hook_fails_and_lists_the_problem(repo, project_rev):
    result = pre_commit(repo, "textlint", project_rev)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "notes.md:3:14: cleanup.DoubledWord 'the' is repeated" in result.stdout
    assert (repo / "notes.md").read_text(encoding="utf-8") == DOC


def test_fixing_hook_fixes_prose_and_leaves_code_blocks(repo, project_rev):
    result = pre_commit(repo, "textlint-fix", project_rev)
    assert result.returncode == 1  # pre-commit fails a hook that changed files
    fixed = (repo / "notes.md").read_text(encoding="utf-8")
    assert "The team met the mayor in Havana." in fixed
    assert "the the code block stays as it is" in fixed
    assert pre_commit(repo, "textlint-fix", project_rev).returncode == 0
