//! The cores of a line's loud chunks that may be no word, compiled: the twin of
//! `_new_unknown_cores_py` (textlint/checks/spacing/moved.py), which `moved_spaces` asks of the
//! chunks its table of chunks lacks (thousands a pass, most of them met once).

use pyo3::prelude::*;
use pyo3::types::{PyBytesMethods, PyDict, PyList, PySet, PyString};

use crate::lookup::Getter;

/// Adds the functions of this file to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(new_unknown_cores, m)?)
}

/// `_new_unknown_cores_py(chunks, table, marks, zipf, no_word_zipf, tagged)`: each of *chunks*
/// that *table* lacks (as it goes: a chunk met twice is judged once) entered in *table* with
/// its core (the chunk stripped of *marks*, as `str.strip` strips) when that core is two ASCII
/// letters or more, only the first a capital, `zipf(lower, 0) / 100 < no_word_zipf` and not
/// `tagged(core, lower)`, else with `""`; the set of the cores so entered (not `""`).
#[pyfunction]
fn new_unknown_cores<'py>(chunks: &Bound<'py, PyList>, table: &Bound<'py, PyDict>, marks: &str,
                          zipf: &Bound<'py, PyAny>, no_word_zipf: f64, tagged: &Bound<'py, PyAny>)
                          -> PyResult<Bound<'py, PySet>> {
    let py = chunks.py();
    let zipf = Getter::of(zipf)?;
    let found = PySet::empty(py)?;
    let none = PyString::new(py, "");
    for chunk in chunks.iter() {
        if table.contains(&chunk)? {
            continue;
        }
        // (a UTF-8 copy that dies here: `to_str` would keep one with each key beyond ASCII)
        let utf8 = chunk.downcast::<PyString>()?.encode_utf8();
        let core = match &utf8 {
            Ok(bytes) => std::str::from_utf8(bytes.as_bytes()).map_or("", |text| text.trim_matches(|c| marks.contains(c))),
            Err(_) => "",  // (a lone surrogate stays in the core, which is then no ASCII word)
        };
        if shaped(core) {
            let lower = core.to_ascii_lowercase();
            let rare = zipf.get_text_int(py, &lower)?.unwrap_or(0) as f64 / 100.0 < no_word_zipf;
            if rare && !tagged.call1((core, lower.as_str()))?.is_truthy()? {
                let core = PyString::new(py, core);
                table.set_item(&chunk, &core)?;
                found.add(core)?;
                continue;
            }
        }
        table.set_item(&chunk, &none)?;
    }
    Ok(found)
}

/// `_shaped(core)`: two ASCII letters or more, only the first of them a capital.
fn shaped(core: &str) -> bool {
    let bytes = core.as_bytes();
    bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1..].iter().all(u8::is_ascii_lowercase)
}
