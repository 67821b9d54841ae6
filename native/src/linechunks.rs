//! The chunks of a line (`line.split()`) for the compiled `judge_line` (judge.rs): found as spans
//! of the line's UTF-8, so that the quiet table (quiet.rs) is asked of each without a Python
//! str; a chunk becomes a str only where one is needed (a loud chunk's answer, or when Python
//! asks the `JudgedLine`'s chunks for one: `LineChunks`, a sequence made of the spans).

use pyo3::exceptions::PyIndexError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use crate::quiet;
use crate::windows::is_space;

/// Adds the class of this file to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<LineChunks>()
}

/// The UTF-8 of a line: an ASCII str's own (no copy), or a copy of another's, which lives as long
/// as what holds it (`to_str` would keep one with the str, a long line's for its life).
pub enum Utf8 {
    Ascii(Py<PyString>),
    Copy(String),
}

impl Utf8 {
    /// The UTF-8 of *line*; None when it has a lone surrogate.
    pub fn of(line: &Bound<'_, PyString>) -> PyResult<Option<Self>> {
        let py = line.py();
        if line.call_method0(intern!(py, "isascii"))?.is_truthy()? {
            return Ok(Some(Utf8::Ascii(line.clone().unbind())));
        }
        let Ok(bytes) = line.encode_utf8() else { return Ok(None) };
        Ok(Some(Utf8::Copy(String::from_utf8(bytes.as_bytes().to_vec())?)))
    }

    /// The text (UTF-8) of the line.
    pub fn text<'a>(&'a self, py: Python<'a>) -> PyResult<&'a str> {
        match self {
            Utf8::Ascii(line) => line.to_str(py),
            Utf8::Copy(text) => Ok(text),
        }
    }
}

/// The chunks of a line: the spans (byte offsets) of its UTF-8 that `str.split()` makes, or, for
/// a line with a lone surrogate, the strs Python made, each with its key in the quiet table.
pub enum Split<'py> {
    Spans(Utf8, Vec<(usize, usize)>),
    Python(Bound<'py, PyList>, Vec<Box<[u8]>>),
}

impl<'py> Split<'py> {
    /// `line.split()`.
    pub fn of(line: &Bound<'py, PyString>) -> PyResult<Self> {
        let Some(utf8) = Utf8::of(line)? else {
            // (a lone surrogate: Python splits, and each chunk's key is worked out)
            let chunks = line.call_method0(intern!(line.py(), "split"))?.downcast_into::<PyList>()?;
            let keys = chunks.iter().map(|c| quiet::key_of(c.downcast()?)).collect::<PyResult<_>>()?;
            return Ok(Split::Python(chunks, keys));
        };
        let spans = spans(utf8.text(line.py())?);
        Ok(Split::Spans(utf8, spans))
    }

    /// The line's UTF-8; None for a line with a lone surrogate.
    pub fn text<'a>(&'a self, py: Python<'a>) -> PyResult<Option<&'a str>> {
        match self {
            Split::Spans(utf8, _) => utf8.text(py).map(Some),
            Split::Python(..) => Ok(None),
        }
    }

    pub fn len(&self) -> usize {
        match self {
            Split::Spans(_, spans) => spans.len(),
            Split::Python(_, keys) => keys.len(),
        }
    }

    /// The keys of the chunks in the quiet table (their UTF-8), in order.
    pub fn keys<'a>(&'a self, py: Python<'a>) -> PyResult<Box<dyn Iterator<Item = &'a [u8]> + 'a>> {
        Ok(match self {
            Split::Spans(utf8, spans) => {
                let bytes = utf8.text(py)?.as_bytes();
                Box::new(spans.iter().map(move |&(a, b)| &bytes[a..b]))
            }
            Split::Python(_, keys) => Box::new(keys.iter().map(|key| &key[..])),
        })
    }

    /// The key of chunk *k* in the quiet table.
    pub fn key<'a>(&'a self, py: Python<'a>, k: usize) -> PyResult<&'a [u8]> {
        Ok(match self {
            Split::Spans(utf8, spans) => &utf8.text(py)?.as_bytes()[spans[k].0..spans[k].1],
            Split::Python(_, keys) => &keys[k],
        })
    }

    /// Chunk *k* as a str.
    pub fn chunk(&self, py: Python<'py>, k: usize) -> PyResult<Bound<'py, PyString>> {
        match self {
            Split::Spans(utf8, spans) => Ok(PyString::new(py, &utf8.text(py)?[spans[k].0..spans[k].1])),
            Split::Python(chunks, _) => Ok(chunks.get_item(k)?.downcast_into()?),
        }
    }

    /// The chunks as a sequence for Python: the list Python made, or a `LineChunks`.
    pub fn into_sequence(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Split::Spans(utf8, spans) => Ok(Bound::new(py, LineChunks { utf8, spans })?.into_any()),
            Split::Python(chunks, _) => Ok(chunks.into_any()),
        }
    }
}

/// An ASCII line's text and its chunks' spans.
pub type AsciiSpans<'a> = (&'a [u8], &'a [(usize, usize)]);

/// The chunks of a line (`line.split()`) as a sequence of str, each made when asked: the chunks
/// of a `JudgedLine` that the compiled `judge_line` hands back, of which the compiled code reads
/// only the number.
#[pyclass(frozen, sequence, module = "textlint_native")]
pub struct LineChunks {
    utf8: Utf8,
    spans: Vec<(usize, usize)>,
}

impl LineChunks {
    /// The text of *line* with its chunks' spans (byte offsets, which are its code points')
    /// when these are its chunks and it is ASCII, else None: where `line_windows` (windows.rs)
    /// places the chunks without finding them in the line again.
    pub fn ascii_spans<'a>(&'a self, line: &'a Bound<'_, PyString>) -> PyResult<Option<AsciiSpans<'a>>> {
        Ok(match &self.utf8 {
            Utf8::Ascii(own) if own.is(line) => Some((line.to_str()?.as_bytes(), &self.spans)),
            _ => None,
        })
    }
}

#[pymethods]
impl LineChunks {
    fn __len__(&self) -> usize {
        self.spans.len()
    }

    fn __getitem__<'py>(&self, py: Python<'py>, k: isize) -> PyResult<Bound<'py, PyString>> {
        let at = if k < 0 { k + self.spans.len() as isize } else { k };
        let Some(&(a, b)) = usize::try_from(at).ok().and_then(|at| self.spans.get(at)) else {
            return Err(PyIndexError::new_err("list index out of range"));
        };
        Ok(PyString::new(py, &self.utf8.text(py)?[a..b]))
    }

    /// An iterator of the chunks (a list's).
    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let text = self.utf8.text(py)?;
        PyList::new(py, self.spans.iter().map(|&(a, b)| PyString::new(py, &text[a..b])))?.try_iter().map(Bound::into_any)
    }
}

/// The spans (byte offsets) of the chunks of *text* that `str.split()` makes: the runs of
/// characters between white space (`is_space`).
fn spans(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut spans = Vec::with_capacity(bytes.len() / 4 + 1);
    let mut i = 0;
    while i < bytes.len() {
        let width = space_width(text, i);
        if width > 0 {
            i += width;
            continue;
        }
        let start = i;
        loop {
            // (the common case first: a printable ASCII character, never white space)
            while i < bytes.len() && (b'!'..=b'~').contains(&bytes[i]) {
                i += 1;
            }
            if i == bytes.len() || space_width(text, i) > 0 {
                break;
            }
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
        spans.push((start, i));
    }
    spans
}

/// The length in bytes of the character at byte *i* of *text* when it is white space (`is_space`),
/// else 0. (Inlined, its ASCII case first: asked at both ends of every chunk of a line.)
#[inline(always)]
fn space_width(text: &str, i: usize) -> usize {
    let b = text.as_bytes()[i];
    if b > b' ' && b.is_ascii() {
        return 0; // (Python's white space of ASCII lies at or below the space)
    }
    if b.is_ascii() {
        return usize::from(is_space(char::from(b)));
    }
    text[i..].chars().next().filter(|&c| is_space(c)).map_or(0, char::len_utf8)
}
