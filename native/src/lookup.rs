//! A `str -> value` look-up as the spacing model holds it (`Model._zipf_get`, `Model._pmi_get`,
//! `Model._sides_get`, `vocabulary.get`): the bound `get` of a dict, or of a `lexicon.Table`
//! read in place.

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

/// A dict's own `get` is asked of the dict directly (in C); anything else (a `lexicon.Table`,
/// which counts its reads) is called, as the Python calls it.
pub enum Getter {
    Dict(Py<PyDict>),
    Call(PyObject),
}

impl Getter {
    /// The look-up of the bound method *get*: the dict's when its owner is a dict whose type keeps
    /// `dict.get` (a `Counter` does).
    pub fn of(get: &Bound<'_, PyAny>) -> PyResult<Self> {
        let py = get.py();
        if let Ok(owner) = get.getattr(intern!(py, "__self__")) {
            if let Ok(dict) = owner.downcast::<PyDict>() {
                let dict_get = py.get_type::<PyDict>().getattr(intern!(py, "get"))?;
                if owner.get_type().getattr(intern!(py, "get"))?.is(&dict_get) {
                    return Ok(Getter::Dict(dict.clone().unbind()));
                }
            }
        }
        Ok(Getter::Call(get.clone().unbind()))
    }

    /// `get(key, default)`.
    pub fn get_or<'py>(&self, key: &Bound<'py, PyString>, default: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let py = key.py();
        match self {
            Getter::Dict(dict) => Ok(dict.bind(py).get_item(key)?.unwrap_or_else(|| default.clone())),
            Getter::Call(get) => get.bind(py).call1((key, default)),
        }
    }

    /// `get(key, 0)`.
    pub fn get_or_zero<'py>(&self, key: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyAny>> {
        let py = key.py();
        match self {
            Getter::Dict(dict) => Ok(match dict.bind(py).get_item(key)? {
                Some(value) => value,
                None => 0i64.into_pyobject(py)?.into_any(),
            }),
            Getter::Call(get) => get.bind(py).call1((key, 0)),
        }
    }

    /// `get(key)`: None when the table lacks *key*.
    pub fn get<'py>(&self, key: &Bound<'py, PyString>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let py = key.py();
        let value = match self {
            Getter::Dict(dict) => dict.bind(py).get_item(key)?,
            Getter::Call(get) => Some(get.bind(py).call1((key,))?),
        };
        Ok(value.filter(|v| !v.is_none()))
    }
}
