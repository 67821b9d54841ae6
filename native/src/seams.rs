//! The scan of `Document.mark_seams`, compiled: the twin of `_mark_seams_py` (textlint/document.py)
//! on plain text, where `regex`'s classes of `_MARK_SEAMS` are the fixed sets below
//! (tests/test_native_seams.py checks each plain character). Text that is not plain goes back to
//! the Python twin.

use pyo3::prelude::*;
use pyo3::types::{PySlice, PyString};

use crate::capitals::{letter, plain, small};

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

/// How many code points of a long text one piece holds: the text is read a piece at a time, so
/// that no UTF-8 copy of a whole long text beyond ASCII is made (CPython would keep it with the
/// string, 10 MB more at the peak of a 10 MB line).
const PIECE: usize = 1 << 16;

/// `_mark_seams_py(text, most)` of plain *text*: the offsets (in code points) of its seams, in
/// order, up to one more than *most* (the twin's answer is None past *most*); None when *text*
/// is not plain (or has no UTF-8: a lone surrogate).
#[pyfunction]
pub fn mark_seams(text: &Bound<'_, PyString>, most: usize) -> PyResult<Option<Vec<usize>>> {
    let n = text.len()?;
    let mut found = Vec::new();
    let (mut before, mut at): (Option<char>, Option<char>) = (None, None);
    let mut i = 0;
    for start in (0..n).step_by(PIECE) {
        let piece = if n <= PIECE { text.clone() } else { piece_of(text, start, (start + PIECE).min(n))? };
        let Ok(chars) = piece.to_str() else { return Ok(None) };
        for c in chars.chars() {
            if !plain(c) {
                return Ok(None);
            }
            if at.is_some_and(mark) && seam(before, Some(c)) {
                found.push(i - 1);
                if found.len() > most {
                    return Ok(Some(found));
                }
            }
            (before, at) = (at, Some(c));
            i += 1;
        }
    }
    if at.is_some_and(mark) && seam(before, None) {
        found.push(n - 1);
    }
    Ok(Some(found))
}

/// `text[start:end]`.
fn piece_of<'py>(text: &Bound<'py, PyString>, start: usize, end: usize) -> PyResult<Bound<'py, PyString>> {
    let slice = PySlice::new(text.py(), start as isize, end as isize, 1);
    Ok(text.get_item(slice)?.downcast_into::<PyString>()?)
}
