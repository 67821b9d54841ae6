"""Vale's rule types beyond textlint's own (metric, spelling; sequence skipped) and Vale's
``action`` as textlint fixes, applied by ``check --fix`` to excerpts of published styles."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from textlint.cli import app
from textlint.diagnostics import Applicability
from textlint.document import Document
from textlint.errors import ConfigError
from textlint.markdown import markdown_document
from textlint.yamlrules import load_rule_file, load_rules
from textlint.yamlrules.action import suggestions
from textlint.yamlrules.base import Action

FIXTURE_STYLES = Path(__file__).resolve().parent.parent / "fixtures" / "vale" / "styles"


def rule_file(folder: Path, name: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.yml"
    path.write_text(textwrap.dedent(body).lstrip("\n"), encoding="utf-8")
    return path


def found(rule, text: str, markdown: bool = False) -> list[str]:
    doc = markdown_document(text) if markdown else Document(text)
    return [d.message for d in rule.check(doc)]


# metric ---------------------------------------------------------------------------------

GRADE = """
    extends: metric
    message: "Grade level %s."
    formula: |
      (0.39 * (words / sentences)) + (11.8 * (syllables / words)) - 15.59
    condition: "> 8"
"""
HARD = ("Notwithstanding considerable organizational complexity, comprehensive institutional "
        "reorganization necessitates extraordinarily sophisticated administrative coordination.")
EASY = "The cat sat on the mat. It was warm. We had tea."


def test_metric_flags_hard_text_and_leaves_easy_text(tmp_path):
    pytest.importorskip("syllables")
    rule = load_rule_file(rule_file(tmp_path / "S", "Grade", GRADE))
    messages = found(rule, HARD)
    assert len(messages) == 1 and messages[0].startswith("Grade level ")
    assert float(messages[0].split()[-1].rstrip(".")) > 20
    assert found(rule, EASY) == []


def test_metric_per_paragraph_and_block_variables(tmp_path):
    pytest.importorskip("syllables")
    per_paragraph = load_rule_file(rule_file(tmp_path / "S", "Para", GRADE + "    scope: paragraph\n"))
    text = f"{EASY}\n\n{HARD}\n\n{EASY}"
    diagnostics = list(per_paragraph.check(Document(text)))
    assert [d.start for d in diagnostics] == [text.index("Notwithstanding")]
    headings = load_rule_file(rule_file(tmp_path / "S", "Headings", """
        extends: metric
        message: "%s top-level headings."
        formula: heading.h1 + heading_h2 * 0
        condition: "> 1"
    """))
    assert found(headings, "# One\n\nText.\n\n# Two\n\nText.\n", markdown=True) == ["2.00 top-level headings."]
    assert found(headings, "# One\n\nText.\n\n## Two\n\nText.\n", markdown=True) == []


@pytest.mark.parametrize("formula, problem", [
    ("words / nonsense", "unknown variable 'nonsense'"),
    ("__import__('os').system('true')", "'formula': (unknown variable|only math functions)"),
    ("math.__dict__", "only math functions"),
    ("words +", "invalid expression"),
])
def test_metric_formulas_are_checked_never_run_as_programs(tmp_path, formula, problem):
    path = rule_file(tmp_path / "S", "Bad", f"""
        extends: metric
        message: "%s"
        formula: "{formula}"
        condition: "> 1"
    """)
    with pytest.raises(ConfigError, match=problem):
        load_rule_file(path)


# spelling -------------------------------------------------------------------------------

def tiny_dictionary(styles: Path) -> None:
    folder = styles / "config" / "dictionaries"
    folder.mkdir(parents=True)
    (folder / "tiny.aff").write_text("SET UTF-8\nSFX S Y 1\nSFX S 0 s .\n", encoding="utf-8")
    (folder / "tiny.dic").write_text("6\nthe\ncat/S\nsat\non\nmat/S\nand\n", encoding="utf-8")


def test_spelling_flags_words_no_dictionary_knows(tmp_path):
    pytest.importorskip("spylls")
    styles = tmp_path / "styles"
    tiny_dictionary(styles)
    (styles / "House").mkdir(parents=True)
    (styles / "House" / "words.txt").write_text("Kubernetes\n", encoding="utf-8")
    rule = load_rule_file(rule_file(styles / "House", "Spelling", """
        extends: spelling
        message: "Did you really mean '%s'?"
        dictionaries: [tiny]
        ignore: [House/words.txt]
        filters: ['[pP]y.*\\b']
    """))
    assert found(rule, "The cats sat on the mat.") == []
    assert found(rule, "The catt sat on Kubernetes, Python, JSON and JavaScript.") == [
        "Did you really mean 'catt'?"]  # ignore list, filter, built-in filters (caps, camel)
    assert found(rule, "The mat and iPhone.") == ["Did you really mean 'iPhone'?"]  # as Vale


def test_spelling_with_the_default_dictionary(tmp_path):
    pytest.importorskip("spylls")
    rule = load_rule_file(rule_file(tmp_path / "styles" / "House", "Spelling", """
        extends: spelling
        message: "'%s'?"
    """))
    assert found(rule, "We receive the colour of it.") == ["'colour'?"]  # en_US
    assert found(rule, "We recieve it.") == ["'recieve'?"]


def test_a_missing_dictionary_is_one_warning_and_the_rule_is_skipped(tmp_path, capsys):
    pytest.importorskip("spylls")
    rule = load_rule_file(rule_file(tmp_path / "styles" / "House", "Spelling", """
        extends: spelling
        message: "'%s'?"
        dictionaries: [absent]
    """))
    assert "the dictionary 'absent'" in capsys.readouterr().err
    assert found(rule, "Totally wrnog speling.") == []


def test_a_sequence_rule_is_skipped_with_a_warning_and_the_style_loads(tmp_path, capsys):
    style = tmp_path / "House"
    rule_file(style, "Seq", """
        extends: sequence
        message: "x"
        tokens:
          - tag: NN
    """)
    rule_file(style, "Avoid", "extends: existence\nmessage: x\ntokens: [foo]\n")
    assert [r.id for r in load_rules(style)] == ["House.Avoid"]
    assert "part-of-speech" in capsys.readouterr().err


# actions --------------------------------------------------------------------------------

@pytest.mark.parametrize("params, match, expected", [
    (["split", " ", "1"], "most unique", ["unique"]),
    (["truncate", " "], "the the", ["the"]),
    (["trim_right", ".?!"], "Headings!?", ["Headings"]),
    (["trim", " "], "  spaced ", ["spaced"]),
    (["regex", "(\\d+)-(\\d+)", "$1–$2"], "10-20", ["10–20"]),
    (["remove", "-"], "e-mail", ["email"]),
    (["replace", "cell ", "cell"], "cell phone", ["cellphone"]),
    (["lower", "capitalize"], "HELLO", ["Hello"]),
    (["smart"], "\"quoted\" -- it's", ["“quoted” – it’s"]),
    (["ascii"], "café – naïve", ["cafe -- naive"]),
    (["snake"], "Some Words", ["some_words"]),
    (["split", " ", "5"], "two words", []),
    (["words"], "1,021", ["one thousand twenty-one"]),
    (["words"], "42nd", ["forty-second"]),
    (["digits"], "two hundred and twelve", ["212"]),
    (["digits"], "twenty-first", ["21st"]),
    (["digits"], "many", ["many"]),
    (["title"], "a title", []),  # not reproduced: no fix
])
def test_edit_operations(params, match, expected):
    assert suggestions(Action("edit", tuple(params)), match) == expected


def test_other_actions():
    assert suggestions(Action("replace", ("$1ing",)), "runs", ("run",)) == ["runing"]
    assert suggestions(Action("remove"), "very") == [""]
    assert suggestions(Action("convert", ("simple",)), "autoRefresh") == ["auto refresh"]
    assert suggestions(Action("suggest", ("spellings",)), "wrod") == []


def test_a_bad_edit_is_a_warning_and_the_rule_has_no_fix(tmp_path, capsys):
    path = rule_file(tmp_path / "S", "Bad", """
        extends: existence
        message: x
        tokens: [foo]
        action:
          name: edit
          params: [split, ' ', first]
    """)
    rule = load_rule_file(path)
    assert "key 'action': 'split' index 'first' is not a number" in capsys.readouterr().err
    assert [d.fix for d in rule.check(Document("foo"))] == [None]


def test_fix_safety_of_action_fixes():
    styles = load_rules(FIXTURE_STYLES / "proselint") + load_rules(FIXTURE_STYLES / "alex")
    by_id = {r.id: r for r in styles}
    text = "His affrontery was most unique; a failed attempt."
    doc = Document(text)
    fixes = {d.rule: d.fix for r in by_id.values() for d in r.check(doc)}
    assert fixes["proselint.Nonwords"].applicability is Applicability.SAFE  # one replacement
    assert fixes["proselint.Uncomparables"].applicability is Applicability.UNSAFE  # an edit
    assert fixes["alex.Suicide"].applicability is Applicability.DISPLAY_ONLY  # two choices


def test_fix_applies_the_styles_action_fixes(tmp_path, monkeypatch):
    styles = tmp_path / "styles"
    shutil.copytree(FIXTURE_STYLES, styles)
    (tmp_path / ".vale.ini").write_text(
        "StylesPath = styles\n[*.txt]\nBasedOnStyles = proselint, alex, write-good\n", encoding="utf-8")
    doc = tmp_path / "a.txt"
    original = "His affrontery was the the talk.\nShe committed suicide after a failed attempt.\nIt was most unique.\n"
    doc.write_text(original, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    runner.invoke(app, ["check", "a.txt", "--fix", "--no-progress"])
    assert doc.read_text(encoding="utf-8") == (
        "His effrontery was the the talk.\nShe died by suicide after a failed attempt.\nIt was most unique.\n")
    runner.invoke(app, ["check", "a.txt", "--fix", "--unsafe-fixes", "--no-progress"])
    assert doc.read_text(encoding="utf-8") == (
        "His effrontery was the talk.\nShe died by suicide after a failed attempt.\nIt was unique.\n")
