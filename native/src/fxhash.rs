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
        let tail = words.remainder().iter().fold(0, |n, &b| n << 8 | u64::from(b));
        self.write_u64(tail);
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
