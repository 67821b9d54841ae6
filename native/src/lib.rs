//! textlint's compiled accelerators: the Python module `textlint_native`.
//!
//! Each function here computes exactly what a pure-Python function of textlint computes (named
//! in its doc comment), which stays the fallback and the reference: textlint loads this module
//! through `textlint/native.py` and uses it only when its `ABI` is the one textlint expects.
//! The tests compare the two on the same inputs.

use pyo3::prelude::*;

mod bytewise;
mod capitals;
mod changes;
mod chunks;
mod doubled;
mod features;
mod fxhash;
mod glued;
mod joinable;
mod judge;
mod linechunks;
mod lookup;
mod memo;
mod moved;
mod names;
mod phrases;
mod pieces;
mod quiet;
mod search;
mod seams;
mod structure;
mod suspicious;
mod table;
mod text;
mod typos;
mod unknown;
mod vocabulary;
mod weights;
mod windows;
mod worth;

/// The interface version: textlint uses this module only when it expects this number
/// (`textlint.native.ABI`); bump it when a function's signature or meaning changes.
const ABI: u32 = 34;

#[pymodule]
fn textlint_native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("ABI", ABI)?;
    m.add_class::<search::Search>()?;
    m.add_class::<suspicious::SuspiciousCore>()?;
    judge::register(m)?;
    quiet::register(m)?;
    linechunks::register(m)?;
    m.add_class::<table::LexiconTable>()?;
    m.add_class::<windows::Windows>()?;
    capitals::register(m)?;
    worth::register(m)?;
    vocabulary::register(m)?;
    names::register(m)?;
    doubled::register(m)?;
    unknown::register(m)?;
    phrases::register(m)?;
    typos::register(m)?;
    pieces::register(m)?;
    seams::register(m)?;
    structure::register(m)?;
    glued::register(m)?;
    memo::register(m)?;
    Ok(())
}
