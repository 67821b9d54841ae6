"""files.matches (the include and exclude globs of a walk and of the configuration): one
pattern per side tried at once gives what fnmatch gives glob by glob."""

from __future__ import annotations

import fnmatch
import random
from pathlib import Path

from textlint.files import DEFAULT_INCLUDE, matches


def by_fnmatch(path: Path, patterns) -> bool:
    posix = path.as_posix()
    return any(fnmatch.fnmatch(path.name, p) or fnmatch.fnmatch(posix, p)
               or fnmatch.fnmatch(posix, f"*/{p}") for p in patterns)


PARTS = ["docs", "a", "b.md", "notes.txt", "x.markdown", "build", "[ab]", "é", ".hidden", "a b", "v1.2"]
GLOBS = ["*.md", "*.txt", "docs/*", "build", "*/build/*", "[ab]*", "?", "a*b", "**/x.*", "[!a]*.md",
         "docs", "*.[tm][xd]*", "é*", "", "*", "[]", "v1.?"]


def test_matches_is_fnmatch_glob_by_glob():
    rng = random.Random(14)
    for _ in range(3000):
        path = Path(*rng.choices(PARTS, k=rng.randint(1, 4)))
        patterns = rng.sample(GLOBS, rng.randint(0, 4))
        assert matches(path, patterns) == by_fnmatch(path, patterns), (path, patterns)
    for name in ["a.md", "a.txt", "a.text", "a.markdown", "a.mdx", "md", "dir/a.md"]:
        assert matches(Path(name), DEFAULT_INCLUDE) == by_fnmatch(Path(name), DEFAULT_INCLUDE)


def test_sibling_folders_share_the_settings_found_above_them_and_a_nearer_file_wins(tmp_path):
    from textlint.config import ConfigFinder

    (tmp_path / "textlint.toml").write_text('ignore = ["cleanup"]\n')
    for folder in ("a", "b", "b/c", "d"):
        (tmp_path / folder).mkdir()
    (tmp_path / "d" / "textlint.toml").write_text('ignore = ["spacing"]\n')
    finder = ConfigFinder()
    top = finder.for_path(tmp_path / "x.txt")
    assert top.ignore == ["cleanup"]
    for file in ("a/x.txt", "b/x.txt", "b/c/x.txt"):
        assert finder.for_path(tmp_path / file) is top
    assert finder.for_path(tmp_path / "d" / "x.txt").ignore == ["spacing"]
    fresh = ConfigFinder()  # asked deepest first: the folders passed on the way up get its answer
    assert fresh.for_path(tmp_path / "b/c/x.txt").ignore == ["cleanup"]
    assert fresh.for_path(tmp_path / "d" / "x.txt").ignore == ["spacing"]
    assert fresh.for_path(tmp_path / "a" / "x.txt") is fresh.for_path(tmp_path / "x.txt")
