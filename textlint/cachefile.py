"""A dict kept between runs in a file of textlint's cache directory.

The file is written with ``marshal`` and replaced at once (a temporary file renamed over
it). A missing, damaged or unwritable file only means no cache: the caller computes again.
:class:`KeptBlobs` is such a dict of values marshalled one by one, kept by what a run
computed (compiled patterns, the code of dataclass methods): its file is mapped into memory
and only the entries a run asks for are decoded, so that what a process holds does not grow
with what other runs (other versions, other rules) kept.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import mmap
import os
import struct
import zlib
from collections.abc import Callable, Hashable
from pathlib import Path


def read(path: Path) -> dict:
    """The dict kept at *path*, or an empty one."""
    try:
        with open(path, "rb") as f:
            kept = marshal.loads(f.read())  # (marshal.load reads a file object piece by piece: 6x slower)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return kept if isinstance(kept, dict) else {}


def write(path: Path, kept: dict) -> None:
    """Keep *kept* at *path* (nothing when the directory is read-only)."""
    try:
        content = marshal.dumps(kept)
    except ValueError:
        return
    _replace(path, content)


def _replace(path: Path, content: bytes) -> None:
    """Write *content* at *path* at once, through a temporary file (nothing when the
    directory is read-only)."""
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as f:
            f.write(content)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        return
    _move(tmp, path)


def _move(tmp: Path, path: Path) -> None:
    """Put the file *tmp* in the place of *path* at once (or remove it)."""
    try:
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


class KeptBlobs:
    """Values computed by earlier runs, each marshalled on its own, in the cache file *path*
    names, which is mapped into memory on first use: only its index (a checksum of each key
    and where its entry lies) is decoded then, and an entry when it is asked for, so that a
    run holds neither the values it does not use nor the keys (the patterns, sources) of
    any. What a run kept anew is written with the file's entries when the process that kept
    it ends (not a forked worker: those end without writing). At most *max_entries*: a
    full cache starts again.

    The file: :data:`_TAG`, the length of the index, the index (marshal: checksum -> start
    and end of the entry), then the entries (each the marshal of its key and its value: an
    entry answers only the key it was kept for)."""

    def __init__(self, path: Callable[[], Path], max_entries: int) -> None:
        self._path = path
        self._max_entries = max_entries
        self._file: tuple[dict, bytes | mmap.mmap, int] | None = None  # see _map
        self._new: dict = {}
        self._writer: int | None = None  # the process that writes the file when it ends

    def blobs(self) -> dict:
        """The values this process kept (by key, as the bytes that marshal them): :meth:`get`
        reads them before the file's."""
        return self._new

    def get(self, key: Hashable) -> bytes | None:
        blob = self._new.get(key)
        if blob is None:
            index, data, start = self._mapped()
            span = index.get(_checksum(key))
            blob = _entry(data, start, span, key) if span is not None else None
        return blob if isinstance(blob, bytes) else None

    def keep(self, key: Hashable, blob: bytes) -> None:
        if self._writer is None:
            self._writer = os.getpid()
            atexit.register(self._write_at_exit)
        if len(self._mapped()[0]) + len(self._new) >= self._max_entries:
            self._file = ({}, b"", 0)
            self._new.clear()
        self._new[key] = blob

    def _mapped(self) -> tuple[dict, bytes | mmap.mmap, int]:
        if self._file is None:
            self._file = _map(self._path())
        return self._file

    def _write_at_exit(self) -> None:
        if os.getpid() != self._writer:
            return
        index, data, start = self._mapped()
        # the file's entries are copied as they are (not decoded), then the new ones
        parts: dict[int, bytes | memoryview] = {}
        view = memoryview(data)
        for checksum, span in index.items():
            if isinstance(span, tuple) and len(span) == 2 and 0 <= span[0] <= span[1] <= len(data) - start:
                parts[checksum] = view[start + span[0]:start + span[1]]
        for key, blob in self._new.items():
            try:
                parts[_checksum(key)] = marshal.dumps((key, blob))
            except ValueError:  # a key marshal does not hold: not kept
                pass
        path = self._path()
        tmp = _write_entries(path, parts)
        parts.clear()
        view.release()
        self._file = ({}, b"", 0)
        if isinstance(data, mmap.mmap):
            data.close()  # (Windows replaces no file that is mapped)
        if tmp is not None:
            _move(tmp, path)


#: A file of :class:`KeptBlobs` starts with this tag and the length of its index.
_TAG = b"TLKB"
_HEAD = struct.Struct("<4sQ")


def _checksum(key: Hashable) -> int:
    """The index's key for *key* (the same in every process: no ``hash()``, which varies)."""
    text = repr(key).encode("utf-8", "surrogatepass")
    return zlib.crc32(text) << 32 | zlib.adler32(text)


def _map(path: Path) -> tuple[dict, bytes | mmap.mmap, int]:
    """The index of the file at *path*, the file mapped into memory, and where its entries
    start; an empty index when the file is missing, damaged or of another layout."""
    try:
        with open(path, "rb") as f:
            data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # (an empty file cannot be mapped)
        return {}, b"", 0
    try:
        tag, size = _HEAD.unpack_from(data)
        index = marshal.loads(data[_HEAD.size:_HEAD.size + size]) if tag == _TAG else None
    except (struct.error, EOFError, ValueError, TypeError):
        index = None
    return (index, data, _HEAD.size + size) if isinstance(index, dict) else ({}, b"", 0)


def _entry(data: bytes | mmap.mmap, start: int, span, key: Hashable) -> bytes | None:
    """The value of the entry at *span* (from *start*) if it was kept for *key*."""
    try:
        kept_key, blob = marshal.loads(data[start + span[0]:start + span[1]])
    except (EOFError, ValueError, TypeError, IndexError):
        return None  # a damaged entry
    return blob if kept_key == key and isinstance(blob, bytes) else None


def _write_entries(path: Path, parts: dict[int, bytes | memoryview]) -> Path | None:
    """A temporary file beside *path* holding the entries *parts* (checksum of the key -> the
    entry) in the layout :func:`_map` reads; None when the directory is read-only."""
    index: dict[int, tuple[int, int]] = {}
    end = 0
    for checksum, part in parts.items():
        index[checksum] = (end, end + len(part))
        end += len(part)
    head = marshal.dumps(index)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as f:
            f.write(_HEAD.pack(_TAG, len(head)))
            f.write(head)
            for part in parts.values():
                f.write(part)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        return None
    return tmp


# -- tables read from a data file, kept packed and read in place ----------------------------------

#: Bump when what :func:`table_of` keeps changes.
TABLE_FORMAT = 5
#: A file of :func:`table_of` starts with this tag, the format, the length of the source, the
#: length of the table's values (marshalled), the checksum of those and of its keys' places in
#: them, and the counts of its keys (:func:`.lexicon.pack`).
_TABLE_TAG = b"TLPT"
_TABLE_HEAD = struct.Struct("<4sIQQQQQQQ")
#: The most answers an :class:`Answers` keeps (then it starts again).
ANSWERS_KEPT = 1 << 16


def table_path(name: str, source: Path) -> Path | None:
    """Where :func:`table_of` keeps the table *name* read from *source* (None when *source*
    cannot be read)."""
    try:
        return _table_path(name, source.read_bytes())
    except OSError:
        return None


def _table_path(name: str, content: bytes) -> Path:
    """The file of the table *name* read from a source holding *content*: named by the
    content's checksum, so that installs of the same data (checkouts, virtual environments)
    share one file and installs of other data keep their own, instead of each replacing the
    other's in every run (reading the compressed source and its checksum cost a fraction of a
    millisecond)."""
    from .lexicon import cache_dir

    return cache_dir() / f"{name}-{TABLE_FORMAT}-{zlib.crc32(content):08x}.table"


class Answers(dict):
    """A table's answers by key: ``answers[key]`` is the table's value of *key*, or *default*
    for a key it lacks; each is read (``read(key, default)``) the first time it is asked and
    kept, so that a key asked again costs a dict's look-up. At most :data:`ANSWERS_KEPT` are kept
    (then they start again)."""

    def __init__(self, read: Callable, default) -> None:
        super().__init__()
        self._read, self._default = read, default

    def __missing__(self, key: str):
        if len(self) >= ANSWERS_KEPT:
            self.clear()
        value = self[key] = self._read(key, self._default)
        return value


def table_of(name: str, source: Path, build: Callable[[], dict], default=None) -> Answers:
    """The answers (:class:`Answers`, *default* for a key it lacks) of the table that reading
    *source* (a data file of textlint's) gives: ``build()``, a dict of str keys whose values
    are few (each a value marshal holds). Kept in the cache directory as *name*, packed as the
    lexicon's tables are (:func:`.lexicon.pack`: the keys by value, an index of them by
    checksum; each value once) under the checksum of the source's bytes, and read in place,
    mapped into memory: a run decodes none of it, but reads a key the first time it is asked
    (compiled, with ``textlint_native``), where decoding the casing and tag tables took ~150 M
    instructions and a megabyte of news asks 12,000 of their 115,000 keys. Built again when the
    file is missing, of another layout or damaged; kept in memory alone when the cache cannot
    be written."""
    try:
        content = source.read_bytes()
    except OSError:
        return Answers(build().get, default)
    path = _table_path(name, content)
    read = _packed_reader(path, len(content))
    if read is None:
        table = build()
        _write_packed(path, table, len(content))
        read = _packed_reader(path, len(content)) or table.get
    return Answers(read, default)


def _packed_reader(path: Path, size: int) -> Callable | None:
    """What reads a key of the table kept at *path* (of a source of *size* bytes) in place, as
    a dict's ``get`` would; None when the file is missing, of another layout or damaged."""
    from .lexicon import _aligned, packed_size, packed_table, packed_values

    try:
        with open(path, "rb") as f:
            data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # (an empty file cannot be mapped)
        return None
    try:
        tag, version, source_size, values_size, crc, *counts = _TABLE_HEAD.unpack_from(data)
        n, keys, groups, _ = counts
        start = _aligned(_TABLE_HEAD.size)
        pos = start + _aligned(values_size)
        if tag != _TABLE_TAG or version != TABLE_FORMAT or source_size != size \
                or len(data) != pos + packed_size(n, keys, groups):
            return None
        head = data[start:start + values_size]
        values = marshal.loads(head)
        view = memoryview(data)
        table, _ = packed_table(data, view, pos, tuple(counts))
    except (struct.error, EOFError, ValueError, TypeError):
        return None
    # (a damaged value or place would answer wrongly, or fail: they are checked whole, at a
    # fiftieth of the cost of checking each place)
    if not isinstance(values, tuple) or zlib.crc32(packed_values(view, pos, n), zlib.crc32(head)) != crc:
        return None
    return _in_place(table.get, values)


def _in_place(get: Callable, values: tuple) -> Callable:
    """``read(key, default)`` of a packed table: *get* gives the place of a key's value in
    *values*. It keeps *get*'s compiled table (``textlint_native.LexiconTable``, when *get* is
    its ``get``) and *values* as ``parts``, for :func:`in_place_parts`."""
    def read(key: str, default):
        i = get(key)
        return default if i is None else values[i]

    table = getattr(get, "__self__", None)
    read.parts = (table, values) if type(table).__name__ == "LexiconTable" else None  # type: ignore[attr-defined]
    return read


def in_place_parts(answers: Answers) -> tuple[object, tuple] | None:
    """The compiled table (``textlint_native.LexiconTable``) that reads *answers*'s keys in place
    and the values its places index, or None when Python reads them (or the table was built in
    memory): compiled code may then ask the table itself."""
    return getattr(getattr(answers, "_read", None), "parts", None)


def _write_packed(path: Path, table: dict, size: int) -> None:
    """Keep *table* (read from a source of *size* bytes) at *path*, packed (nothing when its
    values cannot be marshalled, a key holds a newline, which ends a key packed, or the
    directory is read-only)."""
    from .lexicon import _aligned, pack, packed_values

    if any("\n" in key for key in table):
        return
    try:
        # each value once, told apart by its marshalled bytes (0.0 is not -0.0, nor 1 True)
        blobs = {marshal.dumps(value): value for value in table.values()}
        place = {blob: i for i, blob in enumerate(blobs)}
        head = marshal.dumps(tuple(blobs.values()))
        counts, part = pack({key: place[marshal.dumps(value)] for key, value in table.items()})
    except (ValueError, TypeError, OverflowError):  # (more values than 16 bits number)
        return
    pad = bytes(_aligned(len(head)) - len(head))
    crc = zlib.crc32(packed_values(memoryview(part), 0, counts[0]), zlib.crc32(head))
    top = _TABLE_HEAD.pack(_TABLE_TAG, TABLE_FORMAT, size, len(head), crc, *counts)
    _replace(path, top + bytes(_aligned(len(top)) - len(top)) + head + pad + part)
