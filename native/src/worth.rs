//! The judgement of a capitalised word's lowercase form by the tables alone (`_worth_by_tables`,
//! textlint/checks/capitals.py): the first step of `_worth_a_look`, which settles most words
//! (names the word-class table lacks, function words, months, the dictionary's words that the
//! casing table holds and that can be no sentence adverb) without a call into Python.

use std::collections::HashSet;

use pyo3::prelude::*;
use pyo3::types::PyFrozenSet;

use crate::fxhash::FxBuild;
use crate::table::LexiconTable;

/// Adds the class of this file to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<WorthTables>()
}

/// A few words, asked whether they hold one.
type Words = HashSet<String, FxBuild>;

/// What `_worth_by_tables` reads, handed in once: the words never worth a look (`_NEVER_WORTH`),
/// the function words (`FUNCTION_WORDS`), the ends of British spellings (`_BRITISH_ENDS`), the
/// word-class table and, by its values' places, which of them is no class (`""`) and which
/// are a sentence adverb's (`wc.adverb_classes`), and the casing table and, by its values'
/// places, which is a ratio and which ratio is at most `WEAK`: both tables as
/// `cachefile.in_place_parts` gives them (compiled, read in place).
#[pyclass(frozen, module = "textlint_native")]
pub struct WorthTables {
    never: Words,
    function_words: Words,
    british_ends: Vec<String>,
    tags: Py<LexiconTable>,
    no_class: Vec<bool>,
    adverb_classes: Vec<bool>,
    casing: Py<LexiconTable>,
    rated: Vec<bool>,
    weak: Vec<bool>,
}

#[pymethods]
impl WorthTables {
    #[new]
    #[allow(clippy::too_many_arguments)] // (the tables and word lists, as Python hands them)
    fn new(never: &Bound<'_, PyFrozenSet>, function_words: &Bound<'_, PyFrozenSet>, british_ends: Vec<String>,
           tags: Py<LexiconTable>, no_class: Vec<bool>, adverb_classes: Vec<bool>, casing: Py<LexiconTable>,
           rated: Vec<bool>, weak: Vec<bool>) -> PyResult<Self> {
        let words = |set: &Bound<'_, PyFrozenSet>| -> PyResult<Words> { set.iter().map(|w| w.extract::<String>()).collect() };
        Ok(WorthTables {
            never: words(never)?, function_words: words(function_words)?, british_ends, tags, no_class, adverb_classes,
            casing, rated, weak,
        })
    }

    /// `_worth_by_tables(low)`: True or False where the tables settle it, else None; None also
    /// for a form with a character beyond ASCII or a capital (left to the Python).
    #[pyo3(name = "settled")]
    fn settled_py(&self, py: Python<'_>, low: &str) -> Option<bool> {
        self.settled(py, low)
    }
}

impl WorthTables {
    /// `_worth_by_tables(low)` of an ASCII form without capitals (None for another): never worth
    /// a look, a function word, a word the word-class table lacks (or gives no class) and no
    /// British spelling, judged by the casing table, or another that the casing table rates and
    /// whose classes are no sentence adverb's, judged by that ratio.
    pub fn settled(&self, py: Python<'_>, low: &str) -> Option<bool> {
        if !low.is_ascii() || low.bytes().any(|b| b.is_ascii_uppercase()) {
            return None;
        }
        if self.never.contains(low) {
            return Some(false);
        }
        if self.function_words.contains(low) {
            return Some(true);
        }
        let classless = match self.tags.get().answer(py, low.as_bytes()) {
            None => true,
            Some(i) if flag(&self.adverb_classes, i)? => return None,
            Some(i) => flag(&self.no_class, i)?,
        };
        if classless && self.british_ends.iter().any(|end| low.ends_with(end.as_str())) {
            return None;
        }
        // (a word the casing table does not rate: a rare one, unless the dictionary knows it)
        match self.casing.get().answer(py, low.as_bytes()) {
            Some(i) if flag(&self.rated, i)? => flag(&self.weak, i),
            _ if classless => Some(false),
            _ => None,
        }
    }
}

/// The flag of a table's value at place *i* (None beyond the flags).
fn flag(flags: &[bool], i: i16) -> Option<bool> {
    usize::try_from(i).ok().and_then(|i| flags.get(i)).copied()
}
