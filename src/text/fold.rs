//! The folded view of a text: what glossary matching compares, with a map back to the
//! original bytes.
//!
//! Folding applies Unicode NFC, lowercases (unless asked to keep case), turns every
//! apostrophe into `'`, every run of spaces, hyphens and dashes into one space, and drops
//! invisible format characters (soft hyphen, zero-width and bidi marks). It never changes the
//! original: [`Folded::original_span`] maps folded byte ranges back to original ones.

use crate::diagnostic::Span;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;

/// Whether folding lowercases.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaseMode {
    /// Lowercase everything (the default for matching).
    Fold,
    /// Keep letters as written (to verify case-sensitive glossary forms).
    Keep,
}

/// One piece of the offset map: from folded byte `folded` on, bytes map to original byte
/// `original` one for one (`identity`), or all to `original` (a rewritten cluster).
#[derive(Clone, Copy, Debug)]
struct Anchor {
    folded: u32,
    original: u32,
    identity: bool,
}

/// A folded copy of some segments of a text with a map back to original byte offsets.
#[derive(Clone, Debug, Default)]
pub struct Folded {
    text: String,
    anchors: Vec<Anchor>,
}

/// What a character becomes when folded.
enum CharFold {
    /// Kept (possibly lowercased), same length.
    Same,
    /// Part of a space/hyphen run.
    Space,
    /// Dropped.
    Ignore,
    /// Becomes an apostrophe.
    Apostrophe,
    /// Needs Unicode normalization or case mapping that may change its length.
    Complex,
}

fn classify(c: char) -> CharFold {
    if c.is_ascii() {
        return if c == '-' || c.is_ascii_whitespace() {
            CharFold::Space
        } else {
            CharFold::Same
        };
    }
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '\u{00B4}' | '\u{0060}' => {
            CharFold::Apostrophe
        }
        '\u{00A0}' | '\u{202F}' | '\u{2007}' | '\u{2009}' | '\u{200A}' | '\u{2002}'
        | '\u{2003}' | '\u{3000}' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}'
        | '\u{2014}' | '\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' | '\u{0085}'
        | '\u{2028}' | '\u{2029}' => CharFold::Space,
        '\u{00AD}'
        | '\u{200B}'
        | '\u{200C}'
        | '\u{200D}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' => CharFold::Ignore,
        c if c.is_whitespace() => CharFold::Space,
        _ => CharFold::Complex,
    }
}

impl Folded {
    /// Folds the given segments of `original`, joined by a newline each (so no match spans
    /// two segments).
    pub fn new(original: &str, segments: &[Span], case: CaseMode) -> Folded {
        let mut folded = Folded {
            text: String::with_capacity(segments.iter().map(Span::len).sum::<usize>() + 8),
            anchors: Vec::new(),
        };
        for (i, seg) in segments.iter().enumerate() {
            if i > 0 {
                // The separator maps to the end of the previous segment.
                folded.rewritten(segments[i - 1].end, "\n");
            }
            folded.fold_segment(original, *seg, case);
        }
        let end = segments.last().map_or(0, |s| s.end);
        folded.push_anchor(end, false);
        folded
    }

    /// Folds a whole string (a glossary form, a word) with no need of the offset map.
    pub fn fold_str(s: &str, case: CaseMode) -> String {
        Folded::new(s, &[Span::new(0, s.len())], case).text
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Maps a folded byte range back to the original bytes it came from.
    pub fn original_span(&self, start: usize, end: usize) -> Span {
        Span::new(self.original_offset(start), self.original_offset(end))
    }

    /// Maps one folded byte offset back to an original byte offset.
    pub fn original_offset(&self, folded: usize) -> usize {
        let f = folded as u32;
        let at = self.anchors.partition_point(|a| a.folded <= f);
        let Some(anchor) = at.checked_sub(1).map(|i| self.anchors[i]) else {
            return 0;
        };
        if anchor.identity {
            (anchor.original + (f - anchor.folded)) as usize
        } else {
            anchor.original as usize
        }
    }

    fn push_anchor(&mut self, original: usize, identity: bool) {
        let anchor = Anchor {
            folded: self.text.len() as u32,
            original: original as u32,
            identity,
        };
        if let Some(last) = self.anchors.last_mut() {
            if last.folded == anchor.folded && !last.identity && !identity {
                *last = anchor;
                return;
            }
            // Extending an identity run needs no new anchor.
            if identity
                && last.identity
                && last.original + (anchor.folded - last.folded) == anchor.original
            {
                return;
            }
        }
        self.anchors.push(anchor);
    }

    /// Appends text that replaces the original bytes starting at `original`.
    fn rewritten(&mut self, original: usize, replacement: &str) {
        self.push_anchor(original, false);
        self.text.push_str(replacement);
    }

    fn fold_segment(&mut self, original: &str, seg: Span, case: CaseMode) {
        let src = &original[seg.start..seg.end];
        let mut iter = src.char_indices().peekable();
        let mut in_space = false;
        let mut scratch = String::new();
        while let Some((i, c)) = iter.next() {
            let at = seg.start + i;
            let next = at + c.len_utf8();
            let mut class = classify(c);
            if matches!(class, CharFold::Same)
                && iter
                    .peek()
                    .is_some_and(|&(_, m)| !m.is_ascii() && canonical_combining_class(m) != 0)
            {
                // "e" + U+0301: the cluster needs composing.
                class = CharFold::Complex;
            }
            match class {
                CharFold::Same => {
                    self.push_anchor(at, true);
                    self.text.push(match case {
                        CaseMode::Fold => c.to_ascii_lowercase(),
                        CaseMode::Keep => c,
                    });
                    in_space = false;
                }
                CharFold::Space if in_space => {
                    // Collapsed into the space already written.
                    self.push_anchor(next, false);
                }
                CharFold::Space => {
                    if c == ' ' {
                        self.push_anchor(at, true);
                        self.text.push(' ');
                    } else {
                        self.rewritten(at, " ");
                        self.push_anchor(next, true);
                    }
                    in_space = true;
                }
                CharFold::Ignore => self.push_anchor(next, false),
                CharFold::Apostrophe => {
                    self.rewritten(at, "'");
                    self.push_anchor(next, true);
                    in_space = false;
                }
                CharFold::Complex => {
                    // A starter and its combining marks form one cluster.
                    let mut end = next;
                    while let Some(&(j, m)) = iter.peek() {
                        if canonical_combining_class(m) == 0 {
                            break;
                        }
                        end = seg.start + j + m.len_utf8();
                        iter.next();
                    }
                    let cluster = &original[at..end];
                    scratch.clear();
                    for n in cluster.nfc() {
                        match case {
                            CaseMode::Fold => scratch.extend(n.to_lowercase()),
                            CaseMode::Keep => scratch.push(n),
                        }
                    }
                    // Byte-for-byte mapping is exact when nothing changed, or when one
                    // character became one character of the same length (É → é).
                    let identity = scratch == cluster
                        || (end == next
                            && scratch.chars().nth(1).is_none()
                            && scratch.len() == cluster.len());
                    self.push_anchor(at, identity);
                    self.text.push_str(&scratch);
                    self.push_anchor(end, true);
                    in_space = false;
                }
            }
        }
    }
}

/// True for characters that make up words: letters, digits and combining marks.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || (!c.is_ascii() && canonical_combining_class(c) != 0)
}

/// Removes diacritics from an already folded string (`é` → `e`, `ç` → `c`), keeping
/// letters such as `œ` and `ß`.
pub fn strip_diacritics(s: &str) -> String {
    s.nfd()
        .filter(|c| canonical_combining_class(*c) == 0)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(s: &str) -> Folded {
        Folded::new(s, &[Span::new(0, s.len())], CaseMode::Fold)
    }

    /// Every folded substring found maps back to the original bytes it came from.
    #[track_caller]
    fn assert_maps(original: &str, folded_needle: &str, expected_original: &str) {
        let f = fold(original);
        let at = f
            .as_str()
            .find(folded_needle)
            .unwrap_or_else(|| panic!("{folded_needle:?} not in {:?}", f.as_str()));
        let span = f.original_span(at, at + folded_needle.len());
        assert_eq!(span.slice(original), expected_original);
    }

    #[test]
    fn lowercases_and_folds_apostrophes_and_spaces() {
        assert_eq!(fold("L’OTSC  et\u{a0}l'OTAN").as_str(), "l'otsc et l'otan");
        assert_eq!(
            fold("Haut-Karabakh — Erevan").as_str(),
            "haut karabakh erevan"
        );
    }

    #[test]
    fn maps_back_through_multibyte_apostrophes() {
        assert_maps(
            "Selon l’Organisation du Traité",
            "organisation du traité",
            "Organisation du Traité",
        );
        assert_maps("a b\u{a0}\u{a0}c d’État", "état", "État");
    }

    #[test]
    fn nfd_input_folds_to_nfc_and_maps_to_the_decomposed_bytes() {
        let nfd = "Le Te\u{301}he\u{301}ran d'abord";
        assert_eq!(fold(nfd).as_str(), "le téhéran d'abord");
        assert_maps(nfd, "téhéran", "Te\u{301}he\u{301}ran");
    }

    #[test]
    fn invisible_characters_are_dropped() {
        assert_eq!(fold("Kara\u{200b}bakh\u{ad}").as_str(), "karabakh");
        assert_maps("x Kara\u{200b}bakh y", "karabakh", "Kara\u{200b}bakh");
    }

    #[test]
    fn keep_case_mode() {
        assert_eq!(Folded::fold_str("L’OTAN", CaseMode::Keep), "L'OTAN");
    }

    #[test]
    fn segments_are_separated() {
        let text = "abc|def";
        let f = Folded::new(text, &[Span::new(0, 3), Span::new(4, 7)], CaseMode::Fold);
        assert_eq!(f.as_str(), "abc\ndef");
        assert_eq!(f.original_span(4, 7), Span::new(4, 7));
        assert_eq!(f.original_span(0, 3), Span::new(0, 3));
    }

    #[test]
    fn strips_diacritics() {
        assert_eq!(strip_diacritics("téhéran çà œil"), "teheran ca œil");
    }
}
