//! The words of a document's vocabulary that are not all letters, compiled: the twin of
//! `_unlettered_words_py` (textlint/checks/spacing/glued.py), which `glued_runons` asks of every
//! document's vocabulary (nearly all of whose words are letters only).

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use crate::capitals::{letter, plain};

/// Adds the functions of this file to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(unlettered_words, m)?)
}

/// `_unlettered_words_py(words)`: the keys of *words* (strs, in order) that `str.isalpha` calls
/// no word of letters (the empty string among them): read here when plain (`letter` is
/// `str.isalpha` of a plain character), else asked of `str.isalpha`.
#[pyfunction]
fn unlettered_words<'py>(words: &Bound<'py, PyDict>) -> PyResult<Bound<'py, PyList>> {
    let py = words.py();
    let found = PyList::empty(py);
    for word in words.keys() {
        let word = word.downcast_into::<PyString>()?;
        let alpha = match word.to_str() {
            Ok(text) if text.is_ascii() => !text.is_empty() && text.bytes().all(|b| b.is_ascii_alphabetic()),
            Ok(text) if text.chars().all(plain) => !text.is_empty() && text.chars().all(letter),
            _ => word.call_method0(intern!(py, "isalpha"))?.is_truthy()?,
        };
        if !alpha {
            found.append(word)?;
        }
    }
    Ok(found)
}
