//! The pieces of text that a YAML rule's test looks for in a document it can index, compiled:
//! the twins of `_any_run_held_py` and `_tokens_held_py` (textlint/yamlrules/needs.py). Each
//! piece is a search of the whole text; Python's `in` reads a text of English a character at a
//! time for most pieces (its skip test takes nearly every letter for one of the piece's), Rust's
//! `str::contains` many at once. In UTF-8 a piece is in a text exactly where its characters are
//! (no character's bytes start inside another's). `PieceTests` asks what several rules' tests
//! ask of a document's text in one call (the twin: `_tests_held_py`).

use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple};

/// Adds the functions of this file to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(any_run_held, m)?)?;
    m.add_function(wrap_pyfunction!(tokens_held, m)?)?;
    m.add_class::<PieceTests>()
}

/// *text* in UTF-8, or None when it has none (a lone surrogate): the twin answers then.
fn utf8<'a>(text: &'a Bound<'_, PyString>) -> Option<&'a str> {
    text.to_str().ok()
}

/// `_any_run_held_py(text, groups)`: whether *text* holds the shared beginning of a group of
/// *groups* ((shared, runs) pairs) and one of its runs; None when a string has no UTF-8.
#[pyfunction]
pub fn any_run_held(text: &Bound<'_, PyString>, groups: &Bound<'_, PyTuple>) -> PyResult<Option<bool>> {
    let Some(text) = utf8(text) else { return Ok(None) };
    for group in groups.iter() {
        let (shared, runs): (Bound<'_, PyString>, Bound<'_, PyTuple>) = group.extract()?;
        let Some(shared) = utf8(&shared) else { return Ok(None) };
        if !text.contains(shared) {
            continue;
        }
        match runs_held(text, &runs, false)? {
            Some(false) => {}
            held => return Ok(held),
        }
    }
    Ok(Some(false))
}

/// `_tokens_held_py(text, groups)`: the places (in order) of the tokens of *groups* ((shared,
/// tokens) pairs, a token being (place, runs)) whose group's shared beginning and every run
/// *text* holds; None when a string has no UTF-8.
#[pyfunction]
pub fn tokens_held(text: &Bound<'_, PyString>, groups: &Bound<'_, PyTuple>) -> PyResult<Option<Vec<usize>>> {
    let Some(text) = utf8(text) else { return Ok(None) };
    let mut places = Vec::new();
    for group in groups.iter() {
        let (shared, tokens): (Bound<'_, PyString>, Bound<'_, PyTuple>) = group.extract()?;
        let Some(shared) = utf8(&shared) else { return Ok(None) };
        if !text.contains(shared) {
            continue;
        }
        for token in tokens.iter() {
            let (place, runs): (usize, Bound<'_, PyTuple>) = token.extract()?;
            match runs_held(text, &runs, true)? {
                Some(true) => places.push(place),
                Some(false) => {}
                None => return Ok(None),
            }
        }
    }
    Ok(Some(places))
}

/// Whether *text* holds every run of *runs* (*every*) or one of them (not *every*); None when a
/// run has no UTF-8 before the answer is known.
fn runs_held(text: &str, runs: &Bound<'_, PyTuple>, every: bool) -> PyResult<Option<bool>> {
    for run in runs.iter() {
        let run = run.downcast_into::<PyString>()?;
        let Some(run) = utf8(&run) else { return Ok(None) };
        if text.contains(run) != every {
            return Ok(Some(!every));
        }
    }
    Ok(Some(every))
}

/// One rule's test as pieces of text (`Needs.piece_test`): whether it reads the text folded,
/// the pieces it must hold, and the tokens one of which it must hold every piece of (None: no
/// token is asked for), in groups whose first pieces begin alike (one search of their shared
/// beginning rules out a group: "return back", "returned back", ...: "return").
struct PieceTest {
    folded: bool,
    also: Vec<String>,
    groups: Option<Vec<(String, Vec<Vec<String>>)>>,
}

/// Tokens whose first pieces share at least this many bytes are looked for together.
const SHARED_START: usize = 3;

impl PieceTest {
    fn new(folded: bool, also: Vec<String>, tokens: Option<Vec<Vec<String>>>) -> Self {
        Self { folded, also, groups: tokens.map(grouped) }
    }

    fn held(&self, text: &str) -> bool {
        let ascii = text.is_ascii();
        let holds = |piece: &String| (!ascii || piece.is_ascii()) && text.contains(piece.as_str());
        self.also.iter().all(holds)
            && self.groups.as_ref().is_none_or(|groups| {
                groups.iter().any(|(shared, tokens)| holds(shared) && tokens.iter().any(|token| token.iter().all(holds)))
            })
    }
}

/// *tokens* sorted by their first pieces, in groups whose first pieces share at least
/// `SHARED_START` bytes (cut back to a character's start), each with that shared beginning (a
/// token alone: its first piece; a token without pieces: "", which every text holds).
fn grouped(mut tokens: Vec<Vec<String>>) -> Vec<(String, Vec<Vec<String>>)> {
    let first = |token: &Vec<String>| token.first().cloned().unwrap_or_default();
    tokens.sort_by_key(first);
    let mut groups: Vec<(String, Vec<Vec<String>>)> = Vec::new();
    for token in tokens {
        let start = first(&token);
        if let Some((shared, members)) = groups.last_mut() {
            let common = common_start(shared, &start);
            if common >= SHARED_START {
                shared.truncate(common);
                members.push(token);
                continue;
            }
        }
        groups.push((start, vec![token]));
    }
    groups
}

/// The length in bytes of the longest beginning *a* and *b* share that ends at a character's start.
fn common_start(a: &str, b: &str) -> usize {
    let mut n = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while !a.is_char_boundary(n) {
        n -= 1;
    }
    n
}

/// The tests of several rules, read into Rust once: `_tests_held_py(text, tests)` asked of each
/// document in one call (`PieceTests.held`). Tests with a piece without UTF-8 (a lone
/// surrogate) are not read: `held` answers None and the twin answers.
#[pyclass(frozen)]
pub struct PieceTests {
    tests: Option<Vec<PieceTest>>,
}

#[pymethods]
impl PieceTests {
    #[new]
    fn new(tests: &Bound<'_, PyTuple>) -> PyResult<Self> {
        let mut read = Vec::with_capacity(tests.len());
        for test in tests.iter() {
            let (folded, also, tokens): (bool, Bound<'_, PyTuple>, Option<Bound<'_, PyTuple>>) = test.extract()?;
            let Some(also) = strings(&also)? else { return Ok(Self { tests: None }) };
            let tokens = match tokens {
                None => None,
                Some(tokens) => {
                    let mut out = Vec::with_capacity(tokens.len());
                    for token in tokens.iter() {
                        let Some(pieces) = strings(token.downcast::<PyTuple>()?)? else {
                            return Ok(Self { tests: None });
                        };
                        out.push(pieces);
                    }
                    Some(out)
                }
            };
            read.push(PieceTest::new(folded, also, tokens));
        }
        Ok(Self { tests: Some(read) })
    }

    /// `_tests_held_py(text, tests)`: whether *text* (folded for a folded test, as `fold_text`
    /// folds it) holds what each test asks; None when a string has no UTF-8.
    fn held(&self, text: &Bound<'_, PyString>) -> Option<Vec<bool>> {
        let tests = self.tests.as_ref()?;
        let text = utf8(text)?;
        let mut folded: Option<String> = None;
        Some(tests.iter().map(|test| {
            if test.folded {
                test.held(folded.get_or_insert_with(|| fold_text(text)))
            } else {
                test.held(text)
            }
        }).collect())
    }
}

/// The strings of *pieces*, or None when one has no UTF-8.
fn strings(pieces: &Bound<'_, PyTuple>) -> PyResult<Option<Vec<String>>> {
    let mut out = Vec::with_capacity(pieces.len());
    for piece in pieces.iter() {
        let piece = piece.downcast_into::<PyString>()?;
        let Some(piece) = utf8(&piece) else { return Ok(None) };
        out.push(piece.to_owned());
    }
    Ok(Some(out))
}

/// `fold_text(text)` (needs.py): the ASCII letters lowered (byte by byte: a character beyond ASCII
/// has no ASCII byte in UTF-8), then the case partners read as their ASCII letters.
fn fold_text(text: &str) -> String {
    let mut folded = text.to_ascii_lowercase();
    if !text.is_ascii() {
        for (partner, letter) in [("\u{212a}", "k"), ("\u{17f}", "s"), ("\u{130}", "i"), ("\u{131}", "i")] {
            if folded.contains(partner) {
                folded = folded.replace(partner, letter);
            }
        }
    }
    folded
}
