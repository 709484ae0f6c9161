//! The Markdown report, for a pull-request comment (GitHub-flavoured): a summary table worst
//! first, the spelling table, then a collapsible `<details>` per article with its findings and
//! its suggested changes as ```` ```diff ```` blocks.
//!
//! Text from articles is escaped for Markdown and inline HTML in tables and summaries, and put
//! verbatim only inside code fences longer than any backtick run it contains. A comment has a
//! size limit: past [`BUDGET`] bytes the remaining articles are listed without details.

use super::{diff, format_score, Article, Report};
use crate::render::LineIndex;
use std::fmt::Write;

/// About the largest comment GitHub accepts (65,536 characters), with room for a footer.
pub const BUDGET: usize = 60_000;

/// Escapes text for a table cell or a line of Markdown: HTML specials as entities, Markdown
/// punctuation with a backslash, line breaks as spaces.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\r' => {}
            '\n' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '(' | ')' | '#' | '|' | '~' | '!' | '$' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Escapes text for inline HTML (a `<summary>`).
fn html(text: &str) -> String {
    let mut out = String::new();
    super::html::escape(&mut out, text);
    out
}

/// A code fence longer than any run of backticks in `content`.
fn fence(content: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in content.chars() {
        if c == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    "`".repeat(longest.max(2) + 1)
}

fn verdict(passes: bool) -> &'static str {
    if passes {
        "✅ pass"
    } else {
        "❌ fail"
    }
}

fn summary(out: &mut String, report: &Report<'_>) {
    let b = &report.batch;
    let _ = writeln!(out, "## {}\n", md(&report.title));
    let _ = writeln!(
        out,
        "**{} of {} articles pass** (score ≥ {}) · {} words · {} findings ({} critical, {} major, {} minor) · batch score **{}**\n",
        report.passing(),
        report.articles.len(),
        format_score(report.scoring.pass_threshold),
        b.words,
        report.findings(),
        b.counts[0],
        b.counts[1],
        b.counts[2],
        format_score(b.value)
    );
    out.push_str("| # | Article | Score | Result | Critical | Major | Minor |");
    for f in &report.families {
        let _ = write!(out, " {} |", md(f));
    }
    out.push_str(" Findings |\n|---:|---|---:|---|---:|---:|---:|");
    for _ in &report.families {
        out.push_str("---:|");
    }
    out.push_str("---:|\n");
    for (rank, a) in report.articles.iter().enumerate() {
        let s = &a.score;
        let _ = write!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            rank + 1,
            md(&a.result.name),
            format_score(s.value),
            verdict(s.passes),
            s.counts[0],
            s.counts[1],
            s.counts[2]
        );
        for n in &a.by_family {
            let _ = write!(out, " {n} |");
        }
        let _ = writeln!(out, " {} |", a.result.diagnostics.len());
    }
    let w = &report.scoring.weights;
    let _ = writeln!(
        out,
        "\nScore = max(0, 100 − penalty points × 1000 / words); points: critical {}, major {}, minor {}.\n",
        w.critical, w.major, w.minor
    );
}

fn spellings(out: &mut String, report: &Report<'_>) {
    if report.spellings.is_empty() {
        return;
    }
    out.push_str("### Names spelled differently across the batch\n\n| Spelling | Uses | Articles |\n|---|---:|---|\n");
    for group in &report.spellings {
        for (i, s) in group.spellings.iter().enumerate() {
            let articles: Vec<String> = s
                .articles
                .iter()
                .map(|&(index, n)| {
                    let name = report
                        .article(index)
                        .map_or("?", |a| a.result.name.as_str());
                    if n > 1 {
                        format!("{} ×{n}", md(name))
                    } else {
                        md(name)
                    }
                })
                .collect();
            let _ = writeln!(
                out,
                "| {}{}{} | {} | {} |",
                if i == 0 { "**" } else { "↳ " },
                md(&s.text),
                if i == 0 { "**" } else { "" },
                s.total(),
                articles.join(", ")
            );
        }
    }
    out.push('\n');
}

fn article(a: &Article<'_>) -> String {
    let mut out = String::new();
    let text = a.result.text.as_str();
    let index = LineIndex::new(text);
    let _ = writeln!(
        out,
        "<details><summary><b>{}</b> — score {} {} · {} findings</summary>\n",
        html(&a.result.name),
        format_score(a.score.value),
        verdict(a.score.passes),
        a.result.diagnostics.len()
    );
    if a.result.diagnostics.is_empty() {
        out.push_str("Nothing to correct.\n\n</details>\n\n");
        return out;
    }
    out.push_str("| Line | Rule | Found | Message | Fix |\n|---:|---|---|---|---|\n");
    for d in &a.result.diagnostics {
        let ok = d.span.end <= text.len()
            && text.is_char_boundary(d.span.start)
            && text.is_char_boundary(d.span.end);
        let (line, found) = if ok {
            (index.position(d.span.start).line, d.span.slice(text))
        } else {
            (0, "")
        };
        let fix = d.fixes.first().map_or(String::new(), |f| {
            format!("{} ({})", md(&f.message), f.applicability.as_str())
        });
        let _ = writeln!(
            out,
            "| {line} | {} | {} | {} | {fix} |",
            md(d.rule),
            md(found),
            md(&d.message)
        );
    }
    let hunks = diff::hunks(text, &a.changes.edits);
    if !hunks.is_empty() {
        let mut body = String::new();
        for h in &hunks {
            let _ = writeln!(body, "@@ line {} @@", h.line);
            let old: String = h.before(text).iter().map(|p| p.0).collect();
            let new: String = h.after(text).iter().map(|p| p.0).collect();
            for line in old.lines() {
                let _ = writeln!(body, "-{}", line.trim_end_matches('\r'));
            }
            for line in new.lines() {
                let _ = writeln!(body, "+{}", line.trim_end_matches('\r'));
            }
        }
        let fence = fence(&body);
        let _ = write!(out, "\nSuggested changes:\n\n{fence}diff\n{body}{fence}\n");
    }
    out.push_str("\n</details>\n\n");
    out
}

/// Renders the report as GitHub-flavoured Markdown.
pub fn render_markdown(report: &Report<'_>) -> String {
    let mut out = String::new();
    summary(&mut out, report);
    spellings(&mut out, report);
    let mut omitted = 0;
    for a in &report.articles {
        let section = article(a);
        if out.len() + section.len() > BUDGET {
            omitted += 1;
            continue;
        }
        out.push_str(&section);
    }
    if omitted > 0 {
        let _ = writeln!(
            out,
            "_{omitted} more article{} not detailed here (comment size limit); the HTML report (`mtlint report -o report.html`) has them all._",
            if omitted == 1 { " is" } else { "s are" }
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_and_html_specials_are_escaped() {
        assert_eq!(md("a|b <img> *x* `c`"), "a\\|b &lt;img&gt; \\*x\\* \\`c\\`");
        assert_eq!(fence("no ticks"), "```");
        assert_eq!(fence("a ```` b"), "`````");
    }
}
