//! Positions: converting between mtlint's byte offsets and the protocol's line/character
//! positions, in the encoding negotiated with the client.
//!
//! A protocol position is a 0-based line and a 0-based character offset within that line,
//! counted in UTF-16 code units (the protocol's default) or UTF-8 bytes (when the client offers
//! it). Lines end at `\n`, `\r\n` or a lone `\r`, as the protocol says. Conversions are exact
//! for any text (accents, emoji, combining marks) and never panic: a position past the end of
//! a line is the line's end, one past the last line is the end of the text, and one inside a
//! character is that character's start. This module knows nothing of diagnostics.

use lsp_types::{Position, PositionEncodingKind, Range};

/// How the characters of a [`Position`] are counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum PositionEncoding {
    /// UTF-8 code units (bytes).
    Utf8,
    /// UTF-16 code units: the protocol's default, which every client supports.
    #[default]
    Utf16,
}

impl PositionEncoding {
    /// The encoding to use given what the client offers (`general.positionEncodings`): UTF-8
    /// when offered, UTF-16 otherwise.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> PositionEncoding {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => PositionEncoding::Utf8,
            _ => PositionEncoding::Utf16,
        }
    }

    /// The protocol's name for this encoding.
    pub fn kind(self) -> PositionEncodingKind {
        match self {
            PositionEncoding::Utf8 => PositionEncodingKind::UTF8,
            PositionEncoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }

    /// The code units of `c` in this encoding.
    fn units(self, c: char) -> usize {
        match self {
            PositionEncoding::Utf8 => c.len_utf8(),
            PositionEncoding::Utf16 => c.len_utf16(),
        }
    }
}

/// Where each line of a text starts, to convert offsets and positions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset of the first byte of each line; the first is 0.
    starts: Vec<usize>,
    /// Length of the text.
    len: usize,
}

impl LineIndex {
    /// Indexes the lines of `text`.
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    starts.push(i + 2);
                    i += 1;
                }
                b'\r' => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex {
            starts,
            len: text.len(),
        }
    }

    /// Number of lines (a text ending with a line break has an empty last line).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The byte range of line `line`'s content, without its line break.
    fn line_content(&self, text: &str, line: usize) -> (usize, usize) {
        let start = self.starts[line];
        let mut end = self.starts.get(line + 1).copied().unwrap_or(self.len);
        let bytes = text.as_bytes();
        if end > start && bytes.get(end - 1) == Some(&b'\n') {
            end -= 1;
        }
        if end > start && bytes.get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        (start, end)
    }

    /// The 0-based line holding byte `offset`.
    fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// The position of byte `offset` of `text` (the text this index was built from). An offset
    /// past the end is the end; one inside a character or a `\r\n` is rounded down.
    pub fn position(&self, text: &str, offset: usize, encoding: PositionEncoding) -> Position {
        let offset = floor_char_boundary(text, offset.min(self.len));
        let line = self.line_of(offset);
        let (start, end) = self.line_content(text, line);
        let character = units(&text[start..offset.min(end)], encoding);
        Position::new(to_u32(line), to_u32(character))
    }

    /// The byte offset of `position` in `text` (the text this index was built from), clamped
    /// as the protocol says: past a line's end is its end, past the last line is the text's end,
    /// inside a character is its start.
    pub fn offset(&self, text: &str, position: Position, encoding: PositionEncoding) -> usize {
        let line = position.line as usize;
        if line >= self.starts.len() {
            return self.len;
        }
        let (start, end) = self.line_content(text, line);
        let wanted = position.character as usize;
        if encoding == PositionEncoding::Utf8 {
            return floor_char_boundary(text, (start + wanted).min(end));
        }
        let mut counted = 0;
        for (i, c) in text[start..end].char_indices() {
            let next = counted + encoding.units(c);
            if next > wanted {
                return start + i;
            }
            counted = next;
        }
        end
    }

    /// The byte range of a protocol range; a reversed range is put in order.
    pub fn span(
        &self,
        text: &str,
        range: Range,
        encoding: PositionEncoding,
    ) -> crate::diagnostic::Span {
        let a = self.offset(text, range.start, encoding);
        let b = self.offset(text, range.end, encoding);
        crate::diagnostic::Span::new(a.min(b), a.max(b))
    }

    /// A converter for many offsets of `text`, fast when they come in increasing order.
    pub fn cursor<'a>(&'a self, text: &'a str, encoding: PositionEncoding) -> PositionCursor<'a> {
        PositionCursor {
            index: self,
            text,
            encoding,
            last: None,
        }
    }
}

/// Converts offsets to positions, remembering the last one so that offsets given in increasing
/// order along a long line are counted once (a line of 100 KB with a thousand findings stays
/// linear).
#[derive(Debug)]
pub struct PositionCursor<'a> {
    index: &'a LineIndex,
    text: &'a str,
    encoding: PositionEncoding,
    /// The last converted offset (a character boundary), its line and its character.
    last: Option<(usize, usize, usize)>,
}

impl PositionCursor<'_> {
    /// The position of byte `offset`, as [`LineIndex::position`].
    pub fn position(&mut self, offset: usize) -> Position {
        let text = self.text;
        let offset = floor_char_boundary(text, offset.min(self.index.len));
        let line = self.index.line_of(offset);
        let (start, end) = self.index.line_content(text, line);
        let upto = offset.min(end);
        let character = match self.last {
            Some((at, l, c)) if l == line && at <= upto => {
                c + units(&text[at..upto], self.encoding)
            }
            _ => units(&text[start..upto], self.encoding),
        };
        self.last = Some((upto, line, character));
        Position::new(to_u32(line), to_u32(character))
    }

    /// The range of a byte span.
    pub fn range(&mut self, span: crate::diagnostic::Span) -> Range {
        let start = self.position(span.start);
        let end = self.position(span.end);
        Range::new(start, end)
    }
}

/// The code units of `s` in `encoding`.
fn units(s: &str, encoding: PositionEncoding) -> usize {
    match encoding {
        PositionEncoding::Utf8 => s.len(),
        PositionEncoding::Utf16 => s.chars().map(char::len_utf16).sum(),
    }
}

/// The largest character boundary of `text` at or before `offset` (which is at most its
/// length).
fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Saturates at `u32::MAX` (the protocol's limit; texts that long are not edited in editors).
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use PositionEncoding::{Utf16, Utf8};

    #[track_caller]
    fn assert_roundtrip(text: &str, offset: usize, encoding: PositionEncoding, line: u32, ch: u32) {
        let index = LineIndex::new(text);
        let p = index.position(text, offset, encoding);
        assert_eq!(
            (p.line, p.character),
            (line, ch),
            "position of byte {offset}"
        );
        assert_eq!(index.offset(text, p, encoding), offset, "offset of {p:?}");
        assert_eq!(index.cursor(text, encoding).position(offset), p);
    }

    #[test]
    fn accents_count_one_utf16_unit_and_two_bytes() {
        let text = "Le président élu";
        let at = text.find("élu").unwrap();
        assert_roundtrip(text, at, Utf16, 0, 13);
        assert_roundtrip(text, at, Utf8, 0, 14);
    }

    #[test]
    fn emoji_count_two_utf16_units_and_four_bytes() {
        let text = "a 😀 b";
        let b = text.find('b').unwrap();
        assert_roundtrip(text, b, Utf16, 0, 5);
        assert_roundtrip(text, b, Utf8, 0, 7);
    }

    #[test]
    fn combining_marks_are_characters_of_their_own() {
        // "e" + COMBINING ACUTE ACCENT: two code points, one UTF-16 unit each, 1 + 2 bytes.
        let text = "Pe\u{301}rou x";
        let x = text.find('x').unwrap();
        assert_roundtrip(text, x, Utf16, 0, 7);
        assert_roundtrip(text, x, Utf8, 0, 8);
        // The mark itself is addressable.
        assert_roundtrip(text, 2, Utf16, 0, 2);
    }

    #[test]
    fn every_line_break_ends_a_line() {
        let text = "a\nb\r\nc\rd";
        for (offset, line, ch) in [(0, 0, 0), (2, 1, 0), (5, 2, 0), (7, 3, 0), (8, 3, 1)] {
            assert_roundtrip(text, offset, Utf16, line, ch);
        }
        assert_eq!(LineIndex::new(text).line_count(), 4);
    }

    #[test]
    fn out_of_range_positions_are_clamped() {
        let text = "ab\ncd";
        let index = LineIndex::new(text);
        assert_eq!(index.offset(text, Position::new(0, 99), Utf16), 2);
        assert_eq!(index.offset(text, Position::new(9, 0), Utf16), 5);
        assert_eq!(
            index.offset(text, Position::new(u32::MAX, u32::MAX), Utf8),
            5
        );
        // An offset inside "\r\n" or past the end.
        let crlf = "a\r\nb";
        assert_eq!(
            LineIndex::new(crlf).position(crlf, 2, Utf16),
            Position::new(0, 1)
        );
        assert_eq!(
            LineIndex::new(crlf).position(crlf, 99, Utf16),
            Position::new(1, 1)
        );
    }

    #[test]
    fn positions_inside_a_character_round_down() {
        let text = "😀é";
        let index = LineIndex::new(text);
        // UTF-16 unit 1 is the second half of the emoji's surrogate pair.
        assert_eq!(index.offset(text, Position::new(0, 1), Utf16), 0);
        // Byte 5 is inside "é".
        assert_eq!(index.offset(text, Position::new(0, 5), Utf8), 4);
        assert_eq!(index.position(text, 2, Utf16), Position::new(0, 0));
    }

    #[test]
    fn the_cursor_agrees_with_the_index_in_any_order() {
        let text = "l’OTS 😀 et\r\nPe\u{301}rou, Haut-Karabagh\n\n🇫🇷 fin";
        let index = LineIndex::new(text);
        for encoding in [Utf8, Utf16] {
            let mut cursor = index.cursor(text, encoding);
            let offsets: Vec<usize> = (0..=text.len()).chain((0..=text.len()).rev()).collect();
            for offset in offsets {
                assert_eq!(
                    cursor.position(offset),
                    index.position(text, offset, encoding),
                    "{encoding:?} byte {offset}"
                );
            }
        }
    }

    #[test]
    fn negotiation_prefers_utf8_when_offered() {
        let both = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(PositionEncoding::negotiate(Some(&both)), Utf8);
        assert_eq!(
            PositionEncoding::negotiate(Some(&[PositionEncodingKind::UTF32])),
            Utf16
        );
        assert_eq!(PositionEncoding::negotiate(None), Utf16);
    }
}
