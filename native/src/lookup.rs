//! A `str -> value` look-up as the spacing model holds it (`Model._zipf_get`, `Model._pmi_get`,
//! `Model._sides_get`, `vocabulary.get`): the bound `get` of a dict, of a compiled table
//! (`LexiconTable`), or of a `lexicon.Table` read in place.

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use crate::table::LexiconTable;

/// A dict's own `get` is asked of the dict directly (in C), a compiled table's in Rust (no
/// Python call); anything else (a `lexicon.Table`, which counts its reads) is called, as the
/// Python calls it.
pub enum Getter {
    Dict(Py<PyDict>),
    Table(Py<LexiconTable>),
    Call(PyObject),
}

impl Getter {
    /// The look-up of the bound method *get*: the dict's when its owner is a dict whose type keeps
    /// `dict.get` (a `Counter` does), the compiled table's when it is a `LexiconTable`'s `get`.
    pub fn of(get: &Bound<'_, PyAny>) -> PyResult<Self> {
        let py = get.py();
        if let Ok(owner) = get.getattr(intern!(py, "__self__")) {
            if let Ok(table) = owner.downcast::<LexiconTable>() {
                if get.getattr(intern!(py, "__name__"))?.eq(intern!(py, "get"))? {
                    return Ok(Getter::Table(table.clone().unbind()));
                }
            }
            if let Ok(dict) = owner.downcast::<PyDict>() {
                let dict_get = py.get_type::<PyDict>().getattr(intern!(py, "get"))?;
                if owner.get_type().getattr(intern!(py, "get"))?.is(&dict_get) {
                    return Ok(Getter::Dict(dict.clone().unbind()));
                }
            }
        }
        Ok(Getter::Call(get.clone().unbind()))
    }

    /// The compiled table this look-up asks, if it is one (asked in Rust of a key's bytes).
    pub fn compiled(&self) -> Option<&LexiconTable> {
        match self {
            Getter::Table(table) => Some(table.get()),
            _ => None,
        }
    }

    /// `get(key, default)`.
    pub fn get_or<'py>(&self, key: &Bound<'py, PyString>, default: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let py = key.py();
        match self {
            Getter::Dict(dict) => Ok(dict.bind(py).get_item(key)?.unwrap_or_else(|| default.clone())),
            Getter::Table(table) => match table.get().answer_of(key)? {
                Some(value) => Ok(value.into_pyobject(py)?.into_any()),
                None => Ok(default.clone()),
            },
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
            Getter::Table(table) => Ok(table.get().answer_of(key)?.unwrap_or(0).into_pyobject(py)?.into_any()),
            Getter::Call(get) => get.bind(py).call1((key, 0)),
        }
    }

    /// `get(key)`: None when the table lacks *key*.
    pub fn get<'py>(&self, key: &Bound<'py, PyString>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let py = key.py();
        let value = match self {
            Getter::Dict(dict) => dict.bind(py).get_item(key)?,
            Getter::Table(table) => return Self::int(py, table.get().answer_of(key)?),
            Getter::Call(get) => Some(get.bind(py).call1((key,))?),
        };
        Ok(value.filter(|v| !v.is_none()))
    }

    /// `get(key)` of a key the caller holds as Rust text: a compiled table is asked without
    /// making a Python str of it.
    pub fn get_text<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        match self {
            Getter::Table(table) => Self::int(py, table.get().answer(py, key.as_bytes())),
            _ => self.get(&PyString::new(py, key)),
        }
    }

    /// `get_or(key, default)` of a key the caller holds as Rust text (see [`Getter::get_text`]).
    pub fn get_text_or<'py>(&self, py: Python<'py>, key: &str, default: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Getter::Table(table) => match table.get().answer(py, key.as_bytes()) {
                Some(value) => Ok(value.into_pyobject(py)?.into_any()),
                None => Ok(default.clone()),
            },
            _ => self.get_or(&PyString::new(py, key), default),
        }
    }

    /// `get(key, 0)` of a key the caller holds as Rust text (see [`Getter::get_text`]).
    pub fn get_text_or_zero<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Getter::Table(table) => Ok(table.get().answer(py, key.as_bytes()).unwrap_or(0).into_pyobject(py)?.into_any()),
            _ => self.get_or_zero(&PyString::new(py, key)),
        }
    }

    /// `get(key)` of a key the caller holds as Rust text, as a number (None when the table lacks
    /// *key*): a compiled table's answer makes no Python object.
    pub fn get_text_int(&self, py: Python<'_>, key: &str) -> PyResult<Option<i64>> {
        match self {
            Getter::Table(table) => Ok(table.get().answer(py, key.as_bytes()).map(i64::from)),
            _ => self.get_text(py, key)?.map(|v| v.extract()).transpose(),
        }
    }

    /// `get(key, 0) <= 0` of a key the caller holds as Rust text: a compiled table's answer
    /// makes no Python object.
    pub fn text_at_most_zero(&self, py: Python<'_>, key: &str) -> PyResult<bool> {
        match self {
            Getter::Table(table) => Ok(table.get().answer(py, key.as_bytes()).unwrap_or(0) <= 0),
            _ => self.get_text_or_zero(py, key)?.le(0),
        }
    }

    /// [`Self::text_at_most_zero`] of a key held as UTF-8 bytes (a compiled table reads them as
    /// they are, checked for nothing).
    pub fn bytes_at_most_zero(&self, py: Python<'_>, key: &[u8]) -> PyResult<bool> {
        match self {
            Getter::Table(table) => Ok(table.get().answer(py, key).unwrap_or(0) <= 0),
            _ => self.text_at_most_zero(py, std::str::from_utf8(key)?),
        }
    }

    /// A compiled table's answer as a Python int.
    fn int(py: Python<'_>, value: Option<i16>) -> PyResult<Option<Bound<'_, PyAny>>> {
        value.map(|v| Ok(v.into_pyobject(py)?.into_any())).transpose()
    }
}
