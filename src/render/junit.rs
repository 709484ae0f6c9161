//! `--format junit`: JUnit XML, the test-report format every CI reads (GitLab `reports: junit`,
//! Jenkins, Azure Pipelines, CircleCI).
//!
//! One `<testsuite>` per file checked, one `<testcase>` per finding, named after the rule and
//! the position. Errors and warnings carry a `<failure>`; an info passes and keeps its message
//! in `<system-out>`. A file without findings has one passing test case, so that it shows as
//! checked. The XML is written by hand: text and attributes are escaped, and characters XML 1.0
//! cannot hold are replaced by U+FFFD. This module only renders: no filtering, no exit code.

use super::LineIndex;
use crate::diagnostic::Severity;
use crate::lint::FileResult;
use std::fmt::Write;

/// True for the characters an XML 1.0 document may contain.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Escapes text content. Carriage returns are kept as references, which parsers do not
/// normalize away.
fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            c if is_xml_char(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
    out
}

/// Escapes an attribute value (double-quoted); line breaks and tabs become references so that
/// attribute-value normalization keeps them.
fn escape_attribute(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if is_xml_char(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
    out
}

/// Counts of one suite (or of all of them).
#[derive(Default)]
struct Counts {
    tests: usize,
    failures: usize,
}

/// Test cases of one file, and their counts.
fn testsuite(r: &FileResult) -> (String, Counts) {
    let index = LineIndex::new(&r.text);
    let path = escape_attribute(&r.name);
    let mut cases = String::new();
    let mut counts = Counts::default();
    for d in &r.diagnostics {
        let p = index.position(d.span.start);
        counts.tests += 1;
        let _ = writeln!(
            cases,
            r#"    <testcase name="{} at {}:{}" classname="{path}" file="{path}" line="{}">"#,
            d.rule, p.line, p.column, p.line
        );
        let mut detail = format!(
            "{}:{}:{}: {}[{}] {}",
            r.name, p.line, p.column, d.severity, d.rule, d.message
        );
        if let Some(f) = d.fixes.first() {
            let _ = write!(
                detail,
                "\nfix ({}): {}",
                f.applicability.as_str(),
                f.message
            );
        }
        match d.severity {
            Severity::Error | Severity::Warning => {
                counts.failures += 1;
                let _ = writeln!(
                    cases,
                    r#"      <failure message="{}" type="{}">{}</failure>"#,
                    escape_attribute(&d.message),
                    d.severity,
                    escape_text(&detail)
                );
            }
            Severity::Info => {
                let _ = writeln!(
                    cases,
                    "      <system-out>{}</system-out>",
                    escape_text(&detail)
                );
            }
        }
        cases.push_str("    </testcase>\n");
    }
    if r.diagnostics.is_empty() {
        counts.tests += 1;
        let _ = writeln!(
            cases,
            r#"    <testcase name="no findings" classname="{path}" file="{path}"/>"#
        );
    }
    let suite = format!(
        "  <testsuite name=\"{path}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">\n\
         {cases}  </testsuite>\n",
        counts.tests, counts.failures
    );
    (suite, counts)
}

/// The whole run as one JUnit XML document (trailing newline).
pub fn render_junit(results: &[FileResult]) -> String {
    let mut suites = String::new();
    let mut total = Counts::default();
    for r in results {
        let (suite, counts) = testsuite(r);
        suites.push_str(&suite);
        total.tests += counts.tests;
        total.failures += counts.failures;
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <testsuites name=\"mtlint\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n\
         {suites}</testsuites>\n",
        total.tests, total.failures
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_quotes_and_control_characters_are_escaped() {
        assert_eq!(
            escape_attribute("a<b & \"c\" 'd'\n\u{1}"),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&#10;\u{FFFD}"
        );
        assert_eq!(escape_text("x]]>y\r\n\u{0}"), "x]]&gt;y&#13;\n\u{FFFD}");
    }
}
