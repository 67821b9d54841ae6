//! The repairs of a changed window: the compiled twin of `_window_changes` (with `_cut_groups`,
//! `segments`, `Model.cost`, `_change`, `_certain` and `_joined_words`) of
//! textlint/checks/spacing/model.py, for a window whose cores are ASCII and whose model's search
//! is compiled (the window string's code points are then its bytes); any other goes to the twin.
//!
//! The groups of differing cuts, the words of each and the edits are worked out here; the scores
//! are the compiled `Model.score` (`Search::score_words`, which calls `Model.logp` where the
//! Python does, so the same document words are recorded, in the same order: the window's score
//! first, then each group's), the costs are `Model.cost`'s from the search's weights (the model's
//! `p`), and a change's safety asks `Model.certain_cut` and `Model.certain_join` as the twin does.

use std::collections::BTreeSet;

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyList, PySet, PySlice, PyString};

use crate::search::Search;
use crate::text::camel_seam;

/// A window's token as `_change` reads it: where its core starts in the line, and the core.
struct Token<'py> {
    start: usize,
    core: Bound<'py, PyString>,
}

/// `list(_window_changes(model, text, window, left, right, best))`, the class `Change` given;
/// None when the twin should answer (a core that is not ASCII or is empty, a search that is
/// not compiled).
pub fn window_changes<'py>(change: &Bound<'py, PyAny>, model: &Bound<'py, PyAny>, text: &Bound<'py, PyString>,
                           window: &Bound<'py, PyList>, left: &Bound<'py, PyAny>, right: &Bound<'py, PyAny>,
                           best: &Bound<'py, PyAny>) -> PyResult<Option<Bound<'py, PyList>>> {
    let py = model.py();
    let Ok(search) = model.getattr(intern!(py, "_searcher"))?.downcast_into::<Search>() else {
        return Ok(None);
    };
    let mut tokens = Vec::with_capacity(window.len());
    let mut s = String::new();
    for t in window.iter() {
        let core = t.getattr(intern!(py, "core"))?.downcast_into::<PyString>()?;
        match core.to_str() {
            Ok(c) if c.is_ascii() && !c.is_empty() => s.push_str(c),
            _ => return Ok(None),
        }
        tokens.push(Token { start: t.getattr(intern!(py, "start"))?.extract()?, core });
    }
    // token k spans edges[k]..edges[k + 1] of s
    let mut edges = vec![0];
    for t in &tokens {
        edges.push(edges[edges.len() - 1] + t.core.to_str()?.len());
    }
    let old: BTreeSet<usize> = edges[1..edges.len() - 1].iter().copied().collect();
    let new: BTreeSet<usize> = best.try_iter()?.map(|q| q?.extract()).collect::<PyResult<_>>()?;
    let cores = PyList::new(py, tokens.iter().map(|t| &t.core))?;
    let originals = PySet::new(py, tokens.iter().map(|t| &t.core))?;
    let search = search.get();
    let base: f64 = search.score_words(model, cores.as_any(), left, right, originals.as_any())?.extract()?;
    let window_string = PyString::new(py, &s);
    let changes = PyList::empty(py);
    for group in cut_groups(&old, &new) {
        let toggled: BTreeSet<usize> = old.symmetric_difference(&group.iter().copied().collect()).copied().collect();
        let words = segments(&s, &toggled);
        let word_list = PyList::new(py, &words)?;
        let scored: f64 = search.score_words(model, word_list.as_any(), left, right, originals.as_any())?.extract()?;
        let gain = scored - base - cost(search, s.as_bytes(), &group, &old);
        let edit = edit(text, &tokens, &edges, &group, &old)?;
        let certain = certain(model, &window_string, &word_list, &words, &tokens, &edges, &old, &group)?;
        let sure = if certain { py.None().into_bound(py) } else { false.into_pyobject(py)?.to_owned().into_any() };
        let (start, end, before, after, inserts, deletes) = edit;
        changes.append(change.call1((start, end, before, after, inserts, deletes, gain, certain, sure))?)?;
    }
    Ok(Some(changes))
}

/// `_cut_groups(old, new)`: the cuts that differ, in order, in groups that no cut of both separates.
fn cut_groups(old: &BTreeSet<usize>, new: &BTreeSet<usize>) -> Vec<Vec<usize>> {
    let kept: Vec<usize> = old.intersection(new).copied().collect();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for &d in old.symmetric_difference(new) {
        match groups.last_mut() {
            Some(last) if !kept.iter().any(|&c| last[last.len() - 1] < c && c < d) => last.push(d),
            _ => groups.push(vec![d]),
        }
    }
    groups
}

/// `segments(s, cuts)`: the pieces of *s* between its cuts.
fn segments<'s>(s: &'s str, cuts: &BTreeSet<usize>) -> Vec<&'s str> {
    let mut pieces = Vec::with_capacity(cuts.len() + 1);
    let mut from = 0;
    for &q in cuts.iter().chain([&s.len()]) {
        pieces.push(&s[from..q]);
        from = q;
    }
    pieces
}

/// `Model.cost(s, changed, old)` of the ASCII window string *s*, from the model's weights.
fn cost(search: &Search, s: &[u8], changed: &[usize], old: &BTreeSet<usize>) -> f64 {
    let w = search.weights();
    let mut total = 0.0;
    for &q in changed {
        total += if old.contains(&q) {
            w.del_cost
        } else if camel_seam(s, q) {
            w.camel_cost
        } else {
            w.ins_cost
        };
    }
    total
}

/// `_token_at(edges, p)`: the token that holds position *p* of the window string.
fn token_at(edges: &[usize], p: usize) -> usize {
    edges.partition_point(|&e| e <= p) - 1
}

/// What `_change` makes a `Change` of: start, end, the old text, the new one, the inserts and
/// the deletes of one group of cuts (the text's slices read by Python, in code points).
type Edit<'py> = (usize, usize, Bound<'py, PyAny>, Bound<'py, PyAny>, Bound<'py, PyList>, Bound<'py, PyList>);

/// `_change`'s edits of the cuts of *group* (without the gain, which the caller adds).
fn edit<'py>(text: &Bound<'py, PyString>, tokens: &[Token<'py>], edges: &[usize], group: &[usize],
             old: &BTreeSet<usize>) -> PyResult<Edit<'py>> {
    let py = text.py();
    let slice = |a: usize, b: usize| text.as_any().get_item(PySlice::new(py, a as isize, b as isize, 1));
    let (inserts, deletes, out) = (PyList::empty(py), PyList::empty(py), PyList::empty(py));
    let (mut start, mut pos, mut k) = (None, 0, 0);
    for &p in group {
        let (first, x, y, edit);
        if old.contains(&p) {
            k = edges.iter().position(|&e| e == p).expect("a cut of old is an edge");
            first = &tokens[k - 1];
            (x, y, edit) = (first.start + first.core.to_str()?.len(), tokens[k].start, "");
            deletes.append((x, y))?;
        } else {
            k = token_at(edges, p);
            first = &tokens[k];
            x = first.start + p - edges[k];
            (y, edit) = (x, " ");
            inserts.append(x)?;
        }
        if start.is_none() {
            start = Some(first.start);
            pos = first.start;
        }
        out.append(slice(pos, x)?)?;
        out.append(edit)?;
        pos = y;
    }
    let start = start.expect("a group holds a cut");
    let end = tokens[k].start + tokens[k].core.to_str()?.len();
    out.append(slice(pos, end)?)?;
    let after = PyString::new(py, "").call_method1(intern!(py, "join"), (out,))?;
    Ok((start, end, slice(start, end)?, after, inserts, deletes))
}

/// `_certain(model, s, words, cores, edges, old, group)`: each new space of *group* a certain
/// cut (`Model.certain_cut`, in its token), then each word that joins tokens a certain join
/// (`Model.certain_join`, with the tokens it joins: `_joined_words`).
#[allow(clippy::too_many_arguments)]
fn certain(model: &Bound<'_, PyAny>, s: &Bound<'_, PyString>, word_list: &Bound<'_, PyList>, words: &[&str],
           tokens: &[Token<'_>], edges: &[usize], old: &BTreeSet<usize>, group: &[usize]) -> PyResult<bool> {
    let py = model.py();
    for &q in group {
        if !old.contains(&q) {
            let token = &tokens[token_at(edges, q)].core;
            if !model.call_method1(intern!(py, "certain_cut"), (s, q, word_list, token))?.is_truthy()? {
                return Ok(false);
            }
        }
    }
    let deleted: Vec<usize> = group.iter().copied().filter(|q| old.contains(q)).collect();
    if deleted.is_empty() {
        return Ok(true); // no space deleted: no word joins tokens
    }
    let mut pos = 0;
    for w in words {
        let end = pos + w.len();
        if deleted.iter().any(|&q| pos < q && q < end) {
            let cuts: Vec<usize> = old.iter().filter(|&&q| pos < q && q < end).map(|&q| q - pos).collect();
            let bounds: Vec<usize> = [0].into_iter().chain(cuts).chain([w.len()]).collect();
            let pieces = PyList::new(py, bounds.windows(2).map(|ab| &w[ab[0]..ab[1]]))?;
            if !model.call_method1(intern!(py, "certain_join"), (*w, pieces))?.is_truthy()? {
                return Ok(false);
            }
        }
        pos = end;
    }
    Ok(true)
}
