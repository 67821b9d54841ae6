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

Both processes run with the server directory as their working directory, and are
known by their command lines (``--dir DIR``, ``-Dtextlint.languagetool.dir=DIR``):
a pid from ``state.json`` is signalled only after its command line says it is one
of them, and when ``state.json`` is unusable (corrupt, or naming other processes)
the processes of the directory are found by their command lines, and stopped so
that a new server can start.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path

from ..dataclass import dataclass
from .errors import LanguageToolError
from .install import MAIN_CLASS, Installation, check_java, installation
from .settings import LanguageToolSettings

STATE, LOCK, LOG, USED = "state.json", "server.lock", "server.log", "last-used"
#: Seconds the last start took (what the notice of the next start announces).
START_SECONDS = "start-seconds"
#: Announced before a first start has been measured: 15-30 s on a loaded 2-core machine.
DEFAULT_START_SECONDS = 20
STATUSES = ("starting", "ready", "failed", "exited")
SUPERVISOR_MODULE = "textlint.languagetool.server"
#: The Java system property that marks a server textlint started, with its server directory.
SERVER_MARK = "-Dtextlint.languagetool.dir="
#: Seconds a client waits for a usable state while another process holds the lock,
#: before it stops the processes of the directory and starts a new server.
STALL_GRACE = 3.0
#: What a damaged installation writes to the server log.
_DAMAGE = re.compile(r"ZipException|ZLIB|NoClassDefFoundError|ClassNotFoundException|corrupt|"
                     r"invalid LOC header|error in opening zip file")
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

    status: str  # starting, ready, failed, exited; "corrupt" when read_state cannot use the file
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


_STATE_TYPES = {"status": str, "pid": int, "url": str, "port": int, "java_pid": int, "version": str,
                "started": (int, float), "idle_timeout": (int, float), "error": str}


def read_state(directory: Path) -> ServerState | None:
    """``state.json``; None when there is none, status "corrupt" (error: why) when it is unusable."""
    path = directory / STATE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as e:
        return ServerState("corrupt", 0, error=f"{path} is unreadable: {e}")
    if (not isinstance(data, dict) or set(data) - set(_STATE_TYPES) or "status" not in data or "pid" not in data
            or not all(isinstance(v, _STATE_TYPES[k]) and not isinstance(v, bool) for k, v in data.items())):
        return ServerState("corrupt", 0, error=f"{path} is not a state textlint wrote")
    state = ServerState(**data)
    if state.status not in STATUSES or state.pid <= 0 or (
            state.status == "ready" and (state.java_pid <= 0 or not state.url.startswith("http://127.0.0.1:"))):
        return ServerState("corrupt", 0, error=f"{path} is not a state textlint wrote")
    return state


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


def role(pid: int, directory: Path) -> str | None:
    """"supervisor" or "server" when *pid* is textlint's supervisor or LanguageTool server of
    *directory* (by its command line), else None (another process, or none)."""
    if not pid_alive(pid):
        return None
    import psutil

    try:
        return _role(psutil.Process(pid).cmdline(), directory)
    except psutil.Error:
        return None


def _role(cmdline: list[str], directory: Path) -> str | None:
    if MAIN_CLASS in cmdline and f"{SERVER_MARK}{directory}" in cmdline:
        return "server"
    if SUPERVISOR_MODULE in cmdline and "--dir" in cmdline:
        i = cmdline.index("--dir")
        if cmdline[i + 1:i + 2] == [str(directory)]:
            return "supervisor"
    return None


def processes(directory: Path) -> dict[int, str]:
    """Textlint's supervisors and LanguageTool servers of *directory*: pid -> role."""
    import psutil

    found = {}
    for proc in psutil.process_iter(["cmdline"]):
        r = _role(proc.info["cmdline"] or [], directory)
        if r:
            found[proc.pid] = r
    return found


def terminate(found: dict[int, str], directory: Path, timeout: float = 30.0) -> None:
    """Stop the processes *found* (pid -> role): SIGTERM to the supervisors (each stops its
    server), to servers without one, then SIGKILL what is left after *timeout* seconds.
    A pid is signalled only while :func:`role` still says it is what it was."""
    supervised = "supervisor" in found.values()
    for pid, r in found.items():
        if (r == "supervisor" or not supervised) and role(pid, directory) == r:
            _signal(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(role(pid, directory) == r for pid, r in found.items()):
        time.sleep(0.1)
    for pid, r in found.items():
        if role(pid, directory) == r:
            _signal(pid, getattr(signal, "SIGKILL", signal.SIGTERM))


def _signal(pid: int, sig: int) -> None:
    try:
        os.kill(pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def verified(state: ServerState, directory: Path) -> bool:
    """A ready state whose supervisor and server are alive and are ours."""
    return (state.status == "ready" and role(state.pid, directory) == "supervisor"
            and role(state.java_pid, directory) == "server")


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
    directory = server_dir(settings)
    state = read_state(directory)
    return state if state and verified(state, directory) else None


def touch(settings: LanguageToolSettings) -> None:
    """Tell the supervisor that a client uses the server (resets its idle timeout)."""
    path = server_dir(settings) / USED
    try:
        path.touch()
    except OSError:
        pass


def ensure(settings: LanguageToolSettings, announce: bool = True) -> str:
    """The URL of a ready server: the configured one, the running one, or a new one (with
    *announce*, a line on standard error says so; see :func:`start`)."""
    url = settings.server_url()
    if url:
        return url
    state = running(settings) or start(settings, announce)
    touch(settings)
    return state.url


def expected_start(settings: LanguageToolSettings) -> int:
    """Seconds a start is expected to take: the last one measured here, else a default."""
    try:
        seconds = float((server_dir(settings) / START_SECONDS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return DEFAULT_START_SECONDS
    return max(1, round(seconds)) if 0 < seconds < 3600 else DEFAULT_START_SECONDS


def start(settings: LanguageToolSettings, announce: bool = False) -> ServerState:
    """Start a background server for this cache directory, or wait for the one starting.

    With *announce*, one line on standard error says that LanguageTool starts, how long
    that takes and how to skip it; on a terminal a spinner runs while it starts.
    """
    from ..progress import note, waiting

    directory = server_dir(settings)
    found = installation(settings)
    if found is None:
        raise LanguageToolError(
            f"LanguageTool is not installed in {settings.root()}: run `textlint languagetool install` "
            "(or use a running server: `url` in your own configuration, $TEXTLINT_LANGUAGETOOL_URL "
            "or --languagetool-url)")
    java = check_java(settings)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)  # its log can quote the text checked
    if announce:
        note(f"textlint: starting LanguageTool (first run in this session, ~{expected_start(settings)} s; "
             "`--no-languagetool` to skip)")
    began = time.monotonic()
    with waiting("Starting LanguageTool ..."):
        state, spawned = _start(settings, directory, java, found)
    if spawned:
        try:
            (directory / START_SECONDS).write_text(f"{time.monotonic() - began:.1f}\n", encoding="utf-8")
        except OSError:
            pass
    return state


def _start(settings: LanguageToolSettings, directory: Path, java: Path,
           found: Installation) -> tuple[ServerState, bool]:
    """The ready state, and whether this process spawned the supervisor."""
    touch(settings)
    deadline = time.monotonic() + settings.start_timeout + 30  # the supervisor times out first
    child: subprocess.Popen | None = None
    stalled: float | None = None  # since when another process holds the lock without a usable state
    while time.monotonic() < deadline:
        state = read_state(directory)
        if state and verified(state, directory):
            return state, child is not None
        if not held(directory):  # nobody is starting a server (any more)
            stalled = None
            if child is None:
                (directory / STATE).unlink(missing_ok=True)
                child = _spawn_supervisor(settings, directory, java, found.classpath, found.version)
            elif child.poll() is not None:
                if state and state.status in ("failed", "exited"):
                    raise LanguageToolError(state.error)
                raise LanguageToolError(f"the LanguageTool supervisor exited with code {child.returncode}; "
                                        f"see {directory / 'supervisor.log'}")
        elif _starting(state, directory):
            stalled = None
        elif stalled is None:
            stalled = time.monotonic()
        elif time.monotonic() - stalled > STALL_GRACE:
            _recover(directory, state)
            stalled = None
        time.sleep(0.1)
    raise LanguageToolError(f"LanguageTool did not start within {settings.start_timeout:.0f} s "
                            f"(start-timeout); see {directory / LOG}")


def _starting(state: ServerState | None, directory: Path) -> bool:
    """Whether the lock holder is our supervisor starting a server, or leaving after a failure."""
    return (state is not None and state.status in ("starting", "failed", "exited")
            and role(state.pid, directory) == "supervisor")


def _recover(directory: Path, state: ServerState | None) -> None:
    """The lock is held, but the state names no server of ours: stop the directory's processes."""
    found = processes(directory)
    why = state.error if state and state.status == "corrupt" else f"{directory / STATE} names no running server"
    if not found:
        raise LanguageToolError(f"{why}, and {directory / LOCK} is locked by a process that is not "
                                f"textlint's LanguageTool supervisor; stop it, or remove {directory}")
    terminate(found, directory)
    (directory / STATE).unlink(missing_ok=True)


def _spawn_supervisor(settings: LanguageToolSettings, directory: Path, java: Path,
                      classpath: str, version: str) -> subprocess.Popen:
    package_root = Path(__file__).resolve().parents[2]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(package_root), env.get("PYTHONPATH")]))
    # -P and cwd: never import code from the directory textlint was started in
    cmd = [sys.executable, "-P", "-m", SUPERVISOR_MODULE, "--dir", str(directory),
           "--java", str(java), "--classpath", classpath, "--version", version,
           "--memory", settings.jvm_memory, "--port", str(settings.port),
           "--idle-timeout", str(settings.idle_timeout), "--start-timeout", str(settings.start_timeout)]
    kwargs: dict = {}
    if os.name == "nt":
        kwargs["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP | subprocess.DETACHED_PROCESS
    else:
        kwargs["start_new_session"] = True
    with open(directory / "supervisor.log", "ab") as log:
        return subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=log, cwd=directory,
                                close_fds=True, env=env, **kwargs)


def stop(settings: LanguageToolSettings, timeout: float = 30.0) -> dict[int, str]:
    """Stop this cache directory's server: the processes stopped (pid -> role), found by their
    command lines whatever ``state.json`` says."""
    directory = server_dir(settings)
    found = processes(directory)
    if found:
        terminate(found, directory, timeout)
    state = read_state(directory)
    if state is not None and (found or state.status in ("corrupt", "starting", "ready")):
        (directory / STATE).unlink(missing_ok=True)  # it describes processes that are gone
    return found


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


def _http_ok(url: str, timeout: float = 2.0) -> bool:
    return _http(url, timeout=timeout)[0] == 200


def _http(url: str, data: bytes | None = None, timeout: float = 2.0) -> tuple[int, bytes, str]:
    """Status (0: none), body and what went wrong, of one local request."""
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, data=data, timeout=timeout) as response:
            return response.status, response.read(), ""
    except urllib.error.HTTPError as e:
        return e.code, e.read(), f"HTTP {e.code}"
    except (urllib.error.URLError, OSError, ValueError) as e:
        return 0, b"", str(getattr(e, "reason", e))


def warm_up_problem(url: str, text: str, timeout: float) -> tuple[str, bool] | None:
    """None when the server checks *text*; else what went wrong, and whether the server
    answered at all (an HTTP error, not JSON, no matches) or not (no answer, closed)."""
    from urllib.parse import urlencode

    if timeout <= 0:
        return "no answer within start-timeout", False
    status, body, problem = _http(url + "v2/check", urlencode({"language": "en-US", "text": text}).encode(),
                                  timeout=timeout)
    if status != 200:
        return (problem or f"HTTP {status}"), status != 0
    try:
        answer = json.loads(body)
    except ValueError:
        return "an answer that is not JSON", True
    if isinstance(answer, dict) and isinstance(answer.get("matches"), list):
        return None
    return "an answer without matches", True


def _die_with_parent() -> None:
    """In the server process (Linux): get SIGTERM when the supervisor dies."""
    import ctypes

    try:
        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


_NOISE = re.compile(r"\s*(at |\.\.\. \d+ more)|\S+ \S+ GMT (INFO|DEBUG) |.*\*\*\*")


def _log_tail(path: Path, lines: int = 6) -> str:
    """The last lines of the server log that say something: no stack frames, no INFO records."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    useful = [line[:300] for line in text.splitlines() if line.strip() and not _NOISE.match(line)]
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
            damaged = f"; {self._damaged()}" if _DAMAGE.search(tail) else ""
            return self._fail(f"the LanguageTool server exited during start-up "
                              f"(code {self.proc.returncode}){damaged}; see {self.dir / LOG}\n{tail}")
        else:
            return self._fail(f"no free port found after {PORT_ATTEMPTS} attempts")
        url = f"http://127.0.0.1:{port}/"
        for text in WARM_UP * 2:  # the first requests are slow: 20 s more (clients wait 30)
            failed = warm_up_problem(url, text, deadline + 20 - time.monotonic())
            if self.stopping:
                return 0
            if failed:
                self._stop_server()
                problem, answered = failed
                tail = _log_tail(self.dir / LOG)
                damaged = f"; {self._damaged()}" if answered or _DAMAGE.search(tail) else ""
                return self._fail(f"LanguageTool started but cannot check text ({problem}){damaged}; "
                                  f"see {self.dir / LOG}\n{tail}")
        _write_state(self.dir, ServerState("ready", os.getpid(), url, port, self.proc.pid, a.version,
                                           time.time(), a.idle_timeout))
        return self._watch()

    def _damaged(self) -> str:
        home = Path(self.args.classpath).parent.parent
        return (f"its installation in {home} may be damaged: `textlint languagetool install --force` "
                "installs it again")

    def _launch(self, port: int, deadline: float) -> str:
        """Start the server on *port*: "ready", "port" (taken), "exited" or "timeout"."""
        a = self.args
        cmd = [a.java, f"{SERVER_MARK}{self.dir}", f"-Xmx{a.memory}", "-cp", a.classpath, MAIN_CLASS,
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
