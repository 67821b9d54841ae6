""".vale.ini projects: parsing, glob sections, levels, vocabularies, ignores, scopes, errors,
and the command line (found like Vale finds it, or --vale-config)."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from textlint.cli import app
from textlint.config import Settings
from textlint.diagnostics import Severity
from textlint.errors import ConfigError
from textlint.vale import ini
from textlint.vale.engine import ValeEngine

SHARED_STYLES = Path(__file__).resolve().parents[2] / "shared" / "vale" / "styles"
SIX = ("Google", "Microsoft", "write-good", "proselint", "Joblint", "alex")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with two small styles and a vocabulary."""
    styles = tmp_path / "styles"
    write(styles / "House" / "Avoid.yml", """
        extends: existence
        message: "Avoid '%s'."
        level: warning
        ignorecase: true
        tokens: [utilize, leverage, Acme Cloud, acme]
    """)
    write(styles / "House" / "Weak.yml", """
        extends: existence
        message: "'%s' is weak."
        level: suggestion
        tokens: [very]
    """)
    write(styles / "Docs" / "Please.yml", """
        extends: existence
        message: "Drop '%s'."
        level: error
        ignorecase: true
        tokens: [please]
    """)
    write(styles / "config" / "vocabularies" / "Base" / "accept.txt", """
        # our product
        Acme Cloud
        leverage
    """)
    write(styles / "config" / "vocabularies" / "Base" / "reject.txt", "synergy\n")
    return tmp_path


def engine(root: Path, text: str) -> ValeEngine:
    path = write(root / ".vale.ini", text)
    return ValeEngine(Settings(path=path, vale=ini.load(path)))


def findings(eng: ValeEngine, text: str, path: str = "doc.md") -> list[tuple[str, str]]:
    return [(d.rule, text[d.start:d.end]) for d in eng.lint(text, path).diagnostics]


# parsing --------------------------------------------------------------------------------

def test_parse_reads_core_keys_sections_levels_and_comments(project):
    cfg = ini.parse(textwrap.dedent("""
        # a comment
        StylesPath = styles
        MinAlertLevel = warning ; an inline comment
        IgnoredScopes = code, tt, strong

        [*]
        House.Weak = NO

        [*.{md,txt}]
        BasedOnStyles = House, Docs
        House.Avoid = error
        TokenIgnores = (\\$[^\\n$]+\\$), x{2\\,}
        """), project / ".vale.ini")
    assert cfg.styles_path == project / "styles"
    assert cfg.min_level == "warning"
    assert cfg.ignored_scopes == ["code", "tt", "strong"]
    assert [s.glob for s in cfg.sections] == ["*", "*.{md,txt}"]
    md = cfg.sections[1]
    assert md.styles == ["House", "Docs"]
    assert md.levels == {"House.Avoid": "error"}
    assert md.token_ignores == [r"(\$[^\n$]+\$)", "x{2,}"]
    assert cfg.sections[0].levels == {"House.Weak": "NO"}


def test_glob_sections_match_like_vale():
    section = ini.Section("*.{md,txt}", 1)
    assert section.matches("doc.md") and section.matches("docs/deep/notes.txt")
    assert not section.matches("doc.rst") and not section.matches("doc.mdx")
    assert ini.Section("docs/**/*.md", 1).matches("docs/a/b.md")
    assert not ini.Section("!*.md", 1).matches("a.md") and ini.Section("!*.md", 1).matches("a.txt")
    assert ini.expand_braces("*.{md,txt}") == ["*.md", "*.txt"]


def test_a_walk_lints_the_files_the_sections_name(project):
    cfg = ini.parse("StylesPath = styles\n[*]\nBasedOnStyles = House\n[*.{rst,adoc}]\nHouse.Weak = NO\n",
                    project / ".vale.ini")
    assert cfg.include_patterns() == ["*.txt", "*.text", "*.md", "*.markdown", "*.rst", "*.adoc"]


@pytest.mark.parametrize("text, problem", [
    ("MinAlertLevel = loud\n", "line 1: MinAlertLevel must be suggestion, warning or error"),
    ("StylesPath = missing\n", "line 1: StylesPath: the folder"),
    ("StylesPath = styles\nnot a key\n", "line 2: expected 'key = value'"),
    ("StylesPath = styles\n[*.md]\nHouse.Avoid = loud\n", "line 3: 'House.Avoid = loud': expected NO"),
    ("[*.md]\nBasedOnStyles = House\n", "line 2: BasedOnStyles names styles but the file sets no StylesPath"),
    ("StylesPath = styles\nBasedOnStyles = House\n", "line 2: 'BasedOnStyles' is a section option"),
    ("[*.md]\nStylesPath = styles\n", "line 2: 'StylesPath' is a core option"),
])
def test_bad_input_is_an_error_naming_the_file_and_line(project, text, problem):
    path = write(project / ".vale.ini", text)
    with pytest.raises(ConfigError) as e:
        ini.load(path)
    assert str(path) in str(e.value) and problem in str(e.value)


def test_a_bad_ignore_pattern_is_an_error_naming_the_line(project):
    with pytest.raises(ConfigError, match=r"line 4: TokenIgnores: invalid regular expression '\(open'"):
        engine(project, "StylesPath = styles\n[*.md]\nBasedOnStyles = House\nTokenIgnores = (open\n")


def test_a_style_missing_from_styles_path_is_an_error_naming_the_line(project):
    with pytest.raises(ConfigError, match=r"line 3: style 'Nope' does not exist on StylesPath"):
        engine(project, "StylesPath = styles\n[*.md]\nBasedOnStyles = Nope\n")


def test_packages_and_servers_are_ignored_with_a_warning_never_fetched(project):
    path = write(project / ".vale.ini", """
        StylesPath = styles
        Packages = Google, https://example.invalid/style.zip
        NLPEndpoint = http://127.0.0.1:9
        [*.md]
        BasedOnStyles = House
    """)
    cfg = ini.load(path)
    assert any("'Packages' ignored" in w and "never downloads" in w for w in cfg.warnings)
    assert any("'NLPEndpoint' ignored" in w for w in cfg.warnings)
    eng = ValeEngine(Settings(path=path, vale=cfg))
    assert findings(eng, "We utilize it.") == [("House.Avoid", "utilize")]


# which rules run --------------------------------------------------------------------------

def test_sections_choose_styles_per_file(project):
    eng = engine(project, """
        StylesPath = styles
        [*.md]
        BasedOnStyles = House
        [*.txt]
        BasedOnStyles = Docs
    """)
    text = "Please utilize it."
    assert findings(eng, text, "a.md") == [("House.Avoid", "utilize")]
    assert findings(eng, text, "a.txt") == [("Docs.Please", "Please")]
    assert findings(eng, text, "a.rst") == []


def test_levels_turn_rules_and_styles_off_and_on_and_min_alert_level_filters(project):
    eng = engine(project, """
        StylesPath = styles
        MinAlertLevel = warning
        [*.md]
        BasedOnStyles = House
        House.Avoid = error
        Docs.Please = warning
        [*.txt]
        BasedOnStyles = House, Docs
        Docs = NO
        House.Weak = warning
    """)
    text = "Please utilize it, very much."
    md = eng.lint(text, "a.md").diagnostics
    # House.Weak is a suggestion, below MinAlertLevel; Docs.Please runs outside BasedOnStyles
    assert [(d.rule, d.severity) for d in md] == [("Docs.Please", Severity.WARNING),
                                                 ("House.Avoid", Severity.ERROR)]
    assert findings(eng, text, "a.txt") == [("House.Avoid", "utilize"), ("House.Weak", "very")]


def test_only_the_projects_rules_run_unless_the_command_line_adds_textlints(project):
    eng = engine(project, "StylesPath = styles\n[*.md]\nBasedOnStyles = House\n")
    assert {r.id.split(".")[0] for r in eng.rules} == {"House"}  # Docs is named nowhere
    assert findings(eng, "the the end, utilize", "a.md") == [("House.Avoid", "utilize")]


def test_rule_parameters_set_a_key_of_the_rule_wherever_it_runs(project):
    eng = engine(project, """
        StylesPath = styles
        [*.md]
        BasedOnStyles = House
        House.Avoid[ignorecase] = false
    """)
    assert findings(eng, "Utilize it; utilize that.") == [("House.Avoid", "utilize")]
    for key, problem in (("House.Avoid[level] = error", "set a level with 'House.Avoid = error'"),
                         ("House.Avoid[tokens] = x", "'tokens' is not adjustable")):
        with pytest.raises(ConfigError, match=problem):
            engine(project, f"StylesPath = styles\n[*.md]\nBasedOnStyles = House\n{key}\n")


# vocabularies ----------------------------------------------------------------------------

def test_accepted_terms_are_exceptions_and_rejected_terms_are_flagged(project):
    eng = engine(project, """
        StylesPath = styles
        Vocab = Base
        [*.md]
        BasedOnStyles = House, Vale
    """)
    text = "We leverage Acme Cloud, not acme alone; Leverage is not the accepted case; synergy."
    assert findings(eng, text) == [
        ("House.Avoid", "acme"),         # not inside the accepted phrase
        ("House.Avoid", "Leverage"),     # accepted terms are case-sensitive exceptions
        ("Vale.Terms", "Leverage"),      # an accepted term in another case (safe fix)
        ("Vale.Avoid", "synergy"),
    ]
    without_vale = engine(project, "StylesPath = styles\nVocab = Base\n[*.md]\nBasedOnStyles = House\n")
    # Vale.Terms and Vale.Avoid need the Vale style
    assert findings(without_vale, text) == [("House.Avoid", "acme"), ("House.Avoid", "Leverage")]


def test_rules_with_vocab_false_or_nonword_existence_ignore_the_vocabulary(project):
    styles = project / "styles"
    (styles / "House" / "Strict.yml").write_text(
        "extends: existence\nmessage: x\nvocab: false\ntokens: [leverage]\n", encoding="utf-8")
    (styles / "House" / "Marks.yml").write_text(
        "extends: existence\nmessage: x\nnonword: true\ntokens: ['leverage\\b']\n", encoding="utf-8")
    eng = engine(project, "StylesPath = styles\nVocab = Base\n[*.md]\nBasedOnStyles = House\n")
    assert findings(eng, "We leverage it.") == [("House.Marks", "leverage"), ("House.Strict", "leverage")]


def test_a_section_vocabulary_applies_to_that_sections_files_only(project):
    eng = engine(project, """
        StylesPath = styles
        [*.md]
        BasedOnStyles = House
        Vocab = Base
        [*.txt]
        BasedOnStyles = House
    """)
    assert findings(eng, "We leverage synergy.", "a.md") == [("Vale.Base.Avoid", "synergy")]
    assert findings(eng, "We leverage synergy.", "a.txt") == [("House.Avoid", "leverage")]


def test_a_missing_vocabulary_is_an_error(project):
    with pytest.raises(ConfigError, match="vocabulary 'Nope' not found"):
        engine(project, "StylesPath = styles\nVocab = Nope\n[*.md]\nBasedOnStyles = House\n")


# ignores and scopes -------------------------------------------------------------------------

def test_token_and_block_ignores_drop_the_findings_they_cover(project):
    eng = engine(project, r"""
        StylesPath = styles
        [*.md]
        BasedOnStyles = House
        TokenIgnores = (\$[^\n$]+\$)
        BlockIgnores = (?s)(<div>.*?</div>)
    """)
    text = "Math $utilize x$ here.\n\n<div>\nutilize\n</div>\n\nBut utilize this."
    assert [text[:d.start].count("\n") for d in eng.lint(text, "a.md").diagnostics] == [6]


def test_ignored_scopes_leave_out_bold_text_in_markdown(project):
    base = "StylesPath = styles\n{scopes}[*.md]\nBasedOnStyles = House\n"
    text = "Do **utilize** it, and utilize that."
    plain = engine(project, base.format(scopes=""))
    assert len(findings(plain, text)) == 2
    strong = engine(project, base.format(scopes="IgnoredScopes = code, strong\n"))
    assert [text[d.start - 4:d.end] for d in strong.lint(text, "a.md").diagnostics] == ["and utilize"]


def test_a_scope_textlint_does_not_know_is_one_warning(project, capsys):
    engine(project, "StylesPath = styles\nSkippedScopes = pre, aside\n[*.md]\nBasedOnStyles = House\n")
    err = capsys.readouterr().err
    assert err.count("scope 'aside'") == 1 and "'pre'" not in err


# the command line --------------------------------------------------------------------------

def run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_check_finds_the_vale_ini_from_the_working_directory(project, monkeypatch):
    write(project / ".vale.ini", "StylesPath = styles\n[*.md]\nBasedOnStyles = House\n")
    write(project / "docs" / "a.md", "We utilize it.\n")
    write(project / "docs" / "b.rst", "We utilize it.\n")
    monkeypatch.chdir(project)
    result = run("check", "docs", "--format", "json", "--no-progress")
    assert result.exit_code == 1, result.output
    found = json.loads(result.stdout)
    assert [(Path(d["path"]).name, d["rule"]) for d in found] == [("a.md", "House.Avoid")]


def test_a_textlint_configuration_wins_over_a_vale_ini(project, monkeypatch):
    write(project / ".vale.ini", "StylesPath = styles\n[*.md]\nBasedOnStyles = House\n")
    write(project / "textlint.toml", 'select = ["cleanup"]\n')
    write(project / "a.md", "We utilize it.\n")
    monkeypatch.chdir(project)
    result = run("check", "a.md", "--no-progress")
    assert "House.Avoid" not in result.output and result.exit_code == 0


def test_vale_config_option_names_the_project_file(project, tmp_path_factory, monkeypatch):
    write(project / "elsewhere.ini", "StylesPath = styles\n[*.txt]\nBasedOnStyles = Docs\n")
    other = tmp_path_factory.mktemp("text")
    write(other / "a.txt", "Please read.\n")
    monkeypatch.chdir(other)
    result = run("check", "a.txt", "--vale-config", str(project / "elsewhere.ini"), "--no-progress")
    assert "Docs.Please" in result.output and result.exit_code == 1
    bad = run("check", "a.txt", "--vale-config", str(project / "missing.ini"), "--no-progress")
    assert bad.exit_code == 2 and "missing.ini" in bad.output and "Traceback" not in bad.output


def test_the_language_server_lints_with_the_project_too(project, monkeypatch):
    from textlint.lsp.projects import Projects

    write(project / ".vale.ini", """
        StylesPath = styles
        Vocab = Base
        [*.md]
        BasedOnStyles = House
        TokenIgnores = (\\$[^\\n$]+\\$)
    """)
    monkeypatch.chdir(project)
    text = "We leverage it, $utilize$ and utilize."
    result = Projects(warn=lambda m: None).lint(text, project / "a.md", markdown=True)
    assert [(d.rule, text[d.start:d.end]) for d in result.diagnostics] == [("House.Avoid", "utilize")]
    assert result.diagnostics[0].start == text.rindex("utilize")


# the six published styles (../shared/vale) ---------------------------------------------------

@pytest.mark.skipif(not SHARED_STYLES.is_dir(), reason="../shared/vale is not here")
@pytest.mark.parametrize("style", SIX)
def test_each_published_style_loads_as_a_folder_in_a_project(tmp_path, style):
    eng = engine(tmp_path, f"StylesPath = {SHARED_STYLES}\n[*.md]\nBasedOnStyles = {style}\n")
    ours = [r for r in eng.linter_for(Path("a.md")).rules if r.id.startswith(f"{style}.")]
    files = sorted((SHARED_STYLES / style).glob("*.yml"))
    assert len(ours) == len(files) > 0
