//! Documents: the prose of an input, what checks read, with a map back to the original bytes.
//!
//! A format module decides what is prose: [`text`] (all of it), [`markdown`] and [`html`]
//! (paragraphs, headings, alt text… but not code, markup or URLs), [`xliff`] and [`po`] (the
//! target texts of a bilingual file, each paired with its source). Checks read the prose and
//! report prose spans; [`Document::to_original`] and [`Document::edits_to_original`] map their
//! findings and fixes back to the exact bytes of the file.
//!
//! Text, Markdown and HTML are read whatever their content; XLIFF and PO have a grammar, and a
//! file that breaks it is a [`ParseError`] naming the line and column.

pub mod align;
mod error;
mod html;
mod markdown;
mod po;
mod prose;
mod text;
mod xliff;

pub use error::ParseError;
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
    /// XLIFF 1.2 or 2.x: the targets of the translation units.
    Xliff,
    /// A gettext PO (or POT) catalogue: the `msgstr` translations.
    Po,
}

impl Format {
    /// Every format's name, as in `--input-format`.
    pub const NAMES: &'static [&'static str] = &["txt", "md", "html", "xliff", "po"];

    /// The format's short name.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Xliff => "xliff",
            Format::Po => "po",
        }
    }

    /// Parses a short name or extension (`txt`, `md`, `markdown`, `html`, `htm`, `xliff`,
    /// `xlf`, `po`, `pot`).
    pub fn from_name(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "xliff" | "xlf" => Some(Format::Xliff),
            "po" | "pot" => Some(Format::Po),
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
    /// The languages the file itself declares (XLIFF, PO), if any.
    declared: DeclaredLanguages,
    /// Byte ranges of the original whose content is written raw (XLIFF CDATA sections): text a
    /// fix inserts there is not escaped as entities.
    raw: Vec<Span>,
}

/// The languages a bilingual file declares: XLIFF `source-language`/`target-language`
/// (`srcLang`/`trgLang` in 2.x), the `Language:` of a PO header. Tags as written (`fr-FR`,
/// `fr_FR`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeclaredLanguages {
    /// The source language tag.
    pub source: Option<String>,
    /// The target language tag.
    pub target: Option<String>,
}

impl DeclaredLanguages {
    /// The primary language subtag of a tag, lowercased: `fr` for `fr-FR`, `fr_CA` or `FR`.
    pub fn primary(tag: &str) -> String {
        tag.split(['-', '_', '@', '.'])
            .next()
            .unwrap_or(tag)
            .trim()
            .to_ascii_lowercase()
    }
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

/// What a bilingual format's parser adds to the prose it builds.
#[derive(Debug, Default)]
struct Bilingual {
    pairs: Vec<SegmentPair>,
    declared: DeclaredLanguages,
    raw: Vec<Span>,
}

impl Document {
    /// A plain-text document: everything after the BOM is prose.
    pub fn plain(source: Source) -> Document {
        let segments = text::segments(&source.text, source.bom_len());
        Document {
            name: source.name,
            original: source.text,
            format: Format::Text,
            prose: None,
            segments,
            pairs: Vec::new(),
            declared: DeclaredLanguages::default(),
            raw: Vec::new(),
        }
    }

    /// Reads `source` in `format`. Text, Markdown and HTML never fail; an XLIFF or PO file
    /// that breaks its grammar is an error naming the place.
    pub fn parse(source: Source, format: Format) -> Result<Document, ParseError> {
        let start = source.bom_len();
        let mut builder = ProseBuilder::new();
        let mut bilingual = Bilingual::default();
        let located = |e: error::Located| ParseError::new(&source.name, &source.text, e);
        match format {
            Format::Text => return Ok(Document::plain(source)),
            Format::Markdown => markdown::parse(&source.text, start, &mut builder),
            Format::Html => html::parse(&source.text, start, &mut builder),
            Format::Xliff => {
                bilingual = xliff::parse(&source.text, start, &mut builder).map_err(located)?;
            }
            Format::Po => {
                bilingual = po::parse(&source.text, start, &mut builder).map_err(located)?;
            }
        }
        let (prose, map, segments) = builder.finish();
        Ok(Document {
            name: source.name,
            original: source.text,
            format,
            prose: Some((prose, map)),
            segments,
            pairs: bilingual.pairs,
            declared: bilingual.declared,
            raw: bilingual.raw,
        })
    }

    /// The languages the file declares (empty for text, Markdown and HTML).
    pub fn declared_languages(&self) -> &DeclaredLanguages {
        &self.declared
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
            Some((prose, map)) => match self.format {
                Format::Html => map.edits_to_original(prose, edit, html::escape),
                Format::Text | Format::Markdown => {
                    map.edits_to_original(prose, edit, str::to_owned)
                }
                Format::Po => {
                    // Escaped after mapping: what a replacement starts with may depend on the
                    // escape written before it in the original ("\6" then "10").
                    let mut edits = map.edits_to_original(prose, edit, str::to_owned);
                    for e in &mut edits {
                        po::escape_edit(&self.original, e);
                    }
                    edits
                }
                Format::Xliff => {
                    // Escaped after mapping: inside a CDATA section the text goes in raw.
                    let mut edits = map.edits_to_original(prose, edit, str::to_owned);
                    for e in &mut edits {
                        let in_cdata = self
                            .raw
                            .iter()
                            .any(|r| r.start <= e.span.start && e.span.end <= r.end);
                        e.replacement = if in_cdata {
                            xliff::escape_cdata(&e.replacement)
                        } else {
                            xliff::escape(&e.replacement)
                        };
                    }
                    edits
                }
            },
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
