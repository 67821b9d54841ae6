"""Reading and writing the files we lint: encodings, newlines, safe writes, discovery."""

from __future__ import annotations

import errno
import fcntl
import fnmatch
import os
import re
import signal
import stat
import tempfile
import time
from contextlib import contextmanager, suppress
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO, Callable, Iterator

from .dataclass import dataclass
from .patterns import lazy_compile

BOM = "\ufeff"
#: Files a directory walk lints unless the configuration says otherwise.
DEFAULT_INCLUDE = ("*.txt", "*.text", "*.md", "*.markdown")
#: Directories a walk never enters.
SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv",
                       ".tox", ".mypy_cache", ".pytest_cache", "build", "dist"})


class InputError(Exception):
    """A file that cannot be linted; the message names the file and the problem."""

    def __init__(self, path: str, problem: str, *, skipped: bool = False) -> None:
        super().__init__(f"{path}: {problem}")
        self.path, self.problem = path, problem
        #: No text to lint (binary, a named pipe, a device): a directory walk skips such
        #: files with a note; a file named on the command line is an error.
        self.skipped = skipped


@dataclass
class Source:
    """A decoded text file and how to write it back the way it was."""

    path: str
    text: str
    bom: bool = False
    #: Every line ends in CRLF: new line breaks from fixes get CRLF too.
    crlf: bool = False
    #: "utf-8", "utf-16-le", "utf-16-be", "utf-32-le" or "utf-32-be"; or the codec ``--encoding`` named.
    encoding: str = "utf-8"
    #: Every line ends in a lone CR (classic Mac OS): the text has "\n" in their place
    #: (same offsets), and every "\n" is written back as CR.
    cr: bool = False

    def newlines(self, text: str) -> str:
        """*text* with the file's own line endings."""
        if self.crlf:
            return text.replace("\r\n", "\n").replace("\n", "\r\n")
        return text.replace("\n", "\r") if self.cr else text

    def encode(self, text: str) -> bytes:
        return ((BOM if self.bom else "") + self.newlines(text)).encode(self.encoding)


#: Byte order marks, longest first (the UTF-32-LE mark starts with the UTF-16-LE one).
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
#: Encodings whose text has NUL bytes, tried in this order on data with NUL bytes and no
#: byte order mark (UTF-16 text does not decode as UTF-32, and UTF-32 text as UTF-16 holds
#: NUL characters).
_WIDE = ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be")
#: Control characters that never occur in text (all of C0 but tab, newlines, form feed).
_CONTROL = lazy_compile(r"[\x00-\x08\x0e-\x1f\x7f]", engine=re)
#: Files larger than this are not read unless ``max-file-size`` / ``--max-file-size`` allow it.
#: At about 2.5 s and 25 MB of memory per MB of text, 100 MiB lints in some minutes.
DEFAULT_MAX_FILE_SIZE = 100 * 2**20
#: Configuration, vocabulary and rule files larger than this are refused.
SETTINGS_MAX_SIZE = 16 * 2**20


def decode(data: bytes, path: str, encoding: str | None = None) -> Source:
    """Decode UTF-8 (with or without BOM), UTF-16 or UTF-32 (with a BOM, or without one when
    the NUL bytes say so); refuse binary data and invalid bytes. With *encoding* (a codec
    name, ``--encoding``), decode in that encoding only, and write back in it."""
    if encoding is not None:
        return _decode_as(data, path, encoding)
    encoding, skip = next(((enc, len(bom)) for bom, enc in _BOMS if data.startswith(bom)),
                          ("utf-8", 0))
    if not skip and b"\0" in data:
        return _decode_wide(data, path)
    try:
        text = data[skip:].decode(encoding)
    except UnicodeDecodeError as e:
        hint = "" if skip else f"; {ENCODING_HINT}"
        raise InputError(path, f"not valid {encoding.upper()} at byte offset {e.start + skip} "
                               f"({e.reason}); the file was not linted{hint}") from None
    if "\0" in text:
        raise InputError(path, f"binary file (it starts with a {encoding.upper()} byte order mark "
                               "but holds NUL characters)", skipped=True)
    bom = not skip and text.startswith(BOM)  # UTF-8's mark; a U+FEFF after a UTF-16/32 mark is text
    if bom:
        text = text[1:]
    return _source(path, text, bom or bool(skip), encoding)


#: What to do about a file that is not UTF-8.
ENCODING_HINT = ("if it is in another encoding, name it with --encoding (e.g. --encoding latin-1 "
                 "or cp1252); fixes are written back in that encoding")


def check_encoding(name: str) -> str:
    """The codec's canonical name, or ValueError for an unknown one or one that is no text
    encoding (``rot13``, ``base64``)."""
    import codecs

    try:
        info = codecs.lookup(name)
    except LookupError:
        raise ValueError(f"unknown encoding '{name}'") from None
    if not info._is_text_encoding:  # type: ignore[attr-defined]
        raise ValueError(f"'{name}' is not a text encoding")
    return info.name


def _decode_as(data: bytes, path: str, encoding: str) -> Source:
    """*data* decoded in the *encoding* the user named (a byte order mark of that encoding
    is kept as it was)."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as e:
        raise InputError(path, f"not valid {encoding} at byte offset {e.start} ({e.reason}); "
                               "the file was not linted") from None
    if "\0" in text:
        raise InputError(path, f"binary file (NUL characters in {encoding})", skipped=True)
    bom = text.startswith(BOM)
    return _source(path, text[1:] if bom else text, bom, encoding)


def _decode_wide(data: bytes, path: str) -> Source:
    """Data with NUL bytes and no byte order mark: UTF-32 or UTF-16 text (that decodes
    without control characters, and mostly to ASCII: textlint lints English), or binary."""
    for encoding in _WIDE:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _CONTROL.search(text) and len(text.encode("ascii", "ignore")) * 2 >= len(text):
            return _source(path, text, False, encoding)
    raise InputError(path, "binary file (it contains NUL bytes, and is not UTF-16 or UTF-32 text: "
                           "such text needs a byte order mark unless it is mostly ASCII)",
                     skipped=True)


def _source(path: str, text: str, bom: bool, encoding: str) -> Source:
    """The Source of decoded *text*: the line ends of a file whose lines all end in a
    lone CR (classic Mac OS) become "\n" in the text, and CR again when written."""
    cr = "\r" in text and "\n" not in text
    if cr:
        text = text.replace("\r", "\n")
    crlf = "\r\n" in text and text.count("\r\n") == text.count("\n")
    return Source(path, text, bom, crlf, encoding, cr)


#: What a file that is not a regular file is, by the type bits of its mode.
_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"))


def kind_of(mode: int) -> str:
    """"a directory", "a named pipe (FIFO)", ... or "a regular file"."""
    return next((name for test, name in _KINDS if test(mode)), "a regular file")


def os_problem(error: OSError, path: Path | str) -> str:
    """What an :class:`OSError` met on *path* means, in words: "symlink loop", ..."""
    if error.errno == errno.ELOOP:
        return "symlink loop (too many levels of symbolic links)"
    if error.errno == errno.ENOENT:
        return "broken symbolic link" if os.path.islink(path) else "no such file or directory"
    return f"cannot read: {error.strerror or error}"


def format_size(size: int) -> str:
    for unit, scale in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if size >= scale:
            return f"{size / scale:.3g} {unit}"
    return f"{size} bytes"


_SIZE = lazy_compile(r"\s*(\d+)\s*([kmg]?)(?:i?b)?\s*", re.IGNORECASE, engine=re)


def parse_size(value: str | int) -> int:
    """``1048576``, ``"512K"``, ``"50MB"``, ``"1GiB"`` (powers of 1024) -> bytes; 0 is no limit."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    m = _SIZE.fullmatch(value) if isinstance(value, str) else None
    if not m:
        raise ValueError(f"expected a size such as 50MB, 512K or a number of bytes, got {value!r}")
    return int(m[1]) * 1024 ** " kmg".index((m[2] or " ").lower())


def read_regular(path: Path, max_size: int = SETTINGS_MAX_SIZE,
                 limit: str = "the limit for configuration, vocabulary and rule files") -> bytes:
    """The bytes of the regular file *path*, at most *max_size* of them (0: no limit; *limit*
    says in a message where it comes from).

    Anything else is refused without reading it, so that a named pipe never blocks and
    ``/dev/zero`` never fills the memory: :class:`InputError` (``skipped`` for FIFOs,
    devices and sockets), and for a missing, unreadable or too large file.
    """
    name = str(path)
    try:
        kind = kind_of(os.stat(path).st_mode)
        if kind == "a regular file":
            # O_NONBLOCK: should the file be swapped for a FIFO after the stat, opening it
            # does not wait for a writer (fstat below then refuses it).
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0))
            with os.fdopen(fd, "rb") as f:
                kind = kind_of(os.fstat(f.fileno()).st_mode)
                if kind == "a regular file":
                    return _read_at_most(f, name, max_size, limit)
    except OSError as e:
        raise InputError(name, os_problem(e, path)) from None
    raise InputError(name, f"is {kind}, not a regular file", skipped=kind != "a directory")


def _read_at_most(f, name: str, max_size: int, limit: str) -> bytes:
    size = os.fstat(f.fileno()).st_size
    if not max_size or size <= max_size:
        data = f.read(max_size + 1) if max_size else f.read()
        if not max_size or len(data) <= max_size:
            return data
        size = len(data)  # it grew since the fstat
    exact = f" ({size} bytes)" if size >= 1024 else ""
    raise InputError(name, f"is {format_size(size)}{exact}, more than the maximum of "
                           f"{format_size(max_size)} ({limit}); not read")


def read_stream(stream: BinaryIO, name: str, max_size: int = DEFAULT_MAX_FILE_SIZE) -> bytes:
    """All of *stream* (standard input), or an :class:`InputError` past *max_size* bytes."""
    data = stream.read(max_size + 1) if max_size else stream.read()
    if max_size and len(data) > max_size:
        raise InputError(name, f"is more than the maximum of {format_size(max_size)} "
                               "(raise it with --max-file-size or max-file-size); not read")
    return data


def target_problem(path: Path) -> str | None:
    """Why the command-line argument *path* cannot be checked ("symlink loop", ...), or None."""
    try:
        if stat.S_ISDIR(os.stat(path).st_mode):
            try:
                os.scandir(path).close()
                os.stat(os.path.join(path, os.curdir))  # searchable: its files can be opened
            except OSError as e:
                return f"cannot read the directory: {e.strerror}"
    except OSError as e:
        return os_problem(e, path)
    return None


def read_source(path: Path, max_size: int = DEFAULT_MAX_FILE_SIZE, encoding: str | None = None) -> Source:
    """Read and decode the file at *path* (see :func:`read_regular` and :func:`decode`)."""
    return decode(read_regular(path, max_size, "raise it with --max-file-size or max-file-size"),
                  str(path), encoding)


class WriteError(Exception):
    """A fixed file that was not written; the message names the file, the problem and the state it is in."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")


class FileChanged(WriteError):
    """The file changed on disk after it was read: writing would lose those edits."""


#: How long a write waits for another textlint run that holds the file's lock.
LOCK_TIMEOUT = 30.0


def write_source(source: Source, text: str) -> bool:
    """Write *text* back to the file *source* was read from, keeping the file what it was.

    A symlink is followed (the target is fixed, the link kept). Only a regular file we
    may write is written: a FIFO, device, socket or read-only file is refused. While
    the file is checked and written it holds an advisory lock (``flock``), so textlint
    runs take turns; if it no longer holds what was read, :class:`FileChanged` is
    raised and nothing is written. The fixed bytes go to a fsynced temporary copy
    next to the file that takes its owner, group, mode and extended attributes; a
    file with one name whose copy took all of them is replaced by the copy (an atomic
    rename), any other file (hard links, an owner or group the copy cannot take) is
    overwritten in place from the copy. Raises :class:`WriteError` naming what was
    refused or what failed; returns False, writing nothing, when the text did not change.
    """
    if text == source.text:
        return False
    target = os.path.realpath(source.path)
    try:
        data = source.encode(text)
    except UnicodeEncodeError as e:
        raise WriteError(source.path, f"the fixed text has {e.object[e.start:e.end]!r}, which {source.encoding} "
                                      "cannot encode; the file is unchanged") from None
    try:
        with _locked(source.path, target) as fd:
            _check_unchanged(source, fd, target)
            copy, complete = _temporary_copy(source.path, target, data, fd)
            if complete and os.fstat(fd).st_nlink == 1:
                _replace(source.path, copy, target)
            else:
                _overwrite(source.path, fd, copy, data)
    except OSError as e:  # before anything was written
        raise WriteError(source.path, f"cannot write the fixed file: {e.strerror}; the file is unchanged") from None
    return True


@contextmanager
def _locked(path: str, target: str) -> Iterator[int]:
    """The regular file *target* open for reading and writing, under an exclusive ``flock``."""
    try:
        info = os.stat(target)
    except OSError as e:
        raise WriteError(path, f"cannot write the fixed file: {e.strerror}; the file is unchanged") from None
    if not stat.S_ISREG(info.st_mode):
        raise WriteError(path, f"is {kind_of(info.st_mode)}, not a regular file; the fixes were not written")
    try:
        fd = os.open(target, os.O_RDWR | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError as e:
        problem = (f"is read-only for this user (mode {stat.S_IMODE(info.st_mode):04o})"
                   if e.errno == errno.EACCES else f"cannot be opened for writing ({e.strerror})")
        raise WriteError(path, f"{problem}; the fixes were not written") from None
    try:
        _lock(path, fd)
        yield fd
    finally:
        os.close(fd)  # releases the lock


def _lock(path: str, fd: int) -> None:
    deadline = time.monotonic() + LOCK_TIMEOUT
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise WriteError(path, f"still locked by another process after {LOCK_TIMEOUT:.0f} s; "
                                       "the fixes were not written") from None
            time.sleep(0.02)


def _check_unchanged(source: Source, fd: int, target: str) -> None:
    """Raise FileChanged unless *target* is still the file open at *fd* and holds what was read."""
    here = os.fstat(fd)
    try:
        there = os.stat(target)
    except OSError:
        there = None
    if (there is None or (here.st_dev, here.st_ino) != (there.st_dev, there.st_ino)
            or _read_all(fd) != source.encode(source.text)):
        raise FileChanged(source.path, "changed on disk while it was being fixed; the fixes were not written")


def _read_all(fd: int) -> bytes:
    chunks, offset = [], 0
    while chunk := os.pread(fd, 1 << 20, offset):
        chunks.append(chunk)
        offset += len(chunk)
    return b"".join(chunks)


def _temporary_copy(path: str, target: str, data: bytes, original: int) -> tuple[str, bool]:
    """A fsynced copy of *data* next to *target*, and whether it took all the metadata of the
    file open at *original* (see :func:`_copy_metadata`)."""
    directory, name = os.path.split(target)
    try:
        fd, copy = tempfile.mkstemp(prefix=f".{name}.", suffix=".textlint", dir=directory)
    except OSError as e:
        raise WriteError(path, f"cannot create a temporary file in {directory}: {e.strerror}; "
                               "the file is unchanged") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            complete = _copy_metadata(original, f.fileno())
            os.fsync(f.fileno())
    except BaseException as e:
        os.unlink(copy)
        if isinstance(e, OSError):
            raise WriteError(path, f"cannot write the fixed file: {e.strerror}; the file is unchanged") from None
        raise
    return copy, complete


def _copy_metadata(original: int, fd: int) -> bool:
    """Give the file open at *fd* the owner, group, mode and extended attributes (ACLs,
    security labels) of the file open at *original*, as far as this user may; whether all
    were taken. The owner goes first: changing it clears setuid and setgid."""
    want = os.fstat(original)
    if (os.fstat(fd).st_uid, os.fstat(fd).st_gid) != (want.st_uid, want.st_gid):
        with suppress(OSError):
            os.fchown(fd, want.st_uid, want.st_gid)
    os.fchmod(fd, stat.S_IMODE(want.st_mode))
    try:
        for attribute in os.listxattr(original):
            os.setxattr(fd, attribute, os.getxattr(original, attribute))
    except OSError as e:
        if e.errno != errno.ENOTSUP:
            return False
    mine = os.fstat(fd)
    return (mine.st_uid, mine.st_gid, mine.st_mode) == (want.st_uid, want.st_gid, want.st_mode)


def _replace(path: str, copy: str, target: str) -> None:
    """Rename *copy* over *target* (atomic: a reader sees the old or the new file) and fsync the directory."""
    try:
        os.replace(copy, target)
    except BaseException as e:
        os.unlink(copy)
        if isinstance(e, OSError):
            raise WriteError(path, f"cannot replace the file: {e.strerror}; the file is unchanged") from None
        raise
    with suppress(OSError):
        directory = os.open(os.path.dirname(target), os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)


def _overwrite(path: str, fd: int, copy: str, data: bytes) -> None:
    """Write *data* over the file open at *fd* (the same inode: links, owner and mode stay)
    once the complete *copy* reads back right; if the write fails midway, the error says
    where the copy is. SIGINT, SIGTERM and SIGHUP wait until the write is done."""
    if Path(copy).read_bytes() != data:
        os.unlink(copy)
        raise WriteError(path, "the temporary copy did not read back as written; the file is unchanged")
    held = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        offset = 0
        while offset < len(data):
            offset += os.pwrite(fd, data[offset:offset + (1 << 20)], offset)
        os.ftruncate(fd, len(data))
        os.fsync(fd)
    except OSError as e:
        raise WriteError(path, f"the write stopped midway ({e.strerror}) and the file may be incomplete; "
                               f"the complete fixed file is {copy}") from None
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
    os.unlink(copy)


def matches(path: Path, patterns: tuple[str, ...] | list[str]) -> bool:
    """Whether *path* (its name, or its whole path) matches one of the glob *patterns*
    (``fnmatch.fnmatch`` of the name with each pattern, of the path with each pattern and
    with ``*/`` and the pattern)."""
    return bool(patterns) and _matched(path.name, path, _globs(tuple(patterns)))


def _matched(name: str, path: Path, globs: tuple[re.Pattern, re.Pattern] | None) -> bool:
    """:func:`matches` of *path* (whose name is *name*) with the patterns made *globs* by
    :func:`_globs` (None: no patterns), which a walk makes once for all its files."""
    if globs is None:
        return False
    by_name, by_path = globs
    return by_name.match(os.path.normcase(name)) is not None \
        or by_path.match(os.path.normcase(path.as_posix())) is not None


@lru_cache(maxsize=32)
def _globs(patterns: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern]:
    """What :func:`matches` tries on a name and on a whole path: one pattern each, the
    alternation of the globs as ``fnmatch`` translates them (a walk tries them on every file)."""
    def either(globs: list[str]) -> re.Pattern:
        return re.compile("|".join(fnmatch.translate(os.path.normcase(g)) for g in globs))

    return either(list(patterns)), either([g for p in patterns for g in (p, f"*/{p}")])


def _symlinks_in(folder: str) -> set[str] | None:
    """The names of the symbolic links in *folder*, from one read of the directory (its
    entries' types, no ``lstat`` per file); None when it cannot be read."""
    try:
        with os.scandir(folder) as entries:
            return {entry.name for entry in entries if entry.is_symlink()}
    except OSError:
        return None


def _links_outside(path: Path, folder: Path) -> bool:
    """Whether *path* is a symbolic link whose target lies outside *folder* (a path that
    cannot even be looked at is left to the reader, which names the problem)."""
    try:
        return path.is_symlink() and not path.resolve().is_relative_to(folder)
    except OSError:
        return False


def discover(paths: list[Path], include=DEFAULT_INCLUDE, exclude=(),
             on_error: Callable[[InputError], None] | None = None) -> Iterator[Path]:
    """Files to lint: named files always, directory contents that match *include*.

    A directory the walk cannot read is passed to *on_error* (and its files are not linted).
    A walk does not leave the folder it was given: a symbolic link whose target lies outside
    it is passed to *on_error* as skipped (a linted tree may be someone else's, and a link in
    it must not make textlint read or fix ``~/.ssh/config``); a named link is followed.
    """
    def report(e: InputError) -> None:
        if on_error:
            on_error(e)

    def unreadable(e: OSError) -> None:
        report(InputError(str(e.filename), f"cannot read the directory: {e.strerror}; "
                                           "its files were not checked"))

    for root in paths:
        if not os.path.isdir(root):
            yield root
            continue
        included = _globs(tuple(include)) if include else None  # (a named file needs none)
        excluded = _globs(tuple(exclude)) if exclude else None
        inside = Path(root).resolve()
        for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable):
            folder = Path(dirpath)
            dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not d.startswith(".")
                                 and not _matched(d, folder / d, excluded))
            links = _symlinks_in(dirpath)  # (None: each file is looked at)
            for name in sorted(filenames):
                p = folder / name
                if not _matched(name, p, included) or _matched(name, p, excluded):
                    continue
                if (links is None or name in links) and _links_outside(p, inside):
                    report(InputError(str(p), f"a symbolic link to {p.resolve()}, outside {root}; "
                                              "a directory walk does not follow it", skipped=True))
                    continue
                yield p
