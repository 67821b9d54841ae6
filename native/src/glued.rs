//! The words of a document that hold a seam of `glued_runons`, compiled: the twin of
//! `_seamed_words` (textlint/checks/spacing/glued.py), which looks for `DIGIT_SEAM` and
//! `POSSESSIVE_SEAM` in a document's words that are not all letters (`Document.unlettered_words`),
//! where a pattern's scan costs about a hundred instructions a character. On plain words, where
//! `regex`'s `\d` is an ASCII digit and `\p{Ll}` a small letter of `capitals::small`
//! (tests/test_native_glued.py checks each plain character); other words go back to the twin.

use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use crate::capitals::{plain, small};

/// Adds the functions of this file to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(seamed_words, m)?)
}

/// `_seamed_words(unlettered)` of a list of plain words: those that hold a seam, in their order
/// (the twin's set); None when a word is not plain (the twin answers).
#[pyfunction]
fn seamed_words<'py>(unlettered: &Bound<'py, PyList>) -> PyResult<Option<Bound<'py, PyList>>> {
    let found = PyList::empty(unlettered.py());
    for word in unlettered.iter() {
        let word = word.downcast_into::<PyString>()?;
        let text = word.to_str()?;
        if !text.chars().all(plain) {
            return Ok(None);
        }
        if holds_seam(text) {
            found.append(word)?;
        }
    }
    Ok(Some(found))
}

/// Whether a match of `DIGIT_SEAM` (`\d(?:(?<=\p{Ll}\d)\d|(?=\p{Ll}{4}))`: a small letter and two
/// digits, or a digit and four small letters) or of `POSSESSIVE_SEAM` (`['’]s\p{Ll}`) starts
/// somewhere in the plain *word*.
fn holds_seam(word: &str) -> bool {
    let (mut before, mut rest) = (None, word.chars());
    while let Some(c) = rest.next() {
        let mut ahead = rest.clone();
        let seam = if c.is_ascii_digit() {
            before.is_some_and(small) && ahead.next().is_some_and(|d| d.is_ascii_digit())
                || rest.clone().take(4).filter(|&d| small(d)).count() == 4
        } else {
            matches!(c, '\'' | '’') && ahead.next() == Some('s') && ahead.next().is_some_and(small)
        };
        if seam {
            return true;
        }
        before = Some(c);
    }
    false
}
