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

/// Maps folded offsets back to original ones like [`Folded::original_span`], for offsets
/// asked in increasing order: it steps along the offset map instead of searching it for each
/// offset (a scan of a large document asks for many, and the searches miss the cache).
#[derive(Clone, Debug)]
pub struct OffsetCursor<'f> {
    folded: &'f Folded,
    /// Index of the first anchor past the last offset asked.
    next: usize,
}

impl OffsetCursor<'_> {
    /// Steps this far along the map at most before searching instead.
    const STEPS: usize = 16;

    /// Maps a folded byte range back to the original bytes it came from.
    pub fn original_span(&mut self, start: usize, end: usize) -> Span {
        Span::new(self.original_offset(start), self.original_offset(end))
    }

    /// Maps one folded byte offset back to an original byte offset.
    pub fn original_offset(&mut self, folded: usize) -> usize {
        let f = folded as u32;
        let anchors = &self.folded.anchors;
        let behind = self
            .next
            .checked_sub(1)
            .is_some_and(|i| anchors[i].folded > f);
        if behind {
            // Asked out of order: search from scratch.
            self.next = anchors.partition_point(|a| a.folded <= f);
        } else {
            let mut steps = 0;
            while anchors.get(self.next).is_some_and(|a| a.folded <= f) {
                self.next += 1;
                steps += 1;
                if steps == Self::STEPS {
                    self.next += anchors[self.next..].partition_point(|a| a.folded <= f);
                    break;
                }
            }
        }
        self.folded.through_anchor(self.next, f)
    }
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
        // Plain ASCII without hyphens, tabs or runs of spaces folds byte for byte (most
        // glossary forms): no offset map to build.
        let mut after_space = false;
        let plain = s.bytes().all(|c| {
            let space = c == b' ';
            let ok = c.is_ascii()
                && c != b'-'
                && !(space && after_space)
                && (space || !c.is_ascii_whitespace());
            after_space = space;
            ok
        });
        if plain {
            return match case {
                CaseMode::Fold => s.to_ascii_lowercase(),
                CaseMode::Keep => s.to_owned(),
            };
        }
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
        self.through_anchor(self.anchors.partition_point(|a| a.folded <= f), f)
    }

    /// A mapper for folded offsets asked in increasing order (the matches of one scan).
    pub fn cursor(&self) -> OffsetCursor<'_> {
        OffsetCursor {
            folded: self,
            next: 0,
        }
    }

    /// The original offset of `f` through the anchor just before `next` (the first anchor
    /// past `f`).
    fn through_anchor(&self, next: usize, f: u32) -> usize {
        let Some(anchor) = next.checked_sub(1).map(|i| self.anchors[i]) else {
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
        let mut i = 0;
        let mut in_space = false;
        let mut scratch = String::new();
        while i < src.len() {
            // Most of a text is plain ASCII (letters, digits, punctuation, single spaces),
            // which folds byte for byte: copy such a run at once. A letter right before a
            // combining mark stays out ("e" + U+0301 is composed below).
            let (run, space) = plain_run(&src[i..], in_space);
            if run > 0 {
                self.push_anchor(seg.start + i, true);
                let from = self.text.len();
                self.text.push_str(&src[i..i + run]);
                if case == CaseMode::Fold {
                    self.text[from..].make_ascii_lowercase();
                }
                i += run;
                in_space = space;
                continue;
            }
            let c = src[i..].chars().next().expect("`i` is a char boundary");
            let at = seg.start + i;
            let next = at + c.len_utf8();
            i += c.len_utf8();
            // Precomposed Latin letters (é, Ç, œ) are NFC already and lowercase to one letter
            // of the same length (but İ): no normalization needed.
            if ('\u{c0}'..='\u{17f}').contains(&c)
                && c != '\u{130}'
                && !starts_with_combining_mark(&src[i..])
            {
                self.push_anchor(at, true);
                self.text.push(match case {
                    CaseMode::Fold => lowercase_latin(c),
                    CaseMode::Keep => c,
                });
                in_space = false;
                continue;
            }
            match classify(c) {
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
                // Signs and punctuation with no case and no decomposition (« » ° “ ” …) fold
                // to themselves, unless a combining mark follows.
                CharFold::Complex if is_plain_sign(c) && !starts_with_combining_mark(&src[i..]) => {
                    self.push_anchor(at, true);
                    self.text.push(c);
                    in_space = false;
                }
                // Plain ASCII comes here only before a combining mark: compose the cluster.
                CharFold::Same | CharFold::Complex => {
                    // A starter and its combining marks form one cluster.
                    let mut end = next;
                    while let Some(m) = src[i..].chars().next() {
                        if canonical_combining_class(m) == 0 {
                            break;
                        }
                        i += m.len_utf8();
                        end = seg.start + i;
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

/// The length of the run at the start of `rest` that folds byte for byte but for ASCII case,
/// and whether it ends in a space: ASCII letters, digits, punctuation and single spaces
/// (`in_space`: a space was just written), and the small precomposed letters of Latin-1 (é, à,
/// ç: two bytes each, NFC and lowercase already). A character right before a combining mark
/// stays out ("e" + U+0301 is composed by the caller).
fn plain_run(rest: &str, in_space: bool) -> (usize, bool) {
    let bytes = rest.as_bytes();
    let mut run = 0;
    let mut space = in_space;
    // Where the last character of the run starts.
    let mut last = 0;
    // Eight bytes at a time while they are surely plain (see `plain_chunk`); the byte-wise
    // loop below decides the rest exactly.
    while let Some(chunk) = bytes.get(run..run + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        if !plain_chunk(x, space) {
            break;
        }
        space = chunk[7] == b' ';
        last = run + 7;
        run += 8;
    }
    while let Some(&b) = bytes.get(run) {
        let len = match b {
            b' ' if !space => {
                space = true;
                1
            }
            b'-' => break,
            _ if b.is_ascii() && !b.is_ascii_whitespace() => {
                space = false;
                1
            }
            // U+00DF to U+00FF: ß, à … ÿ.
            0xc3 if bytes
                .get(run + 1)
                .is_some_and(|&n| (0x9f..=0xbf).contains(&n)) =>
            {
                space = false;
                2
            }
            _ => break,
        };
        last = run;
        run += len;
    }
    if !space && run > 0 && starts_with_combining_mark(&rest[run..]) {
        // `last` follows a letter or punctuation (a space would have been the end): no space.
        return (last, last > 0 && bytes[last - 1] == b' ');
    }
    (run, space)
}

/// True when the eight bytes of `x` (little-endian) are surely plain ASCII for
/// [`plain_run`]: no byte with the high bit, no hyphen, no control character (tab and line
/// breaks are whitespace), and no two spaces in a row (nor a space first when `space`: one was
/// just written). The zero-byte tests may also flag a byte right above a flagged one; such a
/// chunk is left to the byte-wise loop, which decides exactly.
fn plain_chunk(x: u64, space: bool) -> bool {
    const ONES: u64 = u64::MAX / 0xff;
    const HIGH: u64 = ONES * 0x80;
    // The high bit of each byte of `x` that is zero, and maybe of a byte above one.
    let zero_bytes = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    if x & HIGH != 0 || zero_bytes(x ^ (ONES * u64::from(b'-'))) != 0 {
        return false;
    }
    // Bytes below 0x20 (all ASCII here, so no borrow crosses into a byte of another kind).
    if x.wrapping_sub(ONES * 0x20) & !x & HIGH != 0 {
        return false;
    }
    let spaces = zero_bytes(x ^ (ONES * u64::from(b' ')));
    let first_space = x & 0xff == u64::from(b' ');
    spaces & (spaces >> 8) == 0 && !(space && first_space)
}

/// True for the signs of Latin-1 (U+00A1 to U+00BF) and the general punctuation (U+2010 to
/// U+205E): none has a case or a canonical decomposition, so NFC and lowercasing keep them.
fn is_plain_sign(c: char) -> bool {
    matches!(c, '\u{a1}'..='\u{bf}' | '\u{2010}'..='\u{205e}')
}

/// The lowercase of a precomposed Latin letter (U+00C0 to U+017F, not İ): one letter.
/// Latin-1 capitals are 0x20 below their small letters (but ×), without a table lookup.
fn lowercase_latin(c: char) -> char {
    match c {
        '\u{c0}'..='\u{de}' if c != '\u{d7}' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        '\u{df}'..='\u{ff}' => c,
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

/// True when `s` starts with a combining mark (which joins the character before it).
fn starts_with_combining_mark(s: &str) -> bool {
    // Every character below U+0300, the first combining mark, starts with a byte below 0xCC:
    // ASCII and accented Latin letters need no table lookup.
    if s.as_bytes().first().is_none_or(|&b| b < 0xcc) {
        return false;
    }
    s.chars()
        .next()
        .is_some_and(|m| !m.is_ascii() && canonical_combining_class(m) != 0)
}

/// ASCII letters and digits, by byte: one load where the hot loops would test three ranges.
pub(crate) const ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// True for characters that make up words: letters, digits and combining marks.
pub fn is_word_char(c: char) -> bool {
    match c {
        // Shortcuts for the characters news text is made of (the same answers as the general
        // rule, which needs table lookups).
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        '\u{c0}'..='\u{24f}' => c != '\u{d7}' && c != '\u{f7}',
        '\u{a0}' | '\u{ab}' | '\u{bb}' | '\u{2000}'..='\u{206f}' => false,
        _ => c.is_alphanumeric() || canonical_combining_class(c) != 0,
    }
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

    #[test]
    fn plain_signs_fold_as_normalizing_and_lowercasing_does() {
        let signs = ('\u{a1}'..='\u{bf}').chain('\u{2010}'..='\u{205e}');
        for c in signs.filter(|&c| is_plain_sign(c)) {
            assert_eq!(c.to_lowercase().collect::<String>(), c.to_string(), "{c:?}");
            for after in ["", "a", "\u{301}", "\u{327}\u{301}"] {
                let s = format!("x{c}{after}");
                let want: String = s.nfc().flat_map(char::to_lowercase).collect();
                let folded = Folded::new(&s, &[Span::new(0, s.len())], CaseMode::Fold);
                assert_eq!(folded.original_offset(folded.as_str().len()), s.len());
                // Spaces, apostrophes and invisible marks among them fold as such.
                if !matches!(classify(c), CharFold::Complex) {
                    continue;
                }
                assert_eq!(folded.as_str(), want, "{s:?}");
                if after.is_empty() || after == "a" {
                    // Byte for byte: the end of the sign maps to its end in the original.
                    let end = 1 + c.len_utf8();
                    assert_eq!(folded.original_offset(end), end, "{s:?}");
                }
            }
        }
    }

    #[test]
    fn plain_strings_fold_as_the_offset_mapping_fold_does() {
        let strings = [
            "New York Times",
            "new  york",
            " lead",
            "trail ",
            "a\tb",
            "a - b",
            "x-2",
            "AFP",
            "a\nb",
            "",
            "  ",
            "Ünïcode",
        ];
        for s in strings {
            for case in [CaseMode::Fold, CaseMode::Keep] {
                let full = Folded::new(s, &[Span::new(0, s.len())], case);
                assert_eq!(Folded::fold_str(s, case), full.as_str(), "{s:?}");
            }
        }
    }

    /// What the byte-wise loop of [`plain_run`] decides for eight ASCII bytes: each one taken
    /// as a plain byte of its own, given whether a space was just written.
    fn plain_bytes(chunk: &[u8], mut space: bool) -> bool {
        chunk.iter().all(|&b| {
            let plain = match b {
                b' ' => !space,
                b'-' => false,
                _ => b.is_ascii() && !b.is_ascii_whitespace(),
            };
            space = b == b' ';
            plain
        })
    }

    #[test]
    fn a_chunk_taken_at_once_is_one_the_byte_loop_takes_too() {
        // Every chunk of eight of these bytes, and a few kinds of text.
        let alphabet = [
            b'a', b'Z', b' ', b'-', b'\t', b'\n', 0x01, 0x7f, 0xc3, b'.', b'0',
        ];
        let mut taken = 0;
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..200_000 {
            // SplitMix64 steps pick the bytes.
            x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            let chunk: Vec<u8> = (0..8)
                .map(|k| alphabet[((z >> (k * 7)) % alphabet.len() as u64) as usize])
                .collect();
            let word = u64::from_le_bytes(chunk.clone().try_into().unwrap());
            for space in [false, true] {
                if plain_chunk(word, space) {
                    taken += 1;
                    assert!(plain_bytes(&chunk, space), "{chunk:?} after space {space}");
                }
            }
        }
        assert!(taken > 0);
        for (text, space, plain) in [
            (&b"Le Monde"[..], false, true),
            (b" a dit, ", false, true),
            (b" a dit, ", true, false),
            (b"a  doubl", false, false),
            (b"Haut-Kar", false, false),
            (b"ligne\n2.", false, false),
        ] {
            let word = u64::from_le_bytes(text.try_into().unwrap());
            assert_eq!(
                plain_chunk(word, space),
                plain,
                "{:?}",
                std::str::from_utf8(text)
            );
        }
    }

    #[test]
    fn cursor_maps_like_the_search_in_any_order() {
        let text = "L’OTAN  était là — Café d’État, été ! Fin";
        let f = Folded::new(text, &[Span::new(0, text.len())], CaseMode::Fold);
        let n = f.as_str().len();
        let mut cursor = f.cursor();
        for i in (0..=n).chain((0..=n).rev()).chain((0..=n).step_by(7)) {
            assert_eq!(
                cursor.original_offset(i),
                f.original_offset(i),
                "offset {i}"
            );
        }
    }

    #[test]
    fn latin_letters_lowercase_like_the_general_rule() {
        for c in ('\u{c0}'..='\u{17f}').filter(|&c| c != '\u{130}') {
            assert_eq!(Some(lowercase_latin(c)), c.to_lowercase().next(), "{c}");
        }
    }

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
    fn word_char_shortcuts_agree_with_the_general_rule() {
        let general = |c: char| c.is_alphanumeric() || canonical_combining_class(c) != 0;
        for c in ('\0'..='\u{2fff}').chain('\u{fe00}'..='\u{ffff}') {
            assert_eq!(is_word_char(c), general(c), "{c:?}");
        }
    }

    #[test]
    fn ascii_runs_fold_byte_for_byte_up_to_a_combining_mark() {
        assert_eq!(
            fold("Le G7 (2023), l’OTAN!").as_str(),
            "le g7 (2023), l'otan!"
        );
        let nfd = "CAFE\u{301} au lait";
        assert_eq!(fold(nfd).as_str(), "café au lait");
        assert_maps(nfd, "café", "CAFE\u{301}");
        assert_maps(nfd, "lait", "lait");
        assert_eq!(
            Folded::fold_str("Te\u{301}he\u{301}ran", CaseMode::Keep),
            "Téhéran"
        );
    }

    #[test]
    fn precomposed_latin_letters_are_nfc_and_lowercase_to_one_letter() {
        for c in ('\u{c0}'..='\u{17f}').filter(|&c| c != '\u{130}') {
            assert_eq!(c.to_string().nfc().collect::<String>(), c.to_string());
            let lower: Vec<char> = c.to_lowercase().collect();
            assert!(
                lower.len() == 1 && lower[0].len_utf8() == c.len_utf8(),
                "{c:?}"
            );
        }
        assert_eq!(fold("ÉTAT Œuvre İzmir").as_str(), "état œuvre i\u{307}zmir");
        assert_maps("x ÉTAT y", "état", "ÉTAT");
    }

    #[test]
    fn strips_diacritics() {
        assert_eq!(strip_diacritics("téhéran çà œil"), "teheran ca œil");
    }
}
