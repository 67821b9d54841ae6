//! What the lattice search asks of a token of a window: `Model._token_features` (and the
//! `Model.memo` of it that the search runs) of an ASCII core, compiled.
//!
//! It asks the lexicon's tables, the `lex_logp` memo and the document's counts as the Python
//! does, in the same order: the same memo entries written (`lex_logp`'s, the features' own), the
//! same document words recorded. `Model.known` (where the document may raise a word) and
//! `Model.common_capitalised` (the casing table, the tagger dictionary) are called; `known` of
//! the core once, where the Python asks it up to three times the same question (its answer and
//! what it records are the same each time).

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyString, PyTuple};

use crate::memo;
use crate::lookup::Getter;
use crate::text::{isupper, islower, is_lower};

/// The weights of `Params` that the features read (`Model.p`).
pub struct FeatureWeights {
    solid_zipf: f64,
    check_zipf: f64,
    function_zipf: f64,
    frequent_zipf: f64,
    glued_pair_pmi: f64,
    glued_ratio: f64,
    glued_form_pmi: f64,
    glued_form_ratio: f64,
    safe_glued_ratio: f64,
    glued_form_discount: f64,
}

impl FeatureWeights {
    pub fn of(p: &Bound<'_, PyAny>) -> PyResult<Self> {
        let py = p.py();
        let f = |name: &Bound<'_, PyString>| -> PyResult<f64> { p.getattr(name)?.extract() };
        Ok(FeatureWeights {
            solid_zipf: f(intern!(py, "solid_zipf"))?,
            check_zipf: f(intern!(py, "check_zipf"))?,
            function_zipf: f(intern!(py, "function_zipf"))?,
            frequent_zipf: f(intern!(py, "frequent_zipf"))?,
            glued_pair_pmi: f(intern!(py, "glued_pair_pmi"))?,
            glued_ratio: f(intern!(py, "glued_ratio"))?,
            glued_form_pmi: f(intern!(py, "glued_form_pmi"))?,
            glued_form_ratio: f(intern!(py, "glued_form_ratio"))?,
            safe_glued_ratio: f(intern!(py, "safe_glued_ratio"))?,
            glued_form_discount: f(intern!(py, "glued_form_discount"))?,
        })
    }
}

/// A model's tables that the features read.
pub struct FeatureTables<'a, 'py> {
    pub model: &'a Bound<'py, PyAny>,
    pub w: &'a FeatureWeights,
    pub lex_logp: &'a Bound<'py, PyDict>,
    pub zipf: &'a Getter,
    pub pmi: &'a Getter,
    pub sides: &'a Getter,
    /// `Model._glued_forms`
    pub glued_forms: &'a Bound<'py, PyAny>,
    /// the ASCII letters of `LETTER_WORDS`
    pub letter_words: &'a [bool; 128],
    pub begins_pair: i64,
    pub ends_pair: i64,
}

/// `Model.memo(model._features, core, model._token_features, core)` where the table has no
/// entry of the ASCII *core*: its features, remembered with the document words that swayed
/// them, which go on to the value being computed around them, if any.
pub fn memo_fresh<'py>(t: &FeatureTables<'_, 'py>, table: &Bound<'py, PyDict>, core: &Bound<'py, PyString>,
                       text: &str) -> PyResult<Bound<'py, PyAny>> {
    let py = t.model.py();
    memo::remember(t.model, table, core, |_| {
        let features = PyTuple::new(py, t.token_features(core, text)?.map(|b| PyBool::new(py, b).to_owned()))?;
        Ok(memo::untracked(features).into_any())
    })
}

impl<'py> FeatureTables<'_, 'py> {
    /// `Model._token_features(core)` of an ASCII core (*text*): solid, long word, content,
    /// frequent, cuttable, in the lexicon, no join after, glued.
    fn token_features(&self, core: &Bound<'py, PyString>, text: &str) -> PyResult<[bool; 8]> {
        let (w, b, n) = (self.w, text.as_bytes(), text.len());
        let glued = self.glued(core, text)?;
        let z = self.int(self.zipf.get_text(self.model.py(), &text.to_ascii_lowercase())?)?;
        let zipf = z.map_or(0.0, |z| z as f64 / 100.0);
        let mut known = Known::new(core, text);
        let solid = self.solid(&mut known)?;
        let frequent_word = self.frequent_word(&mut known)?;
        let identifier = is_lower(b[0]) && !islower(b) && b.iter().filter(|c| c.is_ascii_uppercase()).count() > 1;
        let cuttable = !(isupper(b) || identifier || self.known_above(&mut known, w.check_zipf - 9.0)?);
        Ok([
            solid,
            frequent_word,
            z.is_some() && n > 3 && zipf < w.function_zipf,
            n > 1 && zipf >= w.frequent_zipf,
            cuttable,
            n > 1 && z.is_some() && !glued,
            isupper(b) && n > 1,
            glued,
        ])
    }

    /// `Model.solid(core)` of the token of *known*.
    pub fn solid(&self, known: &mut Known<'_, 'py>) -> PyResult<bool> {
        Ok(self.lexicon_solid(known)? || known.text.len() > 1 && known.get(self)?.is_some())
    }

    /// `Model._lexicon_solid(core)` of the token of *known*: `solid` by the lexicon alone.
    pub fn lexicon_solid(&self, known: &mut Known<'_, 'py>) -> PyResult<bool> {
        let b = known.text.as_bytes();
        Ok(if b.len() == 1 {
            isupper(b) || self.letter_words[b[0] as usize]
        } else {
            known.lexicon(self)?.is_some()
        })
    }

    /// `Model.frequent_word(core)` of the token of *known*.
    pub fn frequent_word(&self, known: &mut Known<'_, 'py>) -> PyResult<bool> {
        let n = known.text.len();
        let floor = (if n > 3 { self.w.solid_zipf } else { 4.5 }) - 9.0;
        Ok(n >= 3 && self.known_above(known, floor)?)
    }

    /// `Model.known_above(core, floor, True)`.
    fn known_above(&self, known: &mut Known<'_, 'py>, floor: f64) -> PyResult<bool> {
        if known.lexicon(self)?.is_some_and(|lp| lp >= floor) {
            return Ok(true);
        }
        Ok(known.get(self)?.is_some_and(|lp| lp >= floor))
    }

    /// An optional int of a table's answer.
    fn int(&self, v: Option<Bound<'py, PyAny>>) -> PyResult<Option<i64>> {
        v.map(|v| v.extract()).transpose()
    }

    /// `Model._lexicon_logp(word, lower, zipf)` of a word in the lexicon (*zipf* > 0; *lower*: its
    /// lowercase form), remembered in `lex_logp`: its Zipf's log10 P, less the discount of a glued
    /// form (`_glued_form`) worked out here, but for `common_capitalised` of a capitalised one
    /// that cuts, and a word beyond ASCII, which the Python judges.
    pub fn lexicon_logp(&self, word: &Bound<'py, PyString>, lower: &Bound<'py, PyString>, zipf: i64) -> PyResult<Option<f64>> {
        let mut lp = zipf as f64 / 100.0 - 9.0;
        if self.glued_forms.contains(lower)? {
            let (text, lower_text) = (word.to_str()?, lower.to_str()?);
            if !text.is_ascii() {
                let lp = self.model.call_method1(intern!(self.model.py(), "_lexicon_logp"), (word, lower, zipf))?;
                return if lp.is_none() { Ok(None) } else { Ok(Some(lp.extract()?)) };
            }
            // (the glued forms are lowercase: a word unlike its lowercase form is none, and
            // counts as one when capitalised and a common word's capitalised form)
            let glued = if text == lower_text {
                self.glued_pair(lower_text, lp, true)?
            } else {
                text.as_bytes()[0].is_ascii_uppercase()
                    && self.glued_pair(lower_text, lp, true)?
                    && self.model.call_method1(intern!(self.model.py(), "common_capitalised"), (word,))?.is_truthy()?
            };
            if glued {
                lp -= self.w.glued_form_discount;
            }
        }
        self.lex_logp.set_item(word, lp)?;
        Ok(Some(lp))
    }

    /// `Model.lex_logp(word)` of an ASCII word (*text*): the memo's answer, else the word table's
    /// (`_lexicon_logp`, remembered: None without a Python call when the table lacks the word).
    pub fn lex_logp(&self, word: &Bound<'py, PyString>, text: &str) -> PyResult<Option<f64>> {
        let py = self.model.py();
        let v = match self.lex_logp.get_item(word)? {
            Some(v) => v,
            None => {
                let lower = text.to_ascii_lowercase();
                match self.int(self.zipf.get_text(py, &lower)?)? {
                    Some(z) if z > 0 => {
                        let lower = if lower == text { word.clone() } else { PyString::new(py, &lower) };
                        return self.lexicon_logp(word, &lower, z);
                    }
                    _ => {
                        self.lex_logp.set_item(word, py.None())?;
                        return Ok(None);
                    }
                }
            }
        };
        if v.is_none() { Ok(None) } else { Ok(Some(v.extract()?)) }
    }

    /// `Model.glued(core)` of an ASCII core (*text*).
    fn glued(&self, core: &Bound<'py, PyString>, text: &str) -> PyResult<bool> {
        let py = self.model.py();
        if text.len() < 4 {
            return Ok(false);
        }
        if !islower(text.as_bytes()) {
            // a capitalised form may be a name ("Herson"), unless it is a common word's
            let lower_text = text.to_ascii_lowercase();
            if !islower(lower_text.as_bytes()) {
                return Ok(false);
            }
            let lower = PyString::new(py, &lower_text);
            return Ok(self.glued(&lower, &lower_text)?
                && self.model.call_method1(intern!(py, "common_capitalised"), (core,))?.is_truthy()?);
        }
        let lp = match self.lex_logp(core, text)? {
            Some(lp) if lp < self.w.check_zipf - 9.0 => lp,
            _ => return Ok(false),
        };
        if self.glued_forms.contains(core)? {
            let z = self.int(self.zipf.get_text(py, text)?)?.unwrap_or(0);
            return self.glued_pair(text, z as f64 / 100.0 - 9.0, true);
        }
        Ok(text.len() > 4 && self.glued_pair(text, lp, false)?)
    }

    /// `Model._glued_pair(core, lp, dictionary_gap)` of a lowercase ASCII core.
    fn glued_pair(&self, core: &str, lp: f64, dictionary_gap: bool) -> PyResult<bool> {
        let (py, w) = (self.model.py(), self.w);
        let (pmi_floor, ratio) = if dictionary_gap {
            (w.glued_form_pmi, w.glued_form_ratio)
        } else {
            (w.glued_pair_pmi, w.glued_ratio)
        };
        let first_cut = if dictionary_gap && core.starts_with('a') { 1 } else { 2 };
        let mut key = String::with_capacity(core.len() + 1);
        for c in first_cut..core.len().saturating_sub(1) {
            let (first, second) = (&core[..c], &core[c..]);
            let side = |word: &str| -> PyResult<i64> { Ok(self.int(self.sides.get_text(py, word)?)?.unwrap_or(0)) };
            if side(first)? & self.begins_pair == 0 || side(second)? & self.ends_pair == 0 {
                continue;
            }
            let zipf = |word: &str| -> PyResult<f64> { Ok(self.int(self.zipf.get_text(py, word)?)?.unwrap_or(0) as f64 / 100.0) };
            let (za, zb) = (zipf(first)?, zipf(second)?);
            if za == 0.0 || zb == 0.0 {
                continue;
            }
            key.clear();
            key.push_str(first);
            key.push(' ');
            key.push_str(second);
            let Some(pmi) = self.int(self.pmi.get_text(py, &key)?)? else { continue };
            let pmi = pmi as f64 / 100.0;
            let apart = za - 9.0 + zb - 9.0 + pmi - lp; // log10: how much more often written apart
            if pmi >= pmi_floor && apart >= ratio || dictionary_gap && apart >= w.safe_glued_ratio {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

/// `Model.lex_logp(core)` and `Model.known(core, True)` of a token, each asked once, when first
/// needed (as the Python first asks them: the memo writes, the words recorded, in its order).
pub struct Known<'a, 'py> {
    core: &'a Bound<'py, PyString>,
    text: &'a str,
    lexicon: Option<Option<f64>>,
    answer: Option<Option<f64>>,
}

impl<'a, 'py> Known<'a, 'py> {
    pub fn new(core: &'a Bound<'py, PyString>, text: &'a str) -> Self {
        Known { core, text, lexicon: None, answer: None }
    }

    /// The token asked of, and its text.
    pub fn core(&self) -> &'a Bound<'py, PyString> {
        self.core
    }

    pub fn text(&self) -> &'a str {
        self.text
    }

    /// `lex_logp(core)`.
    fn lexicon(&mut self, t: &FeatureTables<'_, 'py>) -> PyResult<Option<f64>> {
        if self.lexicon.is_none() {
            self.lexicon = Some(t.lex_logp(self.core, self.text)?);
        }
        Ok(self.lexicon.unwrap())
    }

    /// `known(core, True)`: the lexicon's answer for a word of fewer than three letters or a
    /// lowercase word the lexicon has (as `known` answers them: recording nothing), else the
    /// method's.
    pub fn get(&mut self, t: &FeatureTables<'_, 'py>) -> PyResult<Option<f64>> {
        if let Some(answer) = self.answer {
            return Ok(answer);
        }
        let lexicon = self.lexicon(t)?;
        let b = self.text.as_bytes();
        let answer = if b.len() < 3 || lexicon.is_some() && !b[0].is_ascii_uppercase() {
            lexicon
        } else {
            let model = t.model;
            let v = model.call_method1(intern!(model.py(), "known"), (self.core, true))?;
            if v.is_none() { None } else { Some(v.extract()?) }
        };
        self.answer = Some(answer);
        Ok(answer)
    }
}
