"""Machine output formats: SARIF 2.1.0 (validated against its schema) and GitHub annotations."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from textlint.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed-article.txt"
#: The SARIF 2.1.0 schema ships in this npm package (MIT); it is fetched once into .cache/.
SCHEMA_PACKAGE = "@microsoft/jest-sarif@1.0.0-beta.0"
SCHEMA_MEMBER = "package/lib/schemas/sarif-2.1.0-rtm.5.json"


@pytest.fixture(scope="session")
def sarif_schema() -> dict:
    path = Path(os.environ.get("TEXTLINT_SARIF_SCHEMA", ROOT / ".cache" / "sarif-schema-2.1.0.json"))
    if not path.exists():
        npm = shutil.which("npm")
        assert npm, "npm is needed once to fetch the SARIF 2.1.0 schema (or set TEXTLINT_SARIF_SCHEMA)"
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([npm, "pack", SCHEMA_PACKAGE, "--silent"], cwd=tmp, check=True,
                           capture_output=True, timeout=300)
            (tarball,) = Path(tmp).glob("*.tgz")
            with tarfile.open(tarball) as tar:
                data = tar.extractfile(SCHEMA_MEMBER).read()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return json.loads(path.read_text(encoding="utf-8"))


def test_sarif_output_validates_against_the_schema(sarif_schema, tmp_path):
    md = tmp_path / "doc.md"
    md.write_text("# Title\n\nIt went to to Havana , they said.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--format", "sarif", str(SEED), str(md)])
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    jsonschema.validate(log, sarif_schema)
    run = log["runs"][0]
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert "cleanup.DoubledWord" in rule_ids
    results = run["results"]
    doubled = [r for r in results if r["ruleId"] == "cleanup.DoubledWord"]
    assert len(doubled) == 2
    region = doubled[0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (20, 18)
    assert rule_ids[doubled[0]["ruleIndex"]] == "cleanup.DoubledWord"
    assert doubled[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"] == {
        "charOffset": 1893, "charLength": 4}


def test_sarif_of_a_clean_file_is_valid_and_empty(sarif_schema, tmp_path):
    path = tmp_path / "ok.txt"
    path.write_text("Fine.\n", encoding="utf-8")
    log = json.loads(CliRunner().invoke(app, ["check", "--format", "sarif", str(path)]).stdout)
    jsonschema.validate(log, sarif_schema)
    assert log["runs"][0]["results"] == []


def test_sarif_validation_rejects_a_broken_log(sarif_schema):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"version": "2.1.0", "runs": [{"results": []}]}, sarif_schema)


def test_github_annotations(tmp_path):
    path = tmp_path / "a, b.txt"
    path.write_text("Line one.\nIt went to to Havana.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--format", "github", str(path)])
    assert result.exit_code == 1
    escaped = str(path).replace(",", "%2C").replace(":", "%3A")
    assert result.stdout == (f"::error file={escaped},line=2,col=9,endLine=2,endColumn=14,"
                             "title=cleanup.DoubledWord::cleanup.DoubledWord 'to' is repeated\n")
