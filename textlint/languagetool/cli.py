"""``textlint languagetool install|start|stop|status|clear-cache``.

Exit codes: 0 done, 2 when something is missing or failed (the message says what).
"""

import sys
import time
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..cliapp import command_group

app = command_group("languagetool", "Install LanguageTool and manage its background server.")

ConfigOption = Annotated[Optional[Path], typer.Option(
    "--config", help="Use this configuration file instead of searching for one.")]
EXIT_ERROR = 2


def _say(message: str) -> None:
    print(message, flush=True)


def _fail(message: str) -> None:
    sys.stderr.write(f"textlint: error: {message}\n")
    raise typer.Exit(EXIT_ERROR)


def _settings(config: Path | None):
    from ..config import ConfigFinder
    from ..errors import ConfigError

    try:
        return ConfigFinder(config).for_path(None).languagetool
    except ConfigError as e:
        _fail(str(e))


@app.command()
def install(
    force: Annotated[bool, typer.Option("--force", help="Resolve the jars again even if installed.")] = False,
    config: ConfigOption = None,
) -> None:
    """Download LanguageTool's server and English with Maven into the cache directory."""
    from .errors import LanguageToolError
    from .install import install as run_install

    settings = _settings(config)
    try:
        run_install(settings, force=force, say=_say)
    except LanguageToolError as e:
        _fail(str(e))


@app.command()
def start(config: ConfigOption = None) -> None:
    """Start the background server now (textlint check also starts it on demand)."""
    from . import server
    from .errors import LanguageToolError

    settings = _settings(config)
    if settings.server_url():
        _say(f"Using the server at {settings.server_url()} (not managed by textlint).")
        return
    state = server.running(settings)
    if state:
        server.touch(settings)
        _say(f"LanguageTool is already running at {state.url} (pid {state.java_pid}).")
        return
    started = time.monotonic()
    try:
        state = server.start(settings)
    except LanguageToolError as e:
        _fail(str(e))
    _say(f"LanguageTool {state.version} is running at {state.url} (pid {state.java_pid}; "
         f"started in {time.monotonic() - started:.1f} s; {_idle(state.idle_timeout)}).")


@app.command()
def stop(config: ConfigOption = None) -> None:
    """Stop the background server of this cache directory."""
    from . import server

    settings = _settings(config)
    state = server.running(settings)
    stopped = server.stop(settings)
    if not stopped:
        _say("LanguageTool is not running.")
        return
    where = f" at {state.url}" if state else ""
    _say(f"Stopped LanguageTool{where} ({_processes(stopped)}).")


@app.command()
def status(config: ConfigOption = None) -> None:
    """Show the installation, the server, the switch and the result cache."""
    from . import VERSION, server
    from .cache import ResultCache
    from .errors import LanguageToolError
    from .install import check_java, installation, java_major

    settings = _settings(config)
    found = installation(settings)
    _say(f"LanguageTool {VERSION}: " + (f"installed in {found.lib.parent}" if found else
                                         f"not installed in {settings.root()} (run `textlint languagetool install`)"))
    try:
        java = check_java(settings)
        _say(f"Java: {java} (Java {java_major(java)})")
    except LanguageToolError as e:
        _say(f"Java: {e}")
    url = settings.server_url()
    if url:
        _say(f"Server: {url} (given by option, environment or `url`; not managed by textlint)")
    else:
        state = server.running(settings)
        if state:
            minutes = (time.time() - state.started) / 60
            _say(f"Server: running at {state.url} (pid {state.java_pid}, up {minutes:.0f} min, "
                 f"{_idle(state.idle_timeout)})")
        else:
            directory = server.server_dir(settings)
            last = server.read_state(directory)
            running = server.processes(directory)
            if running:
                why = (last.error if last and last.status == "corrupt"
                       else f"{directory / server.STATE} names no running server")
                _say(f"Server: not usable: {why}; running: {_processes(running)} "
                     "(`textlint languagetool stop` stops them; `textlint check` replaces them)")
            else:
                why = f"; last: {last.error}" if last and last.error else ""
                _say(f"Server: not running (textlint check starts it on demand){why}")
    switch = settings.switch()
    on = {True: "on", False: "off"}.get(switch, "auto: " + ("on" if found or url else "off"))
    _say(f"Switch: {on} (--languagetool/--no-languagetool, $TEXTLINT_LANGUAGETOOL, [languagetool] enabled)")
    cache = ResultCache(settings.root() / "results.sqlite3")
    entries, size = cache.stats()
    _say(f"Cache: {entries} paragraph results, {size / 1e6:.1f} MB in {cache.path}"
         + (f" (unusable: {cache.error})" if cache.error else ""))


@app.command("clear-cache")
def clear_cache(config: ConfigOption = None) -> None:
    """Forget every cached LanguageTool result."""
    from .cache import ResultCache

    settings = _settings(config)
    cache = ResultCache(settings.root() / "results.sqlite3")
    removed = cache.clear()
    if cache.error:
        _fail(f"cannot clear the cache: {cache.error}")
    _say(f"Removed {removed} cached results from {cache.path}.")


def _processes(found: dict[int, str]) -> str:
    """``supervisor pid 12, server pid 13``."""
    ordered = sorted(found.items(), key=lambda item: item[1] != "supervisor")
    return ", ".join(f"{role} pid {pid}" for pid, role in ordered)


def _idle(seconds: float) -> str:
    return f"stops after {seconds / 60:g} min idle" if seconds else "no idle timeout"
