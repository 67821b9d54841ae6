//! A chunk's answer worked out for the compiled `judge_line` (judge.rs) when the model's chunk
//! memo has no entry of it, or one that no longer holds: `Model.memo(table, chunk,
//! Model._chunk, model, chunk)` and `Model._chunk` of textlint/checks/spacing/model.py, with
//! `Model.chunk` of a chunk's core, `Model.lex_frequent` and `Model.may_be_no_word`, compiled.
//!
//! The memo is `Model.memo`'s for a key whose entry it works out: `model._hits` a new dict
//! around the work, restored after it, its words passed on to the outer dict (unless that is the
//! root's) and kept in the entry. The answer is `Model._chunk`'s: a chunk whose letters are not
//! all ASCII (Python's string methods differ from Rust's there) is answered by `Model._chunk`
//! itself; its marks may be any ("“The”"), and `plain_parts` (with its pattern, `PLAIN`, which
//! reads ASCII letters one way) is compiled. Whether a word is suspicious is
//! `Model.suspicious`'s answer: asked of the model's compiled bound (`Model._suspicious_native`)
//! directly when the method is the class's own, else the method is called (it may be
//! replaced). The model's word table and weights are read through that bound too, which holds
//! them for the model's life (a model without one is asked in Python).

use std::cell::OnceCell;
use std::collections::HashSet;

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::{PyBool, PyDict, PyString, PyTuple};

use crate::memo::{self, Hits, Outer};
use crate::suspicious::SuspiciousCore;
use crate::text::{isalpha, isupper};

/// The module of the Python twins.
const MODEL_MODULE: &str = "textlint.checks.spacing.model";

/// What `Model._chunk` reads of its module, once per process.
struct Constants {
    /// `OPENING_MARKS` and `CLOSING_MARKS`, which `plain_parts` strips off a chunk
    opening: String,
    closing: String,
    /// `LETTER_WORDS` and `MAX_TOKEN`
    letter_words: HashSet<String>,
    max_token: usize,
    /// `NO_WORD_ZIPF`, and `wordclasses.known_in_any_case`, which `Model.may_be_no_word` asks last
    no_word_zipf: f64,
    known_in_any_case: PyObject,
    /// `Model._chunk`, for what this file hands back to Python
    twin: PyObject,
}

static CONSTANTS: GILOnceCell<Constants> = GILOnceCell::new();

fn constants(py: Python<'_>) -> PyResult<&'static Constants> {
    CONSTANTS.get_or_try_init(py, || {
        let module = py.import(MODEL_MODULE)?;
        Ok(Constants {
            opening: module.getattr("OPENING_MARKS")?.extract()?,
            closing: module.getattr("CLOSING_MARKS")?.extract()?,
            letter_words: module.getattr("LETTER_WORDS")?.try_iter()?.map(|w| w?.extract()).collect::<PyResult<_>>()?,
            max_token: module.getattr("MAX_TOKEN")?.extract()?,
            no_word_zipf: module.getattr("NO_WORD_ZIPF")?.extract()?,
            known_in_any_case: py.import("textlint.wordclasses")?.getattr("known_in_any_case")?.unbind(),
            twin: module.getattr("Model")?.getattr("_chunk")?.unbind(),
        })
    })
}

/// What the compiled judgement reads of a model once per line: its compiled suspicion bound
/// (`Model._suspicious_native`, which holds the model's word table and weights), and, when a
/// chunk first needs it, whether `model.suspicious` is the method *original*, the class's own
/// (then the bound answers it without a Python call).
pub struct Compiled<'a, 'py> {
    model: &'a Bound<'py, PyAny>,
    bound: Option<Bound<'py, SuspiciousCore>>,
    original: Option<&'a Bound<'py, PyAny>>,
    direct: OnceCell<bool>,
    /// the model's vocabulary as [`valid`] reads it, read when a chunk's entry is first checked
    vocabulary: OnceCell<Option<Vocabulary<'py>>>,
}

impl<'a, 'py> Compiled<'a, 'py> {
    /// The compiled parts of *model*, whose `suspicious` should be the method *original* (None:
    /// the caller asks no chunk's answer).
    pub fn of(model: &'a Bound<'py, PyAny>, original: Option<&'a Bound<'py, PyAny>>) -> PyResult<Self> {
        let py = model.py();
        let bound = model.getattr(intern!(py, "_suspicious_native"))?.downcast_into::<SuspiciousCore>().ok();
        Ok(Compiled { model, bound, original, direct: OnceCell::new(), vocabulary: OnceCell::new() })
    }

    /// Whether the bound answers `model.suspicious` (read once).
    fn direct(&self) -> PyResult<bool> {
        if let Some(&direct) = self.direct.get() {
            return Ok(direct);
        }
        let (model, py) = (self.model, self.model.py());
        // (the bound method's function, as `model.suspicious` finds it: reading `model.__dict__`
        // instead would give the model a dict of its own, and every later attribute a slower read)
        let direct = match (&self.bound, self.original) {
            (Some(_), Some(original)) => {
                let method = model.getattr(intern!(py, "suspicious"))?;
                method.getattr(intern!(py, "__func__")).is_ok_and(|f| f.is(original))
                    && method.getattr(intern!(py, "__self__")).is_ok_and(|m| m.is(model))
            }
            _ => false,
        };
        Ok(*self.direct.get_or_init(|| direct))
    }

    /// [`valid`] of *deps*, the model's vocabulary read once (not once per entry checked).
    pub fn valid(&self, deps: &Bound<'py, PyDict>) -> PyResult<bool> {
        let vocabulary = match self.vocabulary.get() {
            Some(vocabulary) => vocabulary,
            None => {
                let vocabulary = Vocabulary::of(self.model)?;
                self.vocabulary.get_or_init(|| vocabulary)
            }
        };
        valid_in(self.model, vocabulary.as_ref(), deps)
    }

    /// `model._zipf_get(lower, 0)` of a lowercase word.
    pub fn zipf(&self, model: &Bound<'py, PyAny>, lower: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyAny>> {
        match &self.bound {
            Some(bound) => bound.get().zipf().get_or_zero(lower),
            None => model.getattr(intern!(model.py(), "_zipf_get"))?.call1((lower, 0)),
        }
    }

    /// `model._zipf_get(lower, 0)` of a lowercase word held as Rust text (no Python str is
    /// made for a compiled table).
    pub fn zipf_text(&self, model: &Bound<'py, PyAny>, lower: &str) -> PyResult<Bound<'py, PyAny>> {
        match &self.bound {
            Some(bound) => bound.get().zipf().get_text_or_zero(model.py(), lower),
            None => self.zipf(model, &PyString::new(model.py(), lower)),
        }
    }

    /// `model._zipf_get(lower, 0) <= 0` of a lowercase word held as Rust text: a word the
    /// lexicon lacks (no Python object is made for a compiled table).
    pub fn unknown_text(&self, model: &Bound<'py, PyAny>, lower: &str) -> PyResult<bool> {
        match &self.bound {
            Some(bound) => bound.get().zipf().text_at_most_zero(model.py(), lower),
            None => self.zipf(model, &PyString::new(model.py(), lower))?.le(0),
        }
    }

    /// [`Self::unknown_text`] of a lowercase word held as UTF-8 bytes (a compiled table reads
    /// them without a check that they are UTF-8).
    pub fn unknown_bytes(&self, model: &Bound<'py, PyAny>, lower: &[u8]) -> PyResult<bool> {
        match &self.bound {
            Some(bound) => bound.get().zipf().bytes_at_most_zero(model.py(), lower),
            None => self.unknown_text(model, std::str::from_utf8(lower)?),
        }
    }

    /// `Params.solid_zipf` of the model.
    fn solid_zipf(&self, model: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let py = model.py();
        match &self.bound {
            Some(bound) => Ok(bound.get().weights().solid_zipf.into_pyobject(py)?.into_any()),
            None => model.getattr(intern!(py, "p"))?.getattr(intern!(py, "solid_zipf")),
        }
    }

    /// `model.suspicious(core)` of an ASCII core (*text*), *hits* the model's `_hits`.
    fn suspicious(&self, c: &Constants, model: &Bound<'py, PyAny>, core: &Bound<'py, PyString>, text: &str,
                  hits: &Hits<'py>) -> PyResult<Bound<'py, PyAny>> {
        let py = model.py();
        let answer = match &self.bound {
            Some(bound) if self.direct()? => {
                if text.len() == 1 {
                    !c.letter_words.contains(text)
                } else {
                    bound.get().judge_ascii(model, core, text, hits)?
                }
            }
            _ => {
                hits.before_python()?;
                return model.call_method1(intern!(py, "suspicious"), (core,));
            }
        };
        Ok(PyBool::new(py, answer).to_owned().into_any())
    }
}

/// `Model.memo(table, chunk, Model._chunk, model, chunk)` where *table* (the model's chunk memo)
/// has no entry of *chunk*, or one that document words swayed and that no longer holds, within
/// the value being worked out *outer*: the entry it writes in *table*, `(answer, deps)`. (The
/// new deps are the model's `_hits` only while Python runs within: see [`memo::Hits`].)
pub fn remember_entry<'py>(m: &Compiled<'_, 'py>, model: &Bound<'py, PyAny>, outer: &Outer<'py>,
                           table: &Bound<'py, PyDict>, chunk: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyTuple>> {
    memo::remember_entry_within(outer, Hits::new(model), table, chunk, |hits| chunk_answer(m, model, table, chunk, hits))
}

/// `Model._chunk(model, chunk)`: (lead, core, trail, suspicious, firm, starts, ends, no_word) of
/// a plain chunk, None for any other.
fn chunk_answer<'py>(m: &Compiled<'_, 'py>, model: &Bound<'py, PyAny>, table: &Bound<'py, PyDict>,
                     chunk: &Bound<'py, PyString>, hits: &Hits<'py>) -> PyResult<Bound<'py, PyAny>> {
    let py = model.py();
    let c = constants(py)?;
    let twin = || {
        hits.before_python()?;
        c.twin.bind(py).call1((model, chunk))
    };
    let Ok(text) = chunk.to_str() else {
        return twin();
    };
    let Some((lead, core, trail)) = (match parts(c, chunk, text) {
        Parted::Plain(parts) => Some(parts),
        Parted::NoWord => None,
        Parted::Python => return twin(),
    }) else {
        return Ok(py.None().into_bound(py));
    };
    let core_text = core.to_str()?;
    if core_text.len() > c.max_token {
        return Ok(py.None().into_bound(py)); // a sequence, a code, a hash
    }
    let (suspicious, firm, no_word) = if lead.is_empty()? && trail.is_empty()? {
        (m.suspicious(c, model, &core, core_text, hits)?,
         PyBool::new(py, lex_frequent(m, model, &core, core_text)?).to_owned().into_any(),
         may_be_no_word(m, c, model, &core, core_text)?)
    } else {
        // the core's own entry: punctuation aside, the same word (but for a possessive: "xqv's"
        // stripped of its marks keeps its "'s"; asked in Python: `to_str` would keep a UTF-8
        // copy with a trail beyond ASCII)
        let info = core_answer(m, model, table, &core, hits)?.downcast_into::<PyTuple>()?;
        (info.get_item(3)?, info.get_item(4)?, info.get_item(7)?.is_truthy()? && !trail.contains("s")?)
    };
    let bytes = core_text.as_bytes();
    let starts = trail.is_empty()? && (!isupper(bytes) || c.letter_words.contains(core_text));
    let ends = lead.is_empty()? && !bytes[0].is_ascii_uppercase();
    let flag = |b: bool| PyBool::new(py, b).to_owned().into_any();
    let atomic = memo::scalar(&suspicious) && memo::scalar(&firm);
    let answer = PyTuple::new(py, [lead.into_any(), core.into_any(), trail.into_any(), suspicious, firm,
                                   flag(starts), flag(ends), flag(no_word)])?;
    Ok(if atomic { memo::untracked(answer) } else { answer }.into_any())
}

/// `Model.may_be_no_word(core)` of an ASCII core (*text*): two letters or more, only the first
/// a capital, its lowercase form below `NO_WORD_ZIPF` in the lexicon's word table, and not
/// `wordclasses.known_in_any_case(core, lower)` (asked last: few cores get that far).
fn may_be_no_word<'py>(m: &Compiled<'_, 'py>, c: &Constants, model: &Bound<'py, PyAny>, core: &Bound<'py, PyString>,
                       text: &str) -> PyResult<bool> {
    let bytes = text.as_bytes();
    if bytes.len() < 2 || !bytes[0].is_ascii_alphabetic() || !bytes[1..].iter().all(u8::is_ascii_lowercase) {
        return Ok(false);
    }
    let py = model.py();
    let lowercase = !bytes[0].is_ascii_uppercase();
    let lower = if lowercase { core.clone() } else { PyString::new(py, &text.to_ascii_lowercase()) };
    let zipf = m.zipf(model, &lower)?;
    let rare = match zipf.extract::<i64>() {
        // (an int below 2**53 divides as a float, correctly rounded as Python's int division is)
        Ok(z) if z.unsigned_abs() <= 1 << 53 => (z as f64) / 100.0 < c.no_word_zipf,
        _ => zipf.div(100)?.lt(c.no_word_zipf)?,
    };
    Ok(rare && !c.known_in_any_case.bind(py).call1((core, lower))?.is_truthy()?)
}

/// A plain chunk's opening marks, letters and closing marks (`plain_parts`).
type Parts<'py> = (Bound<'py, PyString>, Bound<'py, PyString>, Bound<'py, PyString>);

/// What `Model._chunk` makes of a chunk's text, as far as Rust tells it.
enum Parted<'py> {
    /// a plain word: its opening marks, ASCII letters and closing marks
    Plain(Parts<'py>),
    /// no plain word (an ASCII chunk that `PLAIN` does not match)
    NoWord,
    /// a chunk whose letters are not all ASCII: the Python twin's (Python's case rules)
    Python,
}

/// `("", chunk, "") if chunk.isalpha() else plain_parts(chunk)` of a chunk whose letters are
/// ASCII (its marks may be any of `plain_parts`'s: "“The", "‘word’").
fn parts<'py>(c: &Constants, chunk: &Bound<'py, PyString>, text: &str) -> Parted<'py> {
    let py = chunk.py();
    if isalpha(text.as_bytes()) {
        return Parted::Plain((PyString::new(py, ""), chunk.clone(), PyString::new(py, "")));
    }
    // plain_parts: the marks stripped as str.lstrip and str.rstrip strip them, then the pattern
    // for a core that is not letters alone (no mark is a letter: a chunk with a letter beyond
    // ASCII has it in its core, and is not alpha)
    let rest = text.trim_start_matches(|m| c.opening.contains(m));
    let mut core = rest.trim_end_matches(|m| c.closing.contains(m));
    if !isalpha(core.as_bytes()) {
        match plain_letters(c, rest) {
            Some(letters) => core = letters,
            None if text.is_ascii() => return Parted::NoWord,
            None => return Parted::Python, // (a letter or mark beyond ASCII may match)
        }
    }
    let lead = &text[..text.len() - rest.len()];
    Parted::Plain((PyString::new(py, lead), PyString::new(py, core), PyString::new(py, &rest[core.len()..])))
}

/// The letters of `PLAIN.fullmatch` of a chunk whose opening marks are stripped off (*rest*):
/// a run of ASCII letters, then `(?:['’]s)?` and closing marks to the end (neither is a letter
/// or a mark, so the pattern's letters end where the run does); None when *rest* is not so
/// (then an ASCII chunk does not match, and the pattern tells of any other).
fn plain_letters<'a>(c: &Constants, rest: &'a str) -> Option<&'a str> {
    let letters = &rest[..rest.bytes().take_while(u8::is_ascii_alphabetic).count()];
    let after = &rest[letters.len()..];
    let closing = |s: &str| s.chars().all(|m| c.closing.contains(m));
    let possessive = |s: &str| s.strip_prefix("'s").or_else(|| s.strip_prefix("’s")).is_some_and(closing);
    (!letters.is_empty() && (closing(after) || possessive(after))).then_some(letters)
}

/// `Model.chunk(core)`: the answer of the core's memo entry when no document word swayed it,
/// else when the words that swayed it keep their counts (recorded in *hits*, the model's
/// `_hits`, as `Model.memo` records them), worked out and remembered when there is none or it no
/// longer holds.
fn core_answer<'py>(m: &Compiled<'_, 'py>, model: &Bound<'py, PyAny>, table: &Bound<'py, PyDict>,
                    core: &Bound<'py, PyString>, hits: &Hits<'py>) -> PyResult<Bound<'py, PyAny>> {
    let remember = || remember_entry(m, model, &Outer::of_hits(hits), table, core)?.get_item(0);
    let Some(entry) = table.get_item(core)? else {
        return remember();
    };
    let entry = entry.downcast_into::<PyTuple>()?;
    let deps = entry.get_item(1)?;
    if !deps.is_truthy()? {
        return entry.get_item(0);
    }
    let deps = deps.downcast_into::<PyDict>()?;
    if m.valid(&deps)? {
        hits.dict().update(deps.as_mapping())?;
        return entry.get_item(0);
    }
    remember()
}

/// `Model.lex_frequent(core)` of an ASCII core (*text*): longer than two letters, and its
/// lowercase form of Zipf `Params.solid_zipf` or more in the lexicon's word table (4.5 for
/// three letters).
fn lex_frequent<'py>(m: &Compiled<'_, 'py>, model: &Bound<'py, PyAny>, core: &Bound<'py, PyString>, text: &str) -> PyResult<bool> {
    let py = model.py();
    if text.len() <= 2 {
        return Ok(false);
    }
    let zipf = if text.bytes().any(|b| b.is_ascii_uppercase()) {
        m.zipf_text(model, &text.to_ascii_lowercase())?
    } else {
        m.zipf(model, core)?
    };
    let floor = if text.len() > 3 {
        m.solid_zipf(model)?
    } else {
        4.5f64.into_pyobject(py)?.into_any()
    };
    match (zipf.extract::<i64>(), floor.extract::<f64>()) {
        // (an int below 2**53 divides as a float, correctly rounded as Python's int division is)
        (Ok(z), Ok(f)) if z.unsigned_abs() <= 1 << 53 => Ok(z as f64 / 100.0 >= f),
        _ => zipf.div(100)?.ge(floor),
    }
}

/// `Model.valid(deps)`: whether the document words *deps* (an entry's, each with its count, ""
/// for the document's word total) have the counts they had. The model's vocabulary is read in
/// place when its `get` is `dict.get` (a `Counter`'s is), else the method answers.
pub fn valid(model: &Bound<'_, PyAny>, deps: &Bound<'_, PyDict>) -> PyResult<bool> {
    valid_in(model, Vocabulary::of(model)?.as_ref(), deps)
}

/// [`valid`] with the model's vocabulary already read (None: the method answers).
fn valid_in(model: &Bound<'_, PyAny>, vocabulary: Option<&Vocabulary<'_>>, deps: &Bound<'_, PyDict>) -> PyResult<bool> {
    match vocabulary {
        Some(vocabulary) => vocabulary.keeps(deps),
        None => model.call_method1(intern!(model.py(), "valid"), (deps,))?.is_truthy(),
    }
}

/// What [`valid`] reads of a model: its vocabulary, a dict whose `get` is `dict.get`, and its
/// word total (`Model.total`).
pub struct Vocabulary<'py> {
    vocab: Bound<'py, PyDict>,
    total: Bound<'py, PyAny>,
}

impl<'py> Vocabulary<'py> {
    /// The vocabulary of *model*, None when it is no dict read by `dict.get` (then
    /// `Model.valid` answers).
    pub fn of(model: &Bound<'py, PyAny>) -> PyResult<Option<Self>> {
        let py = model.py();
        let vocab = model.getattr(intern!(py, "vocab"))?;
        let Ok(vocab) = vocab.downcast_into::<PyDict>() else {
            return Ok(None);
        };
        let dict_get = py.get_type::<PyDict>().getattr(intern!(py, "get"))?;
        if !vocab.get_type().getattr(intern!(py, "get"))?.is(&dict_get) {
            return Ok(None);
        }
        Ok(Some(Vocabulary { vocab, total: model.getattr(intern!(py, "total"))? }))
    }

    /// Whether the document words *deps* have the counts they had.
    fn keeps(&self, deps: &Bound<'py, PyDict>) -> PyResult<bool> {
        let py = deps.py();
        for (word, count) in deps.iter() {
            let now = if !word.is_truthy()? {
                self.total.clone()
            } else {
                match self.vocab.get_item(&word)? {
                    Some(now) => now,
                    None => 0i64.into_pyobject(py)?.into_any(),
                }
            };
            let same = match (now.extract::<i64>(), count.extract::<i64>()) {
                (Ok(a), Ok(b)) => a == b,
                _ => !now.ne(&count)?,
            };
            if !same {
                return Ok(false);
            }
        }
        Ok(true)
    }
}
