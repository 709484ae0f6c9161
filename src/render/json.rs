//! `--format json`: the version-1 contract of ARCHITECTURE.md. Keep it stable: add fields,
//! never rename or remove them.

use super::{TextView, Totals};
use crate::diagnostic::{Diagnostic, Span};
use crate::lint::FileResult;
use serde::Serialize;

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    files: Vec<FileOut<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct FileOut<'a> {
    path: &'a str,
    language: &'a str,
    words: usize,
    diagnostics: Vec<DiagnosticOut<'a>>,
}

#[derive(Serialize)]
pub(super) struct DiagnosticOut<'a> {
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    text: &'a str,
    span: SpanOut,
    fixes: Vec<FixOut<'a>>,
    related: Vec<RelatedOut<'a>>,
}

#[derive(Serialize)]
struct SpanOut {
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
struct FixOut<'a> {
    message: &'a str,
    applicability: &'a str,
    edits: Vec<EditOut<'a>>,
}

#[derive(Serialize)]
struct EditOut<'a> {
    start: usize,
    end: usize,
    replacement: &'a str,
}

#[derive(Serialize)]
struct RelatedOut<'a> {
    message: &'a str,
    text: &'a str,
    span: SpanOut,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

fn span_out(view: &TextView, span: Span) -> SpanOut {
    let (start, end) = view.positions(span);
    SpanOut {
        start: span.start,
        end: span.end,
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
    }
}

/// One finding, rendered against `view`.
pub(super) fn diagnostic_out<'a>(view: &TextView<'a>, d: &'a Diagnostic) -> DiagnosticOut<'a> {
    DiagnosticOut {
        rule: d.rule,
        severity: d.severity.as_str(),
        message: &d.message,
        text: view.slice(d.span),
        span: span_out(view, d.span),
        fixes: d
            .fixes
            .iter()
            .map(|f| FixOut {
                message: &f.message,
                applicability: f.applicability.as_str(),
                edits: f
                    .edits
                    .iter()
                    .map(|e| EditOut {
                        start: e.span.start,
                        end: e.span.end,
                        replacement: &e.replacement,
                    })
                    .collect(),
            })
            .collect(),
        related: d
            .related
            .iter()
            .map(|(span, message)| RelatedOut {
                message,
                text: view.slice(*span),
                span: span_out(view, *span),
            })
            .collect(),
    }
}

/// One JSON Lines result: a record's id and its findings, on one line (no newline).
pub fn render_jsonl_result(id: &serde_json::Value, result: &FileResult) -> String {
    #[derive(Serialize)]
    struct Line<'a> {
        id: &'a serde_json::Value,
        language: &'a str,
        words: usize,
        diagnostics: Vec<DiagnosticOut<'a>>,
    }
    let view = TextView::whole(&result.text);
    let line = Line {
        id,
        language: result.language.code(),
        words: result.words,
        diagnostics: result
            .diagnostics
            .iter()
            .map(|d| diagnostic_out(&view, d))
            .collect(),
    };
    serde_json::to_string(&line).expect("plain data serializes")
}

/// The whole run as one JSON document (pretty-printed, trailing newline).
pub fn render_json(results: &[FileResult]) -> String {
    let totals = Totals::of(results);
    let files = results
        .iter()
        .map(|r| {
            let view = TextView::whole(&r.text);
            FileOut {
                path: &r.name,
                language: r.language.code(),
                words: r.words,
                diagnostics: r
                    .diagnostics
                    .iter()
                    .map(|d| diagnostic_out(&view, d))
                    .collect(),
            }
        })
        .collect();
    let report = Report {
        version: 1,
        files,
        summary: Summary {
            files: totals.files,
            errors: totals.errors,
            warnings: totals.warnings,
            infos: totals.infos,
        },
    };
    let mut out = serde_json::to_string_pretty(&report).expect("plain data serializes");
    out.push('\n');
    out
}
