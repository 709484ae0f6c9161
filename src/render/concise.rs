//! `--format concise`: one line per finding, then the summary.

use super::{LineIndex, Totals};
use crate::lint::FileResult;
use std::fmt::Write;

/// `path:line:col: severity[rule] message (fix)`, one finding per line, and a summary line.
pub fn render_concise(results: &[FileResult]) -> String {
    let mut out = String::new();
    for r in results {
        let index = LineIndex::new(&r.text);
        for d in &r.diagnostics {
            let p = index.position(d.span.start);
            let _ = write!(
                out,
                "{}:{}:{}: {}[{}] {}",
                r.name, p.line, p.column, d.severity, d.rule, d.message
            );
            if let Some(f) = d.fixes.first() {
                let _ = write!(out, " ({}, {})", f.message, f.applicability.as_str());
            }
            out.push('\n');
        }
    }
    out.push_str(&Totals::of(results).summary());
    out.push('\n');
    out
}
