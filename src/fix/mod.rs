//! Fixing: choosing which fixes to apply, applying them, repeating until the text is stable,
//! and writing the result without ever losing a byte.
//!
//! [`plan`] picks the first fix of each finding at the requested [`Applicability`] and keeps
//! those that do not overlap (in position order, the earlier wins; the rest are reported as not
//! applied). [`fix_until_stable`] applies a plan, re-checks, and repeats (at most
//! [`MAX_ROUNDS`] times). [`write`] writes atomically; [`diff`] renders unified diffs;
//! [`interactive`] walks a person through the fixes.

pub mod diff;
pub mod interactive;
pub mod write;

use crate::diagnostic::{Applicability, Diagnostic, Edit, Span};
use std::collections::BTreeMap;
use std::fmt;

/// Re-checking stops after this many rounds even if fixes keep coming.
pub const MAX_ROUNDS: usize = 10;

/// Why a set of edits cannot be applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FixError {
    /// Two edits touch the same bytes.
    Overlap {
        /// Start of the later edit.
        at: usize,
    },
    /// An edit starts or ends outside the text or inside a character.
    OutOfBounds {
        /// The offending offset.
        at: usize,
    },
}

impl fmt::Display for FixError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FixError::Overlap { at } => write!(f, "edits overlap at byte {at}"),
            FixError::OutOfBounds { at } => {
                write!(
                    f,
                    "edit at byte {at} is outside the text or inside a character"
                )
            }
        }
    }
}

impl std::error::Error for FixError {}

/// Applies non-overlapping edits to `text`.
pub fn apply_edits(text: &str, edits: &[Edit]) -> Result<String, FixError> {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in sorted {
        for offset in [e.span.start, e.span.end] {
            if offset > text.len() || !text.is_char_boundary(offset) {
                return Err(FixError::OutOfBounds { at: offset });
            }
        }
        if e.span.start < at {
            return Err(FixError::Overlap { at: e.span.start });
        }
        out.push_str(&text[at..e.span.start]);
        out.push_str(&e.replacement);
        at = e.span.end;
    }
    out.push_str(&text[at..]);
    Ok(out)
}

/// A fix chosen for applying: the rule it fixes and its edits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedFix {
    /// The rule of the finding.
    pub rule: &'static str,
    /// The finding's span.
    pub span: Span,
    /// The edits of the fix.
    pub edits: Vec<Edit>,
}

/// The fixes of one round: what will be applied and what overlaps it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FixPlan {
    /// Non-overlapping fixes, in position order.
    pub apply: Vec<PlannedFix>,
    /// Fixes left out because they overlap one applied before them.
    pub overlapping: Vec<PlannedFix>,
}

impl FixPlan {
    /// Every edit of the applied fixes.
    pub fn edits(&self) -> Vec<Edit> {
        self.apply
            .iter()
            .flat_map(|f| f.edits.iter().cloned())
            .collect()
    }
}

fn edits_clash(a: &Edit, b: &Edit) -> bool {
    a.span.overlaps(b.span)
        || (a.span.start == b.span.start && (a.span.is_empty() || b.span.is_empty()))
}

/// Chooses the fixes to apply: the first fix of each finding if it is at least `min` (never
/// display-only), in position order, leaving out any fix that overlaps one already chosen.
pub fn plan(diagnostics: &[Diagnostic], min: Applicability) -> FixPlan {
    let min = min.max(Applicability::Unsafe);
    let mut candidates: Vec<PlannedFix> = diagnostics
        .iter()
        .filter_map(|d| {
            let fix = d.fixes.first()?;
            (fix.applicability >= min && !fix.edits.is_empty()).then(|| PlannedFix {
                rule: d.rule,
                span: d.span,
                edits: fix.edits.clone(),
            })
        })
        .collect();
    candidates.sort_by_key(|f| (f.edits[0].span.start, f.edits[0].span.end, f.rule));
    let mut plan = FixPlan::default();
    for fix in candidates {
        let clash = plan
            .apply
            .iter()
            .flat_map(|f| &f.edits)
            .any(|a| fix.edits.iter().any(|b| edits_clash(a, b)));
        if clash {
            plan.overlapping.push(fix);
        } else {
            plan.apply.push(fix);
        }
    }
    plan
}

/// What fixing a text until it is stable did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FixOutcome {
    /// The fixed text.
    pub text: String,
    /// Fixes applied per rule, over all rounds.
    pub applied: BTreeMap<&'static str, usize>,
    /// Fixes not applied in the last round because they overlapped others.
    pub not_applied: Vec<PlannedFix>,
    /// Rounds that changed the text.
    pub rounds: usize,
    /// True when the text still had fixes to apply after [`MAX_ROUNDS`] rounds.
    pub unstable: bool,
}

impl FixOutcome {
    /// Total fixes applied.
    pub fn total(&self) -> usize {
        self.applied.values().sum()
    }
}

/// Applies fixes of at least `min` applicability, re-checks with `check`, and repeats until no
/// fix applies (at most [`MAX_ROUNDS`] rounds).
pub fn fix_until_stable(
    text: &str,
    min: Applicability,
    mut check: impl FnMut(&str) -> Vec<Diagnostic>,
) -> Result<FixOutcome, FixError> {
    let mut outcome = FixOutcome {
        text: text.to_owned(),
        ..FixOutcome::default()
    };
    loop {
        let diagnostics = check(&outcome.text);
        let plan = plan(&diagnostics, min);
        if plan.apply.is_empty() {
            outcome.not_applied = plan.overlapping;
            return Ok(outcome);
        }
        if outcome.rounds == MAX_ROUNDS {
            outcome.unstable = true;
            outcome.not_applied = plan.overlapping;
            return Ok(outcome);
        }
        let fixed = apply_edits(&outcome.text, &plan.edits())?;
        if fixed == outcome.text {
            outcome.not_applied = plan.overlapping;
            return Ok(outcome);
        }
        for f in &plan.apply {
            *outcome.applied.entry(f.rule).or_default() += 1;
        }
        outcome.text = fixed;
        outcome.rounds += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Fix, Severity};

    #[test]
    fn applies_in_order_and_rejects_overlaps() {
        let text = "l’OTS et Pashinyan";
        let name = text.find("Pashinyan").unwrap();
        let edits = [
            Edit::replace(Span::new(name, name + 9), "Pachinian"),
            Edit::replace(Span::new(4, 7), "OET"),
        ];
        assert_eq!(apply_edits(text, &edits).unwrap(), "l’OET et Pachinian");
        let overlapping = [Edit::delete(Span::new(0, 5)), Edit::delete(Span::new(4, 7))];
        assert_eq!(
            apply_edits(text, &overlapping),
            Err(FixError::Overlap { at: 4 })
        );
        assert_eq!(
            apply_edits(text, &[Edit::delete(Span::new(2, 3))]),
            Err(FixError::OutOfBounds { at: 2 })
        );
        assert_eq!(
            apply_edits(text, &[Edit::delete(Span::new(2, 99))]),
            Err(FixError::OutOfBounds { at: 2 })
        );
    }

    fn finding(rule: &'static str, start: usize, end: usize, fix: Fix) -> Diagnostic {
        Diagnostic::new(rule, Severity::Error, Span::new(start, end), "m").with_fix(fix)
    }

    #[test]
    fn plan_keeps_the_earlier_of_overlapping_fixes_and_respects_applicability() {
        let diags = vec![
            finding(
                "b",
                3,
                8,
                Fix::safe("x", vec![Edit::replace(Span::new(3, 8), "X")]),
            ),
            finding(
                "a",
                0,
                5,
                Fix::safe("y", vec![Edit::replace(Span::new(0, 5), "Y")]),
            ),
            finding(
                "c",
                10,
                12,
                Fix::unsafe_("z", vec![Edit::replace(Span::new(10, 12), "Z")]),
            ),
            finding(
                "d",
                13,
                14,
                Fix::display_only("w", vec![Edit::delete(Span::new(13, 14))]),
            ),
        ];
        let safe = plan(&diags, Applicability::Safe);
        assert_eq!(safe.apply.iter().map(|f| f.rule).collect::<Vec<_>>(), ["a"]);
        assert_eq!(
            safe.overlapping.iter().map(|f| f.rule).collect::<Vec<_>>(),
            ["b"]
        );
        let all = plan(&diags, Applicability::Unsafe);
        assert_eq!(
            all.apply.iter().map(|f| f.rule).collect::<Vec<_>>(),
            ["a", "c"]
        );
        // Display-only fixes are never applied, even when asked for everything.
        let everything = plan(&diags, Applicability::DisplayOnly);
        assert_eq!(everything.apply.len(), 2);
    }

    #[test]
    fn fixing_repeats_until_stable_and_stops_on_a_loop() {
        // A check that wants every "a" turned into "b".
        let check = |text: &str| -> Vec<Diagnostic> {
            text.match_indices('a')
                .map(|(i, _)| {
                    finding(
                        "r",
                        i,
                        i + 1,
                        Fix::safe("b", vec![Edit::replace(Span::new(i, i + 1), "b")]),
                    )
                })
                .collect()
        };
        let outcome = fix_until_stable("a-a-c", Applicability::Safe, check).unwrap();
        assert_eq!(outcome.text, "b-b-c");
        assert_eq!(outcome.applied["r"], 2);
        assert_eq!(outcome.rounds, 1);
        assert!(!outcome.unstable);
        // A check that never converges: "x" → "xx".
        let growing = |text: &str| -> Vec<Diagnostic> {
            vec![finding(
                "g",
                0,
                1,
                Fix::safe("g", vec![Edit::replace(Span::new(0, 1), "xx")]),
            )]
            .into_iter()
            .filter(|_| text.starts_with('x'))
            .collect()
        };
        let outcome = fix_until_stable("x", Applicability::Safe, growing).unwrap();
        assert!(outcome.unstable);
        assert_eq!(outcome.rounds, MAX_ROUNDS);
    }
}
