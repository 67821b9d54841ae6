//! The scans of cleanup.MidSentenceCapital, compiled: the twins of `_mid_sentence_candidates_py`
//! (on plain text, `Document.plain`) and of `_tokens_py` (on the windows around a capitalised
//! word that are ASCII but for no-break spaces, nearly all of them) of textlint/checks/capitals.py,
//! and the others named at each function.
//! Each gives objects that answer what the rule asks of the matches of its twin.
//!
//! Plain text holds Latin-1 characters and general punctuation (U+2000 to U+206F) only; there
//! `regex`'s classes of letters, capitals, small letters and numbers are the fixed sets of
//! `PLAIN_LETTERS`, `PLAIN_CAPITALS`, `PLAIN_SMALL` and `PLAIN_NUMBERS` (textlint/document.py;
//! tests/test_document.py checks each character), and it holds no mark: the scan of
//! `_PLAIN_TITLE` here is exact there, and text that is not plain goes back to the Python twin.

use std::collections::{HashMap, HashSet};

use pyo3::exceptions::PyIndexError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFrozenSet, PyList, PyString};

use crate::bytewise::{bytes_between, bytes_equal, word_of};
use crate::fxhash::FxBuild;
use crate::worth::WorthTables;

/// Adds the functions of this file to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(mid_sentence_candidates, m)?)?;
    m.add_class::<NameWords>()?;
    m.add_function(wrap_pyfunction!(ascii_tokens, m)?)?;
    m.add_function(wrap_pyfunction!(capitalised_word_before, m)?)?;
    m.add_function(wrap_pyfunction!(letter_name, m)?)
}

/// Whether *c* is plain (`NOT_PLAIN` does not match it).
pub(crate) fn plain(c: char) -> bool {
    c <= '\u{ff}' || ('\u{2000}'..='\u{206f}').contains(&c)
}

/// `PLAIN_LETTERS`: `\p{L}` among plain characters.
pub(crate) fn letter(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, '\u{aa}' | '\u{b5}' | '\u{ba}' | '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{f6}' | '\u{f8}'..='\u{ff}')
}

/// `PLAIN_CAPITALS`: `\p{Lu}` among plain characters.
pub(crate) fn capital(c: char) -> bool {
    c.is_ascii_uppercase() || matches!(c, '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{de}')
}

/// `PLAIN_SMALL`: `\p{Ll}` among plain characters.
pub(crate) fn small(c: char) -> bool {
    c.is_ascii_lowercase() || matches!(c, '\u{b5}' | '\u{df}'..='\u{f6}' | '\u{f8}'..='\u{ff}')
}

/// `PLAIN_NUMBERS`: `\p{N}` among plain characters.
pub(crate) fn number(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '\u{b2}' | '\u{b3}' | '\u{b9}' | '\u{bc}'..='\u{be}')
}

/// An apostrophe, straight or curly.
fn apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The look-behind of `_PLAIN_TITLE`: whether the character before a capital keeps it from
/// starting a word (a letter, number, apostrophe, hyphen, period or one of "@/_#").
fn glued_before(c: char) -> bool {
    letter(c) || number(c) || matches!(c, '\'' | '’' | '-' | '\u{2010}' | '.' | '@' | '/' | '_' | '#')
}

/// The character at byte *i* of *s* (a character's start), if any.
fn char_at(s: &str, i: usize) -> Option<char> {
    s[i..].chars().next()
}

/// The look-ahead of `_PLAIN_TITLE` at byte *end*: whether what follows a capitalised word (with
/// its possessive) keeps it from being one (a letter, number, hyphen or one of "@/_", or an
/// apostrophe or period before a letter).
fn glued_after(s: &str, end: usize) -> bool {
    let mut after = s[end..].chars();
    let Some(c) = after.next() else { return false };
    let letter_next = after.next().is_some_and(letter);
    letter(c) || number(c) || matches!(c, '-' | '\u{2010}' | '@' | '/' | '_') || (apostrophe(c) || c == '.') && letter_next
}

/// `_PLAIN_TITLE.match(text, p)` on plain text *s* at byte *p*: the byte ends of the word
/// (group 1) and of the match (with its possessive "'s"), or None.
fn title_at(s: &str, p: usize) -> Option<(usize, usize)> {
    let first = char_at(s, p).filter(|&c| capital(c))?;
    if s[..p].chars().next_back().is_some_and(glued_before) {
        return None;
    }
    let rest = p + first.len_utf8();
    let word_end = rest + s[rest..].chars().take_while(|&c| small(c)).map(char::len_utf8).sum::<usize>();
    if word_end == rest {
        return None;
    }
    let mut after = s[word_end..].chars();
    let possessive = after.next().is_some_and(apostrophe) && after.next() == Some('s');
    let possessive_end = word_end + char_at(s, word_end).map_or(0, char::len_utf8) + 1;
    if possessive && !glued_after(s, possessive_end) {
        return Some((word_end, possessive_end));
    }
    // (without the "'s", or a "'s" before a letter: an apostrophe before a letter follows the word)
    (!glued_after(s, word_end)).then_some((word_end, word_end))
}

/// `word.lower()` of a capitalised word of plain text: its capital in lowercase (natively when it
/// is ASCII, else by Python's `str.lower`) and its small letters (`PLAIN_SMALL`, which
/// `str.lower` keeps).
fn lower<'py>(py: Python<'py>, word: &str) -> PyResult<Bound<'py, PyString>> {
    if word.as_bytes()[0].is_ascii() {
        let mut low = word.to_string();
        low[..1].make_ascii_lowercase();
        return Ok(PyString::new(py, &low));
    }
    PyString::new(py, word).call_method0(intern!(py, "lower"))?.downcast_into::<PyString>().map_err(Into::into)
}

/// A match of `_PLAIN_TITLE` (`_mid_sentence_candidates_py` keeps it): answers `start()`, `end()`,
/// `group()` and `m[n]` of its match and of group 1 (`W`, the word without its possessive),
/// all that the rule asks of one.
#[pyclass(frozen, module = "textlint_native")]
pub struct Title {
    start: usize,
    word_end: usize,
    end: usize,
    word: Py<PyString>,
    whole: Py<PyString>,
    after_name: bool,
    before_name: bool,
    settled: bool,
}

impl Title {
    /// Group *n*'s end and text (0: the match, 1: the word).
    fn group_of(&self, n: usize) -> PyResult<(usize, &Py<PyString>)> {
        match n {
            0 => Ok((self.end, &self.whole)),
            1 => Ok((self.word_end, &self.word)),
            _ => Err(PyIndexError::new_err("no such group")),
        }
    }
}

#[pymethods]
impl Title {
    /// `m.start(n)` (both groups start at the capital).
    #[pyo3(signature = (n = 0))]
    fn start(&self, n: usize) -> PyResult<usize> {
        self.group_of(n).map(|_| self.start)
    }

    /// `m.end(n)`.
    #[pyo3(signature = (n = 0))]
    fn end(&self, n: usize) -> PyResult<usize> {
        self.group_of(n).map(|(end, _)| end)
    }

    /// `m.group(n)`.
    #[pyo3(signature = (n = 0))]
    fn group(&self, py: Python<'_>, n: usize) -> PyResult<Py<PyString>> {
        self.group_of(n).map(|(_, text)| text.clone_ref(py))
    }

    /// `m[n]`.
    fn __getitem__(&self, py: Python<'_>, n: usize) -> PyResult<Py<PyString>> {
        self.group(py, n)
    }

    /// `_after_capitalised_word(text, m.start())` of the text the match was found in (asked of
    /// the compiled `capitalised_word_before`): worked out by the scan (`NameWords::after_name`).
    #[getter]
    fn after_capitalised_word(&self) -> bool {
        self.after_name
    }

    /// `_before_capitalised_word_py(text, m.start(), m.end())` of the text the match was found in:
    /// worked out by the scan (`NameWords::before_name`).
    #[getter]
    fn before_capitalised_word(&self) -> bool {
        self.before_name
    }

    /// `_settled_in_name_py(text, m)` of the text the match was found in: its `after_capitalised_word`
    /// with `_judged_by_left(m.group())`, or its `before_capitalised_word` with
    /// `_judged_by_right(m.group())` (worked out by the scan, `Judges::settled`).
    #[getter]
    fn settled_in_name(&self) -> bool {
        self.settled
    }
}

/// What `_after_capitalised_word` (textlint/checks/capitals.py) hands `capitalised_word_before`,
/// read into Rust once (`_NAME_WORDS`): the connectors, articles and words of a new phrase
/// (`_without_connectors`), how far back its window reaches (`NAME_REACH`, in code points) and
/// the word that is no name before another (`GREETING_ADJECTIVE`, lowercase); and the words
/// after which `_before_capitalised_word_py` settles nothing (`_VERB_BEFORE`, lowercase ASCII).
#[pyclass(frozen, module = "textlint_native")]
pub struct NameWords {
    connectors: Words,
    articles: Words,
    new_phrase: Words,
    reach: usize,
    greeting: String,
    verb_before: Words,
}

/// A few words, asked whether they hold one.
type Words = HashSet<String, FxBuild>;

#[pymethods]
impl NameWords {
    #[new]
    fn new(connectors: &Bound<'_, PyFrozenSet>, articles: &Bound<'_, PyFrozenSet>, new_phrase: &Bound<'_, PyFrozenSet>,
           reach: usize, greeting: String, verb_before: &Bound<'_, PyFrozenSet>) -> PyResult<Self> {
        let words = |set: &Bound<'_, PyFrozenSet>| -> PyResult<Words> { set.iter().map(|w| w.extract::<String>()).collect() };
        Ok(NameWords { connectors: words(connectors)?, articles: words(articles)?, new_phrase: words(new_phrase)?, reach, greeting,
                       verb_before: words(verb_before)? })
    }
}

impl NameWords {
    /// `_after_capitalised_word(text, start)` of the capital at byte *p* of *s*: the capitalised
    /// word before it in the `reach` code points before it (`capitalised_word_before`), other than
    /// "I" or the greeting's adjective (the word is ASCII: its lowercase is Rust's).
    fn after_name(&self, s: &str, p: usize) -> bool {
        let head = &s[..p];
        let from = if head.is_ascii() {
            p.saturating_sub(self.reach)
        } else {
            self.reach.checked_sub(1).and_then(|n| head.char_indices().rev().nth(n)).map_or(0, |(i, _)| i)
        };
        let window = &head[from..];
        let contains = |set: &Words, w: &str| Ok(set.contains(w));
        let word = match word_before(window) {
            Some(word) => Some(word),
            None => {
                let trimmed = without_connectors(window, |w| contains(&self.connectors, w), |w| contains(&self.articles, w),
                                                 |w| contains(&self.new_phrase, w))
                    .unwrap_or(window);
                if trimmed.len() < window.len() { word_before(trimmed) } else { None }
            }
        };
        word.is_some_and(|w| w != "I" && !w.eq_ignore_ascii_case(&self.greeting))
    }

    /// `_before_capitalised_word_py(text, start, end)` of the word at bytes [*p*, *end*) of *s*: a
    /// capital and an ASCII letter after spaces (`token_space`) within `reach` code points after
    /// it, and no token before it in its line that is or may be one of `verb_before` (a token
    /// space before a word of letters ends that token).
    fn before_name(&self, s: &str, p: usize, end: usize) -> bool {
        let mut after = s[end..].chars();
        let mut spaces = 0;
        let capital = loop {
            match after.next() {
                Some(c) if token_space(c) => spaces += 1,
                c => break c,
            }
        };
        if spaces + 1 >= self.reach || !capital.is_some_and(|c| c.is_ascii_uppercase())
            || !after.next().is_some_and(|c| c.is_ascii_alphabetic()) {
            return false;
        }
        let head = s[..p].trim_end_matches(token_space);
        let spaces = s[head.len()..p].chars().count();
        let last = match head.chars().next_back() {
            None | Some('\n') => return true, // no token before it in its line
            Some(c) if !c.is_ascii() || python_space(c) => return false,
            Some(c) if !c.is_ascii_alphabetic() => return true, // a mark or a digit
            Some(_) => head.as_bytes(),
        };
        let first = letters_before(last, last.len());
        if spaces + (last.len() - first) > self.reach || head[..first].chars().next_back().is_some_and(|c| !c.is_ascii() && !token_space(c)) {
            return false;
        }
        !self.verb_before.contains(&head[first..].to_ascii_lowercase())
    }
}

/// The white space `_before_capitalised_word_py` reads past (`_TOKEN_SPACES`), white space to
/// every token pattern.
fn token_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}')
}

/// `str.isspace` of an ASCII character.
fn python_space(c: char) -> bool {
    matches!(c, '\t'..='\r' | '\x1c'..='\x1f' | ' ')
}

/// What the scan knows of a capitalised word it met: *worth*'s judgement (None until a copy of
/// the word that may start no sentence asks it; then its text, and whether its lowercase form is
/// one of *house_nouns*, when it is worth a look), how many of its copies no capitalised word
/// follows, its matches that start no sentence so far, and *judged_by_left* and
/// *judged_by_right* of its form without a possessive once asked (`Judges::settled`).
#[derive(Default)]
struct Word {
    judged: Option<Option<(Py<PyString>, bool)>>,
    copies: usize,
    mid: Vec<Py<Title>>,
    by_left: Option<bool>,
    by_right: Option<bool>,
}

/// What `mid_sentence_candidates` asks of Python: *worth* (`_worth_a_look`) of a word's lowercase
/// form and whether *house_nouns* holds it, and *starts_sentence* of a match's start in *prose*,
/// where its character before does not decide; *copies_cap*, where the count of a house
/// noun's copies stops; and *judged_by_left*, *judged_by_right* (`_judged_by_left`,
/// `_judged_by_right`) of a match's text, where a capitalised word before or after it asks.
struct Judges<'a, 'py> {
    prose: &'a Bound<'py, PyString>,
    worth: &'a Bound<'py, PyAny>,
    house_nouns: &'a Bound<'py, PyFrozenSet>,
    copies_cap: usize,
    starts_sentence: &'a Bound<'py, PyAny>,
    name_words: &'a NameWords,
    judged_by_left: &'a Bound<'py, PyAny>,
    judged_by_right: &'a Bound<'py, PyAny>,
    worth_tables: Option<&'a WorthTables>,
}

impl Judges<'_, '_> {
    /// `_settled_in_name_py` of a match whose text is *whole* (*plain* when it has no possessive:
    /// the judgements of that form are kept in *word*, asked once), given its `after_name` and
    /// `before_name`: the judgements are asked only where a capitalised word stands next to it.
    fn settled(&self, word: &mut Word, whole: &Bound<'_, PyString>, plain: bool, after_name: bool, before_name: bool)
               -> PyResult<bool> {
        let ask = |judge: &Bound<'_, PyAny>, kept: &mut Option<bool>| -> PyResult<bool> {
            if let (true, Some(answer)) = (plain, *kept) {
                return Ok(answer);
            }
            let answer = judge.call1((whole,))?.is_truthy()?;
            if plain {
                *kept = Some(answer);
            }
            Ok(answer)
        };
        Ok(after_name && ask(self.judged_by_left, &mut word.by_left)?
            || before_name && ask(self.judged_by_right, &mut word.by_right)?)
    }
}

/// `_mid_sentence_candidates_py(doc)` of a document's plain *text* and its *prose*
/// (`Document.prose_text`), *worth* being `_worth_a_look` and *starts_sentence*
/// `.prose.starts_sentence`, *judged_by_left* and *judged_by_right* `_judged_by_left` and
/// `_judged_by_right`: each capitalised word (`_PLAIN_TITLE`) that *worth* finds worth a
/// look (of its lowercase form) with its matches that start no sentence of *prose*, if any, and,
/// for a word whose lowercase form is one of *house_nouns*, how many of all its matches no
/// capitalised word follows in *text* (`_NEXT_CAPITALISED`), up to *copies_cap*
/// (`HOUSE_STYLE_CAPITALS`; 0 for another), in the order of the
/// words' first copies; None when the text is not plain. A word is judged at its
/// first copy that may start no sentence (a word met only at sentence starts, never), a copy
/// after a word or a sentence's break is placed by that character, and *starts_sentence* places
/// the others of a word worth a look.
#[pyfunction]
#[pyo3(signature = (text, prose, worth, house_nouns, copies_cap, starts_sentence, name_words, judged_by_left, judged_by_right,
                    worth_tables))]
#[allow(clippy::too_many_arguments)] // (the rule's judges, as Python hands them)
pub fn mid_sentence_candidates<'py>(text: &Bound<'py, PyString>, prose: &Bound<'py, PyString>, worth: &Bound<'py, PyAny>,
                                    house_nouns: &Bound<'py, PyFrozenSet>, copies_cap: usize,
                                    starts_sentence: &Bound<'py, PyAny>, name_words: &Bound<'py, NameWords>,
                                    judged_by_left: &Bound<'py, PyAny>, judged_by_right: &Bound<'py, PyAny>,
                                    worth_tables: Option<Bound<'py, WorthTables>>)
                                    -> PyResult<Option<Bound<'py, PyDict>>> {
    let judges = Judges { prose, worth, house_nouns, copies_cap, starts_sentence, name_words: name_words.get(),
                          judged_by_left, judged_by_right, worth_tables: worth_tables.as_ref().map(Bound::get) };
    let (s, p) = (text.to_str()?, prose.to_str()?);
    if s.is_ascii() && p.is_ascii() {
        let place = |_, start: usize| if start <= p.len() { before(&p[..start]) } else { Before::Other };
        return candidates(&judges, s, place).map(Some);
    }
    if !s.chars().all(plain) {
        return Ok(None);
    }
    if prose.is(text) {
        return candidates(&judges, s, |byte, _| before(&s[..byte])).map(Some);
    }
    let code_points = CodePoints::new(p);
    candidates(&judges, s, |_, start| code_points.before(start)).map(Some)
}

/// The code point of a byte offset of a text, for offsets asked in increasing order: it counts
/// the code points from the offset asked last on (no vector of the text's characters).
struct CodePointCounter<'a> {
    text: &'a [u8],
    ascii: bool,
    byte: usize,
    code_point: usize,
}

impl<'a> CodePointCounter<'a> {
    fn new(text: &'a str) -> Self {
        CodePointCounter { text: text.as_bytes(), ascii: text.is_ascii(), byte: 0, code_point: 0 }
    }

    /// The code point at byte *byte* (no less than the one asked before).
    fn at(&mut self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        self.code_point += self.text[self.byte..byte].iter().filter(|&&b| b & 0xc0 != 0x80).count();
        self.byte = byte;
        self.code_point
    }
}

/// `mid_sentence_candidates` of plain text *s*, *place* telling what stands before a capital
/// of the prose (given its byte offset in *s* and its code point). The words are kept as slices
/// of the text (no string is made of a word met before), in a table sized for the distinct
/// capitalised words of a long article; the offsets given to Python are code points.
fn candidates<'py, 's, P>(judges: &Judges<'_, 'py>, s: &'s str, place: P) -> PyResult<Bound<'py, PyDict>>
where
    P: Fn(usize, usize) -> Before,
{
    let py = judges.worth.py();
    let mut seen: HashMap<&'s str, Word, FxBuild> = HashMap::with_capacity_and_hasher(DISTINCT_WORDS, FxBuild::default());
    let mut order: Vec<&'s str> = Vec::new(); // the words, in the order of their first copies
    let mut code_points = CodePointCounter::new(s);
    let mut p = next_capital(s, 0);
    while p < s.len() {
        let Some((word_end, end)) = title_at(s, p) else {
            p = next_capital(s, p + char_at(s, p).map_or(1, char::len_utf8));
            continue;
        };
        let key = &s[p..word_end];
        let word = seen.entry(key).or_insert_with(|| {
            order.push(key);
            Word::default()
        });
        word.copies += usize::from(!next_capitalised(s, word_end));
        let start = code_points.at(p);
        let placed = place(p, start);
        if !matches!(placed, Before::Start) && !matches!(word.judged, Some(None)) {
            if word.judged.is_none() {
                word.judged = Some(judged(py, key, judges)?);
            }
            if let Some(Some((text, _))) = &word.judged {
                let text = text.clone_ref(py);
                if matches!(placed, Before::Word) || !judges.starts_sentence.call1((judges.prose, start))?.is_truthy()? {
                    let whole = match end == word_end {
                        true => text.clone_ref(py),
                        false => PyString::new(py, &s[p..end]).unbind(),
                    };
                    let after_name = judges.name_words.after_name(s, p);
                    let before_name = judges.name_words.before_name(s, p, end);
                    let settled = judges.settled(word, whole.bind(py), end == word_end, after_name, before_name)?;
                    let (word_end, end) = (code_points.at(word_end), code_points.at(end));
                    word.mid.push(Py::new(py, Title { start, word_end, end, word: text, whole, after_name, before_name,
                                                      settled })?);
                }
            }
        }
        p = next_capital(s, end);
    }
    let found = PyDict::new(py);
    for key in order {
        if let Some(Word { judged: Some(Some((text, house_noun))), copies, mid, .. }) = seen.remove(key) {
            if !mid.is_empty() {
                found.set_item(text, (PyList::new(py, mid)?, if house_noun { copies.min(judges.copies_cap) } else { 0 }))?;
            }
        }
    }
    Ok(found)
}

/// `_NEXT_CAPITALISED.match(text, end)` on plain text *s* at byte *end*: spaces or no-break
/// spaces (one at least), then a capital.
fn next_capitalised(s: &str, end: usize) -> bool {
    let mut after = s[end..].chars().skip_while(|&c| matches!(c, ' ' | '\u{a0}'));
    let spaces = s[end..].starts_with([' ', '\u{a0}']);
    spaces && after.next().is_some_and(capital)
}

/// The byte offset of the first capital of *s* from byte *from* on (where a match of
/// `_PLAIN_TITLE` may start), or the end: the scan skips the other bytes in a tight loop (a
/// capital is an ASCII one, or one of Latin-1, whose UTF-8 starts with 0xc3).
fn next_capital(s: &str, from: usize) -> usize {
    let b = s.as_bytes();
    let mut i = from;
    while let Some(at) = first_capital_byte(&b[i..]) {
        i += at;
        if char_at(s, i).is_some_and(capital) {
            return i;
        }
        i += 1;
    }
    s.len()
}

/// The place of the first byte of *b* that is an ASCII capital or 0xc3 (where a capital of
/// Latin-1 starts), if any. Prose holds a capital every twenty bytes or so, so the bytes are
/// read eight at a time (`may_hold_capital`) up to the eight that hold one, then one by one.
fn first_capital_byte(b: &[u8]) -> Option<usize> {
    let mut i = 0;
    while let Some(eight) = b.get(i..i + 8) {
        if may_hold_capital(word_of(eight)) {
            break;
        }
        i += 8;
    }
    b[i..].iter().position(|&c| c.is_ascii_uppercase() || c == 0xc3).map(|at| i + at)
}

/// Whether one of the eight bytes of *word* is an ASCII capital or 0xc3.
fn may_hold_capital(word: u64) -> bool {
    bytes_between(word, b'A', b'Z') | bytes_equal(word, 0xc3) != 0
}

/// The distinct capitalised words a table is first sized for (a long article holds a few hundred).
const DISTINCT_WORDS: usize = 256;

/// The capitalised word *key* judged by `judges.worth` (of its lowercase form): its text, and
/// whether `judges.house_nouns` holds its lowercase form, when it is worth a look, else None.
fn judged(py: Python<'_>, word: &str, judges: &Judges<'_, '_>) -> PyResult<Option<(Py<PyString>, bool)>> {
    let settled = match (judges.worth_tables, word.is_ascii()) {
        (Some(tables), true) => tables.settled(py, &word.to_ascii_lowercase()),
        _ => None,
    };
    if settled == Some(false) {
        return Ok(None);
    }
    let low = lower(py, word)?;
    if settled.is_none() && !judges.worth.call1((&low,))?.is_truthy()? {
        return Ok(None);
    }
    Ok(Some((PyString::new(py, word).unbind(), judges.house_nouns.contains(low)?)))
}

/// A token of `_ASCII_WORDS` (`_tokens_py` finds its match): its text and span, asked as a match's
/// (`group()`, `start()`, `end()`, `span()`).
#[pyclass(frozen, module = "textlint_native")]
pub struct Token {
    text: Py<PyString>,
    start: usize,
    end: usize,
}

#[pymethods]
impl Token {
    /// `m.group()`: the token's text.
    fn group(&self, py: Python<'_>) -> Py<PyString> {
        self.text.clone_ref(py)
    }

    /// `m.start()`.
    fn start(&self) -> usize {
        self.start
    }

    /// `m.end()`.
    fn end(&self) -> usize {
        self.end
    }

    /// `m.span()`.
    fn span(&self) -> (usize, usize) {
        (self.start, self.end)
    }
}

/// The UTF-8 of a no-break space, the one character other than ASCII that `ascii_tokens` reads.
const NO_BREAK_SPACE: [u8; 2] = [0xc2, 0xa0];

/// Whether `_ASCII_WORDS` skips the ASCII character *c* (white space for `regex`).
fn space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' | b' ')
}

/// The end of the run of `[A-Za-z0-9]++(?:'[A-Za-z]++|)` that starts at *i* of *s*.
fn word_end(s: &[u8], i: usize) -> usize {
    let run = |from: usize, class: fn(&u8) -> bool| from + s[from..].iter().take_while(|c| class(c)).count();
    let end = run(i, u8::is_ascii_alphanumeric);
    if s.get(end) == Some(&b'\'') && s.get(end + 1).is_some_and(u8::is_ascii_alphabetic) {
        return run(end + 1, u8::is_ascii_alphabetic);
    }
    end
}

/// `_tokens_py(text, pos, endpos)` of a window `window = text[pos:endpos]` that is ASCII but for
/// no-break spaces: the matches of `_ASCII_WORDS` in it, as tokens with their offsets in *text*;
/// None for a window with another character.
#[pyfunction]
pub fn ascii_tokens<'py>(window: &Bound<'py, PyString>, pos: usize) -> PyResult<Option<Vec<Bound<'py, Token>>>> {
    let py = window.py();
    let s = window.to_str()?.as_bytes();
    let mut tokens = Vec::new();
    let (mut i, mut wide) = (0, 0); // a byte offset, and the bytes before it beyond one per character
    while i < s.len() {
        let end = match s[i] {
            c if space(c) => {
                i += 1;
                continue;
            }
            _ if s[i..].starts_with(&NO_BREAK_SPACE) => {
                (i, wide) = (i + 2, wide + 1);
                continue;
            }
            c if c.is_ascii_alphanumeric() => word_end(s, i),
            c if c.is_ascii() => i + 1,
            _ => return Ok(None),
        };
        // (ASCII from i to end)
        let text = PyString::new(py, std::str::from_utf8(&s[i..end])?).unbind();
        tokens.push(Bound::new(py, Token { text, start: pos + i - wide, end: pos + end - wide })?);
        i = end;
    }
    Ok(Some(tokens))
}

/// The white space `starts_sentence` skips back over (`_SPACE` of textlint/checks/prose.py), each
/// also white space that no token of `_WORDS` holds.
fn skipped_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{2009}' | '\u{202f}' | '\u{2007}' | '\r')
}

/// Where the run of `skipped_space` that ends at byte *end* of *s* starts.
fn spaces_before(s: &str, mut end: usize) -> usize {
    while let Some(c) = s[..end].chars().next_back().filter(|&c| skipped_space(c)) {
        end -= c.len_utf8();
    }
    end
}

/// Where the run of ASCII letters that ends at byte *end* of *s* starts.
fn letters_before(s: &[u8], end: usize) -> usize {
    end - s[..end].iter().rev().take_while(|c| c.is_ascii_alphabetic()).count()
}

/// The start of the apostrophe (straight or curly) that ends at byte *end* of *s*, if one does.
fn apostrophe_before(s: &str, end: usize) -> Option<usize> {
    s[..end].chars().next_back().filter(|&c| apostrophe(c)).map(|c| end - c.len_utf8())
}

/// `_PLAIN_LETTER_NAME.search(text) is not None` (textlint/checks/capitals.py) of plain *text*
/// (`Document.plain`): whether it holds a capital B to H or J to Z with no letter, number, period,
/// apostrophe or hyphen on either side (a capital letter used as a name of its own).
#[pyfunction]
pub fn letter_name(text: &Bound<'_, PyString>) -> PyResult<bool> {
    Ok(has_letter_name(text.to_str()?.chars()))
}

/// `letter_name` of the characters of plain text, read once in order (no copy of the text).
fn has_letter_name(chars: impl Iterator<Item = char>) -> bool {
    let joined = |c: &char| letter(*c) || number(*c) || matches!(c, '.' | '\'' | '’' | '-');
    let (mut chars, mut before) = (chars.peekable(), None);
    while let Some(c) = chars.next() {
        if matches!(c, 'B'..='H' | 'J'..='Z') && !before.as_ref().is_some_and(joined)
            && !chars.peek().is_some_and(joined) {
            return true;
        }
        before = Some(c);
    }
    false
}

/// `_capitalised_word_before_py(window)` (textlint/checks/capitals.py): the capitalised word of
/// ASCII letters (perhaps with an apostrophe and more letters: "O'Neill") that ends *window*
/// before white space, with white space and an ASCII letter before it, or that ends it so before
/// the connectors `_without_connectors` trims (up to two words of *connectors*, each before white
/// space, the second not one of *new_phrase* after one of *articles*); None when neither does.
#[pyfunction]
pub fn capitalised_word_before<'py>(window: &Bound<'py, PyString>, connectors: &Bound<'py, PyFrozenSet>,
                                    articles: &Bound<'py, PyFrozenSet>, new_phrase: &Bound<'py, PyFrozenSet>)
                                    -> PyResult<Option<Bound<'py, PyString>>> {
    let s = window.to_str()?;
    let word = match word_before(s) {
        Some(word) => Some(word),
        None => {
            let head = without_connectors(s, |w| connectors.contains(w), |w| articles.contains(w), |w| new_phrase.contains(w))?;
            if head.len() < s.len() { word_before(head) } else { None }
        }
    };
    Ok(word.map(|word| PyString::new(window.py(), word)))
}

/// `_without_connectors(window)` of the text *s*: *s* without the words of *connectors* (up to
/// two, each before white space) at its end; not without one of *new_phrase* before one of
/// *articles* (the nearest first), where no name runs on. (Each of the three tells whether a
/// word is one of its list: a frozenset's, or a set read from one.)
fn without_connectors<C, A, N>(mut s: &str, connectors: C, articles: A, new_phrase: N) -> PyResult<&str>
where
    C: Fn(&str) -> PyResult<bool>,
    A: Fn(&str) -> PyResult<bool>,
    N: Fn(&str) -> PyResult<bool>,
{
    let mut first: Option<&str> = None; // the first word skipped
    for _ in 0..2 {
        let head = spaces_before(s, s.len());
        if head == s.len() {
            break;
        }
        let cut = letters_before(s.as_bytes(), head);
        let word = &s[cut..head];
        if !connectors(word)? {
            break;
        }
        if let Some(first) = first {
            if articles(first)? && new_phrase(word)? {
                break;
            }
        }
        first = first.or(Some(word));
        s = &s[..cut];
    }
    Ok(s)
}

/// `capitalised_word_before` of the text *s*.
fn word_before(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let end = spaces_before(s, s.len());
    let mut start = letters_before(b, end);
    if end == s.len() || start == end {
        return None;
    }
    if let Some(apostrophe) = apostrophe_before(s, start) {
        start = letters_before(b, apostrophe);
        if start == apostrophe {
            return None;
        }
    }
    // white space and a letter before the word (a letter straight before it would be part of it)
    let gap = spaces_before(s, start);
    (b[start].is_ascii_uppercase() && gap > 0 && b[gap - 1].is_ascii_alphabetic()).then(|| &s[start..end])
}

/// How the characters before a word place it: the answers of `starts_sentence`
/// (textlint/checks/prose.py) of its common cases, which look back over no more than white
/// space, closing quotes and brackets and what stands before them.
enum Before {
    /// Mid-sentence (`starts_sentence` is false): after a word, a comma, a number.
    Word,
    /// A sentence starts (`starts_sentence` is true): at the start of the text or a line, after a
    /// sentence's break (`SENTENCE_BREAK`, perhaps closed by quotes or brackets), an opening
    /// quote or bracket, a bullet or a dash.
    Start,
    /// Anything else (a task list's box, a list marker, a symbol): `starts_sentence` decides.
    Other,
}

/// What stands before the end of *s*.
fn before(s: &str) -> Before {
    placed_after(s.chars().rev())
}

/// The nearest of *preceding* that is not white space `starts_sentence` skips, and whether it
/// stands right after the character read before (no white space between).
fn previous(preceding: &mut impl Iterator<Item = char>) -> Option<(char, bool)> {
    let mut adjacent = true;
    for c in preceding {
        if !skipped_space(c) {
            return Some((c, adjacent));
        }
        adjacent = false;
    }
    None
}

/// `SENTENCE_BREAK`, or a newline: a character after which a sentence starts.
fn sentence_break(c: char) -> bool {
    matches!(c, '\n' | '.' | '!' | '?' | '…' | ':' | ';')
}

/// `OPENERS` or `BULLETS` of textlint/checks/prose.py: a sentence starts after one.
fn opener_or_bullet(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '„' | '‹' | '(' | '[' | '{' | '`' | '<'
                | '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '•' | '·' | '*' | '>' | '▪' | '◦' | '|' | '#' | '=')
}

/// `CLOSERS` of textlint/checks/prose.py, or Markdown's `_EMPHASIS_CLOSER`: looked behind.
fn closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '_')
}

/// Whether `starts_sentence` asks no more of *c* than whether it is an ASCII digit: ASCII but for
/// the mathematical symbols of `_SYMBOL` ("+", "~"), or a plain letter (no symbol, no digit).
fn ordinary(c: char) -> bool {
    c.is_ascii() && !matches!(c, '+' | '~') || letter(c)
}

/// What stands before a word whose preceding characters, nearest first, are *preceding*:
/// `starts_sentence(text, pos)` (with *openers*) where it decides by them alone.
fn placed_after(mut preceding: impl Iterator<Item = char>) -> Before {
    let Some((c, _)) = previous(&mut preceding) else {
        return Before::Start;
    };
    match c {
        _ if c.is_ascii_alphabetic() => Before::Word,
        _ if sentence_break(c) || opener_or_bullet(c) => Before::Start,
        ')' | ']' => Before::Other,
        _ if closer(c) => after_closers(c, preceding),
        _ if ordinary(c) => Before::Word, // (an ASCII digit here stands before white space or the word)
        _ => Before::Other,
    }
}

/// `starts_sentence`'s look behind the closer *last* (nearest first, the characters before it
/// are *preceding*): a sentence starts after a sentence's break so closed, or a list's number
/// ("3)"), and not after anything else but a digit or symbol it leaves to Python.
fn after_closers(mut last: char, mut preceding: impl Iterator<Item = char>) -> Before {
    loop {
        let Some((c, adjacent)) = previous(&mut preceding) else {
            return Before::Start;
        };
        match c {
            _ if sentence_break(c) => return Before::Start,
            _ if closer(c) => last = c,
            _ if c.is_ascii_digit() => return if adjacent && last == ')' { Before::Start } else { Before::Word },
            _ if c.is_ascii() || letter(c) => return Before::Word,
            _ => return Before::Other,
        }
    }
}

/// Code points of text beyond ASCII found by their index without a vector of them all (a few
/// matches a text are asked about): the byte offset of every `CODE_POINT_STEP`-th code point.
struct CodePoints<'a> {
    text: &'a str,
    marks: Vec<usize>,
    len: usize,
}

/// How many code points apart `CodePoints` marks their offsets.
const CODE_POINT_STEP: usize = 64;

impl<'a> CodePoints<'a> {
    fn new(text: &'a str) -> Self {
        let mut marks = Vec::with_capacity(text.len() / CODE_POINT_STEP + 1);
        let mut len = 0;
        for (i, &b) in text.as_bytes().iter().enumerate() {
            if b & 0xc0 != 0x80 {
                if len % CODE_POINT_STEP == 0 {
                    marks.push(i);
                }
                len += 1;
            }
        }
        CodePoints { text, marks, len }
    }

    /// `before` of the code point *start* (past the end: `Before::Other`).
    fn before(&self, start: usize) -> Before {
        if start > self.len {
            return Before::Other;
        }
        let offset = match self.marks.get(start / CODE_POINT_STEP) {
            Some(&mark) => self.text[mark..].char_indices().nth(start % CODE_POINT_STEP).map_or(self.text.len(), |(i, _)| mark + i),
            None => self.text.len(),
        };
        placed_after(self.text[..offset].chars().rev())
    }
}

#[cfg(test)]
mod tests {
    use super::first_capital_byte;

    #[test]
    fn the_first_capital_byte_is_the_one_a_byte_by_byte_scan_finds() {
        let one_by_one = |b: &[u8]| b.iter().position(|&c| c.is_ascii_uppercase() || c == 0xc3);
        for special in 0..=255u8 {
            for place in 0..20 {
                for filler in [b'a', b'z', b' ', 0x80, 0xc2, 0xff, b'@', b'['] {
                    let mut bytes = [filler; 19];
                    if place < bytes.len() {
                        bytes[place] = special;
                    }
                    for start in 0..3 {
                        assert_eq!(first_capital_byte(&bytes[start..]), one_by_one(&bytes[start..]),
                                   "{special:#x} at {place} in {filler:#x} from {start}");
                    }
                }
            }
        }
    }
}
