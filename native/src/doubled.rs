//! The places where cleanup.DoubledWord looks for a doubled word in plain text, compiled: the twin
//! of `_repeated_run_places_py` (textlint/checks/doubled.py), the starts of `_REPEATED_RUN`'s
//! matches in the text's letters lowercased and every other character made a space, as bytes;
//! and the twin of `_joiner_repeats_py`, where it looks for a compound repeated.

use std::ops::ControlFlow;

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use crate::text::read_in_pieces;

/// Adds the functions of this file to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(repeated_runs, m)?)?;
    m.add_function(wrap_pyfunction!(joiner_repeats, m)?)
}

/// `_repeated_run_places_py(runs)`: the offsets, in order, of the spaces of *runs* that a run of
/// other bytes follows which the next run (after one space or more) repeats whole. (The
/// pattern's runs and spaces are possessive: each is taken whole, so that a match is two
/// neighbouring runs alike, the first after a space.) An iterator, as the twin's generator is:
/// a text of one word repeated has as many places as words, which a list would hold at once.
#[pyfunction]
pub fn repeated_runs(runs: Py<PyBytes>) -> RepeatedRuns {
    RepeatedRuns { runs, at: 0, last: None }
}

/// The places of `repeated_runs`, found one at a time.
#[pyclass(module = "textlint_native")]
pub struct RepeatedRuns {
    runs: Py<PyBytes>,
    /// where the scan goes on
    at: usize,
    /// where the run before starts and where it ends
    last: Option<(usize, usize)>,
}

#[pymethods]
impl RepeatedRuns {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> Option<usize> {
        let runs = self.runs.bind(py).as_bytes();
        while self.at < runs.len() {
            let at = self.at;
            if runs[at] == b' ' {
                self.at += 1;
                continue;
            }
            let end = runs[at..].iter().position(|&b| b == b' ').map_or(runs.len(), |n| at + n);
            let before = self.last.replace((at, end));
            self.at = end;
            if let Some((start, stop)) = before {
                if start > 0 && runs[start..stop] == runs[at..end] {
                    return Some(start - 1); // the space before the first run
                }
            }
        }
        None
    }
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
