//! The cuts of a token into two words of a phrase, compiled: the twin of `_phrase_cuts_py`
//! (textlint/checks/spacing/phrases.py), which `phrase_cut` asks of each long token of a
//! document that the lexicon does not know (a thousand a pass, most of them with no such cut).

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use crate::lookup::Getter;

/// Adds the functions of this file to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(phrase_cuts, m)?)?;
    m.add_function(wrap_pyfunction!(likeliest_cut, m)?)
}

/// What a phrase's pieces are asked of: the lexicon's word table, the tagger dictionary's table,
/// the closed-class words, the words that end hyphenated compounds, the closed-class words
/// that are no auxiliary nor modal, and the floors of a piece's Zipf (from five letters, four,
/// fewer).
struct Dictionaries<'a, 'py> {
    zipf: &'a Getter,
    tags: &'a Getter,
    function_words: &'a Bound<'py, PyAny>,
    compound_ends: &'a Bound<'py, PyAny>,
    compounding_closed: &'a Bound<'py, PyAny>,
    floors: [f64; 3],
}

/// `_phrase_cuts_py(word, zipf, tags, closed, function_words, compound_ends,
/// compounding_closed, phrase_piece_zipf, solid_zipf, frequent_zipf)` of an ASCII *word*;
/// None (ask the twin) of a word beyond ASCII, whose lowercase form Python makes.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
fn phrase_cuts<'py>(word: &Bound<'py, PyString>, zipf: &Bound<'py, PyAny>, tags: &Bound<'py, PyAny>,
                    closed: &Bound<'py, PyAny>, function_words: &Bound<'py, PyAny>,
                    compound_ends: &Bound<'py, PyAny>, compounding_closed: &Bound<'py, PyAny>,
                    phrase_piece_zipf: f64, solid_zipf: f64, frequent_zipf: f64)
                    -> PyResult<Option<Bound<'py, PyList>>> {
    let py = word.py();
    let text = match word.to_str() {
        Ok(text) if text.is_ascii() => text,
        _ => return Ok(None),
    };
    let (zipf, tags) = (Getter::of(zipf)?, Getter::of(tags)?);
    let lower = text.to_ascii_lowercase();
    let cuts = PyList::empty(py);
    let lower_py = PyString::new(py, &lower);
    if zipf_of(&zipf, py, &lower)? > 0.0 || tagged(&tags, word)? || tagged(&tags, &lower_py)? || closed.contains(&lower_py)? {
        return Ok(Some(cuts));
    }
    let dictionaries = Dictionaries { zipf: &zipf, tags: &tags, function_words, compound_ends, compounding_closed,
                                      floors: [phrase_piece_zipf, solid_zipf, frequent_zipf] };
    let lowest = phrase_piece_zipf.min(solid_zipf).min(frequent_zipf);
    let capital = text.as_bytes().first().is_some_and(u8::is_ascii_uppercase);
    for k in 3..lower.len().saturating_sub(2) {
        if zipf_of(&zipf, py, &lower[..k])? >= lowest && zipf_of(&zipf, py, &lower[k..])? >= lowest
            && dictionaries.phrase_pair(&text[..k], &lower[k..], capital)? {
            cuts.append(k)?;
        }
    }
    Ok(Some(cuts))
}

impl Dictionaries<'_, '_> {
    /// `_phrase_pair(left, right, capital, ...)` of ASCII pieces.
    fn phrase_pair(&self, left: &str, right: &str, capital: bool) -> PyResult<bool> {
        let py = self.function_words.py();
        let (left_py, right_py) = (PyString::new(py, left), PyString::new(py, right));
        for (piece, piece_py) in [(left, &left_py), (right, &right_py)] {
            let floor = if piece.len() > 4 {
                self.floors[0]
            } else if piece.len() > 3 || self.function_words.contains(piece_py)? {
                self.floors[1]
            } else {
                self.floors[2]
            };
            let lower = piece.to_ascii_lowercase();
            let known = tagged(self.tags, piece_py)?
                || lower != piece && tagged(self.tags, &PyString::new(py, &lower))?;
            if !known || zipf_of(self.zipf, py, &lower)? < floor {
                return Ok(false);
            }
        }
        if !capital && self.phrase_word(&left_py)? {
            return Ok(true);
        }
        Ok(self.phrase_word(&right_py)? && !self.compound_ends.contains(&right_py)?
           && !self.compounding_closed.contains(&right_py)?)
    }

    /// `_phrase_word(word, tags, function_words)`: a closed-class word, or one whose tags are all
    /// of an adverb or a closed class ("CR"), or all of a verb form or an adjective ("DEGZJ")
    /// with one of an inflected verb form ("DEGZ").
    fn phrase_word(&self, word: &Bound<'_, PyString>) -> PyResult<bool> {
        if self.function_words.contains(word)? {
            return Ok(true);
        }
        let tags: String = match self.tags.get(word)? {
            Some(value) => value.extract()?,
            None => return Ok(false),
        };
        let all_of = |set: &str| tags.chars().all(|c| set.contains(c));
        Ok(!tags.is_empty() && (all_of("CR") || all_of("DEGZJ") && tags.chars().any(|c| "DEGZ".contains(c))))
    }
}

/// `_likeliest_cut_py(word, zipf, pmi, letter_words)` of an ASCII *word*: where it cuts into the
/// likeliest two words (the sum of their Zipf, from *zipf*, the `get` of the lexicon's word
/// table, and of their pair's PMI, from *pmi*, its pair table's; a piece of one letter only when
/// *letter_words* holds it), the first of the best; None when no cut makes two words.
#[pyfunction]
fn likeliest_cut(word: &Bound<'_, PyString>, zipf: &Bound<'_, PyAny>, pmi: &Bound<'_, PyAny>,
                 letter_words: &Bound<'_, PyAny>) -> PyResult<Option<usize>> {
    let py = word.py();
    let text = word.to_str()?;
    if !text.is_ascii() {
        return Err(PyValueError::new_err("likeliest_cut: the word is not ASCII"));
    }
    let (zipf, pmi) = (Getter::of(zipf)?, Getter::of(pmi)?);
    let lower = text.to_ascii_lowercase();
    let letter_word = |piece: &str| -> PyResult<bool> { Ok(piece.len() != 1 || letter_words.contains(piece)?) };
    let (mut best, mut pair) = (None::<f64>, String::new());
    let mut likeliest = None;
    for k in 1..text.len() {
        if !letter_word(&text[..k])? || !letter_word(&text[k..])? {
            continue;
        }
        let (za, zb) = (zipf_of(&zipf, py, &lower[..k])?, zipf_of(&zipf, py, &lower[k..])?);
        if za != 0.0 && zb != 0.0 {
            pair.clear();
            pair.push_str(&lower[..k]);
            pair.push(' ');
            pair.push_str(&lower[k..]);
            let pmi = pmi.get_text_int(py, &pair)?.map_or(0.0, |v| v as f64 / 100.0);
            let score = za + zb + pmi;
            if best.is_none_or(|best| score > best) {
                (best, likeliest) = (Some(score), Some(k));
            }
        }
    }
    Ok(likeliest)
}

/// `zipf(key, 0) / 100` of a key the caller holds as Rust text.
fn zipf_of(zipf: &Getter, py: Python<'_>, key: &str) -> PyResult<f64> {
    Ok(zipf.get_text_int(py, key)?.unwrap_or(0) as f64 / 100.0)
}

/// Whether `tags(word, "")` is true.
fn tagged(tags: &Getter, word: &Bound<'_, PyString>) -> PyResult<bool> {
    match tags.get(word)? {
        Some(value) => value.is_truthy(),
        None => Ok(false),
    }
}
