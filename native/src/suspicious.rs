//! The suspicion bound of the spacing checks: the compiled twin of
//! `textlint.checks.spacing.model.Model._suspicious_core`.
//!
//! `Model.__init__` makes one [`SuspiciousCore`] from the model's fixed inputs (its tables, the
//! document's vocabulary, its weights); `Model.suspicious` calls it with the model and a core.
//! It reads and writes what the Python reads and writes, in the same order: the memo of the
//! lexicon's log10 P (`Model._lex_logp`; but for the core and the pieces of a cut that it reads off
//! a compiled word table, `Judgment::table_logp`), the document words that sway the answer
//! (`Model._hits`), and the lexicon's tables, asked through the model's own lookups (a table
//! read in place, `lexicon.Table`, counts its reads: it is called as the Python calls it).
//! Where the Python calls a method that does more than a look-up (`Model.known` of a word the
//! document writes, `Model._lexicon_logp` of a glued form), this calls that method. A core that
//! is not ASCII is judged by the Python method itself (Python's case rules outside ASCII).

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::{PyDict, PyString};
use std::cell::OnceCell;
use std::collections::HashSet;
use std::sync::OnceLock;

use crate::fxhash::FxBuild;
use crate::lookup::Getter;
use crate::memo::Hits;
use crate::weights::Weights;
use crate::text::{camel_seam, is_upper, islower};

/// Python's `x / 100` of a table's value (Zipf or PMI * 100): an int below 2**53 divides as a
/// float, correctly rounded as Python's int division is; anything else is divided by Python.
fn hundredths(x: &Bound<'_, PyAny>) -> PyResult<f64> {
    match x.extract::<i64>() {
        Ok(v) if v.unsigned_abs() <= 1 << 53 => Ok(v as f64 / 100.0),
        _ => x.div(100)?.extract(),
    }
}

/// Python's `x > k` of a count or a table's value.
fn above(x: &Bound<'_, PyAny>, k: i64) -> PyResult<bool> {
    match x.extract::<i64>() {
        Ok(v) => Ok(v > k),
        Err(_) => x.gt(k),
    }
}

/// Python's `bool(x & mask)` of a table's value (`Lexicon.pair_sides`).
fn has_bits(x: &Bound<'_, PyAny>, mask: i64) -> PyResult<bool> {
    match x.extract::<i64>() {
        Ok(v) => Ok(v & mask != 0),
        Err(_) => x.bitand(mask)?.is_truthy(),
    }
}

/// A log10 P as the model keeps it: a float, or None (unknown).
fn logp(x: &Bound<'_, PyAny>) -> PyResult<Option<f64>> {
    if x.is_none() {
        Ok(None)
    } else {
        x.extract().map(Some)
    }
}

/// `Model._suspicious_core` of one model: made by `Model.__init__` as
/// `SuspiciousCore(model, CONTEXT_BOUND, LETTER_WORDS, BEGINS_PAIR, ENDS_PAIR)`, called as
/// `judge(model, core)`. It keeps the model's tables, not the model (no reference cycle).
#[pyclass(frozen, module = "textlint_native")]
pub struct SuspiciousCore {
    /// `Model._lex_logp`: the memo of `Model.lex_logp`
    lex_logp: Py<PyDict>,
    zipf: Getter,
    pmi: Getter,
    sides: Getter,
    /// `Model.vocab.get`
    vocab: Getter,
    /// `Model._glued_forms`
    glued_forms: PyObject,
    /// the same set in Rust when it is the process's (`glued_forms()`, its usual value)
    glued: Option<&'static GluedForms>,
    /// `Model.lex`, whose `pmi_max` and `bigram_floor` are read where the Python reads them
    lexicon: PyObject,
    /// `max(0.0, bigram_weight * lex.pmi_max)` and `lex.bigram_floor`, once read (they do not
    /// change: a cached property and a constant)
    pair_bounds: OnceLock<(f64, f64)>,
    weights: Weights,
    context_bound: f64,
    /// the ASCII letters of `LETTER_WORDS`
    letter_words: [bool; 128],
    begins_pair: i64,
    ends_pair: i64,
}

#[pymethods]
impl SuspiciousCore {
    #[new]
    fn new(
        model: &Bound<'_, PyAny>,
        context_bound: f64,
        letter_words: &Bound<'_, PyAny>,
        begins_pair: i64,
        ends_pair: i64,
    ) -> PyResult<Self> {
        let py = model.py();
        let mut letters = [false; 128];
        for word in letter_words.try_iter()? {
            let word = word?;
            if let [c] = word.extract::<String>()?.as_bytes() {
                if c.is_ascii() {
                    letters[*c as usize] = true;
                }
            }
        }
        let vocab = model.getattr(intern!(py, "vocab"))?;
        Ok(SuspiciousCore {
            lex_logp: model
                .getattr(intern!(py, "_lex_logp"))?
                .downcast_into::<PyDict>()?
                .unbind(),
            zipf: Getter::of(&model.getattr(intern!(py, "_zipf_get"))?)?,
            pmi: Getter::of(&model.getattr(intern!(py, "_pmi_get"))?)?,
            sides: Getter::of(&model.getattr(intern!(py, "_sides_get"))?)?,
            vocab: Getter::of(&vocab.getattr(intern!(py, "get"))?)?,
            glued: process_glued_forms(&model.getattr(intern!(py, "_glued_forms"))?)?,
            glued_forms: model.getattr(intern!(py, "_glued_forms"))?.unbind(),
            lexicon: model.getattr(intern!(py, "lex"))?.unbind(),
            pair_bounds: OnceLock::new(),
            weights: Weights::of(&model.getattr(intern!(py, "p"))?)?,
            context_bound,
            letter_words: letters,
            begins_pair,
            ends_pair,
        })
    }

    /// `model._suspicious_core(core)`.
    fn __call__(&self, model: &Bound<'_, PyAny>, core: &Bound<'_, PyString>) -> PyResult<bool> {
        match core.to_str() {
            Ok(text) if !text.is_empty() && text.is_ascii() => {
                self.judge_ascii(model, core, text, &Hits::model_own(model)?)
            }
            _ => model
                .call_method1(intern!(model.py(), "_suspicious_core"), (core,))?
                .extract(),
        }
    }
}

impl SuspiciousCore {
    /// `model._suspicious_core(core)` of a core whose text *text* is ASCII and not empty, the
    /// document words that sway the answer recorded in *hits* (`model._hits`, made so before
    /// a Python method is asked).
    pub fn judge_ascii<'py>(
        &self,
        model: &Bound<'py, PyAny>,
        core: &Bound<'py, PyString>,
        text: &str,
        hits: &Hits<'py>,
    ) -> PyResult<bool> {
        Judgment::new(self, model, core, text, hits).suspicious()
    }

    /// The model's word table (`Model._zipf_get`).
    pub fn zipf(&self) -> &Getter {
        &self.zipf
    }

    /// The model's weights (`Model.p`).
    pub fn weights(&self) -> &Weights {
        &self.weights
    }

    /// The most a word pair adds and the pair list's floor (`pair_bounds`), read at the first
    /// judgment that gets past the core's own log10 P, where the Python first reads them.
    fn pair_bounds(&self, py: Python<'_>) -> PyResult<(f64, f64)> {
        if let Some(&bounds) = self.pair_bounds.get() {
            return Ok(bounds);
        }
        let lexicon = self.lexicon.bind(py);
        let pmi_max: f64 = lexicon.getattr(intern!(py, "pmi_max"))?.extract()?;
        let product = self.weights.bigram_weight * pmi_max;
        let floor: f64 = lexicon.getattr(intern!(py, "bigram_floor"))?.extract()?;
        let bounds = (if product > 0.0 { product } else { 0.0 }, floor);
        Ok(*self.pair_bounds.get_or_init(|| bounds))
    }
}

/// The judgment of one ASCII core: what the Python keeps in local variables.
struct Judgment<'a, 'py> {
    tables: &'a SuspiciousCore,
    model: &'a Bound<'py, PyAny>,
    core: &'a Bound<'py, PyString>,
    /// the core, ASCII: its bytes index as Python's code points do
    text: &'a str,
    /// `Model._hits`: the document words that sway the answer
    hits: &'a Hits<'py>,
    capital: bool,
    lowercase: bool,
}

impl<'a, 'py> Judgment<'a, 'py> {
    fn new(
        tables: &'a SuspiciousCore,
        model: &'a Bound<'py, PyAny>,
        core: &'a Bound<'py, PyString>,
        text: &'a str,
        hits: &'a Hits<'py>,
    ) -> Self {
        Judgment {
            tables,
            model,
            core,
            text,
            hits,
            capital: is_upper(text.as_bytes()[0]),
            lowercase: islower(text.as_bytes()),
        }
    }

    fn py(&self) -> Python<'py> {
        self.model.py()
    }

    /// The body of `Model._suspicious_core`: the core's own log10 P, then each cut in two.
    fn suspicious(&self) -> PyResult<bool> {
        let w = &self.tables.weights;
        let frequent = w.check_zipf - 9.0;
        // known_above(core, frequent, True), inline
        let mut lp = match self.table_logp(self.text) {
            Some(lp) => lp,
            None => match self.tables.lex_logp.bind(self.py()).get_item(self.core)? {
                Some(v) => logp(&v)?,
                None => self.core_lex_logp()?,
            },
        };
        if lp.is_some_and(|v| v >= frequent) {
            return Ok(false); // frequent words are left alone
        }
        if lp.is_none() || self.capital {
            lp = self.core_known(lp)?;
            if lp.is_some_and(|v| v >= frequent) {
                return Ok(false);
            }
        }
        let need =
            lp.unwrap_or_else(|| self.unknown_core()) + w.unsafe_margin - self.tables.context_bound;
        let (pair_max, floor) = self.tables.pair_bounds(self.py())?;
        let bound = Target {
            need,
            pair_max,
            floor,
        };
        let text = self.text.as_bytes();
        let n = text.len() as isize;
        let letter = |c: u8| self.tables.letter_words[c as usize];
        // a cut leaves no letter alone but a word ("a", "I")
        let first: isize = if letter(text[0]) { 1 } else { 2 };
        let last: isize = if letter(text[text.len() - 1]) {
            n - 1
        } else {
            n - 2
        };
        for c in first..=last {
            let c = c as usize;
            let mut seam = false; // (a lowercase core has none)
            if !self.lowercase {
                seam = is_upper(text[c]) && camel_seam(text, c);
                if (is_upper(text[c - 1]) || is_upper(text[c])) && !seam {
                    continue; // (so the right piece is capitalised at a seam only)
                }
            }
            if self.cut(c, seam, &bound)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// `Model.lex_logp(core)` on a miss of its memo: `Model._lexicon_logp` of the core.
    fn core_lex_logp(&self) -> PyResult<Option<f64>> {
        let lower = self.lowered(self.text);
        let zipf = self.tables.zipf.get_or_zero(&lower)?;
        if above(&zipf, 0)? {
            self.lexicon_logp(self.core, &lower, &zipf)
        } else {
            self.tables
                .lex_logp
                .bind(self.py())
                .set_item(self.core, self.py().None())?;
            Ok(None)
        }
    }

    /// `Model._lexicon_logp(word, lower, zipf)` of a word in the lexicon (*zipf* > 0): a glued
    /// form is the Python's to judge; any other word's log10 P is remembered here.
    fn lexicon_logp(
        &self,
        word: &Bound<'py, PyString>,
        lower: &Bound<'py, PyString>,
        zipf: &Bound<'py, PyAny>,
    ) -> PyResult<Option<f64>> {
        if self.tables.glued_forms.bind(self.py()).contains(lower)? {
            self.hits.before_python()?;
            let lp = self
                .model
                .call_method1(intern!(self.py(), "_lexicon_logp"), (word, lower, zipf))?;
            return logp(&lp);
        }
        let lp = hundredths(zipf)? - 9.0;
        self.tables.lex_logp.bind(self.py()).set_item(word, lp)?;
        Ok(Some(lp))
    }

    /// `Model.known(core, True)` of a core the lexicon lacks or that is capitalised, whose
    /// lexicon log10 P is *lp*: the document's count is a dependency; a count beyond this
    /// occurrence asks the Python method.
    fn core_known(&self, lp: Option<f64>) -> PyResult<Option<f64>> {
        if self.text.len() < 3 {
            return Ok(lp);
        }
        let raw = self.tables.vocab.get_or_zero(self.core)?;
        if above(&raw, 1)? {
            self.hits.before_python()?;
            return logp(
                &self
                    .model
                    .call_method1(intern!(self.py(), "known"), (self.core, true))?,
            );
        }
        self.hits.dict().set_item(self.core, raw)?;
        Ok(lp)
    }

    /// `Model.unknown(core)`.
    fn unknown_core(&self) -> f64 {
        let w = &self.tables.weights;
        let base = if self.capital {
            w.unk_cap_base
        } else {
            w.unk_base
        };
        base - w.unk_per_char * self.text.len() as f64
    }

    /// Whether the cut of the core at *c* (*seam*: at a camel seam) comes within what context
    /// can add of the core: the loop body of `Model._suspicious_core`.
    fn cut(&self, c: usize, seam: bool, bound: &Target) -> PyResult<bool> {
        let (w, text) = (&self.tables.weights, self.text);
        let n = text.len();
        let (left_text, right_text) = text.split_at(c);
        let (left, right) = (Piece::new(left_text), Piece::new(right_text));
        // the lexicon's log10 P of each piece, then Model.known where the document may raise it
        let ll = self.piece_lex_logp(&left)?;
        let rl = self.piece_lex_logp(&right)?;
        let lk = if c > 2 && (ll.is_none() || self.capital) {
            self.piece_known(&left, ll)?
        } else {
            ll
        };
        let rk = if n - c > 2 && (rl.is_none() || seam) {
            self.piece_known(&right, rl)?
        } else {
            rl
        };
        if lk.is_none() && rk.is_none() {
            return Ok(false);
        }
        let left_unknown = if self.capital {
            w.unk_cap_base
        } else {
            w.unk_base
        };
        let right_unknown = if seam { w.unk_cap_base } else { w.unk_base };
        let mut score = lk.unwrap_or(left_unknown - w.unk_per_char * c as f64)
            + rk.unwrap_or(right_unknown - w.unk_per_char * (n - c) as f64)
            - if seam { w.camel_cost } else { w.ins_cost };
        let (Some(ll), Some(rl)) = (ll, rl) else {
            return Ok(score >= bound.need); // the pair list holds lexicon words only
        };
        #[allow(clippy::neg_cmp_op_on_partial_ord)] // (as the Python: false when either is NaN)
        if !(score + bound.pair_max >= bound.need) {
            return Ok(false);
        }
        // pair_of(lex_word(left), lex_word(right)), inline
        score += match self.pmi(&left, &right)? {
            Some(pmi) => w.bigram_weight * hundredths(&pmi)?,
            None => {
                let gap = bound.floor - ll - rl;
                w.absent_weight * if gap < 0.0 { gap } else { 0.0 }
            }
        };
        Ok(score >= bound.need)
    }

    /// The lexicon's log10 P of a piece (`Model._lex_logp` read, else the word table's answer:
    /// a piece it lacks is not remembered; a word is, by `lexicon_logp`), read off a compiled
    /// word table where it can be (`table_logp`).
    fn piece_lex_logp(&self, piece: &Piece<'_, 'py>) -> PyResult<Option<f64>> {
        if let Some(lp) = self.table_logp(piece.text) {
            return Ok(lp);
        }
        let py = self.py();
        let word = piece.str(py);
        if let Some(v) = self.tables.lex_logp.bind(py).get_item(word)? {
            return logp(&v);
        }
        let lower = if self.lowercase {
            word.clone()
        } else {
            self.lowered(piece.text)
        };
        let zipf = self.tables.zipf.get_or_zero(&lower)?;
        if above(&zipf, 0)? {
            self.lexicon_logp(word, &lower, &zipf)
        } else {
            Ok(None)
        }
    }

    /// `Model.lex_logp` of ASCII *text* (the core or a piece of it) read off a compiled word table,
    /// asked of its lowercase bytes, without the memo: a word the table lacks has none, one that is
    /// no glued form its Zipf's, which is what the memo holds or would hold (`Model._lexicon_logp`),
    /// so neither needs a Python str, nor a read or a write of the memo. None when the memo and the
    /// table are to be asked as the Python asks them (a glued form, or a table that is not compiled).
    fn table_logp(&self, text: &str) -> Option<Option<f64>> {
        let table = self.tables.zipf.compiled()?;
        let mut lower = [0u8; PIECE_BYTES];
        let lower = ascii_lowercase(text, &mut lower)?;
        match table.answer(self.py(), lower) {
            Some(zipf) if zipf > 0 => {
                let glued = self.tables.glued?;
                (!glued.contains(lower)).then_some(Some(f64::from(zipf) / 100.0 - 9.0))
            }
            _ => Some(None),
        }
    }

    /// A piece's log10 P raised by the document: its count is a dependency (even when absent);
    /// a piece the document writes asks `Model.known`.
    fn piece_known(&self, piece: &Piece<'_, 'py>, lp: Option<f64>) -> PyResult<Option<f64>> {
        let piece = piece.str(self.py());
        let count = self.tables.vocab.get_or_zero(piece)?;
        self.hits.dict().set_item(piece, &count)?;
        if above(&count, 0)? {
            self.hits.before_python()?;
            return logp(
                &self
                    .model
                    .call_method1(intern!(self.py(), "known"), (piece,))?,
            );
        }
        Ok(lp)
    }

    /// PMI * 100 of the pieces' lowercase forms when the pair list holds them (`Model.pmi_of`):
    /// asked only when the first begins a pair of the list and the second ends one.
    fn pmi(&self, left: &Piece<'_, 'py>, right: &Piece<'_, 'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let py = self.py();
        let tables = self.tables;
        let sides = |piece: &Piece<'_, 'py>, mask: i64| -> PyResult<bool> {
            if let Some(table) = tables.sides.compiled() {
                let mut lower = [0u8; PIECE_BYTES];
                if let Some(lower) = ascii_lowercase(piece.text, &mut lower) {
                    return Ok(i64::from(table.answer(py, lower).unwrap_or(0)) & mask != 0);
                }
            }
            let lower = if self.lowercase { piece.str(py).clone() } else { self.lowered(piece.text) };
            has_bits(&tables.sides.get_or_zero(&lower)?, mask)
        };
        if !(sides(left, tables.begins_pair)? && sides(right, tables.ends_pair)?) {
            return Ok(None);
        }
        let mut key = left.text.to_ascii_lowercase();
        key.push(' ');
        key.push_str(&right.text.to_ascii_lowercase());
        tables.pmi.get_text(py, &key)
    }

    /// The Python str of ASCII *text*.
    fn piece(&self, text: &str) -> Bound<'py, PyString> {
        PyString::new(self.py(), text)
    }

    /// `text.lower()` of ASCII *text*, a Python str.
    fn lowered(&self, text: &str) -> Bound<'py, PyString> {
        self.piece(&text.to_ascii_lowercase())
    }
}

/// `glued_forms()` of model.py, the set of every model (read once a process), and its words'
/// UTF-8 in Rust.
static GLUED_FORMS: GILOnceCell<(PyObject, GluedForms)> = GILOnceCell::new();

/// The glued forms' UTF-8, hashed by FxHash: asked of every piece the word table knows.
type GluedForms = HashSet<Box<[u8]>, FxBuild>;

/// The glued forms in Rust when *forms* (a model's `_glued_forms`) is the process's set, else None
/// (then the memo and the set are asked as the Python asks them).
fn process_glued_forms(forms: &Bound<'_, PyAny>) -> PyResult<Option<&'static GluedForms>> {
    let py = forms.py();
    let (set, words) = GLUED_FORMS.get_or_try_init(py, || -> PyResult<_> {
        let set = py.import("textlint.checks.spacing.model")?.getattr("glued_forms")?.call0()?;
        // (a word that is no UTF-8 is left out: no piece, ASCII, is that word)
        let mut words = GluedForms::default();
        for word in set.try_iter()? {
            if let Ok(text) = word?.downcast::<PyString>()?.to_str() {
                words.insert(text.as_bytes().into());
            }
        }
        Ok((set.unbind(), words))
    })?;
    Ok(set.is(forms).then_some(words))
}

/// The longest piece whose lowercase form is made on the stack to ask a compiled table.
const PIECE_BYTES: usize = 64;

/// *text* (ASCII) lowercased into *buffer*, None when it is longer.
fn ascii_lowercase<'b>(text: &str, buffer: &'b mut [u8; PIECE_BYTES]) -> Option<&'b [u8]> {
    let lower = buffer.get_mut(..text.len())?;
    lower.copy_from_slice(text.as_bytes());
    lower.make_ascii_lowercase();
    Some(lower)
}

/// A piece of a cut core: its ASCII text, and its Python str made when first needed (most pieces
/// are no word and need none but for the document's count).
struct Piece<'a, 'py> {
    text: &'a str,
    word: OnceCell<Bound<'py, PyString>>,
}

impl<'a, 'py> Piece<'a, 'py> {
    fn new(text: &'a str) -> Self {
        Piece { text, word: OnceCell::new() }
    }

    /// The piece as a Python str.
    fn str(&self, py: Python<'py>) -> &Bound<'py, PyString> {
        self.word.get_or_init(|| PyString::new(py, self.text))
    }
}

/// What every cut of a core is measured against: the score a cut needs (the core's log10 P,
/// less what context can add), the most a word pair adds, and the pair list's floor.
struct Target {
    need: f64,
    pair_max: f64,
    floor: f64,
}
