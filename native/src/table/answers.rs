//! A bounded cache of a compiled table's answers (`LexiconTable`), by key: a read of the table
//! in place is 4-5 dependent loads that miss the processor's caches (its bucket's start, the
//! slot, the key's offset, the key, the value), an answer kept here one.
//!
//! The answers of the keys of [`KEY_BYTES`] UTF-8 bytes or fewer are kept (present and absent
//! alike), inline in their entry, in a table of open addressing (linear probing) that doubles up
//! to [`MAX_BITS`] (4 MB) and then keeps what it holds: memory stays bounded however long the
//! text. A longer key (a twentieth of the words asked, a seventh of the pairs) is read in place
//! each time. An answer kept is the read's answer: the table's buffers never change.

/// The longest key kept, in UTF-8 bytes.
pub const KEY_BYTES: usize = 13;
/// The first table holds `1 << FIRST_BITS` entries (16 KB).
const FIRST_BITS: u32 = 10;
/// The largest holds `1 << MAX_BITS` entries (4 MB); half full, it keeps no more answers.
const MAX_BITS: u32 = 18;
/// FxHash's multiplier (rustc's hash).
const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// An entry: the key's bytes 0-12 (zero after its end), a byte of its length and state (0: an
/// empty entry; else [`USED`] | length, and [`ABSENT`] when the table lacks the key), then the
/// value (i16, little-endian). As two words: `lo` holds bytes 0-7, `hi` bytes 8-15.
#[derive(Clone, Copy, Default)]
struct Entry {
    lo: u64,
    hi: u64,
}

const USED: u64 = 0x10;
const ABSENT: u64 = 0x20;
/// The state byte's place in `hi`.
const STATE_SHIFT: u32 = 40;
/// The bits of `hi` that name the key: bytes 8-12 and the length with [`USED`].
const KEY_MASK: u64 = (1 << (STATE_SHIFT + 5)) - 1;
/// The value's place in `hi`.
const VALUE_SHIFT: u32 = 48;

/// A key made an entry's words (without its answer), and its hash.
pub struct Probe {
    lo: u64,
    hi: u64,
    hash: u64,
}

impl Probe {
    /// The probe of *key*, None when it is too long to be kept.
    pub fn of(key: &[u8]) -> Option<Probe> {
        if key.len() > KEY_BYTES {
            return None;
        }
        let mut bytes = [0u8; 16];
        bytes[..key.len()].copy_from_slice(key);
        let lo = u64::from_le_bytes(bytes[..8].try_into().unwrap());
        let hi = u64::from_le_bytes(bytes[8..].try_into().unwrap()) | (USED | key.len() as u64) << STATE_SHIFT;
        Some(Probe { lo, hi, hash: hash(lo, hi) })
    }

    fn names(&self, entry: &Entry) -> bool {
        entry.lo == self.lo && entry.hi & KEY_MASK == self.hi
    }
}

/// The answers kept: `Some(answer)` of a key asked before (`answer` None when the table lacks
/// it), None of one not kept.
#[derive(Default)]
pub struct Answers {
    entries: Vec<Entry>,
    bits: u32,
    len: usize,
}

impl Answers {
    /// The answer kept for the key of *probe*.
    pub fn get(&self, probe: &Probe) -> Option<Option<i16>> {
        if self.entries.is_empty() {
            return None;
        }
        let mask = self.entries.len() - 1;
        let mut at = self.home(probe.hash);
        loop {
            let entry = &self.entries[at];
            if entry.hi == 0 {
                return None;
            }
            if probe.names(entry) {
                return Some(answer(entry));
            }
            at = (at + 1) & mask;
        }
    }

    /// Keep *answer* for the key of *probe* (not kept yet), unless the table is full.
    pub fn insert(&mut self, probe: &Probe, answer: Option<i16>) {
        if 2 * (self.len + 1) > self.entries.len() && !self.grow() {
            return;
        }
        let state = match answer {
            Some(value) => (value as u16 as u64) << VALUE_SHIFT,
            None => ABSENT << STATE_SHIFT,
        };
        self.put(Entry { lo: probe.lo, hi: probe.hi | state }, probe.hash);
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
        if bits > MAX_BITS {
            return false;
        }
        let old = std::mem::replace(&mut self.entries, vec![Entry::default(); 1 << bits]);
        self.bits = bits;
        for entry in old.into_iter().filter(|e| e.hi != 0) {
            self.put(entry, hash(entry.lo, entry.hi & KEY_MASK));
        }
        true
    }

    /// Put *entry* (of a key not in the table) in the first free entry from its hash's home.
    fn put(&mut self, entry: Entry, hash: u64) {
        let mask = self.entries.len() - 1;
        let mut at = self.home(hash);
        while self.entries[at].hi != 0 {
            at = (at + 1) & mask;
        }
        self.entries[at] = entry;
    }
}

/// The answer an entry keeps.
fn answer(entry: &Entry) -> Option<i16> {
    if entry.hi >> STATE_SHIFT & ABSENT != 0 {
        None
    } else {
        Some((entry.hi >> VALUE_SHIFT) as u16 as i16)
    }
}

/// FxHash of a key's two words (`hi` without the answer).
fn hash(lo: u64, hi: u64) -> u64 {
    (lo.wrapping_mul(SEED).rotate_left(5) ^ hi).wrapping_mul(SEED)
}
