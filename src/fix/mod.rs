//! Applying fixes: edits are applied in position order and must not overlap.

use crate::diagnostic::Edit;
use std::fmt;

/// Why a set of edits cannot be applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FixError {
    /// Two edits touch the same bytes.
    Overlap {
        /// Start of the later edit.
        at: usize,
    },
    /// An edit starts or ends outside the text or inside a character.
    OutOfBounds {
        /// The offending offset.
        at: usize,
    },
}

impl fmt::Display for FixError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FixError::Overlap { at } => write!(f, "edits overlap at byte {at}"),
            FixError::OutOfBounds { at } => {
                write!(
                    f,
                    "edit at byte {at} is outside the text or inside a character"
                )
            }
        }
    }
}

impl std::error::Error for FixError {}

/// Applies non-overlapping edits to `text`.
pub fn apply_edits(text: &str, edits: &[Edit]) -> Result<String, FixError> {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in sorted {
        for offset in [e.span.start, e.span.end] {
            if !text.is_char_boundary(offset) {
                return Err(FixError::OutOfBounds { at: offset });
            }
        }
        if e.span.start < at {
            return Err(FixError::Overlap { at: e.span.start });
        }
        out.push_str(&text[at..e.span.start]);
        out.push_str(&e.replacement);
        at = e.span.end;
    }
    out.push_str(&text[at..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Span;

    #[test]
    fn applies_in_order_and_rejects_overlaps() {
        let text = "l’OTS et Pashinyan";
        let name = text.find("Pashinyan").unwrap();
        let edits = [
            Edit::replace(Span::new(name, name + 9), "Pachinian"),
            Edit::replace(Span::new(4, 7), "OET"),
        ];
        assert_eq!(apply_edits(text, &edits).unwrap(), "l’OET et Pachinian");
        let overlapping = [Edit::delete(Span::new(0, 5)), Edit::delete(Span::new(4, 7))];
        assert_eq!(
            apply_edits(text, &overlapping),
            Err(FixError::Overlap { at: 4 })
        );
        assert_eq!(
            apply_edits(text, &[Edit::delete(Span::new(2, 3))]),
            Err(FixError::OutOfBounds { at: 2 })
        );
    }
}
