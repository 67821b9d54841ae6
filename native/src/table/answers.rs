//! A bounded cache of a compiled table's answers (`LexiconTable`), by key: a read of the table
//! in place is 4-5 dependent loads that miss the processor's caches (its bucket's start, the
//! slot, the key's offset, the key, the value), an answer kept here one.
//!
//! [`Answers<W>`] keeps the answers (present and absent alike) of the keys of up to
//! [`Answers::KEY_BYTES`] UTF-8 bytes (`8 W - 3`), each inline in an entry of `W` words, in a
//! table of open addressing (linear probing) that doubles up to [`MAX_BYTES`] and then keeps
//! what it holds: memory stays bounded however long the text. An answer kept is the read's
//! answer: the table's buffers do not change (the cache file is mapped read-only; and
//! `Table.get`, the Python twin, keeps every answer it read too, in `Table._answers`).

use super::pages::{prefetch, Entries};

/// The first table holds `1 << FIRST_BITS` entries.
const FIRST_BITS: u32 = 10;
/// The largest table, in bytes (4 MB); half full, it keeps no more answers.
const MAX_BYTES: usize = 1 << 22;
/// FxHash's multiplier (rustc's hash).
const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// The state byte of an entry (its last word's byte 5, after the key's last bytes): 0 for an
/// empty entry, else [`USED`] | the key's length, and [`ABSENT`] when the table lacks the key.
const USED: u64 = 0x40;
const ABSENT: u64 = 0x80;
const STATE_SHIFT: u32 = 40;
/// The bits of an entry's last word that name its key: the key's last bytes, its length and
/// [`USED`] (not [`ABSENT`] nor the value).
const KEY_MASK: u64 = (1 << (STATE_SHIFT + 7)) - 1;
/// The value (i16) is the last word's top two bytes.
const VALUE_SHIFT: u32 = 48;

/// An entry: the key's UTF-8 bytes (zero after its end), the state byte and the value, as `W`
/// little-endian words; a key asked, without the answer, with its hash.
#[derive(Clone, Copy)]
pub struct Probe<const W: usize> {
    words: [u64; W],
    hash: u64,
}

/// The answers kept: `Some(answer)` of a key asked before (`answer` None when the table lacks
/// it), None of one not kept.
pub struct Answers<const W: usize> {
    entries: Entries<[u64; W]>,
    bits: u32,
    len: usize,
}

impl<const W: usize> Default for Answers<W> {
    fn default() -> Self {
        Answers { entries: Entries::zeroed(0, [0; W]), bits: 0, len: 0 }
    }
}

impl<const W: usize> Answers<W> {
    /// The longest key kept, in UTF-8 bytes.
    pub const KEY_BYTES: usize = 8 * W - 3;

    /// The probe of *key*, None when it is too long to be kept.
    pub fn probe(key: &[u8]) -> Option<Probe<W>> {
        if key.len() > Self::KEY_BYTES {
            return None;
        }
        let mut words = [0u64; W];
        for (i, word) in words.iter_mut().enumerate() {
            let rest = &key[(8 * i).min(key.len())..];
            match rest.first_chunk::<8>() {
                Some(whole) => *word = u64::from_le_bytes(*whole),
                None => {
                    if !rest.is_empty() {
                        *word = tail_word(rest);
                    }
                    break;
                }
            }
        }
        words[W - 1] |= (USED | key.len() as u64) << STATE_SHIFT;
        Some(Probe { words, hash: hash(&words) })
    }

    /// The answer kept for the key of *probe*.
    pub fn get(&self, probe: &Probe<W>) -> Option<Option<i16>> {
        let entries: &[[u64; W]] = &self.entries;
        if entries.is_empty() {
            return None;
        }
        let mask = entries.len() - 1;
        let mut at = self.home(probe.hash);
        loop {
            let entry = &entries[at];
            if entry[W - 1] == 0 {
                return None;
            }
            if names(entry, &probe.words) {
                return Some(answer(entry));
            }
            at = (at + 1) & mask;
        }
    }

    /// Start loading the entry where the key of *probe* is looked for first.
    pub fn prefetch(&self, probe: &Probe<W>) {
        if !self.entries.is_empty() {
            prefetch(&self.entries[self.home(probe.hash)]);
        }
    }

    /// Keep *answer* for the key of *probe* (not kept yet), unless the table is full.
    pub fn insert(&mut self, probe: &Probe<W>, answer: Option<i16>) {
        if 2 * (self.len + 1) > self.entries.len() && !self.grow() {
            return;
        }
        let mut entry = probe.words;
        entry[W - 1] |= match answer {
            Some(value) => (value as u16 as u64) << VALUE_SHIFT,
            None => ABSENT << STATE_SHIFT,
        };
        self.put(entry, probe.hash);
        self.len += 1;
    }

    /// The number of answers kept.
    pub fn len(&self) -> usize {
        self.len
    }

    /// The entry where a key of *hash* is looked for first (the hash's top bits).
    fn home(&self, hash: u64) -> usize {
        (hash >> (64 - self.bits)) as usize
    }

    /// Double the table (false at its largest: it keeps no more answers).
    fn grow(&mut self) -> bool {
        let bits = if self.entries.is_empty() { FIRST_BITS } else { self.bits + 1 };
        if (8 * W) << bits > MAX_BYTES {
            return false;
        }
        let old = std::mem::replace(&mut self.entries, Entries::zeroed(1 << bits, [0; W]));
        self.bits = bits;
        for &entry in old.iter().filter(|e| e[W - 1] != 0) {
            let mut words = entry;
            words[W - 1] &= KEY_MASK;
            self.put(entry, hash(&words));
        }
        true
    }

    /// Put *entry* (of a key not in the table) in the first free entry from its hash's home.
    fn put(&mut self, entry: [u64; W], hash: u64) {
        let mask = self.entries.len() - 1;
        let mut at = self.home(hash);
        while self.entries[at][W - 1] != 0 {
            at = (at + 1) & mask;
        }
        self.entries[at] = entry;
    }
}

/// Whether *entry* keeps the answer of the key of a probe's *words*.
fn names<const W: usize>(entry: &[u64; W], words: &[u64; W]) -> bool {
    (0..W - 1).all(|i| entry[i] == words[i]) && entry[W - 1] & KEY_MASK == words[W - 1]
}

/// The little-endian word of a key's last 1-7 bytes (zero above them), read in two loads that
/// may overlap rather than byte by byte or through a copy.
fn tail_word(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    if n >= 4 {
        let low = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as u64;
        let high = u32::from_le_bytes([bytes[n - 4], bytes[n - 3], bytes[n - 2], bytes[n - 1]]) as u64;
        low | high << (8 * (n - 4))
    } else {
        bytes[0] as u64 | (bytes[n / 2] as u64) << (8 * (n / 2)) | (bytes[n - 1] as u64) << (8 * (n - 1))
    }
}

/// The answer an entry keeps.
fn answer<const W: usize>(entry: &[u64; W]) -> Option<i16> {
    let last = entry[W - 1];
    if last >> STATE_SHIFT & ABSENT != 0 {
        None
    } else {
        Some((last >> VALUE_SHIFT) as u16 as i16)
    }
}

/// FxHash of a key's words (the last without the answer).
fn hash<const W: usize>(words: &[u64; W]) -> u64 {
    words.iter().fold(0u64, |h, &w| (h.rotate_left(5) ^ w).wrapping_mul(SEED))
}

#[cfg(test)]
mod tests {
    use super::{Answers, STATE_SHIFT, USED};

    /// The words of a probe as a copy of the key into zeroed words makes them.
    fn copied<const W: usize>(key: &[u8]) -> [u64; W] {
        let mut bytes = vec![0u8; 8 * W];
        bytes[..key.len()].copy_from_slice(key);
        let mut words = [0u64; W];
        for (word, chunk) in words.iter_mut().zip(bytes.chunks_exact(8)) {
            *word = u64::from_le_bytes(chunk.try_into().unwrap());
        }
        words[W - 1] |= (USED | key.len() as u64) << STATE_SHIFT;
        words
    }

    #[test]
    fn a_probe_holds_the_key_s_bytes_at_every_length() {
        let text: Vec<u8> = (1..=40u8).map(|b| b.wrapping_mul(37) | 0x80).collect();
        for len in 0..=40 {
            let key = &text[..len];
            assert_eq!(Answers::<2>::probe(key).map(|p| p.words), (len <= 13).then(|| copied::<2>(key)), "{len}");
            assert_eq!(Answers::<4>::probe(key).map(|p| p.words), (len <= 29).then(|| copied::<4>(key)), "{len}");
        }
    }
}
