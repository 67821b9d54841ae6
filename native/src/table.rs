//! The lexicon's tables read in place: the twin of `textlint.lexicon.Table.get`.
//!
//! A table of the lexicon's cache file (`textlint/lexicon.py`, `_write`) is its keys' UTF-8
//! text, each key followed by a newline (key `j` is `keys[base + offsets[j]..base +
//! offsets[j + 1] - 1]`), their values, and an index: bucket `crc32(key) & mask` (zlib's
//! checksum of the key's UTF-8 bytes; `mask` is the number of buckets less one) holds the keys
//! `slots[starts[b]..starts[b + 1]]`. [`LexiconTable`] reads those arrays where the cache file
//! maps them (buffers of the Python objects it was given) and answers a key as the Python twin
//! reads it in place, damaged caches included: every index the Python takes is bounded as
//! Python bounds it (a slice clamps, an item out of range ends the read with no answer). It
//! keeps the answers it read (`answers`, bounded), and Rust code holding it asks it directly
//! (`crate::lookup::Getter`), without a Python call.

use std::cell::RefCell;
use std::ops::Range;

use pyo3::buffer::{PyBuffer, ReadOnlyCell};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::GILProtected;
use pyo3::types::{PyBytes, PyString};

use answers::Answers;

mod answers;
mod pages;

/// zlib's CRC-32 table (the reflected polynomial 0xEDB88320), one entry a byte value.
const CRC_TABLE: [u32; 256] = crc_table();

const fn crc_table() -> [u32; 256] {
    let mut table = [0u32; 256];
    let mut byte = 0;
    while byte < 256 {
        let mut crc = byte as u32;
        let mut bit = 0;
        while bit < 8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            bit += 1;
        }
        table[byte] = crc;
        byte += 1;
    }
    table
}

/// `zlib.crc32(data)`.
fn crc32(data: &[u8]) -> u32 {
    !data.iter().fold(!0u32, |crc, &b| CRC_TABLE[((crc ^ b as u32) & 0xFF) as usize] ^ (crc >> 8))
}

/// The items of Python's `seq[start:stop]` of a sequence of `len` items: a negative bound
/// counts from the end, and both are clamped to the sequence.
fn py_slice(len: usize, start: i64, stop: i64) -> Range<usize> {
    let bound = |i: i64| {
        let i = if i < 0 { i + len as i64 } else { i };
        i.clamp(0, len as i64) as usize
    };
    let (start, stop) = (bound(start), bound(stop));
    start..stop.max(start)
}

/// Item `i` of a buffer, None beyond it (where Python raises IndexError).
fn item<T: pyo3::buffer::Element + Copy>(cells: &[ReadOnlyCell<T>], i: usize) -> Option<T> {
    cells.get(i).map(ReadOnlyCell::get)
}

/// A lexicon table read in place (`textlint.lexicon.Table` before it builds its dict): `get`
/// answers what `Table.get` answers, without counting reads or building; the answers it read
/// are kept, bounded ([`answers`]): those of keys of 13 UTF-8 bytes or less in entries of 16
/// bytes (nine words asked in ten), of 14-29 bytes in entries of 32.
#[pyclass(frozen, module = "textlint_native")]
pub struct LexiconTable {
    keys: PyBuffer<u8>,
    base: usize,
    offsets: PyBuffer<u32>,
    values: PyBuffer<i16>,
    slots: PyBuffer<u32>,
    starts: PyBuffer<u32>,
    /// (a frozen class shared by threads: the answers are only read and written with the GIL
    /// held, and by no code that calls Python meanwhile)
    short: GILProtected<RefCell<Answers<2>>>,
    long: GILProtected<RefCell<Answers<4>>>,
}

#[pymethods]
impl LexiconTable {
    /// The table over the parts `Table.__init__` takes (*index* as its two parts, *slots* and
    /// *starts*): each an object with a buffer of the item type the cache stores (the keys
    /// bytes, the offsets, slots and starts `"I"`, the values `"h"`).
    #[new]
    fn new(
        keys: &Bound<'_, PyAny>,
        base: usize,
        offsets: &Bound<'_, PyAny>,
        values: &Bound<'_, PyAny>,
        slots: &Bound<'_, PyAny>,
        starts: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        let table = LexiconTable {
            keys: PyBuffer::get(keys)?,
            base,
            offsets: PyBuffer::get(offsets)?,
            values: PyBuffer::get(values)?,
            slots: PyBuffer::get(slots)?,
            starts: PyBuffer::get(starts)?,
            short: GILProtected::new(RefCell::new(Answers::default())),
            long: GILProtected::new(RefCell::new(Answers::default())),
        };
        let contiguous = [
            table.keys.is_c_contiguous(),
            table.offsets.is_c_contiguous(),
            table.values.is_c_contiguous(),
            table.slots.is_c_contiguous(),
            table.starts.is_c_contiguous(),
        ];
        if contiguous.contains(&false) || table.starts.item_count() < 2 {
            return Err(PyValueError::new_err("a table needs contiguous buffers and two starts or more"));
        }
        Ok(table)
    }

    /// `Table.get` read in place: the value of *key* (a str), *default* when the table lacks
    /// it.
    #[pyo3(signature = (key, default=None))]
    fn get(&self, py: Python<'_>, key: &Bound<'_, PyAny>, default: Option<PyObject>) -> PyResult<PyObject> {
        Ok(match self.answer_of(key)? {
            Some(value) => value.into_pyobject(py)?.into_any().unbind(),
            None => default.unwrap_or_else(|| py.None()),
        })
    }

    /// The number of answers kept (a bounded number).
    #[getter]
    fn kept(&self, py: Python<'_>) -> usize {
        let short = self.short.get(py).try_borrow().map_or(0, |answers| answers.len());
        short + self.long.get(py).try_borrow().map_or(0, |answers| answers.len())
    }
}

impl LexiconTable {
    /// The value of *key* as `Table.get` reads it in place (None when the table lacks it): a
    /// str's UTF-8 bytes, or what `key.encode("utf-8", "surrogatepass")` makes.
    pub fn answer_of(&self, key: &Bound<'_, PyAny>) -> PyResult<Option<i16>> {
        Ok(match key.downcast::<PyString>().ok().and_then(|s| s.to_str().ok()) {
            Some(text) => self.answer(key.py(), text.as_bytes()),
            None => self.answer(key.py(), encoded(key)?.as_bytes()),
        })
    }

    /// The value of the key of UTF-8 bytes *wanted*: the answer kept, else the table's, read in
    /// place (and kept).
    pub fn answer(&self, py: Python<'_>, wanted: &[u8]) -> Option<i16> {
        if wanted.len() <= Answers::<2>::KEY_BYTES {
            self.kept_answer(py, &self.short, wanted)
        } else {
            self.kept_answer(py, &self.long, wanted)
        }
    }

    /// Start loading where the answer of the key of UTF-8 bytes *wanted* is kept, for a look-up
    /// of it soon after (a hint: nothing changes but the time the look-up waits).
    pub fn prefetch(&self, py: Python<'_>, wanted: &[u8]) {
        if wanted.len() <= Answers::<2>::KEY_BYTES {
            Self::prefetch_in(py, &self.short, wanted);
        } else {
            Self::prefetch_in(py, &self.long, wanted);
        }
    }

    fn prefetch_in<const W: usize>(py: Python<'_>, answers: &GILProtected<RefCell<Answers<W>>>, wanted: &[u8]) {
        if let (Some(probe), Ok(answers)) = (Answers::probe(wanted), answers.get(py).try_borrow()) {
            answers.prefetch(&probe);
        }
    }

    /// The answer of *wanted* kept in *answers*, else read in place and kept there (or only read
    /// when it cannot be kept).
    fn kept_answer<const W: usize>(&self, py: Python<'_>, answers: &GILProtected<RefCell<Answers<W>>>, wanted: &[u8]) -> Option<i16> {
        let (Some(probe), Ok(mut answers)) = (Answers::probe(wanted), answers.get(py).try_borrow_mut()) else {
            return self.value(py, wanted);
        };
        if let Some(kept) = answers.get(&probe) {
            return kept;
        }
        let value = self.value(py, wanted);
        answers.insert(&probe, value);
        value
    }

    /// The value of the key of UTF-8 bytes *wanted*, as `Table.get` reads it in place.
    fn value(&self, py: Python<'_>, wanted: &[u8]) -> Option<i16> {
        let starts = self.starts.as_slice(py)?;
        let bucket = crc32(wanted) as usize & (starts.len() - 2);
        let (first, end) = (item(starts, bucket)?, item(starts, bucket + 1)?);
        if first >= end {
            return None; // an empty bucket (about half the keys a table lacks)
        }
        let slots = self.slots.as_slice(py)?;
        let (keys, offsets) = (self.keys.as_slice(py)?, self.offsets.as_slice(py)?);
        for slot in &slots[py_slice(slots.len(), first as i64, end as i64)] {
            let j = slot.get() as usize;
            let (start, stop) = (item(offsets, j)?, item(offsets, j + 1)?);
            let at = self.base as i64;
            let key = &keys[py_slice(keys.len(), at + start as i64, at + stop as i64 - 1)];
            if key.len() == wanted.len() && key.iter().zip(wanted).all(|(k, w)| k.get() == *w) {
                return item(self.values.as_slice(py)?, j);
            }
        }
        None
    }
}

/// `key.encode("utf-8", "surrogatepass")`: the bytes of a str that UTF-8 cannot encode (a
/// lone surrogate), or what Python makes of another object.
fn encoded<'py>(key: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyBytes>> {
    Ok(key.call_method1("encode", ("utf-8", "surrogatepass"))?.downcast_into::<PyBytes>()?)
}
