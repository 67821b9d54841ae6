"""textlint's YAML rules as Vale runs them: a Vale style folder loads whatever it holds,
and each rule type finds what Vale finds, on small texts written for these tests (the
comparison with Vale itself is a benchmark: bench/vale.py)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from textlint.errors import ConfigError
from textlint.yamlrules import base, load_rules


@pytest.fixture(autouse=True)
def fresh_warnings(monkeypatch):
    monkeypatch.setattr(base, "_warned", set())


def write(folder: Path, name: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.yml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


# loading a style folder ------------------------------------------------------------

def test_a_style_folder_loads_with_vale_only_keys_and_types(tmp_path, capsys):
    style = tmp_path / "House"
    write(style, "Fix", """
        extends: substitution
        message: "Use '%s' instead of '%s'."
        matchcase: true
        action:
          name: replace
        swap:
          utilise: use
    """)
    write(style, "Program", "extends: script\nmessage: x\nscript: 'x := 1'\n")
    write(style, "Read", "extends: readability\nmessage: x\nmetrics: [Flesch-Kincaid]\ngrade: 8\n")
    write(style, "Kept", "extends: existence\nmessage: x\nraw: ['\\bfoo']\ntokens: [bar]\n")
    rules = {r.id: r for r in load_rules(style)}
    assert set(rules) == {"House.Fix", "House.Kept"}
    err = capsys.readouterr().err
    assert f"{style / 'Program.yml'}: rule House.Program: 'script' rules run a Tengo program" in err
    assert f"{style / 'Read.yml'}: rule House.Read: the rule type 'readability' is not supported" in err
    assert f"{style / 'Fix.yml'}: rule House.Fix: key 'matchcase'" in err and "ignored" in err
    assert err.count("\n") == 3
    assert rules["House.Fix"].action == base.Action("replace", ())
    load_rules(style)  # loaded again: no new warnings
    assert capsys.readouterr().err == ""


def test_an_action_is_stored_as_written_with_its_steps_flattened(tmp_path):
    write(tmp_path / "House", "Trim", """
        extends: existence
        message: x
        action:
          name: edit
          params:
            - [regex, '(\\w+)', '$1']
            - split
            - 0
        tokens: [foo]
    """)
    (rule,) = load_rules(tmp_path / "House")
    assert rule.action == base.Action("edit", ("regex", r"(\w+)", "$1", "split", "0"))


@pytest.mark.parametrize("body, key", [
    ("extends: existence\nmessage: x\ntokens: [a]\nswap: {a: b}\n", "swap"),  # another type's key
    ("extends: existence\nmessage: x\ntokens: [a]\nspelling: true\n", "spelling"),  # no key of Vale's
    ("extends: existence\nmessage: x\ntokens: [a]\naction: {name: explode}\n", "action"),
    ("extends: existance\nmessage: x\n", "extends"),
])
def test_keys_and_types_of_neither_format_are_still_errors(tmp_path, body, key):
    (tmp_path / "House").mkdir()
    (tmp_path / "House" / "Bad.yml").write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_rules(tmp_path / "House")
    assert f"key '{key}'" in str(err.value) and "Bad.yml" in str(err.value)


def test_strict_loading_of_textlints_own_packs_refuses_what_it_would_skip(tmp_path):
    write(tmp_path / "house", "Program", "extends: script\nmessage: x\nscript: 'x := 1'\n")
    with pytest.raises(ConfigError, match="key 'extends'"):
        load_rules(tmp_path / "house", strict=True)
    write(tmp_path / "other", "Named", "extends: existence\nmessage: x\nname: y\ntokens: [a]\n")
    with pytest.raises(ConfigError, match="key 'name'"):
        load_rules(tmp_path / "other", strict=True)
