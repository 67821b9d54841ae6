//! The scan of `Document.mark_seams`, compiled: the twin of `_mark_seams_py` (textlint/document.py)
//! on plain text, where `regex`'s classes of `_MARK_SEAMS` are the fixed sets below
//! (tests/test_native_seams.py checks each plain character). Text that is not plain goes back to
//! the Python twin.

use std::ops::ControlFlow;

use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::capitals::{letter, plain, small};
use crate::text::read_in_pieces;

/// Adds the functions of this file to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(mark_seams, m)?)
}

/// The marks of `_MARK_SEAMS`.
fn mark(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '!' | '?' | '.')
}

/// `[^\S\r\n]` of `regex` among plain characters: a space that is no line break.
fn inline_space(c: char) -> bool {
    matches!(c, '\t' | '\u{b}' | '\u{c}' | ' ' | '\u{85}' | '\u{a0}' | '\u{2000}'..='\u{200a}'
        | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}')
}

/// Whether a mark between *before* and *after* is a seam: after a space that is no line break,
/// or between a small letter and a letter.
fn seam(before: Option<char>, after: Option<char>) -> bool {
    before.is_some_and(|b| inline_space(b) || small(b) && after.is_some_and(letter))
}

/// Why the scan of a text stopped before its end.
enum Stop {
    /// a character that is not plain: the text goes back to the Python twin
    NotPlain,
    /// more seams than the caller takes
    Enough,
}

/// `_mark_seams_py(text, most)` of plain *text*: the offsets (in code points) of its seams, in
/// order, up to one more than *most* (the twin's answer is None past *most*); None when *text*
/// is not plain (or has no UTF-8: a lone surrogate). A long text is read a piece at a time.
#[pyfunction]
pub fn mark_seams(text: &Bound<'_, PyString>, most: usize) -> PyResult<Option<Vec<usize>>> {
    let mut found = Vec::new();
    let (mut before, mut at): (Option<char>, Option<char>) = (None, None);
    let mut i = 0;
    let read = read_in_pieces(text, |chars| {
        for c in chars.chars() {
            if !plain(c) {
                return ControlFlow::Break(Stop::NotPlain);
            }
            if at.is_some_and(mark) && seam(before, Some(c)) {
                found.push(i - 1);
                if found.len() > most {
                    return ControlFlow::Break(Stop::Enough);
                }
            }
            (before, at) = (at, Some(c));
            i += 1;
        }
        ControlFlow::Continue(())
    })?;
    match read {
        None | Some(ControlFlow::Break(Stop::NotPlain)) => return Ok(None),
        Some(ControlFlow::Break(Stop::Enough)) => return Ok(Some(found)),
        Some(ControlFlow::Continue(())) => {}
    }
    if at.is_some_and(mark) && seam(before, None) {
        found.push(i - 1);
    }
    Ok(Some(found))
}
