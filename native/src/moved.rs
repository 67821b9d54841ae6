//! The compiled twin of `may_move_in` (textlint/checks/spacing/moved.py), asked by the compiled
//! `judge_line` of the cores of a line's loud chunks that may be no word (`JudgedLine.may_move`):
//! whether some occurrence of one of them passes `_may_move`, which reads the line and the
//! lexicon's word table alone. The line is read in its UTF-8 (an occurrence of an ASCII core
//! starts and ends on a character); what Python would read otherwise (a core that is not ASCII,
//! a letter before a space that is not, a word table that is not compiled: `lookup.rs`) goes to the twin.

use std::collections::HashSet;

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::{PyList, PyString};

use crate::lookup::Getter;
use crate::table::LexiconTable;

/// What `may_move_in` reads of its module, once per process.
struct Constants {
    /// `_WORD_ZIPF_100`: the Zipf * 100 of a word `_frequent` takes
    word_zipf_100: i64,
    /// `LETTER_WORDS`, the words of one letter `_frequent` takes
    letter_words: HashSet<String>,
    /// `may_move_in`, the twin
    twin: PyObject,
}

static CONSTANTS: GILOnceCell<Constants> = GILOnceCell::new();

fn constants(py: Python<'_>) -> PyResult<&'static Constants> {
    CONSTANTS.get_or_try_init(py, || {
        let module = py.import("textlint.checks.spacing.moved")?;
        Ok(Constants {
            word_zipf_100: module.getattr("_WORD_ZIPF_100")?.extract()?,
            letter_words: module.getattr("LETTER_WORDS")?.try_iter()?.map(|w| w?.extract()).collect::<PyResult<_>>()?,
            twin: module.getattr("may_move_in")?.unbind(),
        })
    })
}

/// `may_move_in(line, model, no_words)`, *text* the UTF-8 of *line* (None: a line with a lone
/// surrogate, which the twin reads).
pub fn may_move_in<'py>(model: &Bound<'py, PyAny>, line: &Bound<'py, PyString>, text: Option<&str>,
                        no_words: &[Bound<'py, PyAny>]) -> PyResult<bool> {
    let py = model.py();
    let c = constants(py)?;
    let zipf = model.getattr(intern!(py, "lex"))?.call_method0(intern!(py, "zipf_table"))?;
    let get = Getter::of(&zipf.getattr(intern!(py, "get"))?)?;
    if let (Some(text), Some(zipf)) = (text, get.compiled()) {
        let words = Words { py, zipf, letter_words: &c.letter_words, least: c.word_zipf_100 };
        if let Some(answer) = words.may_move_in(text, no_words)? {
            return Ok(answer);
        }
    }
    c.twin.bind(py).call1((line, model, PyList::new(py, no_words)?))?.is_truthy()
}

/// The words `_frequent` takes.
struct Words<'a, 'py> {
    py: Python<'py>,
    zipf: &'a LexiconTable,
    letter_words: &'a HashSet<String>,
    least: i64,
}

impl Words<'_, '_> {
    /// `may_move_in` of a line's UTF-8 *text*; None where the twin must answer.
    fn may_move_in(&self, text: &str, no_words: &[Bound<'_, PyAny>]) -> PyResult<Option<bool>> {
        for core in no_words {
            let Ok(core) = core.downcast::<PyString>()?.to_str() else { return Ok(None) };
            if core.is_empty() || !core.is_ascii() {
                return Ok(None);
            }
            let mut from = 0;
            while let Some(at) = text[from..].find(core).map(|i| from + i) {
                match self.may_move(text, at, core.as_bytes()) {
                    Some(false) => from = at + 1,
                    answer => return Ok(answer),
                }
            }
        }
        Ok(Some(false))
    }

    /// `_may_move(text, start, token)` of an ASCII *token* at byte *start* of *text* (a
    /// character's start, as is its end); None where the twin must answer.
    fn may_move(&self, line: &str, start: usize, token: &[u8]) -> Option<bool> {
        let text = line.as_bytes();
        // (a space or a line break before the token: at least one character before it, so the
        // token's character offset is 2 or more when its byte offset is)
        if start >= 2 && token[0].is_ascii_lowercase() {
            let space = text[start - 1];
            if space == b'\n' {
                return Some(true);
            }
            if space == b' ' {
                if self.frequent(&token[1..]) {
                    return Some(true);
                }
                let before = text[start - 2];
                if !before.is_ascii() {
                    return None;  // (a letter Python lowercases as Rust may not)
                }
                if self.frequent(&[&[before], token].concat()) {
                    return Some(true);
                }
            }
        }
        // text[end + 1:end + 2]: the character after the one that follows the token
        let after = line[start + token.len()..].chars().nth(1).filter(char::is_ascii_lowercase).map(|a| a as u8);
        Some(matches!(after, Some(a) if self.frequent(&[token, &[a]].concat()) || self.frequent(&token[..token.len() - 1])))
    }

    /// `_frequent(w)` of an ASCII *w*.
    fn frequent(&self, w: &[u8]) -> bool {
        if w.len() < 2 {
            return std::str::from_utf8(w).is_ok_and(|w| self.letter_words.contains(w));
        }
        let lower = w.to_ascii_lowercase();
        self.zipf.answer(self.py, &lower).map_or(0, i64::from) >= self.least
    }
}
