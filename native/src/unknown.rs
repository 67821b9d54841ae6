//! The long words of a document that the lexicon does not know, compiled: the twin of
//! `_unknown_long_words_py` (textlint/checks/spacing/phrases.py), which `phrase_runons` asks
//! of every document's vocabulary (most of whose words the lexicon knows).

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use crate::lookup::Getter;

/// Adds the functions of this file to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(unknown_long_words, m)?)
}

/// `_unknown_long_words_py(words, min_length, zipf)`: the keys of *words* (strs, in order) of
/// *min_length* characters or more for which *zipf* (the `get` of the lexicon's word table)
/// answers nothing true, as written nor in lowercase (Python's `str.lower` outside ASCII).
#[pyfunction]
fn unknown_long_words<'py>(words: &Bound<'py, PyDict>, min_length: usize, zipf: &Bound<'py, PyAny>)
                           -> PyResult<Bound<'py, PyList>> {
    let py = words.py();
    let zipf = Getter::of(zipf)?;
    let unknown = PyList::empty(py);
    let mut lower = String::new();
    let mut keys = words.iter().map(|(word, _)| word); // (PyDict_Next: no list of the keys made first)
    let mut batch = Vec::with_capacity(PREFETCHED);
    loop {
        batch.extend(keys.by_ref().take(PREFETCHED));
        if batch.is_empty() {
            break;
        }
        prefetch_long(&zipf, &batch, min_length);
        for word in batch.drain(..) {
            if let Some(word) = unknown_word(&zipf, word, min_length, &mut lower)? {
                unknown.append(word)?;
            }
        }
    }
    Ok(unknown)
}

/// Words whose answers are loaded into the processor's caches together, before they are asked.
const PREFETCHED: usize = 16;

/// Start loading the compiled word table's answers of the words of *batch* that may be long
/// enough to be asked (their UTF-8 bytes, at least their characters).
fn prefetch_long(zipf: &Getter, batch: &[Bound<'_, PyAny>], min_length: usize) {
    let Some(table) = zipf.compiled() else { return };
    for word in batch {
        if let Some(text) = word.downcast::<PyString>().ok().and_then(|w| w.to_str().ok()) {
            if text.len() >= min_length {
                table.prefetch(word.py(), text.as_bytes());
            }
        }
    }
}

/// *word* when it has *min_length* characters or more and *zipf* answers nothing true of it, as
/// written nor in lowercase (*lower*: room for its ASCII lowercase form).
fn unknown_word<'py>(zipf: &Getter, word: Bound<'py, PyAny>, min_length: usize, lower: &mut String)
                     -> PyResult<Option<Bound<'py, PyString>>> {
    let py = word.py();
    let word = word.downcast_into::<PyString>()?;
    if word.len()? < min_length || known(zipf, &word)? {
        return Ok(None);
    }
    let lowercase_known = match word.to_str() {
        // (a word with no capital is its own lowercase form: its look-up answered already)
        Ok(text) if text.is_ascii() && !text.bytes().any(|b| b.is_ascii_uppercase()) => false,
        Ok(text) if text.is_ascii() => {
            lower.clear();
            lower.extend(text.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            text_known(zipf, py, lower)?
        }
        _ => known(zipf, &word.call_method0(intern!(py, "lower"))?.downcast_into::<PyString>()?)?,
    };
    Ok((!lowercase_known).then_some(word))
}

/// Whether `zipf(word)` is true: a compiled table's answer is read as a number, with no Python
/// int made of it (its value is true when it is not 0).
fn known(zipf: &Getter, word: &Bound<'_, PyString>) -> PyResult<bool> {
    match zipf {
        Getter::Table(table) => Ok(table.get().answer_of(word)?.is_some_and(|value| value != 0)),
        _ => truthy(zipf.get(word)?),
    }
}

/// Whether `zipf(text)` is true, of a key held as Rust text (see [`known`]).
fn text_known(zipf: &Getter, py: Python<'_>, text: &str) -> PyResult<bool> {
    match zipf {
        Getter::Table(table) => Ok(table.get().answer(py, text.as_bytes()).is_some_and(|value| value != 0)),
        _ => truthy(zipf.get_text(py, text)?),
    }
}

/// Whether an answer is there and true.
fn truthy(value: Option<Bound<'_, PyAny>>) -> PyResult<bool> {
    match value {
        Some(value) => value.is_truthy(),
        None => Ok(false),
    }
}
