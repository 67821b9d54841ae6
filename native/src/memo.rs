//! `Model.memo`'s work for an entry its table lacks (or holds no longer), as the compiled code
//! does it: one place for what the chunk, window, feature and pair memos all write alike.

use std::cell::OnceCell;

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyString, PyTuple};

/// `Model.memo(table, key, compute, ...)` where *table* has no entry of *key* that holds: the
/// value *compute* works out with a dict of its own as the model's `_hits` (the document words
/// that sway it, which it is handed too), remembered as `(value, hits)`, or `(value, ())` when
/// no word swayed it; the words go on to the value being computed around it, unless that is
/// the outermost.
pub fn remember<'py, K: IntoPyObject<'py>>(
    model: &Bound<'py, PyAny>, table: &Bound<'py, PyDict>, key: K,
    compute: impl FnOnce(&Bound<'py, PyDict>) -> PyResult<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let outer = Outer::of(model)?;
    let hits = Hits::entered(model, &outer)?;
    remember_entry_within(&outer, hits, table, key, |hits| compute(hits.dict()))?.get_item(0)
}

/// [`remember`] within the value being worked out *outer*, *compute* handed the [`Hits`] of the
/// new value (the model's `_hits` only once [`Hits::before_python`] makes it so), handing back the
/// entry it wrote, `(value, hits)` or `(value, ())`: what *table* now holds under *key* (a caller
/// that wants it reads no table again).
pub fn remember_entry_within<'py, K: IntoPyObject<'py>>(
    outer: &Outer<'py>, hits: Hits<'py>, table: &Bound<'py, PyDict>, key: K,
    compute: impl FnOnce(&Hits<'py>) -> PyResult<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyTuple>> {
    let py = table.py();
    let value = compute(&hits);
    hits.restore()?;
    let value = value?;
    let hits = hits.dict;
    let entry = if hits.is_empty() {
        memo_entry(&value, PyTuple::empty(py).as_any())?
    } else {
        if !outer.is_root()? {
            outer.hits.downcast::<PyDict>()?.update(hits.as_mapping())?;
        }
        memo_entry(&value, hits.as_any())?
    };
    table.set_item(key, &entry)?;
    Ok(entry)
}

/// The value being worked out around a memo entry's: the model's `_hits` when it started, and
/// whether that is the outermost (`_root_hits`, asked once, when first needed).
pub struct Outer<'py> {
    model: Bound<'py, PyAny>,
    hits: Bound<'py, PyAny>,
    root: OnceCell<bool>,
}

impl<'py> Outer<'py> {
    /// The value *model* is working out now (its `_hits`).
    pub fn of(model: &Bound<'py, PyAny>) -> PyResult<Self> {
        let hits = model.getattr(intern!(model.py(), "_hits"))?;
        Ok(Outer { model: model.clone(), hits, root: OnceCell::new() })
    }

    /// Outer's own [`Hits`] (a value worked out within a compiled one whose dict it is).
    pub fn of_hits(hits: &Hits<'py>) -> Self {
        Outer { model: hits.model.clone(), hits: hits.dict.clone().into_any(), root: OnceCell::from(false) }
    }

    /// Its words (`_hits`).
    pub fn hits(&self) -> PyResult<&Bound<'py, PyDict>> {
        Ok(self.hits.downcast::<PyDict>()?)
    }

    fn is_root(&self) -> PyResult<bool> {
        if let Some(&root) = self.root.get() {
            return Ok(root);
        }
        let root = self.hits.is(&self.model.getattr(intern!(self.model.py(), "_root_hits"))?);
        Ok(*self.root.get_or_init(|| root))
    }
}

/// The document words that sway a value being worked out (`Model.memo`'s new `_hits`): a dict
/// that compiled work writes directly, made the model's `_hits` only when Python that may read
/// it is about to run (the model's own restored afterwards). Most chunks are answered in Rust
/// alone: setting and restoring the attribute around each cost more than most answers.
pub struct Hits<'py> {
    model: Bound<'py, PyAny>,
    dict: Bound<'py, PyDict>,
    /// the model's `_hits` that this dict replaced, once it did
    replaced: OnceCell<Bound<'py, PyAny>>,
}

impl<'py> Hits<'py> {
    /// A new dict of words, not yet the model's.
    pub fn new(model: &Bound<'py, PyAny>) -> Self {
        Hits { model: model.clone(), dict: PyDict::new(model.py()), replaced: OnceCell::new() }
    }

    /// A new dict of words made the model's at once (the model's being *outer*'s): for work
    /// that may run any Python.
    fn entered(model: &Bound<'py, PyAny>, outer: &Outer<'py>) -> PyResult<Self> {
        let hits = Hits::new(model);
        model.setattr(intern!(model.py(), "_hits"), &hits.dict)?;
        let _ = hits.replaced.set(outer.hits.clone());
        Ok(hits)
    }

    /// The model's own `_hits` (whose work Python runs around: nothing to replace).
    pub fn model_own(model: &Bound<'py, PyAny>) -> PyResult<Self> {
        let dict = model.getattr(intern!(model.py(), "_hits"))?.downcast_into::<PyDict>()?;
        Ok(Hits { model: model.clone(), replaced: OnceCell::from(dict.clone().into_any()), dict })
    }

    /// The dict.
    pub fn dict(&self) -> &Bound<'py, PyDict> {
        &self.dict
    }

    /// Makes the dict the model's `_hits` (once): before a call of Python that may read it.
    pub fn before_python(&self) -> PyResult<()> {
        if self.replaced.get().is_none() {
            let py = self.model.py();
            let outer = self.model.getattr(intern!(py, "_hits"))?;
            self.model.setattr(intern!(py, "_hits"), &self.dict)?;
            let _ = self.replaced.set(outer);
        }
        Ok(())
    }

    /// The model's `_hits` as it was before [`Self::before_python`].
    fn restore(&self) -> PyResult<()> {
        match self.replaced.get() {
            Some(outer) => self.model.setattr(intern!(self.model.py(), "_hits"), outer),
            None => Ok(()),
        }
    }
}

/// `(value, deps)`, the entry `Model.memo` writes, as `memo_entry_py` (textlint/untracked.py)
/// makes it; but when no cycle can pass through it (see [`untracked_if_acyclic`]) the cyclic
/// collector is told not to walk it, nor the tuples inside it: otherwise a tuple that holds a
/// dict (the deps) stays tracked for good, and every collection walks the ~20,000 entries a
/// pass leaves (and the tables that hold them, which a full collection untracks once no entry
/// is tracked).
#[pyfunction]
pub fn memo_entry<'py>(value: &Bound<'py, PyAny>, deps: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyTuple>> {
    let entry = PyTuple::new(value.py(), [value, deps])?;
    untracked_if_acyclic(entry.as_any(), ACYCLIC_DEPTH);
    Ok(entry)
}

/// How deep [`untracked_if_acyclic`] looks into tuples inside tuples (an entry, its value, a
/// cut's words; a line's repairs: the entry, its records, a record, its deletes, a delete).
const ACYCLIC_DEPTH: u32 = 5;

/// Whether *item* can be part of no reference cycle, as far as the collector is concerned: a
/// str, int, float, bool or None (no container); a tuple the collector does not track (it
/// untracks one of such items, and so does this); a tracked tuple, up to *depth* levels deep,
/// of such items, which is untracked then (a tuple is tracked when made: the collector would
/// untrack it only when it first walks it); or a dict the collector does not track (CPython
/// tracks a dict again as soon as an object that may be a container goes in: the deps dicts,
/// str to int, are never tracked).
fn untracked_if_acyclic(item: &Bound<'_, PyAny>, depth: u32) -> bool {
    if scalar(item) {
        return true;
    }
    if let Ok(tuple) = item.downcast_exact::<PyTuple>() {
        if !gc_tracked(item) {
            return true;
        }
        let acyclic = depth > 0 && tuple.iter_borrowed().all(|i| untracked_if_acyclic(&i, depth - 1));
        if acyclic {
            untrack(tuple);
        }
        return acyclic;
    }
    item.is_exact_instance_of::<PyDict>() && !gc_tracked(item)
}

/// Whether *item* is a str, int, float, bool or None: no container.
pub fn scalar(item: &Bound<'_, PyAny>) -> bool {
    item.is_none() || item.is_exact_instance_of::<PyString>() || item.is_exact_instance_of::<PyInt>()
        || item.is_exact_instance_of::<PyFloat>() || item.is_exact_instance_of::<PyBool>()
}

/// *tuple*, made untracked by the cyclic collector: its maker knows that every item of it is
/// [`scalar`] or a tuple the collector does not track (a memo value: a chunk's answer, a
/// token's features, a window's cuts), so that [`memo_entry`] need not look inside it.
pub fn untracked<'py>(tuple: Bound<'py, PyTuple>) -> Bound<'py, PyTuple> {
    untrack(&tuple);
    tuple
}

fn untrack(tuple: &Bound<'_, PyTuple>) {
    // SAFETY: a live GC object's pointer, the GIL held; untracking an object that no cycle can
    // pass through only keeps the collector from walking it (its reference count frees it)
    unsafe { pyo3::ffi::PyObject_GC_UnTrack(tuple.as_ptr().cast()) };
}

/// Whether the cyclic collector tracks *item* (`gc.is_tracked`).
fn gc_tracked(item: &Bound<'_, PyAny>) -> bool {
    // SAFETY: a live object's pointer, the GIL held (the `Bound`)
    unsafe { pyo3::ffi::PyObject_GC_IsTracked(item.as_ptr()) != 0 }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(memo_entry, m)?)
}
