//! The places where cleanup.DoubledWord looks for a doubled word in plain text, compiled: the twin
//! of `_repeated_run_places_py` (textlint/checks/doubled.py), the starts of `_REPEATED_RUN`'s
//! matches in the text's letters lowercased and every other character made a space, as bytes.

use pyo3::prelude::*;

/// Adds the functions of this file to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(repeated_runs, m)?)
}

/// `_repeated_run_places_py(runs)`: the offsets, in order, of the spaces of *runs* that a run of
/// other bytes follows which the next run (after one space or more) repeats whole. (The
/// pattern's runs and spaces are possessive: each is taken whole, so that a match is two
/// neighbouring runs alike, the first after a space.)
#[pyfunction]
pub fn repeated_runs(runs: &[u8]) -> Vec<usize> {
    let mut places = Vec::new();
    let mut last: Option<(usize, &[u8])> = None; // the run before and where it starts
    let mut at = 0;
    while at < runs.len() {
        if runs[at] == b' ' {
            at += 1;
            continue;
        }
        let end = runs[at..].iter().position(|&b| b == b' ').map_or(runs.len(), |n| at + n);
        let run = &runs[at..end];
        if let Some((start, before)) = last {
            if before == run && start > 0 {
                places.push(start - 1); // the space before the first run
            }
        }
        last = Some((at, run));
        at = end;
    }
    places
}
