"""Every suppression form: line, next line, range, file, per-file ignores, vocabulary."""

from __future__ import annotations

from textlint.config import Settings
from textlint.engine import Engine


def rules_at_lines(text: str, path: str = "a.txt", engine: Engine | None = None) -> list[tuple[int, str]]:
    engine = engine or Engine()
    doc = engine.document(text, path)
    return [(doc.position(d.start)[0], d.rule) for d in engine.lint(text, path).diagnostics]


def test_disable_line():
    text = "in in one <!-- textlint-disable-line -->\nto to two\n"
    assert rules_at_lines(text) == [(2, "cleanup.DoubledWord")]


def test_disable_next_line_with_a_pack():
    text = "<!-- textlint-disable-next-line cleanup -->\nin in one\nto to two\n"
    assert rules_at_lines(text) == [(3, "cleanup.DoubledWord")]


def test_disable_and_enable_a_range_for_one_rule():
    text = ("<!-- textlint-disable cleanup.DoubledWord -->\nin in , one\n"
            "<!-- textlint-enable cleanup.DoubledWord -->\nto to two\n")
    assert rules_at_lines(text) == [(2, "cleanup.SpaceBeforePunctuation"), (4, "cleanup.DoubledWord")]


def test_disable_without_enable_runs_to_the_end():
    text = "to to\n<!-- textlint-disable -->\nin in\nby by\n"
    assert rules_at_lines(text) == [(1, "cleanup.DoubledWord")]


def test_disable_file():
    text = "in in\n\nto to , x\n<!-- textlint-disable-file cleanup.DoubledWord -->\n"
    assert rules_at_lines(text) == [(3, "cleanup.SpaceBeforePunctuation")]


def test_plain_text_comment_lines():
    text = "# textlint-disable-next-line\nin in\n// textlint-disable-line\nto to\n"
    assert rules_at_lines(text) == [(4, "cleanup.DoubledWord")]


def test_hash_lines_are_headings_not_directives_in_markdown():
    text = "# textlint-disable-next-line\n\nin in\n"
    assert rules_at_lines(text, "a.md") == [(3, "cleanup.DoubledWord")]
    text = "<!-- textlint-disable-next-line -->\nin in\n"
    assert rules_at_lines(text, "a.md") == []


def test_directives_are_not_linted():
    text = "<!-- textlint-disable-next-line cleanup.DoubledWord,cleanup.Garbles -->\nok\n"
    assert rules_at_lines(text) == []


def test_vocabulary_words_are_never_errors():
    text = "Lavrov said so , and the zork zork band played.\n"
    assert len(rules_at_lines(text)) == 2
    engine = Engine(Settings(vocabulary=frozenset({"zork", "so"})))
    # the finding about the word goes; the one about the space before the comma stays
    assert rules_at_lines(text, engine=engine) == [(1, "cleanup.SpaceBeforePunctuation")]


def test_vocabulary_file_in_the_configuration(tmp_path):
    from textlint.config import ConfigFinder

    (tmp_path / "accept.txt").write_text("# project words\nzork   # a band\n", encoding="utf-8")
    (tmp_path / "textlint.toml").write_text('vocabulary = "accept.txt"\n', encoding="utf-8")
    settings = ConfigFinder().for_path(tmp_path / "a.txt")
    assert settings.vocabulary == frozenset({"zork"})
    assert rules_at_lines("The zork zork band.\n", engine=Engine(settings)) == []


def test_per_file_ignores(tmp_path):
    settings = Settings(path=tmp_path / "textlint.toml", per_file_ignores={"notes/*.txt": ["cleanup"]})
    engine = Engine(settings)
    assert engine.lint("in in\n", str(tmp_path / "notes" / "a.txt")).diagnostics == []
    assert engine.lint("in in\n", str(tmp_path / "b.txt")).diagnostics
