//! A document's structures read off its whole text in one pass, compiled: the twins of
//! `_paragraph_bounds_py`, `_characters_beyond_latin1_py`, `_glued_periods_py` and
//! `_substrings_in_py` (textlint/document.py). A long text
//! is read a piece at a time (`read_in_pieces`); a text without UTF-8 (a lone surrogate) goes
//! back to the Python twin.

use std::collections::BTreeSet;
use std::ops::ControlFlow;

use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::text::read_in_pieces;

/// Adds the functions of this file to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(paragraph_bounds, m)?)?;
    m.add_function(wrap_pyfunction!(characters_beyond_latin1, m)?)?;
    m.add_function(wrap_pyfunction!(glued_periods, m)?)?;
    m.add_function(wrap_pyfunction!(substrings_in, m)?)
}

/// Python's `str.isspace` of one character.
const fn python_space(c: char) -> bool {
    matches!(c, '\t'..='\r' | '\u{1c}'..='\u{1f}' | ' ' | '\u{85}' | '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}'
        | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}')
}

/// Whether *c* may stand between the line feeds of a paragraph break (`_PARAGRAPH_BREAK`'s class:
/// white space but the line feed and U+001C to U+001F).
const fn blank(c: char) -> bool {
    python_space(c) && !matches!(c, '\n' | '\u{1c}'..='\u{1f}')
}

/// The line of a text being read (it may span pieces): what of it tells where paragraphs are.
struct Line {
    /// Whether every character of it is a blank (`blank`).
    blank: bool,
    /// The offsets of its first character and one past its last that are no white space.
    seen: Option<(usize, usize)>,
}

impl Line {
    const EMPTY: Line = Line { blank: true, seen: None };

    /// Reads *part*, the next characters of the line (no line feed), which start at offset
    /// *at*: the offset after them.
    fn read(&mut self, part: &str, at: usize) -> usize {
        let ascii = part.is_ascii();
        let offset = |byte: usize| at + if ascii { byte } else { part[..byte].chars().count() };
        self.blank = self.blank && part.chars().all(blank);
        if let Some(first) = part.char_indices().find(|&(_, c)| !python_space(c)) {
            let (last, c) = part.char_indices().rev().find(|&(_, c)| !python_space(c)).expect("a character that is no space");
            let (first, last) = (offset(first.0), offset(last + c.len_utf8()));
            self.seen = Some((self.seen.map_or(first, |(start, _)| start), last));
        }
        offset(part.len())
    }
}

/// Where the paragraphs of a text are, found a line at a time: a line of blanks between line
/// feeds is a break (`_PARAGRAPH_BREAK` matches the feed before it and every such line after).
struct Paragraphs {
    /// The starts and ends of the paragraphs found, trimmed, each after the last.
    bounds: Vec<usize>,
    /// The offsets of the first character and one past the last of the paragraph read that are
    /// no white space.
    seen: Option<(usize, usize)>,
    /// Whether a break came after the paragraph read (a line that is not one ends it).
    broken: bool,
    /// The line being read, and whether a line feed came before it.
    line: Line,
    after_feed: bool,
}

impl Paragraphs {
    fn new() -> Self {
        Paragraphs { bounds: Vec::new(), seen: None, broken: false, line: Line::EMPTY, after_feed: false }
    }

    /// Ends the line read, by a line feed (*fed*) or by the end of the text.
    fn end_line(&mut self, fed: bool) {
        let line = std::mem::replace(&mut self.line, Line::EMPTY);
        if line.blank && fed && self.after_feed {
            self.broken = true;
        } else {
            if self.broken {
                self.end_paragraph();
                self.broken = false;
            }
            if let Some((start, end)) = line.seen {
                self.seen = Some((self.seen.map_or(start, |(first, _)| first), end));
            }
        }
        self.after_feed = fed;
    }

    /// Keeps the paragraph read, if it holds a character that is no white space.
    fn end_paragraph(&mut self) {
        if let Some((start, end)) = self.seen.take() {
            self.bounds.extend([start, end]);
        }
    }
}

/// `_paragraph_bounds_py(text)`: the starts and ends of *text*'s paragraphs (`Document.paragraphs`:
/// blocks between matches of `_PARAGRAPH_BREAK`, trimmed of Python's white space, the empty ones
/// left out), each after the last, in one list; None when *text* has no UTF-8.
#[pyfunction]
pub fn paragraph_bounds(text: &Bound<'_, PyString>) -> PyResult<Option<Vec<usize>>> {
    let mut paragraphs = Paragraphs::new();
    let mut at = 0;
    let read = read_in_pieces(text, |chars| {
        let mut parts = chars.split('\n');
        let last = parts.next_back().expect("a split holds a part");
        for part in parts {
            at = paragraphs.line.read(part, at) + 1; // (the line feed)
            paragraphs.end_line(true);
        }
        at = paragraphs.line.read(last, at);
        ControlFlow::<()>::Continue(())
    })?;
    if read.is_none() {
        return Ok(None);
    }
    paragraphs.end_line(false);
    paragraphs.end_paragraph();
    Ok(Some(paragraphs.bounds))
}

/// `_characters_beyond_latin1_py(text)`: the distinct characters of *text* above U+00FF, in
/// order, in one string; None when *text* has no UTF-8.
#[pyfunction]
pub fn characters_beyond_latin1(text: &Bound<'_, PyString>) -> PyResult<Option<String>> {
    let mut found = BTreeSet::new();
    let read = read_in_pieces(text, |chars| {
        // a character beyond Latin-1 starts with a byte from 0xC4 on (U+0100 is C4 80)
        let mut rest = chars;
        while let Some(at) = beyond_latin1_at(rest.as_bytes()) {
            let c = rest[at..].chars().next().expect("a character starts at a leading byte");
            found.insert(c);
            rest = &rest[at + c.len_utf8()..];
        }
        ControlFlow::<()>::Continue(())
    })?;
    Ok(read.map(|_| found.into_iter().collect()))
}

/// `_glued_periods_py(text, most)`: the offsets of the periods of *text* before an ASCII letter
/// (`_GLUED_PERIOD`), in order, up to one more than *most* (the twin's answer is None past *most*);
/// None when *text* has no UTF-8.
#[pyfunction]
pub fn glued_periods(text: &Bound<'_, PyString>, most: usize) -> PyResult<Option<Vec<usize>>> {
    let mut found = Vec::new();
    let mut at = 0; // the offset of the piece read
    let mut period_last = false; // whether the last piece ended in a period
    let read = read_in_pieces(text, |chars| {
        let bytes = chars.as_bytes();
        if period_last && bytes.first().is_some_and(u8::is_ascii_alphabetic) {
            found.push(at - 1);
            if found.len() > most {
                return ControlFlow::Break(());
            }
        }
        let ascii = chars.is_ascii();
        let (mut counted, mut offset) = (0, at); // a byte of the piece and its offset
        let mut from = 0;
        // (`str::find` of one ASCII character is std's memchr: a word of bytes at a time)
        while let Some(i) = chars[from..].find('.').map(|i| from + i) {
            from = i + 1;
            if !bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
                continue;
            }
            offset += if ascii { i - counted } else { chars[counted..i].chars().count() };
            counted = i;
            found.push(offset);
            if found.len() > most {
                return ControlFlow::Break(());
            }
        }
        at += if ascii { bytes.len() } else { chars.chars().count() };
        period_last = bytes.last() == Some(&b'.');
        ControlFlow::Continue(())
    })?;
    Ok(read.map(|_| found))
}

/// How many bytes of a text `beyond_latin1_at` tells ASCII at a time (`<[u8]>::is_ascii` reads a
/// word of bytes at a time; nearly every block of English prose is ASCII).
const ASCII_BLOCK: usize = 64;

/// The offset of the first byte of *bytes* that leads a character above U+00FF (from 0xC4 on:
/// U+0100 is C4 80), if any: the blocks of ASCII passed over without a look at each byte.
fn beyond_latin1_at(bytes: &[u8]) -> Option<usize> {
    let mut start = 0;
    for block in bytes.chunks(ASCII_BLOCK) {
        if !block.is_ascii() {
            if let Some(i) = block.iter().position(|&b| b >= 0xc4) {
                return Some(start + i);
            }
        }
        start += block.len();
    }
    None
}

/// `_substrings_in_py(text, needles)`: whether each of the ASCII *needles* occurs in *text*, each
/// looked for by std's `str::contains` (SIMD, many bytes a step, where Python's `in` on text beyond
/// Latin-1 reads it a character at a time); None when *text* has no UTF-8 or a needle is not ASCII
/// (the twin answers). An ASCII byte never stands inside the UTF-8 of another character, so a
/// needle's bytes in the text's are the needle in the text.
#[pyfunction]
pub fn substrings_in(text: &Bound<'_, PyString>, needles: Vec<String>) -> PyResult<Option<Vec<bool>>> {
    let Ok(text) = text.to_str() else { return Ok(None) };
    if !needles.iter().all(|needle| needle.is_ascii()) {
        return Ok(None);
    }
    Ok(Some(needles.iter().map(|needle| text.contains(needle.as_str())).collect()))
}
