//! Checking one large plain-text file in pieces, so that memory stays flat whatever its size.
//!
//! The file is read in pieces of a few megabytes that end at a paragraph break (a blank line;
//! every line ends a sentence, so no sentence, name or fix spans two pieces). Three passes
//! read it in turn:
//! 1. every piece is analysed and the document-wide facts are pooled in order (the spellings
//!    of names for `inconsistent-spelling`, the word count, the apostrophe the file writes);
//! 2. the related places findings may point at (first occurrences of each spelling) are
//!    located: their text, line and column;
//! 3. every piece is checked against the pooled facts and its findings are handed on, in
//!    order, with whole-file offsets and line numbers.
//!
//! The findings are those of checking the whole file at once; only a file without paragraph
//! breaks is held whole. This module knows nothing of output formats or of the command line.

use crate::checks::BatchFacts;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::input::{InputError, Source};
use crate::lint::Linter;
use crate::render::{Elsewhere, LineIndex, Located};
use std::io::{self, Read};

/// Size from which a piece ends at the next paragraph break.
pub const CHUNK_SIZE: usize = 1 << 20;

/// Bytes read from the file at a time.
const READ_SIZE: usize = 1 << 16;

/// One piece of a file.
#[derive(Debug)]
pub struct Piece {
    /// Its byte offset in the file.
    pub base: usize,
    /// Number of lines before it.
    pub first_line: usize,
    /// Its text.
    pub text: String,
}

/// Reads a file piece by piece, each ending after a blank line once it holds at least
/// `chunk_size` bytes.
pub struct Pieces<R: Read> {
    name: String,
    reader: R,
    buf: Vec<u8>,
    /// How far `buf` was searched for a break.
    searched: usize,
    base: usize,
    lines: usize,
    chunk_size: usize,
    eof: bool,
}

impl<R: Read> Pieces<R> {
    /// Pieces of `reader`, reported under `name` in errors.
    pub fn new(name: &str, reader: R, chunk_size: usize) -> Pieces<R> {
        Pieces {
            name: name.to_owned(),
            reader,
            buf: Vec::new(),
            searched: 0,
            base: 0,
            lines: 0,
            chunk_size: chunk_size.max(1),
            eof: false,
        }
    }

    /// Where the piece held in `buf` can end: right after a blank line (`\n\n` or `\n\r\n`),
    /// at `chunk_size` bytes or more, not before a byte order mark (which only a file's start
    /// may have).
    fn find_break(&mut self) -> Option<usize> {
        let from = self.searched.max(self.chunk_size.saturating_sub(1));
        let buf = &self.buf;
        let mut i = from;
        while i < buf.len() {
            if buf[i] == b'\n' {
                let end = match &buf[i + 1..] {
                    [b'\n', ..] => Some(i + 2),
                    [b'\r', b'\n', ..] => Some(i + 3),
                    // Not known yet: wait for more bytes.
                    [] | [b'\r'] if !self.eof => break,
                    _ => None,
                };
                if let Some(end) = end {
                    let rest = &buf[end..];
                    let bom_next = "\u{feff}".as_bytes();
                    if rest.len() < bom_next.len() && !self.eof {
                        break;
                    }
                    if !rest.starts_with(bom_next) {
                        return Some(end);
                    }
                }
            }
            i += 1;
        }
        self.searched = i.max(from);
        None
    }

    /// The next piece, `None` at the end of the file.
    pub fn next_piece(&mut self) -> Option<Result<Piece, InputError>> {
        let cut = loop {
            if let Some(cut) = self.find_break() {
                break cut;
            }
            if self.eof {
                if self.buf.is_empty() {
                    return None;
                }
                break self.buf.len();
            }
            let len = self.buf.len();
            self.buf.resize(len + READ_SIZE, 0);
            match self.reader.read(&mut self.buf[len..]) {
                Ok(n) => {
                    self.buf.truncate(len + n);
                    self.eof = n == 0;
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => self.buf.truncate(len),
                Err(e) => {
                    self.buf.truncate(len);
                    self.eof = true;
                    return Some(Err(InputError::Io {
                        name: self.name.clone(),
                        reason: crate::input::describe_io_error(&e),
                    }));
                }
            }
        };
        let rest = self.buf.split_off(cut);
        let bytes = std::mem::replace(&mut self.buf, rest);
        self.searched = 0;
        let base = self.base;
        let first_line = self.lines;
        self.base += bytes.len();
        self.lines += bytes.iter().filter(|&&b| b == b'\n').count();
        Some(match String::from_utf8(bytes) {
            Ok(text) => Ok(Piece {
                base,
                first_line,
                text,
            }),
            Err(e) => {
                let offset = e.utf8_error().valid_up_to();
                let line = first_line
                    + e.as_bytes()[..offset]
                        .iter()
                        .filter(|&&b| b == b'\n')
                        .count()
                    + 1;
                // Nothing after an invalid byte is read.
                self.eof = true;
                self.buf.clear();
                Err(InputError::InvalidUtf8 {
                    name: self.name.clone(),
                    offset: base + offset,
                    line,
                })
            }
        })
    }
}

/// What the first passes learned of a file.
pub struct Facts {
    /// The pooled document facts.
    pub batch: BatchFacts,
    /// Words of prose.
    pub words: usize,
    /// Whether the file writes the typographic apostrophe.
    pub curly: bool,
    /// The related places, located.
    pub elsewhere: Elsewhere,
}

/// One piece's findings, with whole-file offsets, and the piece they were found in.
pub struct Checked {
    /// The piece's byte offset in the file.
    pub base: usize,
    /// Number of lines before the piece.
    pub first_line: usize,
    /// The piece's text.
    pub text: String,
    /// Its findings, in order.
    pub diagnostics: Vec<Diagnostic>,
}

fn document(name: &str, text: String) -> Document {
    Document::plain(Source {
        name: name.to_owned(),
        text,
    })
}

/// Passes 1 and 2 over the pieces `open` reads (called once per pass).
pub fn learn<R: Read>(
    linter: &Linter,
    name: &str,
    chunk_size: usize,
    open: &dyn Fn() -> io::Result<R>,
) -> Result<Facts, InputError> {
    let io_error = |e: io::Error| InputError::Io {
        name: name.to_owned(),
        reason: crate::input::describe_io_error(&e),
    };
    let mut batch = BatchFacts::default();
    let mut words = 0;
    let mut curly = false;
    let mut pieces = Pieces::new(name, open().map_err(io_error)?, chunk_size);
    while let Some(piece) = pieces.next_piece() {
        let piece = piece?;
        curly |= piece.text.contains('\u{2019}');
        let doc = document(name, piece.text);
        let (facts, n) = linter.collect_chunk(&doc, piece.base);
        batch.merge(facts);
        words += n;
    }
    let mut wanted: Vec<(usize, usize)> = batch
        .related_places()
        .into_iter()
        .map(|s| (s.start, s.end))
        .collect();
    wanted.sort_unstable();
    wanted.dedup();
    let mut elsewhere = Elsewhere::new();
    let mut pieces = Pieces::new(name, open().map_err(io_error)?, chunk_size);
    while let Some(piece) = pieces.next_piece() {
        let piece = piece?;
        let end = piece.base + piece.text.len();
        let from = wanted.partition_point(|&(s, _)| s < piece.base);
        let to = wanted.partition_point(|&(s, _)| s < end);
        if from == to {
            continue;
        }
        let index = LineIndex::piece(&piece.text, piece.first_line);
        for &(start, stop) in &wanted[from..to] {
            let (s, e) = (start - piece.base, stop.min(end) - piece.base);
            elsewhere.insert(
                (start, stop),
                Located {
                    text: piece.text.get(s..e).unwrap_or_default().to_owned(),
                    start: index.position(s),
                    end: index.position(e),
                },
            );
        }
    }
    Ok(Facts {
        batch,
        words,
        curly,
        elsewhere,
    })
}

/// Pass 3: checks every piece against `facts` and hands its findings to `sink`, in order.
/// The sink's error (a closed output) stops the pass.
pub fn check<R: Read>(
    linter: &Linter,
    name: &str,
    chunk_size: usize,
    reader: R,
    facts: &Facts,
    sink: &mut dyn FnMut(Checked) -> io::Result<()>,
) -> Result<io::Result<()>, InputError> {
    let mut pieces = Pieces::new(name, reader, chunk_size);
    while let Some(piece) = pieces.next_piece() {
        let piece = piece?;
        let result = linter.check_chunk(
            document(name, piece.text),
            &facts.batch,
            piece.base,
            facts.curly,
        );
        let checked = Checked {
            base: piece.base,
            first_line: piece.first_line,
            text: result.text,
            diagnostics: result.diagnostics,
        };
        if let Err(e) = sink(checked) {
            return Ok(Err(e));
        }
    }
    Ok(Ok(()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{ConsistencyScope, Settings};
    use crate::glossary::default_glossary;
    use crate::render::{
        render_concise, render_human, render_json, StreamFormat, StreamRenderer, TextView,
    };

    /// Paragraphs with every kind of finding; one name spelled two ways far apart, so that the
    /// spelling kept and its places lie in other pieces than some of its findings.
    fn article() -> String {
        let sample = include_str!("../tests/fixtures/sample-fr.txt");
        let spelling = include_str!("../tests/fixtures/spelling-fr.txt");
        let clean = include_str!("../tests/fixtures/clean-fr.txt");
        format!(
            "\u{feff}{sample}\n\n{clean}\n\n{}\n\n\u{feff}Le Haut-Karabakh.\r\n\r\n{spelling}\n\n{sample}\n\nLE HAUT-KARABAGH.\n\nNewsweek",
            spelling.replace('’', "'"),
        )
    }

    fn whole(linter: &Linter, text: &str) -> [String; 3] {
        let results = linter.check_all(vec![document("a.txt", text.to_owned())]);
        [
            render_human(&results, false),
            render_json(&results),
            render_concise(&results),
        ]
    }

    fn in_pieces(linter: &Linter, text: &str, chunk_size: usize) -> [String; 3] {
        let open = || Ok(io::Cursor::new(text.as_bytes()));
        let facts = learn(linter, "a.txt", chunk_size, &open).expect("valid UTF-8");
        [
            StreamFormat::Human,
            StreamFormat::Json,
            StreamFormat::Concise,
        ]
        .map(|format| {
            let mut out = Vec::new();
            let mut renderer = StreamRenderer::new(format, false, &mut out);
            renderer
                .begin_file("a.txt", linter.settings().target, facts.words)
                .expect("writes to memory");
            let mut pieces = 0;
            let mut sink = |c: Checked| {
                pieces += 1;
                let view = TextView::piece(&c.text, c.base, c.first_line, &facts.elsewhere);
                renderer.findings(&view, &c.diagnostics)
            };
            check(
                linter,
                "a.txt",
                chunk_size,
                open().expect("in memory"),
                &facts,
                &mut sink,
            )
            .expect("valid UTF-8")
            .expect("writes to memory");
            assert!(chunk_size > text.len() || pieces > 1, "{pieces} pieces");
            renderer.finish().expect("writes to memory");
            String::from_utf8(out).expect("UTF-8 output")
        })
    }

    #[test]
    fn checking_in_pieces_finds_and_renders_what_checking_at_once_does() {
        let text = article();
        for scope in [ConsistencyScope::File, ConsistencyScope::Batch] {
            let settings = Settings {
                consistency_scope: scope,
                ..Settings::default()
            };
            let linter = Linter::new(&default_glossary(), settings).expect("French");
            let expected = whole(&linter, &text);
            assert!(expected[2].lines().count() > 15, "{}", expected[2]);
            assert!(expected[0].contains("inconsistent-spelling"));
            for chunk_size in [1, 300, 2000, text.len() + 1] {
                let got = in_pieces(&linter, &text, chunk_size);
                for (got, expected) in got.iter().zip(&expected) {
                    assert_eq!(got, expected, "{scope:?}, pieces of {chunk_size} bytes");
                }
            }
        }
    }

    #[test]
    fn pieces_end_after_blank_lines_only() {
        let text = "a\nb\n\nc\r\n\r\nd\n\n\u{feff}e\n\nf";
        let mut pieces = Pieces::new("t", text.as_bytes(), 1);
        let mut got = Vec::new();
        while let Some(p) = pieces.next_piece() {
            let p = p.expect("UTF-8");
            got.push((p.base, p.first_line, p.text));
        }
        let texts: Vec<&str> = got.iter().map(|g| g.2.as_str()).collect();
        assert_eq!(texts, ["a\nb\n\n", "c\r\n\r\n", "d\n\n\u{feff}e\n\n", "f"]);
        assert_eq!(got[1].0, 5);
        assert_eq!(got[3].1, 9);
    }

    #[test]
    fn invalid_utf8_names_the_offset_and_line_of_the_file() {
        let mut bytes = b"ok\n\nline two\n\nbad \xff here".to_vec();
        bytes.extend_from_slice(b"\n\nmore");
        let mut pieces = Pieces::new("t.txt", &bytes[..], 1);
        let mut errors = Vec::new();
        while let Some(p) = pieces.next_piece() {
            if let Err(e) = p {
                errors.push(e.to_string());
            }
        }
        assert_eq!(
            errors,
            ["t.txt:5: invalid UTF-8 at byte 18; mtlint reads UTF-8 text only"]
        );
    }
}
