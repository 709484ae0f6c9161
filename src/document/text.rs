//! Plain text: the whole file is prose, after the byte order mark.

use crate::diagnostic::Span;

/// The prose segments of a plain-text file: one segment after the BOM (none if empty).
pub fn segments(text: &str, bom_len: usize) -> Vec<Span> {
    if text.len() > bom_len {
        vec![Span::new(bom_len, text.len())]
    } else {
        Vec::new()
    }
}
