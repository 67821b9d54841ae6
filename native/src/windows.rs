//! The windows of a line that the spacing model searches: the compiled twin of
//! `_line_windows_py` (`_joinable_pairs_py`, then `_changed_windows_py` with the `_Tokens` of a
//! line) of textlint/checks/spacing/model.py: one call per line for its pairs and its windows.
//!
//! It marks the same tokens, merges the same windows, reads the same context words and asks
//! `Model.best` of each window as the twin does: an entry of the model's `_best` memo is read
//! here as `Model.memo` reads it (one that no document word swayed as it is, recording nothing;
//! one that document words swayed while this document's counts of them are those it recorded,
//! recording them), a window the memo lacks, or whose entry holds no longer, is searched
//! (`model._searcher`) and remembered here as `Model.memo` does. Only the windows whose best cuts are
//! not the author's are handed back, their tokens made as the twin makes them (`Token`). Offsets
//! are code points, as Python's, found in the line itself (its chunks are `line.split()`): the
//! line is read up to the last chunk a window may reach, no chunk's length asked of Python. A
//! line that is no UTF-8 (an unpaired surrogate) is handed to the Python twin whole.

use std::collections::BTreeSet;

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

use crate::changes;
use crate::chunks;
use crate::judge::Judge;
use crate::linechunks::LineChunks;
use crate::memo;

/// The classes and the functions of model.py that the twins make objects of or hand a line or
/// a window back to (`Token` and `_changed_windows_py`; `Change` and `_window_changes`), and the
/// compiled judge whose `joinable_pairs` finds a line's pairs.
#[pyclass(frozen, module = "textlint_native")]
pub struct Windows {
    token: PyObject,
    python: PyObject,
    judge: Py<Judge>,
    change: PyObject,
    python_changes: PyObject,
}

#[pymethods]
impl Windows {
    #[new]
    fn new(token: PyObject, python: PyObject, judge: Py<Judge>, change: PyObject, python_changes: PyObject) -> Self {
        Windows { token, python, judge, change, python_changes }
    }

    /// `list(_window_changes(model, text, window, left, right, best))`: the repairs of a window
    /// that `line_windows` handed back (changes.rs), or the twin's of one it does not take.
    #[allow(clippy::too_many_arguments)]
    fn window_changes<'py>(&self, model: &Bound<'py, PyAny>, text: &Bound<'py, PyString>, window: &Bound<'py, PyList>,
                           left: &Bound<'py, PyAny>, right: &Bound<'py, PyAny>,
                           best: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
        let py = model.py();
        if let Some(changes) = changes::window_changes(self.change.bind(py), model, text, window, left, right, best)? {
            return Ok(changes);
        }
        let twin = self.python_changes.bind(py).call1((model, text, window, left, right, best))?;
        PyList::new(py, twin.try_iter()?.collect::<PyResult<Vec<_>>>()?)
    }

    /// `analyse_line(model, line, judged)`: the repairs of *line* (its chunks *judged*), in one
    /// call: its changed windows (`line_windows`), then the repairs of each (`window_changes`).
    fn analyse_line<'py>(&self, model: &Bound<'py, PyAny>, line: &Bound<'py, PyString>,
                         judged: &Bound<'py, PyTuple>) -> PyResult<Bound<'py, PyList>> {
        let changes = PyList::empty(model.py());
        for window in self.line_windows(model, line, judged)?.try_iter()? {
            let (window, left, right, new): (Bound<'py, PyList>, Bound<'py, PyAny>, Bound<'py, PyAny>, Bound<'py, PyAny>)
                = window?.extract()?;
            for change in self.window_changes(model, line, &window, &left, &right, &new)? {
                changes.append(change)?;
            }
        }
        Ok(changes)
    }

    /// `_line_windows(model, line, judged)`: the windows of *line* whose best cuts are not its
    /// tokens', in order, each as (its tokens, left context, right context, the cuts), its pairs
    /// that may join found first (`_joinable_pairs`), with no Python list of them made.
    fn line_windows<'py>(&self, model: &Bound<'py, PyAny>, line: &Bound<'py, PyString>,
                         judged: &Bound<'py, PyTuple>) -> PyResult<Bound<'py, PyAny>> {
        let py = model.py();
        let chunks = judged.get_item(0)?; // (a `LineChunks`, or a list)
        let count = chunks.len()?;
        let infos = judged.get_item(1)?.downcast_into::<PyList>()?;
        let joins = self.judge.get().joinable_pairs(model, &infos, &judged.get_item(2)?)?;
        let suspicious: Vec<isize> = judged.get_item(3)?.extract()?;
        if suspicious.is_empty() && joins.is_empty() {
            return Ok(PyList::empty(py).into_any());
        }
        // the last chunk whose place a window may need: the joinable neighbour of the last marked
        // chunk (a pair's second), whose place tells whether the next chunk is a context word
        let last = suspicious.iter().chain(&joins).max().map_or(0, |&k| k.max(0) as usize + 2);
        let Some(tokens) = Tokens::of(line, &chunks, count, infos, last)? else {
            return self.python.bind(py).call1((model, line, judged, joins));
        };
        let best = model.getattr(intern!(py, "_best"))?.downcast_into::<PyDict>()?;
        let changed = PyList::empty(py);
        for (a, b) in tokens.windows(&suspicious, &joins)? {
            let left = tokens.context(a - 1, a - 1)?;
            let right = tokens.context(b, b + 1)?;
            let cores = (a..=b).map(|k| tokens.field(k, 1)).collect::<PyResult<Vec<_>>>()?;
            let new = best_cuts(model, &best, &cores, &left, &right)?;
            if cut_set(&new)? != author_cuts(&cores)? {
                let window = (a..=b).map(|k| tokens.token(self.token.bind(py), k)).collect::<PyResult<Vec<_>>>()?;
                changed.append((window, left, right, new))?;
            }
        }
        Ok(changed.into_any())
    }
}

/// `model.best(cores, left, right)`: its memo entry read here as `Model.memo` reads it (one that
/// document words swayed while their counts hold, `chunks::valid`, those words recorded in the
/// model's `_hits`), worked out and remembered here when there is none or it holds no longer
/// (`memo_fresh`).
fn best_cuts<'py>(model: &Bound<'py, PyAny>, best: &Bound<'py, PyDict>, cores: &[Bound<'py, PyAny>],
                  left: &Bound<'py, PyAny>, right: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let py = model.py();
    let key = PyTuple::new(py, cores.iter().chain([left, right]).collect::<Vec<_>>())?;
    match best.get_item(&key)? {
        None => memo_fresh(model, best, &key, (PyList::new(py, cores)?, left, right)),
        Some(entry) => {
            let entry = entry.downcast_into::<PyTuple>()?;
            let deps = entry.get_item(1)?;
            if !deps.is_truthy()? {
                return entry.get_item(0);
            }
            // (most entries that a line's windows read are swayed: checked here, where the
            // method's memo took a Python step for each of their words)
            let deps = deps.downcast_into::<PyDict>()?;
            if chunks::valid(model, &deps)? {
                model.getattr(intern!(py, "_hits"))?.downcast::<PyDict>()?.update(deps.as_mapping())?;
                return entry.get_item(0);
            }
            memo_fresh(model, best, &key, (PyList::new(py, cores)?, left, right))
        }
    }
}

/// `Model.memo(table, key, model._searcher, model, *args)` where *table* has no entry of *key*:
/// the search's answer, remembered with the document words it recorded, which go on to the
/// value being computed around it, if any.
fn memo_fresh<'py>(model: &Bound<'py, PyAny>, table: &Bound<'py, PyDict>, key: &Bound<'py, PyTuple>,
                   (cores, left, right): (Bound<'py, PyList>, &Bound<'py, PyAny>, &Bound<'py, PyAny>))
                   -> PyResult<Bound<'py, PyAny>> {
    let search = model.getattr(intern!(model.py(), "_searcher"))?;
    memo::remember(model, table, key, |_| search.call1((model, cores, left, right)))
}

/// `set(cuts)` of the cut points `Model.best` answers, in order.
fn cut_set(cuts: &Bound<'_, PyAny>) -> PyResult<Vec<usize>> {
    let set: BTreeSet<usize> = cuts.try_iter()?.map(|q| q?.extract()).collect::<PyResult<_>>()?;
    Ok(set.into_iter().collect())
}

/// The cut points of the window string between the window's *cores* (code points), in order.
fn author_cuts(cores: &[Bound<'_, PyAny>]) -> PyResult<Vec<usize>> {
    let mut cuts = Vec::with_capacity(cores.len());
    let mut pos = 0;
    for core in &cores[..cores.len() - 1] {
        pos += core.len()?;
        cuts.push(pos);
    }
    Ok(cuts)
}

/// Python's `c.isspace()`, where `str.split()` splits a line: Unicode's White_Space (Rust's
/// `char::is_whitespace`) and the ASCII separators U+001C to U+001F.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Where a chunk of a line is (code points), and whether only spaces (" ") part it from the
/// next one.
struct Span {
    start: usize,
    spaced: bool,
}

/// The first *count* chunks of `str.split()` of a line's characters *chars*, with the
/// whitespace after the last of them; None when the line has fewer.
fn spans(chars: impl Iterator<Item = char>, count: usize) -> Option<Vec<Span>> {
    let mut spans: Vec<Span> = Vec::with_capacity(count);
    let mut in_chunk = false;
    for (i, c) in chars.enumerate() {
        if is_space(c) {
            if c != ' ' {
                if let Some(last) = spans.last_mut() {
                    last.spaced = false;
                }
            }
            in_chunk = false;
        } else if !in_chunk {
            if spans.len() == count {
                return Some(spans);
            }
            spans.push(Span { start: i, spaced: true });
            in_chunk = true;
        }
    }
    (spans.len() == count).then_some(spans)
}

/// [`spans`] of an ASCII line's bytes *s* whose chunks `judge_line` found (*found*, byte
/// offsets, `LineChunks`): each chunk's start, and whether only spaces part it from the next.
fn judged_spans(s: &[u8], found: &[(usize, usize)], count: usize) -> Vec<Span> {
    let spaced = |k: usize| {
        let next = found.get(k + 1).map_or(s.len(), |&(a, _)| a);
        s[found[k].1..next].iter().all(|&b| b == b' ')
    };
    (0..count).map(|k| Span { start: found[k].0, spaced: spaced(k) }).collect()
}

/// The chunks of a line as tokens (`_Tokens`): where each starts, which join the next one.
/// Only the chunks up to the last one a window may reach are found.
struct Tokens<'py> {
    infos: Bound<'py, PyList>,
    /// how many chunks the line has
    count: usize,
    spans: Vec<Span>,
}

impl<'py> Tokens<'py> {
    /// `_Tokens(line, chunks, infos)`, where *chunks* is `line.split()` (as `judge_line` makes
    /// it, *count* of them): the chunks up to *last* placed (from the spans of an ASCII line's
    /// `LineChunks`, else found in the line), or up to its end; None for a line that is no UTF-8
    /// (for the Python twin), or one that splits into fewer chunks.
    fn of(line: &Bound<'py, PyString>, chunks: &Bound<'py, PyAny>, count: usize, infos: Bound<'py, PyList>,
          last: usize) -> PyResult<Option<Self>> {
        let needed = count.min(last + 1);
        if let Ok(judged) = chunks.downcast::<LineChunks>() {
            if let Some((s, found)) = judged.get().ascii_spans(line)? {
                return Ok(Some(Tokens { infos, count, spans: judged_spans(s, found, needed) }));
            }
        }
        let Ok(s) = line.to_str() else { return Ok(None) };
        Ok(spans(s.chars(), needed).map(|spans| Tokens { infos, count, spans }))
    }

    /// Item *i* of chunk *k*'s `Model.chunk` answer (lead, core, trail, ...).
    fn field(&self, k: isize, i: usize) -> PyResult<Bound<'py, PyAny>> {
        self.infos.get_item(k as usize)?.downcast_into::<PyTuple>()?.get_item(i)
    }

    /// Where chunk *k* starts in the line (`_Tokens.start`).
    fn start(&self, k: usize) -> usize {
        self.spans[k].start
    }

    /// Token *k*, positioned (`_Tokens.token`): `Token(start, core, trail, lead)`.
    fn token(&self, token: &Bound<'py, PyAny>, k: isize) -> PyResult<Bound<'py, PyAny>> {
        let lead = self.field(k, 0)?;
        token.call1((self.start(k as usize) + lead.len()?, self.field(k, 1)?, self.field(k, 2)?, lead))
    }

    /// Whether token *k* joins the next one (`_Tokens.joinable`): both plain chunks, no marks
    /// between them, and plain spaces only.
    fn joinable(&self, k: isize) -> PyResult<bool> {
        if !(0 <= k && k < self.count as isize - 1) {
            return Ok(false);
        }
        let k = k as usize;
        let (x, y) = (self.infos.get_item(k)?, self.infos.get_item(k + 1)?);
        if x.is_none() || y.is_none() || x.downcast::<PyTuple>()?.get_item(2)?.is_truthy()?
            || y.downcast::<PyTuple>()?.get_item(0)?.is_truthy()? {
            return Ok(false);
        }
        Ok(self.spans[k].spaced)
    }

    /// The core of chunk *of* when token *k* joins the next one, else None: a window's context word.
    fn context(&self, k: isize, of: isize) -> PyResult<Bound<'py, PyAny>> {
        if self.joinable(k)? { self.field(of, 1) } else { Ok(self.infos.py().None().into_bound(self.infos.py())) }
    }

    /// The windows (first and last token): each marked token (*suspicious*, or of a pair of
    /// *joins* that is joinable) with its joinable neighbours, overlapping ones merged.
    fn windows(&self, suspicious: &[isize], joins: &[isize]) -> PyResult<Vec<(isize, isize)>> {
        let mut marked: BTreeSet<isize> = suspicious.iter().copied().collect();
        for &k in joins {
            if self.joinable(k)? {
                marked.extend([k, k + 1]);
            }
        }
        let mut windows: Vec<(isize, isize)> = Vec::new();
        for k in marked {
            let a = if k != 0 && self.joinable(k - 1)? { k - 1 } else { k };
            let b = if self.joinable(k)? { k + 1 } else { k };
            match windows.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(b),
                _ => windows.push((a, b)),
            }
        }
        Ok(windows)
    }
}
