//! The places where cleanup.DoubledWord looks for a doubled word in plain text, compiled: the twin
//! of `_repeated_run_places_py` (textlint/checks/doubled.py), the starts of `_REPEATED_RUN`'s
//! matches in the text's letters lowercased and every other character made a space, as bytes.

use pyo3::prelude::*;
use pyo3::types::PyBytes;

/// Adds the functions of this file to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(repeated_runs, m)?)
}

/// `_repeated_run_places_py(runs)`: the offsets, in order, of the spaces of *runs* that a run of
/// other bytes follows which the next run (after one space or more) repeats whole. (The
/// pattern's runs and spaces are possessive: each is taken whole, so that a match is two
/// neighbouring runs alike, the first after a space.) An iterator, as the twin's generator is:
/// a text of one word repeated has as many places as words, which a list would hold at once.
#[pyfunction]
pub fn repeated_runs(runs: Py<PyBytes>) -> RepeatedRuns {
    RepeatedRuns { runs, at: 0, last: None }
}

/// The places of `repeated_runs`, found one at a time.
#[pyclass(module = "textlint_native")]
pub struct RepeatedRuns {
    runs: Py<PyBytes>,
    /// where the scan goes on
    at: usize,
    /// where the run before starts and where it ends
    last: Option<(usize, usize)>,
}

#[pymethods]
impl RepeatedRuns {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> Option<usize> {
        let runs = self.runs.bind(py).as_bytes();
        while self.at < runs.len() {
            let at = self.at;
            if runs[at] == b' ' {
                self.at += 1;
                continue;
            }
            let end = runs[at..].iter().position(|&b| b == b' ').map_or(runs.len(), |n| at + n);
            let before = self.last.replace((at, end));
            self.at = end;
            if let Some((start, stop)) = before {
                if start > 0 && runs[start..stop] == runs[at..end] {
                    return Some(start - 1); // the space before the first run
                }
            }
        }
        None
    }
}
