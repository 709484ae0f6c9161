//! Rendering findings as they come, piece by piece, for a file checked in pieces (see
//! [`crate::chunked`]): the output is byte for byte what the whole-run renderers write, but
//! nothing waits for the end of the file. The human, concise and JSON formats stream.

use super::concise::concise_line;
use super::human::{render_one, renderer};
use super::json::diagnostic_out;
use super::{TextView, Totals};
use crate::diagnostic::Diagnostic;
use crate::glossary::Lang;
use annotate_snippets::Renderer;
use std::io::{self, Write};

/// The formats that stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StreamFormat {
    /// As [`super::render_human`].
    Human,
    /// As [`super::render_concise`].
    Concise,
    /// As [`super::render_json`].
    Json,
}

/// Writes findings to `out` as they are found; [`StreamRenderer::finish`] writes the summary.
pub struct StreamRenderer<W: Write> {
    format: StreamFormat,
    renderer: Renderer,
    out: W,
    totals: Totals,
    /// The file being rendered, and whether a finding of it was written.
    file: Option<(String, bool)>,
}

/// `text` with `n` spaces after each line break (pretty JSON nested deeper; JSON strings
/// never hold a raw line break).
fn indented(text: &str, n: usize) -> String {
    text.replace('\n', &format!("\n{}", " ".repeat(n)))
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).expect("a string serializes")
}

impl<W: Write> StreamRenderer<W> {
    /// A renderer writing `format` to `out`; `color` styles the human format.
    pub fn new(format: StreamFormat, color: bool, out: W) -> StreamRenderer<W> {
        StreamRenderer {
            format,
            renderer: renderer(color),
            out,
            totals: Totals::default(),
            file: None,
        }
    }

    /// Starts a file (the JSON format needs its word count first).
    pub fn begin_file(&mut self, name: &str, language: Lang, words: usize) -> io::Result<()> {
        if self.format == StreamFormat::Json {
            if self.totals.files == 0 {
                self.out
                    .write_all(b"{\n  \"version\": 1,\n  \"files\": [\n")?;
            } else {
                self.out.write_all(b",\n")?;
            }
            write!(
                self.out,
                "    {{\n      \"path\": {},\n      \"language\": {},\n      \"words\": {words},\n      \"diagnostics\": [",
                json_string(name),
                json_string(language.code())
            )?;
        }
        self.totals.files += 1;
        self.file = Some((name.to_owned(), false));
        Ok(())
    }

    /// Writes findings of the current file, in order, rendered against `view`.
    pub fn findings(&mut self, view: &TextView, diagnostics: &[Diagnostic]) -> io::Result<()> {
        let Some((name, any)) = &mut self.file else {
            return Ok(());
        };
        // Written one finding at a time: a piece of a large file can have thousands, and
        // their rendering should not be held in memory all at once.
        let mut out = String::new();
        for d in diagnostics {
            out.clear();
            self.totals.add(d);
            match self.format {
                StreamFormat::Human => {
                    out.push_str(&render_one(&self.renderer, name, view, d));
                    out.push_str("\n\n");
                }
                StreamFormat::Concise => concise_line(&mut out, name, view, d),
                StreamFormat::Json => {
                    out.push_str(if *any { ",\n        " } else { "\n        " });
                    let json = serde_json::to_string_pretty(&diagnostic_out(view, d))
                        .expect("plain data serializes");
                    out.push_str(&indented(&json, 8));
                }
            }
            *any = true;
            self.out.write_all(out.as_bytes())?;
        }
        Ok(())
    }

    /// Ends the current file.
    pub fn end_file(&mut self) -> io::Result<()> {
        if let (StreamFormat::Json, Some((_, any))) = (self.format, self.file.take()) {
            self.out.write_all(if any {
                b"\n      ]\n    }".as_slice()
            } else {
                b"]\n    }".as_slice()
            })?;
        }
        Ok(())
    }

    /// Writes the summary and returns the counts.
    pub fn finish(mut self) -> io::Result<Totals> {
        self.end_file()?;
        let t = self.totals;
        match self.format {
            StreamFormat::Human | StreamFormat::Concise => {
                writeln!(self.out, "{}", t.summary())?;
            }
            StreamFormat::Json => {
                if t.files == 0 {
                    self.out
                        .write_all(b"{\n  \"version\": 1,\n  \"files\": [")?;
                } else {
                    self.out.write_all(b"\n  ")?;
                }
                write!(
                    self.out,
                    "],\n  \"summary\": {{\n    \"files\": {},\n    \"errors\": {},\n    \"warnings\": {},\n    \"infos\": {}\n  }}\n}}\n",
                    t.files, t.errors, t.warnings, t.infos
                )?;
            }
        }
        self.out.flush()?;
        Ok(t)
    }
}
