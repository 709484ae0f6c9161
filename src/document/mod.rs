//! Documents: the prose of an input, what checks read, with a map back to the original bytes.
//!
//! A format module decides what is prose: [`text`] (all of it), [`markdown`] and [`html`]
//! (paragraphs, headings, alt text… but not code, markup or URLs). Checks read the prose and
//! report prose spans; [`Document::to_original`] and [`Document::edits_to_original`] map their
//! findings and fixes back to the exact bytes of the file.

pub mod align;
mod html;
mod markdown;
mod prose;
mod text;

pub use prose::{ProseBuilder, ProseMap};

use crate::diagnostic::{Diagnostic, Edit, Fix, Span};
use crate::input::Source;
use std::path::Path;

/// The formats mtlint reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text: every byte is prose.
    Text,
    /// Markdown (CommonMark with tables and footnotes), with YAML or TOML front matter.
    Markdown,
    /// HTML.
    Html,
}

impl Format {
    /// Every format's name, as in `--input-format`.
    pub const NAMES: &'static [&'static str] = &["txt", "md", "html"];

    /// The format's short name.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }

    /// Parses a short name (`txt`, `md`, `markdown`, `html`, `htm`).
    pub fn from_name(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }

    /// The format a path's extension names; plain text when it names none.
    pub fn from_path(path: &Path) -> Format {
        path.extension()
            .and_then(|e| e.to_str())
            .and_then(Format::from_name)
            .unwrap_or(Format::Text)
    }
}

/// An input ready for checking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// The name it is reported under.
    pub name: String,
    /// The whole original content; findings are reported in its bytes.
    pub original: String,
    /// How it was read.
    pub format: Format,
    /// The prose view when it differs from the original (markup, entities).
    prose: Option<(String, ProseMap)>,
    /// The prose blocks, as sorted, non-overlapping byte ranges of [`Document::prose`].
    pub segments: Vec<Span>,
    /// In a bilingual document (XLIFF, PO, or a text checked with `--source`), each target
    /// segment with the source text it translates; empty for a monolingual document.
    pub pairs: Vec<SegmentPair>,
}

/// A target segment of a bilingual document and the source text it translates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SegmentPair {
    /// What names the pair to a reader: an XLIFF unit or segment id, a PO entry's line, a
    /// paragraph number.
    pub id: String,
    /// The source text, markup removed and entities decoded.
    pub source: String,
    /// Where the source text lies: a byte range of the file that holds it (the document
    /// itself for XLIFF and PO, the `--source` file otherwise).
    pub source_span: Span,
    /// The target segment: a byte range of [`Document::prose`], inside one of
    /// [`Document::segments`].
    pub target: Span,
}

impl Document {
    /// A plain-text document: everything after the BOM is prose.
    pub fn plain(source: Source) -> Document {
        Document::parse(source, Format::Text)
    }

    /// Reads `source` in `format`.
    pub fn parse(source: Source, format: Format) -> Document {
        let start = source.bom_len();
        let mut builder = ProseBuilder::new();
        match format {
            Format::Text => {
                let segments = text::segments(&source.text, start);
                return Document {
                    name: source.name,
                    original: source.text,
                    format,
                    prose: None,
                    segments,
                    pairs: Vec::new(),
                };
            }
            Format::Markdown => markdown::parse(&source.text, start, &mut builder),
            Format::Html => html::parse(&source.text, start, &mut builder),
        }
        let (prose, map, segments) = builder.finish();
        Document {
            name: source.name,
            original: source.text,
            format,
            prose: Some((prose, map)),
            segments,
            pairs: Vec::new(),
        }
    }

    /// The prose that checks read; every check span refers to it.
    pub fn prose(&self) -> &str {
        self.prose.as_ref().map_or(&self.original, |(p, _)| p)
    }

    /// The original bytes of a prose span.
    pub fn to_original(&self, span: Span) -> Span {
        match &self.prose {
            None => span,
            Some((_, map)) => map.span(span),
        }
    }

    /// The smallest edits of the original that make a prose edit, with inserted text escaped
    /// for the format.
    pub fn edits_to_original(&self, edit: &Edit) -> Vec<Edit> {
        match &self.prose {
            None => vec![edit.clone()],
            Some((prose, map)) => {
                let escape: fn(&str) -> String = match self.format {
                    Format::Html => html::escape,
                    Format::Text | Format::Markdown => str::to_owned,
                };
                map.edits_to_original(prose, edit, escape)
            }
        }
    }

    /// Maps a finding made on the prose to the original bytes: its span, related places and
    /// the edits of its fixes.
    pub fn diagnostic_to_original(&self, d: Diagnostic) -> Diagnostic {
        if self.prose.is_none() {
            return d;
        }
        Diagnostic {
            span: self.to_original(d.span),
            related: d
                .related
                .into_iter()
                .map(|(s, note)| (self.to_original(s), note))
                .collect(),
            fixes: d
                .fixes
                .into_iter()
                .map(|f| Fix {
                    edits: f
                        .edits
                        .iter()
                        .flat_map(|e| self.edits_to_original(e))
                        .collect(),
                    ..f
                })
                .collect(),
            ..d
        }
    }
}
