//! Output formats. Each renderer is a pure function of the results (findings plus the source
//! text) to text; none filters, counts for exit codes, or prints.

mod concise;
pub mod fingerprint;
mod github;
mod gitlab;
mod human;
mod json;
mod junit;
mod sarif;
mod stream;

pub use concise::render_concise;
pub use github::render_github;
pub use gitlab::render_gitlab;
pub use human::render_human;
pub use json::{render_json, render_jsonl_result};
pub use junit::render_junit;
pub use sarif::render_sarif;
pub use stream::{StreamFormat, StreamRenderer};

use crate::diagnostic::{Severity, Span};
use crate::lint::FileResult;

/// Line starts of a text, to turn byte offsets into 1-based lines and columns.
#[derive(Debug)]
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    bom: usize,
    /// Lines before `text` (a piece of a larger document starting at a line start).
    first_line: usize,
    /// The last position computed (line index, byte offset, column): findings come in order,
    /// so counting on from it keeps many findings on one long line linear.
    last: std::cell::Cell<(usize, usize, usize)>,
}

/// A 1-based position: line, and column counted in Unicode scalar values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
}

impl<'a> LineIndex<'a> {
    /// Indexes the lines of `text` (LF or CRLF; a BOM does not count as a column).
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        LineIndex {
            text,
            starts,
            bom,
            first_line: 0,
            last: std::cell::Cell::new((usize::MAX, 0, 0)),
        }
    }

    /// Indexes a piece of a larger document that starts at a line start, after `first_line`
    /// lines; positions are those of the whole document (offsets stay the piece's).
    pub fn piece(text: &'a str, first_line: usize) -> LineIndex<'a> {
        let mut index = LineIndex::new(text);
        if first_line > 0 {
            index.bom = 0;
        }
        index.first_line = first_line;
        index
    }

    /// The position of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line].max(if line == 0 { self.bom } else { 0 });
        let (last_line, last_offset, last_column) = self.last.get();
        let column = if last_line == line && last_offset <= offset && last_offset >= start {
            last_column + self.text[last_offset..offset].chars().count()
        } else {
            self.text[start..offset.max(start)].chars().count() + 1
        };
        self.last.set((line, offset.max(start), column));
        Position {
            line: self.first_line + line + 1,
            column,
        }
    }

    /// The byte range of the whole lines covering `span`, without their line break.
    pub fn lines_around(&self, span: Span) -> Span {
        let first = self.starts.partition_point(|&s| s <= span.start) - 1;
        let last = self
            .starts
            .partition_point(|&s| s <= span.end.max(span.start))
            - 1;
        let start = self.starts[first].max(if first == 0 { self.bom } else { 0 });
        let end = self
            .starts
            .get(last + 1)
            .map_or(self.text.len(), |&next| next - 1);
        let end = if end > start && self.text.as_bytes()[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        Span::new(start, end.max(span.end).max(start))
    }
}

/// A place outside the piece of text being rendered: its text and positions, found earlier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located {
    /// The text of the span.
    pub text: String,
    /// Where it starts.
    pub start: Position,
    /// Where it ends.
    pub end: Position,
}

/// Places outside the piece being rendered, by span (whole-document offsets).
pub type Elsewhere = std::collections::BTreeMap<(usize, usize), Located>;

/// The text findings are rendered against: a whole file, or one piece of a large file (at
/// byte `base`, after `first_line` lines) with the related places that lie in other pieces.
/// Spans given to it are offsets of the whole file.
#[derive(Debug)]
pub struct TextView<'a> {
    text: &'a str,
    base: usize,
    index: LineIndex<'a>,
    elsewhere: Option<&'a Elsewhere>,
}

impl<'a> TextView<'a> {
    /// A whole file.
    pub fn whole(text: &'a str) -> TextView<'a> {
        TextView {
            text,
            base: 0,
            index: LineIndex::new(text),
            elsewhere: None,
        }
    }

    /// One piece of a file.
    pub fn piece(
        text: &'a str,
        base: usize,
        first_line: usize,
        elsewhere: &'a Elsewhere,
    ) -> TextView<'a> {
        TextView {
            text,
            base,
            index: LineIndex::piece(text, first_line),
            elsewhere: Some(elsewhere),
        }
    }

    /// The piece's text (offsets from `base`).
    fn text(&self) -> &'a str {
        self.text
    }

    /// True when `span` lies in the piece.
    fn holds(&self, span: Span) -> bool {
        span.start >= self.base && span.end <= self.base + self.text.len()
    }

    /// `span` as an offset range of the piece; only for spans it holds.
    fn local(&self, span: Span) -> Span {
        Span::new(span.start - self.base, span.end - self.base)
    }

    fn elsewhere(&self, span: Span) -> Option<&'a Located> {
        self.elsewhere?.get(&(span.start, span.end))
    }

    /// The text of a span.
    fn slice(&self, span: Span) -> &'a str {
        if self.holds(span) {
            self.local(span).slice(self.text)
        } else {
            self.elsewhere(span).map_or("", |l| l.text.as_str())
        }
    }

    /// Where a span starts and ends.
    fn positions(&self, span: Span) -> (Position, Position) {
        if self.holds(span) {
            let local = self.local(span);
            (
                self.index.position(local.start),
                self.index.position(local.end),
            )
        } else {
            // Every related place of a piece was located beforehand; the fallback is never
            // reached, and points at the file's start rather than failing.
            let none = Position { line: 1, column: 1 };
            self.elsewhere(span)
                .map_or((none, none), |l| (l.start, l.end))
        }
    }
}

/// Counts of findings by severity over a run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Files checked.
    pub files: usize,
    /// Error findings.
    pub errors: usize,
    /// Warning findings.
    pub warnings: usize,
    /// Info findings.
    pub infos: usize,
    /// Findings with a safe fix.
    pub safe_fixes: usize,
}

impl Totals {
    /// Counts the findings of `results`.
    pub fn of(results: &[FileResult]) -> Totals {
        let mut t = Totals {
            files: results.len(),
            ..Totals::default()
        };
        for d in results.iter().flat_map(|r| &r.diagnostics) {
            t.add(d);
        }
        t
    }

    /// Counts one finding.
    pub fn add(&mut self, d: &crate::diagnostic::Diagnostic) {
        match d.severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.infos += 1,
        }
        if d.fixes
            .first()
            .is_some_and(|f| f.applicability == crate::diagnostic::Applicability::Safe)
        {
            self.safe_fixes += 1;
        }
    }

    /// The summary line of the human and concise formats.
    pub fn summary(&self) -> String {
        let plural = |n: usize, word: &str| {
            if n == 1 {
                format!("{n} {word}")
            } else {
                format!("{n} {word}s")
            }
        };
        let files = plural(self.files, "file");
        if self.errors + self.warnings + self.infos == 0 {
            return format!("No findings in {files}.");
        }
        let mut line = format!(
            "Found {}, {} and {} in {files}",
            plural(self.errors, "error"),
            plural(self.warnings, "warning"),
            plural(self.infos, "info")
        );
        if self.safe_fixes > 0 {
            line.push_str(&format!("; {} with a safe fix", self.safe_fixes));
        }
        line.push('.');
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_and_skip_the_bom() {
        let text = "\u{feff}é1\r\nab’c";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(3), Position { line: 1, column: 1 });
        assert_eq!(idx.position(5), Position { line: 1, column: 2 });
        let c = text.find('c').unwrap();
        assert_eq!(idx.position(c), Position { line: 2, column: 4 });
        assert_eq!(idx.lines_around(Span::new(5, 6)).slice(text), "é1");
        assert_eq!(idx.lines_around(Span::new(c, c + 1)).slice(text), "ab’c");
    }
}
