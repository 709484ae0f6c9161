//! `--format concise`: one line per finding, then the summary.

use super::{TextView, Totals};
use crate::diagnostic::{Diagnostic, Span};
use crate::lint::FileResult;
use std::fmt::Write;

/// `path:line:col: severity[rule] message (fix)`, one finding per line, and a summary line.
pub fn render_concise(results: &[FileResult]) -> String {
    let mut out = String::new();
    for r in results {
        let view = TextView::whole(&r.text);
        for d in &r.diagnostics {
            concise_line(&mut out, &r.name, &view, d);
        }
    }
    out.push_str(&Totals::of(results).summary());
    out.push('\n');
    out
}

/// The line of one finding of the file `name`.
pub(super) fn concise_line(out: &mut String, name: &str, view: &TextView, d: &Diagnostic) {
    let (p, _) = view.positions(Span::new(d.span.start, d.span.start));
    let _ = write!(
        out,
        "{}:{}:{}: {}[{}] {}",
        name, p.line, p.column, d.severity, d.rule, d.message
    );
    if let Some(f) = d.fixes.first() {
        let _ = write!(out, " ({}, {})", f.message, f.applicability.as_str());
    }
    out.push('\n');
}
