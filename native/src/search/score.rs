//! `Model.score` of a changed window's words (`_window_changes`), compiled: the lexicon's log10
//! P and pair association of each word worked out from the model's tables, as the search works
//! out its words (`Search::score` is its entry point). The Python reads and fills the memos of
//! the lexicon alone (`lex_logp`, `lex_word`, `pair`); this reads the tables instead and fills
//! none of them (any reader works an entry out again, the same). A word the document may raise
//! (capitalised, or not the lexicon's) is `Model.logp`'s, called as the Python calls it, which
//! records the document words it asks.

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::PyString;

use super::Search;
use crate::lookup::Getter;

/// A word's `lex_word`: lowercase form, log10 P, whether it begins a pair of the list, whether
/// it ends one (None: a word the lexicon lacks).
type LexWord = Option<(String, f64, bool, bool)>;

/// The text of a context word (*t*: None, or a str) or of a window's word, when the compiled
/// score takes it: `Some(None)` for None, `Some(Some(text))` for a non-empty ASCII str.
fn ascii_text<'a>(t: &'a Bound<'_, PyAny>) -> Option<Option<&'a str>> {
    if t.is_none() {
        return Some(None);
    }
    match t.downcast::<PyString>().ok()?.to_str() {
        Ok(x) if x.is_ascii() && !x.is_empty() => Some(Some(x)),
        _ => None,
    }
}

impl Search {
    /// `model.score(words, left, right, originals)`; words, or a context word, that are not
    /// ASCII (or none at all, or an empty word) go to the Python twin.
    pub(crate) fn score_words<'py>(
        &self,
        model: &Bound<'py, PyAny>,
        words: &Bound<'py, PyAny>,
        left: &Bound<'py, PyAny>,
        right: &Bound<'py, PyAny>,
        originals: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = model.py();
        let items: Vec<Bound<'py, PyAny>> = words.try_iter()?.collect::<PyResult<_>>()?;
        let texts: Option<Vec<&str>> = items.iter().map(|t| ascii_text(t).flatten()).collect();
        let (texts, left_text, right_text) = match (texts, ascii_text(left), ascii_text(right)) {
            (Some(texts), Some(a), Some(b)) if !texts.is_empty() => (texts, a, b),
            _ => return model.call_method1(intern!(py, "score"), (words, left, right, originals)),
        };
        let context = |c: &Bound<'py, PyAny>, text: Option<&str>| -> PyResult<Option<LexWord>> {
            text.map(|text| self.lex_word(model, c, text)).transpose()
        };
        let mut prev = context(left, left_text)?;
        let mut total = 0.0;
        for (t, text) in items.iter().zip(&texts) {
            let w = self.lex_word(model, t, text)?;
            let lp = match &w {
                Some(lex) if !text.as_bytes()[0].is_ascii_uppercase() => lex.1,
                _ => {
                    let original = originals.contains(t)?;
                    model.call_method1(intern!(py, "logp"), (t, original))?.extract()?
                }
            };
            let pair = prev.as_ref().map_or(Ok(0.0), |p| self.pair(py, p, &w))?;
            total += lp + pair;
            prev = Some(w);
        }
        let last = prev.expect("a word at least");
        let end = context(right, right_text)?.map_or(Ok(0.0), |r| self.pair(py, &last, &r))?;
        Ok((total + end).into_pyobject(py)?.into_any())
    }

    /// `Model.lex_word` of the ASCII word *text* (*t*), worked out from the tables.
    fn lex_word(&self, model: &Bound<'_, PyAny>, t: &Bound<'_, PyAny>, text: &str) -> PyResult<LexWord> {
        let py = model.py();
        let lower = text.to_ascii_lowercase();
        let Some(lp) = self.lexicon_lp(model, t, &lower)? else {
            return Ok(None);
        };
        let sides = self.sides.get_text_int(py, &lower)?.unwrap_or(0);
        Ok(Some((lower, lp, sides & self.begins_pair != 0, sides & self.ends_pair != 0)))
    }

    /// `Model.lex_logp` of the word *t* (ASCII), whose lowercase form is *lower*: told by a
    /// compiled word table alone but for a glued form, else the memo's entry, else
    /// `_lexicon_logp` (`FeatureTables::lexicon_logp`).
    fn lexicon_lp(&self, model: &Bound<'_, PyAny>, t: &Bound<'_, PyAny>, lower: &str) -> PyResult<Option<f64>> {
        let py = model.py();
        if let Getter::Table(table) = &self.zipf {
            let z = match table.get().answer(py, lower.as_bytes()) {
                Some(z) if z > 0 => z,
                _ => return Ok(None),
            };
            if self.glued_forms_text.is_some_and(|forms| !forms.contains(lower)) {
                return Ok(Some(z as f64 / 100.0 - 9.0)); // `_lexicon_logp` of a word no glued form
            }
        }
        let optional = |v: Bound<'_, PyAny>| if v.is_none() { Ok(None) } else { v.extract().map(Some) };
        if let Some(v) = self.lex_logp.bind(py).get_item(t)? {
            return optional(v);
        }
        let lower = PyString::new(py, lower);
        let z = self.zipf.get_text_int(py, lower.to_str()?)?.unwrap_or(0);
        if z > 0 {
            return self.feature_tables(model).lexicon_logp(t.downcast()?, &lower, z);
        }
        Ok(None)
    }

    /// `Model.pair` of two words: `pair_of` of their `lex_word`s.
    fn pair(&self, py: Python<'_>, first: &LexWord, second: &LexWord) -> PyResult<f64> {
        let (Some(a), Some(b)) = (first, second) else {
            return Ok(0.0);
        };
        let w = &self.weights;
        if a.2 && b.3 {
            let key = format!("{} {}", a.0, b.0);
            if let Some(pmi) = self.pmi.get_text_int(py, &key)? {
                return Ok(w.bigram_weight * (pmi as f64 / 100.0));
            }
        }
        let gap = self.floor - a.1 - b.1;
        Ok(w.absent_weight * if gap < 0.0 { gap } else { 0.0 })
    }
}
