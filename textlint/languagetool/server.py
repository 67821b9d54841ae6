"""A background LanguageTool server per cache directory: started on demand, reused, stopped.

``ensure()`` returns the URL of a ready server, starting one when there is none:
it spawns a small supervisor process (``python -m textlint.languagetool.server``)
that takes an exclusive lock on ``server/server.lock`` (so one cache directory never
has two servers), starts ``java ... org.languagetool.server.HTTPServer`` on a free
loopback port, waits for its health check, warms it up, and writes
``server/state.json``. The supervisor then watches the server: it exits with it when
the server dies, and stops it after ``idle-timeout`` seconds without a client
(clients touch ``server/last-used``) or on SIGTERM (``textlint languagetool stop``).
On Linux the server also gets SIGTERM if the supervisor itself is killed.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from .errors import LanguageToolError
from .install import MAIN_CLASS, check_java, installation
from .settings import LanguageToolSettings

STATE, LOCK, LOG, USED = "state.json", "server.lock", "server.log", "last-used"
#: Tried when a free port turns out to be taken by the time the server binds it.
PORT_ATTEMPTS = 3
#: Texts that exercise the common rules, sent in turn after start-up, so that the Java
#: code of the rule set is compiled before the first real request (a cold first
#: request takes seconds).
WARM_UP = (
    "This are a example of an text that LanguageTool checks before its first request. "
    "He go to school yesterday, and their was nobody they're.",
    "During the visit to the capital, the minister said that the two countries would "
    "continue to cooperate at the international level. “We have agreed on a plan,” she "
    "told reporters on Thursday, adding that talks with its neighbours, which began in 2019, "
    "had been difficult but useful.",
    "In June, the government postponed the payment of loans until 2027; officials, "
    "however, did not explain why. The company's factories need new technologies, and "
    "training will be provided to the staff who work there.",
)


@dataclass
class ServerState:
    """``server/state.json``: what the supervisor tells its clients."""

    status: str  # starting, ready, failed, exited
    pid: int  # the supervisor
    url: str = ""
    port: int = 0
    java_pid: int = 0
    version: str = ""
    started: float = 0.0
    idle_timeout: float = 0.0
    error: str = ""


def server_dir(settings: LanguageToolSettings) -> Path:
    return settings.root() / "server"


def read_state(directory: Path) -> ServerState | None:
    try:
        data = json.loads((directory / STATE).read_text(encoding="utf-8"))
        return ServerState(**data)
    except (OSError, ValueError, TypeError):
        return None


def _write_state(directory: Path, state: ServerState) -> None:
    tmp = directory / f".{STATE}.{os.getpid()}"
    tmp.write_text(json.dumps(asdict(state)), encoding="utf-8")
    os.replace(tmp, directory / STATE)


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":  # os.kill(pid, 0) would terminate the process there
        import psutil

        return psutil.pid_exists(pid)
    try:  # our own child that exited is a zombie until reaped: reap it, it is gone
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            return False
    except ChildProcessError:
        pass  # not our child
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class DirectoryLock:
    """An exclusive, non-blocking lock on ``server.lock``, held for a process's lifetime."""

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self._file = open(directory / LOCK, "a+b")

    def acquire(self) -> bool:
        try:
            if os.name == "nt":
                import msvcrt

                self._file.seek(0)
                msvcrt.locking(self._file.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(self._file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def release(self) -> None:
        self._file.close()


def held(directory: Path) -> bool:
    """Whether a supervisor holds the lock of *directory*."""
    lock = DirectoryLock(directory)
    try:
        return not lock.acquire()
    finally:
        lock.release()


# -- client side ---------------------------------------------------------------------------
def running(settings: LanguageToolSettings) -> ServerState | None:
    """The state of a ready server of this cache directory, if there is one."""
    state = read_state(server_dir(settings))
    if state and state.status == "ready" and pid_alive(state.pid) and pid_alive(state.java_pid):
        return state
    return None


def touch(settings: LanguageToolSettings) -> None:
    """Tell the supervisor that a client uses the server (resets its idle timeout)."""
    path = server_dir(settings) / USED
    try:
        path.touch()
    except OSError:
        pass


def ensure(settings: LanguageToolSettings) -> str:
    """The URL of a ready server: the configured one, the running one, or a new one."""
    url = settings.server_url()
    if url:
        return url
    state = running(settings) or start(settings)
    touch(settings)
    return state.url


def start(settings: LanguageToolSettings) -> ServerState:
    """Start a background server for this cache directory, or wait for the one starting."""
    directory = server_dir(settings)
    found = installation(settings)
    if found is None:
        raise LanguageToolError(
            f"LanguageTool is not installed in {settings.root()}: run `textlint languagetool install` "
            "(or use a running server: [languagetool] url or $TEXTLINT_LANGUAGETOOL_URL)")
    java = check_java(settings)
    directory.mkdir(parents=True, exist_ok=True)
    touch(settings)
    deadline = time.monotonic() + settings.start_timeout + 30  # the supervisor times out first
    child: subprocess.Popen | None = None
    while time.monotonic() < deadline:
        state = read_state(directory)
        if state and state.status == "ready" and pid_alive(state.pid) and pid_alive(state.java_pid):
            return state
        if not held(directory):  # nobody is starting a server (any more)
            if child is None:
                (directory / STATE).unlink(missing_ok=True)
                child = _spawn_supervisor(settings, directory, java, found.classpath, found.version)
            elif child.poll() is not None:
                if state and state.status in ("failed", "exited"):
                    raise LanguageToolError(state.error)
                raise LanguageToolError(f"the LanguageTool supervisor exited with code {child.returncode}; "
                                        f"see {directory / 'supervisor.log'}")
        time.sleep(0.1)
    raise LanguageToolError(f"LanguageTool did not start within {settings.start_timeout:.0f} s "
                            f"(start-timeout); see {directory / LOG}")


def _spawn_supervisor(settings: LanguageToolSettings, directory: Path, java: Path,
                      classpath: str, version: str) -> subprocess.Popen:
    package_root = Path(__file__).resolve().parents[2]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(package_root), env.get("PYTHONPATH")]))
    cmd = [sys.executable, "-m", "textlint.languagetool.server", "--dir", str(directory),
           "--java", str(java), "--classpath", classpath, "--version", version,
           "--memory", settings.jvm_memory, "--port", str(settings.port),
           "--idle-timeout", str(settings.idle_timeout), "--start-timeout", str(settings.start_timeout)]
    kwargs: dict = {}
    if os.name == "nt":
        kwargs["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP | subprocess.DETACHED_PROCESS
    else:
        kwargs["start_new_session"] = True
    with open(directory / "supervisor.log", "ab") as log:
        return subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                close_fds=True, env=env, **kwargs)


def stop(settings: LanguageToolSettings, timeout: float = 30.0) -> ServerState | None:
    """Stop this cache directory's server; the state it had, or None when none ran."""
    directory = server_dir(settings)
    state = read_state(directory)
    if state is None or not pid_alive(state.pid) or state.status in ("failed", "exited"):
        return None
    os.kill(state.pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and (pid_alive(state.pid) or pid_alive(state.java_pid)):
        time.sleep(0.1)
    for pid in (state.java_pid, state.pid):
        if pid_alive(pid):
            os.kill(pid, getattr(signal, "SIGKILL", signal.SIGTERM))
    return state


# -- supervisor side -----------------------------------------------------------------------
def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _http_ok(url: str, data: bytes | None = None, timeout: float = 2.0) -> bool:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, data=data, timeout=timeout) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


def _die_with_parent() -> None:
    """In the server process (Linux): get SIGTERM when the supervisor dies."""
    import ctypes

    try:
        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _log_tail(path: Path, lines: int = 6) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    useful = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("at ")]
    return "\n".join(useful[-lines:])


class Supervisor:
    """Runs one LanguageTool server and watches it (see the module docstring)."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.dir = Path(args.dir)
        self.proc: subprocess.Popen | None = None
        self.stopping = False

    def run(self) -> int:
        lock = DirectoryLock(self.dir)
        for _ in range(20):  # a client may hold the lock for an instant to test it
            if lock.acquire():
                break
            time.sleep(0.05)
        else:
            return 0  # another supervisor owns this cache directory
        try:
            return self._run()
        finally:
            self._stop_server()
            lock.release()

    def _fail(self, message: str) -> int:
        _write_state(self.dir, ServerState("failed", os.getpid(), error=message))
        return 1

    def _run(self) -> int:
        a = self.args
        _write_state(self.dir, ServerState("starting", os.getpid()))
        for sig in (signal.SIGTERM, signal.SIGINT) + ((signal.SIGHUP,) if hasattr(signal, "SIGHUP") else ()):
            signal.signal(sig, self._on_signal)
        deadline = time.monotonic() + a.start_timeout
        for _attempt in range(PORT_ATTEMPTS):
            if a.port and not port_free(a.port):
                return self._fail(f"port {a.port} on 127.0.0.1 is already in use (the `port` setting); "
                                  "choose another or 0 for a free port")
            port = a.port or free_port()
            outcome = self._launch(port, deadline)
            if outcome == "ready":
                break
            if self.stopping:
                return 0
            tail = _log_tail(self.dir / LOG)
            if outcome == "port" and not a.port:
                continue  # someone took the free port first: try another
            if outcome == "port":
                return self._fail(f"port {port} on 127.0.0.1 is already in use; choose another `port`")
            if outcome == "timeout":
                return self._fail(f"LanguageTool did not answer within {a.start_timeout:.0f} s "
                                  f"(start-timeout) on port {port}; see {self.dir / LOG}\n{tail}")
            return self._fail(f"the LanguageTool server exited during start-up "
                              f"(code {self.proc.returncode}); see {self.dir / LOG}\n{tail}")
        else:
            return self._fail(f"no free port found after {PORT_ATTEMPTS} attempts")
        url = f"http://127.0.0.1:{port}/"
        from urllib.parse import urlencode

        for text in WARM_UP * 2:
            _http_ok(url + "v2/check", urlencode({"language": "en-US", "text": text}).encode(), timeout=120)
        _write_state(self.dir, ServerState("ready", os.getpid(), url, port, self.proc.pid, a.version,
                                           time.time(), a.idle_timeout))
        return self._watch()

    def _launch(self, port: int, deadline: float) -> str:
        """Start the server on *port*: "ready", "port" (taken), "exited" or "timeout"."""
        a = self.args
        cmd = [a.java, f"-Xmx{a.memory}", "-cp", a.classpath, MAIN_CLASS,
               "--port", str(port)]
        with open(self.dir / LOG, "wb") as log:
            self.proc = subprocess.Popen(
                cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, cwd=self.dir,
                preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None)
        health = f"http://127.0.0.1:{port}/v2/healthcheck"
        while time.monotonic() < deadline and not self.stopping:
            if self.proc.poll() is not None:
                log_text = (self.dir / LOG).read_text(encoding="utf-8", errors="replace")
                return "port" if "PortBindingException" in log_text else "exited"
            if _http_ok(health, timeout=1.0):
                return "ready"
            time.sleep(0.2)
        self._stop_server()
        return "timeout"

    def _watch(self) -> int:
        used = self.dir / USED
        ready = time.time()
        while not self.stopping:
            code = self.proc.poll()
            if code is not None:
                _write_state(self.dir, ServerState(
                    "exited", os.getpid(), error=f"the LanguageTool server exited (code {code}); "
                                                 f"see {self.dir / LOG}"))
                return 0
            if self.args.idle_timeout:
                try:
                    idle = time.time() - max(used.stat().st_mtime, ready)
                except OSError:
                    idle = time.time() - ready
                if idle > self.args.idle_timeout:
                    break
            time.sleep(0.5)
        self._stop_server()
        try:
            (self.dir / STATE).unlink()
        except OSError:
            pass
        return 0

    def _on_signal(self, signum, frame) -> None:
        self.stopping = True

    def _stop_server(self) -> None:
        proc = self.proc
        if proc is None or proc.poll() is not None:
            return
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Supervise a LanguageTool server (started by textlint).")
    ap.add_argument("--dir", required=True)
    ap.add_argument("--java", required=True)
    ap.add_argument("--classpath", required=True)
    ap.add_argument("--version", required=True)
    ap.add_argument("--memory", default="1g")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--idle-timeout", type=float, default=3600.0)
    ap.add_argument("--start-timeout", type=float, default=120.0)
    return Supervisor(ap.parse_args(argv)).run()


if __name__ == "__main__":
    raise SystemExit(main())
