//! `Model.memo`'s work for an entry its table lacks (or holds no longer), as the compiled code
//! does it: one place for what the chunk, window, feature and pair memos all write alike.

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
    remember_entry(model, table, key, compute)?.get_item(0)
}

/// [`remember`], handing back the entry it wrote, `(value, hits)` or `(value, ())`: what
/// *table* now holds under *key* (a caller that wants it reads no table again).
pub fn remember_entry<'py, K: IntoPyObject<'py>>(
    model: &Bound<'py, PyAny>, table: &Bound<'py, PyDict>, key: K,
    compute: impl FnOnce(&Bound<'py, PyDict>) -> PyResult<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyTuple>> {
    let py = model.py();
    let outer = model.getattr(intern!(py, "_hits"))?;
    let hits = PyDict::new(py);
    model.setattr(intern!(py, "_hits"), &hits)?;
    let value = compute(&hits);
    model.setattr(intern!(py, "_hits"), &outer)?;
    let value = value?;
    let entry = if hits.is_empty() {
        memo_entry(&value, PyTuple::empty(py).as_any())?
    } else {
        if !outer.is(&model.getattr(intern!(py, "_root_hits"))?) {
            outer.downcast::<PyDict>()?.update(hits.as_mapping())?;
        }
        memo_entry(&value, hits.as_any())?
    };
    table.set_item(key, &entry)?;
    Ok(entry)
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
