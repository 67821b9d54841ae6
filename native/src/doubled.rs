//! The places where cleanup.DoubledWord looks for a doubled word in plain text, compiled: the twin
//! of `_repeated_runs_py` (textlint/checks/doubled.py), the starts of the runs of Latin-1 letters
//! that the next run repeats in lowercase;
//! and the twin of `_joiner_repeats_py`, where it looks for a compound repeated.

use std::ops::ControlFlow;

use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::bytewise::{bytes_between, bytes_equal, word_of, ONES};
use crate::text::read_in_pieces;

/// Adds the functions of this file to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(repeated_runs, m)?)?;
    m.add_function(wrap_pyfunction!(joiner_repeats, m)?)
}

/// `_repeated_runs_py(text)`: the code point offsets, in order, of the runs of letters of *text*
/// that the next run repeats in lowercase after non-letters alone (letters: those of Latin-1
/// that `str.isalpha` takes; every other character, a mark beyond Latin-1 too, is none). Read
/// straight from the str, where the twin translates it to bytes first. An iterator, as the twin's
/// generator is: a text of one word repeated has as many places as words, which a list would hold
/// at once. None for a str without UTF-8 (a lone surrogate).
#[pyfunction]
pub fn repeated_runs(text: &Bound<'_, PyString>) -> Option<RepeatedRuns> {
    text.to_str().ok()?;
    Some(RepeatedRuns { text: text.clone().unbind(), base: 0, next: 0, bounds: 0, carry: false, run: None, last: None,
                        counted: (0, 0) })
}

/// The places of `repeated_runs`, found one at a time. The text is read 64 bytes at a time: a
/// mask of their letters tells where runs start and end (no branch on each byte).
#[pyclass(module = "textlint_native")]
pub struct RepeatedRuns {
    text: Py<PyString>,
    /// the first byte of the 64 that `bounds` tells of
    base: usize,
    /// the first byte of the 64 after them
    next: usize,
    /// the bounds of runs not yet read there (a bit for each byte where a run starts or ends)
    bounds: u64,
    /// whether the last byte before the 64 after them is a letter's
    carry: bool,
    /// the first byte of the run read, when one is
    run: Option<usize>,
    /// the run before: its first byte and its end
    last: Option<(usize, usize)>,
    /// a byte already passed and its code point offset (the offsets are counted from there)
    counted: (usize, usize),
}

#[pymethods]
impl RepeatedRuns {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> Option<usize> {
        let bound = self.text.bind(py).clone();
        let text = bound.to_str().ok()?.as_bytes(); // its UTF-8, kept with the str
        loop {
            while self.bounds != 0 {
                let at = self.base + self.bounds.trailing_zeros() as usize;
                self.bounds &= self.bounds - 1;
                if let Some(place) = self.bound_at(text, at) {
                    return Some(place);
                }
            }
            if self.next >= text.len() {
                // a run read to the end of the text (when its last 64 bytes were full) ends there
                return if self.run.is_some() { self.bound_at(text, text.len()) } else { None };
            }
            let mask = letter_mask(text, self.next);
            self.bounds = mask ^ ((mask << 1) | u64::from(self.carry));
            self.carry = mask >> 63 == 1;
            self.base = self.next;
            self.next += 64;
        }
    }
}

impl RepeatedRuns {
    /// Reads a bound of runs at byte *at*: the start of a run, or the end of the one read (and
    /// the place of the run before when this one repeats it).
    fn bound_at(&mut self, text: &[u8], at: usize) -> Option<usize> {
        let Some(start) = self.run.take() else {
            self.run = Some(at);
            return None;
        };
        let before = self.last.replace((start, at))?;
        same_run(&text[before.0..before.1], &text[start..at]).then(|| self.offset_of(text, before.0))
    }

    /// The code point offset of byte *i* of *text*, at or after the last one counted.
    fn offset_of(&mut self, text: &[u8], i: usize) -> usize {
        let (byte, offset) = self.counted;
        let offset = offset + text[byte..i].iter().filter(|&&b| b & 0xc0 != 0x80).count();
        self.counted = (i, offset);
        offset
    }
}

/// Latin-1's letters in lowercase (`_LOWER_LETTERS_ONLY` in textlint/checks/doubled.py), 0 for a
/// character that is no letter: `str.isalpha` takes ª, µ, º and the accented letters but × and ÷;
/// `str.lower` lowers the capitals À to Þ by 0x20 as it does A to Z.
const LOWER: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        table[c] = match b {
            b'A'..=b'Z' | 0xc0..=0xd6 | 0xd8..=0xde => b + 0x20,
            b'a'..=b'z' | 0xaa | 0xb5 | 0xba | 0xdf..=0xf6 | 0xf8..=0xff => b,
            _ => 0,
        };
        c += 1;
    }
    table
};

/// The lowercase of the character at byte *i* of UTF-8 *text* if it is a letter of Latin-1 (else
/// 0), and its width in bytes (1 for a byte of a character beyond Latin-1: each of its bytes is
/// no letter).
fn letter_at(text: &[u8], i: usize) -> (u8, usize) {
    let b = text[i];
    match b {
        0..=0x7f => (LOWER[b as usize], 1),
        0xc2..=0xc3 => (LOWER[(((b & 0x1f) as usize) << 6) | (text[i + 1] & 0x3f) as usize], 2),
        _ => (0, 1), // a byte of a character beyond Latin-1: no letter, as the next bytes
    }
}

/// A bit for each of the 64 bytes of UTF-8 *text* from byte *base* on (fewer at its end): whether
/// it is a byte of a letter of Latin-1. The bytes of ASCII are told eight at a time; the letters
/// beyond (two bytes, led by 0xc2 or 0xc3) one by one.
fn letter_mask(text: &[u8], base: usize) -> u64 {
    let chunk = &text[base..text.len().min(base + 64)];
    let mut bytes = [0u8; 64]; // (the last bytes of the text, followed by no letters)
    bytes[..chunk.len()].copy_from_slice(chunk);
    let (mut mask, mut leads) = (0, 0);
    for (k, eight) in bytes.chunks_exact(8).enumerate() {
        let word = word_of(eight);
        // (a letter of ASCII in either case: made lowercase, from "a" to "z")
        mask |= high_bits(bytes_between(word | (ONES * 0x20), b'a', b'z')) << (8 * k);
        // (0xc2 or 0xc3: without their lowest bit, 0xc2)
        leads |= high_bits(bytes_equal(word & (ONES * 0xfe), 0xc2)) << (8 * k);
    }
    if leads != 0 || base > 0 && text[base - 1] & 0xfe == 0xc2 {
        mask |= latin1_letters(text, base, leads);
    }
    mask
}

/// The high bits of the eight bytes of *word* (only they set), as the eight low bits.
fn high_bits(word: u64) -> u64 {
    word.wrapping_mul(0x0002_0408_1020_4081) >> 56
}

/// The bits of `letter_mask` for the letters beyond ASCII of the 64 bytes of *text* from *base*
/// on, whose bytes 0xc2 and 0xc3 are *leads*: each of their two bytes (the second of one led by
/// the byte before *base* too).
fn latin1_letters(text: &[u8], base: usize, mut leads: u64) -> u64 {
    let mut mask = 0u64;
    if base > 0 && text[base - 1] & 0xfe == 0xc2 && letter_at(text, base - 1).0 != 0 {
        mask |= 1;
    }
    while leads != 0 {
        let k = leads.trailing_zeros();
        leads &= leads - 1;
        if letter_at(text, base + k as usize).0 != 0 {
            mask |= 3 << k; // (the second byte of a letter that ends the 64: in those after)
        }
    }
    mask
}

/// Whether two runs of letters (UTF-8) are the same in lowercase (a letter's lowercase is as wide
/// as it is).
fn same_run(a: &[u8], b: &[u8]) -> bool {
    // (one branch, seldom taken: most runs differ in length or first byte)
    if (a.len() != b.len()) | (LOWER[usize::from(a[0])] != LOWER[usize::from(b[0])]) {
        return false;
    }
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (x, width_x) = letter_at(a, i);
        let (y, width_y) = letter_at(b, j);
        if x != y {
            return false;
        }
        i += width_x;
        j += width_y;
    }
    i == a.len() && j == b.len()
}

/// The characters of `_JOINER_CHARACTERS` (textlint/checks/doubled.py).
const JOINERS: [char; 4] = ['-', '\u{2010}', '’', '\''];

/// Whether *c* is `regex`'s `\s`: Unicode's White_Space.
fn space(c: char) -> bool {
    c.is_whitespace()
}

/// Whether *c* is a separator U+001C to U+001F: `\S`, but it ends the rest of a joiner's token.
fn separator(c: char) -> bool {
    ('\u{1c}'..='\u{1f}').contains(&c)
}

/// `_joiner_repeats_py(text)`: the code point offsets, in order, of the joiners of *text* (one of
/// [`JOINERS`]) whose next token holds the same joiner (the matches of `_JOINER_AGAIN`: the rest
/// of the joiner's token up to `\s` or U+001C to U+001F, then `\s` and the next run of `\S` holding
/// the joiner). One pass over the text (a long one read a piece at a time): the joiners of a token
/// wait for the next token, which tells which joiners it holds when it ends. Stretches where no
/// joiner waits are passed over to the next joiner. None for a string
/// without UTF-8 (a lone surrogate).
#[pyfunction]
pub fn joiner_repeats(text: &Bound<'_, PyString>) -> PyResult<Option<Vec<usize>>> {
    let mut scan = JoinerScan::default();
    let read = read_in_pieces(text, |piece| {
        scan.read(piece);
        ControlFlow::<()>::Continue(())
    })?;
    Ok(read.map(|_| scan.finish()))
}

/// The state of `joiner_repeats` between the pieces of a text.
#[derive(Default)]
struct JoinerScan {
    found: Vec<usize>,
    /// (offset, joiner) of the current token's joiners
    pending: Vec<(usize, usize)>,
    /// those of the token before the spaces
    waiting: Vec<(usize, usize)>,
    /// the joiners of the current token
    held: [bool; JOINERS.len()],
    in_token: bool,
    /// the offset of the next character
    at: usize,
}

impl JoinerScan {
    /// Reads the next characters of the text. Where no joiner waits for its token's end or for
    /// the next token, nothing is found before the next joiner: the scan goes straight there
    /// (each joiner's next place found by `str::find`, a `memchr`; most characters are passed
    /// over so).
    fn read(&mut self, text: &str) {
        // each joiner's next place at or after `i` (usize::MAX: none left), found again once passed
        let mut next = JOINERS.map(|joiner| text.find(joiner).unwrap_or(usize::MAX));
        let mut i = 0;
        while i < text.len() {
            if self.pending.is_empty() && self.waiting.is_empty() {
                for (place, joiner) in next.iter_mut().zip(JOINERS) {
                    if *place < i {
                        *place = text[i..].find(joiner).map_or(usize::MAX, |n| i + n);
                    }
                }
                let j = next.iter().copied().min().unwrap_or(usize::MAX).min(text.len());
                self.at += text[i..j].chars().count();
                i = j;
                if i == text.len() {
                    return;
                }
            }
            let c = text[i..].chars().next().unwrap_or_default();
            self.character(c);
            i += c.len_utf8();
        }
    }

    /// Reads the next character of the text.
    fn character(&mut self, c: char) {
        let i = self.at;
        self.at += 1;
        if space(c) {
            if self.in_token {
                // the token after the spaces ended: it tells which waiting joiners it repeats,
                // and its own joiners wait for the next
                self.token_ended();
                std::mem::swap(&mut self.waiting, &mut self.pending);
                self.pending.clear();
                self.held = [false; JOINERS.len()];
                self.in_token = false;
            }
            return;
        }
        self.in_token = true;
        if let Some(k) = JOINERS.iter().position(|&j| j == c) {
            self.held[k] = true;
            self.pending.push((i, k));
        } else if separator(c) {
            self.pending.clear(); // the rest of these joiners' token ends without `\s`
        }
    }

    /// The offsets found, once the whole text is read.
    fn finish(mut self) -> Vec<usize> {
        if self.in_token {
            self.token_ended();
        }
        self.found
    }

    /// The waiting joiners that the token just ended holds too, found.
    fn token_ended(&mut self) {
        let held = self.held;
        self.found.extend(self.waiting.iter().filter(|&&(_, k)| held[k]).map(|&(at, _)| at));
    }
}
