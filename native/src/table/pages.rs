//! Zeroed entries of a table probed at random, in 2 MB pages where the kernel gives them: a
//! look-up in a table of several MB at 4 KB a page misses the TLB as well as the caches (a
//! page walk before the load); in 2 MB pages a few TLB entries span the table.

use std::ops::{Deref, DerefMut};

/// The size (and alignment) of a huge page.
const HUGE_PAGE: usize = 1 << 21;

/// `len` copies of a zero item, aligned to [`HUGE_PAGE`] when they
/// take one or more, and marked for the kernel to back by huge pages (Linux).
pub struct Entries<T> {
    items: Vec<T>,
    start: usize,
    len: usize,
}

impl<T: Copy> Entries<T> {
    /// `len` copies of *zero* (an item of zero bits, so that the allocator gives fresh memory it
    /// has not written: `vec!`'s zeroed allocation): an allocation of a huge page or more has a huge page's room
    /// more (memory never touched, so never resident) to start on a huge page's boundary.
    pub fn zeroed(len: usize, zero: T) -> Self {
        let bytes = len * std::mem::size_of::<T>();
        if bytes < HUGE_PAGE {
            return Entries { items: vec![zero; len], start: 0, len };
        }
        let room = HUGE_PAGE / std::mem::size_of::<T>();
        let items = vec![zero; len + room];
        let start = items.as_ptr().align_offset(HUGE_PAGE).min(room);
        advise_huge_pages(&items[start..start + len]);
        Entries { items, start, len }
    }
}

impl<T> Deref for Entries<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.items[self.start..self.start + self.len]
    }
}

impl<T> DerefMut for Entries<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        &mut self.items[self.start..self.start + self.len]
    }
}

/// Ask the kernel to back *items* by huge pages (before they are first written: a zeroed
/// allocation this large is fresh memory the allocator has not touched).
#[cfg(target_os = "linux")]
fn advise_huge_pages<T>(items: &[T]) {
    // SAFETY: madvise reads no memory and changes no content: MADV_HUGEPAGE only marks the
    // pages of a range this allocation owns (the call fails harmlessly, changing nothing, on a
    // kernel without transparent huge pages or where they are off).
    unsafe {
        libc::madvise(items.as_ptr() as *mut libc::c_void, std::mem::size_of_val(items), libc::MADV_HUGEPAGE);
    }
}

#[cfg(not(target_os = "linux"))]
fn advise_huge_pages<T>(_items: &[T]) {}

/// Start loading *item* into the processor's caches (x86-64; a no-op elsewhere): a look-up
/// about to read it then finds it there, several misses to memory waited for at once.
pub fn prefetch<T>(item: &T) {
    // SAFETY: a prefetch reads nothing the program sees and never faults (on any address);
    // SSE, which has it, is part of every x86-64 processor.
    #[cfg(target_arch = "x86_64")]
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>((item as *const T).cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = item;
}

#[cfg(test)]
mod tests {
    use super::{Entries, HUGE_PAGE};

    #[test]
    fn entries_are_zero_writable_and_a_large_table_starts_on_a_huge_page() {
        for len in [0, 1, 1000, HUGE_PAGE / 16, 2 * HUGE_PAGE / 16 + 3] {
            let mut entries = Entries::zeroed(len, [0u64; 2]);
            assert_eq!(entries.len(), len);
            assert!(entries.iter().all(|e| *e == [0, 0]));
            for (i, e) in entries.iter_mut().enumerate() {
                *e = [i as u64, !(i as u64)];
            }
            assert!(entries.iter().enumerate().all(|(i, e)| *e == [i as u64, !(i as u64)]));
            if len >= HUGE_PAGE / 16 {
                assert_eq!(entries.as_ptr() as usize % HUGE_PAGE, 0, "{len} entries");
            }
        }
    }
}
