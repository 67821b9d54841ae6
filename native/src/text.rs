//! Python's string predicates, exactly, on ASCII text (bytes, which index as code points do).
//!
//! Outside ASCII, Python's `str.isupper`/`str.islower`/`str.lower` differ from Rust's `char`
//! methods (titlecase letters, final sigma, "İ".lower() is two code points): a caller with text
//! that is not ASCII asks Python instead (or hands the whole call back to its Python twin).

/// `c.isupper()` of one ASCII character.
pub fn is_upper(c: u8) -> bool {
    c.is_ascii_uppercase()
}

/// `c.islower()` of one ASCII character.
pub fn is_lower(c: u8) -> bool {
    c.is_ascii_lowercase()
}

/// `s.isupper()` of ASCII text: some capital and no lowercase letter.
pub fn isupper(s: &[u8]) -> bool {
    s.iter().any(|&c| is_upper(c)) && !s.iter().any(|&c| is_lower(c))
}

/// `s.islower()` of ASCII text: some lowercase letter and no capital.
pub fn islower(s: &[u8]) -> bool {
    s.iter().any(|&c| is_lower(c)) && !s.iter().any(|&c| is_upper(c))
}

/// `s.isalpha()` of ASCII text: some character, each a letter.
pub fn isalpha(s: &[u8]) -> bool {
    !s.is_empty() && s.iter().all(u8::is_ascii_alphabetic)
}

/// `textlint.checks.spacing.model.camel_seam(s, p)` of ASCII text: whether position *p* of *s*
/// is a lowercase→uppercase seam ("CubaPutin", "UNSecurity").
pub fn camel_seam(s: &[u8], p: usize) -> bool {
    if !(0 < p && p < s.len() && is_upper(s[p])) {
        return false;
    }
    // (Python's `s[:p - 1] or s[p - 1]`: the capitals before the one before p, or that one)
    let before = if p > 1 { &s[..p - 1] } else { &s[p - 1..p] };
    is_lower(s[p - 1])
        || (is_upper(s[p - 1])
            && p + 1 < s.len()
            && is_lower(s[p + 1])
            && before.iter().any(|&c| is_upper(c)))
}
