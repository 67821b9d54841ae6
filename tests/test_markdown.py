"""Markdown: only prose is linted; offsets are exact; headings are known."""

from __future__ import annotations

from pathlib import Path

from textlint.engine import Engine
from textlint.markdown import analyse

SAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "cases" / "markdown.md"


def test_nothing_is_reported_in_code_urls_html_or_front_matter():
    text = SAMPLE.read_text(encoding="utf-8")
    engine = Engine()
    doc = engine.document(text, "sample.md")
    diagnostics = engine.lint(text, "sample.md").diagnostics
    # every line of the sample holds a defect; only these lines are prose
    assert sorted({doc.position(d.start)[0] for d in diagnostics}) == [6, 8, 9, 23, 28]
    # line 9 is flagged for its link text, not for its URL; line 10 (autolink, inline code) not at all
    (link,) = [d for d in diagnostics if doc.position(d.start)[0] == 9]
    assert text[link.start:link.end] == "the the" and doc.position(link.start)[1] == 10


def test_diagnostics_sit_at_exact_line_and_column():
    text = SAMPLE.read_text(encoding="utf-8")
    engine = Engine()
    doc = engine.document(text, "sample.md")
    found = {(doc.position(d.start), text[d.start:d.end]) for d in engine.lint(text, "sample.md").diagnostics}
    assert ((6, 31), "with with") in found        # heading
    assert ((8, 31), "the the") in found          # paragraph
    assert ((23, 20), "in in") in found           # list item
    assert ((28, 3), "the the") in found          # table cell


def test_fixes_never_touch_skipped_text():
    text = SAMPLE.read_text(encoding="utf-8")
    fixed = Engine().fix(text, "sample.md", unsafe=True).text
    for kept in ("`the the developingas`", "the the fenced code", "indented code: the the", "HTML block: the the",
                 "title: The the front matter", "https://example.com/the%20the/successfullyas",
                 "<https://example.org/in in>"):
        assert kept in fixed


def test_headings_are_known():
    text = "# Title of the page #\n\nBody text.\n\nSetext title\n============\n"
    _, headings = analyse(text)
    assert [text[h.start:h.end] for h in headings] == ["Title of the page", "Setext title"]


def test_format_follows_the_extension_and_the_configuration(tmp_path):
    from textlint.config import ConfigFinder

    (tmp_path / "textlint.toml").write_text('formats = { mdx = "markdown" }\n', encoding="utf-8")
    settings = ConfigFinder().for_path(tmp_path / "a.mdx")
    engine = Engine(settings)
    assert engine.document("x", "a.mdx").kind == "markdown"
    assert engine.document("x", "a.txt").kind == "text"
    assert Engine().document("x", "README.md").kind == "markdown"
    text = "Run `the the` now.\n"
    assert engine.lint(text, "a.mdx").diagnostics == []
    assert engine.lint(text, "a.txt").diagnostics


def test_technical_documentation_is_not_flagged():
    """API docs: type annotations in braces, identifiers also written in code, capitals
    after a list item's code, at a table cell's start and at a heading's start."""
    text = ("# API\n\nUse `fs.readFile()` and `EventEmitter` here.\n\n"
            "### The `--zero-fill-buffer` option\n\n"
            "The readFile function returns a {WritableStream} or {fs.Stats | null}; every "
            "EventEmitter emits.\n\n"
            "* `code` {string} The code to be executed.\n* Returns: {boolean} Any value.\n\n"
            "| Command | Notes |\n| --- | --- |\n| `a` | Exact match |\n")
    assert Engine().lint(text, "api.md").diagnostics == []


def test_camel_case_is_judged_in_prose_but_not_in_markdown_with_code():
    prose = "He met them out of CubaPutin said on Monday.\n"
    technical = "Use `fs.readFile()`, `fs.open()` or `fs.close()` here.\n\n" + prose
    one_block = "```\nprint()\n```\n\n" + prose  # one code block does not make it technical

    def runons(text: str) -> list[str]:
        return [text[d.start:d.end] for d in Engine().lint(text, "doc.md").diagnostics
                if d.rule == "spacing.RunOnWord"]

    assert runons(prose) == ["CubaPutin"]
    assert runons(one_block) == ["CubaPutin"]
    assert runons(technical) == []
