//! The per-line judgement of the spacing model: the compiled twins of `judge_line` and
//! `_joinable_pairs` (with `_joins`) of textlint/checks/spacing/model.py.
//!
//! They move the same Python objects as their twins (the model's memo tables, its chunk
//! answers) and write the same entries in the same order; only the interpreter's loop goes.
//! What the twins compute by calling other Python (`Model.pair_joinable`,
//! `Model.may_be_fragments`) is called here too, but for `Model.memo` of `Model._chunk`,
//! compiled in chunks.rs, `Model.memo` of `Model.joinable` for a pair the memo lacks and
//! `Model.may_be_fragments`, both compiled in joinable.rs (two ASCII cores), and the lexicon's
//! Zipf table, read through the model's compiled suspicion bound (chunks.rs's `Compiled`).

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::exceptions::PyIndexError;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

use crate::chunks::{self, Compiled};
use crate::memo::Outer;
use crate::moved;
use crate::linechunks::Split;
use crate::quiet::{Answer, QuietChunks};
use crate::joinable;
use crate::search::Search;

/// Adds the class of this file to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Judge>()
}

/// The objects of model.py that the twins hand back or pass on, by identity: the
/// `JudgedLine` class, `_APART` (the pair memo entry of a pair that joins in no document) and
/// the function `Model.suspicious` (a model whose class has it is judged without calling it).
#[pyclass(frozen, module = "textlint_native")]
pub struct Judge {
    judged_line: PyObject,
    apart: PyObject,
    suspicious: PyObject,
    /// `tuple.__new__`, which makes a `JudgedLine` as its own `__new__` does, without a frame
    tuple_new: PyObject,
}

#[pymethods]
impl Judge {
    #[new]
    fn new(py: Python<'_>, judged_line: PyObject, apart: PyObject, suspicious: PyObject) -> PyResult<Self> {
        let tuple_new = py.get_type::<PyTuple>().getattr(intern!(py, "__new__"))?.unbind();
        Ok(Judge { judged_line, apart, suspicious, tuple_new })
    }

    /// `judge_line(model, line)`: the chunks of *line* judged (from the quiet table first, the
    /// model's `QuietChunks`, asked of each chunk's UTF-8: a quiet chunk becomes no Python str,
    /// nor a loud one whose chunk memo entry no document word swayed, which the table keeps too),
    /// a `JudgedLine` (its chunks a `LineChunks`, each made a str when asked; whether a space
    /// may move at one of its cores that may be no word, moved.rs), or None when every chunk is
    /// quiet.
    fn judge_line<'py>(&self, model: &Bound<'py, PyAny>, line: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyAny>> {
        let py = model.py();
        let quiet = model.getattr(intern!(py, "_quiet"))?.downcast_into::<QuietChunks>()?;
        let chunks = Split::of(line)?;
        // each chunk's quiet answer; the others, *pending*, filled below (those settled already,
        // found in the same look-up, marked so)
        let (mut infos, mut pending) = (Vec::with_capacity(chunks.len()), Vec::with_capacity(chunks.len()));
        {
            let table = quiet.borrow();
            for (k, key) in chunks.keys(py)?.enumerate() {
                infos.push(match table.find(key) {
                    Some(Answer::Quiet(_, info)) => info.bind(py).clone(),
                    Some(Answer::Settled(info)) => {
                        pending.push((k, true));
                        info.bind(py).clone()
                    }
                    None => {
                        pending.push((k, false));
                        py.None().into_bound(py)
                    }
                });
            }
        }
        if pending.is_empty() {
            return Ok(py.None().into_bound(py));
        }
        let (table, judged) = (attr_dict(model, intern!(py, "_chunks"))?, attr_dict(model, intern!(py, "_judged"))?);
        let outer = Outer::of(model)?;
        let tables = (&table, &judged, &outer);
        let compiled = Compiled::of(model, Some(self.suspicious.bind(py)))?;
        let (mut loud, mut suspicious, mut no_words) = (Vec::with_capacity(pending.len()), Vec::new(), Vec::new());
        for (k, settled) in pending {
            // (a settled chunk: a loud one whose entry no document word swayed, read without a str)
            let info = if settled { infos[k].clone() } else { answer_of(&compiled, model, &quiet, &chunks, k, tables)? };
            if !is_quiet(&info)? {
                loud.push(k);
                if flag(&info, 3)? {
                    suspicious.push(k);
                }
                if flag(&info, 7)? {
                    no_words.push(field(&info, 1)?);
                }
            }
            infos[k] = info;
        }
        let may_move = !no_words.is_empty() && moved::may_move_in(model, line, chunks.text(py)?, &no_words)?;
        let infos = PyList::new(py, infos)?;
        let chunks = chunks.into_sequence(py)?;
        self.tuple_new.bind(py).call1((self.judged_line.bind(py), (chunks, infos, loud, suspicious, no_words, may_move)))
    }

    /// `_joinable_pairs(model, infos, loud)`: the chunks *k* of a line (in order) that join
    /// with chunk *k + 1*, of the pairs with a loud chunk in them, each pair looked at once.
    pub(crate) fn joinable_pairs(&self, model: &Bound<'_, PyAny>, infos: &Bound<'_, PyList>, loud: &Bound<'_, PyAny>) -> PyResult<Vec<isize>> {
        let joinable = attr_dict(model, intern!(model.py(), "_joinable"))?;
        let compiled = Compiled::of(model, None)?;
        let last = infos.len() as isize - 1;
        let mut pairs = Vec::new();
        // the loud chunk before k: when it is k - 1, the pair (k - 1, k) was looked at from
        // there (or it cannot start one); -1: chunk 0 has no pair before it
        let mut before = -1;
        for k in loud.try_iter()? {
            let k: isize = k?.extract()?;
            let info = item(infos, k)?;
            if flag(&info, 6)? && k - 1 != before {
                let x = item(infos, k - 1)?;
                if !x.is_none() && flag(&x, 5)? && !(flag(&x, 4)? && flag(&info, 4)?)
                    && self.pair_joins(&compiled, model, &joinable, &x, &info)? {
                    pairs.push(k - 1);
                }
            }
            before = k;
            if flag(&info, 5)? && k < last {
                let y = item(infos, k + 1)?;
                if !y.is_none() && flag(&y, 6)? && !(flag(&info, 4)? && flag(&y, 4)?)
                    && self.pair_joins(&compiled, model, &joinable, &info, &y)? {
                    pairs.push(k);
                }
            }
        }
        Ok(pairs)
    }
}

/// The chunk memo (`Model._chunks`), the entries this document judged (`Model._judged`) and
/// the value being worked out around the line (the model's `_hits`).
type ChunkTables<'a, 'py> = (&'a Bound<'py, PyDict>, &'a Bound<'py, PyDict>, &'a Outer<'py>);

/// The answer of chunk *k* of a line, a loud one that was not settled when the line was
/// looked up: settled since, else its chunk memo entry's (kept in the quiet table when no
/// document word swayed it).
fn answer_of<'py>(compiled: &Compiled<'_, 'py>, model: &Bound<'py, PyAny>, quiet: &Bound<'py, QuietChunks>,
                  chunks: &Split<'py>, k: usize, (table, judged, outer): ChunkTables<'_, 'py>) -> PyResult<Bound<'py, PyAny>> {
    let py = model.py();
    let key = chunks.key(py, k)?;
    if let Some(info) = quiet.borrow().settled(key) {
        return Ok(info.bind(py).clone());
    }
    let chunk = chunks.chunk(py, k)?;
    let entry = chunk_entry(compiled, model, chunk.as_any(), table, judged, outer)?;
    let info = entry.get_item(0)?;
    if !entry.get_item(1)?.is_truthy()? {
        // (answered so in every document)
        quiet.borrow_mut().insert(key, info.clone().unbind(), is_quiet(&info)?);
    }
    Ok(info)
}

/// The chunk table's entry of a loud *chunk*, as `judge_line` reads it: the shared entry when
/// no document word swayed it, else the one this document judged (its words recorded in the
/// words of *outer*, the model's `_hits`, as `Model.memo` records those of a valid entry), else
/// the one `Model.memo` makes or reads back (kept in *judged* when document words swayed it).
fn chunk_entry<'py>(compiled: &Compiled<'_, 'py>, model: &Bound<'py, PyAny>, chunk: &Bound<'py, PyAny>,
                    table: &Bound<'py, PyDict>, judged: &Bound<'py, PyDict>,
                    outer: &Outer<'py>) -> PyResult<Bound<'py, PyTuple>> {
    let hits = outer.hits()?;
    let shared = match table.get_item(chunk)? {
        Some(entry) => Some(entry.downcast_into::<PyTuple>()?),
        None => None,
    };
    if let Some(entry) = &shared {
        if !entry.get_item(1)?.is_truthy()? {
            return Ok(entry.clone());
        }
    }
    // (*judged* holds only chunks the table holds, which keeps every key it is given: a chunk
    // the table lacks is not looked for there)
    let known = if shared.is_some() { judged.get_item(chunk)? } else { None };
    if let Some(entry) = known {
        let entry = entry.downcast_into::<PyTuple>()?;
        hits.update(entry.get_item(1)?.downcast::<PyDict>()?.as_mapping())?;
        return Ok(entry);
    }
    // Model.memo(table, chunk, Model._chunk, model, chunk), compiled; then the entry the table
    // holds (the twin's `table[chunk]`): the shared one that still holds, else the one written
    let entry = match shared {
        Some(entry) if compiled.valid(entry.get_item(1)?.downcast()?)? => {
            hits.update(entry.get_item(1)?.downcast::<PyDict>()?.as_mapping())?;
            entry
        }
        _ => chunks::remember_entry(compiled, model, outer, table, chunk.downcast()?)?,
    };
    if entry.get_item(1)?.is_truthy()? {
        judged.set_item(chunk, &entry)?;
    }
    Ok(entry)
}

impl Judge {
    /// Whether the chunks of answers *x* and *y* join, as `_joinable_pairs` tells it: never when
    /// one is firm and the two make no lexicon word (asked before the memo); else the pair's
    /// memo entry when no document word swayed it (`_APART` by identity), else `_joins`.
    fn pair_joins<'py>(&self, compiled: &Compiled<'_, 'py>, model: &Bound<'py, PyAny>, joinable: &Bound<'py, PyDict>,
                       x: &Bound<'py, PyAny>, y: &Bound<'py, PyAny>) -> PyResult<bool> {
        let (first, second) = (field(x, 1)?, field(y, 1)?);
        let firm = flag(x, 4)? || flag(y, 4)?;
        if firm && joined_unknown(compiled, model, &first, &second)? {
            return Ok(false);
        }
        let key = PyTuple::new(model.py(), [&first, &second])?;
        let entry = joinable.get_item(&key)?;
        match entry {
            Some(e) if e.is(self.apart.bind(model.py())) => Ok(false),
            Some(e) if !flag(&e, 1)? => flag(&e, 0),
            _ => self.joins(compiled, model, joinable, entry.is_none(), firm, &key),
        }
    }

    /// `_joins(model, entry, x, y)`, *fresh* when the pair has no memo entry yet (else one that
    /// document words swayed), *firm* when one chunk is (then the two make a lexicon word):
    /// `Model.pair_joinable` of the two cores (worked out in joinable.rs when fresh, both ASCII
    /// and the model's search compiled), but for a pair that makes no lexicon word and cannot be fragments of one
    /// (`Model.may_be_fragments`, worked out in joinable.rs where the pair's answer would be): that
    /// is remembered as `_APART` under *key* (the two cores).
    fn joins<'py>(&self, compiled: &Compiled<'_, 'py>, model: &Bound<'py, PyAny>, joinable: &Bound<'py, PyDict>,
                  fresh: bool, firm: bool, key: &Bound<'py, PyTuple>) -> PyResult<bool> {
        let py = model.py();
        let (first, second) = (key.get_item(0)?.downcast_into::<PyString>()?, key.get_item(1)?.downcast_into::<PyString>()?);
        if !fresh {
            return model.call_method1(intern!(py, "pair_joinable"), (first, second))?.is_truthy();
        }
        // the model's compiled search for the pair, looked up once when first needed (many pairs
        // are apart by the word table alone)
        let mut search = None;
        let mut search_of = || -> PyResult<Option<SearchOf<'py, '_>>> {
            if search.is_none() {
                search = Some(compiled_search(model, &first, &second)?);
            }
            Ok(search.clone().flatten())
        };
        if !firm && joined_unknown(compiled, model, first.as_any(), second.as_any())?
            && !may_be_fragments(model, search_of()?.as_ref(), &first, &second)?
        {
            joinable.set_item(key, self.apart.bind(py))?;
            return Ok(false);
        }
        // Model.memo(joinable, key, Model.joinable, model, first, second), compiled for ASCII
        match search_of()? {
            Some((search, texts)) => joinable::remember(search.get(), model, joinable, key, texts),
            None => model.call_method1(intern!(py, "pair_joinable"), (first, second))?.is_truthy(),
        }
    }
}

/// `model.may_be_fragments(first, second)`: worked out in joinable.rs where the model's compiled
/// *search* serves the pair (`compiled_search`), else the method's.
fn may_be_fragments<'py>(model: &Bound<'py, PyAny>, search: Option<&SearchOf<'py, '_>>,
                         first: &Bound<'py, PyString>, second: &Bound<'py, PyString>) -> PyResult<bool> {
    match search {
        Some((search, texts)) => joinable::may_be_fragments(search.get(), model, first, second, *texts),
        None => model.call_method1(intern!(model.py(), "may_be_fragments"), (first, second))?.is_truthy(),
    }
}

/// A model's compiled search with the texts of two ASCII cores.
type SearchOf<'py, 'a> = (Bound<'py, Search>, (&'a str, &'a str));

/// The model's compiled search (`Model._searcher`, a `Search`) with the texts of two cores, when
/// it is one and both cores are ASCII and not empty: where joinable.rs answers for the pair.
fn compiled_search<'py, 'a>(model: &Bound<'py, PyAny>, first: &'a Bound<'py, PyString>,
                            second: &'a Bound<'py, PyString>) -> PyResult<Option<SearchOf<'py, 'a>>> {
    let (Some(a), Some(b)) = (ascii(first), ascii(second)) else {
        return Ok(None);
    };
    if a.is_empty() || b.is_empty() {
        return Ok(None);
    }
    let search = model.getattr(intern!(model.py(), "_searcher"))?;
    Ok(search.downcast_into::<Search>().ok().map(|search| (search, (a, b))))
}

/// `model._zipf_get((first + second).lower(), 0) <= 0`: the two joined and lowercased in Rust
/// when both are ASCII (where that is `str.lower`), else by Python.
fn joined_unknown<'py>(compiled: &Compiled<'_, 'py>, model: &Bound<'py, PyAny>, first: &Bound<'py, PyAny>,
                       second: &Bound<'py, PyAny>) -> PyResult<bool> {
    if let (Some(a), Some(b)) = (ascii(first.downcast()?), ascii(second.downcast()?)) {
        // (joined on the stack: asked of most pairs a line has, where an allocation would cost
        // as much as the answer)
        let mut buffer = [0u8; 64];
        let n = a.len() + b.len();
        if n <= buffer.len() {
            buffer[..a.len()].copy_from_slice(a.as_bytes());
            buffer[a.len()..n].copy_from_slice(b.as_bytes());
            buffer[..n].make_ascii_lowercase();
            return compiled.unknown_bytes(model, &buffer[..n]);
        }
        return compiled.unknown_text(model, &(a.to_owned() + b).to_ascii_lowercase());
    }
    let lower = first.add(second)?.call_method0(intern!(first.py(), "lower"))?;
    compiled.zipf(model, lower.downcast()?)?.le(0)
}

/// The text of *s* when it is ASCII, where Rust's tests of letters and case are Python's.
fn ascii<'a>(s: &'a Bound<'_, PyString>) -> Option<&'a str> {
    s.to_str().ok().filter(|text| text.is_ascii())
}

/// `infos[i]`, with Python's negative indexes.
fn item<'py>(infos: &Bound<'py, PyList>, i: isize) -> PyResult<Bound<'py, PyAny>> {
    let at = if i < 0 { i + infos.len() as isize } else { i };
    if at < 0 {
        return Err(PyIndexError::new_err("list index out of range"));
    }
    infos.get_item(at as usize)
}

/// The dict `model.<name>` (one of the model's memo tables).
fn attr_dict<'py>(model: &Bound<'py, PyAny>, name: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyDict>> {
    Ok(model.getattr(name)?.downcast_into::<PyDict>()?)
}

/// Whether a chunk answer (`Model.chunk`) is quiet: no word (None), or a firm word that is
/// not suspicious (`info is None or info[4] and not info[3]`).
fn is_quiet(info: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(info.is_none() || flag(info, 4)? && !flag(info, 3)?)
}

/// Item *i* of a tuple (a chunk answer, `Model.chunk`, or a memo entry).
fn field<'py>(tuple: &Bound<'py, PyAny>, i: usize) -> PyResult<Bound<'py, PyAny>> {
    tuple.downcast::<PyTuple>()?.get_item(i)
}

/// The truth of item *i* of a tuple.
fn flag(tuple: &Bound<'_, PyAny>, i: usize) -> PyResult<bool> {
    tuple.downcast::<PyTuple>()?.get_borrowed_item(i)?.is_truthy()
}

