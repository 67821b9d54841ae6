"""textlint's YAML rules as Vale runs them: a Vale style folder loads whatever it holds,
and each rule type finds what Vale finds, on small texts written for these tests (the
comparison with Vale itself is a benchmark: bench/vale.py)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

from textlint.document import Document
from textlint.errors import ConfigError
from textlint.linter import Linter
from textlint.markdown import markdown_document
from textlint.yamlrules import base, load_rules
from vale_cases import CASES, DIFFERENCES


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


# each rule type and scope as Vale runs it ------------------------------------------

def lint_case(tmp_path: Path, rule: dict, file_name: str, text: str) -> list[tuple[int, int, str]]:
    """(line, column, text) of each finding of *rule* on *text*, linted as *file_name*."""
    style = tmp_path / "Case"
    style.mkdir()
    (style / "Rule.yml").write_text(yaml.safe_dump(rule), encoding="utf-8")
    (rule_object,) = load_rules(style)
    doc = markdown_document(text, file_name) if file_name.endswith(".md") else Document(text, file_name)
    found = []
    for d in Linter([rule_object]).lint(doc).diagnostics:
        line, column = doc.position(d.start)
        found.append((line, column, text[d.start:d.end]))
    return sorted(found)


@pytest.mark.parametrize("name, rule, file_name, text, expected", CASES, ids=[c[0] for c in CASES])
def test_a_rule_finds_what_vale_finds(tmp_path, name, rule, file_name, text, expected):
    # the expectations are Vale 3.22's output (python bench/vale.py --cases)
    assert lint_case(tmp_path, rule, file_name, text) == sorted(expected)


def test_findings_of_two_rules_on_one_span_both_stand(tmp_path):
    # Vale reports each rule's finding; textlint's one-finding-per-defect is for its own rules
    style = tmp_path / "Two"
    write(style, "A", "extends: existence\nmessage: a\ntokens: [stupid]\n")
    write(style, "B", "extends: existence\nmessage: b\ntokens: [stupid]\n")
    result = Linter(load_rules(style)).lint(Document("A stupid idea."))
    assert sorted(d.rule for d in result.diagnostics) == ["Two.A", "Two.B"]


def test_a_finding_over_inline_code_or_a_url_stands_for_a_vale_style_only(tmp_path):
    style = tmp_path / "House"
    write(style, "Parens", "extends: existence\nmessage: p\nnonword: true\ntokens: ['\\(.+?\\)']\n")
    text = "A line (see `zed`) and (http://example.com/x).\n"
    (rule,) = load_rules(style)
    assert len(Linter([rule]).lint(markdown_document(text)).diagnostics) == 2
    (strict,) = load_rules(style, strict=True)  # textlint's own packs leave non-prose alone
    assert Linter([strict]).lint(markdown_document(text)).diagnostics == []


def test_a_match_in_a_markdown_list_maps_back_to_the_source(tmp_path):
    # the block's text has no list markers, emphasis marks or indentation; positions are the source's
    found = lint_case(tmp_path, {"extends": "existence", "message": "m", "tokens": ["bold then", "next line"]},
                      "a.md", "- **bold** then\n  next line\n")
    assert found == [(1, 5, "bold** then"), (2, 3, "next line")]


def test_limit_caps_the_findings_of_a_rule_in_a_document(tmp_path):
    write(tmp_path / "House", "Few", "extends: existence\nmessage: m\nlimit: 2\ntokens: [zed]\n")
    (rule,) = load_rules(tmp_path / "House")
    assert len(list(rule.check(Document("zed zed zed zed")))) == 2


@pytest.mark.parametrize("name, rule, file_name, text, expected, vale", DIFFERENCES,
                         ids=[c[0] for c in DIFFERENCES])
def test_where_vale_loses_or_misplaces_a_finding_textlint_keeps_it(tmp_path, name, rule, file_name, text,
                                                                   expected, vale):
    # Vale's output is recorded in *vale* (python bench/vale.py --cases checks it)
    found = lint_case(tmp_path, rule, file_name, text)
    assert found == sorted(expected)
    assert len(found) > len(vale)


def test_a_scope_textlint_does_not_know_is_a_warning_in_a_style_and_an_error_in_its_packs(tmp_path, capsys):
    write(tmp_path / "House", "Alt", "extends: existence\nmessage: m\nscope: alt\ntokens: [zed]\n")
    (rule,) = load_rules(tmp_path / "House")
    assert "key 'scope': unknown scope 'alt'" in capsys.readouterr().err
    assert list(rule.check(Document("zed"))) == []
    with pytest.raises(ConfigError, match="unknown scope 'alt'"):
        load_rules(tmp_path / "House", strict=True)
