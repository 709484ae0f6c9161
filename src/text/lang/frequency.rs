//! Word frequencies of one language, read from the embedded lists in `words/`: how common a
//! word is, as language evidence. Knows nothing of tokens or checks.
//!
//! The lists hold the most frequent words of a language (see `words/SOURCES.md`), so a word
//! that is missing is rarer than the last entry: [`WordFrequencies::zipf_or_floor`] answers
//! half a point below it.

use super::frequency_table;
use std::borrow::Cow;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// How common each word of a language is, on the Zipf scale (log10 of occurrences per billion
/// words: 7.7 for "the", 3 for a word seen once per million words).
#[derive(Debug)]
pub struct WordFrequencies {
    /// The list's text, which the table points into.
    data: &'static str,
    /// The table's slots as little-endian `u32`s (see `frequency_table`): written by the
    /// build script for the embedded lists.
    slots: Cow<'static, [u8]>,
    /// The lowest Zipf × 10 of the list.
    floor: u8,
    /// Number of distinct words.
    len: usize,
}

impl WordFrequencies {
    /// Reads a list of `word<TAB>zipf` lines. Malformed lines are skipped; a list larger than
    /// a table can point into (2 MiB), or a Zipf value above 12.7, is an error.
    pub fn parse(data: &'static str) -> Result<WordFrequencies, String> {
        let table = frequency_table::build(data)?;
        Ok(WordFrequencies {
            data,
            slots: Cow::Owned(table.slot_bytes()),
            floor: table.floor,
            len: table.words,
        })
    }

    /// The list `data` with the table the build script wrote for it (see
    /// `frequency_table::Table::to_bytes`).
    pub(super) fn prebuilt(data: &'static str, table: &'static [u8]) -> WordFrequencies {
        let (floor, words, slots) = frequency_table::split(table);
        WordFrequencies {
            data,
            slots: Cow::Borrowed(slots),
            floor,
            len: words,
        }
    }

    /// Number of words in the list.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when the list is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The Zipf frequency of a folded word (see [`fold_word`]), if the list has it.
    pub fn zipf(&self, folded: &str) -> Option<f32> {
        let slots = &self.slots[..];
        // A slot past the end reads as empty, which ends the search.
        let slot = |i: usize| frequency_table::read_u32(slots, 4 * i).unwrap_or(0);
        let tenths = frequency_table::find(
            slot,
            slots.len() / 4,
            self.data.as_bytes(),
            folded.as_bytes(),
        )?;
        Some(f32::from(tenths) / 10.0)
    }

    /// The Zipf frequency of a folded word, or half a point below the rarest listed word.
    pub fn zipf_or_floor(&self, folded: &str) -> f32 {
        self.zipf(folded).unwrap_or(self.floor())
    }

    /// Half a point below the rarest word of the list: the estimate for a missing word.
    pub fn floor(&self) -> f32 {
        f32::from(self.floor) / 10.0 - 0.5
    }
}

/// The form a word is looked up under: lowercase, NFC, apostrophes as `'`. Borrows the word
/// when it is already in that form (the common case), else writes into `buf`.
pub fn fold_word<'a>(word: &'a str, buf: &'a mut String) -> &'a str {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return word;
    }
    buf.clear();
    if word.is_ascii() {
        // Lowercased as one block: no apostrophe to map, nothing to normalize.
        buf.push_str(word);
        buf.make_ascii_lowercase();
        return buf.as_str();
    }
    // Lowercase accented Latin-1 letters ("été", "façon") are their own fold: no case, no
    // composition with a neighbour, no apostrophe.
    if word
        .chars()
        .all(|c| matches!(c, '\0'..='@' | '['..='\x7f' | '\u{df}'..='\u{ff}'))
    {
        return word;
    }
    let normalized: Cow<'_, str> = if is_nfc_quick(word.chars()) == IsNormalized::Yes {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.nfc().collect())
    };
    for c in normalized.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' => buf.push('\''),
            c if c.is_ascii() => buf.push(c.to_ascii_lowercase()),
            c => buf.extend(c.to_lowercase()),
        }
    }
    buf.as_str()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lines_and_knows_its_floor() {
        let f = WordFrequencies::parse("the\t7.7\nof\t7.4\nbroken line\nrare\t2.7\n").unwrap();
        assert_eq!(f.len(), 3);
        let g = WordFrequencies::parse("the\t7.70\r\nof\t 7.4\nnot\ta number\nlast\t3.25").unwrap();
        assert_eq!(g.len(), 3);
        assert_eq!(g.zipf("the"), Some(7.7));
        assert_eq!(g.zipf("of"), Some(7.4));
        assert_eq!(g.zipf("last"), Some(3.3));
        assert_eq!(f.zipf("the"), Some(7.7));
        assert_eq!(f.zipf("missing"), None);
        assert!((f.zipf_or_floor("missing") - 2.2).abs() < 1e-6);
    }

    #[test]
    fn folds_case_apostrophes_and_normalization() {
        let mut buf = String::new();
        assert_eq!(fold_word("talks", &mut buf), "talks");
        assert_eq!(fold_word("Didn’t", &mut buf), "didn't");
        assert_eq!(fold_word("ÉTAT", &mut buf), "état");
        assert_eq!(fold_word("e\u{301}te\u{301}", &mut buf), "été");
        // A lowercase Latin-1 word is borrowed as it is; one with a combining mark, a capital
        // or an apostrophe past the Latin-1 letters is still folded.
        for word in ["été", "façon", "straße", "aujourd'hui"] {
            assert!(std::ptr::eq(fold_word(word, &mut buf), word), "{word}");
        }
        assert_eq!(
            fold_word("été\u{301}", &mut buf),
            "été\u{301}".nfc().collect::<String>()
        );
        assert_eq!(fold_word("déjà\u{2019}", &mut buf), "déjà'");
        assert_eq!(fold_word("çÀ", &mut buf), "çà");
    }
}
