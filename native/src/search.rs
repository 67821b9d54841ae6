//! The lattice search of the spacing model: `Model._search` and `Model._lattice_places`
//! (textlint/checks/spacing/model.py), compiled.
//!
//! `search(model, cores, left, right)` is `Model._search(model, cores, left, right)`: the same
//! cut points, the same document words recorded in `model._hits`, the same memo entries written,
//! but for the memos of the lexicon alone (`lex_logp`, `lex_word`) of the window's words: with a
//! compiled word table it works those out from the tables, without a str or a dict (any reader
//! of those memos works an entry out again, the same).
//! It reads the model's memo dicts and tables through the C API (or a table's Python `get`), and
//! calls the model's methods where the Python does: the features of a token not remembered yet,
//! a word the lexicon memo lacks (`_lexicon_logp`), a word the document may raise (`known`),
//! `lex_word`, `_lexicon_word`, `lex_logp` and `pair`. A window that is not ASCII (Python's
//! string methods differ from Rust's there) is searched by the Python twin.

mod score;

use std::cell::Cell;
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::{PyDict, PyString, PyTuple};

use crate::features::{self, FeatureTables, FeatureWeights};
use crate::lookup::Getter;
use crate::memo;
use crate::weights::Weights;
use crate::text::{camel_seam, isupper, islower};

/// The module of the Python twin, whose word classes the search reads.
const MODEL_MODULE: &str = "textlint.checks.spacing.model";

/// FNV-1a: the hash of the word classes' sets, whose keys are a few short words (std's SipHash,
/// which resists chosen keys, cost ~200 instructions a look-up of the search).
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A closed class of words.
type WordSet = HashSet<String, BuildHasherDefault<Fnv>>;

/// The closed word classes of the model's module (copied once per process: frozensets).
struct Classes {
    prefixes: WordSet,
    suffixes: WordSet,
    affixes: WordSet,
    letter_words: WordSet,
    titles: WordSet,
    prefixes_short: WordSet,
    affix_max: usize,
    max_word: usize,
}

static CLASSES: GILOnceCell<Classes> = GILOnceCell::new();

/// The word classes of `textlint.checks.spacing.model`, read at the first search.
fn classes(py: Python<'_>) -> PyResult<&'static Classes> {
    CLASSES.get_or_try_init(py, || {
        let module = py.import(MODEL_MODULE)?;
        let set = |name: &str| -> PyResult<WordSet> {
            module.getattr(name)?.try_iter()?.map(|w| w?.extract::<String>()).collect()
        };
        Ok(Classes {
            prefixes: set("PREFIXES")?,
            suffixes: set("SUFFIXES")?,
            affixes: set("AFFIXES")?,
            letter_words: set("LETTER_WORDS")?,
            titles: set("TITLES")?,
            prefixes_short: set("PREFIXES_SHORT")?,
            affix_max: module.getattr("AFFIX_MAX")?.extract()?,
            max_word: module.getattr("MAX_WORD")?.extract()?,
        })
    })
}

/// The glued forms (`glued_forms()`, fixed for the process) as Rust text, copied from the first
/// model's `_glued_forms`, with that set: a model that holds the same set reads them here.
static GLUED_FORMS: GILOnceCell<(PyObject, WordSet)> = GILOnceCell::new();

/// The glued forms *forms* (a model's `_glued_forms`) as Rust text, when they are the set copied
/// once (`GLUED_FORMS`); None for any other set.
fn glued_forms_text(forms: &Bound<'_, PyAny>) -> PyResult<Option<&'static WordSet>> {
    let py = forms.py();
    let (set, words) = GLUED_FORMS.get_or_try_init(py, || -> PyResult<_> {
        let words = forms.try_iter()?.map(|w| w?.extract::<String>()).collect::<PyResult<WordSet>>()?;
        Ok((forms.clone().unbind(), words))
    })?;
    Ok(set.bind(py).is(forms).then_some(words))
}

/// What the lattice asks of a token (`Model._token_features`).
#[derive(Clone, Copy)]
struct Features {
    solid: bool,
    long_word: bool,
    content: bool,
    frequent: bool,
    cuttable: bool,
    in_lexicon: bool,
    no_join_after: bool,
    glued: bool,
}

impl Features {
    fn of(value: &Bound<'_, PyAny>) -> PyResult<Self> {
        let value = value.downcast::<PyTuple>()?;
        let b = |k: usize| -> PyResult<bool> { value.get_borrowed_item(k)?.is_truthy() };
        Ok(Features {
            solid: b(0)?,
            long_word: b(1)?,
            content: b(2)?,
            frequent: b(3)?,
            cuttable: b(4)?,
            in_lexicon: b(5)?,
            no_join_after: b(6)?,
            glued: b(7)?,
        })
    }
}

/// A word's `Model.lex_word`: (lowercase form, log10 P, (begins a pair of the list, ends
/// one)). The lowercase form is borrowed (a window word's is a slice of the window's lowercase
/// text): a state makes no String. A window word's sides are read from the pair-side table
/// when a pair first asks for them (`Searcher::sides`): most words are never asked.
struct LexWord<'s> {
    lower: &'s str,
    lp: f64,
    sides: Cell<Option<(bool, bool)>>,
}

/// The `lex_word` tuple of the context word before a window, its lowercase form copied.
struct ContextWord {
    lower: String,
    lp: f64,
    begins: bool,
    ends: bool,
}

impl ContextWord {
    /// The tuple of `lex_word`, None for a word the lexicon lacks.
    fn of(value: Bound<'_, PyAny>) -> PyResult<Option<Self>> {
        if value.is_none() {
            return Ok(None);
        }
        let value = value.downcast_into::<PyTuple>()?;
        Ok(Some(ContextWord {
            lower: value.get_borrowed_item(0)?.downcast::<PyString>()?.to_str()?.to_owned(),
            lp: value.get_borrowed_item(1)?.extract()?,
            begins: value.get_borrowed_item(2)?.is_truthy()?,
            ends: value.get_borrowed_item(3)?.is_truthy()?,
        }))
    }

    fn lex_word(&self) -> LexWord<'_> {
        LexWord { lower: &self.lower, lp: self.lp, sides: Cell::new(Some((self.begins, self.ends))) }
    }
}

/// The last word of a state: the context word before the window, or `s[start..]` up to the
/// state's place.
#[derive(Clone, Copy)]
enum Last {
    Context,
    Word(usize),
}

/// A state of the search: its score, the place where its last word starts and the state there
/// that it extends, that word with its `lex_word`, and the next state of its own place. (The
/// states of a search are held in one list, in the order they are made: a list a place cost an
/// allocation at most places.)
struct State<'s> {
    score: f64,
    from: usize,
    prev: usize,
    last: Last,
    lw: Option<LexWord<'s>>,
    next: usize,
}

/// The longest pair key ("first second") `Searcher::pmi_of` builds on the stack: two words of
/// the window (`MAX_WORD` each) and a space; a longer one is built on the heap.
const PAIR_KEY_BYTES: usize = 64;

/// No state (the end of a place's states).
const NO_STATE: usize = usize::MAX;

/// A place of the window string where a word may end (`Model._lattice_places`): its position,
/// the token it is in, whether it ends the token, whether it is a camel seam, its first and last
/// states (in the search's list of states).
struct Place {
    pos: usize,
    token: usize,
    at_end: bool,
    seam: bool,
    first: usize,
    last: usize,
}

impl Place {
    fn new(pos: usize, token: usize, at_end: bool, seam: bool) -> Self {
        Place { pos, token, at_end, seam, first: NO_STATE, last: NO_STATE }
    }
}

/// The states of a search, each place's linked in the order they are made.
struct States<'s>(Vec<State<'s>>);

impl<'w> States<'w> {
    /// Adds *state* after the last state of *place*.
    fn push(&mut self, place: &mut Place, state: State<'w>) {
        let index = self.0.len();
        self.0.push(state);
        if place.last == NO_STATE {
            place.first = index;
        } else {
            self.0[place.last].next = index;
        }
        place.last = index;
    }

    /// The states of *place* with their indices, in order.
    fn of<'s>(&'s self, place: &Place) -> impl Iterator<Item = (usize, &'s State<'w>)> + 's {
        let mut k = place.first;
        std::iter::from_fn(move || {
            let index = k;
            let state = self.0.get(index)?;
            k = state.next;
            Some((index, state))
        })
    }
}

/// `Model._lattice_places` (without the first place, of the context word): the places of the
/// ASCII window string *s* where a word may end, added to *places* (which holds the first).
fn lattice_places(s: &[u8], bounds: &[usize], cuttable: &[bool], places: &mut Vec<Place>) {
    for k in 0..bounds.len() - 1 {
        let (a, b) = (bounds[k], bounds[k + 1]);
        if cuttable[k] {
            let lower_rest = islower(&s[a + 1..b]);
            for i in a + 1..b {
                let seam = !lower_rest && camel_seam(s, i);
                if lower_rest || seam || !s[i].is_ascii_uppercase() {
                    places.push(Place::new(i, k, false, seam));
                }
            }
        }
        places.push(Place::new(b, k, true, false));
    }
}

/// `Model._piece_ok` of an ASCII word (*lower*: its lowercase form).
fn piece_ok(c: &Classes, w: &str, lower: &str, starts_token: bool, ends_token: bool, seam_before: bool, seam_after: bool) -> bool {
    if starts_token && !ends_token && !seam_after && c.prefixes.contains(lower) {
        return false;
    }
    if ends_token && !starts_token && !seam_before && c.suffixes.contains(lower) {
        return false;
    }
    if seam_before && w.len() < 3 && !c.letter_words.contains(w) {
        return false;
    }
    let b = w.as_bytes();
    if seam_after
        && w.len() < 3
        && !(w.len() == 2
            && (isupper(b) || c.titles.contains(w) || (islower(b) && !c.prefixes_short.contains(w)))
            || c.letter_words.contains(w))
    {
        return false;
    }
    true
}

/// `Model._unknown_join` of ASCII pieces (ASCII letters are Latin).
fn unknown_join(pieces: &[&str]) -> bool {
    if pieces.len() != 2 {
        return false;
    }
    let (a, b) = (pieces[0].len(), pieces[1].len());
    a.min(b) <= 3 && 3 <= a.max(b)
}

/// `Model._search` of one model: made by `Model.__init__` as `Search(model, BEGINS_PAIR,
/// ENDS_PAIR)`, called as `search(model, cores, left, right)`. It keeps the model's tables and
/// weights, read once (none of them changes for a model), not the model (no reference cycle).
#[pyclass(frozen, module = "textlint_native")]
pub struct Search {
    weights: Weights,
    /// The lexicon's `bigram_floor`: log10 of the smallest pair probability its list holds.
    floor: f64,
    /// `Model.vocab.get`, `Model._zipf_get`, `Model._pmi_get`, `Model._sides_get`
    vocab: Getter,
    zipf: Getter,
    pmi: Getter,
    sides: Getter,
    /// `Model._lex_logp`, `Model._lex_words`, `Model._features`: memo tables
    lex_logp: Py<PyDict>,
    lex_words: Py<PyDict>,
    features: Py<PyDict>,
    begins_pair: i64,
    ends_pair: i64,
    /// What the features of a token (`Model._token_features`) read besides: weights,
    /// `Model._glued_forms`, the ASCII letters of `LETTER_WORDS`
    feature_weights: FeatureWeights,
    glued_forms: PyObject,
    /// `Model._glued_forms` as Rust text (`GLUED_FORMS`), when it is the process's set
    glued_forms_text: Option<&'static WordSet>,
    letter_words: [bool; 128],
}

#[pymethods]
impl Search {
    #[new]
    fn new(model: &Bound<'_, PyAny>, begins_pair: i64, ends_pair: i64) -> PyResult<Self> {
        let py = model.py();
        let dict = |name: &Bound<'_, PyString>| -> PyResult<Py<PyDict>> {
            Ok(model.getattr(name)?.downcast_into::<PyDict>()?.unbind())
        };
        let getter = |name: &Bound<'_, PyString>| Getter::of(&model.getattr(name)?);
        let mut letter_words = [false; 128];
        for word in &classes(py)?.letter_words {
            if let [c] = word.as_bytes() {
                if c.is_ascii() {
                    letter_words[*c as usize] = true;
                }
            }
        }
        let glued_forms = model.getattr(intern!(py, "_glued_forms"))?;
        Ok(Search {
            glued_forms_text: glued_forms_text(&glued_forms)?,
            weights: Weights::of(&model.getattr(intern!(py, "p"))?)?,
            floor: model.getattr(intern!(py, "lex"))?.getattr(intern!(py, "bigram_floor"))?.extract()?,
            vocab: Getter::of(&model.getattr(intern!(py, "vocab"))?.getattr(intern!(py, "get"))?)?,
            zipf: getter(intern!(py, "_zipf_get"))?,
            pmi: getter(intern!(py, "_pmi_get"))?,
            sides: getter(intern!(py, "_sides_get"))?,
            lex_logp: dict(intern!(py, "_lex_logp"))?,
            lex_words: dict(intern!(py, "_lex_words"))?,
            features: dict(intern!(py, "_features"))?,
            begins_pair,
            ends_pair,
            feature_weights: FeatureWeights::of(&model.getattr(intern!(py, "p"))?)?,
            glued_forms: glued_forms.unbind(),
            letter_words,
        })
    }

    /// `Model._search(model, cores, left, right)`: the cut points of the best segmentation of
    /// `"".join(cores)` between the context words.
    fn __call__<'py>(
        &self,
        model: &Bound<'py, PyAny>,
        cores: &Bound<'py, PyAny>,
        left: &Bound<'py, PyAny>,
        right: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = model.py();
        let texts: Vec<Bound<'py, PyString>> =
            cores.try_iter()?.map(|c| Ok(c?.downcast_into::<PyString>()?)).collect::<PyResult<_>>()?;
        let mut strs = Vec::with_capacity(texts.len());
        for t in &texts {
            match t.to_str() {
                Ok(x) if x.is_ascii() && !x.is_empty() => strs.push(x),
                _ => break,
            }
        }
        if strs.is_empty() || strs.len() != texts.len() {
            // Python's string methods outside ASCII (and any odd input): the Python twin
            return model.call_method1(intern!(py, "_search"), (cores, left, right));
        }
        Searcher::new(self, model, &texts, &strs, left, right)?.run()
    }

    /// `model._lexicon_logp(word, lower, zipf)` (*zipf* > 0) as the compiled code answers it
    /// (`FeatureTables::lexicon_logp`), for the twin test.
    fn lexicon_logp<'py>(
        &self,
        model: &Bound<'py, PyAny>,
        word: &Bound<'py, PyString>,
        lower: &Bound<'py, PyString>,
        zipf: i64,
    ) -> PyResult<Option<f64>> {
        self.feature_tables(model).lexicon_logp(word, lower, zipf)
    }

    /// `model.score(words, left, right, originals)` (`Model.score`) of a window's words, as
    /// `_window_changes` asks it (score.rs).
    fn score<'py>(
        &self,
        model: &Bound<'py, PyAny>,
        words: &Bound<'py, PyAny>,
        left: &Bound<'py, PyAny>,
        right: &Bound<'py, PyAny>,
        originals: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.score_words(model, words, left, right, originals)
    }
}

impl Search {
    /// The tables of *model* (this search's) that the features of a token read.
    pub fn feature_tables<'a, 'py>(&'a self, model: &'a Bound<'py, PyAny>) -> FeatureTables<'a, 'py> {
        let py = model.py();
        FeatureTables {
            model,
            w: &self.feature_weights,
            lex_logp: self.lex_logp.bind(py),
            zipf: &self.zipf,
            pmi: &self.pmi,
            sides: &self.sides,
            glued_forms: self.glued_forms.bind(py),
            letter_words: &self.letter_words,
            begins_pair: self.begins_pair,
            ends_pair: self.ends_pair,
        }
    }

    /// The model's weights (`Model.p`).
    pub fn weights(&self) -> &Weights {
        &self.weights
    }
}

/// One search: the window, the model's tables and the states of the lattice.
struct Searcher<'a, 'py> {
    py: Python<'py>,
    model: &'a Bound<'py, PyAny>,
    c: &'static Classes,
    w: &'a Weights,
    t: &'a Search,
    texts: &'a [Bound<'py, PyString>],
    cores: &'a [&'a str],
    s: String,
    /// `s.lower()` (ASCII: each piece's lowercase form is its slice of it)
    s_lower: String,
    bounds: Vec<usize>,
    lowercase: bool,
    feats: Vec<Features>,
    left: &'a Bound<'py, PyAny>,
    right: &'a Bound<'py, PyAny>,
    hits: Bound<'py, PyDict>,
    lex_logp: &'a Bound<'py, PyDict>,
    lex_words: &'a Bound<'py, PyDict>,
    zero: Bound<'py, PyAny>,
}

impl<'a, 'py> Searcher<'a, 'py> {
    fn new(
        t: &'a Search,
        model: &'a Bound<'py, PyAny>,
        texts: &'a [Bound<'py, PyString>],
        cores: &'a [&'a str],
        left: &'a Bound<'py, PyAny>,
        right: &'a Bound<'py, PyAny>,
    ) -> PyResult<Self> {
        let py = model.py();
        let s: String = cores.concat();
        let mut bounds = Vec::with_capacity(cores.len() + 1);
        bounds.push(0);
        for c in cores {
            bounds.push(bounds.last().unwrap() + c.len());
        }
        let hits = model.getattr(intern!(py, "_hits"))?.downcast_into::<PyDict>()?;
        let feats = Self::features(t, model, texts, cores)?;
        Ok(Searcher {
            py,
            model,
            c: classes(py)?,
            w: &t.weights,
            t,
            texts,
            cores,
            lowercase: islower(s.as_bytes()),
            s_lower: s.to_ascii_lowercase(),
            s,
            bounds,
            feats,
            left,
            right,
            hits,
            lex_logp: t.lex_logp.bind(py),
            lex_words: t.lex_words.bind(py),
            zero: 0i64.into_pyobject(py)?.into_any(),
        })
    }

    /// The features of each token (*texts*, *cores*): remembered in `model._features`, worked
    /// out here when the memo lacks them (`features::memo_fresh`), else `Model.memo`'s (which
    /// checks the document words that swayed them).
    fn features(t: &Search, model: &Bound<'py, PyAny>, texts: &[Bound<'py, PyString>], cores: &[&str]) -> PyResult<Vec<Features>> {
        let py = model.py();
        let table = t.features.bind(py);
        let tables = t.feature_tables(model);
        let mut feats = Vec::with_capacity(texts.len());
        for (c, text) in texts.iter().zip(cores) {
            let value = match table.get_item(c)? {
                None => features::memo_fresh(&tables, table, c, text)?,
                Some(entry) if !entry.downcast::<PyTuple>()?.get_borrowed_item(1)?.is_truthy()? => {
                    entry.downcast::<PyTuple>()?.get_item(0)?
                }
                _ => {
                    let compute = model.getattr(intern!(py, "_token_features"))?;
                    model.call_method1(intern!(py, "memo"), (table, c, compute, c))?
                }
            };
            feats.push(Features::of(&value)?);
        }
        Ok(feats)
    }

    /// The window's text from *a* to *b* as a Python str, made once (*slot*) when first asked.
    fn word<'s>(&self, slot: &'s mut Option<Bound<'py, PyString>>, a: usize, b: usize) -> &'s Bound<'py, PyString> {
        slot.get_or_insert_with(|| PyString::new(self.py, &self.s[a..b]))
    }

    fn text(&self, a: usize, b: usize) -> Bound<'py, PyString> {
        PyString::new(self.py, &self.s[a..b])
    }

    /// An optional float of Python (None: None).
    fn float(v: &Bound<'py, PyAny>) -> PyResult<Option<f64>> {
        if v.is_none() {
            Ok(None)
        } else {
            Ok(Some(v.extract()?))
        }
    }

    /// The lowercase form of the window's text from *a* to *b* (itself in a lowercase window).
    fn lower(&self, a: usize, b: usize) -> &str {
        &self.s_lower[a..b]
    }

    /// `known(w, original, joined)`'s answer as the search has it inline for the word from *a*
    /// to *b* (its str made in *slot* when needed): the lexicon's log10 P (`lex_logp`), None
    /// when the lexicon lacks the word. With a compiled word table it is worked out in Rust, as
    /// `_lexicon_logp` works it out, but for a glued form (`_glued_form`, asked through the memo
    /// and the method); nothing is remembered (a memo of the lexicon alone, which any reader
    /// works out again with the same answer).
    fn lexicon_lp(&self, slot: &mut Option<Bound<'py, PyString>>, a: usize, b: usize) -> PyResult<Option<f64>> {
        let py = self.py;
        if let Getter::Table(table) = &self.t.zipf {
            // `lex_logp` is None exactly for a word whose lowercase form the word table lacks
            // (`_lexicon_logp`, the memo's one writer, reads that table): such a word, as
            // most are, is told by the compiled table alone, without a str or the memo
            let z = match table.get().answer(py, self.lower(a, b).as_bytes()) {
                Some(z) if z > 0 => z,
                _ => return Ok(None),
            };
            if self.t.glued_forms_text.is_some_and(|forms| !forms.contains(self.lower(a, b))) {
                return Ok(Some(z as f64 / 100.0 - 9.0)); // `_lexicon_logp` of a word no glued form
            }
            let w = self.word(slot, a, b);
            if let Some(v) = self.lex_logp.get_item(w)? {
                return Self::float(&v);
            }
            let lower = if self.lowercase { w.clone() } else { PyString::new(py, self.lower(a, b)) };
            return self.t.feature_tables(self.model).lexicon_logp(w, &lower, z.into());
        }
        let w = self.word(slot, a, b);
        if let Some(v) = self.lex_logp.get_item(w)? {
            return Self::float(&v);
        }
        let lower = if self.lowercase { w.clone() } else { PyString::new(py, self.lower(a, b)) };
        let z = self.t.zipf.get_or(&lower, &self.zero)?;
        if z.extract::<i64>()? > 0 {
            let v = self.model.call_method1(intern!(py, "_lexicon_logp"), (w, lower, z))?;
            return Self::float(&v);
        }
        Ok(None)
    }

    /// Start loading the word table's answers of the words from *j* to each of *ends*, which
    /// the search asks next (`lexicon_lp`): their misses to memory waited for together.
    fn prefetch_words(&self, j: usize, ends: impl Iterator<Item = usize>) {
        if let Getter::Table(table) = &self.t.zipf {
            for i in ends {
                table.get().prefetch(self.py, self.lower(j, i).as_bytes());
            }
        }
    }

    /// `lex_word(w)` of the word from *a* to *b* of the window, which the lexicon gives log10 P
    /// *lp* (`lex_logp`): `_lexicon_word(w, lp)`, worked out here (its sides when first asked),
    /// not remembered (a memo of the lexicon alone).
    fn lex_word(&self, a: usize, b: usize, lp: f64) -> LexWord<'_> {
        LexWord { lower: self.lower(a, b), lp, sides: Cell::new(None) }
    }

    /// Whether the word *l* (begins a pair of the list, ends one): `_lexicon_word`'s reading of
    /// the pair-side table, done once a word.
    fn sides(&self, l: &LexWord<'_>) -> PyResult<(bool, bool)> {
        if let Some(sides) = l.sides.get() {
            return Ok(sides);
        }
        let sides = self.t.sides.get_text_int(self.py, l.lower)?.unwrap_or(0);
        let sides = (sides & self.t.begins_pair != 0, sides & self.t.ends_pair != 0);
        l.sides.set(Some(sides));
        Ok(sides)
    }

    /// PMI * 100 of two words of the lexicon (`Model.pmi_of`), None when the pair list lacks them.
    fn pmi_of(&self, first: &LexWord<'_>, second: &LexWord<'_>) -> PyResult<Option<i64>> {
        let (a, b) = (first.lower.as_bytes(), second.lower.as_bytes());
        let n = a.len() + b.len() + 1;
        if let (Getter::Table(table), true) = (&self.t.pmi, n <= PAIR_KEY_BYTES) {
            // the key "a b" on the stack: a pair asked per state and word allocates nothing
            let mut key = [0u8; PAIR_KEY_BYTES];
            key[..a.len()].copy_from_slice(a);
            key[a.len()] = b' ';
            key[a.len() + 1..n].copy_from_slice(b);
            return Ok(table.get().answer(self.py, &key[..n]).map(i64::from));
        }
        self.t.pmi.get_text_int(self.py, &[first.lower, " ", second.lower].concat())
    }

    /// Whether *t* is one of `LETTER_WORDS` (an ASCII letter: read from the model's table).
    fn letter_word(&self, t: &str) -> bool {
        match t.as_bytes() {
            [c] => self.t.letter_words[*c as usize],
            _ => self.c.letter_words.contains(t),
        }
    }

    /// The search itself: the loop of `Model._search`.
    fn run(&self) -> PyResult<Bound<'py, PyAny>> {
        let (py, w, s, b) = (self.py, &self.w, self.s.as_bytes(), &self.bounds);
        let n = s.len();
        let f = &self.feats;
        let cuttable: Vec<bool> = f.iter().map(|x| x.cuttable).collect();
        // `lex_word(left)`: its memo entry (None: a word the lexicon lacks), else the method
        let context_word = if self.left.is_none() {
            None
        } else if let Some(v) = self.lex_words.get_item(self.left)? {
            ContextWord::of(v)?
        } else {
            ContextWord::of(self.model.call_method1(intern!(py, "lex_word"), (self.left,))?)?
        };
        let first_lw = context_word.as_ref().map(ContextWord::lex_word);
        // (a place a position at most, and the context word's)
        let mut places = Vec::with_capacity(n + 1);
        places.push(Place::new(0, 0, true, false));
        let mut states = States(Vec::with_capacity(4 * self.s.len()));
        let start = State { score: 0.0, from: usize::MAX, prev: 0, last: Last::Context, lw: first_lw, next: NO_STATE };
        states.push(&mut places[0], start);
        lattice_places(s, b, &cuttable, &mut places);
        let last = places.len() - 1;
        // end -> the starts of the prefixes cut off a token's start there
        let mut prefix_cut: Vec<Vec<usize>> = vec![Vec::new(); n + 1];
        for x in 0..last {
            if places[x].first == NO_STATE {
                continue;
            }
            let (head, tail) = places.split_at_mut(x + 1);
            let here = &head[x];
            let (j, at_start, seam_j) = (here.pos, here.at_end, here.seam);
            let k0 = tail[0].token;
            let next_end = tail[0].at_end;
            let capital = s[j].is_ascii_uppercase();
            let unknown_base = if capital { w.unk_cap_base } else { w.unk_base };
            let after_prefix = &prefix_cut[j];
            let mid_word = !(at_start || seam_j);
            let mut entry = if at_start {
                0.0
            } else if seam_j {
                -w.camel_cost
            } else {
                -w.ins_cost
            };
            if !at_start && f[k0].in_lexicon {
                entry -= if seam_j { w.seam_known_cost } else { w.split_known_cost };
            }
            let mut limit = if j + self.c.max_word < n { j + self.c.max_word } else { n };
            if at_start && b[k0 + 1] > limit {
                limit = b[k0 + 1];
            }
            let (mut inner, mut reach) = (0usize, k0);
            let mut longs = f[k0].long_word as usize;
            let first = if at_start || next_end || tail[0].pos > j + 1 || self.letter_word(&self.s[j..j + 1]) {
                0
            } else {
                1
            };
            self.prefetch_words(j, tail[first..].iter().map(|there| there.pos).take_while(|&i| i <= limit));
            let mut new_prefixes: Vec<(usize, usize)> = Vec::new();
            for there in &mut tail[first..] {
                let (i, k1, at_end, seam_i) = (there.pos, there.token, there.at_end, there.seam);
                if i > limit {
                    break;
                }
                if k1 != reach {
                    if !s[b[k1]].is_ascii_lowercase() || f[k1 - 1].no_join_after {
                        break; // no join before a capital or after an initial
                    }
                    inner += 1;
                    reach = k1;
                    longs += f[k1].long_word as usize;
                    if longs >= 2 || inner == 1 && f[k1].long_word && self.letter_word(self.cores[k0]) {
                        break;
                    }
                }
                let mut word = None; // the str of s[j..i], made when first needed
                let lex_lp = self.lexicon_lp(&mut word, j, i)?;
                let mut lp = lex_lp;
                let lexicon_word = lp.is_some();
                let whole = at_start && at_end;
                if inner > 0 {
                    if !(lexicon_word || whole) {
                        continue;
                    }
                } else if i - j > 2 && (capital || !lexicon_word) {
                    let word = self.word(&mut word, j, i);
                    let count = self.t.vocab.get_or(word, &self.zero)?;
                    self.hits.set_item(word, &count)?;
                    if count.extract::<i64>()? > whole as i64 {
                        let v = self.model.call_method1(intern!(py, "known"), (word, whole))?;
                        lp = Self::float(&v)?;
                    }
                }
                let piece = &self.s[j..i];
                match lp {
                    None if !(at_start || at_end) => continue,
                    Some(_) if i - j == 1 && !whole && !self.letter_word(piece) => continue,
                    _ => {}
                }
                let mut suffix_word = false;
                if !whole {
                    let affix = || {
                        (at_start || at_end)
                            && i - j <= self.c.affix_max
                            && self.c.affixes.contains(self.lower(j, i))
                    };
                    if (seam_j || seam_i || affix())
                        && !piece_ok(self.c, piece, self.lower(j, i), at_start, at_end, seam_j, seam_i)
                    {
                        if at_end && !seam_j && lp.is_some_and(|v| v >= w.suffix_word_lp) {
                            suffix_word = !f[k0].glued;
                        } else if at_start && !seam_i && lp.is_some_and(|v| v >= w.function_lp) {
                            new_prefixes.push((i, j));
                        } else {
                            continue;
                        }
                    }
                    let k = if at_start { k1 } else { k0 };
                    if f[k].in_lexicon && lp.is_none_or(|v| v < w.known_split_lp) && !(seam_j || seam_i) {
                        continue;
                    }
                }
                let lp = match lp {
                    Some(v) => v,
                    None if inner == 0 => unknown_base - w.unk_per_char * (i - j) as f64,
                    None => {
                        if f[k0..=k1].iter().any(|x| x.solid) || !unknown_join(&self.cores[k0..=k1]) {
                            continue;
                        }
                        unknown_base - w.unk_per_char * (i - j) as f64 - w.unk_join_cost
                    }
                };
                let mut base = lp + entry;
                if inner > 0 {
                    match self.joined(base, inner, k0, k1, lp)? {
                        Some(v) => base = v,
                        None => continue,
                    }
                }
                let lw = lex_lp.map(|lex_lp| self.lex_word(j, i, lex_lp));
                let cut_compound = mid_word && i - j > 3 && lw.as_ref().is_none_or(|l| l.lp < w.function_lp);
                let mut top: Option<(f64, usize)> = None;
                for (index, st) in states.of(here) {
                    if let Last::Word(start) = st.last {
                        if after_prefix.contains(&start)
                            && !f[k0].glued
                            && lw.as_ref().is_none_or(|l| l.lp < w.function_lp)
                        {
                            continue; // "out|the", "up|of"; not "over|load", "in|put"
                        }
                    }
                    let mut cand = match (&lw, &st.lw) {
                        (Some(l), Some(lprev)) => {
                            let pmi = if self.sides(lprev)?.0 && self.sides(l)?.1 { self.pmi_of(lprev, l)? } else { None };
                            if suffix_word && pmi.is_none_or(|v| v < w.suffix_pair_pmi) {
                                continue; // "would|like", "be|able"; not "light|like"
                            }
                            match pmi {
                                Some(v) => st.score + base + w.bigram_weight * (v as f64 / 100.0),
                                None => {
                                    let gap = self.t.floor - lprev.lp - l.lp;
                                    st.score + base + w.absent_weight * (if gap < 0.0 { gap } else { 0.0 })
                                }
                            }
                        }
                        _ => {
                            if suffix_word {
                                continue;
                            }
                            st.score + base
                        }
                    };
                    if cut_compound && self.content_prev(st, j)? && st.lw.as_ref().is_none_or(|l| l.lp < w.function_lp) {
                        cand -= w.compound_cost; // "power|series": an author's compound
                    }
                    if top.is_none_or(|(t, _)| cand > t) {
                        top = Some((cand, index));
                    }
                }
                if let Some((score, prev)) = top {
                    let last = Last::Word(j);
                    states.push(there, State { score, from: x, prev, last, lw, next: NO_STATE });
                }
            }
            for (end, start) in new_prefixes {
                if !prefix_cut[end].contains(&start) {
                    prefix_cut[end].push(start);
                }
            }
        }
        self.best_cuts(&places, &states)
    }

    /// Whether the last word of a state is not None and longer than three letters (the start
    /// of `content(prev)`; the state is at position *end*).
    fn content_prev(&self, st: &State<'_>, end: usize) -> PyResult<bool> {
        Ok(match st.last {
            Last::Word(start) => end - start > 3,
            Last::Context => !self.left.is_none() && self.left.len()? > 3,
        })
    }

    /// The score *base* of a word that joins tokens *k0* to *k1* (deleting *inner* spaces) less
    /// the costs of the join, None when the join is vetoed (`Model._search`'s joins).
    fn joined(&self, base: f64, inner: usize, k0: usize, k1: usize, lp: f64) -> PyResult<Option<f64>> {
        let (w, f, cores) = (&self.w, &self.feats[k0..=k1], &self.cores[k0..=k1]);
        let mut base = base - w.del_cost * inner as f64; // the spaces the word deletes
        if f.iter().filter(|x| x.long_word).count() >= 2 {
            return Ok(None); // two words stay two words ("song writer", "bench mark")
        }
        if f.iter().filter(|x| x.content).count() >= 2 {
            base -= w.compound_cost; // "beam splitter": an author's choice
        }
        if self.letter_word(cores[0]) && f[1].long_word {
            return Ok(None); // "a void", "a round": an article and a word
        }
        if self.c.prefixes.contains(self.lower(self.bounds[k0], self.bounds[k0 + 1])) && f[1].solid && !(lp >= w.suffix_word_lp && {
            let v = self.model.call_method1(intern!(self.py, "lex_logp"), (&self.texts[k0],))?;
            Self::float(&v)?.unwrap_or(0.0) < w.function_lp
        }) {
            return Ok(None); // "non trivial", "sub populations": the author's choice; not "re sult"
        }
        // a lowercase letter that ends a content word: "diverge d", "railway s"
        let last = cores[cores.len() - 1];
        let ending = k1 == k0 + 1 && f[0].content && last.len() == 1 && islower(last.as_bytes());
        if f.iter().any(|x| x.frequent) {
            if !ending && cores.iter().any(|c| c.len() == 1) && (lp < w.letter_join_lp || self.letter_word(cores[0])) {
                return Ok(None); // "b are", "l and", "a void": a variable and a word; not "t he"
            }
            base -= w.frequent_join_cost; // a frequent word is rarely a fragment
        }
        if last.len() == 1 && f[0].solid && !ending && lp < w.letter_join_lp {
            base -= w.letter_join_cost; // "of f", "the n": a variable; not "an d", "wa s"
        }
        Ok(Some(base))
    }

    /// The best final state's words, back to the start: the cut points (`Model._search`'s end).
    fn best_cuts(&self, places: &[Place], states: &States<'_>) -> PyResult<Bound<'py, PyAny>> {
        let py = self.py;
        let mut last = places.len() - 1;
        let fin = &places[last];
        if fin.first == NO_STATE {
            let inner: Vec<usize> = self.bounds[1..self.bounds.len() - 1].to_vec();
            return Ok(memo::untracked(PyTuple::new(py, inner)?).into_any());
        }
        let mut index = fin.first;
        if fin.first != fin.last {
            let mut top = f64::NEG_INFINITY;
            for (k, st) in states.of(fin) {
                // `pair` of a word and no word is 0.0, asked of no table
                let key = match st.last {
                    _ if self.right.is_none() => None,
                    Last::Word(start) => Some(self.text(start, places[last].pos).into_any()),
                    Last::Context => Some(self.left.clone()).filter(|left| !left.is_none()),
                };
                let pair: f64 = match key {
                    None => 0.0,
                    Some(key) => self.model.call_method1(intern!(py, "pair"), (key, self.right))?.extract()?,
                };
                let v = st.score + pair;
                if k == fin.first || v > top {
                    top = v;
                    index = k;
                }
            }
        }
        let mut cuts = Vec::new();
        while last > 0 {
            let st = &states.0[index];
            let x = st.from;
            if x > 0 {
                cuts.push(places[x].pos);
            }
            last = x;
            index = st.prev;
        }
        cuts.sort_unstable();
        Ok(memo::untracked(PyTuple::new(py, cuts)?).into_any())
    }
}
