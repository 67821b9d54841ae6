//! `Model.memo`'s work for an entry its table lacks (or holds no longer), as the compiled code
//! does it: one place for what the chunk, window, feature and pair memos all write alike.

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

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
        PyTuple::new(py, [value, PyTuple::empty(py).into_any()])?
    } else {
        if !outer.is(&model.getattr(intern!(py, "_root_hits"))?) {
            outer.downcast::<PyDict>()?.update(hits.as_mapping())?;
        }
        PyTuple::new(py, [value, hits.into_any()])?
    };
    table.set_item(key, &entry)?;
    Ok(entry)
}
