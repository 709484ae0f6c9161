//! The report's two charts as inline SVG, drawn here: findings per rule and findings per
//! article (stacked by family). Colours come from the page's CSS classes (`c0`, `c1`, …, one
//! per family); every bar also carries its number as text, so colour is never the only cue.

use super::html::escape;
use super::Report;
use std::fmt::Write;

/// Width of a chart in SVG units.
const WIDTH: usize = 720;
/// Width of the label column.
const LABEL: usize = 240;
/// Height of a bar row.
const ROW: usize = 22;
/// At most this many articles are drawn.
pub const MAX_ARTICLES: usize = 40;

/// Shortens a label to `max` characters, keeping its end (a path's file name) after an
/// ellipsis.
fn shorten(text: &str, max: usize) -> String {
    let count = text.chars().count();
    if count <= max {
        return text.to_owned();
    }
    let mut out = String::from("…");
    out.extend(text.chars().skip(count + 1 - max));
    out
}

fn open(out: &mut String, id: &str, title: &str, rows: usize) -> usize {
    let height = rows.max(1) * ROW + 8;
    let _ = write!(
        out,
        "<svg class=\"chart\" id=\"{id}\" role=\"img\" aria-labelledby=\"{id}-t\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"{id}-t\">"
    );
    escape(out, title);
    out.push_str("</title>");
    height
}

/// Findings per rule, one bar each, coloured by family.
pub fn by_rule(report: &Report<'_>) -> String {
    let mut out = String::new();
    let rows = &report.by_rule;
    open(&mut out, "chart-rules", "Findings per rule", rows.len());
    let max = rows.iter().map(|r| r.2).max().unwrap_or(0).max(1);
    let span = WIDTH - LABEL - 60;
    for (i, (rule, family, n)) in rows.iter().enumerate() {
        let y = 4 + i * ROW;
        let class = family_class(family);
        let w = (n * span).div_ceil(max).max(1);
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" class=\"lbl\" text-anchor=\"end\">",
            LABEL - 8,
            y + 15
        );
        escape(&mut out, rule);
        let _ = write!(
            out,
            "</text><rect x=\"{LABEL}\" y=\"{}\" width=\"{w}\" height=\"{}\" class=\"{class}\"/><text x=\"{}\" y=\"{}\" class=\"num\">{n}</text>",
            y + 3,
            ROW - 6,
            LABEL + w + 6,
            y + 15
        );
    }
    if rows.is_empty() {
        out.push_str("<text x=\"8\" y=\"18\" class=\"lbl\">No findings</text>");
    }
    out.push_str("</svg>");
    out
}

/// Findings per article (the worst first, at most [`MAX_ARTICLES`]), stacked by family.
pub fn by_article(report: &Report<'_>) -> String {
    let mut out = String::new();
    let shown: Vec<_> = report.articles.iter().take(MAX_ARTICLES).collect();
    open(
        &mut out,
        "chart-articles",
        "Findings per article, worst first",
        shown.len(),
    );
    let max = shown
        .iter()
        .map(|a| a.result.diagnostics.len())
        .max()
        .unwrap_or(0)
        .max(1);
    let span = WIDTH - LABEL - 60;
    for (i, a) in shown.iter().enumerate() {
        let y = 4 + i * ROW;
        let _ = write!(
            out,
            "<a href=\"#a{}\"><text x=\"{}\" y=\"{}\" class=\"lbl\" text-anchor=\"end\">",
            a.index,
            LABEL - 8,
            y + 15
        );
        escape(&mut out, &shorten(&a.result.name, 34));
        out.push_str("</text></a>");
        let mut x = LABEL;
        for (f, &n) in a.by_family.iter().enumerate() {
            if n == 0 {
                continue;
            }
            let w = (n * span).div_ceil(max).max(1);
            let _ = write!(
                out,
                "<rect x=\"{x}\" y=\"{}\" width=\"{w}\" height=\"{}\" class=\"c{}\"><title>",
                y + 3,
                ROW - 6,
                super::html::family_slot(report.families[f])
            );
            escape(&mut out, &format!("{}: {n}", report.families[f]));
            out.push_str("</title></rect>");
            x += w;
        }
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" class=\"num\">{}</text>",
            x + 6,
            y + 15,
            a.result.diagnostics.len()
        );
    }
    out.push_str("</svg>");
    out
}

fn family_class(family: &str) -> String {
    format!("c{}", super::html::family_slot(family))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_labels_are_shortened() {
        assert_eq!(shorten("abcdef", 4), "…def");
        assert_eq!(shorten("abc", 4), "abc");
    }
}
