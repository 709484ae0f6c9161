//! Inline suppressions in Markdown and HTML comments:
//!
//! ```text
//! <!-- mtlint-disable-next-line translated-name -- quoting the mistake on purpose -->
//! <!-- mtlint-disable inconsistent-spelling -->  …  <!-- mtlint-enable inconsistent-spelling -->
//! ```
//!
//! With no rule, every rule is suppressed. A reason may follow `--`. A suppression that
//! suppresses nothing is itself reported (`unused-suppression`), with a fix that deletes it.

use crate::checks::Rule;
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity, Span};
use crate::document::Format;
use regex::Regex;
use std::sync::OnceLock;

/// A suppression that suppressed nothing.
pub static UNUSED_SUPPRESSION: Rule = Rule {
    id: "unused-suppression",
    family: "suppression",
    severity: Severity::Warning,
    summary: "An mtlint-disable comment that suppresses no finding",
    precedence: 10,
    doc: r#"## What it does
Reports `<!-- mtlint-disable… -->` comments (Markdown, HTML) that suppress no finding: the
mistake was fixed, the rule id is misspelled, or the comment is on the wrong line.

## Why is this bad?
Stale suppressions hide future mistakes in their region and mislead readers of the source.

## Example
```text
<!-- mtlint-disable-next-line translated-name -->
Newsweek a contacté le ministère.
```
Nothing is translated on that line: delete the comment.

## Fix safety
Safe: the fix deletes the comment (and its line when it is alone on it).
"#,
};

/// How a suppression applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    NextLine,
    Disable,
    Enable,
}

/// One suppression comment and the bytes it covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suppression {
    /// The comment itself.
    pub comment: Span,
    /// The rules it suppresses; empty for all.
    pub rules: Vec<String>,
    /// The bytes where findings are suppressed.
    pub scope: Span,
    /// Why, if the comment says.
    pub reason: Option<String>,
}

impl Suppression {
    fn covers(&self, d: &Diagnostic) -> bool {
        self.scope.contains(Span::new(d.span.start, d.span.start))
            && d.span.start < self.scope.end
            && (self.rules.is_empty() || self.rules.iter().any(|r| r == d.rule))
    }
}

fn directive() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"<!--\s*mtlint-(disable-next-line|disable|enable)\b((?s:.*?))-->")
            .expect("the suppression pattern is valid")
    })
}

/// The suppressions of a Markdown or HTML text (none for plain text).
pub fn find(text: &str, format: Format) -> Vec<Suppression> {
    if format == Format::Text || !text.contains("mtlint-") {
        return Vec::new();
    }
    let mut found: Vec<(Kind, Span, Vec<String>, Option<String>)> = Vec::new();
    for caps in directive().captures_iter(text) {
        let (Some(whole), Some(kind), Some(rest)) = (caps.get(0), caps.get(1), caps.get(2)) else {
            continue;
        };
        let kind = match kind.as_str() {
            "disable-next-line" => Kind::NextLine,
            "disable" => Kind::Disable,
            _ => Kind::Enable,
        };
        let (rules, reason) = match rest.as_str().split_once("--") {
            Some((r, why)) => (r, Some(why.trim().to_owned()).filter(|w| !w.is_empty())),
            None => (rest.as_str(), None),
        };
        let rules = rules
            .split([',', ' ', '\t', '\n'])
            .filter(|r| !r.is_empty())
            .map(str::to_owned)
            .collect();
        found.push((kind, Span::new(whole.start(), whole.end()), rules, reason));
    }
    let mut out = Vec::new();
    for (i, (kind, comment, rules, reason)) in found.iter().enumerate() {
        let scope = match kind {
            Kind::Enable => continue,
            Kind::NextLine => {
                let line_start = text[comment.end..]
                    .find('\n')
                    .map_or(text.len(), |n| comment.end + n + 1);
                let line_end = text[line_start..]
                    .find('\n')
                    .map_or(text.len(), |n| line_start + n);
                Span::new(line_start, line_end)
            }
            Kind::Disable => {
                let end = found[i + 1..]
                    .iter()
                    .find(|(k, _, r, _)| {
                        *k == Kind::Enable && (r.is_empty() || rules.iter().all(|x| r.contains(x)))
                    })
                    .map_or(text.len(), |(_, c, _, _)| c.start);
                Span::new(comment.end, end)
            }
        };
        out.push(Suppression {
            comment: *comment,
            rules: rules.clone(),
            scope,
            reason: reason.clone(),
        });
    }
    out
}

/// The bytes to delete to remove a comment: its whole line when it is alone on it.
fn deletion(text: &str, comment: Span) -> Span {
    let line_start = text[..comment.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[comment.end..]
        .find('\n')
        .map_or(text.len(), |i| comment.end + i + 1);
    let alone = text[line_start..comment.start].trim().is_empty()
        && text[comment.end..line_end].trim().is_empty();
    if alone {
        Span::new(line_start, line_end)
    } else {
        comment
    }
}

/// Removes suppressed findings and reports the suppressions that suppressed nothing.
pub fn apply(
    text: &str,
    diagnostics: Vec<Diagnostic>,
    suppressions: &[Suppression],
) -> Vec<Diagnostic> {
    if suppressions.is_empty() {
        return diagnostics;
    }
    let mut used = vec![false; suppressions.len()];
    let mut kept: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(|d| {
            let mut suppressed = false;
            for (i, s) in suppressions.iter().enumerate() {
                if s.covers(d) {
                    used[i] = true;
                    suppressed = true;
                }
            }
            !suppressed
        })
        .collect();
    for (s, used) in suppressions.iter().zip(used) {
        if used {
            continue;
        }
        let what = if s.rules.is_empty() {
            "any rule".to_owned()
        } else {
            s.rules.join(", ")
        };
        kept.push(
            Diagnostic::new(
                UNUSED_SUPPRESSION.id,
                UNUSED_SUPPRESSION.severity,
                s.comment,
                format!("this suppression of {what} suppresses nothing"),
            )
            .with_fix(Fix::safe(
                "delete the comment",
                vec![Edit::delete(deletion(text, s.comment))],
            )),
        );
    }
    kept.sort_by_key(|d| (d.span.start, d.span.end, d.rule));
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(rule: &'static str, text: &str, needle: &str) -> Diagnostic {
        let at = text.find(needle).expect("needle");
        Diagnostic::new(rule, Severity::Error, Span::new(at, at + needle.len()), "m")
    }

    #[test]
    fn next_line_and_ranges() {
        let text = "A x\n<!-- mtlint-disable-next-line r1 -- on purpose -->\nB x\nC x\n<!-- mtlint-disable -->\nD x\n<!-- mtlint-enable -->\nE x\n";
        let sups = find(text, Format::Markdown);
        assert_eq!(sups.len(), 2);
        assert_eq!(sups[0].reason.as_deref(), Some("on purpose"));
        let diags = vec![
            d("r1", text, "A x"),
            d("r1", text, "B x"),
            d("r2", text, "C x"),
            d("r1", text, "D x"),
            d("r2", text, "E x"),
        ];
        let kept = apply(text, diags, &sups);
        let texts: Vec<&str> = kept.iter().map(|d| d.span.slice(text)).collect();
        assert_eq!(texts, ["A x", "C x", "E x"]);
    }

    #[test]
    fn another_rule_is_not_suppressed_and_unused_ones_are_reported() {
        let text = "<!-- mtlint-disable-next-line r1 -->\nB x\n";
        let sups = find(text, Format::Html);
        let kept = apply(text, vec![d("r2", text, "B x")], &sups);
        assert_eq!(kept.len(), 2);
        assert_eq!(kept[0].rule, "unused-suppression");
        let fixed = crate::fix::apply_edits(text, &kept[0].fixes[0].edits).unwrap();
        assert_eq!(fixed, "B x\n");
    }

    #[test]
    fn plain_text_has_no_suppressions() {
        assert!(find("<!-- mtlint-disable -->", Format::Text).is_empty());
    }
}
