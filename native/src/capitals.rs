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

use std::collections::HashMap;

use pyo3::exceptions::PyIndexError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFrozenSet, PyList, PyString};

use crate::fxhash::FxBuild;

/// Adds the functions of this file to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(mid_sentence_candidates, m)?)?;
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

/// The character at *i* of the text (its code points: bytes of ASCII text, else chars), if any.
fn char_at<C: Copy + Into<char>>(chars: &[C], i: usize) -> Option<char> {
    chars.get(i).map(|&c| c.into())
}

/// The look-ahead of `_PLAIN_TITLE` at *end*: whether what follows a capitalised word (with
/// its possessive) keeps it from being one (a letter, number, hyphen or one of "@/_", or an
/// apostrophe or period before a letter).
fn glued_after<C: Copy + Into<char>>(chars: &[C], end: usize) -> bool {
    let Some(c) = char_at(chars, end) else { return false };
    let letter_next = char_at(chars, end + 1).is_some_and(letter);
    letter(c) || number(c) || matches!(c, '-' | '\u{2010}' | '@' | '/' | '_') || (apostrophe(c) || c == '.') && letter_next
}

/// `_PLAIN_TITLE.match(text, p)` on the characters of plain text: the ends of the word (group 1)
/// and of the match (with its possessive "'s"), or None.
fn title_at<C: Copy + Into<char>>(chars: &[C], p: usize) -> Option<(usize, usize)> {
    if !capital(chars[p].into()) || p > 0 && glued_before(chars[p - 1].into()) {
        return None;
    }
    let word_end = p + 1 + chars[p + 1..].iter().take_while(|&&c| small(c.into())).count();
    if word_end == p + 1 {
        return None;
    }
    let possessive = char_at(chars, word_end).is_some_and(apostrophe) && char_at(chars, word_end + 1) == Some('s');
    if possessive && !glued_after(chars, word_end + 2) {
        return Some((word_end, word_end + 2));
    }
    // (without the "'s", or a "'s" before a letter: an apostrophe before a letter follows the word)
    (!glued_after(chars, word_end)).then_some((word_end, word_end))
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
}

/// What the scan knows of a capitalised word it met: *worth*'s judgement (None until a copy of
/// the word that may start no sentence asks it; then its text, and whether its lowercase form is
/// one of *house_nouns*, when it is worth a look), how many of its copies no capitalised word
/// follows, and its matches that start no sentence so far.
#[derive(Default)]
struct Word {
    judged: Option<Option<(Py<PyString>, bool)>>,
    copies: usize,
    mid: Vec<Py<Title>>,
}

/// What `mid_sentence_candidates` asks of Python: *worth* (`_worth_a_look`) of a word's lowercase
/// form and whether *house_nouns* holds it, and *starts_sentence* of a match's start in *prose*,
/// where its character before does not decide; and *copies_cap*, where the count of a house
/// noun's copies stops.
struct Judges<'a, 'py> {
    prose: &'a Bound<'py, PyString>,
    worth: &'a Bound<'py, PyAny>,
    house_nouns: &'a Bound<'py, PyFrozenSet>,
    copies_cap: usize,
    starts_sentence: &'a Bound<'py, PyAny>,
}

/// `_mid_sentence_candidates_py(doc)` of a document's plain *text* and its *prose*
/// (`Document.prose_text`), *worth* being `_worth_a_look` and *starts_sentence*
/// `.prose.starts_sentence`: each capitalised word (`_PLAIN_TITLE`) that *worth* finds worth a
/// look (of its lowercase form) with its matches that start no sentence of *prose*, if any, and,
/// for a word whose lowercase form is one of *house_nouns*, how many of all its matches no
/// capitalised word follows in *text* (`_NEXT_CAPITALISED`), up to *copies_cap*
/// (`HOUSE_STYLE_CAPITALS`; 0 for another), in the order of the
/// words' first copies; None when the text is not plain. A word is judged at its
/// first copy that may start no sentence (a word met only at sentence starts, never), a copy
/// after a word or a sentence's break is placed by that character, and *starts_sentence* places
/// the others of a word worth a look.
#[pyfunction]
pub fn mid_sentence_candidates<'py>(text: &Bound<'py, PyString>, prose: &Bound<'py, PyString>, worth: &Bound<'py, PyAny>,
                                    house_nouns: &Bound<'py, PyFrozenSet>, copies_cap: usize,
                                    starts_sentence: &Bound<'py, PyAny>)
                                    -> PyResult<Option<Bound<'py, PyDict>>> {
    let judges = Judges { prose, worth, house_nouns, copies_cap, starts_sentence };
    let (s, p) = (text.to_str()?, prose.to_str()?);
    if s.is_ascii() && p.is_ascii() {
        let bytes = p.as_bytes();
        let place = |start| if start <= bytes.len() { before(bytes, start) } else { Before::Other };
        return candidates(&judges, s.as_bytes(), place).map(Some);
    }
    let chars: Vec<char> = s.chars().collect();
    if !chars.iter().all(|&c| plain(c)) {
        return Ok(None);
    }
    if prose.is(text) {
        return candidates(&judges, &chars, |start| before(&chars, start)).map(Some);
    }
    let code_points = CodePoints::new(p);
    candidates(&judges, &chars, |start| code_points.before(start)).map(Some)
}

/// `mid_sentence_candidates` of plain text, as its code points, *place* telling what stands
/// before a code point of the prose. The words are kept as slices of the text (no string is made
/// of a word met before), in a table sized for the distinct capitalised words of a long article.
fn candidates<'py, C, P>(judges: &Judges<'_, 'py>, chars: &[C], place: P) -> PyResult<Bound<'py, PyDict>>
where
    C: Copy + Into<char> + Eq + std::hash::Hash,
    P: Fn(usize) -> Before,
{
    let py = judges.worth.py();
    let mut seen: HashMap<&[C], Word, FxBuild> = HashMap::with_capacity_and_hasher(DISTINCT_WORDS, FxBuild::default());
    let mut order: Vec<&[C]> = Vec::new(); // the words, in the order of their first copies
    let mut p = next_capital(chars, 0);
    while p < chars.len() {
        let Some((word_end, end)) = title_at(chars, p) else {
            p = next_capital(chars, p + 1);
            continue;
        };
        let key = &chars[p..word_end];
        let word = seen.entry(key).or_insert_with(|| {
            order.push(key);
            Word::default()
        });
        word.copies += usize::from(!next_capitalised(chars, word_end));
        let placed = place(p);
        if !matches!(placed, Before::Start) && !matches!(word.judged, Some(None)) {
            if word.judged.is_none() {
                word.judged = Some(judged(py, key, judges)?);
            }
            if let Some(Some((text, _))) = &word.judged {
                if matches!(placed, Before::Word) || !judges.starts_sentence.call1((judges.prose, p))?.is_truthy()? {
                    let whole = match end == word_end {
                        true => text.clone_ref(py),
                        false => PyString::new(py, &text_of(&chars[p..end])).unbind(),
                    };
                    word.mid.push(Py::new(py, Title { start: p, word_end, end, word: text.clone_ref(py), whole })?);
                }
            }
        }
        p = next_capital(chars, end);
    }
    let found = PyDict::new(py);
    for key in order {
        if let Some(Word { judged: Some(Some((text, house_noun))), copies, mid }) = seen.remove(key) {
            if !mid.is_empty() {
                found.set_item(text, (PyList::new(py, mid)?, if house_noun { copies.min(judges.copies_cap) } else { 0 }))?;
            }
        }
    }
    Ok(found)
}

/// `_NEXT_CAPITALISED.match(text, end)` on the characters of plain text: spaces or no-break spaces
/// (one at least), then a capital.
fn next_capitalised<C: Copy + Into<char>>(chars: &[C], end: usize) -> bool {
    let spaces = chars[end..].iter().take_while(|&&c| matches!(c.into(), ' ' | '\u{a0}')).count();
    spaces > 0 && char_at(chars, end + spaces).is_some_and(capital)
}

/// The first capital of *chars* from *from* on (where a match of `_PLAIN_TITLE` may start), or
/// the end: the scan skips the other characters in a tight loop.
fn next_capital<C: Copy + Into<char>>(chars: &[C], from: usize) -> usize {
    chars[from..].iter().position(|&c| capital(c.into())).map_or(chars.len(), |i| from + i)
}

/// The distinct capitalised words a table is first sized for (a long article holds a few hundred).
const DISTINCT_WORDS: usize = 256;

/// The text of some code points.
fn text_of<C: Copy + Into<char>>(chars: &[C]) -> String {
    chars.iter().map(|&c| c.into()).collect()
}

/// The capitalised word *key* judged by `judges.worth` (of its lowercase form): its text, and
/// whether `judges.house_nouns` holds its lowercase form, when it is worth a look, else None.
fn judged<C: Copy + Into<char>>(py: Python<'_>, key: &[C], judges: &Judges<'_, '_>) -> PyResult<Option<(Py<PyString>, bool)>> {
    let word = text_of(key);
    let low = lower(py, &word)?;
    if !judges.worth.call1((&low,))?.is_truthy()? {
        return Ok(None);
    }
    Ok(Some((PyString::new(py, &word).unbind(), judges.house_nouns.contains(low)?)))
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
            let head = without_connectors(s, connectors, articles, new_phrase)?;
            if head.len() < s.len() { word_before(head) } else { None }
        }
    };
    Ok(word.map(|word| PyString::new(window.py(), word)))
}

/// `_without_connectors(window)` of the text *s*: *s* without the words of *connectors* (up to
/// two, each before white space) at its end; not without one of *new_phrase* before one of
/// *articles* (the nearest first), where no name runs on.
fn without_connectors<'a>(mut s: &'a str, connectors: &Bound<'_, PyFrozenSet>, articles: &Bound<'_, PyFrozenSet>,
                          new_phrase: &Bound<'_, PyFrozenSet>) -> PyResult<&'a str> {
    let mut first: Option<&str> = None; // the first word skipped
    for _ in 0..2 {
        let head = spaces_before(s, s.len());
        if head == s.len() {
            break;
        }
        let cut = letters_before(s.as_bytes(), head);
        let word = &s[cut..head];
        if !connectors.contains(word)? {
            break;
        }
        if let Some(first) = first {
            if articles.contains(first)? && new_phrase.contains(word)? {
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

/// How the character before a word (past the white space `starts_sentence` skips) places it: the
/// answers of `starts_sentence` (textlint/checks/prose.py) that need no more than that character.
enum Before {
    /// After a word: mid-sentence.
    Word,
    /// At the start of the text or a line, or after a sentence's break (`SENTENCE_BREAK`).
    Start,
    /// Anything else: `starts_sentence` decides.
    Other,
}

/// What stands before the code point *start* of *chars*.
fn before<C: Copy + Into<char>>(chars: &[C], start: usize) -> Before {
    placed_after(chars[..start].iter().rev().map(|&c| c.into()))
}

/// What stands before a word whose preceding characters, nearest first, are *preceding*.
fn placed_after(mut preceding: impl Iterator<Item = char>) -> Before {
    let Some(c) = preceding.find(|&c| !skipped_space(c)) else {
        return Before::Start;
    };
    match c {
        _ if c.is_ascii_alphabetic() => Before::Word,
        '\n' | '.' | '!' | '?' | '…' | ':' | ';' => Before::Start,
        _ => Before::Other,
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
