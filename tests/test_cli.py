"""The command line end to end: exit codes, output formats, fixing, configuration, bad input."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from textlint.cli import app

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

runner = CliRunner()


def run(*args: str, input: str | bytes | None = None):
    return runner.invoke(app, list(args), input=input)


@pytest.fixture
def seed(tmp_path) -> Path:
    path = tmp_path / "article.txt"
    shutil.copy(FIXTURES / "seed-article.txt", path)
    return path


def test_check_reports_the_doubled_word_with_its_fix_safety(seed):
    result = run("check", str(seed))
    assert result.exit_code == 1
    line = next(x for x in result.stdout.splitlines() if "cleanup.DoubledWord" in x)
    # "the The" may be "a review of Of Mice and Men": an unsafe fix (docs/safe-fixes.md)
    assert line == f"{seed}:20:18: cleanup.DoubledWord 'the' is repeated [-]"


def test_diff_prints_and_writes_nothing(seed):
    before = seed.read_bytes()
    result = run("check", "--diff", str(seed))
    assert result.exit_code == 1
    assert any(x.startswith("-") and "developing successfullyas agreed" in x for x in result.stdout.splitlines())
    assert any(x.startswith("+") and "developing successfully as agreed" in x for x in result.stdout.splitlines())
    assert seed.read_bytes() == before


def test_diff_applies_with_patch_also_without_a_final_newline(tmp_path):
    path = tmp_path / "note.txt"
    path.write_bytes("First line.\u2028Same line.\n\nThe end of the the story".encode())
    result = run("check", "--diff", "--no-languagetool", str(path))
    assert result.stdout.endswith("+The end of the story\n\\ No newline at end of file\n")
    assert "@@ -1,3 +1,3 @@" in result.stdout  # only "\n" ends a line, not U+2028
    if shutil.which("patch"):
        import subprocess

        subprocess.run(["patch", "-s", str(path)], input=result.stdout.encode(), check=True)
        assert path.read_bytes() == "First line.\u2028Same line.\n\nThe end of the story".encode()


def test_fix_applies_the_safe_fixes_and_a_second_fix_changes_nothing(seed):
    result = run("check", "--fix", str(seed))
    text = seed.read_text(encoding="utf-8")
    assert "successfullyas" not in text and "developing successfully as agreed" in text
    assert "the The Kremlin" in text  # an unsafe fix
    assert "Fixed" in result.stderr
    mtime = seed.stat().st_mtime_ns
    time.sleep(0.01)
    again = run("check", "--fix", str(seed))
    assert seed.stat().st_mtime_ns == mtime  # an unchanged file is not rewritten
    assert "Fixed 0 problems" in again.stderr


def test_unsafe_fixes_need_the_flag(seed):
    run("check", "--fix", str(seed))
    assert "the calls “defense company”" in seed.read_text(encoding="utf-8")
    run("check", "--fix", "--unsafe-fixes", str(seed))
    assert "the so-called “defense company”" in seed.read_text(encoding="utf-8")


def test_exit_zero_reports_but_succeeds(seed):
    result = run("check", "--exit-zero", str(seed))
    assert result.exit_code == 0 and "cleanup.DoubledWord" in result.stdout
    assert run("check", "--exit-zero", "does/not/exist.txt").exit_code == 2


def test_clean_file_exits_zero(tmp_path):
    path = tmp_path / "ok.txt"
    path.write_text("A clean sentence.\n", encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 0 and result.stdout == ""


def test_json_output_matches_the_documented_schema(seed):
    result = run("check", "--format", "json", str(seed))
    items = json.loads(result.stdout)
    text = seed.read_text(encoding="utf-8")
    lines = text.split("\n")
    keys = {"path", "rule", "severity", "message", "start", "end", "line", "column",
            "end_line", "end_column", "fix"}
    assert items
    for item in items:
        assert set(item) == keys
        assert item["severity"] in ("error", "warning", "info")
        # line/column agree with the code point offsets
        for offset, line, column in ((item["start"], item["line"], item["column"]),
                                     (item["end"], item["end_line"], item["end_column"])):
            assert sum(len(x) + 1 for x in lines[:line - 1]) + column - 1 == offset
        if item["fix"] is not None:
            assert item["fix"]["applicability"] in ("safe", "unsafe", "display-only")
            for e in item["fix"]["edits"]:
                assert set(e) == {"start", "end", "content"}
                assert item["start"] <= e["start"] <= e["end"] <= item["end"]
    doubled = next(i for i in items if i["rule"] == "cleanup.DoubledWord")
    assert text[doubled["start"]:doubled["end"]] == "the The"


def test_jsonl_output_is_one_object_per_line(seed):
    result = run("check", "--format", "jsonl", str(seed))
    rows = [json.loads(x) for x in result.stdout.splitlines()]
    assert rows and all(r["path"] == str(seed) for r in rows)


def test_select_and_ignore(seed):
    only = run("check", "--select", "cleanup.DoubledWord", "--format", "json", str(seed))
    assert {i["rule"] for i in json.loads(only.stdout)} == {"cleanup.DoubledWord"}
    none = run("check", "--select", "cleanup", "--ignore", "cleanup.DoubledWord,cleanup.Garbles",
               "--format", "json", str(seed))
    assert not {i["rule"] for i in json.loads(none.stdout)} & {"cleanup.DoubledWord", "cleanup.Garbles"}


def test_unknown_selector_is_a_usage_error(seed):
    result = run("check", "--select", "nosuch.Rule", str(seed))
    assert result.exit_code == 2 and "unknown rule, pack or category 'nosuch.Rule'" in result.stderr


def test_extra_rules_from_a_directory(tmp_path):
    pack = tmp_path / "house"
    pack.mkdir()
    (pack / "Utilize.yml").write_text("extends: existence\nmessage: Use 'use'\ntokens: [utilize]\n",
                                      encoding="utf-8")
    text = tmp_path / "t.txt"
    text.write_text("We utilize it.\n", encoding="utf-8")
    result = run("check", "--rules", str(pack), str(text))
    assert result.exit_code == 1 and f"{text}:1:4: house.Utilize Use 'use'" in result.stdout


def test_statistics(seed):
    result = run("check", "--statistics", str(seed))
    assert any(x.split()[:2] == ["1", "cleanup.DoubledWord"] for x in result.stdout.splitlines())


def test_stdin_lints_and_fixes():
    result = run("check", "-", input="In 2021 the the Kremlin said.\n")
    assert result.exit_code == 1 and "-:1:9: cleanup.DoubledWord" in result.stdout
    fixed = run("check", "--fix", "-", input="In 2021 the the Kremlin said.\n")
    assert fixed.stdout == "In 2021 the Kremlin said.\n"


def test_directories_are_walked_with_include_patterns(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text("the the\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("in in\n", encoding="utf-8")
    (tmp_path / "c.py").write_text("x = 'the the'\n", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "d.txt").write_text("to to\n", encoding="utf-8")
    result = run("check", "--format", "json", str(tmp_path))
    assert sorted(Path(i["path"]).name for i in json.loads(result.stdout)) == ["a.md", "b.txt"]


def test_rules_lists_one_rule_per_line_id_first():
    result = run("rules")
    assert result.exit_code == 0
    ids = [line.split()[0] for line in result.stdout.splitlines()]
    assert "cleanup.DoubledWord" in ids and ids == sorted(ids)


def _rows(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if not line.startswith(" ")]


def test_rules_shows_the_default_rules_and_all_shows_every_rule_with_its_default():
    default, every = run("rules"), run("rules", "--all")
    assert default.exit_code == every.exit_code == 0
    assert all(" default:on " in row + " " for row in _rows(default.stdout))
    off = [row.split()[0] for row in _rows(every.stdout) if " default:off " in row + " "]
    assert "spacing.GluedPunctuation" in off
    assert len(_rows(every.stdout)) == len(_rows(default.stdout)) + len(off)
    assert f"{len(off)} rules off by default not shown; `textlint rules --all`" in default.stderr
    assert not every.stderr


@pytest.mark.parametrize("columns", [80, 120, 50])
def test_rules_wrap_at_the_width_with_an_indent(columns):
    result = runner.invoke(app, ["rules", "--all"], env={"COLUMNS": str(columns)})
    lines = result.stdout.splitlines()
    ids = [row.split()[0] for row in _rows(result.stdout)]
    assert ids == sorted(ids) and "cleanup.DoubledWord" in ids
    assert max(len(line) for line in lines) <= max(columns, max(len(i) for i in ids) + 40)
    assert any(line.startswith(" ") for line in lines)  # continuation lines are indented
    text = " ".join(line.strip() for line in lines)
    assert "A word written twice in a row within a sentence" in text


def test_rule_prints_its_documentation():
    result = run("rule", "cleanup.DoubledWord")
    assert result.exit_code == 0
    for part in ("# cleanup.DoubledWord", "## What it finds", "## Why", "## Examples", "## Fix safety"):
        assert part in result.stdout


def test_unknown_rule_is_an_error_with_a_hint():
    result = run("rule", "cleanup.DoubleWord")
    assert result.exit_code == 2 and "did you mean cleanup.DoubledWord" in result.stderr


# configuration ----------------------------------------------------------------------

def test_config_file_is_found_by_walking_up(tmp_path):
    (tmp_path / "textlint.toml").write_text('ignore = ["cleanup.DoubledWord"]\n', encoding="utf-8")
    (tmp_path / "docs").mkdir()
    path = tmp_path / "docs" / "a.txt"
    path.write_text("the the end\n", encoding="utf-8")
    assert run("check", str(path)).exit_code == 0


def test_pyproject_table_levels_and_per_file_ignores(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.textlint]\nselect = ["cleanup"]\n'
        '[tool.textlint.rules."cleanup.DoubledWord"]\nlevel = "info"\n'
        '[tool.textlint.per-file-ignores]\n"skip/*" = ["cleanup.DoubledWord"]\n', encoding="utf-8")
    (tmp_path / "skip").mkdir()
    (tmp_path / "skip" / "a.txt").write_text("the the end\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("the the end\n", encoding="utf-8")
    result = run("check", "--format", "json", str(tmp_path))
    items = json.loads(result.stdout)
    assert [(Path(i["path"]).name, i["severity"]) for i in items] == [("b.txt", "info")]


def test_rule_turned_off_in_config(tmp_path):
    conf = tmp_path / "custom.toml"
    conf.write_text('[rules]\n"cleanup.DoubledWord" = "off"\n', encoding="utf-8")
    path = tmp_path / "a.txt"
    path.write_text("the the end\n", encoding="utf-8")
    assert run("check", "--config", str(conf), str(path)).exit_code == 0


@pytest.mark.parametrize("body, expected", [
    ('colour = "red"\n', "key 'colour': unknown key"),
    ('select = "cleanup"\n', "key 'select': expected a list of strings"),
    ('[rules."cleanup.DoubledWord"]\nlevel = "loud"\n', "expected one of error, warning, info, off"),
    ('[rules."cleanup.Nope"]\nlevel = "error"\n', "key 'rules.cleanup.Nope': no such rule"),
    ('[rules."cleanup.DoubledWord"]\nlimit = 3\n', "unknown option(s) limit"),
    ('select = [\n', "invalid TOML"),
])
def test_bad_configuration_is_a_clear_error(tmp_path, body, expected):
    conf = tmp_path / "textlint.toml"
    conf.write_text(body, encoding="utf-8")
    path = tmp_path / "a.txt"
    path.write_text("text\n", encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 2
    assert str(conf) in result.stderr and expected in result.stderr
    assert "Traceback" not in result.stderr


def test_a_broken_pyproject_is_an_error_only_when_it_holds_our_table(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("text\n", encoding="utf-8")
    conf = tmp_path / "pyproject.toml"
    conf.write_text("[tool.textlint]\nselect = [\n", encoding="utf-8")
    result = run("check", "--no-languagetool", str(path))
    assert result.exit_code == 2 and str(conf) in result.stderr and "invalid TOML" in result.stderr
    conf.write_text("[tool.black]\nline-length = [\n", encoding="utf-8")
    assert run("check", "--no-languagetool", str(path)).exit_code == 0



@pytest.mark.parametrize("table", ["[tool.textlint]", '[tool."textlint"]', '[tool."\\u0074extlint"]',
                                   "[tool . 'textlint']"])
def test_a_pyproject_table_is_found_however_its_name_is_written(tmp_path, table):
    # a pyproject.toml that does not name textlint is not parsed (start-up); every spelling
    # of the table's name is still read
    (tmp_path / "pyproject.toml").write_text(f'{table}\nignore = ["cleanup.DoubledWord"]\n', encoding="utf-8")
    path = tmp_path / "a.txt"
    path.write_text("the the end\n", encoding="utf-8")
    assert run("check", "--no-languagetool", str(path)).exit_code == 0
    (tmp_path / "pyproject.toml").write_text('[tool.black]\nline-length = 99\n', encoding="utf-8")
    assert run("check", "--no-languagetool", str(path)).exit_code == 1


# bad input ---------------------------------------------------------------------------

def test_missing_path_is_exit_2():
    result = run("check", "does/not/exist.txt")
    assert result.exit_code == 2
    assert "does/not/exist.txt: no such file or directory" in result.stderr


def test_binary_files_in_a_directory_are_skipped_with_a_note(tmp_path):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0")
    (tmp_path / "a.txt").write_text("the the end\n", encoding="utf-8")
    result = run("check", str(tmp_path))
    assert result.exit_code == 1
    assert "image.txt: binary file" in result.stderr and "a.txt:1:1: cleanup.DoubledWord" in result.stdout


def test_invalid_utf8_names_file_and_byte_offset_and_other_files_are_linted(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xc3\xa9 ok \xff\xfe the the\n")
    (tmp_path / "good.txt").write_text("the the Havana\n", encoding="utf-8")
    before = bad.read_bytes()
    result = run("check", "--fix", str(tmp_path))
    assert result.exit_code == 2
    assert f"{bad}: not valid UTF-8 at byte offset 9" in result.stderr
    assert bad.read_bytes() == before
    assert (tmp_path / "good.txt").read_text(encoding="utf-8") == "the Havana\n"


def test_empty_file_is_clean(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = run("check", "--fix", str(path))
    assert result.exit_code == 0 and path.read_bytes() == b""


def test_ten_megabyte_single_line_finds_its_one_defect(tmp_path):
    # (its time against 1 MB is a benchmark: docs/benchmarks.md, peak memory rows)
    path = tmp_path / "big.txt"
    unit = "Lavrov met Raúl Castro in Havana, and they spoke of the treaty (see www.kremlin.ru). "
    path.write_text(unit * (10_000_000 // len(unit)) + "It ended in in Havana.", encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 1
    assert result.stdout.count("cleanup.DoubledWord") == 1
    assert len(result.stdout) < 1000  # the excerpt of a 10 MB line is not printed whole


def test_invalid_yaml_rule_is_a_clear_error(tmp_path):
    pack = tmp_path / "house"
    pack.mkdir()
    (pack / "Bad.yml").write_text("extends: existence\nmessage: [\n", encoding="utf-8")
    path = tmp_path / "a.txt"
    path.write_text("text\n", encoding="utf-8")
    result = run("check", "--rules", str(pack), str(path))
    assert result.exit_code == 2
    assert "Bad.yml: rule house.Bad: invalid YAML" in result.stderr and "Traceback" not in result.stderr


def test_regex_timeout_is_reported_and_other_rules_still_run(tmp_path, monkeypatch):
    from textlint.yamlrules import base

    monkeypatch.setattr(base, "TIMEOUT_BASE", 0.2)
    monkeypatch.setattr(base, "TIMEOUT_PER_MB", 0.0)
    pack = tmp_path / "house"
    pack.mkdir()
    (pack / "Slow.yml").write_text("extends: existence\nmessage: slow\nnonword: true\nraw: ['(x+x+)+y']\n",
                                   encoding="utf-8")
    path = tmp_path / "a.txt"
    path.write_text("the the " + "x" * 5000 + " y\n", encoding="utf-8")  # "y": else the rule skips it
    before = path.read_bytes()
    result = run("check", "--rules", str(pack), "--fix", str(path))
    assert result.exit_code == 2
    assert "house.Slow: pattern timed out" in result.stderr and "Traceback" not in result.stderr
    assert path.read_bytes() != before  # the doubled word was still fixed


# -- messages (issue 13, item 9) -----------------------------------------------------------------


@pytest.mark.parametrize("option", ["--select", "--ignore", "--extend-select"])
def test_an_unknown_rule_on_the_command_line_gets_a_did_you_mean(tmp_path, option):
    (tmp_path / "a.txt").write_text("the the end\n")
    result = run("check", "--no-languagetool", option, "cleanup.DoubleWord", str(tmp_path / "a.txt"))
    assert result.exit_code == 2
    assert (f"textlint: error: {option}: unknown rule, pack or category 'cleanup.DoubleWord' "
            "(did you mean `cleanup.DoubledWord`?)") in result.stderr


@pytest.mark.parametrize("name, body, key", [
    ("textlint.toml", 'select = ["cleanup.DoubleWord"]\n', "select"),
    ("textlint.toml", 'ignore = ["cleanup.DoubleWord"]\n', "ignore"),
    ("textlint.toml", '[per-file-ignores]\n"*.txt" = ["cleanup.DoubleWord"]\n', "per-file-ignores.*.txt"),
    ("pyproject.toml", '[tool.textlint]\nextend-select = ["cleanup.DoubleWord"]\n', "extend-select"),
    ("textlint.toml", '[rules."cleanup.DoubleWord"]\nlevel = "info"\n', "rules.cleanup.DoubleWord"),
])
def test_an_unknown_rule_in_a_config_file_names_the_file_and_the_key(tmp_path, name, body, key):
    (tmp_path / name).write_text(body)
    (tmp_path / "a.txt").write_text("the the end\n")
    result = run("check", "--no-languagetool", str(tmp_path / "a.txt"))
    assert result.exit_code == 2
    assert f"{tmp_path / name}: key '{key}': " in result.stderr
    assert "did you mean `cleanup.DoubledWord`" in result.stderr


def test_config_option_accepts_a_pyproject_style_file_of_any_name(tmp_path):
    other = tmp_path / "other.toml"
    other.write_text('[project]\nname = "x"\n\n[tool.textlint]\nselect = ["cleanup.DoubledWord"]\n\n'
                     '[tool.black]\nline-length = 3\n')
    (tmp_path / "a.txt").write_text("the the end.  Two  spaces.\n")
    result = run("check", "--no-languagetool", "--config", str(other), str(tmp_path / "a.txt"))
    assert result.exit_code == 1, result.stderr
    assert [line.split()[1] for line in result.stdout.splitlines()] == ["cleanup.DoubledWord"]


def test_a_pyproject_style_file_without_a_textlint_table_says_where_settings_go(tmp_path):
    other = tmp_path / "other.toml"
    other.write_text('[project]\nname = "x"\n')
    result = run("check", "--no-languagetool", "--config", str(other), str(tmp_path))
    assert result.exit_code == 2
    assert "key 'project': unknown key: a file laid out like pyproject.toml keeps textlint's settings " \
           "in a [tool.textlint] table" in result.stderr


def test_both_a_tool_table_and_top_level_keys_is_an_error(tmp_path):
    other = tmp_path / "other.toml"
    other.write_text('select = ["cleanup"]\n[tool.textlint]\nselect = ["spacing"]\n')
    result = run("check", "--no-languagetool", "--config", str(other), str(tmp_path))
    assert result.exit_code == 2 and "both a [tool.textlint] table and top-level textlint keys (select)" in result.stderr


@pytest.mark.parametrize("args, text, line", [
    ([], "the the end.\n", "1 problem found (1 fixable with --fix)."),
    ([], "the the end. A the the.\n", "2 problems found (2 fixable with --fix)."),
    (["--fix"], "the the end. He went to Russia.Moscow then.\n", "1 problem remains (1 with --fix --unsafe-fixes)."),
    (["--diff"], "the the end. He went to Russia.Moscow then.\n", "1 problem would remain (1 with --fix --unsafe-fixes)."),
    (["--fix"], "the the end. Russia.Moscow and Paris.Lyon.\n", "2 problems remain (2 with --fix --unsafe-fixes)."),
])
def test_the_summary_agrees_in_number(tmp_path, args, text, line):
    path = tmp_path / "a.txt"
    path.write_text(text)
    result = run("check", "--no-languagetool", *args, str(path))
    assert line in result.stderr.splitlines()


def test_a_file_that_is_not_utf8_gets_a_hint_and_encoding_reads_and_writes_it(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("Café owners said the the rest was fine.\n".encode("latin-1"))
    plain = run("check", "--no-languagetool", str(path))
    assert plain.exit_code == 2
    assert "not valid UTF-8 at byte offset 3" in plain.stderr and "--encoding latin-1" in plain.stderr
    linted = run("check", "--no-languagetool", "--encoding", "latin-1", str(path))
    assert linted.exit_code == 1 and f"{path}:1:18: cleanup.DoubledWord" in linted.stdout
    fixed = run("check", "--no-languagetool", "--encoding", "latin-1", "--fix", str(path))
    assert fixed.exit_code == 0, fixed.stderr
    assert path.read_bytes() == "Café owners said the rest was fine.\n".encode("latin-1")


def test_encoding_applies_to_a_filter_on_standard_input():
    data = "Café: the the end.\n".encode("cp1252")
    result = runner.invoke(app, ["check", "--no-languagetool", "--encoding", "cp1252", "--fix", "-"], input=data)
    assert result.stdout_bytes == "Café: the end.\n".encode("cp1252")


@pytest.mark.parametrize("name, message", [("nope", "unknown encoding 'nope'"),
                                           ("rot13", "'rot13' is not a text encoding")])
def test_an_unknown_encoding_is_a_usage_error(tmp_path, name, message):
    result = run("check", "--encoding", name, str(tmp_path))
    assert result.exit_code == 2 and f"error: --encoding: {message}" in result.stderr


def test_a_fix_the_encoding_cannot_hold_is_not_written(tmp_path):
    from textlint.files import Source, WriteError, write_source

    path = tmp_path / "a.txt"
    path.write_bytes("Caf\xe9\n".encode("latin-1"))
    source = Source(str(path), "Caf\xe9\n", encoding="iso8859-1")
    with pytest.raises(WriteError, match="iso8859-1 cannot encode; the file is unchanged"):
        write_source(source, "Caf\xe9 \u20ac\n")
    assert path.read_bytes() == b"Caf\xe9\n"


@pytest.mark.parametrize("args", [[], ["--format", "json"], ["--fix"]])
def test_an_empty_folder_says_no_files_were_found(tmp_path, args):
    (tmp_path / "notes.py").write_text("the the\n")
    result = run("check", "--no-languagetool", *args, str(tmp_path))
    assert result.exit_code == 0  # as ruff: nothing to lint is no error
    assert f"warning: no files to lint found in {tmp_path} (a directory walk lints *.markdown, *.md, " \
           "*.text, *.txt" in result.stderr
    assert "All clean." not in result.stderr


@pytest.mark.parametrize("args", [["--help"], ["check", "--help"], ["rules", "--help"]])
def test_help_can_be_piped(args):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "textlint", *args], capture_output=True, text=True,
                          timeout=120, cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 0, done.stderr
    assert "Usage:" in done.stdout and not done.stderr
