"""Files whose lines end in a lone CR (classic Mac OS) are linted line by line and keep
their CRs when fixed, like CRLF files keep CRLF."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from textlint.cli import app
from textlint.document import Document
from textlint.files import decode

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
runner = CliRunner()


def test_cr_endings_are_line_breaks_with_the_same_offsets():
    source = decode(b"Title\r\rFirst line\rsecond line.\r", "a.txt")
    assert source.cr and not source.crlf
    assert source.text == "Title\n\nFirst line\nsecond line.\n"
    doc = Document(source.text)
    assert doc.position(source.text.index("second")) == (4, 1)
    assert [source.text[p.start:p.end] for p in doc.paragraphs] == ["Title", "First line\nsecond line."]
    assert source.encode(source.text) == b"Title\r\rFirst line\rsecond line.\r"
    assert source.encode("Title\n\nNew\nline\n") == b"Title\r\rNew\rline\r"


def test_other_line_endings_are_read_as_before():
    assert decode(b"a\nb\r\n", "a.txt").text == "a\nb\r\n"  # mixed: lone CRs are not line ends
    crlf = decode(b"a\r\nb\r\n", "a.txt")
    assert crlf.crlf and not crlf.cr and crlf.text == "a\r\nb\r\n"
    assert not decode(b"no line end", "a.txt").cr


def findings(path: Path) -> list[dict]:
    result = runner.invoke(app, ["check", "--format", "json", "--no-languagetool", str(path)])
    assert result.exit_code == 1, result.output
    return [{k: v for k, v in d.items() if k != "path"} for d in json.loads(result.stdout)]


def test_findings_in_a_cr_file_are_those_of_the_same_text_with_lf(tmp_path):
    # all findings were on line 1, paragraphs merged, and a heading became a false capital
    text = (FIXTURES / "seed-article.txt").read_text(encoding="utf-8")
    lf, cr = tmp_path / "lf.txt", tmp_path / "cr.txt"
    lf.write_bytes(text.encode("utf-8"))
    cr.write_bytes(text.replace("\n", "\r").encode("utf-8"))
    expected = findings(lf)
    assert len({d["line"] for d in expected}) > 5
    assert findings(cr) == expected


def test_fix_keeps_cr_endings_in_files_and_in_filter_mode(tmp_path):
    lf, cr = tmp_path / "lf.txt", tmp_path / "cr.txt"
    shutil.copy(FIXTURES / "seed-article.txt", lf)
    data = lf.read_bytes().replace(b"\n", b"\r")
    cr.write_bytes(data)
    for path in (lf, cr):
        runner.invoke(app, ["check", "--fix", "--no-languagetool", str(path)])
    fixed = lf.read_bytes()
    assert fixed != (FIXTURES / "seed-article.txt").read_bytes()
    assert cr.read_bytes() == fixed.replace(b"\n", b"\r")
    result = runner.invoke(app, ["check", "--fix", "--no-languagetool", "-"], input=data)
    assert result.stdout_bytes == fixed.replace(b"\n", b"\r")
