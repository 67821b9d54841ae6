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
const fn mark(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '!' | '?' | '.')
}

/// The bytes of ASCII characters that are no mark: a run of them is passed over a byte at a
/// time, without decoding a character or asking what it is.
const PASSED: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = !mark(byte as u8 as char);
        byte += 1;
    }
    table
};

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
        let bytes = chars.as_bytes();
        let mut j = 0;
        while j < bytes.len() {
            if !at.is_some_and(mark) {
                // a run of ASCII characters that are no mark (most of a text), after a character
                // that is no mark: none of them ends a seam; only the last two are kept
                let run = bytes[j..].iter().position(|&b| !PASSED[usize::from(b)]).unwrap_or(bytes.len() - j);
                if run > 0 {
                    before = if run > 1 { Some(char::from(bytes[j + run - 2])) } else { at };
                    at = Some(char::from(bytes[j + run - 1]));
                    (i, j) = (i + run, j + run);
                    continue;
                }
            }
            let c = chars[j..].chars().next().expect("a character starts where the last one ends");
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
            (i, j) = (i + 1, j + c.len_utf8());
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
