//! The scan of cleanup.NameVariant, compiled: the twin of `_plain_names_py` (textlint/checks/names.py),
//! `_PLAIN_NAME.findall` on plain text, whose classes of letters, capitals and small letters are
//! the fixed sets of capitals.rs (tests/test_native_names.py checks each plain character). Text
//! that is not plain goes back to the Python twin.

use std::collections::HashSet;

use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use crate::capitals::{capital, letter, small};
use crate::fxhash::FxBuild;

/// Adds the functions of this file to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(plain_names, m)?)?;
    m.add_function(wrap_pyfunction!(spelling_pairs, m)?)
}

/// The fewest small letters after a name's capital (`{3,}` in `_PLAIN_NAME`).
const SMALL_AFTER_CAPITAL: usize = 3;

/// Whether the character before a capital keeps it from starting a name (the look-behind of
/// `_PLAIN_NAME`: a letter, a hyphen or an apostrophe, straight or curly).
fn glued_before(c: char) -> bool {
    letter(c) || matches!(c, '-' | '’' | '\'')
}

/// `_PLAIN_NAME.match(text, p)` of plain *s*: the end (a byte offset) of the name that starts at
/// byte *p*, or None. (The run of small letters is taken whole: a shorter one ends before a small
/// letter, which the look-ahead rejects.)
fn name_at(s: &str, p: usize) -> Option<usize> {
    let c = s[p..].chars().next()?;
    if !capital(c) || s[..p].chars().next_back().is_some_and(glued_before) {
        return None;
    }
    let (mut end, mut smalls) = (p + c.len_utf8(), 0);
    while let Some(next) = char_at(s, end).filter(|&c| small(c)) {
        end += next.len_utf8();
        smalls += 1;
    }
    let letter_after = char_at(s, end).is_some_and(letter);
    (smalls >= SMALL_AFTER_CAPITAL && !letter_after).then_some(end)
}

/// The character of *s* at byte *p* (a character's start), None at the end; an ASCII one read
/// without decoding.
fn char_at(s: &str, p: usize) -> Option<char> {
    match s.as_bytes().get(p) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => s[p..].chars().next(),
        None => None,
    }
}

/// Whether *s* is all plain characters (`plain`), read in UTF-8 without decoding: each character
/// beyond ASCII is U+0080 to U+00FF (first byte 0xC2 or 0xC3) or U+2000 to U+206F (0xE2 0x80, or
/// 0xE2 0x81 and at most 0xAF).
fn all_plain(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            0x00..=0x7F => i += 1,
            0xC2 | 0xC3 => i += 2,
            0xE2 if b[i + 1] == 0x80 || b[i + 1] == 0x81 && b[i + 2] <= 0xAF => i += 3,
            _ => return false,
        }
    }
    true
}

/// Whether a byte may start a capital of plain text: an ASCII capital, or the first byte in UTF-8
/// of U+00C0 to U+00FF (`capital` then decides).
fn may_start_capital(b: u8) -> bool {
    b.is_ascii_uppercase() || b == 0xC3
}

/// `_plain_names_py(text)`: the names of the plain *text* (`_PLAIN_NAME.findall`), in order; None
/// when the text is not plain.
#[pyfunction]
pub fn plain_names<'py>(text: &Bound<'py, PyString>) -> PyResult<Option<Bound<'py, PyList>>> {
    let s = text.to_str()?;
    if !s.is_ascii() && !all_plain(s) {
        return Ok(None);
    }
    names(text.py(), s).map(Some)
}

/// `plain_names` of plain text, read in UTF-8 in place: only a byte that may start a capital is
/// looked at further (no copy of the text as characters).
fn names<'py>(py: Python<'py>, s: &str) -> PyResult<Bound<'py, PyList>> {
    let found = PyList::empty(py);
    let bytes = s.as_bytes();
    let mut p = 0;
    while let Some(at) = bytes[p..].iter().position(|&b| may_start_capital(b)) {
        p += at;
        match name_at(s, p) {
            Some(end) => {
                found.append(PyString::new(py, &s[p..end]))?;
                p = end;
            }
            None => p += 1,
        }
    }
    Ok(found)
}

/// `_spelling_pairs_py(forms, _deletion_keys)` (textlint/checks/names.py): the pairs (a, b), a
/// before b, of the *forms* (each taken once) that may be two spellings of one name
/// (`_spellings`: one edit apart in lowercase, neither the start of the other), as the Python
/// strings given, each pair once, in no set order; None when a form is not ASCII (Python's
/// lowercase beyond it is left to the twin). A few dozen distinct forms a document: the forms are
/// sorted by length and each is compared with those of its length or one letter longer that share
/// its first or its last letter in lowercase (one edit of a form of three letters or more keeps one
/// of them).
#[pyfunction]
pub fn spelling_pairs<'py>(forms: &Bound<'py, PyAny>) -> PyResult<Option<Bound<'py, PyList>>> {
    let given = forms.try_iter()?.map(|f| Ok(f?.downcast_into::<PyString>()?)).collect::<PyResult<Vec<_>>>()?;
    let mut seen: HashSet<&str, FxBuild> = HashSet::default();
    let mut distinct: Vec<(Vec<u8>, &Bound<'py, PyString>)> = Vec::new();
    for form in &given {
        let s = form.to_str()?;
        if !s.is_ascii() {
            return Ok(None);
        }
        if seen.insert(s) {
            distinct.push((s.to_ascii_lowercase().into_bytes(), form));
        }
    }
    distinct.sort_by_key(|(low, _)| low.len());
    let found = PyList::empty(forms.py());
    for (i, (low, form)) in distinct.iter().enumerate() {
        for (other_low, other) in distinct[i + 1..].iter().take_while(|(o, _)| o.len() <= low.len() + 1) {
            if !may_be_one_edit_apart(low, other_low) {
                continue;
            }
            let (a, b) = (form.to_str()?.as_bytes(), other.to_str()?.as_bytes());
            if !a.starts_with(b) && !b.starts_with(a) && one_edit_apart(low, other_low) {
                found.append(if a < b { (*form, *other) } else { (*other, *form) })?;
            }
        }
    }
    Ok(Some(found))
}

/// Whether *a* and *b*, of lengths at most one apart, may be one edit apart: forms of fewer than
/// three letters always may; longer ones share their first or their last letter.
fn may_be_one_edit_apart(a: &[u8], b: &[u8]) -> bool {
    a.len().min(b.len()) < 3 || a.first() == b.first() || a.last() == b.last()
}

/// `_edit_distance_one(a, b)`: whether *a* and *b* differ by one substitution, insertion,
/// deletion or transposition of neighbours.
fn one_edit_apart(a: &[u8], b: &[u8]) -> bool {
    if a == b || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    if a.len() == b.len() {
        let mut diff = (0..a.len()).filter(|&i| a[i] != b[i]);
        return match (diff.next(), diff.next(), diff.next()) {
            (Some(_), None, _) => true,
            (Some(i), Some(j), None) => j == i + 1 && a[i] == b[j] && a[j] == b[i],
            _ => false,
        };
    }
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    let i = short.iter().zip(long).take_while(|(s, l)| s == l).count();
    short[i..] == long[i + 1..]
}
