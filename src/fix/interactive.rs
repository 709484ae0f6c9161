//! Interactive review: one finding at a time, its offered fixes as word-level diffs, and the
//! reviewer's decision. The session logic ([`review`]) is separate from the terminal
//! ([`TerminalReviewer`]) so that it can be tested with a scripted [`Reviewer`].

use super::apply_edits;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Span};
use console::{style, Key, Term};
use similar::{ChangeTag, TextDiff};
use std::collections::HashSet;
use std::io;

/// What the reviewer decided for one finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Apply the fix with this index (0 is the default).
    Accept(usize),
    /// Apply this text instead of the first fix's replacement.
    Edited(String),
    /// Leave this finding.
    Skip,
    /// Apply the default fix to this finding and every later one of the same rule in the file.
    AcceptRule,
    /// Leave the rest of this file.
    SkipFile,
    /// Stop, keeping what was accepted.
    Quit,
}

/// Someone (or something) who decides on findings.
pub trait Reviewer {
    /// Shows the finding `d` of `file` (whose text is `text`) and returns the decision.
    /// `position` counts findings with fixes in the file, from 1.
    fn decide(
        &mut self,
        file: &str,
        text: &str,
        d: &Diagnostic,
        position: (usize, usize),
    ) -> io::Result<Decision>;

    /// Tells the reviewer something (a skipped overlap, a summary).
    fn note(&mut self, message: &str) -> io::Result<()>;
}

/// The outcome of reviewing one file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Review {
    /// The accepted edits, non-overlapping.
    pub edits: Vec<Edit>,
    /// Findings accepted.
    pub accepted: usize,
    /// Findings left as they are.
    pub skipped: usize,
    /// True when the reviewer asked to quit.
    pub quit: bool,
}

/// The fixes of `d` that can be applied (not display-only, with edits).
fn applicable(d: &Diagnostic) -> Vec<&crate::diagnostic::Fix> {
    d.fixes
        .iter()
        .filter(|f| f.applicability > Applicability::DisplayOnly && !f.edits.is_empty())
        .collect()
}

/// Walks `reviewer` through the findings of one file that have an applicable fix.
pub fn review(
    file: &str,
    text: &str,
    diagnostics: &[Diagnostic],
    reviewer: &mut dyn Reviewer,
) -> io::Result<Review> {
    let candidates: Vec<&Diagnostic> = diagnostics
        .iter()
        .filter(|d| !applicable(d).is_empty())
        .collect();
    let total = candidates.len();
    let mut out = Review::default();
    let mut accept_rules: HashSet<&str> = HashSet::new();
    for (i, d) in candidates.into_iter().enumerate() {
        let fixes = applicable(d);
        let decision = if accept_rules.contains(d.rule) {
            Decision::Accept(0)
        } else {
            reviewer.decide(file, text, d, (i + 1, total))?
        };
        let edits = match decision {
            Decision::Accept(n) if n < fixes.len() => fixes[n].edits.clone(),
            Decision::Accept(_) => {
                reviewer.note("no such fix; skipped")?;
                out.skipped += 1;
                continue;
            }
            Decision::AcceptRule => {
                accept_rules.insert(d.rule);
                fixes[0].edits.clone()
            }
            Decision::Edited(replacement) => {
                let span = match fixes[0].edits.as_slice() {
                    [only] => only.span,
                    _ => d.span,
                };
                vec![Edit::replace(span, replacement)]
            }
            Decision::Skip => {
                out.skipped += 1;
                continue;
            }
            Decision::SkipFile => {
                out.skipped += 1;
                break;
            }
            Decision::Quit => {
                out.quit = true;
                break;
            }
        };
        let clash = out.edits.iter().any(|a| {
            edits
                .iter()
                .any(|b| a.span.overlaps(b.span) || a.span == b.span)
        });
        if clash {
            reviewer.note("this fix overlaps one already accepted; skipped")?;
            out.skipped += 1;
            continue;
        }
        out.edits.extend(edits);
        out.accepted += 1;
    }
    out.edits.sort_by_key(|e| (e.span.start, e.span.end));
    Ok(out)
}

/// How much of the line is shown around a finding, in bytes on each side.
const CONTEXT: usize = 60;

/// The line around `span`, cut to about [`CONTEXT`] bytes each side on character boundaries.
fn context(text: &str, span: Span) -> Span {
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.end..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| span.end + i);
    let mut start = span.start.saturating_sub(CONTEXT).max(line_start);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = (span.end + CONTEXT).min(line_end);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Span::new(start, end.max(span.end))
}

/// A word-level coloured diff of the context before and after `edits`.
fn word_diff(text: &str, window: Span, edits: &[Edit]) -> String {
    let local: Vec<Edit> = edits
        .iter()
        .filter(|e| window.contains(e.span))
        .map(|e| {
            Edit::replace(
                Span::new(e.span.start - window.start, e.span.end - window.start),
                e.replacement.clone(),
            )
        })
        .collect();
    let old = window.slice(text);
    let Ok(new) = apply_edits(old, &local) else {
        return old.to_owned();
    };
    let diff = TextDiff::from_words(old, &new);
    let mut out = String::new();
    for change in diff.iter_all_changes() {
        let v = change.value();
        match change.tag() {
            ChangeTag::Equal => out.push_str(v),
            ChangeTag::Delete => out.push_str(&style(v).red().strikethrough().to_string()),
            ChangeTag::Insert => out.push_str(&style(v).green().underlined().to_string()),
        }
    }
    out
}

const HELP: &str = "y accept · n skip · 1-9 choose a fix · e edit the replacement · a accept the rest of this rule in this file · s skip the file · q quit (keeping what was accepted) · ? help";

/// A reviewer at a terminal: shows each finding and reads single keys.
pub struct TerminalReviewer {
    term: Term,
}

impl TerminalReviewer {
    /// A reviewer on the process's terminal, or `None` when standard input or output is not a
    /// terminal.
    pub fn new() -> Option<TerminalReviewer> {
        use std::io::IsTerminal;
        let term = Term::stdout();
        (term.is_term() && io::stdin().is_terminal()).then_some(TerminalReviewer { term })
    }
}

impl Reviewer for TerminalReviewer {
    fn decide(
        &mut self,
        file: &str,
        text: &str,
        d: &Diagnostic,
        (n, total): (usize, usize),
    ) -> io::Result<Decision> {
        let fixes = applicable(d);
        let line = text[..d.span.start].matches('\n').count() + 1;
        self.term.write_line("")?;
        self.term.write_line(&format!(
            "{} {file}:{line} [{}] ({n}/{total})",
            style("──").dim(),
            style(d.rule).bold()
        ))?;
        self.term
            .write_line(&format!("{}: {}", d.severity, d.message))?;
        for (i, fix) in fixes.iter().enumerate() {
            let window = context(text, fix.span().unwrap_or(d.span));
            self.term.write_line(&format!(
                "  [{}] {} ({})",
                i + 1,
                fix.message,
                fix.applicability.as_str()
            ))?;
            self.term
                .write_line(&format!("      {}", word_diff(text, window, &fix.edits)))?;
        }
        loop {
            self.term
                .write_str(&format!("{} ", style("Apply? [y,n,1-9,e,a,s,q,?]").cyan()))?;
            let key = self.term.read_key()?;
            self.term.write_line("")?;
            let decision = match key {
                Key::Char('y') | Key::Enter => Decision::Accept(0),
                Key::Char('n') => Decision::Skip,
                Key::Char(c @ '1'..='9') => Decision::Accept(c as usize - '1' as usize),
                Key::Char('a') => Decision::AcceptRule,
                Key::Char('s') => Decision::SkipFile,
                Key::Char('q') | Key::Escape | Key::CtrlC => Decision::Quit,
                Key::Char('e') => {
                    let initial = fixes[0]
                        .edits
                        .first()
                        .map_or("", |e| e.replacement.as_str());
                    self.term.write_str("Replacement: ")?;
                    let edited = self.term.read_line_initial_text(initial)?;
                    Decision::Edited(edited)
                }
                _ => {
                    self.term.write_line(HELP)?;
                    continue;
                }
            };
            return Ok(decision);
        }
    }

    fn note(&mut self, message: &str) -> io::Result<()> {
        self.term
            .write_line(&format!("{}", style(message).yellow()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Fix, Severity};

    struct Script(Vec<Decision>, Vec<String>);

    impl Reviewer for Script {
        fn decide(
            &mut self,
            _: &str,
            _: &str,
            _: &Diagnostic,
            _: (usize, usize),
        ) -> io::Result<Decision> {
            Ok(self.0.remove(0))
        }
        fn note(&mut self, message: &str) -> io::Result<()> {
            self.1.push(message.to_owned());
            Ok(())
        }
    }

    fn finding(rule: &'static str, start: usize, end: usize, fixes: &[&str]) -> Diagnostic {
        let mut d = Diagnostic::new(rule, Severity::Warning, Span::new(start, end), "m");
        for f in fixes {
            d = d.with_fix(Fix::safe(
                *f,
                vec![Edit::replace(Span::new(start, end), *f)],
            ));
        }
        d
    }

    fn run(text: &str, diags: &[Diagnostic], decisions: Vec<Decision>) -> (String, Review) {
        let mut script = Script(decisions, Vec::new());
        let review = review("f", text, diags, &mut script).unwrap();
        (apply_edits(text, &review.edits).unwrap(), review)
    }

    #[test]
    fn accept_skip_choose_and_edit() {
        let text = "aa bb cc dd";
        let diags = [
            finding("r", 0, 2, &["A"]),
            finding("r", 3, 5, &["B"]),
            finding("r", 6, 8, &["C1", "C2"]),
            finding("r", 9, 11, &["D"]),
        ];
        let (fixed, review) = run(
            text,
            &diags,
            vec![
                Decision::Accept(0),
                Decision::Skip,
                Decision::Accept(1),
                Decision::Edited("Dé".into()),
            ],
        );
        assert_eq!(fixed, "A bb C2 Dé");
        assert_eq!(
            (review.accepted, review.skipped, review.quit),
            (3, 1, false)
        );
    }

    #[test]
    fn accept_rule_skip_file_and_quit() {
        let text = "aa bb cc dd";
        let diags = [
            finding("x", 0, 2, &["A"]),
            finding("y", 3, 5, &["B"]),
            finding("x", 6, 8, &["C"]),
            finding("y", 9, 11, &["D"]),
        ];
        let (fixed, _) = run(
            text,
            &diags,
            vec![Decision::AcceptRule, Decision::Skip, Decision::Skip],
        );
        assert_eq!(fixed, "A bb C dd");
        let (fixed, review) = run(text, &diags, vec![Decision::Accept(0), Decision::Quit]);
        assert_eq!(fixed, "A bb cc dd");
        assert!(review.quit);
        let (fixed, review) = run(text, &diags, vec![Decision::Accept(0), Decision::SkipFile]);
        assert_eq!(fixed, "A bb cc dd");
        assert!(!review.quit);
    }

    #[test]
    fn overlapping_choices_are_refused_with_a_note() {
        let text = "aa bb";
        let diags = [finding("x", 0, 5, &["Z"]), finding("y", 3, 5, &["B"])];
        let mut script = Script(vec![Decision::Accept(0), Decision::Accept(0)], Vec::new());
        let review = review("f", text, &diags, &mut script).unwrap();
        assert_eq!(review.accepted, 1);
        assert_eq!(
            script.1,
            ["this fix overlaps one already accepted; skipped"]
        );
    }

    #[test]
    fn word_diff_marks_changed_words() {
        console::set_colors_enabled(false);
        let text = "Selon Semaine d’actualités, oui.";
        let span = Span::new(6, 6 + "Semaine d’actualités".len());
        let out = word_diff(
            text,
            context(text, span),
            &[Edit::replace(span, "Newsweek")],
        );
        assert!(out.contains("Newsweek") && out.contains("Semaine"));
    }
}
