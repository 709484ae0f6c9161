//! Documents: the prose of an input as segments, each a byte range of the original text.
//!
//! A format module (plain text now; Markdown and HTML later) decides what is prose. Checks only
//! ever see segments, so markup, code and front matter are never checked.

mod text;

use crate::diagnostic::Span;
use crate::input::Source;

/// An input ready for checking: its whole text and the prose segments in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// The name it is reported under.
    pub name: String,
    /// The whole original text (offsets refer to it).
    pub text: String,
    /// The prose, as sorted, non-overlapping byte ranges of `text`.
    pub segments: Vec<Span>,
}

impl Document {
    /// A plain-text document: everything after the BOM is prose.
    pub fn plain(source: Source) -> Document {
        let segments = text::segments(&source.text, source.bom_len());
        Document {
            name: source.name,
            text: source.text,
            segments,
        }
    }
}
