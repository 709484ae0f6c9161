//! `--format github`: GitHub Actions workflow commands, one line per finding, which GitHub
//! turns into annotations on the pull request's changed lines:
//!
//! ```text
//! ::error file=a.txt,line=5,col=129,endLine=5,endColumn=149,title=mtlint (translated-name)::message
//! ```
//!
//! Errors are `::error`, warnings `::warning`, infos `::notice`. Columns are 1-based and count
//! Unicode code points; `endColumn` is one past the last character. This module only renders:
//! no summary line (GitHub would read it as log text), no filtering, no exit code.

use super::LineIndex;
use crate::diagnostic::Severity;
use crate::lint::FileResult;
use std::fmt::Write;

/// The workflow command of a severity.
fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// Escapes a command's message: `%`, carriage return and line feed.
fn escape_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes a property value: as a message, plus `:` and `,`, which separate properties.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The path as GitHub and GitLab resolve it from the repository root: as given, without a
/// leading `./`.
pub(super) fn repository_path(name: &str) -> &str {
    let mut name = name;
    while let Some(rest) = name.strip_prefix("./") {
        name = rest.trim_start_matches('/');
    }
    name
}

/// One workflow command per finding, in the order of the results.
pub fn render_github(results: &[FileResult]) -> String {
    let mut out = String::new();
    for r in results {
        let index = LineIndex::new(&r.text);
        let file = escape_property(repository_path(&r.name));
        for d in &r.diagnostics {
            let start = index.position(d.span.start);
            let end = index.position(d.span.end);
            let mut message = d.message.clone();
            if let Some(f) = d.fixes.first() {
                let _ = write!(message, " ({}, {})", f.message, f.applicability.as_str());
            }
            let _ = writeln!(
                out,
                "::{} file={file},line={},col={},endLine={},endColumn={},title={}::{}",
                command(d.severity),
                start.line,
                start.column,
                end.line,
                end.column,
                escape_property(&format!("mtlint ({})", d.rule)),
                escape_data(&message),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_and_properties_are_escaped_as_github_requires() {
        assert_eq!(escape_data("50% a\r\nb: c, d"), "50%25 a%0D%0Ab: c, d");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
        assert_eq!(repository_path("./articles/a.md"), "articles/a.md");
        assert_eq!(repository_path("/abs/a.md"), "/abs/a.md");
    }
}
