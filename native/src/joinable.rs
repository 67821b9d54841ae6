//! Whether two neighbouring chunks may be one word, for the compiled `_joinable_pairs`
//! (judge.rs) when the pair memo has no entry of them: `Model.memo(model._joinable, key,
//! Model.joinable, model, first, second)` of `Model.pair_joinable`, and `Model.joinable` of two
//! ASCII cores, compiled (textlint/checks/spacing/model.py); and `Model.may_be_fragments`, which
//! `_joins` asks first of a pair that makes no lexicon word.
//!
//! It asks what the Python asks, in the same order, through the features' tables
//! (features.rs: `lex_logp`, `known`, `solid`, `frequent_word`); a pair the pair memo
//! (`Model._pairs`) lacks is `Model.pair`'s to work out.

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::{PyBool, PyDict, PyString, PyTuple};

use crate::memo;
use crate::features::{FeatureTables, Known};
use crate::search::Search;
use crate::text::{is_upper, isupper};
use crate::weights::Weights;

/// `CONTEXT_BOUND` of model.py, read once per process.
static CONTEXT_BOUND: GILOnceCell<f64> = GILOnceCell::new();

fn context_bound(py: Python<'_>) -> PyResult<f64> {
    CONTEXT_BOUND
        .get_or_try_init(py, || py.import("textlint.checks.spacing.model")?.getattr("CONTEXT_BOUND")?.extract())
        .copied()
}

/// `Model.memo(table, key, Model.joinable, model, first, second)` where *table* (the model's
/// pair memo) has no entry of *key* (`(first, second)`, two ASCII cores, *texts*): the answer,
/// remembered with the document words that swayed it, which go on to the value being computed
/// around it, if any.
pub fn remember<'py>(search: &Search, model: &Bound<'py, PyAny>, table: &Bound<'py, PyDict>,
                     key: &Bound<'py, PyTuple>, texts: (&str, &str)) -> PyResult<bool> {
    let py = model.py();
    let (first, second) = (key.get_item(0)?.downcast_into::<PyString>()?, key.get_item(1)?.downcast_into::<PyString>()?);
    let tables = search.feature_tables(model);
    memo::remember(model, table, key, |_| {
        let answer = joinable(search, &tables, Known::new(&first, texts.0), Known::new(&second, texts.1))?;
        Ok(PyBool::new(py, answer).to_owned().into_any())
    })?.extract()
}

/// `Model.may_be_fragments(first, second)` of two ASCII cores (*texts*): the shape of fragments
/// (`_unknown_join`; ASCII letters are Latin), then neither a word by the lexicon alone
/// (`_lexicon_solid`, the first asked first: the `lex_logp` memo written as the Python writes it).
pub fn may_be_fragments<'py>(search: &Search, model: &Bound<'py, PyAny>, first: &Bound<'py, PyString>,
                             second: &Bound<'py, PyString>, texts: (&str, &str)) -> PyResult<bool> {
    let (a, b) = (texts.0.len(), texts.1.len());
    if !(a.min(b) <= 3 && 3 <= a.max(b)) {
        return Ok(false);
    }
    let tables = search.feature_tables(model);
    Ok(!(tables.lexicon_solid(&mut Known::new(first, texts.0))?
        || tables.lexicon_solid(&mut Known::new(second, texts.1))?))
}

/// `Model.joinable(first, second)` of two ASCII cores (*first* and *second* with their texts).
fn joinable<'py>(search: &Search, t: &FeatureTables<'_, 'py>, mut first: Known<'_, 'py>,
                 mut second: Known<'_, 'py>) -> PyResult<bool> {
    let py = t.model.py();
    let (a, b) = (first.text().as_bytes(), second.text().as_bytes());
    if is_upper(b[0]) || isupper(a) && !(a.len() == 1 && t.letter_words[a[0] as usize]) {
        return Ok(false);
    }
    let text = [first.text(), second.text()].concat();
    let Some(joined) = t.lex_logp(&PyString::new(py, &text), &text)? else {
        // `_unknown_join` of ASCII pieces (ASCII letters are Latin)
        let shape = a.len().min(b.len()) <= 3 && 3 <= a.len().max(b.len());
        return Ok(shape && !(t.solid(&mut first)? || t.solid(&mut second)?));
    };
    if t.frequent_word(&mut first)? && t.frequent_word(&mut second)? {
        return Ok(false);
    }
    let w = search.weights();
    let apart = logp(t, w, &mut first)? + logp(t, w, &mut second)? + pair(t.model, first.core(), second.core())?;
    Ok(joined - w.del_cost - apart + context_bound(py)? >= w.unsafe_margin)
}

/// `Model.logp(word, True)` of the token of *known*: `known(word, True)`, else `unknown(word)`.
fn logp<'py>(t: &FeatureTables<'_, 'py>, w: &Weights, known: &mut Known<'_, 'py>) -> PyResult<f64> {
    if let Some(lp) = known.get(t)? {
        return Ok(lp);
    }
    let text = known.text();
    let base = if is_upper(text.as_bytes()[0]) { w.unk_cap_base } else { w.unk_base };
    Ok(base - w.unk_per_char * text.len() as f64)
}

/// `Model.pair(first, second)`: the pair memo's answer, else the method's.
fn pair<'py>(model: &Bound<'py, PyAny>, first: &Bound<'py, PyString>, second: &Bound<'py, PyString>) -> PyResult<f64> {
    let py = model.py();
    let pairs = model.getattr(intern!(py, "_pairs"))?.downcast_into::<PyDict>()?;
    match pairs.get_item((first, second))? {
        Some(v) if !v.is_none() => v.extract(),
        _ => model.call_method1(intern!(py, "pair"), (first, second))?.extract(),
    }
}
