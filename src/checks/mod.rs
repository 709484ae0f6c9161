//! Checks: one file per rule family. This module holds the [`Check`] trait, the [`Rule`]
//! metadata with its documentation, and the registry of every check.
//!
//! A check reads the shared [`Analysis`] and pushes [`Diagnostic`]s; checks never talk to each
//! other. Overlaps between their findings are settled afterwards by [`crate::lint`].

mod bilingual;
mod fragment;
mod glossary;
mod name_evidence;
pub mod replacement;
mod spelling;
#[cfg(test)]
pub(crate) mod test_support;

use crate::analysis::Analysis;
use crate::config::Settings;
use crate::diagnostic::{Diagnostic, Severity};

/// A rule: a stable id, its default severity and its documentation.
#[derive(Debug)]
pub struct Rule {
    /// Stable kebab-case id, used in config and suppressions.
    pub id: &'static str,
    /// The family the rule belongs to (`glossary`, `consistency`, `leftover`, `bilingual`).
    pub family: &'static str,
    /// Severity unless configured otherwise.
    pub severity: Severity,
    /// One line for `mtlint rules`.
    pub summary: &'static str,
    /// Markdown with the headings *What it does*, *Why is this bad?*, *Example*, *Fix safety*.
    pub doc: &'static str,
    /// When two findings overlap, the one of higher precedence is kept.
    pub precedence: u8,
}

/// What a check sees.
pub struct Context<'a> {
    /// The analysed document.
    pub analysis: &'a Analysis<'a>,
    /// The run's settings.
    pub settings: &'a Settings,
    /// In batch consistency scope, what the first pass learned from every document of the run.
    pub batch: Option<&'a BatchFacts>,
    /// When the document is one piece (chunk) of a larger one: the piece's byte offset in it.
    /// `batch` then holds the whole document's facts, and related places of findings are
    /// given as offsets of the whole document (they may lie in other pieces).
    pub chunk: Option<usize>,
}

/// What the first pass of a batch-scoped run learns from every document, before any document
/// is checked: the facts that checks comparing documents (consistency) pool. Each document's
/// facts are collected on their own, then merged in run order.
#[derive(Debug, Default)]
pub struct BatchFacts {
    /// The spellings of names, for `inconsistent-spelling`.
    names: spelling::NamePool,
}

impl BatchFacts {
    /// Adds the facts of the documents after these.
    pub fn merge(&mut self, other: BatchFacts) {
        self.names.merge(other.names);
    }

    /// The places findings may point at as related places: the first occurrences of every
    /// spelling, as offsets of the pieces' document (chunked checking).
    pub fn related_places(&self) -> Vec<crate::diagnostic::Span> {
        self.names.first_places()
    }
}

/// A family of rules over one document.
pub trait Check: Sync + Send {
    /// The rules this check can report.
    fn rules(&self) -> &'static [&'static Rule];
    /// Appends the findings for one document.
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>);

    /// First pass of a batch-scoped run: adds what this document tells about the run. Checks
    /// that look at one document at a time keep this default, which adds nothing.
    fn collect(&self, _cx: &Context<'_>, _facts: &mut BatchFacts) {}
}

/// Every check, in reporting order.
pub fn registry() -> &'static [&'static dyn Check] {
    &[
        &glossary::GlossaryCheck,
        &spelling::SpellingCheck,
        &fragment::FragmentCheck,
        &bilingual::BilingualCheck,
    ]
}

/// Rules the linter itself reports, outside any check.
static ENGINE_RULES: [&Rule; 1] = [&crate::suppress::UNUSED_SUPPRESSION];

/// Every rule of every check, and the linter's own.
pub fn rules() -> impl Iterator<Item = &'static Rule> {
    registry()
        .iter()
        .flat_map(|c| c.rules().iter().copied())
        .chain(ENGINE_RULES.iter().copied())
}

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    rules().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_documented_with_the_fixed_headings() {
        let mut ids = std::collections::HashSet::new();
        for r in rules() {
            assert!(ids.insert(r.id), "duplicate rule id {}", r.id);
            assert!(
                r.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{} is not kebab-case",
                r.id
            );
            for heading in [
                "## What it does",
                "## Why is this bad?",
                "## Example",
                "## Fix safety",
            ] {
                assert!(r.doc.contains(heading), "{} lacks {heading}", r.id);
            }
            assert!(
                !r.summary.ends_with('.'),
                "{} summary ends with a period",
                r.id
            );
        }
        assert!(rule("translated-name").is_some());
    }
}
