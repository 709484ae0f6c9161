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

pub use concise::render_concise;
pub use github::render_github;
pub use gitlab::render_gitlab;
pub use human::render_human;
pub use json::{render_json, render_jsonl_result};
pub use junit::render_junit;
pub use sarif::render_sarif;

use crate::diagnostic::{Severity, Span};
use crate::lint::FileResult;

/// Line starts of a text, to turn byte offsets into 1-based lines and columns.
#[derive(Debug)]
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    bom: usize,
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
            last: std::cell::Cell::new((usize::MAX, 0, 0)),
        }
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
            line: line + 1,
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
            match d.severity {
                Severity::Error => t.errors += 1,
                Severity::Warning => t.warnings += 1,
                Severity::Info => t.infos += 1,
            }
            if d.fixes
                .first()
                .is_some_and(|f| f.applicability == crate::diagnostic::Applicability::Safe)
            {
                t.safe_fixes += 1;
            }
        }
        t
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
