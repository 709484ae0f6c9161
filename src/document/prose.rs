//! The prose view of a marked-up document: the text checks read, with a map back to the
//! original bytes.
//!
//! A format parser feeds a [`ProseBuilder`] with pieces of the original (copied as they are) and
//! decoded pieces (an entity, a soft line break), and marks block boundaries. The resulting
//! [`ProseMap`] maps prose offsets back to original ones, and [`ProseMap::edits_to_original`]
//! turns an edit of the prose into the smallest edits of the original, so that a fix inside
//! `Haut-**Karabagh**` changes one letter and keeps the markup.

use crate::diagnostic::{Edit, Span};
use similar::{ChangeTag, TextDiff};

/// A run of prose and where it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Piece {
    prose: usize,
    original: Span,
    /// The prose bytes equal the original bytes one for one.
    identity: bool,
}

/// Maps prose offsets to original offsets.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProseMap {
    pieces: Vec<Piece>,
    prose_len: usize,
}

impl ProseMap {
    fn piece_at(&self, prose: usize) -> Option<&Piece> {
        let i = self.pieces.partition_point(|p| p.prose <= prose);
        i.checked_sub(1).map(|i| &self.pieces[i])
    }

    fn piece_end(&self, index: usize) -> usize {
        self.pieces
            .get(index + 1)
            .map_or(self.prose_len, |next| next.prose)
    }

    /// The original offset where the prose at `prose` starts.
    pub fn start(&self, prose: usize) -> usize {
        if prose >= self.prose_len {
            return self.pieces.last().map_or(0, |p| p.original.end);
        }
        match self.piece_at(prose) {
            Some(p) if p.identity => p.original.start + (prose - p.prose),
            Some(p) => p.original.start,
            None => 0,
        }
    }

    /// The original offset where the prose ending at `prose` ends.
    pub fn end(&self, prose: usize) -> usize {
        if prose == 0 {
            return self.pieces.first().map_or(0, |p| p.original.start);
        }
        let i = self.pieces.partition_point(|p| p.prose < prose);
        let Some(index) = i.checked_sub(1) else {
            return 0;
        };
        let p = &self.pieces[index];
        if p.identity {
            p.original.start + (prose - p.prose).min(self.piece_end(index) - p.prose)
        } else {
            p.original.end
        }
    }

    /// True when the original bytes of a prose span hold more than its prose: tags or markup
    /// between two of its pieces.
    fn has_markup_inside(&self, span: Span) -> bool {
        let first = self
            .pieces
            .partition_point(|p| p.prose <= span.start)
            .saturating_sub(1);
        let last = self.pieces.partition_point(|p| p.prose < span.end);
        self.pieces[first..last.max(first)]
            .windows(2)
            .any(|w| w[0].original.end != w[1].original.start)
    }

    /// The original bytes of a non-empty prose span as maximal contiguous ranges: the span
    /// split wherever markup lies between two of its pieces.
    fn contiguous_parts(&self, span: Span) -> Vec<Span> {
        let first = self
            .pieces
            .partition_point(|p| p.prose <= span.start)
            .saturating_sub(1);
        let last = self.pieces.partition_point(|p| p.prose < span.end);
        let mut parts: Vec<Span> = Vec::new();
        for index in first..last.max(first) {
            let p = &self.pieces[index];
            let (from, to) = (span.start.max(p.prose), span.end.min(self.piece_end(index)));
            if from >= to && !(from == to && p.prose == from) {
                continue;
            }
            let original = if p.identity {
                Span::new(
                    p.original.start + (from - p.prose),
                    p.original.start + (to - p.prose),
                )
            } else {
                p.original
            };
            match parts.last_mut() {
                Some(last) if last.end == original.start => last.end = original.end,
                _ => parts.push(original),
            }
        }
        if parts.is_empty() {
            parts.push(self.span(span));
        }
        parts
    }

    /// The original bytes of a prose span.
    pub fn span(&self, span: Span) -> Span {
        if span.is_empty() {
            let at = self.start(span.start);
            return Span::new(at, at);
        }
        let start = self.start(span.start);
        Span::new(start, self.end(span.end).max(start))
    }

    /// Turns an edit of the prose into the smallest edits of the original: unchanged
    /// characters stay untouched, so markup between them survives. `escape` makes inserted
    /// text safe for the format (HTML entities).
    pub fn edits_to_original(
        &self,
        prose: &str,
        edit: &Edit,
        escape: fn(&str) -> String,
    ) -> Vec<Edit> {
        if !self.has_markup_inside(edit.span) {
            // Contiguous original bytes (entities at most): one edit.
            return vec![Edit::replace(
                self.span(edit.span),
                escape(&edit.replacement),
            )];
        }
        let old = edit.span.slice(prose);
        let diff = TextDiff::from_chars(old, &edit.replacement);
        let mut edits: Vec<Edit> = Vec::new();
        let mut at = edit.span.start; // prose offset in the old text
        let mut pending: Option<(usize, usize, String)> = None;
        let flush = |pending: &mut Option<(usize, usize, String)>, edits: &mut Vec<Edit>| {
            if let Some((s, e, new)) = pending.take() {
                if s == e {
                    let o = self.start(s);
                    edits.push(Edit::replace(Span::new(o, o), escape(&new)));
                    return;
                }
                // A deletion across markup deletes the prose on each side of it and keeps the
                // markup itself (an XML file must stay well-formed); the new text goes first.
                for (i, part) in self
                    .contiguous_parts(Span::new(s, e))
                    .into_iter()
                    .enumerate()
                {
                    let replacement = if i == 0 { escape(&new) } else { String::new() };
                    edits.push(Edit::replace(part, replacement));
                }
            }
        };
        for change in diff.iter_all_changes() {
            let value = change.value();
            match change.tag() {
                ChangeTag::Equal => {
                    flush(&mut pending, &mut edits);
                    at += value.len();
                }
                ChangeTag::Delete => {
                    let p = pending.get_or_insert((at, at, String::new()));
                    p.1 = at + value.len();
                    at += value.len();
                }
                ChangeTag::Insert => {
                    pending
                        .get_or_insert((at, at, String::new()))
                        .2
                        .push_str(value);
                }
            }
        }
        flush(&mut pending, &mut edits);
        edits
    }
}

/// Builds the prose of a document piece by piece.
#[derive(Debug, Default)]
pub struct ProseBuilder {
    text: String,
    map: ProseMap,
    segments: Vec<Span>,
    block_start: Option<usize>,
}

impl ProseBuilder {
    /// An empty builder.
    pub fn new() -> ProseBuilder {
        ProseBuilder::default()
    }

    fn push(&mut self, original: Span, text: &str, identity: bool) {
        if text.is_empty() {
            return;
        }
        if self.block_start.is_none() {
            if !self.text.is_empty() {
                // Blocks are separated by a line break that maps to the end of the last one.
                let at = self
                    .map
                    .pieces
                    .last()
                    .map_or(original.start, |p| p.original.end);
                self.map.pieces.push(Piece {
                    prose: self.text.len(),
                    original: Span::new(at, at),
                    identity: false,
                });
                self.text.push('\n');
            }
            self.block_start = Some(self.text.len());
        }
        self.map.pieces.push(Piece {
            prose: self.text.len(),
            original,
            identity,
        });
        self.text.push_str(text);
    }

    /// Appends original bytes as they are.
    pub fn copy(&mut self, original: &str, span: Span) {
        self.push(span, span.slice(original), true);
    }

    /// Appends text that stands for the original bytes of `span` (a decoded entity).
    pub fn decoded(&mut self, span: Span, text: &str) {
        let identity = false;
        self.push(span, text, identity);
    }

    /// Ends the current block: what follows starts a new segment.
    pub fn end_block(&mut self) {
        self.end_segment();
    }

    /// Ends the current block like [`ProseBuilder::end_block`], and returns the segment it
    /// made, if it held more than white space.
    pub fn end_segment(&mut self) -> Option<Span> {
        let start = self.block_start.take()?;
        if self.text[start..].trim().is_empty() {
            return None;
        }
        let segment = Span::new(start, self.text.len());
        self.segments.push(segment);
        Some(segment)
    }

    /// The prose, its map and its segments.
    pub fn finish(mut self) -> (String, ProseMap, Vec<Span>) {
        self.end_block();
        self.map.prose_len = self.text.len();
        (self.text, self.map, self.segments)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(original: &str, parts: &[(usize, usize, Option<&str>)]) -> (String, ProseMap) {
        let mut b = ProseBuilder::new();
        for &(s, e, decoded) in parts {
            match decoded {
                Some(t) => b.decoded(Span::new(s, e), t),
                None => b.copy(original, Span::new(s, e)),
            }
        }
        let (text, map, _) = b.finish();
        (text, map)
    }

    #[test]
    fn maps_spans_across_markup_and_entities() {
        // "Haut-**Karabagh** l&rsquo;OTAN"
        let original = "Haut-**Karabagh** l&rsquo;OTAN";
        let (prose, map) = build(
            original,
            &[
                (0, 5, None),
                (7, 15, None),
                (17, 19, None),
                (19, 26, Some("’")),
                (26, 30, None),
            ],
        );
        assert_eq!(prose, "Haut-Karabagh l’OTAN");
        let whole = Span::new(0, "Haut-Karabagh".len());
        assert_eq!(map.span(whole).slice(original), "Haut-**Karabagh");
        let otan = prose.find("OTAN").unwrap();
        assert_eq!(map.span(Span::new(otan, otan + 4)).slice(original), "OTAN");
        let apostrophe = prose.find('’').unwrap();
        assert_eq!(
            map.span(Span::new(apostrophe, apostrophe + 3))
                .slice(original),
            "&rsquo;"
        );
    }

    #[test]
    fn a_deletion_across_markup_keeps_the_markup() {
        // "Semaine <g>d’actualités</g>" → "Newsweek": nothing in common but the tags survive.
        let original = "Semaine <g>d&#8217;actualités</g>";
        let (prose, map) = build(
            original,
            &[
                (0, 8, None),
                (11, 12, None),
                (12, 19, Some("’")),
                (19, 30, None),
            ],
        );
        assert_eq!(prose, "Semaine d’actualités");
        let edit = Edit::replace(Span::new(0, prose.len()), "Newsweek");
        let edits = map.edits_to_original(&prose, &edit, str::to_owned);
        let fixed = crate::fix::apply_edits(original, &edits).unwrap();
        assert!(fixed.contains("<g>") && fixed.contains("</g>"), "{fixed}");
        assert_eq!(fixed.replace("<g>", "").replace("</g>", ""), "Newsweek");
    }

    #[test]
    fn edits_touch_only_what_changes() {
        let original = "Haut-**Karabagh**";
        let (prose, map) = build(original, &[(0, 5, None), (7, 15, None)]);
        let edit = Edit::replace(Span::new(0, prose.len()), "Haut-Karabakh");
        let edits = map.edits_to_original(&prose, &edit, str::to_owned);
        let fixed = crate::fix::apply_edits(original, &edits).unwrap();
        assert_eq!(fixed, "Haut-**Karabakh**");
    }
}
