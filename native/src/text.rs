//! Python's string predicates, exactly, on ASCII text (bytes, which index as code points do);
//! and a long text read a piece at a time.
//!
//! Outside ASCII, Python's `str.isupper`/`str.islower`/`str.lower` differ from Rust's `char`
//! methods (titlecase letters, final sigma, "İ".lower() is two code points): a caller with text
//! that is not ASCII asks Python instead (or hands the whole call back to its Python twin).

use std::ops::ControlFlow;

use pyo3::prelude::*;
use pyo3::types::{PySlice, PyString};

/// How many code points of a long text one piece holds (see [`read_in_pieces`]).
pub const PIECE: usize = 1 << 16;

/// Hands the text of *text* to *read* a piece of [`PIECE`] code points at a time, in order, until
/// *read* breaks; the break, or None when a piece has no UTF-8 (a lone surrogate). The UTF-8 of a
/// str beyond ASCII is a copy that CPython keeps with the string: read whole, a 10 MB line would
/// hold 10 MB more until it is freed; read so, only one piece's copy lives at a time.
pub fn read_in_pieces<B>(text: &Bound<'_, PyString>, mut read: impl FnMut(&str) -> ControlFlow<B>)
                         -> PyResult<Option<ControlFlow<B>>> {
    let n = text.len()?;
    for start in (0..n).step_by(PIECE) {
        let piece = if n <= PIECE { text.clone() } else { piece_of(text, start, (start + PIECE).min(n))? };
        let Ok(chars) = piece.to_str() else { return Ok(None) };
        if let ControlFlow::Break(b) = read(chars) {
            return Ok(Some(ControlFlow::Break(b)));
        }
    }
    Ok(Some(ControlFlow::Continue(())))
}

/// `text[start:end]`.
fn piece_of<'py>(text: &Bound<'py, PyString>, start: usize, end: usize) -> PyResult<Bound<'py, PyString>> {
    let slice = PySlice::new(text.py(), start as isize, end as isize, 1);
    Ok(text.get_item(slice)?.downcast_into::<PyString>()?)
}

/// `c.isupper()` of one ASCII character.
pub fn is_upper(c: u8) -> bool {
    c.is_ascii_uppercase()
}

/// `c.islower()` of one ASCII character.
pub fn is_lower(c: u8) -> bool {
    c.is_ascii_lowercase()
}

/// `s.isupper()` of ASCII text: some capital and no lowercase letter.
pub fn isupper(s: &[u8]) -> bool {
    s.iter().any(|&c| is_upper(c)) && !s.iter().any(|&c| is_lower(c))
}

/// `s.islower()` of ASCII text: some lowercase letter and no capital.
pub fn islower(s: &[u8]) -> bool {
    s.iter().any(|&c| is_lower(c)) && !s.iter().any(|&c| is_upper(c))
}

/// `s.isalpha()` of ASCII text: some character, each a letter.
pub fn isalpha(s: &[u8]) -> bool {
    !s.is_empty() && s.iter().all(u8::is_ascii_alphabetic)
}

/// `textlint.checks.spacing.model.camel_seam(s, p)` of ASCII text: whether position *p* of *s*
/// is a lowercase→uppercase seam ("CubaPutin", "UNSecurity").
pub fn camel_seam(s: &[u8], p: usize) -> bool {
    if !(0 < p && p < s.len() && is_upper(s[p])) {
        return false;
    }
    // (Python's `s[:p - 1] or s[p - 1]`: the capitals before the one before p, or that one)
    let before = if p > 1 { &s[..p - 1] } else { &s[p - 1..p] };
    is_lower(s[p - 1])
        || (is_upper(s[p - 1])
            && p + 1 < s.len()
            && is_lower(s[p + 1])
            && before.iter().any(|&c| is_upper(c)))
}
