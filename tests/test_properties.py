"""Properties of linting and fixing random prose (strategies in tests/prose_strategies.py).

For a random document, linted as plain text and as Markdown, by the default rules and by
every rule, with safe fixes only and with unsafe ones too:

- nothing raises, and no rule reports an error;
- every diagnostic and every edit lies inside the text; its line and column are those of
  its offset (counted here independently); no edit splits a CRLF line ending;
- the edits of one fix, and the fixes applied in one round, never overlap;
- each round of ``--fix`` changes the text exactly by the reported fixes it applies (so
  nothing outside their edit spans changes), and the summary counts every one of them;
- fixing converges, and fixing the fixed text again changes nothing;
- under a ``textlint-disable-file`` comment nothing is reported;
- a document's findings do not depend on what the process linted before;
- ``check --fix -`` (an editor's filter) prints the fixed text in the input's encoding,
  byte order mark and line ends, or, when it cannot lint the input, the input unchanged.

The profile (tests/conftest.py) sets the number of examples: ``ci`` (the default) runs
200 per property, the same ones every time; ``long`` runs 10,000 fresh ones::

    HYPOTHESIS_PROFILE=long python -m pytest tests/test_properties.py
"""

from __future__ import annotations

import io

from hypothesis import example, given
from hypothesis import strategies as st
from prose_strategies import documents
from rich.console import Console
from typer.testing import CliRunner

from textlint.checks.spacing.model import clear_shared_caches
from textlint.cli import app
from textlint.diagnostics import Diagnostic, Fix
from textlint.engine import Engine, Overrides
from textlint.fixer import applicable, fix_text
from textlint.linter import LintResult
from textlint.output import Report, record
from textlint.output.github import write_github
from textlint.output.json import write_json
from textlint.output.sarif import write_sarif
from textlint.output.text import write_plain, write_rich

ENGINES = {
    "default": Engine(overrides=Overrides(languagetool=False)),
    "all": Engine(overrides=Overrides(select=["ALL"], languagetool=False)),
}


def expected_position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of *offset*, lines ending at each line feed."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def check_diagnostics(engine: Engine, text: str, path: str, diagnostics: list[Diagnostic]) -> None:
    """Spans and edits in bounds, not splitting a CRLF, located right, printable in every format."""
    doc = engine.document(text, path)
    report = Report(doc, diagnostics)
    for d in diagnostics:
        assert 0 <= d.start <= d.end <= len(text), d
        got = record(report, d)
        assert (got["line"], got["column"]) == expected_position(text, d.start), d
        assert (got["end_line"], got["end_column"]) == expected_position(text, d.end), d
        if d.fix is None:
            continue
        edits = d.fix.edits
        for e in edits:
            assert d.start <= e.start <= e.end <= d.end, d
            for offset in (e.start, e.end):
                assert not (0 < offset < len(text) and text[offset - 1:offset + 1] == "\r\n"), d
        for a, b in zip(edits, edits[1:]):
            assert a.end <= b.start, d
    write_plain([report], io.StringIO())
    write_json([report], io.StringIO())
    write_github([report], io.StringIO())
    write_sarif([report], {r.id: r for r in engine.rules}, io.StringIO())
    write_rich([report], Console(file=io.StringIO(), width=100, force_terminal=True))


def apply(text: str, fixes: list[Fix]) -> str:
    """*text* with the fixes' edits applied, checking that no two edits overlap."""
    edits = sorted((e for f in fixes for e in f.edits), key=lambda e: (e.start, e.end))
    out, pos = [], 0
    for i, e in enumerate(edits):
        assert e.start >= pos, f"edit {e} overlaps the one before it"
        if i and e.start == e.end == edits[i - 1].end:
            assert edits[i - 1].start != e.start, f"two insertions at {e.start}"
        out += [text[pos:e.start], e.content]
        pos = e.end
    return "".join(out) + text[pos:]


def check_fixing(engine: Engine, text: str, path: str, unsafe: bool) -> str:
    """Fix *text*, checking every round; the fixed text."""
    rounds: list[tuple[str, LintResult]] = []

    def lint(t: str) -> LintResult:
        result = engine.lint(t, path)
        rounds.append((t, result))
        return result

    result = fix_text(text, lint, unsafe)
    assert result.converged, f"{result.problem} after {len(rounds)} rounds"
    assert rounds[0][0] == text and rounds[-1][0] == result.text
    applied: list[tuple[str, str, int]] = []
    for i, (before, linted) in enumerate(rounds):
        assert not linted.errors, linted.errors
        check_diagnostics(engine, before, path, linted.diagnostics)
        taken = applicable(linted.diagnostics, unsafe)
        for d in taken:
            assert any(d is r for r in linted.diagnostics) and d.fix.applicability.allowed(unsafe), d
        if i + 1 < len(rounds):
            assert rounds[i + 1][0] == apply(before, [d.fix for d in taken]), \
                "a round changed text that no reported fix touches"
            applied += [(d.rule, d.message, i + 1) for d in taken]
        else:
            assert not taken, f"fixes remain after the last round: {taken}"
    # the summary lists every fix applied, in every round, at a place in the original text
    assert [(a.rule, a.message, a.round) for a in result.applied] == applied
    assert all(0 <= a.start <= len(text) for a in result.applied)
    assert engine.fix(text, path, unsafe).text == result.text
    return result.text


@given(documents(), st.sampled_from(["doc.txt", "doc.md"]), st.booleans(), st.sampled_from(sorted(ENGINES)))
@example("In December 2021 the The Kremlin announced it.\r\nThe the end.", "doc.txt", True, "all")
def test_fixing_random_prose_is_safe_and_idempotent(text, path, unsafe, engine):
    engine = ENGINES[engine]
    fixed = check_fixing(engine, text, path, unsafe)
    again = engine.fix(fixed, path, unsafe)
    assert again.text == fixed and again.count == 0
    silenced = engine.lint("<!-- textlint-disable-file -->\n" + text, path)
    assert not silenced.diagnostics and not silenced.errors


#: How an editor may hand a buffer over: (encoding, byte order mark).
ENCODINGS = [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
             ("utf-16-le", b""), ("utf-32-le", b"\xff\xfe\x00\x00"), ("utf-32-be", b"\x00\x00\xfe\xff")]


@given(documents(), st.sampled_from(["doc.txt", "doc.md"]), st.booleans(), st.sampled_from(ENCODINGS),
       st.booleans())
def test_fix_as_a_filter_prints_the_fixed_text_in_the_input_encoding(text, name, unsafe, encoding, invalid):
    """``check --fix -`` prints the whole fixed buffer the way it came in (encoding, byte order
    mark, CRLF line ends); a buffer it refuses (an invalid byte) comes back byte for byte."""
    codec, bom = encoding
    data = bom + text.encode(codec) + (b"\xff" if invalid else b"")
    if not bom and text.startswith("\ufeff"):  # the same bytes as a byte order mark and the rest
        bom, text = "\ufeff".encode(codec), text[1:]
    args = ["check", "--no-languagetool", "--fix", "-", "--stdin-filename", name]
    result = CliRunner().invoke(app, args + (["--unsafe-fixes"] if unsafe else []), input=data)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    out = result.stdout_bytes
    if invalid or out == data:
        assert out == data
        assert result.exit_code == 2 or ENGINES["default"].fix(text, name, unsafe).text == text
        return
    fixed = ENGINES["default"].fix(text, name, unsafe).text
    if text.count("\n") == text.count("\r\n") > 0:
        fixed = fixed.replace("\r\n", "\n").replace("\n", "\r\n")
    assert out == bom + fixed.encode(codec)



@given(documents(), st.data(), st.sampled_from(["doc.txt", "doc.md"]))
def test_findings_do_not_depend_on_the_documents_linted_before(text, data, path):
    """The spacing model's memo is shared by every document of a process (a directory run,
    each fix round): what one document taught it must not change another's findings."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()] or [text]
    before = data.draw(st.one_of(st.sampled_from(paragraphs), documents()), label="linted before")
    engine = ENGINES["all"]
    clear_shared_caches()
    cold = engine.lint(text, path).diagnostics
    clear_shared_caches()
    engine.lint(before, path)
    assert engine.lint(text, path).diagnostics == cold
