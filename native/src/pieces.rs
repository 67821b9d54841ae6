//! The pieces of text that a YAML rule's test looks for in a document it can index, compiled:
//! the twins of `_any_run_held_py` and `_tokens_held_py` (textlint/yamlrules/needs.py). Each
//! piece is a search of the whole text; Python's `in` reads a text of English a character at a
//! time for most pieces (its skip test takes nearly every letter for one of the piece's), Rust's
//! `str::contains` many at once. In UTF-8 a piece is in a text exactly where its characters are
//! (no character's bytes start inside another's). `PieceTests` asks what several rules' tests
//! ask of a document's text in one call (the twin: `_tests_held_py`).

use std::collections::{HashMap, VecDeque};

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
/// token is asked for); each piece by its place in the `Finder` of its kind of text.
struct PieceTest {
    folded: bool,
    also: Vec<usize>,
    tokens: Option<Vec<Vec<usize>>>,
}

impl PieceTest {
    /// Whether the text holds what the test asks, given which pieces it holds (*found*).
    fn held(&self, found: &[bool]) -> bool {
        self.also.iter().all(|&p| found[p])
            && self.tokens.as_ref().is_none_or(|tokens| tokens.iter().any(|token| token.iter().all(|&p| found[p])))
    }
}

/// The pieces of the tests that read one kind of text (plain or folded), each once, by place.
#[derive(Default)]
struct PieceList {
    pieces: Vec<String>,
    places: HashMap<String, usize>,
}

impl PieceList {
    /// The places of *pieces*, each added when new.
    fn places_of(&mut self, pieces: Vec<String>) -> Vec<usize> {
        pieces.into_iter().map(|piece| {
            let next = self.pieces.len();
            *self.places.entry(piece.clone()).or_insert_with(|| {
                self.pieces.push(piece);
                next
            })
        }).collect()
    }
}

/// Which of several pieces a text holds, told by one pass over its bytes instead of a search
/// of the whole text per piece (the tests of a linter's rules ask dozens of each document): an
/// Aho-Corasick automaton, a trie of the pieces whose every state knows, for each byte, the
/// state of the longest beginning of a piece that the bytes read so far end with. In UTF-8 a
/// piece is in a text exactly where its bytes are (no character's bytes start inside another's).
struct Finder {
    /// The class of each byte: 0 for a byte that no piece holds, else one of its own.
    classes: [u16; 256],
    /// The number of classes: a row of `next`.
    width: usize,
    /// `next[state * width + class]`: the state after a byte of that class.
    next: Vec<u32>,
    /// The pieces (by place) that the bytes read end with at each state.
    ends: Vec<Vec<usize>>,
}

/// A transition of the trie not yet made.
const NO_STATE: u32 = u32::MAX;

impl Finder {
    fn new(pieces: &[String]) -> Self {
        let mut classes = [0u16; 256];
        let mut width = 1;
        for &b in pieces.iter().flat_map(|piece| piece.as_bytes()) {
            if classes[b as usize] == 0 {
                classes[b as usize] = width as u16;
                width += 1;
            }
        }
        let mut finder = Self { classes, width, next: vec![NO_STATE; width], ends: vec![Vec::new()] };
        for (place, piece) in pieces.iter().enumerate() {
            let end = finder.trie_state(piece.as_bytes());
            finder.ends[end].push(place);
        }
        finder.link();
        finder
    }

    /// The state of the trie that spells *bytes*, made when missing.
    fn trie_state(&mut self, bytes: &[u8]) -> usize {
        let mut state = 0;
        for &b in bytes {
            let slot = state * self.width + self.classes[b as usize] as usize;
            if self.next[slot] == NO_STATE {
                self.next[slot] = self.ends.len() as u32;
                self.next.extend(std::iter::repeat_n(NO_STATE, self.width));
                self.ends.push(Vec::new());
            }
            state = self.next[slot] as usize;
        }
        state
    }

    /// Fills the transitions the trie lacks, breadth first: a state's fallback (the state of
    /// its longest proper ending) is shallower, so its row and its pieces are complete when the
    /// state takes them.
    fn link(&mut self) {
        let width = self.width;
        let mut fallback = vec![0usize; self.ends.len()];
        let mut queue = VecDeque::new();
        for slot in &mut self.next[..width] {
            match *slot {
                NO_STATE => *slot = 0,
                child => queue.push_back(child as usize),
            }
        }
        while let Some(state) = queue.pop_front() {
            for class in 0..width {
                let via = self.next[fallback[state] * width + class];
                let slot = state * width + class;
                match self.next[slot] {
                    NO_STATE => self.next[slot] = via,
                    child => {
                        let child = child as usize;
                        fallback[child] = via as usize;
                        let inherited = self.ends[via as usize].clone();
                        self.ends[child].extend(inherited);
                        queue.push_back(child);
                    }
                }
            }
        }
    }

    /// Which pieces *text* holds, by place (the empty piece: every text).
    fn found_in(&self, text: &[u8], count: usize) -> Vec<bool> {
        let mut found = vec![false; count];
        let mut state = 0;
        for &place in &self.ends[0] {
            found[place] = true;
        }
        for &b in text {
            state = self.next[state * self.width + self.classes[b as usize] as usize] as usize;
            for &place in &self.ends[state] {
                found[place] = true;
            }
        }
        found
    }
}

/// The pieces of one kind of text and their `Finder`.
struct Pieces {
    count: usize,
    finder: Finder,
}

impl Pieces {
    fn new(list: PieceList) -> Self {
        Self { count: list.pieces.len(), finder: Finder::new(&list.pieces) }
    }

    fn found_in(&self, text: &str) -> Vec<bool> {
        self.finder.found_in(text.as_bytes(), self.count)
    }
}

/// The tests of several rules, read into Rust once: `_tests_held_py(text, tests)` asked of each
/// document in one call (`PieceTests.held`), with one pass over the text for the pieces of the
/// tests that read it as it is and one over it folded for the others. Tests with a piece
/// without UTF-8 (a lone surrogate) are not read: `held` answers None and the twin answers.
#[pyclass(frozen)]
pub struct PieceTests {
    tests: Option<(Vec<PieceTest>, Pieces, Pieces)>,
}

#[pymethods]
impl PieceTests {
    #[new]
    fn new(tests: &Bound<'_, PyTuple>) -> PyResult<Self> {
        let mut read = Vec::with_capacity(tests.len());
        let (mut plain, mut folded) = (PieceList::default(), PieceList::default());
        for test in tests.iter() {
            let (is_folded, also, tokens): (bool, Bound<'_, PyTuple>, Option<Bound<'_, PyTuple>>) = test.extract()?;
            let list = if is_folded { &mut folded } else { &mut plain };
            let Some(also) = strings(&also)? else { return Ok(Self { tests: None }) };
            let also = list.places_of(also);
            let tokens = match tokens {
                None => None,
                Some(tokens) => {
                    let mut out = Vec::with_capacity(tokens.len());
                    for token in tokens.iter() {
                        let Some(pieces) = strings(token.downcast::<PyTuple>()?)? else {
                            return Ok(Self { tests: None });
                        };
                        out.push(list.places_of(pieces));
                    }
                    Some(out)
                }
            };
            read.push(PieceTest { folded: is_folded, also, tokens });
        }
        Ok(Self { tests: Some((read, Pieces::new(plain), Pieces::new(folded))) })
    }

    /// `_tests_held_py(text, tests)`: whether *text* (folded for a folded test, as `fold_text`
    /// folds it) holds what each test asks; None when a string has no UTF-8.
    fn held(&self, text: &Bound<'_, PyString>) -> Option<Vec<bool>> {
        let (tests, plain, folded) = self.tests.as_ref()?;
        let text = utf8(text)?;
        let mut in_plain: Option<Vec<bool>> = None;
        let mut in_folded: Option<Vec<bool>> = None;
        Some(tests.iter().map(|test| {
            let found = if test.folded {
                in_folded.get_or_insert_with(|| folded.found_in(&fold_text(text)))
            } else {
                in_plain.get_or_insert_with(|| plain.found_in(text))
            };
            test.held(found)
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
