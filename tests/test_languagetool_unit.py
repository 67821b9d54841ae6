"""LanguageTool integration without a server: offsets, batches, settings, selection, yielding, cache."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from textlint import registry
from textlint.config import Settings, load
from textlint.diagnostics import Diagnostic
from textlint.document import Document
from textlint.engine import Engine, Overrides
from textlint.errors import ConfigError
from textlint.languagetool import install, server
from textlint.languagetool.cache import ResultCache, key
from textlint.languagetool.client import SEPARATOR, base_url, batches, utf16_to_code_points
from textlint.languagetool.errors import LanguageToolError
from textlint.languagetool.rule import RULE_ID, LanguageToolRule, units_of
from textlint.languagetool.settings import LanguageToolSettings
from textlint.linter import Linter
from textlint.rule import Rule


def utf16_offset(text: str, cp: int) -> int:
    return len(text[:cp].encode("utf-16-le")) // 2


# -- offsets -------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "plain ascii text",
    "Café crème, Zoë and naïve Díaz-Canel",
    "😀 emoji first, then 👍🏽 and 🇨🇺 flags, then text",
    "mixed: é😀e\U0001d400x (math bold A) and 𠀋 (CJK extension B) end",
])
def test_utf16_offsets_map_back_to_code_points(text):
    convert = utf16_to_code_points(text)
    for cp in range(len(text) + 1):
        assert convert(utf16_offset(text, cp)) == cp


def test_utf16_offset_inside_a_surrogate_pair_rounds_down_to_the_character():
    text = "a😀b"
    assert utf16_to_code_points(text)(2) == 1


def test_batches_group_texts_up_to_the_limit_and_keep_order():
    texts = ["a" * 10, "b" * 10, "c" * 30, "d" * 5]
    groups = batches(texts, 25)
    assert [i for g in groups for i in g] == [0, 1, 2, 3]
    assert groups[0] == [0, 1]
    assert all(sum(len(texts[i]) + len(SEPARATOR) for i in g) <= 25 + len(texts[g[0]]) for g in groups)


@pytest.mark.parametrize("given, expected", [
    ("localhost:8081", "http://localhost:8081/"),
    ("http://127.0.0.1:8081/", "http://127.0.0.1:8081/"),
    ("http://lt.example:8081/v2/", "http://lt.example:8081/"),
    ("https://lt.example/v2", "https://lt.example/"),
])
def test_base_url(given, expected):
    assert base_url(given) == expected


# -- units ---------------------------------------------------------------------------------
def test_units_skip_headings_and_keep_offsets():
    text = "A Headline Without A Period\n\nHe go to school.  Second sentence.\n\nLast one here."
    doc = Document(text)
    units = list(units_of(doc))
    assert [t for _, t in units] == ["He go to school.  Second sentence.", "Last one here."]
    for offset, unit in units:
        assert text[offset:offset + len(unit)] == unit


def test_long_paragraphs_are_cut_at_sentence_ends():
    sentence = "This sentence is one of very many in a long paragraph. "
    text = (sentence * 1000).strip()
    units = list(units_of(Document(text)))
    assert len(units) > 1
    assert all(len(u) <= 20_000 for _, u in units)
    for offset, unit in units:
        assert text[offset:offset + len(unit)] == unit
        assert unit.startswith("This sentence")


# -- settings ------------------------------------------------------------------------------
def write_config(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "textlint.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_config_table(tmp_path):
    path = write_config(tmp_path, """
[languagetool]
enabled = true
url = "http://localhost:8081"
jvm-memory = "512m"
disabled-rules = ["EN_A_VS_AN", "*_HYPHEN"]
idle-timeout = 60
cache-dir = "cache"
""")
    s = load(path, trusted=True).languagetool  # the user's own file
    assert s.enabled is True and s.url == "http://localhost:8081" and s.jvm_memory == "512m"
    assert s.disabled_rules == ["EN_A_VS_AN", "*_HYPHEN"] and s.idle_timeout == 60
    assert s.cache_dir == (tmp_path / "cache").resolve()
    project = load(path)  # a project's file: no server, no directory
    assert project.languagetool.url is None and project.languagetool.cache_dir is None
    assert project.languagetool.jvm_memory == "512m" and len(project.warnings) == 2


@pytest.mark.parametrize("body, key_name", [
    ('enabled = "yes"', "languagetool.enabled"),
    ("threads = 0", "languagetool.threads"),
    ('preset = "loud"', "languagetool.preset"),
    ("disabled-rules = [1]", "languagetool.disabled-rules"),
    ("port = 70000", "languagetool.port"),
    ('jvm_memory = "1g"', "languagetool.jvm_memory"),
])
def test_config_errors_name_the_key(tmp_path, body, key_name):
    with pytest.raises(ConfigError) as e:
        load(write_config(tmp_path, f"[languagetool]\n{body}\n"))
    assert key_name in str(e.value) and "textlint.toml" in str(e.value)


def test_environment_overrides_the_file(monkeypatch, tmp_path):
    s = LanguageToolSettings(enabled=True, url="http://a:1", cache_dir=tmp_path / "x")
    monkeypatch.setenv("TEXTLINT_LANGUAGETOOL", "off")
    monkeypatch.setenv("TEXTLINT_LANGUAGETOOL_URL", "http://b:2")
    monkeypatch.setenv("TEXTLINT_CACHE_DIR", str(tmp_path / "env"))
    assert s.switch() is False
    assert s.server_url() == "http://b:2"
    assert s.root() == (tmp_path / "env").resolve() / "languagetool"
    s.url_option = "http://c:3"
    assert s.server_url() == "http://c:3"


# -- switch and selection ------------------------------------------------------------------
def lt_rules(engine: Engine) -> list[LanguageToolRule]:
    return [r for r in engine.rules if isinstance(r, LanguageToolRule)]


@pytest.fixture
def not_installed(monkeypatch, tmp_path):
    """An empty cache directory: LanguageTool is not installed; the switch is auto."""
    monkeypatch.setenv("TEXTLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("TEXTLINT_LANGUAGETOOL", raising=False)
    monkeypatch.delenv("TEXTLINT_LANGUAGETOOL_URL", raising=False)


def test_auto_is_off_when_not_installed(not_installed):
    assert lt_rules(Engine()) == []


def test_auto_is_on_with_a_server_url(not_installed, monkeypatch):
    monkeypatch.setenv("TEXTLINT_LANGUAGETOOL_URL", "http://127.0.0.1:9")
    assert len(lt_rules(Engine())) == 1


def test_switch_and_selection(not_installed):
    assert len(lt_rules(Engine(overrides=Overrides(languagetool=True)))) == 1
    assert lt_rules(Engine(overrides=Overrides(languagetool=False, select=["languagetool"]))) == []
    assert len(lt_rules(Engine(overrides=Overrides(select=["languagetool"])))) == 1
    assert lt_rules(Engine(overrides=Overrides(languagetool=True, ignore=["languagetool"]))) == []
    only = lt_rules(Engine(overrides=Overrides(select=["languagetool.EN_A_VS_AN"])))
    assert only[0].params() == {"language": "en-US", "enabledRules": ["EN_A_VS_AN"], "enabledOnly": True}
    extra = lt_rules(Engine(overrides=Overrides(languagetool=True, extend_select=["languagetool.MORFOLOGIK_RULE_EN_US"])))
    assert "MORFOLOGIK_RULE_EN_US" in extra[0].params()["enabledRules"]
    assert "TYPOS" in extra[0].params()["disabledCategories"]


def test_unknown_selectors_are_still_errors(not_installed):
    with pytest.raises(ConfigError):
        Engine(overrides=Overrides(ignore=["languagetool.lowercase"]))
    with pytest.raises(ConfigError):
        Engine(overrides=Overrides(select=["languagetool.EN_*"], languagetool=True))


def test_curated_params_and_filters():
    rule = LanguageToolRule()
    params = rule.params()
    assert "GRAMMAR" not in params["disabledCategories"] and "TYPOS" in params["disabledCategories"]
    assert "ENGLISH_WORD_REPEAT_RULE" in params["disabledRules"]
    assert "COMMA_PARENTHESIS_WHITESPACE" in params["enabledRules"]
    assert rule.filtered("WRITER_COMPOUNDS") and rule.filtered("CLEAR_CUT_HYPHEN")
    assert not rule.filtered("HE_VERB_AGR")
    rule.settings = LanguageToolSettings(enabled_rules=["WRITER_COMPOUNDS", "ENGLISH_WORD_REPEAT_RULE"],
                                         enabled_categories=["TYPOS"])
    params = rule.params()
    assert not rule.filtered("WRITER_COMPOUNDS")
    assert "ENGLISH_WORD_REPEAT_RULE" not in params["disabledRules"]
    assert "TYPOS" not in params["disabledCategories"]
    rule.settings = LanguageToolSettings(preset="languagetool", disabled_rules=["EN_*"])
    assert rule.params()["disabledCategories"] == [] and rule.filtered("EN_A_VS_AN")


def test_languagetool_rule_is_documented_and_listed():
    rule = next(r for r in registry.all_rules() if r.id == RULE_ID)
    doc = rule.documentation()
    for heading in ("## What it finds", "## Examples", "## Fix safety"):
        assert heading in doc
    assert rule.emits("languagetool.EN_A_VS_AN") and not rule.emits(RULE_ID)
    assert rule not in registry.shipped_rules()


# -- one finding per defect ----------------------------------------------------------------
class Fixed(Rule):
    """A rule that reports fixed spans."""

    def __init__(self, rule_id: str, spans: list[tuple[int, int]], yields: bool = False) -> None:
        Rule.__init__(self, id=rule_id, yields=yields)
        self.spans = spans

    def check(self, doc):
        for start, end in self.spans:
            yield Diagnostic(f"{self.id}" if not self.yields else f"service.R{start}", "m", start, end)


def test_yielding_findings_give_way_to_overlapping_ones_in_any_order():
    doc = Document("0123456789" * 3)
    own = Fixed("own.Rule", [(5, 10), (20, 20)])
    other = Fixed("service.Rule", [(0, 5), (4, 6), (9, 12), (12, 14), (20, 22), (25, 27)], yields=True)
    for rules in ([own, other], [other, own]):
        kept = [(d.start, d.end) for d in Linter(rules).lint(doc).diagnostics]
        assert kept == [(0, 5), (5, 10), (12, 14), (20, 20), (25, 27)]


def test_dropped_finding_ids():
    doc = Document("0123456789")
    other = Fixed("service.Rule", [(0, 2), (3, 4)], yields=True)
    kept = Linter([other], dropped=("service.R0",)).lint(doc).diagnostics
    assert [d.rule for d in kept] == ["service.R3"]
    assert Linter([other], dropped=("service.*",)).lint(doc).diagnostics == []


# -- cache -----------------------------------------------------------------------------------
def test_cache_round_trip_and_keys(tmp_path):
    cache = ResultCache(tmp_path / "r.sqlite3")
    k1, k2 = key("6.6", "{}", "He go."), key("6.6", '{"x": 1}', "He go.")
    assert k1 != k2 and k1 != key("6.7", "{}", "He go.")
    match = [3, 5, "HE_VERB_AGR", "GRAMMAR", "Grammar", "grammar", "msg 😀", ["goes"]]
    cache.put_many({k1: [match], k2: []})
    again = ResultCache(tmp_path / "r.sqlite3")
    assert again.get_many([k1, k2, "missing"]) == {k1: [match], k2: []}
    assert again.stats()[0] == 2 and again.clear() == 2


# -- install and start-up failures -----------------------------------------------------------
def test_pom_excludes_other_languages():
    pom = install.pom("6.6")
    assert "<artifactId>language-all</artifactId>" in pom
    assert "<artifactId>language-en</artifactId>" in pom and "language-de" not in pom


def test_verify_rejects_other_languages():
    ok = ["languagetool-server-6.6.jar", "language-en-6.6.jar", "language-es-6.6.jar", "language-detector-0.6.jar"]
    install._verify(ok, "6.6")
    with pytest.raises(LanguageToolError, match="language-de-6.6.jar"):
        install._verify(ok + ["language-de-6.6.jar"], "6.6")
    with pytest.raises(LanguageToolError, match="language-en"):
        install._verify(["languagetool-server-6.6.jar"], "6.6")


def test_missing_java_is_named(tmp_path):
    settings = LanguageToolSettings(java=str(tmp_path / "no-java"))
    with pytest.raises(LanguageToolError, match="Java not found at"):
        install.check_java(settings)


def test_no_java_anywhere(monkeypatch, tmp_path):
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(LanguageToolError, match="Java 17 or newer is needed"):
        install.check_java(LanguageToolSettings())


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands in for java")
def test_old_java_is_named(tmp_path):
    fake = tmp_path / "java"
    fake.write_text('#!/bin/sh\necho \'openjdk version "11.0.2" 2019-01-15\' >&2\n')
    fake.chmod(0o755)
    with pytest.raises(LanguageToolError, match="is Java 11"):
        install.check_java(LanguageToolSettings(java=str(fake)))


def test_start_without_install_says_how_to_install(not_installed):
    with pytest.raises(LanguageToolError, match="textlint languagetool install"):
        server.start(LanguageToolSettings())


def test_a_server_that_is_not_there_is_an_error_not_a_crash(not_installed):
    engine = Engine(Settings(languagetool=LanguageToolSettings(cache=False)),
                    Overrides(languagetool=True, languagetool_url="http://127.0.0.1:9"))
    result = engine.lint("They met in in Havana.\n")
    assert [d.rule for d in result.diagnostics] == ["cleanup.DoubledWord"]
    assert len(result.errors) == 1 and "127.0.0.1:9" in str(result.errors[0])
    assert os.environ.get("TEXTLINT_LANGUAGETOOL") is None
