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


# -- tables read from a data file, kept decoded -------------------------------------------------

#: Bump when what :func:`table_of` or :func:`table_in_shards` keeps changes.
TABLE_FORMAT = 3
#: The pieces :func:`table_in_shards` keeps a table in, by the code point of its keys' first
#: character (an ASCII letter's two cases fall in one piece).
SHARDS = 32


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

    return cache_dir() / f"{name}-{TABLE_FORMAT}-{zlib.crc32(content):08x}.marshal"


def table_of(name: str, source: Path, build: Callable[[], dict]) -> dict:
    """``build()``, the dict that reading *source* (a data file of textlint's) gives, kept in
    the cache directory as *name*: ``marshal`` decodes it in about half the instructions
    that decompressing and splitting the file take. Kept under the checksum of the source's
    bytes (:func:`_table_path`; a new file is read again) with their length, and with a
    checksum of the table's bytes (a damaged file is read again)."""
    blobs, table = _kept_pieces(name, source, build, 1)
    if table is None:
        table = _decoded(blobs[0])
    return build() if table is None else table


def table_in_shards(name: str, source: Path, build: Callable[[], dict]) -> Shards:
    """:func:`table_of`, kept in :data:`SHARDS` pieces that are decoded when first asked
    (:class:`Shards`): a short text asks about a few words, and need not decode a table of
    70,000 (14 ms, most of what a one-line file's check would otherwise spend on it)."""
    blobs, table = _kept_pieces(name, source, build, SHARDS)
    return Shards([], build, table) if blobs is None else Shards(blobs, build)


def _kept_pieces(name: str, source: Path, build: Callable[[], dict], count: int
                 ) -> tuple[list[bytes] | None, dict | None]:
    """The table of *source* in *count* marshalled pieces (:func:`_pieces`) as the cache
    directory keeps it: (the pieces, None) when they are kept and hold, else (the pieces,
    the table) built and kept (no pieces when the table cannot be marshalled or *source*
    read)."""
    try:
        content = source.read_bytes()
    except OSError:
        return None, build()
    path = _table_path(name, content)
    kept = read(path)
    blobs = kept.get("pieces")
    if kept.get("size") == len(content) and isinstance(blobs, list) and len(blobs) == count \
            and all(isinstance(b, bytes) for b in blobs) and kept.get("crc") == _crc_of(blobs):
        return blobs, None
    table = build()
    try:
        blobs = _pieces(table, count)
    except ValueError:
        return None, table
    write(path, {"size": len(content), "crc": _crc_of(blobs), "pieces": blobs})
    return blobs, table


def _decoded(blob: bytes) -> dict | None:
    """The dict marshalled in *blob* (b"": an empty one); None when it does not decode."""
    try:
        table = marshal.loads(blob) if blob else {}
    except (EOFError, ValueError, TypeError):
        return None
    return table if isinstance(table, dict) else None


def _shard(key: str) -> int:
    return ord(key[0]) % SHARDS if key else 0


def _pieces(table: dict, count: int) -> list[bytes]:
    """*table* in *count* marshalled pieces (1, or :data:`SHARDS` by :func:`_shard` of each key)."""
    pieces: list[dict] = [{} for _ in range(count)]
    for key, value in table.items():
        pieces[_shard(key) if count > 1 else 0][key] = value
    return [marshal.dumps(piece) if piece else b"" for piece in pieces]  # (b"": nothing to decode)


def _crc_of(blobs: list[bytes]) -> int:
    crc = 0
    for blob in blobs:
        crc = zlib.crc32(blob, crc)
    return crc


class Shards:
    """A table kept in marshalled pieces (:func:`table_in_shards`), each decoded the first time
    a key of it is asked; ``get`` answers as the whole dict's would, and is that dict's own once
    every piece is decoded. A piece that does not decode (a damaged file whose checksum still
    held) has the whole table built again from its source (*build*)."""

    def __init__(self, blobs: list[bytes], build: Callable[[], dict], table: dict | None = None) -> None:
        self._blobs: list[bytes | None] = [blob or None for blob in blobs]
        self._left = self._pieces = sum(blob is not None for blob in self._blobs)
        self._build = build
        self._table: dict = {}
        if table is not None or not self._left:
            self._whole(self._table if table is None else table)

    def get(self, key: str, default=None):
        i = _shard(key)
        if self._blobs[i] is not None:
            self._decode(i)
        return self._table.get(key, default)

    def _decode(self, i: int) -> None:
        """Piece *i* decoded, and the rest too once fewer than a quarter are left (a text that
        asked this much asks on); then the dict answers alone, without a call of this method."""
        self._take(i)
        if self._left * 4 < self._pieces:
            for k, blob in enumerate(self._blobs):
                if blob is not None:
                    self._take(k)
        if not self._left:
            self.get = self._table.get

    def _take(self, i: int) -> None:
        piece = _decoded(self._blobs[i])
        if piece is None:
            self._whole(self._build())
            return
        self._table.update(piece)
        self._blobs[i] = None
        self._left -= 1

    def _whole(self, table: dict) -> None:
        """Every piece decoded: *table* is the whole."""
        self._table, self._blobs, self._left = table, [None] * SHARDS, 0
        self.get = table.get
