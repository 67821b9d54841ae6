"""Bad input never hangs, never fills the memory, never crashes and is never silently
"clean": named pipes, devices, huge files, unreadable directories, binary and UTF-16/32
files, symlink loops, broken standard output, a dying worker, rule ids taken twice."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from textlint import files
from textlint.cli import app
from textlint.runner import Runner
from textlint_process import command, environment, textlint

runner = CliRunner()


def run(*args: str, input: str | bytes | None = None):
    return runner.invoke(app, list(args), input=input)


def no_traceback(result) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert getattr(result, "exception", None) is None or isinstance(result.exception, SystemExit)


# H1: named pipes ------------------------------------------------------------------------


def test_a_fifo_in_a_walked_directory_is_skipped_with_a_note_and_never_blocks(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "a.txt").write_text("the the end\n", encoding="utf-8")
    result = textlint("check", ".", cwd=tmp_path, timeout=60)
    assert result.returncode == 1, result.stderr
    assert "note: pipe.txt: is a named pipe (FIFO), not a regular file; skipped" in result.stderr
    assert "a.txt:1:1: cleanup.DoubledWord" in result.stdout


def test_a_named_fifo_or_device_is_an_error_and_never_blocks(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    result = textlint("check", "pipe.txt", "/dev/zero", cwd=tmp_path, timeout=60)
    assert result.returncode == 2
    assert "error: pipe.txt: is a named pipe (FIFO), not a regular file; not linted" in result.stderr
    assert "error: /dev/zero: is a character device, not a regular file; not linted" in result.stderr
    no_traceback(result)


@pytest.mark.parametrize("setup, args, expected", [
    ('vocabulary = "pipe.txt"\n', [], "key 'vocabulary': the vocabulary {d}/pipe.txt: is a named pipe (FIFO)"),
    ("", ["--config", "pipe.txt"], "pipe.txt: is a named pipe (FIFO), not a regular file"),
    ('rule-paths = ["pipe.txt"]\n', [], "pipe.txt: is a named pipe (FIFO), not a rule file or a directory of rules"),
    ("", ["--rules", "pipe.txt"], "pipe.txt: is a named pipe (FIFO), not a rule file or a directory of rules"),
])
def test_a_fifo_as_vocabulary_config_or_rules_is_an_error(tmp_path, setup, args, expected):
    os.mkfifo(tmp_path / "pipe.txt")
    if setup:
        (tmp_path / "textlint.toml").write_text(setup, encoding="utf-8")
    (tmp_path / "a.txt").write_text("fine\n", encoding="utf-8")
    result = textlint("check", *args, "a.txt", cwd=tmp_path, timeout=60)
    assert result.returncode == 2
    assert expected.format(d=tmp_path.resolve()) in result.stderr
    no_traceback(result)


# H9: /dev/zero and the maximum file size -----------------------------------------------


@pytest.mark.parametrize("setup, args, expected", [
    ("", ["/dev/zero"], "/dev/zero: is a character device, not a regular file; not linted"),
    ('vocabulary = "/dev/zero"\n', ["a.txt"], "the vocabulary /dev/zero: is a character device"),
    ("", ["--config", "/dev/zero", "a.txt"], "/dev/zero: is a character device, not a regular file"),
    ('rule-paths = ["/dev/zero"]\n', ["a.txt"], "/dev/zero: is a character device, not a rule file or a directory of rules"),
])
def test_dev_zero_is_never_read(tmp_path, setup, args, expected):
    if setup:
        (tmp_path / "textlint.toml").write_text(setup, encoding="utf-8")
    (tmp_path / "a.txt").write_text("fine\n", encoding="utf-8")
    result = textlint("check", *args, cwd=tmp_path, timeout=60)
    assert result.returncode == 2
    assert expected in result.stderr
    no_traceback(result)


def test_standard_input_is_read_up_to_the_maximum_size(tmp_path):
    with open("/dev/zero", "rb") as zero:
        result = textlint("check", "--max-file-size", "1M", "-", cwd=tmp_path, stdin=zero, timeout=60)
    assert result.returncode == 2
    assert "error: -: is more than the maximum of 1 MiB" in result.stderr
    no_traceback(result)


def test_a_file_over_the_default_maximum_is_refused_unread(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as f:  # sparse: costs no disk, and would read as NUL bytes
        f.truncate(files.DEFAULT_MAX_FILE_SIZE + 1)
    result = run("check", str(big))
    assert result.exit_code == 2
    assert (f"{big}: is 100 MiB (104857601 bytes), more than the maximum of 100 MiB "
            "(raise it with --max-file-size or max-file-size); not read") in result.stderr


def test_max_file_size_from_the_configuration_and_the_command_line(tmp_path):
    (tmp_path / "textlint.toml").write_text('max-file-size = "1K"\n', encoding="utf-8")
    path = tmp_path / "a.txt"
    path.write_text("the the end. " + "Fine text here. " * 100 + "\n", encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 2
    assert f"{path}: is 1.58 KiB (1614 bytes), more than the maximum of 1 KiB" in result.stderr
    assert "DoubledWord" not in result.stdout
    for limit in ("2K", "0", "1MB", "4096"):
        result = run("check", "--max-file-size", limit, str(path))
        assert result.exit_code == 1 and "cleanup.DoubledWord" in result.stdout, limit


@pytest.mark.parametrize("bad", ["lots", "-1", "1T", "1.5M"])
def test_a_bad_max_file_size_is_a_usage_error(tmp_path, bad):
    result = run("check", "--max-file-size", bad, str(tmp_path))
    assert result.exit_code == 2 and "--max-file-size: expected a size" in result.stderr
    (tmp_path / "textlint.toml").write_text(f'max-file-size = "{bad}"\n', encoding="utf-8")
    result = run("check", str(tmp_path))
    assert result.exit_code == 2 and "key 'max-file-size': expected a size" in result.stderr


def test_parse_size():
    assert files.parse_size("50MB") == files.parse_size("50M") == files.parse_size("50 MiB") == 50 * 2**20
    assert files.parse_size(" 512k ") == 512 * 1024 and files.parse_size("1G") == 2**30
    assert files.parse_size(1234) == files.parse_size("1234") == 1234 and files.parse_size("0") == 0
    for bad in (True, -1, 1.5, "x", "1T"):
        with pytest.raises(ValueError):
            files.parse_size(bad)


# C1, U2: unreadable directories (modes really apply: root's override is dropped) ------------


def test_an_unreadable_directory_argument_is_an_error_naming_it(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text("the the end\n", encoding="utf-8")
    locked.chmod(0)
    try:
        result = textlint("check", "locked", cwd=tmp_path, unprivileged=True)
    finally:
        locked.chmod(0o755)
    assert result.returncode == 2
    assert "error: locked: cannot read the directory: Permission denied" in result.stderr
    assert "All clean" not in result.stderr
    no_traceback(result)


def test_an_unreadable_subdirectory_in_a_walk_is_reported(tmp_path):
    (tmp_path / "a.txt").write_text("Fine text.\n", encoding="utf-8")
    locked = tmp_path / "sub" / "locked"
    locked.mkdir(parents=True)
    (locked / "b.txt").write_text("the the end\n", encoding="utf-8")
    locked.chmod(0)
    try:
        result = textlint("check", ".", cwd=tmp_path, unprivileged=True)
    finally:
        locked.chmod(0o755)
    assert result.returncode == 2
    assert ("error: ./sub/locked: cannot read the directory: Permission denied; its files were not checked"
            in result.stderr)
    assert "All clean" not in result.stderr
    no_traceback(result)


def test_a_file_in_an_unsearchable_directory_is_an_error(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text("the the end\n", encoding="utf-8")
    locked.chmod(0o600)  # listable, but its files cannot be opened
    try:
        named = textlint("check", "locked/a.txt", cwd=tmp_path, unprivileged=True)
        argument = textlint("check", "locked", cwd=tmp_path, unprivileged=True)
        walked = textlint("check", ".", cwd=tmp_path, unprivileged=True)
    finally:
        locked.chmod(0o755)
    assert named.returncode == argument.returncode == walked.returncode == 2
    assert "error: locked/a.txt: cannot read: Permission denied" in named.stderr
    assert "error: locked: cannot read the directory: Permission denied" in argument.stderr
    assert (f"error: {tmp_path}/locked: cannot look for textlint.toml in the directory: "
            "Permission denied") in walked.stderr
    for result in (named, argument, walked):
        assert "All clean" not in result.stderr
        no_traceback(result)


# U3: binary, UTF-16 and UTF-32 files ----------------------------------------------------


def test_a_named_binary_file_is_an_error_and_a_walked_one_a_note(tmp_path):
    (tmp_path / "nul.txt").write_bytes(b"the the end\n\0\n")
    named = run("check", str(tmp_path / "nul.txt"))
    assert named.exit_code == 2
    assert "nul.txt: binary file (it contains NUL bytes" in named.stderr and "not linted" in named.stderr
    walked = run("check", str(tmp_path))
    assert walked.exit_code == 0
    assert "note: " in walked.stderr and "nul.txt: binary file" in walked.stderr and "skipped" in walked.stderr


def test_a_binary_file_both_named_and_walked_is_a_note_each_time(tmp_path):
    (tmp_path / "nul.txt").write_bytes(b"the the end\n\0\n")
    (tmp_path / "ok.txt").write_text("Fine.\n")
    both = run("check", str(tmp_path / "nul.txt"), str(tmp_path), str(tmp_path / "ok.txt"))
    assert both.exit_code == 0, both.stderr
    assert both.stderr.count("nul.txt: binary file") == 2 and "not linted" not in both.stderr


def test_nul_bytes_late_in_a_file_make_it_binary(tmp_path):
    path = tmp_path / "late.txt"
    path.write_bytes(b"Fine text. " * 1000 + b"\0the the end\n")
    result = run("check", str(path))
    assert result.exit_code == 2 and "binary file" in result.stderr


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("bom", [True, False])
def test_utf16_and_utf32_with_or_without_bom_are_read_and_written_back_so(tmp_path, encoding, bom):
    text = "Café owners left the the city.\r\nIt rained.\r\n"
    data = (("\ufeff" if bom else "") + text).encode(encoding)
    path = tmp_path / "wide.txt"
    path.write_bytes(data)
    source = files.decode(data, str(path))
    assert (source.text, source.encoding, source.bom, source.crlf) == (text, encoding, bom, True)
    result = run("check", str(path))
    assert result.exit_code == 1
    assert f"{path}:1:18: cleanup.DoubledWord 'the' is repeated" in result.stdout
    result = run("check", "--fix", str(path))
    assert result.exit_code == 0
    assert path.read_bytes() == data.decode(encoding).replace("the the", "the").encode(encoding)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_a_zero_width_no_break_space_after_the_byte_order_mark_is_text(encoding):
    # Found by the long property profile: a UTF-16 file holding U+FEFF after its byte order
    # mark lost that character when the --fix filter wrote it back.
    data = "\ufeffthe end".encode(encoding)
    source = files.decode(data, "x.txt")
    assert source.text == "\ufeffthe end" and source.bom
    assert source.encode(source.text) == data


def test_utf32_le_is_not_taken_for_utf16_le():
    data = "\ufeffthe the end".encode("utf-32-le")
    assert data.startswith(b"\xff\xfe")  # the UTF-16-LE byte order mark
    source = files.decode(data, "x.txt")
    assert (source.text, source.encoding) == ("the the end", "utf-32-le")


def test_wide_text_of_another_script_without_bom_is_refused_accurately():
    data = "Привет, мир. Как дела?\n".encode("utf-16-le")
    with pytest.raises(files.InputError) as e:
        files.decode(data, "ru.txt")
    assert "not UTF-16 or UTF-32 text: such text needs a byte order mark unless it is mostly ASCII" in str(e.value)
    assert files.decode(b"\xff\xfe" + data, "ru.txt").text.startswith("Привет")


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    b"hello\0world!",                       # UTF-8 with a stray NUL: not UTF-16 garbage
    b"file1\0file2\0file3\0",               # NUL-separated records
    "\ufeffthe\0end".encode("utf-16-le"),   # a BOM does not make NUL characters text
])
def test_binary_data_is_refused(data):
    with pytest.raises(files.InputError) as e:
        files.decode(data, "x.txt")
    assert e.value.skipped and "binary file" in e.value.problem


# U5: symlink loops and rule paths that are no rules --------------------------------------


def test_a_symlink_loop_argument_says_so(tmp_path):
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    os.symlink("gone.txt", tmp_path / "dangling.txt")
    result = run("check", str(tmp_path / "loop.txt"), str(tmp_path / "dangling.txt"))
    assert result.exit_code == 2
    assert f"{tmp_path}/loop.txt: symlink loop" in result.stderr
    assert f"{tmp_path}/dangling.txt: broken symbolic link" in result.stderr
    assert "no such file" not in result.stderr


def test_a_rule_path_without_rules_is_an_error_and_root_is_not_walked(tmp_path):
    (tmp_path / "a.txt").write_text("fine\n", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    for rules in ("/", str(tmp_path / "empty")):
        (tmp_path / "textlint.toml").write_text(f'rule-paths = ["{rules}"]\n', encoding="utf-8")
        result = textlint("check", "a.txt", cwd=tmp_path, timeout=30)
        assert result.returncode == 2
        assert f"{rules}: no rules found: expected YAML rule files" in result.stderr
        no_traceback(result)


def test_a_missing_rule_path_and_a_loop(tmp_path):
    (tmp_path / "loop").symlink_to("loop")
    result = run("check", "--rules", str(tmp_path / "nope"), "--rules", str(tmp_path / "loop"), str(tmp_path))
    assert result.exit_code == 2
    assert f"{tmp_path}/nope: no such rule file or directory" in result.stderr
    result = run("check", "--rules", str(tmp_path / "loop"), str(tmp_path))
    assert f"{tmp_path}/loop: symlink loop" in result.stderr


# U6: a rule id is defined once ------------------------------------------------------------


def test_a_user_rule_with_a_built_in_id_is_an_error_naming_both(tmp_path):
    pack = tmp_path / "styles" / "cleanup"
    pack.mkdir(parents=True)
    (pack / "DoubledWord.yml").write_text("extends: existence\nmessage: mine\ntokens: [x]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("the the end\n", encoding="utf-8")
    result = run("check", "--rules", str(tmp_path / "styles"), str(tmp_path / "a.txt"))
    assert result.exit_code == 2
    assert (f"{pack}/DoubledWord.yml: rule cleanup.DoubledWord: the id is taken by textlint's "
            "built-in rule cleanup.DoubledWord" in result.stderr)
    assert 'ignore = ["cleanup.DoubledWord"]' in result.stderr


def test_two_user_rules_with_one_id_are_an_error_and_one_path_given_twice_is_not(tmp_path):
    for root in ("one", "two"):
        pack = tmp_path / root / "house"
        pack.mkdir(parents=True)
        (pack / "Thing.yml").write_text("extends: existence\nmessage: m\ntokens: [thing]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("a thing\n", encoding="utf-8")
    same = run("check", "--rules", str(tmp_path / "one"), "--rules", str(tmp_path / "one" / "house"),
               str(tmp_path / "a.txt"))
    assert same.exit_code == 1 and same.stdout.count("house.Thing") == 1
    both = run("check", "--rules", str(tmp_path / "one"), "--rules", str(tmp_path / "two"), str(tmp_path / "a.txt"))
    assert both.exit_code == 2
    assert (f"{tmp_path}/two/house/Thing.yml: rule house.Thing: the id is taken by the rule in "
            f"{tmp_path}/one/house/Thing.yml") in both.stderr


# C4: a parallel worker dies -------------------------------------------------------------


def test_a_killed_worker_names_the_files_not_checked_and_keeps_the_rest(tmp_path, monkeypatch):
    for i in range(24):
        sub = tmp_path / f"d{i % 3}"
        sub.mkdir(exist_ok=True)
        (sub / f"f{i}.md").write_text(f"Paragraph {i} went to to Havana.\n", encoding="utf-8")
    parent, check_path = os.getpid(), Runner.check_path

    def dying(self, path, walked=False):
        if os.getpid() != parent and path.name == "f13.md":
            os.kill(os.getpid(), signal.SIGKILL)
        return check_path(self, path, walked)

    monkeypatch.setattr(Runner, "check_path", dying)
    result = run("check", "-j", "2", "--format", "json", str(tmp_path))
    no_traceback(result)
    assert result.exit_code == 2
    lost = {line.split(": ")[2] for line in result.stderr.splitlines() if "not checked: a parallel worker" in line}
    assert str(tmp_path / "d1" / "f13.md") in lost
    reported = {d["path"] for d in json.loads(result.stdout)}
    assert reported and not reported & lost
    assert reported | lost == {str(p) for p in tmp_path.rglob("*.md")}


# C5: standard output full or closed ---------------------------------------------------------


def test_a_full_standard_output_is_an_error(tmp_path):
    (tmp_path / "a.txt").write_text("the the end\n", encoding="utf-8")
    with open("/dev/full", "w") as full:
        result = textlint("check", "a.txt", cwd=tmp_path, stdout=full, stderr=subprocess.PIPE)
    assert result.returncode == 2
    assert "textlint: error: cannot write to standard output: No space left on device" in result.stderr
    no_traceback(result)


def test_a_closed_standard_output_is_an_error_only_when_written_to(tmp_path):
    (tmp_path / "a.txt").write_text("the the end\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Fine.\n", encoding="utf-8")

    def close_stdout() -> None:
        os.close(1)

    result = textlint("check", "a.txt", cwd=tmp_path, stderr=subprocess.PIPE, before_exec=close_stdout)
    assert result.returncode == 2
    assert "cannot write to standard output: Bad file descriptor" in result.stderr
    no_traceback(result)
    result = textlint("check", "b.txt", cwd=tmp_path, stderr=subprocess.PIPE, before_exec=close_stdout)
    assert result.returncode == 0 and "All clean." in result.stderr


def test_a_closed_pipe_ends_quietly_like_sigpipe(tmp_path):
    (tmp_path / "a.txt").write_text("the the end.\n" * 20_000, encoding="utf-8")
    with open(tmp_path / "err", "w") as err:
        process = subprocess.Popen(command("check", "a.txt"), cwd=tmp_path, env=environment(),
                                   stdout=subprocess.PIPE, stderr=err)
        process.stdout.close()  # like `| head -0`
        code = process.wait(timeout=120)
    assert code == 128 + signal.SIGPIPE
    assert (tmp_path / "err").read_text() == ""



def test_the_process_ends_at_once_after_its_exit_handlers_and_a_flush():
    program = ("import atexit, sys\n"
               "from textlint.stdio import end_at_once\n"
               "atexit.register(lambda: print('kept at exit'))\n"
               "print('findings', end=' ')\n"
               "sys.stderr.write('summary')\n"
               "end_at_once(SystemExit(3))\n"
               "print('not reached')\n")
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          env=environment(), timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (3, "findings kept at exit\n", "summary")


@pytest.mark.parametrize("code", ["a message", 256, -1])
def test_a_status_the_process_cannot_end_with_at_once_is_left_to_the_interpreter(code):
    from textlint.stdio import end_at_once

    assert end_at_once(SystemExit(code)) is None  # returned: the caller raises it


def test_a_running_thread_leaves_the_end_to_the_interpreter():
    import threading

    from textlint.stdio import end_at_once

    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert end_at_once(SystemExit(0)) is None
    finally:
        stop.set()
        thread.join()

# A walk stays inside the folder it was given -------------------------------------------


def test_a_walk_does_not_follow_a_symlink_out_of_the_tree(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("the the secret\n", encoding="utf-8")
    tree = tmp_path / "repo"
    (tree / "docs").mkdir(parents=True)
    (tree / "docs" / "leak.md").symlink_to(outside)
    (tree / "docs" / "ok.md").write_text("a clean line\n", encoding="utf-8")
    (tree / "alias.md").symlink_to(tree / "docs" / "ok.md")  # inside the tree: followed
    result = run("check", "--fix", "--format", "json", str(tree))
    assert result.exit_code == 0, result.stderr
    assert "leak.md: a symbolic link to" in result.stderr and "does not follow it" in result.stderr
    assert "secret" not in result.stdout
    assert outside.read_text(encoding="utf-8") == "the the secret\n"
    named = run("check", "--fix", str(tree / "docs" / "leak.md"))  # named: followed and fixed
    assert named.exit_code == 0, named.stderr
    assert outside.read_text(encoding="utf-8") == "the secret\n"
