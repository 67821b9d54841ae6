//! The weights of the spacing model (`textlint.checks.spacing.model.Params`) that the compiled
//! functions read, as floats, with the thresholds they compare log10 P against.

use pyo3::intern;
use pyo3::prelude::*;

/// The weights of a model's `Params` (`Model.p`) that the search and the suspicion bound read.
pub struct Weights {
    pub check_zipf: f64,
    pub solid_zipf: f64,
    pub unsafe_margin: f64,
    pub unk_base: f64,
    pub unk_cap_base: f64,
    pub unk_per_char: f64,
    pub ins_cost: f64,
    pub camel_cost: f64,
    pub del_cost: f64,
    pub letter_join_cost: f64,
    pub unk_join_cost: f64,
    pub split_known_cost: f64,
    pub seam_known_cost: f64,
    pub frequent_join_cost: f64,
    pub compound_cost: f64,
    pub bigram_weight: f64,
    pub absent_weight: f64,
    /// `p.function_zipf - 9`, `p.known_split_zipf - 9`, `p.frequent_zipf - 9`, `p.letter_join_zipf - 9`
    pub function_lp: f64,
    pub known_split_lp: f64,
    pub suffix_word_lp: f64,
    pub letter_join_lp: f64,
    /// `round(p.suffix_pair_pmi * 100)`
    pub suffix_pair_pmi: i64,
}

impl Weights {
    /// The weights of the `Params` object *p*.
    pub fn of(p: &Bound<'_, PyAny>) -> PyResult<Self> {
        let py = p.py();
        let f = |name: &Bound<'_, pyo3::types::PyString>| -> PyResult<f64> { p.getattr(name)?.extract() };
        Ok(Weights {
            check_zipf: f(intern!(py, "check_zipf"))?,
            solid_zipf: f(intern!(py, "solid_zipf"))?,
            unsafe_margin: f(intern!(py, "unsafe_margin"))?,
            unk_base: f(intern!(py, "unk_base"))?,
            unk_cap_base: f(intern!(py, "unk_cap_base"))?,
            unk_per_char: f(intern!(py, "unk_per_char"))?,
            ins_cost: f(intern!(py, "ins_cost"))?,
            camel_cost: f(intern!(py, "camel_cost"))?,
            del_cost: f(intern!(py, "del_cost"))?,
            letter_join_cost: f(intern!(py, "letter_join_cost"))?,
            unk_join_cost: f(intern!(py, "unk_join_cost"))?,
            split_known_cost: f(intern!(py, "split_known_cost"))?,
            seam_known_cost: f(intern!(py, "seam_known_cost"))?,
            frequent_join_cost: f(intern!(py, "frequent_join_cost"))?,
            compound_cost: f(intern!(py, "compound_cost"))?,
            bigram_weight: f(intern!(py, "bigram_weight"))?,
            absent_weight: f(intern!(py, "absent_weight"))?,
            function_lp: f(intern!(py, "function_zipf"))? - 9.0,
            known_split_lp: f(intern!(py, "known_split_zipf"))? - 9.0,
            suffix_word_lp: f(intern!(py, "frequent_zipf"))? - 9.0,
            letter_join_lp: f(intern!(py, "letter_join_zipf"))? - 9.0,
            suffix_pair_pmi: (f(intern!(py, "suffix_pair_pmi"))? * 100.0).round_ties_even() as i64,
        })
    }
}
