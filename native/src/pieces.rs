//! The pieces of text that a YAML rule's test looks for in a document it can index, compiled:
//! the twins of `_any_run_held_py` and `_tokens_held_py` (textlint/yamlrules/needs.py). Each
//! piece is a search of the whole text; Python's `in` reads a text of English a character at a
//! time for most pieces (its skip test takes nearly every letter for one of the piece's), Rust's
//! `str::contains` many at once. In UTF-8 a piece is in a text exactly where its characters are
//! (no character's bytes start inside another's).

use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple};

/// Adds the functions of this file to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(any_run_held, m)?)?;
    m.add_function(wrap_pyfunction!(tokens_held, m)?)
}

/// *text* in UTF-8, or None when it has none (a lone surrogate): the twin answers then.
fn utf8<'a>(text: &'a Bound<'_, PyString>) -> Option<&'a str> {
    text.to_str().ok()
}

/// `_any_run_held_py(text, groups)`: whether *text* holds the shared beginning of a group of
/// *groups* ((shared, runs) pairs) and one of its runs; None when a string has no UTF-8.
#[pyfunction]
pub fn any_run_held(text: &Bound<'_, PyString>, groups: &Bound<'_, PyTuple>) -> PyResult<Option<bool>> {
    let Some(text) = utf8(text) else { return Ok(None) };
    for group in groups.iter() {
        let (shared, runs): (Bound<'_, PyString>, Bound<'_, PyTuple>) = group.extract()?;
        let Some(shared) = utf8(&shared) else { return Ok(None) };
        if !text.contains(shared) {
            continue;
        }
        match runs_held(text, &runs, false)? {
            Some(false) => {}
            held => return Ok(held),
        }
    }
    Ok(Some(false))
}

/// `_tokens_held_py(text, groups)`: the places (in order) of the tokens of *groups* ((shared,
/// tokens) pairs, a token being (place, runs)) whose group's shared beginning and every run
/// *text* holds; None when a string has no UTF-8.
#[pyfunction]
pub fn tokens_held(text: &Bound<'_, PyString>, groups: &Bound<'_, PyTuple>) -> PyResult<Option<Vec<usize>>> {
    let Some(text) = utf8(text) else { return Ok(None) };
    let mut places = Vec::new();
    for group in groups.iter() {
        let (shared, tokens): (Bound<'_, PyString>, Bound<'_, PyTuple>) = group.extract()?;
        let Some(shared) = utf8(&shared) else { return Ok(None) };
        if !text.contains(shared) {
            continue;
        }
        for token in tokens.iter() {
            let (place, runs): (usize, Bound<'_, PyTuple>) = token.extract()?;
            match runs_held(text, &runs, true)? {
                Some(true) => places.push(place),
                Some(false) => {}
                None => return Ok(None),
            }
        }
    }
    Ok(Some(places))
}

/// Whether *text* holds every run of *runs* (*every*) or one of them (not *every*); None when a
/// run has no UTF-8 before the answer is known.
fn runs_held(text: &str, runs: &Bound<'_, PyTuple>, every: bool) -> PyResult<Option<bool>> {
    for run in runs.iter() {
        let run = run.downcast_into::<PyString>()?;
        let Some(run) = utf8(&run) else { return Ok(None) };
        if text.contains(run) != every {
            return Ok(Some(!every));
        }
    }
    Ok(Some(every))
}
