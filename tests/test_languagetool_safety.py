"""LanguageTool and untrusted input: project configuration, bad servers, a damaged cache.

A project's configuration (found next to the linted files, or given with --config) may
not name a program, a directory to run from, or a server (issue 11: S1-S3); a server
that does not answer, or answers what LanguageTool would not, is an error and never a
crash (H7, C3); findings received before a failure are kept (U9); a damaged result
cache is replaced (U8); a pid of ``state.json`` is signalled only when it is ours (H8).
The servers here are real HTTP servers on 127.0.0.1 (tests/lt_fake.py); the real
LanguageTool server is in test_languagetool_server.py.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from lt_fake import CLOSE, GOOD, HANG, FakeLanguageTool, Raw

from textlint.config import ConfigFinder, Settings, load
from textlint.engine import Engine, Overrides
from textlint.languagetool import server
from textlint.languagetool.cache import ResultCache
from textlint.languagetool.settings import LanguageToolSettings

ROOT = Path(__file__).resolve().parent.parent
DOC = "He go to school.\n\nThey met in in Havana.\n\nShe go home now.\n"


def run(*args: str, env: dict[str, str], cwd: Path = ROOT, timeout: float = 120) -> subprocess.CompletedProcess:
    """``python -m textlint ARGS`` with the switch on auto, no URL, and *env* on top."""
    base = {k: v for k, v in os.environ.items()
            if k not in ("TEXTLINT_LANGUAGETOOL", "TEXTLINT_LANGUAGETOOL_URL", "TEXTLINT_CACHE_DIR")}
    base["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-m", "textlint", *args], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", env={**base, **env}, timeout=timeout)


@pytest.fixture
def home(tmp_path) -> dict[str, str]:
    """An environment whose user cache is empty (LanguageTool not installed) and user config unset."""
    return {"XDG_CACHE_HOME": str(tmp_path / "user-cache"), "XDG_CONFIG_HOME": str(tmp_path / "user-config")}


def project(tmp_path: Path, config: str, text: str = DOC) -> Path:
    """A repository with a textlint.toml and doc.txt; the path of doc.txt."""
    repo = tmp_path / "repo"
    repo.mkdir(exist_ok=True)
    (repo / "textlint.toml").write_text(config, encoding="utf-8")
    (repo / "doc.txt").write_text(text, encoding="utf-8")
    return repo / "doc.txt"


def fake_install(base: Path) -> Path:
    """<base>/languagetool/6.6 as `install` leaves it, with a jar that is not one."""
    home = base / "languagetool" / "6.6"
    (home / "lib").mkdir(parents=True)
    (home / "installed.json").write_text('{"version": "6.6"}', encoding="utf-8")
    (home / "lib" / "languagetool-server-6.6.jar").write_bytes(b"PK\x03\x04 not a jar")
    return home


def engine(url: str, **options) -> Engine:
    options.setdefault("cache", False)
    settings = LanguageToolSettings(url_option=url, **options)
    return Engine(Settings(languagetool=settings), Overrides(languagetool=True))


# -- S1-S3: a project's configuration names no program, directory or server ------------------
def test_s1_a_project_cache_dir_is_never_run(tmp_path, home):
    doc = project(tmp_path, '[languagetool]\ncache-dir = "lt"\n')
    shipped = fake_install(doc.parent / "lt")
    out = run("check", str(doc), env=home)
    assert out.returncode == 1, out.stderr  # LanguageTool is not installed where the user keeps it: off
    assert "cleanup.DoubledWord" in out.stdout and "languagetool." not in out.stdout
    assert f"{doc.parent / 'textlint.toml'}: key 'languagetool.cache-dir' ignored" in out.stderr
    assert not (shipped.parent / "server").exists()  # no supervisor, no java ran from there

    (doc.parent / "textlint.toml").write_text('[languagetool]\nenabled = true\ncache-dir = "lt"\n')
    out = run("check", str(doc), env=home)
    trusted = Path(home["XDG_CACHE_HOME"]) / "textlint" / "languagetool"
    assert out.returncode == 2 and "cleanup.DoubledWord" in out.stdout
    assert f"LanguageTool is not installed in {trusted}" in out.stderr
    assert not (shipped.parent / "server").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands in for java")
def test_s2_a_project_java_is_never_executed(tmp_path, home):
    marker = tmp_path / "executed"
    evil = tmp_path / "evil.sh"
    evil.write_text(f"#!/bin/sh\ntouch {marker}\necho 'openjdk version \"17.0.1\"' >&2\n")
    evil.chmod(0o755)
    doc = project(tmp_path, f'[languagetool]\njava = "{evil}"\n')
    env = {**home, "TEXTLINT_CACHE_DIR": str(tmp_path / "cache")}
    fake_install(tmp_path / "cache")  # installed where the user keeps it: LanguageTool runs
    out = run("check", "--languagetool", str(doc), env=env)
    assert "key 'languagetool.java' ignored" in out.stderr
    assert out.returncode == 2 and "cleanup.DoubledWord" in out.stdout  # the broken jar fails
    out = run("languagetool", "status", "--config", str(doc.parent / "textlint.toml"), env=env)
    assert "key 'languagetool.java' ignored" in out.stderr and str(evil) not in out.stdout
    assert not marker.exists()


def test_s3_a_project_url_sends_nothing(tmp_path, home):
    with FakeLanguageTool() as fake:
        doc = project(tmp_path, f'[languagetool]\nurl = "{fake.url}"\n')
        out = run("check", str(doc), env=home)
        assert out.returncode == 1 and "languagetool." not in out.stdout  # the url does not switch it on
        assert "key 'languagetool.url' ignored: it names a server the text is sent to" in out.stderr

        (doc.parent / "textlint.toml").write_text(f'[languagetool]\nenabled = true\nurl = "{fake.url}"\n')
        out = run("check", str(doc), env=home)
        assert out.returncode == 2 and "is not installed in" in out.stderr
        out = run("check", "--config", str(doc.parent / "textlint.toml"), str(doc), env=home)
        assert out.returncode == 2 and "key 'languagetool.url' ignored" in out.stderr
        assert fake.paths == []  # not one request

        # the same key in the user's own configuration is theirs to set
        user = Path(home["XDG_CONFIG_HOME"]) / "textlint" / "textlint.toml"
        user.parent.mkdir(parents=True)
        user.write_text(f'[languagetool]\nurl = "{fake.url}"\n', encoding="utf-8")
        (doc.parent / "textlint.toml").write_text('[languagetool]\ndisabled-rules = ["EN_A_VS_AN"]\n')
        out = run("check", str(doc), env=home)
        assert out.returncode == 1 and "ignored" not in out.stderr, out.stderr
        assert out.stdout.count("languagetool.HE_VERB_AGR") == 2
        assert "EN_A_VS_AN" in fake.forms[-1]["disabledRules"].split(",")  # the project's rules apply


def test_user_configuration_is_trusted_and_under_the_project(tmp_path):
    user = tmp_path / "user" / "textlint.toml"
    user.parent.mkdir()
    user.write_text('select = ["cleanup"]\n[languagetool]\njava = "/opt/java"\ncache-dir = "c"\njvm-memory = "2g"\n')
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "textlint.toml").write_text('[languagetool]\njava = "/tmp/x"\njvm-memory = "512m"\n')
    warnings: list[str] = []
    finder = ConfigFinder(user=user, warn=warnings.append)
    own = finder.for_path(tmp_path / "elsewhere" / "a.txt")
    assert own.select == ["cleanup"] and own.languagetool.java == "/opt/java"
    assert own.languagetool.cache_dir == (tmp_path / "user" / "c").resolve()
    theirs = finder.for_path(repo / "a.txt")
    assert theirs.select is None  # the project's file decides what is checked
    assert theirs.languagetool.java == "/opt/java" and theirs.languagetool.jvm_memory == "512m"
    assert theirs.languagetool.cache_dir == (tmp_path / "user" / "c").resolve()
    assert len(warnings) == 1 and "languagetool.java" in warnings[0] and str(repo / "textlint.toml") in warnings[0]
    own_explicit = ConfigFinder(user, user=user, warn=warnings.append)  # --config of one's own file
    assert own_explicit.explicit is own_explicit.user and own_explicit.explicit.languagetool.java == "/opt/java"


def test_every_user_only_key_is_ignored_in_a_project(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.textlint.languagetool]\nurl = "http://x:1"\njava = "/x"\ncache-dir = "y"\n'
                    'jvm-memory = "1g"\nport = 8099\n')
    s = load(path)
    assert (s.languagetool.url, s.languagetool.java, s.languagetool.cache_dir) == (None, None, None)
    assert s.languagetool.port == 8099
    assert sorted(w.split("'")[1] for w in s.warnings) == ["languagetool.cache-dir", "languagetool.java",
                                                             "languagetool.url"]
    trusted = load(path, trusted=True).languagetool
    assert trusted.url == "http://x:1" and trusted.java == "/x" and trusted.cache_dir == (tmp_path / "y").resolve()


@pytest.mark.parametrize("memory", ["1g -XX:OnOutOfMemoryError=sh", "-1g", "", "1 g"])
def test_jvm_memory_is_a_size_and_nothing_else(tmp_path, memory):
    from textlint.errors import ConfigError

    (tmp_path / "textlint.toml").write_text(f'[languagetool]\njvm-memory = "{memory}"\n')
    with pytest.raises(ConfigError, match="jvm-memory"):
        load(tmp_path / "textlint.toml")


# -- H7: every request within request-timeout ---------------------------------------------
def test_h7_a_server_that_never_answers_fails_within_the_timeout(tmp_path, home):
    # the fake holds a hung request for 60 s: a bound well below that tells the timeout from a
    # hang, and leaves room for a loaded machine (a 15 s bound failed at load 20)
    with FakeLanguageTool(languages=HANG) as fake:
        doc = project(tmp_path, "[languagetool]\nrequest-timeout = 1\n")
        started = time.monotonic()
        out = run("check", "--languagetool-url", fake.url, str(doc), env=home, timeout=55)
        assert time.monotonic() - started < 45
        assert out.returncode == 2 and "cleanup.DoubledWord" in out.stdout
        assert f"no answer from the LanguageTool server at {fake.url} within 1 s (request-timeout)" in out.stderr
    with FakeLanguageTool(check=HANG) as fake:
        started = time.monotonic()
        result = engine(fake.url, request_timeout=0.5, threads=2, batch_chars=1).lint(DOC)
        assert time.monotonic() - started < 30
        assert len(result.errors) == 1 and "request-timeout" in str(result.errors[0])
        assert len(fake.checked) <= 2  # no request after the first one failed (two threads)


# -- C3: malformed answers are errors, not crashes -------------------------------------------
MATCH = {"offset": 3, "length": 2, "message": "m", "replacements": [{"value": "goes"}],
         "rule": {"id": "HE_VERB_AGR", "category": {"id": "GRAMMAR", "name": "Grammar"}}}


def matches(**change) -> dict:
    return {"matches": [{**MATCH, **change}]}


@pytest.mark.parametrize("languages, check, problem", [
    ({"en-US": "English"}, GOOD, "/v2/languages is not a list"),
    (["en-US"], GOOD, "/v2/languages is not a list"),
    ([{"code": "de", "longCode": "de-DE"}], GOOD, "does not know the language 'en-US'"),
    (GOOD, matches(rule="HE_VERB_AGR"), "no rule id"),
    (GOOD, matches(rule={"id": 7}), "no rule id"),
    (GOOD, matches(offset=None), "offset None"),
    (GOOD, matches(length=-2), "length -2"),
    (GOOD, matches(offset=True), "offset True"),
    (GOOD, matches(offset=10_000), "beyond the text"),
    (GOOD, matches(replacements=[{"value": 3}]), "replacements"),
    (GOOD, matches(message=None), "not a string"),
    (GOOD, {"matches": "none"}, "no list of matches"),
    (GOOD, [], "no list of matches"),
    (GOOD, Raw(200, b"<html>Service Unavailable</html>", "text/html"), "did not answer JSON"),
    (GOOD, Raw(500, b"java.lang.RuntimeException: boom"), "HTTP 500: java.lang.RuntimeException"),
    (GOOD, CLOSE, "the server closed the connection"),
], ids=lambda v: v if isinstance(v, str) else None)
def test_c3_malformed_answers_are_errors(languages, check, problem):
    with FakeLanguageTool(languages=languages, check=check) as fake:
        result = engine(fake.url).lint(DOC)
    assert [d.rule for d in result.diagnostics] == ["cleanup.DoubledWord"]
    assert len(result.errors) == 1
    message = str(result.errors[0])
    assert message.startswith("languagetool.LanguageTool: ") and fake.url in message
    assert problem in message, message


def test_c3_cli_prints_own_findings_and_exits_2(tmp_path, home):
    with FakeLanguageTool(check=matches(offset=None)) as fake:
        doc = project(tmp_path, "")
        out = run("check", "--languagetool-url", fake.url, str(doc), env=home)
    assert out.returncode == 2 and "cleanup.DoubledWord" in out.stdout
    assert "malformed answer from the LanguageTool server" in out.stderr and "Traceback" not in out.stderr


# -- U9: findings received before a failure are kept -------------------------------------------
def test_u9_findings_before_the_server_died_are_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("TEXTLINT_CACHE_DIR", str(tmp_path))
    broken = True
    with FakeLanguageTool(check=lambda n, text: CLOSE if broken and n > 1 else GOOD) as fake:
        result = engine(fake.url, cache=True, threads=1, batch_chars=1).lint(DOC)
        assert len(fake.checked) == 2  # nothing sent after the failure
        rules = [d.rule for d in result.diagnostics]
        assert rules == ["languagetool.HE_VERB_AGR", "cleanup.DoubledWord"]
        assert DOC[result.diagnostics[0].start:result.diagnostics[0].end] == "go"
        assert len(result.errors) == 1 and "closed the connection" in str(result.errors[0])

        broken = False  # the next run asks only for what is missing
        again = engine(fake.url, cache=True, threads=1, batch_chars=1).lint(DOC)
        assert fake.checked[2:] == ["They met in in Havana.", "She go home now."]
    assert [d.rule for d in again.diagnostics].count("languagetool.HE_VERB_AGR") == 2 and not again.errors


# -- U8: a damaged cache is replaced, with one warning -------------------------------------------
def test_u8_a_damaged_cache_is_replaced_once(tmp_path):
    path = tmp_path / "results.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    warnings: list[str] = []
    cache = ResultCache(path, warn=warnings.append)
    assert cache.get_many(["k"]) == {}
    cache.put_many({"k": [[0, 1, "R", "", "", "", "m", []]]})
    assert cache.get_many(["k"]) == {"k": [[0, 1, "R", "", "", "", "m", []]]}
    assert len(warnings) == 1 and "damaged" in warnings[0] and str(path) in warnings[0]
    assert cache.error is None
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM results").fetchone() == (1,)


def test_u8_an_unusable_cache_is_off_with_one_warning(tmp_path):
    (tmp_path / "results.sqlite3").mkdir()  # cannot be a database, cannot be replaced
    warnings: list[str] = []
    cache = ResultCache(tmp_path / "results.sqlite3", warn=warnings.append)
    assert cache.get_many(["k"]) == {}
    cache.put_many({"k": []})
    assert cache.clear() == 0
    assert cache.error and len(warnings) == 1 and "off for this run" in warnings[0]


def test_u8_clear_cache_and_check_repair_a_damaged_cache(tmp_path, home):
    env = {**home, "TEXTLINT_CACHE_DIR": str(tmp_path)}
    db = tmp_path / "languagetool" / "results.sqlite3"
    db.parent.mkdir()
    db.write_bytes(b"\x00garbage" * 1000)
    out = run("languagetool", "clear-cache", env=env)
    assert out.returncode == 0, out.stderr
    assert "Removed 0 cached results" in out.stdout and out.stderr.count("damaged") == 1
    with sqlite3.connect(db) as c:
        assert c.execute("SELECT count(*) FROM results").fetchone() == (0,)

    db.write_bytes(b"\x00garbage" * 1000)
    doc = project(tmp_path, "")
    with FakeLanguageTool() as fake:
        out = run("check", "--languagetool-url", fake.url, str(doc), env=env)
    assert out.returncode == 1 and out.stdout.count("languagetool.HE_VERB_AGR") == 2
    assert out.stderr.count("warning:") == 1 and "damaged" in out.stderr
    with sqlite3.connect(db) as c:
        assert c.execute("SELECT count(*) FROM results").fetchone()[0] == 3  # the cache works again


# -- H8: state.json is checked before anything is signalled ---------------------------------------
@pytest.mark.parametrize("content", ['{"status": "ready", "pid": "x"}', "{not json", '["ready"]',
                                     '{"status": "ready", "pid": 5, "url": "http://evil:1/", "java_pid": 6}'])
def test_h8_unusable_state_files_are_corrupt(tmp_path, content):
    (tmp_path / server.STATE).write_text(content, encoding="utf-8")
    state = server.read_state(tmp_path)
    assert state is not None and state.status == "corrupt" and str(tmp_path / server.STATE) in state.error


def test_h8_stop_and_status_never_signal_another_process(tmp_path, home):
    env = {**home, "TEXTLINT_CACHE_DIR": str(tmp_path)}
    directory = tmp_path / "languagetool" / "server"
    directory.mkdir(parents=True)
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        (directory / server.STATE).write_text(json.dumps({
            "status": "ready", "pid": other.pid, "url": "http://127.0.0.1:9/", "port": 9,
            "java_pid": other.pid, "version": "6.6", "started": time.time(), "idle_timeout": 60.0, "error": ""}))
        out = run("languagetool", "status", env=env)
        assert "Server: not running" in out.stdout, out.stdout
        out = run("languagetool", "stop", env=env)
        assert out.returncode == 0 and "LanguageTool is not running." in out.stdout
        time.sleep(0.2)
        assert other.poll() is None  # still alive: it is not ours
    finally:
        other.kill()
        other.wait()
