//! Eight bytes told at once in a `u64` (the "bit twiddling" of byte scans): each test gives the
//! high bit of each byte that passes, and no carry crosses from one byte into the next.

/// Each byte's high bit.
pub const HIGH: u64 = 0x8080_8080_8080_8080;
/// Each byte's value 1.
pub const ONES: u64 = 0x0101_0101_0101_0101;

/// The eight bytes of *bytes* (exactly eight) as one word, the first byte lowest.
pub fn word_of(bytes: &[u8]) -> u64 {
    u64::from_le_bytes(bytes.try_into().expect("eight bytes"))
}

/// The high bit of each byte of *word* that is 0.
pub fn zero_bytes(word: u64) -> u64 {
    !(((word & !HIGH) + !HIGH) | word) & HIGH
}

/// The high bit of each byte of *word* that is *byte*.
pub fn bytes_equal(word: u64, byte: u8) -> u64 {
    zero_bytes(word ^ (ONES * u64::from(byte)))
}

/// The high bit of each byte of *word* from *lo* to *hi* (ASCII, 0 < lo ≤ hi < 0x7f): the low
/// seven bits plus at most 0x7f stay below 0x100, so the sums tell, by their high bits, whether
/// they reach *lo* and whether they pass *hi*; a byte with its high bit set is beyond ASCII.
pub fn bytes_between(word: u64, lo: u8, hi: u8) -> u64 {
    let low = word & !HIGH;
    let from_lo = low + ONES * u64::from(0x80 - lo);
    let past_hi = low + ONES * u64::from(0x7f - hi);
    from_lo & !past_hi & !word & HIGH
}

#[cfg(test)]
mod tests {
    use super::{bytes_between, bytes_equal, zero_bytes, ONES};

    /// The high bit of byte *k* of the answer, for the word of eight copies of *b* with *other*
    /// at byte *k*.
    fn told(test: impl Fn(u64) -> u64, b: u8, other: u8, k: usize) -> bool {
        let mut bytes = [b; 8];
        bytes[k] = other;
        test(u64::from_le_bytes(bytes)) >> (8 * k + 7) & 1 == 1
    }

    #[test]
    fn each_byte_is_told_as_one_by_one() {
        for b in 0..=255u8 {
            for other in [0u8, b'A', b'Z', b'a', 0x7f, 0x80, 0xc3, 0xff] {
                for k in 0..8 {
                    assert_eq!(told(zero_bytes, other, b, k), b == 0, "{b:#x} among {other:#x}");
                    assert_eq!(told(|w| bytes_equal(w, 0xc3), other, b, k), b == 0xc3);
                    assert_eq!(told(|w| bytes_between(w, b'A', b'Z'), other, b, k), b.is_ascii_uppercase());
                    assert_eq!(told(|w| bytes_between(w, b'a', b'z'), other, b, k), b.is_ascii_lowercase());
                }
            }
        }
        assert_eq!(bytes_equal(ONES * 0xc3, 0xc3), super::HIGH);
    }
}
