//! Bilingual rules: each target segment compared with the source text it translates
//! ([`crate::document::SegmentPair`]). They run only when the document has pairs (XLIFF, PO, or
//! a text checked with `--source`) and read nothing but the pairs and the shared analysis, so
//! they work the same whatever format the pairs came from. One file per rule:
//!
//! - [`name_not_kept`]: a name of the source missing from the target (translated or dropped);
//! - [`number_mismatch`]: the numbers of the two sides differ, compared by value per locale;
//! - [`missing_term`]: a glossary term of the source without its translation in the target;
//! - [`untranslated_segment`]: the target is the source, or wholly in the source language.
//!
//! This module holds what they share: the glossary names found in a source segment, and where
//! in the target segment a place of the source probably lies.

mod missing_term;
mod name_not_kept;
mod number_mismatch;
#[cfg(test)]
mod tests;
mod untranslated_segment;

use super::{Check, Context, Rule};
use crate::analysis::Analysis;
use crate::diagnostic::{Diagnostic, Span};
use crate::document::SegmentPair;
use crate::glossary::{Concept, Kind, Lang, Role, TermMatch};
use crate::text::{tokenize, CaseMode, Folded};

pub use missing_term::MISSING_TERM;
pub use name_not_kept::NAME_NOT_KEPT;
pub use number_mismatch::NUMBER_MISMATCH;
pub use untranslated_segment::UNTRANSLATED_SEGMENT;

static RULES: [&Rule; 4] = [
    &NAME_NOT_KEPT,
    &NUMBER_MISMATCH,
    &MISSING_TERM,
    &UNTRANSLATED_SEGMENT,
];

/// The bilingual check: every rule that compares a target segment with its source.
pub struct BilingualCheck;

impl Check for BilingualCheck {
    fn rules(&self) -> &'static [&'static Rule] {
        &RULES
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let a = cx.analysis;
        for pair in a.pairs {
            // A pair whose target lies outside the prose (a bug upstream) is skipped rather
            // than allowed to slice out of bounds.
            if pair.target.end > a.text.len()
                || pair.target.is_empty()
                || !a.text.is_char_boundary(pair.target.start)
                || !a.text.is_char_boundary(pair.target.end)
            {
                continue;
            }
            let view = PairView::new(a, pair);
            name_not_kept::check(&view, out);
            number_mismatch::check(&view, out);
            missing_term::check(&view, out);
            untranslated_segment::check(&view, out);
        }
    }
}

/// One pair as the rules see it.
pub(crate) struct PairView<'p, 'a> {
    /// The document's analysis.
    pub a: &'p Analysis<'a>,
    /// The pair.
    pub pair: &'p SegmentPair,
    /// Glossary names and terms of the source text, as source-language forms, in order;
    /// spans are bytes of [`SegmentPair::source`].
    pub source_terms: Vec<TermMatch>,
    /// Glossary matches inside the target segment.
    pub target_terms: &'p [TermMatch],
}

impl<'p, 'a> PairView<'p, 'a> {
    fn new(a: &'p Analysis<'a>, pair: &'p SegmentPair) -> PairView<'p, 'a> {
        let from = a
            .terms
            .partition_point(|m| m.span.start < pair.target.start);
        let to = a.terms.partition_point(|m| m.span.start < pair.target.end);
        let target_terms = &a.terms[from..to.max(from)];
        PairView {
            a,
            pair,
            source_terms: source_terms(a, &pair.source),
            target_terms,
        }
    }

    /// The source text.
    pub fn source(&self) -> &str {
        &self.pair.source
    }

    /// The target segment's text.
    pub fn target(&self) -> &str {
        self.pair.target.slice(self.a.text)
    }

    /// True when the target segment writes the concept in a form the glossary accepts for the
    /// target text (preferred, accepted, acronym, a variant, or a surname), elision and case
    /// folded.
    pub fn target_has_right_form(&self, concept: usize) -> bool {
        self.target_terms.iter().any(|m| {
            m.concept == concept
                && m.span.end <= self.pair.target.end
                && (m.role.is_right() || m.role == Role::Variant)
        })
    }

    /// The target matches of the concept in any role.
    pub fn target_matches(&self, concept: usize) -> impl Iterator<Item = &TermMatch> {
        self.target_terms
            .iter()
            .filter(move |m| m.concept == concept && m.span.end <= self.pair.target.end)
    }

    /// Where in the target segment the place at byte `offset` of the source probably lies:
    /// the sentence at the same rank when both sides have as many sentences, else the
    /// sentence at the same relative position, else the whole segment.
    pub fn target_place(&self, offset: usize) -> Span {
        let a = self.a;
        let seg = self.pair.target;
        let source = self.source();
        let mut source_sentences = Vec::new();
        tokenize::sentences(
            source,
            Span::new(0, source.len()),
            a.source,
            &mut source_sentences,
        );
        let from = a.sentences.partition_point(|s| s.start < seg.start);
        let to = a.sentences.partition_point(|s| s.end <= seg.end);
        let targets = &a.sentences[from..to.max(from)];
        if targets.is_empty() {
            return seg;
        }
        if targets.len() == source_sentences.len() {
            let rank = source_sentences
                .partition_point(|s| s.end <= offset)
                .min(targets.len() - 1);
            return targets[rank];
        }
        let relative = offset as f64 / source.len().max(1) as f64;
        let at = seg.start + (relative * seg.len() as f64) as usize;
        let rank = targets
            .partition_point(|s| s.end <= at)
            .min(targets.len() - 1);
        targets[rank]
    }

    /// A short quotation of the source around a span, for messages.
    pub fn source_excerpt(&self, span: Span) -> String {
        const CONTEXT: usize = 30;
        let text = self.source();
        let mut start = floor_char(text, span.start.saturating_sub(CONTEXT));
        let mut end = ceil_char(text, (span.end + CONTEXT).min(text.len()));
        // Whole words only: cut at the spaces nearest the limits.
        if start > 0 {
            start = text[start..span.start]
                .find(' ')
                .map_or(span.start, |k| start + k + 1);
        }
        if end < text.len() {
            end = text[span.end..end]
                .rfind(' ')
                .map_or(span.end, |k| span.end + k);
        }
        let mut out = String::new();
        if start > 0 {
            out.push('…');
        }
        out.push_str(text[start..end].trim());
        if end < text.len() {
            out.push('…');
        }
        out.replace('\n', " ")
    }
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The glossary forms of the source language in a source text. The matcher is compiled for
/// the target text, so each match is kept only when what it matched is a source-language form
/// of its concept (a target-only form met in the source means nothing here).
fn source_terms(a: &Analysis<'_>, source: &str) -> Vec<TermMatch> {
    let folded = Folded::new(source, &[Span::new(0, source.len())], CaseMode::Fold);
    let mut found = Vec::new();
    a.glossary.find(source, &folded, &mut found);
    let lang = a.glossary.source();
    found.retain(|m| {
        let found = Folded::fold_str(m.span.slice(source), CaseMode::Fold);
        source_forms(a.glossary.concept(m.concept), lang).any(|f| {
            let f = Folded::fold_str(f, CaseMode::Fold);
            f == found || (m.surname && f.ends_with(&format!(" {found}")))
        })
    });
    found
}

/// The forms of a concept in the source language (a kept name's own, else its English one).
fn source_forms(c: &Concept, source: Lang) -> impl Iterator<Item = &str> {
    let forms = if c.keep {
        c.kept_forms(source)
    } else {
        c.forms(source)
    };
    forms
        .into_iter()
        .flat_map(|f| f.right_forms().chain(f.variants.iter().map(String::as_str)))
}

/// True for the concepts `name-not-kept` covers: names the glossary keeps, and persons and
/// organisations (outlets, agencies, brands, platforms) whose target form it gives. Other
/// concepts (places, events, terms) are `missing-term`'s.
pub(crate) fn is_name(c: &Concept, target: Lang) -> bool {
    c.keep
        || (matches!(
            c.kind,
            Kind::Person
                | Kind::Organization
                | Kind::Outlet
                | Kind::Agency
                | Kind::Brand
                | Kind::Platform
        ) && c
            .forms(target)
            .is_some_and(|f| f.right_forms().next().is_some()))
}

/// The form a concept should have in the target text: the kept name, else the target's
/// preferred form (or first right form).
pub(crate) fn expected_form(c: &Concept, target: Lang, source: Lang) -> Option<&str> {
    c.right_form(target, source)
        .or_else(|| c.forms(target).and_then(|f| f.right_forms().next()))
}
