//! Whether a token is one edit away from a frequent word, compiled: the twin of
//! `_typo_of_ascii_word_py` (textlint/checks/spacing/model.py), which `Model.typo_of_word` asks
//! of an ASCII token (`phrase_cut` of each token with one phrase cut, `Model.plain_glued`).

use std::cmp::Ordering;
use std::ops::Range;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString, PyTuple};

/// Adds the functions of this file to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(typo_of_ascii_word, m)?)
}

/// `_typo_of_ascii_word_py(token, pieces, solid, forwards, backwards)` of an ASCII *token*:
/// whether a word of *forwards* (the ASCII words of *solid*, sorted) other than *pieces* is one
/// edit of a lowercase letter away from it (a deletion, transposition, insertion or
/// substitution). Only the edits within the reach of the words' starts and ends into the token
/// are made, as the twin makes them, and each is looked for among the words that start with the
/// letters before it (a bisection of *forwards*, read in place); *solid* is the twin's, which
/// *forwards* stands for.
#[pyfunction]
fn typo_of_ascii_word(token: &Bound<'_, PyString>, pieces: &Bound<'_, PyList>, solid: &Bound<'_, PyAny>,
                      forwards: &Bound<'_, PyTuple>, backwards: &Bound<'_, PyTuple>) -> PyResult<bool> {
    let _ = solid; // (forwards holds its ASCII words, all an ASCII token's edits may make)
    let word = token.to_str()?;
    if !word.is_ascii() {
        return Err(PyValueError::new_err("typo_of_ascii_word: the token is not ASCII"));
    }
    let word = word.as_bytes();
    let pieces: Vec<Vec<u8>> = pieces.iter().filter_map(|p| p.downcast::<PyString>().ok()?.to_str().ok().map(|s| s.as_bytes().to_vec()))
        .collect();
    let (words, reversed_words) = (Sorted(forwards), Sorted(backwards));
    let reversed: Vec<u8> = word.iter().rev().copied().collect();
    let reach = Reach { n: word.len(), starts: words.longest_shared_start(word)?, ends: reversed_words.longest_shared_start(&reversed)? };
    let other = |w: &[u8]| !pieces.iter().any(|p| p == w);
    let (deletions, swaps, insertions) = (reach.places(1), reach.places(2), reach.places(0));
    for i in deletions.start.min(swaps.start).min(insertions.start)..deletions.end.max(swaps.end).max(insertions.end) {
        let among = words.starting_with(&word[..i])?;
        let edits = Edits { word, at: i, replace: deletions.contains(&i), swap: swaps.contains(&i), insert: insertions.contains(&i) };
        if among.len() <= SCANNED {
            for j in among {
                if words.with_word(j, |w| edits.make(w) && other(w))? {
                    return Ok(true);
                }
            }
        } else {
            for edit in edits.strings() {
                if other(&edit) && words.holds(&edit, &among)? {
                    return Ok(true);
                }
            }
        }
    }
    Ok(false)
}

/// Up to this many words that start with the letters before an edit are read one by one, each
/// asked whether an edit makes it; the edits of more are looked for among them.
const SCANNED: usize = 64;

/// The edits of a lowercase letter of *word* at *at* that keep its letters before it: a
/// deletion and the substitutions when *replace*, the transposition of the letter with the next
/// when *swap*, the insertions when *insert*.
struct Edits<'a> {
    word: &'a [u8],
    at: usize,
    replace: bool,
    swap: bool,
    insert: bool,
}

impl Edits<'_> {
    /// Whether one of the edits makes *made* (a string that starts with the word's letters
    /// before the edit).
    fn make(&self, made: &[u8]) -> bool {
        let (word, i, n) = (self.word, self.at, self.word.len());
        let letter = |c: u8| c.is_ascii_lowercase();
        self.replace && (made.len() + 1 == n && made[i..] == word[i + 1..]
                         || made.len() == n && made[i] != word[i] && letter(made[i]) && made[i + 1..] == word[i + 1..])
            || self.swap && made.len() == n && made[i] == word[i + 1] && made[i + 1] == word[i] && made[i + 2..] == word[i + 2..]
            || self.insert && made.len() == n + 1 && letter(made[i]) && made[i + 1..] == word[i..]
    }

    /// The strings the edits make (some more than once).
    fn strings(&self) -> Vec<Vec<u8>> {
        let (word, i) = (self.word, self.at);
        let made = |middle: &[u8], rest: usize| [&word[..i], middle, &word[rest..]].concat();
        let mut strings = Vec::new();
        if self.replace {
            strings.push(made(b"", i + 1));
            strings.extend((b'a'..=b'z').filter(|&c| c != word[i]).map(|c| made(&[c], i + 1)));
        }
        if self.swap {
            strings.push(made(&[word[i + 1], word[i]], i + 2));
        }
        if self.insert {
            strings.extend((b'a'..=b'z').map(|c| made(&[c], i)));
        }
        strings
    }
}

/// How many first letters of a token of *n* letters start some word, and how many last ones end
/// some word.
struct Reach {
    n: usize,
    starts: usize,
    ends: usize,
}

impl Reach {
    /// `_edit_places(n, taken, starts, ends)`: where an edit that takes *taken* letters may be
    /// (it keeps the letters before it, which must start the word, and those after it, which
    /// must end it).
    fn places(&self, taken: usize) -> Range<usize> {
        let Some(rest) = self.n.checked_sub(taken) else {
            return 0..0;
        };
        rest.saturating_sub(self.ends)..self.starts.min(rest) + 1
    }
}

/// A tuple of ASCII strs in order, read in place.
struct Sorted<'a, 'py>(&'a Bound<'py, PyTuple>);

impl Sorted<'_, '_> {
    /// *f* of the UTF-8 of the *i*th str.
    fn with_word<R>(&self, i: usize, f: impl FnOnce(&[u8]) -> R) -> PyResult<R> {
        let item = self.0.get_borrowed_item(i)?;
        Ok(f(item.downcast::<PyString>()?.to_str()?.as_bytes()))
    }

    /// `bisect_left(words, key, lo, hi)` over *among* (the words in order, as Python compares
    /// ASCII strs: by their bytes).
    fn bisect(&self, key: &[u8], among: Range<usize>, below: impl Fn(&[u8], &[u8]) -> bool) -> PyResult<usize> {
        let (mut lo, mut hi) = (among.start, among.end);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.with_word(mid, |w| below(w, key))? {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        Ok(lo)
    }

    /// `_longest_shared_start(words, text)` (textlint/lexicon.py): the longer start that *text*
    /// shares with its neighbours in the words' order.
    fn longest_shared_start(&self, text: &[u8]) -> PyResult<usize> {
        let at = self.bisect(text, 0..self.0.len(), |w, k| w < k)?;
        let mut longest = 0;
        for i in at.saturating_sub(1)..(at + 1).min(self.0.len()) {
            longest = longest.max(self.with_word(i, |w| w.iter().zip(text).take_while(|(a, b)| a == b).count())?);
        }
        Ok(longest)
    }

    /// The places of the words that start with *start* (`words_starting_in`'s).
    fn starting_with(&self, start: &[u8]) -> PyResult<Range<usize>> {
        let first = self.bisect(start, 0..self.0.len(), |w, k| w < k)?;
        let end = self.bisect(start, first..self.0.len(), |w, k| w.starts_with(k) || w.cmp(k) == Ordering::Less)?;
        Ok(first..end)
    }

    /// Whether *key* is one of the words at *among*.
    fn holds(&self, key: &[u8], among: &Range<usize>) -> PyResult<bool> {
        let at = self.bisect(key, among.clone(), |w, k| w < k)?;
        Ok(at < among.end && self.with_word(at, |w| w == key)?)
    }
}
