"""The pre-commit hooks, run by the real pre-commit in a fresh git repository."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
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


# -- the README's snippets, as a reader copies them ---------------------------------------
def readme_snippets() -> list[str]:
    """The YAML blocks of the README's pre-commit section."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("### pre-commit"):text.index("### LanguageTool")]
    return re.findall(r"```yaml\n(.*?)```", section, re.S)


def run_pre_commit(repo: Path, config: str, env: dict | None = None) -> subprocess.CompletedProcess:
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    exe = shutil.which("pre-commit")
    assert exe, "pre-commit is a dev dependency: pip install -e '.[dev]'"
    env = {**os.environ, "PRE_COMMIT_HOME": str(ROOT / ".cache" / "pre-commit"), **(env or {})}
    return subprocess.run([exe, "run", "--all-files", "--color", "never"], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=900)


def test_readme_local_hook_works_as_written(repo, tmp_path_factory):
    """The `repo: local` snippet, copied as it is: it runs the `textlint` on the PATH (here
    this checkout's, as `pip install -e .` would put it there)."""
    local = readme_snippets()[0]
    assert "repo: local" in local
    bin_dir = tmp_path_factory.mktemp("bin")
    (bin_dir / "textlint").write_text(f"#!/bin/sh\nexec {sys.executable} -m textlint \"$@\"\n", encoding="utf-8")
    (bin_dir / "textlint").chmod(0o755)
    result = run_pre_commit(repo, local, {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
                                          "PYTHONPATH": str(ROOT)})
    assert result.returncode == 1, result.stdout + result.stderr
    assert "notes.md:3:14: cleanup.DoubledWord 'the' is repeated" in result.stdout
    assert (repo / "notes.md").read_text(encoding="utf-8") == DOC


def test_readme_remote_hook_works_with_its_rev_against_a_clone(repo, tmp_path_factory):
    """The remote snippet with its `rev:` exactly as written (a commit sha: the repository has
    no tags) and `repo:` filled in as the README says: the path of a clone."""
    remote = readme_snippets()[1]
    rev = re.search(r"^\s*rev: (\S+)", remote, re.M).group(1)
    assert re.fullmatch(r"[0-9a-f]{40}", rev), f"rev {rev!r} is not a commit sha"
    subprocess.run(["git", "merge-base", "--is-ancestor", rev, "HEAD"], cwd=ROOT, check=True)
    # the hooks at that commit are the ones the README describes (LanguageTool off)
    import yaml

    pinned = yaml.safe_load(git("show", f"{rev}:.pre-commit-hooks.yaml", cwd=ROOT))
    current = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [(h["id"], h["entry"]) for h in pinned] == [(h["id"], h["entry"]) for h in current], (
        "the README's rev: has other hooks than .pre-commit-hooks.yaml: pin a newer commit")
    assert all("--no-languagetool" in h["entry"] for h in current)
    clone = tmp_path_factory.mktemp("clone") / "textlint"
    git("clone", "-q", "--no-hardlinks", str(ROOT), str(clone), cwd=clone.parent)
    config, n = re.subn(r"^(\s*- repo: )\S+", lambda m: m.group(1) + str(clone), remote, count=1, flags=re.M)
    assert n == 1
    result = run_pre_commit(repo, config)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "notes.md:3:14: cleanup.DoubledWord 'the' is repeated" in result.stdout
