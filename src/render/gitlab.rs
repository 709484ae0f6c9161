//! `--format gitlab`: a GitLab Code Quality report (the Code Climate issue format), which a
//! GitLab CI job publishes with `artifacts: reports: codequality:` to show findings in merge
//! requests.
//!
//! A JSON array with one issue per finding: `description`, `check_name` (the rule id), a
//! `fingerprint` stable across pushes, `severity`, and `location.path` with
//! `location.lines.begin`/`end` (1-based). Severities map as error → `major`, warning →
//! `minor`, info → `info` (`critical` and `blocker` are left for nothing mtlint finds). This
//! module only renders: no filtering, no exit code.

use super::fingerprint::{report_fingerprint, Fingerprinter};
use super::github::repository_path;
use super::LineIndex;
use crate::diagnostic::Severity;
use crate::lint::FileResult;
use serde::Serialize;

#[derive(Serialize)]
struct Issue<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    check_name: &'a str,
    description: String,
    categories: [&'static str; 1],
    severity: &'static str,
    fingerprint: String,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

/// The Code Quality severity of a finding's severity.
fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

/// The whole run as one Code Quality report (pretty-printed, trailing newline; `[]` when
/// nothing was found).
pub fn render_gitlab(results: &[FileResult]) -> String {
    let mut issues = Vec::new();
    for r in results {
        let index = LineIndex::new(&r.text);
        let path = repository_path(&r.name);
        let mut fingerprints = Fingerprinter::new(&r.text);
        for d in &r.diagnostics {
            let mut description = d.message.clone();
            if let Some(f) = d.fixes.first() {
                description.push_str(&format!(" ({}, {})", f.message, f.applicability.as_str()));
            }
            issues.push(Issue {
                kind: "issue",
                check_name: d.rule,
                description,
                categories: ["Style"],
                severity: severity(d.severity),
                fingerprint: report_fingerprint(path, &fingerprints.next(d)),
                location: Location {
                    path,
                    lines: Lines {
                        begin: index.position(d.span.start).line,
                        end: index.position(d.span.end).line,
                    },
                },
            });
        }
    }
    let mut out = serde_json::to_string_pretty(&issues).expect("plain data serializes");
    out.push('\n');
    out
}
