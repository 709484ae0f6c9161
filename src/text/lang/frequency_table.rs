//! The layout of a word-frequency table: an open-addressing hash table of `u32` slots over the
//! text of a `word<TAB>zipf` list, each slot pointing at a word in that text.
//!
//! The build script includes this file (std only, nothing of the crate) to write the tables
//! of the embedded lists, so that a start reads no list: parsing the French and English lists
//! into a hash map took 25 M instructions of every run. The library reads those tables, and
//! builds one the same way for any other list. A general perfect-hash crate would generate
//! Rust source for 240,000 entries (slow to compile) and hash with SipHash on every look-up,
//! which the fragment check makes for nearly every word.

/// Bits of a slot holding the word's byte offset in the list, plus one (0 is an empty slot).
const OFFSET_BITS: u32 = 21;
/// Bits holding the Zipf value in tenths.
const ZIPF_BITS: u32 = 7;
/// Bits holding more of the word's hash, which turn most other words away without reading
/// the list's text.
const TAG_BITS: u32 = 32 - OFFSET_BITS - ZIPF_BITS;

/// The largest list a table can point into.
pub const MAX_LIST_BYTES: usize = (1 << OFFSET_BITS) - 2;
/// The largest Zipf value in tenths a table holds (the lists top out near 80).
pub const MAX_TENTHS: u8 = (1 << ZIPF_BITS) - 1;

/// A table built from a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// A power of two of slots, at most a third full.
    pub slots: Vec<u32>,
    /// The lowest Zipf value of the list, in tenths (0 for an empty list).
    pub floor: u8,
    /// Number of distinct words.
    pub words: usize,
}

impl Table {
    /// The table as bytes: the floor, the number of words, then each slot, as little-endian
    /// `u32`s (read back by [`split`]).
    // The build script writes the embedded tables with it; the library only in tests.
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(4 * (self.slots.len() + 2));
        bytes.extend_from_slice(&u32::from(self.floor).to_le_bytes());
        bytes.extend_from_slice(&(self.words as u32).to_le_bytes());
        bytes.extend(self.slot_bytes());
        bytes
    }

    /// The slots as little-endian `u32`s.
    pub fn slot_bytes(&self) -> Vec<u8> {
        self.slots.iter().flat_map(|s| s.to_le_bytes()).collect()
    }
}

/// The little-endian `u32` at byte `at` of `bytes`, if four bytes are there.
#[inline]
pub fn read_u32(bytes: &[u8], at: usize) -> Option<u32> {
    let b: [u8; 4] = bytes.get(at..at.checked_add(4)?)?.try_into().ok()?;
    Some(u32::from_le_bytes(b))
}

/// The floor, the number of words and the slot bytes of a table written by
/// [`Table::to_bytes`].
pub fn split(bytes: &[u8]) -> (u8, usize, &[u8]) {
    let word = |i: usize| read_u32(bytes, 4 * i).unwrap_or(0);
    (
        word(0) as u8,
        word(1) as usize,
        bytes.get(8..).unwrap_or(&[]),
    )
}

/// A hash of a word's bytes, eight at a time.
#[inline]
pub fn hash(word: &[u8]) -> u64 {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let mut h = word.len() as u64;
    let mut chunks = word.chunks_exact(8);
    for chunk in &mut chunks {
        let mut b = [0u8; 8];
        b.copy_from_slice(chunk);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        // Two overlapping reads, not a copy of a variable length (a call to `memcpy`): the
        // length, hashed first, tells the overlaps apart.
        let n = rest.len();
        let tail = if n >= 4 {
            let word = |at: usize| u64::from(read_u32(rest, at).unwrap_or(0));
            word(0) | word(n - 4) << 32
        } else {
            u64::from(rest[0]) | u64::from(rest[n / 2]) << 8 | u64::from(rest[n - 1]) << 16
        };
        h = (h.rotate_left(5) ^ tail).wrapping_mul(K);
    }
    // The top bits index the table: mix the high bits of the last product down once more.
    h ^ (h >> 29)
}

/// A Zipf value in tenths: `7.7` → 77. The lists write one decimal; other forms are read as
/// numbers.
pub fn tenths(value: &str) -> Option<u8> {
    if let &[units @ b'0'..=b'9', b'.', tenth @ b'0'..=b'9'] = value.as_bytes() {
        return Some((units - b'0') * 10 + (tenth - b'0'));
    }
    let value: f32 = value.parse().ok()?;
    Some((value * 10.0).round().clamp(0.0, 255.0) as u8)
}

/// The `word<TAB>zipf` lines of a list as (offset of the word, word, Zipf in tenths);
/// malformed lines are skipped (the embedded lists are checked by a test).
pub fn entries(data: &str) -> impl Iterator<Item = (usize, &str, u8)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < data.len() {
            let start = at;
            let rest = &data[start..];
            let line = match rest.bytes().position(|b| b == b'\n') {
                Some(end) => {
                    at = start + end + 1;
                    &rest[..end]
                }
                None => {
                    at = data.len();
                    rest
                }
            };
            let Some(tab) = line.bytes().position(|b| b == b'\t') else {
                continue;
            };
            if let Some(tenths) = tenths(line[tab + 1..].trim()) {
                return Some((start, &line[..tab], tenths));
            }
        }
        None
    })
}

/// Where a word's search starts, and its tag.
#[inline]
fn place(word: &[u8], bits: u32) -> (usize, u32) {
    let h = hash(word);
    let index = (h >> (64 - bits)) as usize;
    let tag = ((h >> (64 - bits - TAG_BITS)) as u32) & ((1 << TAG_BITS) - 1);
    (index, tag)
}

/// The Zipf value in tenths of `word`, looked up in the table whose `len` slots (a power of
/// two) `slot(i)` reads, over the list `data`.
#[inline]
pub fn find(slot: impl Fn(usize) -> u32, len: usize, data: &[u8], word: &[u8]) -> Option<u8> {
    if !len.is_power_of_two() {
        return None;
    }
    let bits = len.trailing_zeros();
    let mask = len - 1;
    let (mut i, tag) = place(word, bits);
    loop {
        let s = slot(i);
        if s == 0 {
            return None;
        }
        if s >> (OFFSET_BITS + ZIPF_BITS) == tag {
            let start = (s & ((1 << OFFSET_BITS) - 1)) as usize - 1;
            let end = start + word.len();
            if data.get(start..end) == Some(word) && data.get(end) == Some(&b'\t') {
                return Some(((s >> OFFSET_BITS) & u32::from(MAX_TENTHS)) as u8);
            }
        }
        i = (i + 1) & mask;
    }
}

/// The table of a list: the first line of a word counts, as in the list's order of
/// frequency. Fails on a list too large to point into, or a Zipf value too large to hold.
pub fn build(data: &str) -> Result<Table, String> {
    if data.len() > MAX_LIST_BYTES {
        return Err(format!(
            "a word list of {} bytes is larger than the {MAX_LIST_BYTES} a table holds",
            data.len()
        ));
    }
    let count = entries(data).count();
    // At most a third full, so that a word missing from the list (most questions of the
    // fragment check, which asks both languages) meets an empty slot within a probe or two.
    let len = (count * 3 + 1).next_power_of_two().max(16);
    let bits = len.trailing_zeros();
    let mut slots = vec![0u32; len];
    let mut floor = u8::MAX;
    let mut words = 0;
    for (offset, word, tenths) in entries(data) {
        if tenths > MAX_TENTHS {
            return Err(format!(
                "the Zipf value of `{word}` is larger than {}",
                f32::from(MAX_TENTHS) / 10.0
            ));
        }
        floor = floor.min(tenths);
        if find(|i| slots[i], len, data.as_bytes(), word.as_bytes()).is_some() {
            continue;
        }
        words += 1;
        let (mut i, tag) = place(word.as_bytes(), bits);
        while slots[i] != 0 {
            i = (i + 1) & (len - 1);
        }
        slots[i] = tag << (OFFSET_BITS + ZIPF_BITS)
            | u32::from(tenths) << OFFSET_BITS
            | (offset as u32 + 1);
    }
    Ok(Table {
        slots,
        floor: if floor == u8::MAX { 0 } else { floor },
        words,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// The list read into a plain map, first line of a word first.
    fn plain(data: &str) -> HashMap<&str, u8> {
        let mut map = HashMap::new();
        for (_, word, tenths) in entries(data) {
            map.entry(word).or_insert(tenths);
        }
        map
    }

    fn look_up(table: &Table, data: &str, word: &str) -> Option<u8> {
        find(
            |i| table.slots[i],
            table.slots.len(),
            data.as_bytes(),
            word.as_bytes(),
        )
    }

    #[test]
    fn the_table_answers_as_a_plain_map_does() {
        let mut data = String::new();
        for i in 0..3000 {
            data.push_str(&format!("w{i}\t{}.{}\n", 7 - i % 7, i % 10));
        }
        data.push_str("w5\t1.0\nbroken line\n\t2.0\nlong-word-of-many-bytes\t3.5\r\nlast\t0.9");
        let table = build(&data).unwrap();
        let map = plain(&data);
        assert_eq!(table.words, map.len());
        assert_eq!(table.floor, 9);
        for (word, tenths) in &map {
            assert_eq!(look_up(&table, &data, word), Some(*tenths), "{word:?}");
        }
        for missing in [
            "w",
            "w3000",
            "W5",
            "broken",
            "long-word-of-many-byte",
            "lastt",
            "1.0",
        ] {
            assert_eq!(look_up(&table, &data, missing), None, "{missing:?}");
        }
        let ones = table.slots.iter().filter(|&&s| s != 0).count();
        assert_eq!(ones, map.len());
        assert!(ones * 3 <= table.slots.len());
    }

    #[test]
    fn bytes_read_back_as_written() {
        let table = build("de\t7.7\nla\t7.4\n").unwrap();
        let bytes = table.to_bytes();
        let (floor, words, slots) = split(&bytes);
        assert_eq!((floor, words), (74, 2));
        assert_eq!(slots, &table.slot_bytes()[..]);
        let empty = build("").unwrap();
        assert_eq!((empty.floor, empty.words), (0, 0));
        assert_eq!(look_up(&empty, "", "de"), None);
    }

    #[test]
    fn lists_a_table_cannot_hold_are_refused() {
        let big = "a".repeat(MAX_LIST_BYTES + 1);
        assert!(build(&big).unwrap_err().contains("larger than"));
        assert!(build("x\t13.0\n").unwrap_err().contains("`x`"));
        assert!(build("x\t12.7\n").is_ok());
    }

    #[test]
    fn hashes_differ_by_length_and_content() {
        assert_ne!(hash(b"a"), hash(b"a\0"));
        assert_ne!(hash(b"abcdefgh"), hash(b"abcdefgh\0"));
        assert_ne!(hash(b"le"), hash(b"la"));
    }
}
