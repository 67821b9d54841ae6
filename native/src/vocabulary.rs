//! The count of the words of a document's prose (`Document.vocabulary`), compiled: the twin of
//! `_prose_words_py` (textlint/document.py) on plain text, where Python's white space and letters
//! and `regex`'s classes of `WORD` are the fixed sets below (tests/test_native_vocabulary.py checks
//! each plain character). Text that is not plain goes back to the Python twin.

use std::collections::hash_map::Entry as HashEntry;
use std::collections::HashMap;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use crate::capitals::{capital, letter, number, plain, small};
use crate::fxhash::FxBuild;

/// Adds the functions of this file to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(prose_words, m)?)
}

/// Whether the plain character *c* ends a chunk: Python's white space (`str.split`) or a mark of
/// `_SPLIT_AT`, which the twin makes a space.
const fn separator(c: char) -> bool {
    matches!(c, '\t'..='\r' | '\u{1c}'..='\u{1f}' | ' ' | '\u{85}' | '\u{a0}' | '\u{2000}'..='\u{200a}'
        | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '.' | ',' | '"' | '“' | '”')
}

/// Whether *c* is a character of a run of `WORD` (`[\p{L}\p{M}\p{N}]`: plain text has no mark).
fn word_char(c: char) -> bool {
    letter(c) || number(c)
}

/// The matches of `WORD` (`[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*`) in the plain
/// *chunk*, in order.
fn words(chunk: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut chars = chunk.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !word_char(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        loop {
            match chars.peek() {
                Some(&(i, c)) if word_char(c) => end = i + c.len_utf8(),
                // an apostrophe or hyphen joins two runs: the character after it tells
                Some(&(i, c @ ('\'' | '’' | '-'))) if chunk[i..].chars().nth(1).is_some_and(word_char) => end = i + c.len_utf8(),
                _ => break,
            }
            chars.next();
        }
        found.push(&chunk[start..end]);
    }
    found
}

/// A Python dict's counts of slices of the text, kept in the dict's order: a key popped and set
/// again goes to the end.
struct Counts<'a> {
    entries: Vec<Option<(&'a str, usize)>>,
    index: HashMap<&'a str, usize, FxBuild>,
}

impl<'a> Counts<'a> {
    /// Room for about *size* keys.
    fn with_capacity(size: usize) -> Self {
        Counts { entries: Vec::with_capacity(size), index: HashMap::with_capacity_and_hasher(size, Default::default()) }
    }

    /// `counts[key] = counts.get(key, 0) + n` (the key hashed once): whether *key* is new.
    fn add(&mut self, key: &'a str, n: usize) -> bool {
        match self.index.entry(key) {
            HashEntry::Occupied(found) => {
                self.entries[*found.get()].as_mut().expect("an indexed entry is kept").1 += n;
                false
            }
            HashEntry::Vacant(room) => {
                room.insert(self.entries.len());
                self.entries.push(Some((key, n)));
                true
            }
        }
    }

    /// `counts.pop(key)` of a key it holds.
    fn pop(&mut self, key: &str) -> usize {
        let i = self.index.remove(key).expect("a key it holds");
        self.entries[i].take().expect("an indexed entry is kept").1
    }

    /// The keys and counts, in the dict's order, each with whether it was set at or after the
    /// *n*th key.
    fn items_after(&self, n: usize) -> impl Iterator<Item = (&'a str, usize, bool)> + '_ {
        self.entries.iter().enumerate().filter_map(move |(i, entry)| entry.map(|(key, count)| (key, count, i >= n)))
    }
}

/// `_prose_words_py(prose)` of plain *prose*, set in the empty dict *counts* (the twin's Counter,
/// whose items it gets in the same order), and the keys that are not all letters (`str.isalpha`)
/// appended to the empty list *unlettered* in that order (where `glued_runons` looks for its seams:
/// told here, where each key is still Rust text, not by another walk of the dict), and those that
/// are a capital and small letters (`TITLED_WORD`: where `pronoun_runons` looks for "I" glued to
/// a word) to the empty list *titled*: the sum of the counts (`Document.word_count`, told here,
/// not by a walk of the dict's values), or None when *prose* was not plain (and all stay empty).
#[pyfunction]
pub fn prose_words(prose: &Bound<'_, PyString>, counts: &Bound<'_, PyDict>, unlettered: &Bound<'_, PyList>,
                   titled: &Bound<'_, PyList>) -> PyResult<Option<usize>> {
    let py = prose.py();
    let Some((found, chunks)) = count(prose.to_str()?) else { return Ok(None) };
    let mut total = 0;
    // the chunks kept are all letters (the others were replaced by their words): only words tell
    for (word, n, of_words) in found.items_after(chunks) {
        let key = PyString::new(py, word);
        if of_words && !all_letters(word) {
            unlettered.append(&key)?;
        } else if titled_word(word) {
            titled.append(&key)?;
        }
        counts.set_item(key, n)?;
        total += n;
    }
    Ok(Some(total))
}

/// `TITLED_WORD.fullmatch(word)` (`\p{Lu}\p{Ll}+`) of a plain word: a capital, then small letters.
fn titled_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(capital) && chars.next().is_some_and(small) && chars.all(small)
}

/// `str.isalpha` of a plain word (never empty).
fn all_letters(word: &str) -> bool {
    if word.is_ascii() {
        word.bytes().all(|b| b.is_ascii_alphabetic())
    } else {
        word.chars().all(letter)
    }
}

/// What an ASCII character is to a chunk: it ends one (`separator`), or is a letter, or neither.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Separator,
    Letter,
    Other,
}

/// The `Kind` of each ASCII character, looked up by its byte: most of prose is ASCII, read a
/// byte at a time without decoding a character.
const ASCII_KINDS: [Kind; 128] = {
    let mut table = [Kind::Other; 128];
    let mut byte = 0;
    while byte < 128 {
        let c = byte as u8 as char;
        table[byte] = if separator(c) {
            Kind::Separator
        } else if c.is_ascii_alphabetic() {
            Kind::Letter
        } else {
            Kind::Other
        };
        byte += 1;
    }
    table
};

/// About how many characters of prose hold one distinct chunk or word (to size the table).
const CHARS_PER_FORM: usize = 12;

/// The `Kind` and width of the character of plain text at byte *i* of *prose* (None if it is not
/// plain): an ASCII character's told here, inlined in the loop, another's by `kind_beyond_ascii`.
#[inline(always)]
fn kind_at(prose: &str, i: usize) -> Option<(Kind, usize)> {
    let byte = prose.as_bytes()[i];
    if byte.is_ascii() {
        return Some((ASCII_KINDS[usize::from(byte)], 1)); // (every ASCII character is plain)
    }
    kind_beyond_ascii(prose, i)
}

/// `kind_at` of a character beyond ASCII.
#[inline(never)]
fn kind_beyond_ascii(prose: &str, i: usize) -> Option<(Kind, usize)> {
    let c = prose[i..].chars().next().expect("a character starts where the last one ends");
    let kind = if separator(c) {
        Kind::Separator
    } else if !plain(c) {
        return None;
    } else if letter(c) {
        Kind::Letter
    } else {
        Kind::Other
    };
    Some((kind, c.len_utf8()))
}

/// The twin's counts of plain *prose* (None for other text): each chunk between separators
/// counted in the order of first copies, then each chunk that is not all letters
/// (`str.isalpha`, told while the chunk is read) replaced by its words, in that order; and how
/// many keys the chunks set (the keys set later are words of chunks).
fn count(prose: &str) -> Option<(Counts<'_>, usize)> {
    let bytes = prose.as_bytes();
    let ascii_letter = |i: usize| bytes.get(i).is_some_and(|&b| b.is_ascii_alphabetic());
    let mut counts = Counts::with_capacity(prose.len() / CHARS_PER_FORM);
    let mut mixed = Vec::new(); // the chunks that are not all letters, in the order of first copies
    let mut i = 0;
    while i < bytes.len() {
        let (kind, width) = kind_at(prose, i)?;
        if kind == Kind::Separator {
            i += width;
            continue;
        }
        let (start, mut lettered) = (i, kind == Kind::Letter);
        i += width;
        loop {
            while ascii_letter(i) {
                i += 1; // (most of a chunk: read without asking more)
            }
            if i == bytes.len() {
                break;
            }
            let (kind, width) = kind_at(prose, i)?;
            if kind == Kind::Separator {
                break;
            }
            lettered &= kind == Kind::Letter;
            i += width;
        }
        let chunk = &prose[start..i];
        if counts.add(chunk, 1) && !lettered {
            mixed.push(chunk);
        }
    }
    let chunks = counts.entries.len();
    for chunk in mixed {
        let n = counts.pop(chunk);
        for word in words(chunk) {
            counts.add(word, n);
        }
    }
    Some((counts, chunks))
}
