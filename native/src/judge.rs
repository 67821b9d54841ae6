//! The per-line judgement of the spacing model: the compiled twins of `judge_line` and
//! `_joinable_pairs` (with `_joins`) of textlint/checks/spacing/model.py.
//!
//! They move the same Python objects as their twins (the model's memo tables, its chunk
//! answers) and write the same entries in the same order; only the interpreter's loop goes.
//! What the twins compute by calling other Python (`Model.pair_joinable`,
//! `Model.may_be_fragments`, the lexicon's Zipf table) is called here too, but for `Model.memo`
//! of `Model._chunk`, compiled in chunks.rs (a chunk first met, an entry that still holds).

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::exceptions::{PyIndexError, PyKeyError};
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

use crate::chunks;

/// Adds the class of this file to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Judge>()
}

/// The objects of model.py that the twins hand back or pass on, by identity: the
/// `JudgedLine` class, the function `Model._chunk` (what `Model.memo` computes on a miss of
/// the chunk table) and `_APART` (the pair memo entry of a pair that joins in no document).
#[pyclass(frozen, module = "textlint_native")]
pub struct Judge {
    judged_line: PyObject,
    chunk: PyObject,
    apart: PyObject,
}

#[pymethods]
impl Judge {
    #[new]
    fn new(judged_line: PyObject, chunk: PyObject, apart: PyObject) -> Self {
        Judge { judged_line, chunk, apart }
    }

    /// `judge_line(model, line)`: the chunks of *line* judged (from the quiet table first),
    /// a `JudgedLine`, or None when every chunk is quiet.
    fn judge_line<'py>(&self, model: &Bound<'py, PyAny>, line: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let py = model.py();
        let chunks = line.call_method0(intern!(py, "split"))?.downcast_into::<PyList>()?;
        let quiet = attr_dict(model, intern!(py, "_quiet"))?;
        // each chunk's quiet answer, None where it is loud
        let mut infos = Vec::with_capacity(chunks.len());
        for chunk in chunks.iter() {
            infos.push(quiet.get_item(chunk)?);
        }
        if infos.iter().all(Option::is_some) {
            return Ok(py.None().into_bound(py));
        }
        let table = attr_dict(model, intern!(py, "_chunks"))?;
        let judged = attr_dict(model, intern!(py, "_judged"))?;
        let hits = attr_dict(model, intern!(py, "_hits"))?;
        let (mut loud, mut suspicious) = (Vec::new(), Vec::new());
        for (k, slot) in infos.iter_mut().enumerate() {
            if slot.is_some() {
                continue;
            }
            let chunk = chunks.get_item(k)?;
            let entry = self.chunk_entry(model, &chunk, &table, &judged, &hits)?;
            let info = entry.get_item(0)?;
            let swayed = entry.get_item(1)?.is_truthy()?;
            if is_quiet(&info)? {
                if !swayed {
                    quiet.set_item(&chunk, &info)?; // quiet in every document
                }
            } else {
                loud.push(k);
                if flag(&info, 3)? {
                    suspicious.push(k);
                }
            }
            *slot = Some(info);
        }
        let infos = PyList::new(py, infos.into_iter().flatten().collect::<Vec<_>>())?; // (every one filled)
        self.judged_line.bind(py).call1((chunks, infos, loud, suspicious))
    }

    /// `_joinable_pairs(model, infos, loud)`: the chunks *k* of a line (in order) that join
    /// with chunk *k + 1*, of the pairs with a loud chunk in them, each pair looked at once.
    fn joinable_pairs(&self, model: &Bound<'_, PyAny>, infos: &Bound<'_, PyList>, loud: &Bound<'_, PyAny>) -> PyResult<Vec<isize>> {
        let joinable = attr_dict(model, intern!(model.py(), "_joinable"))?;
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
                    && self.pair_joins(model, &joinable, &x, &info)? {
                    pairs.push(k - 1);
                }
            }
            before = k;
            if flag(&info, 5)? && k < last {
                let y = item(infos, k + 1)?;
                if !y.is_none() && flag(&y, 6)? && !(flag(&info, 4)? && flag(&y, 4)?)
                    && self.pair_joins(model, &joinable, &info, &y)? {
                    pairs.push(k);
                }
            }
        }
        Ok(pairs)
    }
}

impl Judge {
    /// The chunk table's entry of a loud *chunk*, as `judge_line` reads it: the shared entry
    /// when no document word swayed it, else the one this document judged (its words recorded
    /// in *hits*, as `Model.memo` records those of a valid entry), else the one `Model.memo`
    /// makes or reads back (kept in *judged* when document words swayed it).
    fn chunk_entry<'py>(&self, model: &Bound<'py, PyAny>, chunk: &Bound<'py, PyAny>, table: &Bound<'py, PyDict>,
                        judged: &Bound<'py, PyDict>, hits: &Bound<'py, PyDict>) -> PyResult<Bound<'py, PyTuple>> {
        let py = model.py();
        let shared = match table.get_item(chunk)? {
            Some(entry) => Some(entry.downcast_into::<PyTuple>()?),
            None => None,
        };
        if let Some(entry) = &shared {
            if !entry.get_item(1)?.is_truthy()? {
                return Ok(entry.clone());
            }
        }
        if let Some(entry) = judged.get_item(chunk)? {
            let entry = entry.downcast_into::<PyTuple>()?;
            hits.update(entry.get_item(1)?.downcast::<PyDict>()?.as_mapping())?;
            return Ok(entry);
        }
        // Model.memo(table, chunk, Model._chunk, model, chunk), compiled but for an entry that
        // document words swayed and that no longer holds (worked out again by the method)
        match shared {
            None => {
                chunks::memo_fresh(model, table, chunk.downcast()?)?;
            }
            Some(entry) if chunks::valid(model, entry.get_item(1)?.downcast()?)? => {
                hits.update(entry.get_item(1)?.downcast::<PyDict>()?.as_mapping())?;
            }
            Some(_) => {
                model.call_method1(intern!(py, "memo"), (table, chunk, self.chunk.bind(py), model, chunk))?;
            }
        }
        let entry = match table.get_item(chunk)? {
            Some(entry) => entry.downcast_into::<PyTuple>()?,
            None => return Err(PyKeyError::new_err(chunk.clone().unbind())),
        };
        if entry.get_item(1)?.is_truthy()? {
            judged.set_item(chunk, &entry)?;
        }
        Ok(entry)
    }
}

impl Judge {
    /// Whether the chunks of answers *x* and *y* join, as `_joinable_pairs` tells it: the
    /// pair's memo entry when no document word swayed it (`_APART` by identity), else `_joins`.
    fn pair_joins(&self, model: &Bound<'_, PyAny>, joinable: &Bound<'_, PyDict>, x: &Bound<'_, PyAny>,
                  y: &Bound<'_, PyAny>) -> PyResult<bool> {
        let (first, second) = (field(x, 1)?, field(y, 1)?);
        let key = PyTuple::new(model.py(), [&first, &second])?;
        let entry = joinable.get_item(&key)?;
        match entry {
            Some(e) if e.is(self.apart.bind(model.py())) => Ok(false),
            Some(e) if !flag(&e, 1)? => flag(&e, 0),
            _ => self.joins(model, joinable, entry.is_none(), x, y, &key),
        }
    }

    /// `_joins(model, entry, x, y)`, *fresh* when the pair has no memo entry yet (else one that
    /// document words swayed): `Model.pair_joinable` of the two cores, but for a pair that makes
    /// no lexicon word and cannot be fragments of one (a firm word is never one): that is
    /// remembered as `_APART` under *key* (the two cores).
    fn joins(&self, model: &Bound<'_, PyAny>, joinable: &Bound<'_, PyDict>, fresh: bool, x: &Bound<'_, PyAny>,
             y: &Bound<'_, PyAny>, key: &Bound<'_, PyTuple>) -> PyResult<bool> {
        let py = model.py();
        let (first, second) = (key.get_item(0)?, key.get_item(1)?);
        if fresh
            && model.getattr(intern!(py, "_zipf_get"))?.call1((lower_joined(&first, &second)?, 0))?.le(0)?
            && (flag(x, 4)? || flag(y, 4)?
                || !model.call_method1(intern!(py, "may_be_fragments"), (&first, &second))?.is_truthy()?)
        {
            joinable.set_item(key, self.apart.bind(py))?;
            return Ok(false);
        }
        model.call_method1(intern!(py, "pair_joinable"), (first, second))?.is_truthy()
    }
}

/// The text of *s* when it is ASCII, where Rust's tests of letters and case are Python's.
fn ascii<'a>(s: &'a Bound<'_, PyString>) -> Option<&'a str> {
    s.to_str().ok().filter(|text| text.is_ascii())
}

/// `(first + second).lower()`: in Rust for ASCII (where it is `str.lower`), else by Python.
fn lower_joined<'py>(first: &Bound<'py, PyAny>, second: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    if let (Some(a), Some(b)) = (ascii(first.downcast()?), ascii(second.downcast()?)) {
        let mut joined = String::with_capacity(a.len() + b.len());
        joined.push_str(a);
        joined.push_str(b);
        joined.make_ascii_lowercase();
        return Ok(PyString::new(first.py(), &joined).into_any());
    }
    first.add(second)?.call_method0(intern!(first.py(), "lower"))
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
    field(tuple, i)?.is_truthy()
}
