"""LanguageTool with the real server: findings, offsets, no duplicates, cache, lifecycle, failures.

The session starts one server (from the installation in the user's cache directory,
or $TEXTLINT_CACHE_DIR; installed with Maven when missing) in a temporary cache
directory and stops it at the end. When LanguageTool cannot be installed or
started these tests fail: they never skip.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from textlint.config import Settings
from textlint.engine import Engine, Overrides
from textlint.languagetool import VERSION, server
from textlint.languagetool.errors import LanguageToolError
from textlint.languagetool.install import install, installation
from textlint.languagetool.rule import LanguageToolRule
from textlint.languagetool.settings import LanguageToolSettings

ROOT = Path(__file__).resolve().parent.parent


def linked_cache(base: Path) -> Path:
    """A cache directory of its own (server, results) that uses the installed jars."""
    real = LanguageToolSettings()
    found = installation(real)
    if found is None:
        try:
            found = install(real, say=print)
        except LanguageToolError as e:
            pytest.fail(f"LanguageTool cannot be installed, so its tests cannot run: {e}")
    (base / "languagetool").mkdir(parents=True)
    os.symlink(found.lib.parent, base / "languagetool" / VERSION, target_is_directory=True)
    return base


@pytest.fixture(scope="session")
def lt(tmp_path_factory):
    """The session's server: its settings and state; $TEXTLINT_CACHE_DIR points at its cache."""
    base = linked_cache(tmp_path_factory.mktemp("lt-session"))
    old = os.environ.get("TEXTLINT_CACHE_DIR")
    os.environ["TEXTLINT_CACHE_DIR"] = str(base)
    settings = LanguageToolSettings()
    try:
        state = server.start(settings)
    except LanguageToolError as e:
        pytest.fail(f"the LanguageTool server does not start: {e}")
    yield settings, state
    stopped = server.stop(settings)
    assert stopped.get(state.pid) == "supervisor" and not server.pid_alive(state.java_pid)
    if old is None:
        del os.environ["TEXTLINT_CACHE_DIR"]
    else:
        os.environ["TEXTLINT_CACHE_DIR"] = old


@contextlib.contextmanager
def environment(**values: str):
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def engine(**options) -> Engine:
    return Engine(Settings(languagetool=LanguageToolSettings(**options)), Overrides(languagetool=True))


def checker(e: Engine):
    return next(r for r in e.rules if isinstance(r, LanguageToolRule)).checker()


def textlint(*args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "textlint", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", env={**os.environ, **(env or {})}, timeout=300)


# -- findings ------------------------------------------------------------------------------
def test_cli_reports_the_grammar_finding(lt, tmp_path):
    f = tmp_path / "he.txt"
    f.write_text("He go to school yesterday.\n", encoding="utf-8")
    out = textlint("check", "--languagetool", str(f))
    assert out.returncode == 1, out.stderr
    assert "languagetool.HE_VERB_AGR" in out.stdout and ":1:4:" in out.stdout
    js = json.loads(textlint("check", "--languagetool", "--format", "json", str(f)).stdout)
    assert js[0]["rule"] == "languagetool.HE_VERB_AGR" and js[0]["fix"]["applicability"] == "unsafe"
    assert "Grammar" in js[0]["message"]
    assert textlint("check", "--languagetool", "--ignore", "languagetool.HE_VERB_AGR", str(f)).returncode == 0
    assert textlint("check", "--no-languagetool", str(f)).returncode == 0


def test_python_api_runs_languagetool_only_when_asked(lt):
    import textlint

    text = "He go to school yesterday."
    with environment(TEXTLINT_LANGUAGETOOL="on"):  # not even the environment switches it on
        assert textlint.lint(text) == [] and textlint.lint(text, select=["languagetool"]) == []
    found = textlint.lint(text, languagetool=True)
    assert [(d.rule, d.start, d.end) for d in found] == [("languagetool.HE_VERB_AGR", 3, 5)]
    assert textlint.fix(text, languagetool=True).text == text  # its fixes are unsafe
    assert textlint.fix(text, languagetool=True, unsafe=True).text == "He goes to school yesterday."


TEXTS = [
    "Zoë’s café 😀 opened in Havana. This is an test.",
    "🇨🇺 Díaz-Canel and 👍🏽 Raúl said he go to school.",
    "𝐀 note in math bold: she eat a apple every day.",
]
EXPECTED = [("EN_A_VS_AN", "an", "a"), ("HE_VERB_AGR", "go", "goes"),
            ("HE_VERB_AGR", "eat", "eats"), ("EN_A_VS_AN", "a", "an")]


@pytest.mark.parametrize("batch_chars", [1, 10_000], ids=["one-request-per-paragraph", "one-request"])
def test_offsets_with_emoji_and_accents(lt, batch_chars):
    text = "\n\n".join(TEXTS) + "\n"
    result = engine(cache=False, batch_chars=batch_chars).lint(text)
    assert not result.errors
    found = [(d.rule.split(".", 1)[1], text[d.start:d.end], d.fix.edits[0].content) for d in result.diagnostics]
    assert found == EXPECTED
    fixed = engine(cache=False, batch_chars=batch_chars).fix(text, unsafe=True).text
    assert "This is a test." in fixed and "he goes to school" in fixed and "she eats an apple" in fixed
    assert "😀" in fixed and "👍🏽" in fixed and "𝐀" in fixed


def test_seed_article_adds_findings_without_duplicates(lt, seed_text):
    own = Engine(overrides=Overrides(languagetool=False)).lint(seed_text).diagnostics
    for preset in ("curated", "languagetool"):  # "languagetool": its spelling and word-repeat rules too
        result = engine(preset=preset).lint(seed_text)
        assert not result.errors
        assert set(own) <= set(result.diagnostics)
        added = [d for d in result.diagnostics if d not in own]
        assert all(d.rule.startswith("languagetool.") for d in added)
        for d in added:
            assert not any(o.start < max(d.end, d.start + 1) and d.start < max(o.end, o.start + 1) for o in own)
    alone = Engine(Settings(languagetool=LanguageToolSettings(preset="languagetool")),
                   Overrides(select=["languagetool"])).lint(seed_text).diagnostics
    assert "languagetool.ENGLISH_WORD_REPEAT_RULE" in {d.rule for d in alone}  # "the The": ours wins


def test_word_repeat_gives_way_to_doubled_word(lt):
    text = "They met in in Havana on Monday.\n"
    both = engine(enabled_rules=["ENGLISH_WORD_REPEAT_RULE"]).lint(text).diagnostics
    assert [d.rule for d in both] == ["cleanup.DoubledWord"]
    alone = Engine(Settings(languagetool=LanguageToolSettings(enabled_rules=["ENGLISH_WORD_REPEAT_RULE"])),
                   Overrides(select=["languagetool"])).lint(text).diagnostics
    assert [d.rule for d in alone] == ["languagetool.ENGLISH_WORD_REPEAT_RULE"]


def test_headings_and_names_are_not_flagged(lt):
    text = "Lavrov Meets Celac Leaders In Havana\n\nSergey Lavrov met Miguel Díaz-Canel and the Celac envoys.\n"
    assert engine().lint(text).diagnostics == []


# -- cache ---------------------------------------------------------------------------------
def test_unchanged_paragraphs_are_not_sent_again(lt):
    text = f"Paragraph one of run {time.time_ns()}: he go home.\n\nAnd paragraph two is fine.\n"
    first = engine()
    d1 = first.lint(text).diagnostics
    assert checker(first).requests == 2
    assert first.lint(text).diagnostics == d1 and checker(first).requests == 2
    second = engine()  # a new run: the results come from disk
    assert second.lint(text).diagnostics == d1 and checker(second).requests == 0
    changed = text.replace("is fine", "is fine too")
    second.lint(changed)
    assert checker(second).requests == 1
    other = engine(enabled_rules=["ENGLISH_WORD_REPEAT_RULE"])  # another rule configuration
    other.lint(text)
    assert checker(other).requests == 2


def test_fix_rounds_are_served_from_the_cache(lt):
    text = f"Run {time.time_ns()}: this is an test.\n\nThey met in in Havana.\n"
    e = engine()
    result = e.fix(text, unsafe=True)
    assert result.text.startswith("Run") and "this is a test." in result.text and "met in Havana" in result.text
    sent = checker(e).requests
    assert sent <= 4  # two paragraphs, each sent once before and once after its fix
    again = engine()
    assert again.fix(text, unsafe=True).text == result.text and checker(again).requests == 0


# -- lifecycle -----------------------------------------------------------------------------
def test_one_server_per_cache_directory(lt):
    settings, state = lt
    assert server.ensure(settings) == state.url
    java = server.check_java(settings)
    found = installation(settings)
    child = server._spawn_supervisor(settings, server.server_dir(settings), java, found.classpath, VERSION)
    assert child.wait(timeout=30) == 0  # the lock is taken: the second supervisor leaves
    assert server.running(settings).java_pid == state.java_pid


def test_status_start_stop_commands(lt):
    settings, state = lt
    out = textlint("languagetool", "status")
    assert out.returncode == 0 and f"running at {state.url}" in out.stdout
    out = textlint("languagetool", "start")
    assert out.returncode == 0 and "already running" in out.stdout


def test_request_timeout_is_reported(lt):
    e = engine(cache=False, request_timeout=0.001)
    result = e.lint(f"A new sentence {time.time_ns()} that he go to.\n\nThey met in in Havana.\n")
    assert [d.rule for d in result.diagnostics] == ["cleanup.DoubledWord"]
    assert "request-timeout" in str(result.errors[0])


def test_server_killed_mid_run_then_restarted_then_idle_exit(tmp_path):
    """Built-in findings survive a server that dies during a run; the next run starts a new
    server; a server without clients exits after its idle timeout."""
    base = linked_cache(tmp_path)
    env = {"TEXTLINT_CACHE_DIR": str(base)}
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        settings = LanguageToolSettings(threads=1, batch_chars=200)
        state = server.start(settings)
        text = "They met in in Havana.\n\n" + "\n\n".join(
            f"On day {i} of the talks, delegation {i * 7} met. He go to meeting number {i}."
            for i in range(600))
        log = server.server_dir(settings) / server.LOG
        warm_up = log.read_text(encoding="utf-8").count("Check done:")
        killed = threading.Event()

        def kill_after_some_answers() -> None:  # three answers of this run, then SIGKILL
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                if log.read_text(encoding="utf-8").count("Check done:") >= warm_up + 3:
                    os.kill(state.java_pid, 9)
                    killed.set()
                    return
                time.sleep(0.05)

        threading.Thread(target=kill_after_some_answers, daemon=True).start()
        result = engine(threads=1, batch_chars=200).lint(text)
        assert killed.is_set(), "the run ended before the server was killed"
        rules = {d.rule for d in result.diagnostics}
        assert "cleanup.DoubledWord" in rules
        assert "languagetool.HE_VERB_AGR" in rules  # the answers received before the kill are kept
        assert len(result.errors) == 1 and "LanguageTool server" in str(result.errors[0])
        assert "the server has stopped; the next run starts a new one" in str(result.errors[0])

        # the CLI: the error on stderr, the built-in finding on stdout, exit code 2
        f = tmp_path / "doc.txt"
        f.write_text("They met in in Havana.\n\nHe go to school yesterday.\n", encoding="utf-8")
        out = textlint("check", "--languagetool", "--languagetool-url", state.url, str(f))
        assert out.returncode == 2
        assert "cleanup.DoubledWord" in out.stdout and "LanguageTool server" in out.stderr

        deadline = time.monotonic() + 10
        while server.running(settings) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert server.running(settings) is None
        (tmp_path / "textlint.toml").write_text("[languagetool]\nidle-timeout = 4\n", encoding="utf-8")
        out = textlint("check", "--languagetool", str(f))  # starts a new server on demand
        assert out.returncode == 1 and "languagetool.HE_VERB_AGR" in out.stdout, out.stderr
        restarted = server.running(settings)
        assert restarted and restarted.java_pid != state.java_pid and restarted.idle_timeout == 4
        deadline = time.monotonic() + 30  # no client for 4 s: the server exits
        while server.pid_alive(restarted.java_pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not server.pid_alive(restarted.java_pid) and server.running(settings) is None
        out = textlint("languagetool", "stop")
        assert out.returncode == 0 and "not running" in out.stdout
    finally:
        server.stop(LanguageToolSettings())
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def test_taken_port_and_missing_java(tmp_path):
    base = linked_cache(tmp_path / "cache")
    env = {"TEXTLINT_CACHE_DIR": str(base)}
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        config = tmp_path / "textlint.toml"
        config.write_text(f"[languagetool]\nport = {port}\n", encoding="utf-8")
        f = tmp_path / "doc.txt"
        f.write_text("They met in in Havana.\n", encoding="utf-8")
        out = textlint("check", "--languagetool", str(f), env=env)
        assert out.returncode == 2
        assert "cleanup.DoubledWord" in out.stdout
        assert f"port {port} on 127.0.0.1 is already in use" in out.stderr

    config.unlink()
    user = tmp_path / "user-config" / "textlint" / "textlint.toml"  # `java` is the user's to set
    user.parent.mkdir(parents=True)
    user.write_text('[languagetool]\njava = "/nonexistent/bin/java"\n', encoding="utf-8")
    env["XDG_CONFIG_HOME"] = str(tmp_path / "user-config")
    out = textlint("check", "--languagetool", str(f), env=env)
    assert out.returncode == 2 and "cleanup.DoubledWord" in out.stdout
    assert "Java not found at /nonexistent/bin/java" in out.stderr
    out = textlint("languagetool", "start", env=env)
    assert out.returncode == 2 and "Java not found" in out.stderr


def test_h8_a_corrupt_state_file_is_recovered(tmp_path):
    """A corrupt state.json: `status` names the processes, `check` replaces them at once
    (not after start-timeout), `stop` finds them by their command lines. The supervisor
    never imports code from the directory textlint runs in."""
    base = linked_cache(tmp_path / "cache")
    env = {"TEXTLINT_CACHE_DIR": str(base)}
    with environment(**env):
        settings = LanguageToolSettings()
        directory = server.server_dir(settings)
        first = server.start(settings)
        try:
            (directory / server.STATE).write_text("{garbage", encoding="utf-8")
            out = textlint("languagetool", "status", env=env)
            assert "Server: not usable" in out.stdout
            assert f"supervisor pid {first.pid}" in out.stdout and f"server pid {first.java_pid}" in out.stdout

            repo = tmp_path / "repo"  # a repository with a package named like ours
            (repo / "textlint").mkdir(parents=True)
            marker = tmp_path / "imported"
            (repo / "textlint" / "__init__.py").write_text(f"open({str(marker)!r}, 'w').close()\n")
            (repo / "doc.txt").write_text("He go to school yesterday.\n", encoding="utf-8")
            started = time.monotonic()
            out = subprocess.run([sys.executable, "-P", "-m", "textlint", "check", "--languagetool", "doc.txt"],
                                 cwd=repo, capture_output=True, text=True, timeout=300,
                                 env={**os.environ, "PYTHONPATH": str(ROOT)})
            # before: every check waited start-timeout + 30 s (150 s), then failed
            assert out.returncode == 1 and "languagetool.HE_VERB_AGR" in out.stdout, out.stderr
            assert time.monotonic() - started < 150
            assert not marker.exists()
            assert not server.pid_alive(first.java_pid) and not server.pid_alive(first.pid)
            second = server.running(settings)
            assert second is not None and second.java_pid != first.java_pid

            (directory / server.STATE).write_text('{"status": "ready", "pid": 1}', encoding="utf-8")
            out = textlint("languagetool", "stop", env=env)
            stopped = f"Stopped LanguageTool (supervisor pid {second.pid}, server pid {second.java_pid})"
            assert out.returncode == 0 and stopped in out.stdout
            deadline = time.monotonic() + 10
            while server.pid_alive(second.java_pid) and time.monotonic() < deadline:
                time.sleep(0.1)
            assert not server.pid_alive(second.java_pid) and server.processes(directory) == {}
        finally:
            server.stop(settings)


def test_u7_a_damaged_installation_is_named_and_not_reused(tmp_path):
    """A damaged jar: the server starts but cannot check text. The message says so and
    how to repair it, and no broken server is left for the next run to reuse."""
    linked_cache(tmp_path / "probe")  # installs LanguageTool when it is missing
    found = installation(LanguageToolSettings())
    home = tmp_path / "cache" / "languagetool" / VERSION
    (home / "lib").mkdir(parents=True)
    shutil.copy(found.lib.parent / "installed.json", home)
    for jar in found.lib.iterdir():
        if jar.name != "english-pos-dict-0.6.jar":
            os.symlink(jar, home / "lib" / jar.name)
    damaged = home / "lib" / "english-pos-dict-0.6.jar"
    data = bytearray((found.lib / damaged.name).read_bytes())
    data[len(data) // 3:2 * len(data) // 3] = bytes(len(data) // 3)
    damaged.write_bytes(bytes(data))
    doc = tmp_path / "doc.txt"
    doc.write_text("They met in in Havana.\n\nThis are a example of an text that LanguageTool checks "
                   "before its first request.\n", encoding="utf-8")
    env = {"TEXTLINT_CACHE_DIR": str(tmp_path / "cache")}
    out = textlint("check", "--languagetool", str(doc), env=env)
    assert out.returncode == 2 and "cleanup.DoubledWord" in out.stdout
    assert f"its installation in {home} may be damaged" in out.stderr
    assert "textlint languagetool install --force" in out.stderr and "next run" not in out.stderr
    with environment(**env):
        settings = LanguageToolSettings()
        assert server.running(settings) is None and server.processes(server.server_dir(settings)) == {}


# -- the language server ---------------------------------------------------------------------
@pytest.mark.asyncio
async def test_the_language_server_publishes_languagetool_findings_after_its_own(lt, tmp_path):
    """`textlint lsp` with LanguageTool on (the editor asks): textlint's own findings are
    published first, without waiting for LanguageTool; its findings follow."""
    from lsprotocol import types as lsp
    from pytest_lsp import ClientServerConfig, client_capabilities

    client = await ClientServerConfig(server_command=[sys.executable, "-m", "textlint", "lsp"]).start()
    try:
        await client.initialize_session(lsp.InitializeParams(
            capabilities=client_capabilities("neovim"), root_uri=tmp_path.as_uri(),
            initialization_options={"textlint": {"languagetool": True}}))
        doc = tmp_path / "he.md"
        doc.write_text("He go to school. The the end.\n", encoding="utf-8")
        client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(
            uri=doc.as_uri(), language_id="markdown", version=1, text=doc.read_text(encoding="utf-8"))))
        published = []
        while not any(str(d.code).startswith("languagetool.") for d in (published[-1] if published else [])):
            params = await asyncio.wait_for(
                client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 120)
            published.append(params.diagnostics)
        assert [d.code for d in published[0]] == ["cleanup.DoubledWord"]
        codes = [d.code for d in published[-1]]
        assert codes == ["languagetool.HE_VERB_AGR", "cleanup.DoubledWord"]
        assert published[-1][0].range == lsp.Range(lsp.Position(0, 3), lsp.Position(0, 5))
        await client.shutdown_session()
    finally:
        await client.stop()
