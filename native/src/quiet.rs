//! The chunks that are quiet in every document (`Model._quiet`), held in Rust: the compiled
//! `judge_line` (judge.rs) finds a line's quiet chunks by their UTF-8 alone, without a Python
//! str each, a hash of it and a dict's look-up. The Python twin `judge_line_py` reads and writes
//! the same table through its dict methods (`get`, `[]`, `in`).

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::exceptions::PyKeyError;
use pyo3::types::{PyBytes, PyString};

use crate::fxhash::FxBuild;

/// Adds the class of this file to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<QuietChunks>()
}

/// A dict of chunks (str) to their `Model.chunk` answers, keyed in Rust by each chunk's UTF-8
/// (with its lone surrogates as "surrogatepass" writes them, where a chunk has one), in the
/// order first written, as a dict keeps its keys. Entries are written, never removed: the whole
/// table goes with the model's shared tables (`shared_tables`).
///
/// Apart from the dict, for the compiled `judge_line` alone, it keeps the answers of the loud
/// chunks that no document word swayed: the answers of their entries in the model's chunk memo
/// (`Model._chunks`, of the same shared tables), which `Model.memo` never writes again, read here
/// without a Python str of the chunk.
#[pyclass(module = "textlint_native")]
#[derive(Default)]
pub struct QuietChunks {
    /// each chunk's answer, quiet or settled: one table, so that a chunk is looked up once
    answers: HashMap<ChunkKey, Answer, FxBuild>,
    /// how many of *answers* are quiet (the dict's length, and the next place in its order)
    quiet: usize,
}

/// A chunk's answer in the table.
pub enum Answer {
    /// a quiet chunk's, with the place of the chunk in the order of writing
    Quiet(usize, PyObject),
    /// a settled loud chunk's (not part of the dict)
    Settled(PyObject),
}

/// The longest chunk (in UTF-8 bytes) whose key is held in the table's own slot.
const SHORT: usize = 22;

/// A chunk's UTF-8 as a key of the tables: held in the table's slot when it is short (most
/// chunks are), so a look-up that finds it compares bytes the slot brought into the cache, not
/// bytes behind a pointer (a cache miss a look-up, which cost more than the hash).
enum ChunkKey {
    Short(u8, [u8; SHORT]),
    Long(Box<[u8]>),
}

impl ChunkKey {
    fn new(bytes: &[u8]) -> Self {
        if bytes.len() <= SHORT {
            let mut held = [0; SHORT];
            held[..bytes.len()].copy_from_slice(bytes);
            ChunkKey::Short(bytes.len() as u8, held)
        } else {
            ChunkKey::Long(bytes.into())
        }
    }

    fn bytes(&self) -> &[u8] {
        match self {
            ChunkKey::Short(len, held) => &held[..usize::from(*len)],
            ChunkKey::Long(bytes) => bytes,
        }
    }
}

// (a key is looked up by its bytes: its hash and its equality are theirs)
impl Borrow<[u8]> for ChunkKey {
    fn borrow(&self) -> &[u8] {
        self.bytes()
    }
}

impl Hash for ChunkKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.bytes().hash(state);
    }
}

impl PartialEq for ChunkKey {
    fn eq(&self, other: &Self) -> bool {
        self.bytes() == other.bytes()
    }
}

impl Eq for ChunkKey {}

#[pymethods]
impl QuietChunks {
    #[new]
    fn new() -> Self {
        QuietChunks::default()
    }

    fn __len__(&self) -> usize {
        self.quiet
    }

    fn __contains__(&self, chunk: &Bound<'_, PyString>) -> PyResult<bool> {
        Ok(self.answer(&key_of(chunk)?).is_some())
    }

    fn __getitem__(&self, py: Python<'_>, chunk: &Bound<'_, PyString>) -> PyResult<PyObject> {
        match self.answer(&key_of(chunk)?) {
            Some(answer) => Ok(answer.clone_ref(py)),
            None => Err(PyKeyError::new_err(chunk.clone().unbind())),
        }
    }

    fn __setitem__(&mut self, chunk: &Bound<'_, PyString>, answer: PyObject) -> PyResult<()> {
        self.insert(&key_of(chunk)?, answer, true);
        Ok(())
    }

    /// `dict.get(chunk, default)`.
    #[pyo3(signature = (chunk, default = None))]
    fn get(&self, py: Python<'_>, chunk: &Bound<'_, PyString>, default: Option<PyObject>) -> PyResult<PyObject> {
        Ok(match self.answer(&key_of(chunk)?) {
            Some(answer) => answer.clone_ref(py),
            None => default.unwrap_or_else(|| py.None()),
        })
    }

    /// `dict.items()`, as a list: (chunk, answer) in the order first written.
    fn items<'py>(&self, py: Python<'py>) -> PyResult<Vec<(Bound<'py, PyAny>, PyObject)>> {
        let mut entries: Vec<_> = self.answers.iter()
            .filter_map(|(key, answer)| match answer {
                Answer::Quiet(order, answer) => Some((*order, key, answer)),
                Answer::Settled(_) => None,
            })
            .collect();
        entries.sort_unstable_by_key(|(order, _, _)| *order);
        entries.into_iter()
            .map(|(_, key, answer)| Ok((chunk_of(py, key.bytes())?, answer.clone_ref(py))))
            .collect()
    }
}

impl QuietChunks {
    /// The answer of the chunk whose UTF-8 is *key*, quiet or settled, if the table has one.
    pub fn find(&self, key: &[u8]) -> Option<&Answer> {
        self.answers.get(key)
    }

    /// The answer of the chunk whose UTF-8 is *key*, if it is quiet.
    pub fn answer(&self, key: &[u8]) -> Option<&PyObject> {
        match self.find(key) {
            Some(Answer::Quiet(_, answer)) => Some(answer),
            _ => None,
        }
    }

    /// The answer of the loud chunk whose UTF-8 is *key*, if no document word swayed it.
    pub fn settled(&self, key: &[u8]) -> Option<&PyObject> {
        match self.find(key) {
            Some(Answer::Settled(answer)) => Some(answer),
            _ => None,
        }
    }

    /// `table[chunk] = answer` of the chunk whose UTF-8 is *key* (a chunk written again keeps
    /// its place in the order) when it is *quiet*, else the answer of a settled loud chunk (a
    /// chunk known quiet keeps that answer: its quiet one is what the table is asked first).
    pub fn insert(&mut self, key: &[u8], answer: PyObject, quiet: bool) {
        let fresh = if quiet { Answer::Quiet(self.quiet, answer) } else { Answer::Settled(answer) };
        match self.answers.get_mut(key) {
            Some(Answer::Quiet(_, held)) => {
                if let Answer::Quiet(_, answer) = fresh {
                    *held = answer;
                }
                return;
            }
            Some(slot) => *slot = fresh,
            None => {
                self.answers.insert(ChunkKey::new(key), fresh);
            }
        }
        if quiet {
            self.quiet += 1;
        }
    }
}

/// The key of *chunk*: its UTF-8, lone surrogates passed through.
pub fn key_of(chunk: &Bound<'_, PyString>) -> PyResult<Box<[u8]>> {
    match chunk.to_str() {
        Ok(text) => Ok(text.as_bytes().into()),
        Err(_) => {
            let py = chunk.py();
            let bytes = chunk.call_method1(intern!(py, "encode"), (intern!(py, "utf-8"), intern!(py, "surrogatepass")))?;
            Ok(bytes.downcast_into::<PyBytes>()?.as_bytes().into())
        }
    }
}

/// The chunk whose key is *key* (see [`key_of`]).
fn chunk_of<'py>(py: Python<'py>, key: &[u8]) -> PyResult<Bound<'py, PyAny>> {
    match std::str::from_utf8(key) {
        Ok(text) => Ok(PyString::new(py, text).into_any()),
        Err(_) => PyBytes::new(py, key).call_method1(intern!(py, "decode"), (intern!(py, "utf-8"), intern!(py, "surrogatepass"))),
    }
}
