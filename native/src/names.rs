//! The scan of cleanup.NameVariant, compiled: the twin of `_plain_names_py` (textlint/checks/names.py),
//! `_PLAIN_NAME.findall` on plain text, whose classes of letters, capitals and small letters are
//! the fixed sets of capitals.rs (tests/test_native_names.py checks each plain character). Text
//! that is not plain goes back to the Python twin.

use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use crate::capitals::{capital, letter, plain, small};

/// Adds the functions of this file to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(plain_names, m)?)
}

/// The fewest small letters after a name's capital (`{3,}` in `_PLAIN_NAME`).
const SMALL_AFTER_CAPITAL: usize = 3;

/// Whether the character before a capital keeps it from starting a name (the look-behind of
/// `_PLAIN_NAME`: a letter, a hyphen or an apostrophe, straight or curly).
fn glued_before(c: char) -> bool {
    letter(c) || matches!(c, '-' | '’' | '\'')
}

/// `_PLAIN_NAME.match(chars, p)`: the end of the name that starts at *p*, or None. (The run of
/// small letters is taken whole: a shorter one ends before a small letter, which the look-ahead
/// rejects.)
fn name_at<C: Copy + Into<char>>(chars: &[C], p: usize) -> Option<usize> {
    if !capital(chars[p].into()) || p > 0 && glued_before(chars[p - 1].into()) {
        return None;
    }
    let end = p + 1 + chars[p + 1..].iter().take_while(|&&c| small(c.into())).count();
    let letter_after = chars.get(end).is_some_and(|&c| letter(c.into()));
    (end - p > SMALL_AFTER_CAPITAL && !letter_after).then_some(end)
}

/// `_plain_names_py(text)`: the names of the plain *text* (`_PLAIN_NAME.findall`), in order; None
/// when the text is not plain.
#[pyfunction]
pub fn plain_names<'py>(text: &Bound<'py, PyString>) -> PyResult<Option<Bound<'py, PyList>>> {
    let s = text.to_str()?;
    if s.is_ascii() {
        return names(text.py(), s.as_bytes()).map(Some);
    }
    let chars: Vec<char> = s.chars().collect();
    if !chars.iter().all(|&c| plain(c)) {
        return Ok(None);
    }
    names(text.py(), &chars).map(Some)
}

/// `plain_names` of plain text, as its code points.
fn names<'py, C: Copy + Into<char>>(py: Python<'py>, chars: &[C]) -> PyResult<Bound<'py, PyList>> {
    let found = PyList::empty(py);
    let mut p = 0;
    while p < chars.len() {
        match name_at(chars, p) {
            Some(end) => {
                found.append(PyString::new(py, &chars[p..end].iter().map(|&c| c.into()).collect::<String>()))?;
                p = end;
            }
            None => p += 1,
        }
    }
    Ok(found)
}
