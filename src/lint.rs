//! The checking pipeline for one run: compile the glossary once, analyse each document, run
//! every check, then settle overlaps and order the findings.

use crate::analysis::Analysis;
use crate::checks::{self, BatchFacts, Context};
use crate::config::{ConsistencyScope, Settings};
use crate::diagnostic::Diagnostic;
use crate::document::{Document, Format};
use crate::glossary::{Glossary, GlossaryMatcher, Lang};
use crate::text::{CaseMode, Folded, LanguageProfile};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashSet};
use std::fmt;

/// The findings for one document.
#[derive(Clone, Debug)]
pub struct FileResult {
    /// The document's name.
    pub name: String,
    /// Its whole text (renderers quote it).
    pub text: String,
    /// The language checked.
    pub language: Lang,
    /// The format it was read as.
    pub format: Format,
    /// Number of words of prose.
    pub words: usize,
    /// Findings, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    /// Fixes applied to the file before these findings, per rule (empty unless fixing).
    pub fixed: BTreeMap<&'static str, usize>,
}

/// A setting the linter cannot work with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnsupportedLanguage(pub Lang);

impl fmt::Display for UnsupportedLanguage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "language `{}` has no profile yet; supported: {}",
            self.0,
            crate::text::lang::SUPPORTED.join(", ")
        )
    }
}

impl std::error::Error for UnsupportedLanguage {}

/// Checks documents with one glossary and one set of settings.
#[derive(Debug)]
pub struct Linter {
    matcher: GlossaryMatcher,
    accept_folded: HashSet<String>,
    settings: Settings,
    target: &'static LanguageProfile,
    source: &'static LanguageProfile,
}

impl Linter {
    /// Compiles the glossary for the settings' languages.
    pub fn new(glossary: &Glossary, settings: Settings) -> Result<Linter, UnsupportedLanguage> {
        let profile =
            |lang: Lang| LanguageProfile::get(lang.code()).ok_or(UnsupportedLanguage(lang));
        Ok(Linter {
            accept_folded: settings
                .accept
                .iter()
                .map(|w| Folded::fold_str(w, CaseMode::Fold))
                .collect(),
            matcher: GlossaryMatcher::new(glossary, settings.target, settings.source),
            target: profile(settings.target)?,
            source: profile(settings.source)?,
            settings,
        })
    }

    /// True when the settings accept this text as it is (`accept` in mtlint.toml).
    fn is_accepted(&self, text: &str) -> bool {
        !self.accept_folded.is_empty()
            && self
                .accept_folded
                .contains(&Folded::fold_str(text, CaseMode::Fold))
    }

    /// The run's settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Checks one document on its own (a batch consistency scope needs [`Linter::check_all`]).
    pub fn check(&self, doc: Document) -> FileResult {
        self.check_with(doc, None)
    }

    /// Checks the documents of a run, in order. In batch consistency scope this takes two
    /// passes: every document's facts are collected and pooled first, then each document is
    /// checked against the pool (its findings stay its own).
    pub fn check_all(&self, docs: Vec<Document>) -> Vec<FileResult> {
        self.check_all_with_progress(docs, &|| {})
    }

    /// [`Linter::check_all`], in parallel (results in input order), calling `done` after each
    /// document.
    pub fn check_all_with_progress(
        &self,
        docs: Vec<Document>,
        done: &(dyn Fn() + Sync),
    ) -> Vec<FileResult> {
        if docs.len() == 1 && self.settings.consistency_scope != ConsistencyScope::Batch {
            // One document needs no thread pool.
            return docs
                .into_iter()
                .map(|d| {
                    let r = self.check(d);
                    done();
                    r
                })
                .collect();
        }
        if self.settings.consistency_scope != ConsistencyScope::Batch {
            return docs
                .into_par_iter()
                .map(|d| {
                    let r = self.check(d);
                    done();
                    r
                })
                .collect();
        }
        // Facts are collected in parallel and pooled in input order.
        let per_doc: Vec<BatchFacts> = docs.par_iter().map(|d| self.collect(d)).collect();
        let mut facts = BatchFacts::default();
        for f in per_doc {
            facts.merge(f);
        }
        docs.into_par_iter()
            .map(|d| {
                let r = self.check_with(d, Some(&facts));
                done();
                r
            })
            .collect()
    }

    /// First pass of a batch-scoped run: what one document tells the checks that compare
    /// documents.
    pub fn collect(&self, doc: &Document) -> BatchFacts {
        self.collect_inner(doc, None).0
    }

    /// First pass of a chunked check (see [`crate::chunked`]): the facts of one piece of a
    /// large document, the piece starting at byte `base` of it; and its number of words.
    pub fn collect_chunk(&self, doc: &Document, base: usize) -> (BatchFacts, usize) {
        self.collect_inner(doc, Some(base))
    }

    fn collect_inner(&self, doc: &Document, chunk: Option<usize>) -> (BatchFacts, usize) {
        let analysis = Analysis::new(doc, &self.matcher, self.target, self.source);
        let cx = Context {
            analysis: &analysis,
            settings: &self.settings,
            batch: None,
            chunk,
        };
        let mut facts = BatchFacts::default();
        for check in checks::registry() {
            check.collect(&cx, &mut facts);
        }
        (facts, analysis.word_count())
    }

    /// Checks one document, with the run's pooled facts in batch consistency scope.
    pub fn check_with(&self, doc: Document, batch: Option<&BatchFacts>) -> FileResult {
        self.check_inner(doc, batch, None)
    }

    /// Second pass of a chunked check: checks one piece of a large plain-text document, the
    /// piece starting at byte `base` of it, against the facts of the whole document (pooled
    /// from [`Linter::collect_chunk`] over every piece, in order). `curly` says whether the
    /// whole document writes the typographic apostrophe. The findings' places are offsets of
    /// the whole document; they are the findings of checking the document at once.
    pub fn check_chunk(
        &self,
        doc: Document,
        facts: &BatchFacts,
        base: usize,
        curly: bool,
    ) -> FileResult {
        self.check_inner(doc, Some(facts), Some((base, curly)))
    }

    fn check_inner(
        &self,
        doc: Document,
        batch: Option<&BatchFacts>,
        chunk: Option<(usize, bool)>,
    ) -> FileResult {
        let analysis = Analysis::new(&doc, &self.matcher, self.target, self.source);
        if let Some((_, curly)) = chunk {
            analysis.assume_apostrophe(curly);
        }
        let cx = Context {
            analysis: &analysis,
            settings: &self.settings,
            batch,
            chunk: chunk.map(|(base, _)| base),
        };
        let mut diagnostics = Vec::new();
        for check in checks::registry() {
            check.check(&cx, &mut diagnostics);
        }
        let words = analysis.word_count();
        let prose = analysis.text;
        // Disabled rules go before overlaps are settled: ignoring a rule lets the finding it
        // would have absorbed show.
        diagnostics.retain(|d| self.settings.rules.enabled(d.rule));
        let mapped: Vec<Diagnostic> = finalize(diagnostics)
            .into_iter()
            .filter(|d| !self.is_accepted(d.span.slice(prose)))
            .map(|d| doc.diagnostic_to_original(d))
            .collect();
        drop(analysis);
        let suppressions = crate::suppress::find(&doc.original, doc.format);
        let diagnostics = crate::suppress::apply(&doc.original, mapped, &suppressions)
            .into_iter()
            .filter(|d| self.settings.rules.enabled(d.rule))
            .map(|mut d| {
                if let Some(severity) = self.settings.rules.severity.get(d.rule) {
                    d.severity = *severity;
                }
                if let Some((base, _)) = chunk {
                    // Related places are whole-document offsets already.
                    d.span = d.span.shifted(base);
                    for fix in &mut d.fixes {
                        for edit in &mut fix.edits {
                            edit.span = edit.span.shifted(base);
                        }
                    }
                }
                d
            })
            .collect();
        FileResult {
            diagnostics,
            name: doc.name,
            text: doc.original,
            format: doc.format,
            language: self.settings.target,
            words,
            fixed: BTreeMap::new(),
        }
    }
}

/// Settles overlapping findings and sorts by position: when two findings share bytes, the
/// rule of higher precedence wins (the glossary-backed, more specific one), then the longer
/// span, then the earlier one.
pub fn finalize(diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    // Sentence-wide findings settle among themselves; the precise ones inside them stay.
    let (broad, precise): (Vec<Diagnostic>, Vec<Diagnostic>) =
        diagnostics.into_iter().partition(|d| d.broad);
    let mut kept = settle(precise);
    if !broad.is_empty() {
        kept.extend(settle(broad));
    }
    kept.sort_by_key(|d| (d.span.start, d.span.end, d.rule));
    kept
}

/// Keeps, of findings that share bytes, the one of higher precedence (then the longer, then
/// the earlier).
fn settle(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let precedence = |d: &Diagnostic| checks::rule(d.rule).map_or(0, |r| r.precedence);
    diagnostics.sort_by(|a, b| {
        precedence(b)
            .cmp(&precedence(a))
            .then(b.span.len().cmp(&a.span.len()))
            .then(a.span.start.cmp(&b.span.start))
    });
    // Kept spans are disjoint: only the kept span starting last before a candidate's end can
    // overlap it.
    let mut kept_spans: BTreeMap<usize, usize> = BTreeMap::new();
    let mut kept = Vec::with_capacity(diagnostics.len());
    for d in diagnostics {
        let clash = kept_spans
            .range(..d.span.end.max(d.span.start + 1))
            .next_back()
            .is_some_and(|(&start, &end)| end > d.span.start || start == d.span.start);
        if clash {
            continue;
        }
        kept_spans.insert(d.span.start, d.span.end);
        kept.push(d);
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Severity, Span};

    fn d(rule: &'static str, start: usize, end: usize) -> Diagnostic {
        Diagnostic::new(rule, Severity::Error, Span::new(start, end), "m")
    }

    #[test]
    fn broad_findings_neither_hide_nor_are_hidden_by_precise_ones() {
        let out = finalize(vec![
            d("missing-term", 0, 40).broad(),
            d("name-not-kept", 0, 40).broad(),
            d("number-mismatch", 10, 12),
            d("translated-name", 20, 30),
        ]);
        let rules: Vec<_> = out.iter().map(|d| (d.rule, d.span.start)).collect();
        assert_eq!(
            rules,
            [
                ("name-not-kept", 0),
                ("number-mismatch", 10),
                ("translated-name", 20)
            ]
        );
    }

    #[test]
    fn overlapping_findings_keep_the_higher_precedence_one() {
        let out = finalize(vec![
            d("untranslated-term", 10, 20),
            d("translated-name", 0, 5),
            d("glossary-variant", 12, 15),
            d("untranslated-term", 30, 35),
        ]);
        let rules: Vec<_> = out.iter().map(|d| (d.rule, d.span.start)).collect();
        assert_eq!(
            rules,
            [
                ("translated-name", 0),
                ("glossary-variant", 12),
                ("untranslated-term", 30)
            ]
        );
    }
}
