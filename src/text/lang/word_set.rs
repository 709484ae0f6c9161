//! A small set of lowercase words (function words, particles, articles) that the checks ask
//! about words of any case, once per token: a sieve on a short ASCII word's length and first
//! and last letters turns most words away, and the others are lowercased and looked up as one
//! 128-bit number, with no allocation and no loop over their letters.

use rustc_hash::FxHashSet;

/// Longest ASCII word packed into a number; longer words are kept as strings.
const PACKED_LEN: usize = 15;

/// Lowercase words, asked about words of any case.
#[derive(Debug)]
pub struct WordSet {
    /// The ASCII words of at most [`PACKED_LEN`] bytes, packed (see [`packed_lowercase`]).
    packed: FxHashSet<u128>,
    /// A sieve over the packed words: the bit of (length, first letter, last letter) of each
    /// (see [`sieve_bit`]). Most words that are not in the set fail it.
    sieve: [u64; SIEVE_WORDS],
    /// The other words.
    other: FxHashSet<Box<str>>,
    /// Every word, in the order given.
    words: Vec<Box<str>>,
}

/// Letter classes of the sieve: `a`…`z` whatever their case, and anything else.
const CLASSES: usize = 27;
/// Size of the sieve in 64-bit words: one bit per (length, first class, last class).
const SIEVE_WORDS: usize = ((PACKED_LEN + 1) * CLASSES * CLASSES).div_ceil(64);

#[inline]
fn class(b: u8) -> usize {
    match b.to_ascii_lowercase() {
        l @ b'a'..=b'z' => usize::from(l - b'a'),
        _ => CLASSES - 1,
    }
}

/// The sieve bit of a non-empty ASCII word of at most [`PACKED_LEN`] bytes.
#[inline]
fn sieve_bit(bytes: &[u8]) -> usize {
    let (first, last) = (bytes[0], bytes[bytes.len() - 1]);
    (bytes.len() * CLASSES + class(first)) * CLASSES + class(last)
}

/// An ASCII word of at most [`PACKED_LEN`] bytes, lowercased, as one number: its bytes, then
/// its length in the last byte. Lowercasing works on all bytes at once, so a look-up costs
/// one copy and a few arithmetic steps, with no loop over the letters.
fn packed_lowercase(bytes: &[u8]) -> Option<u128> {
    if !bytes.is_ascii() {
        return None;
    }
    packed_lowercase_ascii(bytes)
}

/// [`packed_lowercase`] of bytes already known to be ASCII.
#[inline]
fn packed_lowercase_ascii(bytes: &[u8]) -> Option<u128> {
    if bytes.len() > PACKED_LEN {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..bytes.len()].copy_from_slice(bytes);
    buf[15] = bytes.len() as u8;
    let x = u128::from_le_bytes(buf);
    // Every byte is below 0x80, so adding these constants carries into no other byte: the
    // high bit of a byte of `at_least_a` is set for bytes ≥ `A`, of `above_z` for bytes > `Z`.
    const EACH: u128 = u128::MAX / 0xff;
    let at_least_a = x + EACH * u128::from(0x80 - b'A');
    let above_z = x + EACH * u128::from(0x80 - b'Z' - 1);
    let upper = at_least_a & !above_z & (EACH * 0x80);
    // The length byte is at most 15, no letter: it stays as it is.
    Some(x | upper >> 2)
}

impl WordSet {
    /// The set with no word.
    pub const fn empty() -> WordSet {
        WordSet {
            packed: FxHashSet::with_hasher(rustc_hash::FxBuildHasher),
            sieve: [0; SIEVE_WORDS],
            other: FxHashSet::with_hasher(rustc_hash::FxBuildHasher),
            words: Vec::new(),
        }
    }

    /// The set of `words`, lowercased.
    pub fn new(words: impl IntoIterator<Item = impl AsRef<str>>) -> WordSet {
        let mut set = WordSet::empty();
        for word in words {
            let lower = word.as_ref().to_lowercase();
            let new = match packed_lowercase(lower.as_bytes()) {
                Some(key) => {
                    if !lower.is_empty() {
                        let bit = sieve_bit(lower.as_bytes());
                        set.sieve[bit / 64] |= 1 << (bit % 64);
                    }
                    set.packed.insert(key)
                }
                None => set.other.insert(lower.as_str().into()),
            };
            if new {
                set.words.push(lower.into());
            }
        }
        set
    }

    /// True when `word`, lowercased, is in the set.
    // Inlined, so that the sieve, which answers most questions, costs no call.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        if bytes.is_ascii() {
            return self.contains_ascii(bytes);
        }
        self.look_up(word)
    }

    /// [`WordSet::contains`] for the bytes of a word already known to be ASCII: the sieve
    /// needs no second pass over them.
    #[inline]
    pub fn contains_ascii(&self, bytes: &[u8]) -> bool {
        self.sieve_lets_through(bytes) && self.look_up_ascii(bytes)
    }

    /// [`WordSet::contains`] past the sieve, for an ASCII word: the packed words, or the
    /// others lowercased.
    #[inline(never)]
    fn look_up_ascii(&self, bytes: &[u8]) -> bool {
        match packed_lowercase_ascii(bytes) {
            Some(key) => self.packed.contains(&key),
            None => std::str::from_utf8(bytes)
                .is_ok_and(|w| self.other.contains(w.to_ascii_lowercase().as_str())),
        }
    }

    /// False when the sieve turns the ASCII word `bytes` away; words it does not cover (empty
    /// or longer than [`PACKED_LEN`]) pass.
    #[inline]
    fn sieve_lets_through(&self, bytes: &[u8]) -> bool {
        if bytes.len() > PACKED_LEN || bytes.is_empty() {
            return true;
        }
        let bit = sieve_bit(bytes);
        self.sieve[bit / 64] & 1 << (bit % 64) != 0
    }

    /// [`WordSet::contains`] of a word that is not all ASCII (no sieve covers it).
    #[inline(never)]
    fn look_up(&self, word: &str) -> bool {
        if word.is_ascii() {
            return self.look_up_ascii(word.as_bytes());
        }
        // A word with no capital is its own lowercase, and not ASCII: not a packed word.
        if !word.chars().any(char::is_uppercase) {
            return self.other.contains(word);
        }
        // Lowercasing can change a word's length and turn it into ASCII (the Kelvin sign).
        let lower = word.to_lowercase();
        match packed_lowercase(lower.as_bytes()) {
            Some(key) => self.packed.contains(&key),
            None => self.other.contains(lower.as_str()),
        }
    }

    /// The words of the set, lowercase, in the order they were given.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(|w| &**w)
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when the set has no word.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_case_of_a_word_is_found_and_other_words_are_not() {
        let set = WordSet::new(["de", "The", "à", "d'", "été"]);
        for word in [
            "de", "DE", "De", "the", "THE", "à", "À", "d'", "D'", "été", "ÉTÉ", "Été",
        ] {
            assert!(set.contains(word), "{word}");
        }
        for word in ["", "d", "des", "ed", "them", "a", "ete", "Thé", "x", "deux"] {
            assert!(!set.contains(word), "{word}");
        }
    }

    #[test]
    fn the_set_agrees_with_a_plain_lookup_on_every_short_ascii_word() {
        let words = [
            "a", "au", "aux", "ce", "du", "en", "et", "il", "la", "le", "un", "zu",
        ];
        let set = WordSet::new(words);
        let plain: std::collections::HashSet<String> =
            words.iter().map(|w| w.to_string()).collect();
        let letters = ["a", "u", "x", "c", "e", "Z", "L", "T", "'", "1", "n"];
        let mut probes = vec![String::new()];
        for _ in 0..3 {
            let longer: Vec<String> = probes
                .iter()
                .flat_map(|p| letters.iter().map(move |l| format!("{p}{l}")))
                .collect();
            probes.extend(longer);
        }
        for probe in &probes {
            let want = plain.contains(&probe.to_lowercase());
            assert_eq!(set.contains(probe), want, "{probe:?}");
            assert_eq!(set.contains_ascii(probe.as_bytes()), want, "{probe:?}");
        }
    }

    #[test]
    fn packing_lowercases_exactly_the_ascii_capitals() {
        for b in 0..0x80u8 {
            for at in 0..PACKED_LEN {
                let mut word = vec![b'x'; at + 1];
                word[at] = b;
                let mut lower = word.clone();
                lower.make_ascii_lowercase();
                assert_eq!(
                    packed_lowercase(&word),
                    packed_lowercase(&lower),
                    "{b:#x} at {at}"
                );
                assert_eq!(
                    packed_lowercase(&lower).unwrap().to_le_bytes()[at],
                    lower[at]
                );
            }
        }
        assert_ne!(packed_lowercase(b"ab"), packed_lowercase(b"ab\0"));
        assert_eq!(packed_lowercase(&[b'a'; PACKED_LEN + 1]), None);
        assert_eq!(packed_lowercase("é".as_bytes()), None);
    }

    #[test]
    fn long_and_non_ascii_words_are_found_too() {
        let long = "a".repeat(40);
        let set = WordSet::new([long.as_str(), "für", "İ", "FÜR", "K"]);
        assert!(set.contains(&long.to_uppercase()));
        assert!(set.contains_ascii(long.to_uppercase().as_bytes()));
        assert!(!set.contains_ascii(b"fur"));
        assert!(set.contains("FÜR"));
        assert!(set.contains("İ"));
        assert!(!set.contains("fur"));
        // The Kelvin sign lowercases to an ASCII `k`.
        assert!(set.contains("\u{212a}"));
        assert_eq!(set.len(), 4);
        assert!(!set.is_empty() && WordSet::new([""; 0]).is_empty());
    }
}
