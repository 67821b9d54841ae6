//! FxHash (rustc's hash) for tables keyed by short slices of a text: a rotate, a xor and a
//! multiply a word, where the standard SipHash costs several rounds a key.

use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap`'s hasher of FxHash.
pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;

/// FxHash (rustc's): the keys are short slices of the text, hashed many times each.
#[derive(Default)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            self.write_u64(u64::from_le_bytes(word.try_into().expect("eight bytes")));
        }
        self.write_u64(big_endian(words.remainder()));
    }

    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The bytes of *tail* (fewer than eight) read as one big-endian number, as
/// `tail.iter().fold(0, |n, &b| n << 8 | u64::from(b))` reads them, in two loads (overlapping:
/// a byte read twice lands in the same place both times) in place of a step for each byte.
fn big_endian(tail: &[u8]) -> u64 {
    let n = tail.len();
    match n {
        4.. => u64::from(u32::from_be_bytes(tail[..4].try_into().expect("four bytes"))) << (8 * (n - 4))
            | u64::from(u32::from_be_bytes(tail[n - 4..].try_into().expect("four bytes"))),
        2.. => u64::from(u16::from_be_bytes(tail[..2].try_into().expect("two bytes"))) << (8 * (n - 2))
            | u64::from(u16::from_be_bytes(tail[n - 2..].try_into().expect("two bytes"))),
        1 => u64::from(tail[0]),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::big_endian;

    #[test]
    fn big_endian_reads_as_the_fold_does() {
        let bytes: Vec<u8> = (0..8u8).map(|b| b.wrapping_mul(37).wrapping_add(200)).collect();
        for n in 0..8 {
            let tail = &bytes[..n];
            assert_eq!(big_endian(tail), tail.iter().fold(0, |m, &b| m << 8 | u64::from(b)), "{n} bytes");
        }
    }
}
