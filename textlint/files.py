"""Reading and writing the files we lint: encodings, newlines, atomic writes, discovery."""

from __future__ import annotations

import fnmatch
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

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
        #: True for files that are skipped on purpose (binary), not errors.
        self.skipped = skipped


@dataclass
class Source:
    """A decoded text file and how to write it back the way it was."""

    path: str
    text: str
    bom: bool = False
    #: Every line ends in CRLF: new line breaks from fixes get CRLF too.
    crlf: bool = False
    #: "utf-8", or "utf-16-le" / "utf-16-be" for a file that starts with a UTF-16 BOM.
    encoding: str = "utf-8"

    def encode(self, text: str) -> bytes:
        if self.crlf:
            text = text.replace("\r\n", "\n").replace("\n", "\r\n")
        return ((BOM if self.bom else "") + text).encode(self.encoding)


#: Byte order marks of UTF-16 (Windows tools write it): such files are read and kept so.
_UTF16 = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}


def decode(data: bytes, path: str) -> Source:
    """Decode UTF-8 (with or without BOM) or UTF-16 with a BOM; refuse binary data and
    invalid bytes."""
    utf16 = _UTF16.get(data[:2])
    if utf16 is None and b"\0" in data[:8192]:
        raise InputError(path, "binary file (it contains NUL bytes); skipped", skipped=True)
    encoding, skip = (utf16, 2) if utf16 else ("utf-8", 0)
    try:
        text = data[skip:].decode(encoding)
    except UnicodeDecodeError as e:
        raise InputError(path, f"not valid {encoding.upper()} at byte offset {e.start + skip} "
                               f"({e.reason}); the file was not linted") from None
    bom = text.startswith(BOM)
    if bom:
        text = text[1:]
    crlf = "\r\n" in text and text.count("\r\n") == text.count("\n")
    return Source(path, text, bom or bool(utf16), crlf, encoding)


def read_source(path: Path) -> Source:
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(str(path), "is a directory") from None
    except OSError as e:
        raise InputError(str(path), f"cannot read: {e.strerror}") from None
    return decode(data, str(path))


def write_source(source: Source, text: str) -> bool:
    """Write *text* back atomically, keeping BOM, newline style and mode.

    Returns False, writing nothing, when the text did not change.
    """
    if text == source.text:
        return False
    path = Path(source.path)
    data = source.encode(text)
    mode = stat.S_IMODE(path.stat().st_mode)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".textlint", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def matches(path: Path, patterns: tuple[str, ...] | list[str]) -> bool:
    """Whether *path* (its name, or its whole path) matches one of the glob *patterns*."""
    posix = path.as_posix()
    return any(fnmatch.fnmatch(path.name, p) or fnmatch.fnmatch(posix, p)
               or fnmatch.fnmatch(posix, f"*/{p}") for p in patterns)


def discover(paths: list[Path], include=DEFAULT_INCLUDE, exclude=()) -> Iterator[Path]:
    """Files to lint: named files always, directory contents that match *include*."""
    for root in paths:
        if not root.is_dir():
            yield root
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not d.startswith(".")
                                 and not matches(Path(dirpath, d), exclude))
            for name in sorted(filenames):
                p = Path(dirpath, name)
                if matches(p, include) and not matches(p, exclude):
                    yield p
