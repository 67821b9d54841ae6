"""The YAML rule files' parse cache (textlint/yamlrules/parsing.py): same data, without PyYAML."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import pytest

from textlint.yamlrules import parsing

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("TEXTLINT_CACHE_DIR", str(tmp_path))
    parsing._cache.cache_clear()
    yield tmp_path
    parsing._cache.cache_clear()


def test_a_kept_text_gives_the_same_data_as_a_fresh_parse(cache_dir):
    import yaml

    text = "extends: existence\nmessage: \"'%s'\"\ntokens:\n  - a\n  - b\nlevel: 3\nok: yes\n"
    first = parsing.parse_yaml(text)
    assert first == yaml.safe_load(text)
    assert (cache_dir / f"yaml-{parsing.CACHE_FORMAT}.marshal").is_file()
    parsing._cache.cache_clear()  # a new process: the data comes from the file
    again = parsing.parse_yaml(text)
    assert again == first and again is not first
    again["tokens"].append("c")  # the caller may change what it gets
    assert parsing.parse_yaml(text)["tokens"] == ["a", "b"]


def test_a_changed_text_is_parsed_again_and_errors_say_where(cache_dir):
    assert parsing.parse_yaml("a: 1\n") == {"a": 1}
    assert parsing.parse_yaml("a: 2\n") == {"a": 2}
    with pytest.raises(parsing.YamlSyntaxError, match=r"invalid YAML at line 1, column 4"):
        parsing.parse_yaml("a: [1, 2\n")


def test_data_marshal_cannot_hold_is_parsed_every_time(cache_dir):
    assert parsing.parse_yaml("day: 2026-12-04\n") == {"day": datetime.date(2026, 12, 4)}
    assert "day: 2026-12-04\n" not in parsing._cache()


def test_an_unwritable_cache_parses_every_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("TEXTLINT_CACHE_DIR", str(blocker))  # a file: nothing can be kept in it
    parsing._cache.cache_clear()
    try:
        assert parsing.parse_yaml("a: 1\n") == {"a": 1}
        assert parsing.parse_yaml("a: 1\n") == {"a": 1}
    finally:
        parsing._cache.cache_clear()


def test_a_check_with_the_packs_kept_does_not_import_pyyaml(tmp_path):
    env = {"TEXTLINT_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    code = ("import sys; from textlint.engine import Engine, Overrides; "
            "Engine(overrides=Overrides(languagetool=False)).lint('A line.'); "
            "print('yaml' in sys.modules)")
    runs = [subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                           text=True, check=True).stdout.strip() for _ in range(2)]
    assert runs == ["True", "False"]  # the first run parses the packs and keeps them
