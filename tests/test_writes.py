"""`--fix` keeps the file what it was or refuses: owner, links, concurrent edits, special files,
read-only files, runaway fixes, filters, and a summary that counts only what was written.

Permission tests run textlint in a subprocess without root's override capabilities (see
:func:`unprivileged`), so that file modes really apply.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import os
import shutil
import socket
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from textlint import files, fixer
from textlint.cli import app
from textlint.config import ConfigFinder
from textlint.diagnostics import Diagnostic, Edit, Fix, apply_edits
from textlint.engine import Engine, Overrides
from textlint.files import FileChanged, Source, WriteError, read_source, write_source
from textlint.fixer import MAX_ROUNDS, _Shift, fix_text
from textlint.linter import LintResult
from textlint.runner import Runner

ROOT = Path(__file__).resolve().parent.parent
NOBODY = 65534
DOUBLED = "In 2021 the the Kremlin said so.\n"
FIXED = "In 2021 the Kremlin said so.\n"


# -- running textlint as an unprivileged user ------------------------------------------------

class Identity:
    """How to run a command without root's override capabilities, and as whom it then runs."""

    def __init__(self, prefix: list[str], uid: int, gid: int) -> None:
        self.prefix, self.uid, self.gid = prefix, uid, gid

    def textlint(self, *args: str, cwd: Path, stdin: bytes = b"") -> subprocess.CompletedProcess:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "TEXTLINT_LANGUAGETOOL": "off", "HOME": str(cwd)}
        return subprocess.run([*self.prefix, sys.executable, "-m", "textlint", "check", "--no-languagetool",
                               *args], cwd=cwd, env=env, input=stdin, capture_output=True, timeout=120)


@functools.cache
def _identity() -> Identity | str:
    """As root: user nobody, keeping only CAP_DAC_READ_SEARCH (it reads the interpreter and the
    checkout wherever they are, and may write only what nobody may write); where that capability
    cannot be raised (containers), root without any capability (uid 0, so the test files are
    root's, and their modes apply). As another user: that user. A string says why neither works."""
    if os.geteuid() != 0:
        return Identity([], os.geteuid(), os.getegid())
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return "setpriv (util-linux) is not installed, so root cannot drop its capabilities"
    candidates = [
        Identity([setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups",
                  "--inh-caps=-all,+dac_read_search", "--ambient-caps=+dac_read_search"], NOBODY, NOBODY),
        Identity([setpriv, "--inh-caps=-all", "--bounding-set=-all"], 0, 0),
    ]
    probe = "import os, textlint; os.open('/proc/self/status', os.O_RDONLY)"
    for identity in candidates:
        done = subprocess.run([*identity.prefix, sys.executable, "-c", probe], capture_output=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd="/")
        if done.returncode == 0:
            return identity
    return "setpriv could not drop root's capabilities here"


@pytest.fixture
def unprivileged(tmp_path) -> Identity:
    """An identity without override capabilities; *tmp_path* belongs to it."""
    identity = _identity()
    if isinstance(identity, str):
        pytest.skip(identity)
    os.chown(tmp_path, identity.uid, identity.gid)
    return identity


def needs_root():
    if os.geteuid() != 0:
        pytest.skip("needs root: the test gives files to another user")


def cli(*args: str, input: bytes | str | None = None):
    return CliRunner().invoke(app, ["check", "--no-languagetool", *args], input=input)


# -- S4: owner, group, setuid ---------------------------------------------------------------------

@pytest.mark.parametrize("mode", [0o644, 0o4755, 0o6750])
def test_fix_as_root_keeps_the_owner_group_and_mode_of_another_users_file(tmp_path, mode):
    needs_root()
    path = tmp_path / "theirs.txt"
    path.write_text(DOUBLED, encoding="utf-8")
    os.chown(path, NOBODY, NOBODY)
    os.chmod(path, mode)
    result = cli("--fix", str(path))
    assert result.exit_code == 0, result.stderr
    info = path.stat()
    assert path.read_text(encoding="utf-8") == FIXED
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (NOBODY, NOBODY, mode)


def test_a_user_who_cannot_give_the_copy_the_owner_writes_in_place_and_keeps_it(tmp_path, unprivileged):
    """The group may write the file, but only its owner (or root) may own a copy: textlint must
    not hand the file to itself (with the setuid bit set, that would be the owner's privileges)."""
    needs_root()
    owner = 4242
    path = tmp_path / "shared.txt"
    path.write_text(DOUBLED, encoding="utf-8")
    os.chown(path, owner, unprivileged.gid)
    os.chmod(path, 0o4775)
    inode = path.stat().st_ino
    done = unprivileged.textlint("--fix", str(path), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    info = path.stat()
    assert path.read_text(encoding="utf-8") == FIXED
    assert (info.st_uid, info.st_gid, info.st_ino) == (owner, unprivileged.gid, inode)
    assert stat.S_IMODE(info.st_mode) & 0o777 == 0o775  # the kernel may clear setuid on a write; never set it


def test_extended_attributes_are_kept(tmp_path):
    path = tmp_path / "labelled.txt"
    path.write_text(DOUBLED, encoding="utf-8")
    try:
        os.setxattr(path, "user.textlint-test", b"kept")
    except OSError:
        pytest.skip("this file system has no user extended attributes")
    assert cli("--fix", str(path)).exit_code == 0
    assert path.read_text(encoding="utf-8") == FIXED
    assert os.getxattr(path, "user.textlint-test") == b"kept"


# -- D1: symlinks ---------------------------------------------------------------------------------

def test_fix_on_a_symlink_fixes_the_target_and_keeps_the_link(tmp_path):
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "doc.txt"
    target.write_text(DOUBLED, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(Path("real") / "doc.txt")
    result = cli("--fix", str(link))
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == os.path.join("real", "doc.txt")
    assert target.read_text(encoding="utf-8") == FIXED
    assert not list(tmp_path.glob(".*textlint")) and not list((tmp_path / "real").glob(".*textlint"))


# -- D2: edits made while textlint runs, concurrent runs ----------------------------------------

def test_a_file_edited_after_it_was_read_is_not_overwritten(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text(DOUBLED, encoding="utf-8")
    source = read_source(path)
    path.write_text(DOUBLED + "A line typed meanwhile.\n", encoding="utf-8")
    with pytest.raises(FileChanged, match="changed on disk"):
        write_source(source, FIXED)
    assert path.read_text(encoding="utf-8") == DOUBLED + "A line typed meanwhile.\n"


def test_a_file_replaced_after_it_was_read_is_not_overwritten(tmp_path):
    """An editor that saves by rename leaves the same bytes in a new file: still a change."""
    path = tmp_path / "doc.txt"
    path.write_text(DOUBLED, encoding="utf-8")
    source = read_source(path)
    (tmp_path / "saved").write_text("Saved by an editor.\n", encoding="utf-8")
    os.replace(tmp_path / "saved", path)
    with pytest.raises(FileChanged):
        write_source(source, FIXED)
    assert path.read_text(encoding="utf-8") == "Saved by an editor.\n"


def _runner(*select: str) -> Runner:
    return Runner(ConfigFinder(None), Overrides(select=list(select), languagetool=False), fix=True)


def test_an_edit_made_while_fix_runs_is_kept_and_fixed_too(tmp_path, monkeypatch):
    path = tmp_path / "doc.txt"
    path.write_text(DOUBLED, encoding="utf-8")
    real_write = write_source
    calls = []

    def editor_saves_first(source, text):
        if not calls:
            path.write_text(DOUBLED + "He said the the end twice.\n", encoding="utf-8")
        calls.append(source.path)
        return real_write(source, text)

    monkeypatch.setattr("textlint.runner.write_source", editor_saves_first)
    result = _runner("cleanup.DoubledWord").check_path(path)
    assert result.errors == 0, result.messages
    assert path.read_text(encoding="utf-8") == FIXED + "He said the end twice.\n"
    assert len(calls) == 2 and result.fixed == 2


def test_two_fix_runs_with_different_selections_keep_both_sets_of_fixes(tmp_path, monkeypatch):
    """Run B reads, fixes and writes the file while run A is between its read and its write."""
    path = tmp_path / "doc.txt"
    path.write_text("He said , that the the end was near.\n", encoding="utf-8")
    a, b = _runner("cleanup.DoubledWord"), _runner("cleanup.SpaceBeforePunctuation")
    real_write = write_source
    interleaved = []

    def b_runs_in_between(source, text):
        if not interleaved:
            interleaved.append("B is running")
            interleaved[0] = b.check_path(path)
        return real_write(source, text)

    monkeypatch.setattr("textlint.runner.write_source", b_runs_in_between)
    result = a.check_path(path)
    assert interleaved[0].errors == 0 and result.errors == 0, result.messages
    assert path.read_text(encoding="utf-8") == "He said, that the end was near.\n"


def test_two_fix_processes_at_once_keep_both_sets_of_fixes_or_report_an_error(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("He said , that the the end was near.\n\n" * 3000, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    logs = [tmp_path / "a.log", tmp_path / "b.log"]
    runs = []
    for rule, log in zip(("cleanup.DoubledWord", "cleanup.SpaceBeforePunctuation"), logs):
        with log.open("w") as stderr:
            runs.append(subprocess.Popen([sys.executable, "-m", "textlint", "check", "--no-languagetool", "--fix",
                                          "--quiet", "--select", rule, str(path)],
                                         env=env, stdout=subprocess.DEVNULL, stderr=stderr))
    outcomes = [(run.wait(timeout=300), log.read_text()) for run, log in zip(runs, logs)]
    text = path.read_text(encoding="utf-8")
    if all(code == 0 for code, _ in outcomes):
        assert text == "He said, that the end was near.\n\n" * 3000
    else:
        assert any(code == 2 and "changed on disk" in err for code, err in outcomes), outcomes


def test_a_write_waits_for_the_lock_another_run_holds(tmp_path, monkeypatch):
    path = tmp_path / "doc.txt"
    path.write_text(DOUBLED, encoding="utf-8")
    source = read_source(path)
    monkeypatch.setattr(files, "LOCK_TIMEOUT", 0.2)
    with open(path, "rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(WriteError, match="locked by another process"):
            write_source(source, FIXED)
    assert path.read_text(encoding="utf-8") == DOUBLED
    assert write_source(source, FIXED) and path.read_text(encoding="utf-8") == FIXED


# -- D3: read-only files --------------------------------------------------------------------------

def test_a_read_only_file_is_refused(tmp_path, unprivileged):
    path = tmp_path / "frozen.txt"
    path.write_text(DOUBLED, encoding="utf-8")
    os.chown(path, unprivileged.uid, unprivileged.gid)
    os.chmod(path, 0o444)
    inode = path.stat().st_ino
    done = unprivileged.textlint("--fix", str(path), cwd=tmp_path)
    assert done.returncode == 2
    assert f"{path}: is read-only for this user (mode 0444)" in done.stderr.decode()
    assert path.read_text(encoding="utf-8") == DOUBLED and path.stat().st_ino == inode
    assert not list(tmp_path.glob(".*textlint"))


# -- D4: hard links, special files, in-place failures ------------------------------------------

def test_hard_links_are_kept(tmp_path):
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text(DOUBLED, encoding="utf-8")
    os.link(one, two)
    os.chmod(one, 0o640)
    result = cli("--fix", str(one))
    assert result.exit_code == 0, result.stderr
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8") == FIXED
    assert os.path.samefile(one, two) and one.stat().st_nlink == 2
    assert stat.S_IMODE(one.stat().st_mode) == 0o640
    assert not list(tmp_path.glob(".*textlint"))


def _special_file(kind: str, path: Path):
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "socket":
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(path))
        return sock
    else:
        try:
            os.mknod(path, 0o600 | stat.S_IFCHR, os.makedev(1, 3))
        except PermissionError:
            pytest.skip("creating a device needs CAP_MKNOD")
    return None


@pytest.mark.parametrize("kind, name", [("fifo", r"a named pipe \(FIFO\)"), ("socket", "a socket"),
                                        ("device", "a character device")])
def test_special_files_are_never_replaced(tmp_path, kind, name):
    path = tmp_path / "special.txt"
    keep = _special_file(kind, path)
    before = os.lstat(path)
    with pytest.raises(WriteError, match=f"is {name}, not a regular file"):
        write_source(Source(str(path), DOUBLED), FIXED)
    after = os.lstat(path)
    assert (after.st_ino, stat.S_IFMT(after.st_mode)) == (before.st_ino, stat.S_IFMT(before.st_mode))
    if keep:
        keep.close()


def test_fix_on_a_fifo_leaves_the_fifo(tmp_path):
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)

    def feed():
        # the reader may close the pipe before the text is written (below, when textlint did
        # not read it): a broken pipe is then expected
        with contextlib.suppress(BrokenPipeError), open(path, "w", encoding="utf-8") as f:
            f.write(DOUBLED)

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    done = subprocess.run([sys.executable, "-m", "textlint", "check", "--no-languagetool", "--fix", str(path)],
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True,
                          timeout=120)
    if writer.is_alive():  # textlint did not open it for reading: let the writer go
        os.close(os.open(path, os.O_RDONLY | os.O_NONBLOCK))
    writer.join(timeout=10)
    assert stat.S_ISFIFO(os.lstat(path).st_mode)
    assert done.returncode != 0 and str(path) in done.stderr and "FIFO" in done.stderr


def test_an_in_place_write_that_fails_midway_says_where_the_fixed_copy_is(tmp_path, monkeypatch):
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text(DOUBLED, encoding="utf-8")
    os.link(one, two)  # two names: written in place
    source = read_source(one)

    def disk_full(fd, data, offset):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "pwrite", disk_full)
    with pytest.raises(WriteError, match="stopped midway") as failure:
        write_source(source, FIXED)
    copy = str(failure.value).rsplit("the complete fixed file is ", 1)[1]
    assert Path(copy).parent == tmp_path and Path(copy).read_text(encoding="utf-8") == FIXED


# -- D5: fixes that do not converge ---------------------------------------------------------------

GROW_RULE = """extends: substitution
message: "use '%s'"
level: warning
fix: safe
nonword: true
swap:
  a: aa
"""


def test_runaway_fixes_are_held_back_and_stop_early(tmp_path):
    (tmp_path / "rules" / "t").mkdir(parents=True)
    (tmp_path / "rules" / "t" / "Grow.yml").write_text(GROW_RULE, encoding="utf-8")
    path = tmp_path / "doc.txt"
    body = "the cat sat on a mat and a dog ran away after that. " * 200  # 10 KB
    path.write_text(body, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "textlint", "check", "--no-languagetool", "--select", "t",
                           "--rules", str(tmp_path / "rules"), "--fix", str(path)],
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 1  # problems remain; the held-back rule is no error of the run
    assert (f"warning: {path}: fixes did not converge: the fixes keep growing the text (t.Grow), so these "
            "rules' fixes were not applied") in done.stderr
    assert path.read_text(encoding="utf-8") == body
    assert "Fixed 0 problems." in done.stderr


def _rotate_first_character(text: str) -> LintResult:
    """A broken rule: it always wants the first character to be the next one."""
    fix = Fix.replace(0, 1, chr(ord(text[0]) + 1))
    return LintResult([Diagnostic("t.Rotate", "rotate", 0, 1, fix=fix)])


def _swap_back_and_forth(text: str) -> LintResult:
    other = {"colour": "color", "color": "colour"}[text]
    return LintResult([Diagnostic("t.Swap", "swap", 0, len(text), fix=Fix.replace(0, len(text), other))])


BROKEN = [
    (_rotate_first_character, "a", f"still fixing after {MAX_ROUNDS} rounds (t.Rotate)"),
    (_swap_back_and_forth, "colour", "the fixes undo each other (t.Swap)"),
]


@pytest.mark.parametrize("lint, text, reason", BROKEN)
def test_a_rule_whose_fixes_do_not_converge_is_held_back(lint, text, reason):
    result = fix_text(text, lint)
    assert result.text == text and not result.applied and result.converged
    assert result.held_back == [f"fixes did not converge: {reason}"]
    assert [d.rule for d in result.remaining] == [lint(text).diagnostics[0].rule]


def _swap_and_undouble(text: str) -> LintResult:
    """The swapping rule on the first word, and a sound rule: a doubled last word."""
    first, rest = text.split(" ", 1)
    found = _swap_back_and_forth(first).diagnostics
    if rest == "end end":
        found.append(Diagnostic("t.Doubled", "doubled", len(first) + 4, len(text),
                                fix=Fix.replace(len(first) + 4, len(text), "")))
    return LintResult(found)


def _two_rules_answering_each_other(text: str) -> LintResult:
    rule, other = {"colour": ("t.American", "color"), "color": ("t.British", "colour")}[text]
    return LintResult([Diagnostic(rule, "spelling", 0, len(text), fix=Fix.replace(0, len(text), other))])


def test_every_rule_of_a_cycle_is_held_back_not_only_the_last_rounds():
    result = fix_text("colour", _two_rules_answering_each_other)
    assert result.text == "colour" and not result.applied and result.converged
    assert result.held_back == ["fixes did not converge: the fixes undo each other (t.American, t.British)"]


def test_the_other_rules_fixes_are_applied_when_one_rule_is_held_back():
    result = fix_text("colour end end", _swap_and_undouble)
    assert result.text == "colour end" and result.converged
    assert [a.rule for a in result.applied] == ["t.Doubled"]
    assert result.held_back == ["fixes did not converge: the fixes undo each other (t.Swap)"]


@pytest.mark.parametrize("lint, text, reason", BROKEN)
def test_fixes_that_do_not_converge_without_holding_back_give_the_text_back_unchanged(
        lint, text, reason, monkeypatch):
    monkeypatch.setattr(fixer, "MAX_HOLD_BACKS", 0)
    result = fix_text(text, lint)
    assert result.text == text and not result.applied and not result.converged
    assert result.problem == f"fixes did not converge: {reason}"
    assert [d.rule for d in result.remaining] == [lint(text).diagnostics[0].rule]


# -- D6: filter mode ------------------------------------------------------------------------------

@pytest.mark.parametrize("data, args", [
    (b"\xef\xbb\xbfthe the \xff end\n", []),  # invalid UTF-8 after a BOM
    (DOUBLED.encode(), ["--select", "no.SuchRule"]),  # a configuration error
    (DOUBLED.encode(), ["--format", "nonsense"]),  # a usage error
    (DOUBLED.encode() * 100, ["--max-file-size", "1K"]),  # more than it may read
])
def test_a_filter_prints_its_input_unchanged_on_any_error(data, args):
    result = cli("--fix", *args, "-", input=data)
    assert result.exit_code == 2
    assert result.stdout_bytes == data
    assert "error" in result.stderr


def test_a_filter_applies_the_other_rules_fixes_when_one_rule_is_held_back(tmp_path):
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "Grow.yml").write_text(GROW_RULE, encoding="utf-8")
    result = cli("--select", "t", "--select", "cleanup.DoubledWord", "--rules", str(tmp_path), "--fix", "-",
                 input=b"a cat sat on the the mat\n")
    assert result.exit_code == 1 and result.stdout_bytes == b"a cat sat on the mat\n"
    assert "warning: -: fixes did not converge: the fixes keep growing the text (t.Grow)" in result.stderr


def test_a_filter_prints_its_input_when_fixes_do_not_converge(tmp_path, monkeypatch):
    monkeypatch.setattr(fixer, "MAX_HOLD_BACKS", 0)
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "Grow.yml").write_text(GROW_RULE, encoding="utf-8")
    data = "a cat\r\n".encode()
    result = cli("--select", "t", "--rules", str(tmp_path), "--fix", "-", input=data)
    assert result.exit_code == 2 and result.stdout_bytes == data
    assert "did not converge" in result.stderr and "input is printed unchanged" in result.stderr


@pytest.mark.parametrize("data, fixed", [
    (b"\xef\xbb\xbf" + DOUBLED.replace("\n", "\r\n").encode(), b"\xef\xbb\xbf" + FIXED.replace("\n", "\r\n").encode()),
    (b"\xff\xfe" + DOUBLED.encode("utf-16-le"), b"\xff\xfe" + FIXED.encode("utf-16-le")),
])
def test_a_filter_gives_the_text_back_in_its_encoding(data, fixed):
    result = cli("--fix", "-", input=data)
    assert result.exit_code == 0 and result.stdout_bytes == fixed


# -- U1 and F1: the summary -----------------------------------------------------------------------

def test_the_summary_counts_only_files_that_were_written(tmp_path, unprivileged):
    ok, frozen = tmp_path / "ok.txt", tmp_path / "frozen.txt"
    for path in (ok, frozen):
        path.write_text(DOUBLED, encoding="utf-8")
        os.chown(path, unprivileged.uid, unprivileged.gid)
    os.chmod(frozen, 0o444)
    done = unprivileged.textlint("--fix", str(ok), str(frozen), cwd=tmp_path)
    out, err = done.stdout.decode(), done.stderr.decode()
    assert done.returncode == 2
    assert "Fixed 1 problem in 1 file:" in err and f"  {ok}:1:9: cleanup.DoubledWord" in err
    assert f"{frozen}:1:9: cleanup.DoubledWord" in out  # reported as remaining, not as fixed
    assert "1 problem remains." in err


def test_every_fix_is_listed_with_its_place_in_the_original_and_its_round(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text("Intro line.\nWe saw the the the end , then left.\n", encoding="utf-8")
    result = cli("--fix", str(path))
    assert result.exit_code == 0, result.stderr
    assert path.read_text(encoding="utf-8") == "Intro line.\nWe saw the end, then left.\n"
    lines = result.stderr.splitlines()
    assert lines[0] == "Fixed 3 problems in 1 file (round 1: 2, round 2: 1):"
    assert lines[1:] == [
        f"  {path}:2:8: cleanup.DoubledWord 'the' is repeated",
        f"  {path}:2:8: cleanup.DoubledWord 'the' is repeated [round 2]",
        f"  {path}:2:23: cleanup.SpaceBeforePunctuation Remove the space before ','",
    ]


def test_diff_lists_the_fixes_it_would_make(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text(DOUBLED, encoding="utf-8")
    result = cli("--diff", str(path))
    assert "Would fix 1 problem in 1 file:" in result.stderr
    assert f"  {path}:1:9: cleanup.DoubledWord" in result.stderr
    assert path.read_text(encoding="utf-8") == DOUBLED


def test_later_rounds_place_their_fixes_in_the_original_text():
    """Round 2 fixes text that round 1 moved; its position is where that text was at first."""
    engine = Engine(overrides=Overrides(select=["cleanup"], languagetool=False))
    original = "A b  c. We saw the the the end , done.\n"
    result = engine.fix(original)
    assert result.text == "A b c. We saw the end, done.\n"
    assert [(a.rule, a.start, a.round) for a in result.applied] == [
        ("cleanup.RepeatedSpaces", 3, 1), ("cleanup.DoubledWord", 15, 1),
        ("cleanup.SpaceBeforePunctuation", 30, 1), ("cleanup.DoubledWord", 15, 2)]
    assert original[15:22] == "the the" and original[30:32] == " ,"


@given(st.text("ab", max_size=12), st.lists(st.tuples(st.integers(0, 12), st.integers(0, 2),
                                                      st.text("XY", max_size=3)), max_size=5))
def test_shifted_offsets_point_at_the_same_character_in_the_text_before(text, raw):
    edits, last = [], 0
    for start, length, content in sorted(raw):
        start = max(start, last)
        end = min(start + length, len(text))
        if start > len(text) or (edits and start == end == edits[-1].start == edits[-1].end):
            continue
        edits.append(Edit(start, end, content))
        last = end
    new = apply_edits(text, edits)
    shift = _Shift(edits)
    inserted = set()
    delta = 0
    for e in edits:
        inserted.update(range(e.start + delta, e.start + delta + len(e.content)))
        delta += len(e.content) - (e.end - e.start)
    for offset, char in enumerate(new):
        if offset not in inserted:
            assert text[shift.back(offset)] == char
